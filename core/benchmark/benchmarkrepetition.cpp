#include "benchmark/benchmarkrepetition.h"

#include "benchmark/benchmarkdiagnostics.h"
#include "benchmark/benchmarkjournal.h"
#include "benchmark/coresettrainer.h"
#include "benchmark/coresetunits.h"
#include "benchmark/heldouttestset.h"
#include "benchmark/parametersearch.h"
#include "common/error.h"
#include "dataset/seeddraw.h"
#include "jobs/jobcontext.h"
#include "learning/supervisedtrainer.h"
#include "learning/trainerconfigs.h"
#include "pipeline/pipeline.h"
#include "pipeline/trainingset.h"
#include "scoring/scores.h"
#include "scoring/trainingdynamics.h"
#include "selection/coveragecentric.h"
#include "selection/diversecoverage.h"
#include "selection/dualbeta.h"
#include "selection/hardcutoff.h"
#include "selection/randomselection.h"
#include "storage/classtable.h"
#include "storage/database.h"
#include "storage/imagetable.h"
#include "storage/labeltable.h"
#include "storage/project.h"
#include "storage/resulttables.h"
#include "storage/runtable.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

namespace semiprune {

void FigureSums::add(const QString &name, double value)
{
    for (std::size_t i = 0; i < sums.size(); ++i) {
        if (sums[i].first == name) {
            sums[i].second += value;
            ++counts[i].second;
            return;
        }
    }
    sums.emplace_back(name, value);
    counts.emplace_back(name, 1);
}

std::vector<std::pair<QString, double>> FigureSums::means() const
{
    auto result = sums;
    for (std::size_t i = 0; i < result.size(); ++i)
        result[i].second /= counts[i].second;
    return result;
}

namespace {

// The exponents c of DUAL-Beta's schedule the benchmark tries: the DUAL paper's range.
const std::vector<double> kDualBetaExponents { 3.0, 4.0 };

double runSeconds(Database &db, RunId run)
{
    if (!run.isValid())
        return 0;
    const auto record = RunTable(db).find(run);
    return record ? record->activeSeconds() : 0;
}

double runImagesPerSecond(Database &db, RunId run)
{
    if (!run.isValid())
        return 0;
    const auto record = RunTable(db).find(run);
    return record ? record->metrics.value(QStringLiteral("images_per_second")).toDouble() : 0;
}

// What the pipeline left for the selectors, in the order of the training set: AUM, the labels the
// proxy trained on, DUAL with its mean confidence, and the proxy network's image features.
struct PoolState {
    TrainingSet set;
    std::vector<double> aum;
    std::vector<int> proxyLabels; // seed labels and pseudo-labels
    std::vector<double> dual;
    std::vector<double> dualConfidence;
    FeatureMatrix features;
};

class Repetition {
public:
    Repetition(const BenchmarkContext &context, quint64 seed) : c(context), m_seed(seed) { }

    void run()
    {
        labelSeed();
        const PipelineResult pipeline = runPipeline();
        const PoolState pool = poolState(pipeline);
        const std::vector<int> &truth = pool.set.referenceLabels;
        const PseudoLabelDiagnostics diagnostics = pseudoLabelDiagnostics(pool.proxyLabels, truth, pool.aum);
        c.report.pseudoLabelAccuracies.push_back(pipeline.pseudoLabelAccuracy);
        c.report.pseudoLabelErrorShares.push_back(diagnostics.errorShare);
        c.report.lowAumErrorShares.push_back(diagnostics.lowAumErrorShare);

        CoresetTrainer trainer(*pool.set.bank, truth, int(pool.set.classes.size()), c.settings, c.testSet, c.job);
        CoresetUnits units(unitInputs(pool.set, trainer));
        measureFullPool(units, pool.set.bank->count());
        const std::vector<double> trueAum = trueLabelAum(*pool.set.bank, truth, int(pool.set.classes.size()));

        std::vector<double> rates = c.settings.pruningRates;
        std::sort(rates.begin(), rates.end());
        for (double rate : rates)
            measureRate(rate, pool, trueAum, units);

        c.seconds.add(QStringLiteral("coreset training and testing"), units.seconds() + m_referenceSeconds);
        double imagesPerSecond = 0;
        int trainings = 0;
        for (const QJsonObject &entry : c.journal.entriesUnder(unitKey(m_seed, QString()))) {
            if (entry.value(QStringLiteral("images_per_second")).toDouble() > 0) {
                imagesPerSecond += entry.value(QStringLiteral("images_per_second")).toDouble();
                ++trainings;
            }
        }
        c.throughput.add(QStringLiteral("coreset training"), trainings ? imagesPerSecond / trainings : 0.0);
    }

private:
    void labelSeed()
    {
        Database &db = c.project.db();
        LabelTable labels(db);
        for (const LabelRecord &label : labels.all())
            labels.clear(label.image); // the previous repetition's seed
        // A resumed repetition labels the images it drew before: the same labels make the
        // pipeline find its finished stages (a new draw would take other images).
        const std::optional<SeedDrawResult> earlier = findSeedDraw(db, c.settings.seedBudget, m_seed, true);
        if (earlier)
            c.log(
                QCoreApplication::translate("Benchmark", "Seed %1: labeling the %2 images drawn before, class-balanced")
                    .arg(m_seed)
                    .arg(earlier->images.size()));
        else
            c.log(QCoreApplication::translate("Benchmark", "Seed %1: drawing %2 labeled images, class-balanced")
                      .arg(m_seed)
                      .arg(c.settings.seedBudget));
        const SeedDrawResult draw = earlier ? *earlier : drawSeed(db, c.settings.seedBudget, m_seed, true);
        ImageTable images(db);
        ClassTable classes(db);
        const QHash<ReferenceClassId, QString> names = images.referenceClassNames();
        const qint64 now = currentTimeMs();
        for (ImageId image : draw.images) {
            const auto record = images.find(image);
            const ClassId cls = classes.ensure(names.value(record->referenceClass)).id;
            labels.set(image, cls, LabelSource::Seed, now);
        }
    }

    // The benchmark's training settings with this repetition's seed.
    TrainingSettings training() const
    {
        TrainingSettings training = c.settings.training;
        training.seed = m_seed;
        return training;
    }

    PipelineResult runPipeline()
    {
        PipelineSettings settings;
        settings.training = training();
        // A finished proxy run is reused only with the image features the diversity selector reads.
        if (c.settings.measures(SelectorKind::Diverse))
            settings.selector = SelectorKind::Diverse;
        // A resumed benchmark finds the finished stages of this seed in the project (same inputs)
        // and continues an interrupted one from its checkpoint.
        c.log(QCoreApplication::translate(
            "Benchmark", "Seed %1: FixMatch, pseudo-labels, proxy training dynamics and scores")
                  .arg(m_seed));
        const PipelineResult pipeline = Pipeline(c.project, settings, c.job).run(PipelineStage::Scores);
        Database &db = c.project.db();
        const auto pseudoRun = RunTable(db).latestFinished(QStringLiteral("pseudo-label"));
        c.seconds.add(QStringLiteral("FixMatch"), runSeconds(db, pipeline.sslRun));
        c.seconds.add(QStringLiteral("pseudo-labels"), pseudoRun ? runSeconds(db, pseudoRun->id) : 0);
        c.seconds.add(QStringLiteral("proxy dynamics"), runSeconds(db, pipeline.dynamicsRun));
        c.seconds.add(QStringLiteral("scores"), runSeconds(db, pipeline.scoresRun));
        c.throughput.add(QStringLiteral("FixMatch"), runImagesPerSecond(db, pipeline.sslRun));
        c.throughput.add(QStringLiteral("proxy dynamics"), runImagesPerSecond(db, pipeline.dynamicsRun));
        return pipeline;
    }

    PoolState poolState(const PipelineResult &pipeline)
    {
        PoolState pool { loadTrainingSet(c.project, c.job), {}, {}, {}, {}, {} };
        const TrainingSet &set = pool.set;
        if (int(set.classes.size()) != c.sourceClasses.size())
            throw Error(QCoreApplication::translate(
                "Benchmark", "The seed labeled %1 of %2 classes: every class needs seed images.")
                            .arg(set.classes.size())
                            .arg(c.sourceClasses.size()));
        for (int label : set.referenceLabels) {
            if (label < 0)
                throw Error(QCoreApplication::translate("Benchmark", "A pool image has no known label."));
        }
        Database &db = c.project.db();
        RunTable runs(db);
        const std::vector<ImageId> runImages = runs.images(pipeline.dynamicsRun);
        const std::vector<int> runLabels = runs.imageLabels(pipeline.dynamicsRun);
        QHash<ImageId, int> row;
        for (std::size_t i = 0; i < runImages.size(); ++i)
            row.insert(runImages[i], int(i));
        ScoreTable scores(db);
        const QHash<ImageId, double> aum = scores.forRun(pipeline.scoresRun, QStringLiteral("aum"));
        const QHash<ImageId, double> dual = scores.forRun(pipeline.scoresRun, QStringLiteral("dual"));
        const QHash<ImageId, double> confidence = scores.forRun(pipeline.scoresRun, QStringLiteral("dual_confidence"));
        std::vector<int> order;
        for (ImageId image : set.images) {
            const int position = row.value(image, -1);
            pool.aum.push_back(aum.value(image));
            pool.proxyLabels.push_back(position >= 0 ? runLabels[std::size_t(position)] : -1);
            pool.dual.push_back(dual.value(image));
            pool.dualConfidence.push_back(confidence.value(image));
            order.push_back(std::max(0, position));
        }
        const FeatureMatrix stored = FeatureTable(db).load(pipeline.dynamicsRun);
        if (!stored.isEmpty())
            pool.features = stored.rows(order);
        return pool;
    }

    CoresetUnits::Inputs unitInputs(const TrainingSet &set, CoresetTrainer &trainer)
    {
        // Test and validation labels in the training classes' order (matched by name).
        std::vector<int> labelMap;
        for (const QString &name : c.sourceClasses) {
            const auto it = std::find(set.classNames.begin(), set.classNames.end(), name);
            labelMap.push_back(it == set.classNames.end() ? -1 : int(it - set.classNames.begin()));
        }
        std::vector<int> validationLabels;
        for (int label : c.validationSourceLabels)
            validationLabels.push_back(labelMap[std::size_t(label)]);
        return CoresetUnits::Inputs { c.journal, c.outputFolder, trainer, c.validationBank, std::move(validationLabels),
            c.testSet, std::move(labelMap), c.settings.finalEpochs, c.settings.training.device, m_seed };
    }

    void measureFullPool(CoresetUnits &units, int n)
    {
        const QString key = unitKey(m_seed, QStringLiteral("full"));
        if (!units.isTrained(key))
            c.log(QCoreApplication::translate("Benchmark", "Seed %1: the full pool with true labels (reference)")
                      .arg(m_seed));
        std::vector<int> all(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i)
            all[std::size_t(i)] = i;
        units.train(key, all, 1.0);
        const TestedUnit full = units.test(key);
        c.report.fullDataAccuracies.push_back(full.test);
        c.report.fullDataBestEpochAccuracies.push_back(full.bestEpochTest);
        units.removeModels(key);
    }

    void measureRate(double rate, const PoolState &pool, const std::vector<double> &trueAum, CoresetUnits &units)
    {
        const double keep = 1.0 - rate;
        const bool highest = std::abs(rate - c.settings.highestPruningRate()) < 1e-9;
        const std::vector<double> betas = c.settings.betaCandidates(keep, highest);
        const auto search = [&](const QString &method, std::vector<double> candidates, const QString &parameter,
                                const std::function<Selection(double)> &select, const QString &betaZero = {}) {
            searchAndTest(ParameterSearch { method, rate, std::move(candidates), parameter, select },
                c.settings.betaStep, m_seed, units, c.report, c.log, betaZero);
        };
        const auto cutoff = [&](const std::vector<double> &scores, const std::vector<int> *classes) {
            return [&scores, classes, keep](double beta) {
                return classes ? selectClassAwareHardCutoff(scores, *classes, HardEnd::Low, keep, beta)
                               : selectHardCutoff(scores, HardEnd::Low, keep, beta);
            };
        };
        const QString beta = QStringLiteral("beta");

        search(benchmarkmethod::semiPrune(), betas, beta, cutoff(pool.aum, nullptr),
            highest ? benchmarkmethod::betaZero() : QString());
        if (c.settings.measures(SelectorKind::Ccs))
            search(benchmarkmethod::semiPruneCcs(), betas, beta,
                [&](double b) { return selectCoverageCentric(pool.aum, HardEnd::Low, keep, b, m_seed); });
        if (c.settings.measures(SelectorKind::DualBeta))
            search(benchmarkmethod::semiPruneDualBeta(), kDualBetaExponents, QStringLiteral("c"), [&](double exponent) {
                return selectDualBeta(pool.dual, pool.dualConfidence, keep, m_seed, {}, exponent);
            });
        if (c.settings.measures(SelectorKind::Diverse))
            search(benchmarkmethod::semiPruneDiverse(), betas, beta, [&](double b) {
                return selectDiverseCoverage(pool.aum, HardEnd::Low, pool.features, pool.proxyLabels, keep, b);
            });

        const QString randomKey = unitKey(m_seed, rate, benchmarkmethod::random());
        if (!units.isTrained(randomKey))
            c.log(QCoreApplication::translate("Benchmark", "Seed %1, %2 % pruned: random subset")
                      .arg(m_seed)
                      .arg(std::lround(rate * 100)));
        const Selection random = selectRandom(pool.set.bank->count(), keep, m_seed);
        const TrainedUnit randomUnit = units.train(randomKey, random.kept, keep);
        recordTested(c.report.entry(benchmarkmethod::random(), rate), units.test(randomKey), -1, randomUnit.validation,
            int(random.kept.size()));

        // The upper reference gets the same protocol, its own beta search included.
        search(benchmarkmethod::trueLabels(), betas, beta, cutoff(trueAum, nullptr));
        // The class-aware cutoff keeps each class's share by the labels its dynamics were trained
        // on: the pseudo-labels for SemiPrune (the truth is hidden from it), the true labels for the
        // reference.
        if (c.settings.classCutoff) {
            search(benchmarkmethod::semiPruneClassCutoff(), betas, beta, cutoff(pool.aum, &pool.proxyLabels));
            search(benchmarkmethod::trueLabelsClassCutoff(), betas, beta, cutoff(trueAum, &pool.set.referenceLabels));
        }

        // The comparison is only fair if every coreset of this rate has the random subset's size.
        for (const BenchmarkEntry &entry : c.report.entries) {
            if (std::abs(entry.pruningRate - rate) < 1e-9 && entry.coresetSize != int(random.kept.size()))
                throw Error(QCoreApplication::translate(
                    "Benchmark", "Internal error: the random subset (%1) and the coreset (%2) differ in size.")
                                .arg(random.kept.size())
                                .arg(entry.coresetSize));
        }
        // Every model of this rate is measured and in the journal: their files can go.
        units.removeModels(unitKey(m_seed, rate, QString()));
    }

    // Stage 4 with the true labels in place of pseudo-labels: the upper reference of the method.
    // Done once per seed; the scores are kept in the journal.
    std::vector<double> trueLabelAum(const ImageBank &bank, const std::vector<int> &truth, int classCount)
    {
        const QString key = unitKey(m_seed, QStringLiteral("true-label-aum"));
        std::vector<double> scores;
        if (const auto done = c.journal.find(key)) {
            for (const QJsonValue &value : done->value(QStringLiteral("aum")).toArray())
                scores.push_back(value.toDouble());
            if (int(scores.size()) == bank.count()) {
                m_referenceSeconds += done->value(QStringLiteral("seconds")).toDouble();
                return scores;
            }
            scores.clear();
        }
        c.log(QCoreApplication::translate("Benchmark", "Seed %1: proxy training dynamics on true labels (reference)")
                  .arg(m_seed));
        c.testSet.requireNotTestBank(bank);
        QElapsedTimer timer;
        timer.start();
        SupervisedTrainer proxy(bank, {}, truth, classCount, proxyConfigFor(training()));
        proxy.setCancelFlag(c.job.cancelFlag());
        TrainingDynamics dynamics(bank.count());
        proxy.setEpochCallback([&](int, const std::vector<EpochRecord> &records) { dynamics.appendEpoch(records); });
        if (proxy.run() == TrainingOutcome::Cancelled)
            throw JobCancelled();
        scores = aumScores(dynamics);
        QJsonArray array;
        for (double value : scores)
            array.append(value);
        const double took = timer.elapsed() / 1000.0;
        c.journal.record(key, QJsonObject { { QStringLiteral("aum"), array }, { QStringLiteral("seconds"), took } });
        m_referenceSeconds += took;
        return scores;
    }

    const BenchmarkContext &c;
    const quint64 m_seed;
    double m_referenceSeconds = 0; // the true-label proxy run, counted with the coreset models
};

} // namespace

void runBenchmarkRepetition(const BenchmarkContext &context, quint64 seed)
{
    Repetition(context, seed).run();
}

} // namespace semiprune

#include "benchmark/benchmarkrunner.h"

#include "benchmark/benchmarkjournal.h"
#include "benchmark/benchmarksource.h"
#include "benchmark/benchmarksplit.h"
#include "benchmark/coresettrainer.h"
#include "benchmark/heldouttestset.h"
#include "benchmark/parameterchoice.h"
#include "common/error.h"
#include "dataset/classnames.h"
#include "dataset/folderimporter.h"
#include "dataset/seeddraw.h"
#include "jobs/jobcontext.h"
#include "jobs/runlock.h"
#include "learning/engineruntime.h"
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
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <functional>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

namespace semiprune {

QString benchmarkProjectFile(const QString &outputFolder)
{
    return QDir(outputFolder).filePath(QStringLiteral("benchmark.semiprune"));
}

QString benchmarkJournalFile(const QString &outputFolder)
{
    return QDir(outputFolder).filePath(QStringLiteral("progress.jsonl"));
}

QString benchmarkResultsFile(const QString &outputFolder, const QString &suffix)
{
    return QDir(outputFolder).filePath(QStringLiteral("results.") + suffix);
}

namespace {

void writeText(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw Error(QCoreApplication::translate("Benchmark", "%1 cannot be written: %2").arg(path, file.errorString()));
}

// A setting's value as it reads in the stored JSON, for messages.
QString jsonText(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2)); // without the array's brackets
}

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

// The wall time, over every invocation, at which `seed` was finished: journaled the first time, so
// that a resumed benchmark's partial report counts the finished seeds' time only, not the part of an
// unfinished seed that a stop cut short. `now` stands in for a seed finished before this was kept.
double elapsedWhenSeedFinished(BenchmarkJournal &journal, quint64 seed, double now)
{
    const QString key = QStringLiteral("elapsed-at-seed/%1").arg(seed);
    const QString field = QStringLiteral("seconds");
    if (const auto finished = journal.find(key))
        return finished->value(field).toDouble();
    journal.record(key, QJsonObject { { field, now } });
    return now;
}

// Sums of per-repetition figures, kept in first-seen order for the report.
struct Accumulator {
    std::vector<std::pair<QString, double>> values;
    std::vector<std::pair<QString, int>> counts;
    void add(const QString &name, double value)
    {
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (values[i].first == name) {
                values[i].second += value;
                ++counts[i].second;
                return;
            }
        }
        values.emplace_back(name, value);
        counts.emplace_back(name, 1);
    }
    std::vector<std::pair<QString, double>> means() const
    {
        auto result = values;
        for (std::size_t i = 0; i < result.size(); ++i)
            result[i].second /= counts[i].second;
        return result;
    }
};

} // namespace

namespace {

// The exponents c of DUAL-Beta's schedule the benchmark tries: the DUAL paper's range.
const std::vector<double> kDualBetaExponents { 3.0, 4.0 };

// What the selectors beside the cutoff read from the pipeline's runs, in the order of the training
// set: DUAL and its mean confidence, and the proxy network's image features.
struct SelectorInputs {
    std::vector<double> dual;
    std::vector<double> dualConfidence;
    FeatureMatrix features;
};

SelectorInputs selectorInputs(Database &db, const PipelineResult &pipeline, const TrainingSet &set)
{
    SelectorInputs inputs;
    ScoreTable scores(db);
    const QHash<ImageId, double> dual = scores.forRun(pipeline.scoresRun, QStringLiteral("dual"));
    const QHash<ImageId, double> confidence = scores.forRun(pipeline.scoresRun, QStringLiteral("dual_confidence"));
    for (ImageId image : set.images) {
        inputs.dual.push_back(dual.value(image));
        inputs.dualConfidence.push_back(confidence.value(image));
    }
    const FeatureMatrix stored = FeatureTable(db).load(pipeline.dynamicsRun);
    if (!stored.isEmpty()) {
        const std::vector<ImageId> runImages = RunTable(db).images(pipeline.dynamicsRun);
        QHash<ImageId, int> row;
        for (std::size_t i = 0; i < runImages.size(); ++i)
            row.insert(runImages[i], int(i));
        std::vector<int> order;
        for (ImageId image : set.images)
            order.push_back(row.value(image));
        inputs.features = stored.rows(order);
    }
    return inputs;
}

} // namespace

struct BenchmarkRunner::Repetition {
    Project &project;
    const BenchmarkSettings &settings;
    JobContext &job;
    const HeldOutTestSet &testSet;
    const ImageBank &validationBank;
    const std::vector<int> &validationSourceLabels;
    const QStringList &sourceClasses;
    BenchmarkJournal &journal;
    const QString &outputFolder;
    BenchmarkReport &report;
    Accumulator &seconds;
    Accumulator &throughput;
    const Log &log;

    // Set by run() for the helpers below.
    quint64 seed = 0;
    std::unique_ptr<CoresetTrainer> trainer {};
    std::vector<int> labelMap {}; // source label -> the training classes' index
    std::vector<int> validationLabels {}; // in the training classes' indices
    double coresetSeconds = 0; // every coreset model of this seed, this process or an earlier one

    void labelSeed()
    {
        Database &db = project.db();
        LabelTable labels(db);
        for (const LabelRecord &label : labels.all())
            labels.clear(label.image); // the previous repetition's seed
        // A resumed repetition labels the images it drew before: the same labels make the
        // pipeline find its finished stages (a new draw would take other images).
        const std::optional<SeedDrawResult> earlier = findSeedDraw(db, settings.seedBudget, seed, true);
        if (earlier)
            log(QCoreApplication::translate("Benchmark", "Seed %1: labeling the %2 images drawn before, class-balanced")
                    .arg(seed)
                    .arg(earlier->images.size()));
        else
            log(QCoreApplication::translate("Benchmark", "Seed %1: drawing %2 labeled images, class-balanced")
                    .arg(seed)
                    .arg(settings.seedBudget));
        const SeedDrawResult draw = earlier ? *earlier : drawSeed(db, settings.seedBudget, seed, true);
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

    QString key(const QString &what) const { return QStringLiteral("seed%1/%2").arg(seed).arg(what); }
    QString key(double rate, const QString &what) const
    {
        return key(QStringLiteral("prune%1/%2").arg(rate, 0, 'f', 3).arg(what));
    }
    QString modelFolder(const QString &unitKey) const
    {
        return QDir(outputFolder)
            .filePath(QStringLiteral("models/") + QString(unitKey).replace(QLatin1Char('/'), QLatin1Char('-')));
    }

    // Trains on `kept` with the true labels, keeping every epoch's model, and measures the last on
    // the validation split; done once: a later call (also in a resumed benchmark) reads the journal.
    // Returns the journal entry: validation, only_class, size, seconds, images_per_second.
    QJsonObject trainUnit(const QString &unitKey, const std::vector<int> &kept, double keepRatio)
    {
        if (const auto done = journal.find(unitKey)) {
            coresetSeconds += done->value(QStringLiteral("seconds")).toDouble();
            return *done;
        }
        const QString folder = modelFolder(unitKey);
        QDir(folder).removeRecursively(); // epochs of a training a stop cut short
        if (!QDir().mkpath(folder))
            throw Error(QCoreApplication::translate("Benchmark", "%1 cannot be created.").arg(folder));
        QElapsedTimer timer;
        timer.start();
        const CoresetModel model = trainer->train(kept, keepRatio, seed, folder);
        const QJsonObject entry { { QStringLiteral("validation"), model.evaluate(validationBank, validationLabels) },
            { QStringLiteral("only_class"), model.onlyClass }, { QStringLiteral("size"), int(kept.size()) },
            { QStringLiteral("seconds"), timer.elapsed() / 1000.0 },
            { QStringLiteral("images_per_second"), trainer->lastImagesPerSecond() } };
        journal.record(unitKey, entry);
        coresetSeconds += entry.value(QStringLiteral("seconds")).toDouble();
        return entry;
    }

    // The test accuracies (final and best epoch) of a model trainUnit() made; measured once.
    QJsonObject testUnit(const QString &unitKey)
    {
        const QString testKey = unitKey + QStringLiteral("/test");
        if (const auto done = journal.find(testKey)) {
            coresetSeconds += done->value(QStringLiteral("seconds")).toDouble();
            return *done;
        }
        QElapsedTimer timer;
        timer.start();
        const QJsonObject trained = *journal.find(unitKey);
        const CoresetModel model = CoresetModel::fromFolder(modelFolder(unitKey), settings.finalEpochs,
            trained.value(QStringLiteral("only_class")).toInt(-1), settings.training.device);
        const double test = testSet.accuracyOf(model, labelMap);
        const QJsonObject entry { { QStringLiteral("test"), test },
            { QStringLiteral("best_epoch_test"), testSet.bestEpochAccuracyOf(model, labelMap, test) },
            { QStringLiteral("seconds"), timer.elapsed() / 1000.0 } };
        journal.record(testKey, entry);
        coresetSeconds += entry.value(QStringLiteral("seconds")).toDouble();
        return entry;
    }

    // Trains the coreset of every candidate parameter and measures, on the test set, only the one
    // the validation split chose (benchmark/parameterchoice.h). `parameter` names it in unit keys
    // and the log ("beta", "c"); `select` makes the coreset for one value.
    void chooseAndTest(const QString &method, double rate, const std::vector<double> &candidates,
        const QString &parameter, const std::function<Selection(double)> &select, bool highest = false)
    {
        const double keep = 1.0 - rate;
        std::vector<double> validations;
        std::vector<int> sizes;
        const auto unitKeyOf = [&](double value) {
            return key(rate, QStringLiteral("%1/%2%3").arg(method, parameter).arg(value, 0, 'f', 3));
        };
        for (double value : candidates) {
            const QString unitKey = unitKeyOf(value);
            if (!journal.find(unitKey))
                log(QCoreApplication::translate("Benchmark", "Seed %1, %2 % pruned, %3: %4 %5 on the validation split")
                        .arg(seed)
                        .arg(std::lround(rate * 100))
                        .arg(benchmarkMethodTitle(method), parameter)
                        .arg(value));
            const Selection selection = select(value);
            const QJsonObject trained = trainUnit(unitKey, selection.kept, keep);
            const double validation = trained.value(QStringLiteral("validation")).toDouble();
            if (method == benchmarkmethod::semiPrune() && value == 0.0 && highest)
                record(report.entry(benchmarkmethod::betaZero(), rate), testUnit(unitKey), 0.0, validation,
                    int(selection.kept.size()));
            validations.push_back(validation);
            sizes.push_back(int(selection.kept.size()));
        }
        const ParameterChoice choice = chooseParameter(candidates, validations, settings.betaStep);
        const std::size_t chosen = std::size_t(choice.chosen);
        BenchmarkEntry &entry = report.entry(method, rate);
        record(entry, testUnit(unitKeyOf(candidates[chosen])), candidates[chosen], validations[chosen], sizes[chosen]);
        entry.unsmoothedBetas.push_back(candidates[std::size_t(choice.unsmoothed)]);
    }

    // The hard-cutoff family: every beta candidate of the rate; with `classes` (one class per
    // image) the class-aware cutoff, applied within each class.
    void chooseBetaAndTest(const QString &method, const std::vector<double> &scores, double rate, bool highest,
        const std::vector<int> *classes = nullptr)
    {
        const double keep = 1.0 - rate;
        chooseAndTest(
            method, rate, settings.betaCandidates(keep, highest), QStringLiteral("beta"),
            [&](double beta) {
                return classes ? selectClassAwareHardCutoff(scores, *classes, HardEnd::Low, keep, beta)
                               : selectHardCutoff(scores, HardEnd::Low, keep, beta);
            },
            highest);
    }

    static void record(BenchmarkEntry &entry, const QJsonObject &tested, double beta, double validation, int size)
    {
        entry.accuracies.push_back(tested.value(QStringLiteral("test")).toDouble());
        entry.bestEpochAccuracies.push_back(tested.value(QStringLiteral("best_epoch_test")).toDouble());
        if (beta >= 0) {
            entry.betas.push_back(beta);
            entry.validationAccuracies.push_back(validation);
        }
        entry.coresetSize = size;
    }

    // The benchmark's training settings with this repetition's seed.
    TrainingSettings trainingForThisSeed() const
    {
        TrainingSettings training = settings.training;
        training.seed = seed;
        return training;
    }

    void run(quint64 repetitionSeed)
    {
        seed = repetitionSeed;
        labelSeed();

        PipelineSettings pipelineSettings;
        pipelineSettings.training = trainingForThisSeed();
        // A finished proxy run is reused only with the image features the diversity selector reads.
        if (settings.measures(SelectorKind::Diverse))
            pipelineSettings.selector = SelectorKind::Diverse;
        // A resumed benchmark finds the finished stages of this seed in the project (same inputs)
        // and continues an interrupted one from its checkpoint.
        log(QCoreApplication::translate(
            "Benchmark", "Seed %1: FixMatch, pseudo-labels, proxy training dynamics and scores")
                .arg(seed));
        const PipelineResult pipeline = Pipeline(project, pipelineSettings, job).run(PipelineStage::Scores);
        Database &db = project.db();
        const auto pseudoRun = RunTable(db).latestFinished(QStringLiteral("pseudo-label"));
        seconds.add(QStringLiteral("FixMatch"), runSeconds(db, pipeline.sslRun));
        seconds.add(QStringLiteral("pseudo-labels"), pseudoRun ? runSeconds(db, pseudoRun->id) : 0);
        seconds.add(QStringLiteral("proxy dynamics"), runSeconds(db, pipeline.dynamicsRun));
        seconds.add(QStringLiteral("scores"), runSeconds(db, pipeline.scoresRun));
        throughput.add(QStringLiteral("FixMatch"), runImagesPerSecond(db, pipeline.sslRun));
        throughput.add(QStringLiteral("proxy dynamics"), runImagesPerSecond(db, pipeline.dynamicsRun));

        const TrainingSet set = loadTrainingSet(project, job);
        const int classCount = int(set.classes.size());
        if (classCount != sourceClasses.size())
            throw Error(QCoreApplication::translate(
                "Benchmark", "The seed labeled %1 of %2 classes: every class needs seed images.")
                            .arg(classCount)
                            .arg(sourceClasses.size()));
        for (int label : set.referenceLabels) {
            if (label < 0)
                throw Error(QCoreApplication::translate("Benchmark", "A pool image has no known label."));
        }
        const std::vector<int> &truth = set.referenceLabels;
        const int n = int(set.images.size());

        // What the dynamics were trained on, and the AUM they gave, in the order of `set`.
        QHash<ImageId, int> trainedOn;
        {
            RunTable runs(db);
            const std::vector<ImageId> runImages = runs.images(pipeline.dynamicsRun);
            const std::vector<int> runLabels = runs.imageLabels(pipeline.dynamicsRun);
            for (std::size_t i = 0; i < runImages.size(); ++i)
                trainedOn.insert(runImages[i], runLabels[i]);
        }
        const QHash<ImageId, double> aumById = ScoreTable(db).forRun(pipeline.scoresRun, QStringLiteral("aum"));
        std::vector<double> aum(static_cast<std::size_t>(n));
        std::vector<int> proxyLabels(static_cast<std::size_t>(n)); // seed labels and pseudo-labels
        std::vector<bool> wrong(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) {
            aum[std::size_t(i)] = aumById.value(set.images[std::size_t(i)]);
            proxyLabels[std::size_t(i)] = trainedOn.value(set.images[std::size_t(i)], -1);
            wrong[std::size_t(i)] = proxyLabels[std::size_t(i)] != truth[std::size_t(i)];
        }
        const SelectorInputs inputs = selectorInputs(db, pipeline, set);
        report.pseudoLabelAccuracies.push_back(pipeline.pseudoLabelAccuracy);
        report.pseudoLabelErrorShares.push_back(double(std::count(wrong.begin(), wrong.end(), true)) / n);
        {
            const std::vector<int> order = hardestFirst(aum, HardEnd::Low);
            const int lowest = std::max(1, n / 10);
            int errors = 0;
            for (int k = 0; k < lowest; ++k)
                errors += wrong[std::size_t(order[std::size_t(k)])] ? 1 : 0;
            report.lowAumErrorShares.push_back(double(errors) / lowest);
        }

        // Test and validation labels in the training classes' order (matched by name).
        labelMap.clear();
        for (const QString &name : sourceClasses) {
            const auto it = std::find(set.classNames.begin(), set.classNames.end(), name);
            labelMap.push_back(it == set.classNames.end() ? -1 : int(it - set.classNames.begin()));
        }
        validationLabels.clear();
        for (int label : validationSourceLabels)
            validationLabels.push_back(labelMap[std::size_t(label)]);

        trainer = std::make_unique<CoresetTrainer>(*set.bank, truth, classCount, settings, testSet, job);
        coresetSeconds = 0;
        std::vector<int> all(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i)
            all[std::size_t(i)] = i;

        const QString fullKey = key(QStringLiteral("full"));
        if (!journal.find(fullKey))
            log(QCoreApplication::translate("Benchmark", "Seed %1: the full pool with true labels (reference)")
                    .arg(seed));
        trainUnit(fullKey, all, 1.0);
        const QJsonObject full = testUnit(fullKey);
        report.fullDataAccuracies.push_back(full.value(QStringLiteral("test")).toDouble());
        report.fullDataBestEpochAccuracies.push_back(full.value(QStringLiteral("best_epoch_test")).toDouble());
        QDir(modelFolder(fullKey)).removeRecursively();

        const std::vector<double> trueAum = trueLabelAum(*set.bank, truth, classCount);

        std::vector<double> rates = settings.pruningRates;
        std::sort(rates.begin(), rates.end());
        const double highest = settings.highestPruningRate();
        for (double rate : rates) {
            const double keep = 1.0 - rate;
            const bool isHighest = std::abs(rate - highest) < 1e-9;
            chooseBetaAndTest(benchmarkmethod::semiPrune(), aum, rate, isHighest);

            if (settings.measures(SelectorKind::Ccs))
                chooseAndTest(benchmarkmethod::semiPruneCcs(), rate, settings.betaCandidates(keep, isHighest),
                    QStringLiteral("beta"),
                    [&](double beta) { return selectCoverageCentric(aum, HardEnd::Low, keep, beta, seed); });
            if (settings.measures(SelectorKind::DualBeta))
                chooseAndTest(benchmarkmethod::semiPruneDualBeta(), rate, kDualBetaExponents, QStringLiteral("c"),
                    [&](double c) { return selectDualBeta(inputs.dual, inputs.dualConfidence, keep, seed, {}, c); });
            if (settings.measures(SelectorKind::Diverse))
                chooseAndTest(benchmarkmethod::semiPruneDiverse(), rate, settings.betaCandidates(keep, isHighest),
                    QStringLiteral("beta"), [&](double beta) {
                        return selectDiverseCoverage(aum, HardEnd::Low, inputs.features, proxyLabels, keep, beta);
                    });

            const QString randomKey = key(rate, benchmarkmethod::random());
            if (!journal.find(randomKey))
                log(QCoreApplication::translate("Benchmark", "Seed %1, %2 % pruned: random subset")
                        .arg(seed)
                        .arg(std::lround(rate * 100)));
            const Selection random = selectRandom(n, keep, seed);
            trainUnit(randomKey, random.kept, keep);
            record(report.entry(benchmarkmethod::random(), rate), testUnit(randomKey), -1, 0, int(random.kept.size()));

            // The upper reference gets the same protocol, its own beta search included.
            chooseBetaAndTest(benchmarkmethod::trueLabels(), trueAum, rate, isHighest);

            // The class-aware cutoff keeps each class's share by the labels its dynamics were
            // trained on: the pseudo-labels for SemiPrune (the truth is hidden from it), the true
            // labels for the reference.
            if (settings.classCutoff) {
                chooseBetaAndTest(benchmarkmethod::semiPruneClassCutoff(), aum, rate, isHighest, &proxyLabels);
                chooseBetaAndTest(benchmarkmethod::trueLabelsClassCutoff(), trueAum, rate, isHighest, &truth);
            }

            // The comparison is only fair if every coreset of this rate has the random subset's size.
            for (const BenchmarkEntry &entry : report.entries) {
                if (std::abs(entry.pruningRate - rate) < 1e-9 && entry.coresetSize != int(random.kept.size()))
                    throw Error(QCoreApplication::translate(
                        "Benchmark", "Internal error: the random subset (%1) and the coreset (%2) differ in size.")
                                    .arg(random.kept.size())
                                    .arg(entry.coresetSize));
            }

            // Every model of this rate is measured and in the journal: their files can go.
            const QString prefix = QString(key(rate, QString())).replace(QLatin1Char('/'), QLatin1Char('-'));
            QDir models(QDir(outputFolder).filePath(QStringLiteral("models")));
            for (const QString &folder :
                models.entryList({ prefix + QLatin1Char('*') }, QDir::Dirs | QDir::NoDotAndDotDot))
                QDir(models.filePath(folder)).removeRecursively();
        }
        seconds.add(QStringLiteral("coreset training and testing"), coresetSeconds);
        double imagesPerSecond = 0;
        int trainings = 0;
        for (const QJsonObject &entry : journal.entriesUnder(key(QString()))) {
            if (entry.value(QStringLiteral("images_per_second")).toDouble() > 0) {
                imagesPerSecond += entry.value(QStringLiteral("images_per_second")).toDouble();
                ++trainings;
            }
        }
        throughput.add(QStringLiteral("coreset training"), trainings ? imagesPerSecond / trainings : 0.0);
    }

    // Stage 4 with the true labels in place of pseudo-labels: the upper reference of the method.
    // Done once per seed; the scores are kept in the journal.
    std::vector<double> trueLabelAum(const ImageBank &bank, const std::vector<int> &truth, int classCount)
    {
        const QString unitKey = key(QStringLiteral("true-label-aum"));
        std::vector<double> scores;
        if (const auto done = journal.find(unitKey)) {
            for (const QJsonValue &value : done->value(QStringLiteral("aum")).toArray())
                scores.push_back(value.toDouble());
            if (int(scores.size()) == bank.count()) {
                coresetSeconds += done->value(QStringLiteral("seconds")).toDouble();
                return scores;
            }
            scores.clear();
        }
        log(QCoreApplication::translate("Benchmark", "Seed %1: proxy training dynamics on true labels (reference)")
                .arg(seed));
        testSet.requireNotTestBank(bank);
        QElapsedTimer timer;
        timer.start();
        SupervisedTrainer proxy(bank, {}, truth, classCount, proxyConfigFor(trainingForThisSeed()));
        proxy.setCancelFlag(job.cancelFlag());
        TrainingDynamics dynamics(bank.count());
        proxy.setEpochCallback([&](int, const std::vector<EpochRecord> &records) { dynamics.appendEpoch(records); });
        if (proxy.run() == TrainingOutcome::Cancelled)
            throw JobCancelled();
        scores = aumScores(dynamics);
        QJsonArray array;
        for (double value : scores)
            array.append(value);
        const double took = timer.elapsed() / 1000.0;
        journal.record(unitKey, QJsonObject { { QStringLiteral("aum"), array }, { QStringLiteral("seconds"), took } });
        coresetSeconds += took;
        return scores;
    }
};

BenchmarkRunner::BenchmarkRunner(const BenchmarkSource &train, const BenchmarkSource &test, QString outputFolder,
    BenchmarkSettings settings, JobContext &job)
    : m_train(train), m_test(test), m_output(std::move(outputFolder)), m_settings(std::move(settings)), m_job(job)
{
}

void BenchmarkRunner::setLog(Log log)
{
    m_log = std::move(log);
}

void BenchmarkRunner::setResultsWritten(ResultsWritten callback)
{
    m_resultsWritten = std::move(callback);
}

void BenchmarkRunner::setResume(bool resume)
{
    m_resume = resume;
}

QJsonObject BenchmarkRunner::identity() const
{
    // Which extra methods are measured is not part of it: a finished benchmark resumed with the
    // class-aware cutoff or another selector keeps every step it has and trains only that method's
    // models.
    QJsonObject settings = m_settings.toJson();
    settings.remove(QStringLiteral("class_cutoff"));
    settings.remove(QStringLiteral("selectors"));
    return QJsonObject { { QStringLiteral("settings"), settings },
        { QStringLiteral("train_source"), m_train.describe() }, { QStringLiteral("test_source"), m_test.describe() } };
}

void BenchmarkRunner::checkInputs() const
{
    m_settings.validate();
    requireSameClasses(m_train, m_test);
    if (m_settings.seedBudget < m_train.classNames().size())
        throw Error(
            QCoreApplication::translate("Benchmark", "A class-balanced seed of %1 images cannot cover %2 classes.")
                .arg(m_settings.seedBudget)
                .arg(m_train.classNames().size()));
    const BenchmarkSplit split = carveSplit(m_train, m_settings);
    QStringList pool, validation;
    for (int i : split.pool)
        pool << m_train.identity(i);
    for (int i : split.validation)
        validation << m_train.identity(i);
    requireNoTestImages(m_test, pool, QCoreApplication::translate("Benchmark", "training pool"));
    requireNoTestImages(m_test, validation, QCoreApplication::translate("Benchmark", "validation split"));
    const QDir out(m_output);
    if (!m_resume) {
        if (out.exists() && !out.isEmpty())
            throw Error(QCoreApplication::translate("Benchmark",
                "%1 is not empty: give a new folder for the benchmark's pool, project and results, "
                "or resume the benchmark that was started in it.")
                            .arg(m_output));
        return;
    }
    const BenchmarkJournal journal(benchmarkJournalFile(m_output));
    const auto started = journal.find(QStringLiteral("benchmark"));
    if (!started)
        throw Error(QCoreApplication::translate("Benchmark", "%1 holds no benchmark to resume.").arg(m_output));
    if (*started != identity()) {
        QStringList differences;
        const QJsonObject now = identity();
        const QJsonObject then = started->value(QStringLiteral("settings")).toObject();
        const QJsonObject settingsNow = now.value(QStringLiteral("settings")).toObject();
        for (auto it = settingsNow.begin(); it != settingsNow.end(); ++it) {
            if (then.value(it.key()) != it.value())
                differences << QStringLiteral("%1 (%2, now %3)")
                                   .arg(it.key(), jsonText(then.value(it.key())), jsonText(it.value()));
        }
        for (const char *source : { "train_source", "test_source" }) {
            if (started->value(QLatin1String(source)) != now.value(QLatin1String(source)))
                differences << QStringLiteral("%1 (%2, now %3)")
                                   .arg(QLatin1String(source), started->value(QLatin1String(source)).toString(),
                                       now.value(QLatin1String(source)).toString());
        }
        throw Error(QCoreApplication::translate("Benchmark",
            "The benchmark in %1 was started with other settings or data: %2. "
            "Resume it with the same ones, or give a new folder.")
                        .arg(m_output, differences.join(QStringLiteral("; "))));
    }
}

BenchmarkReport BenchmarkRunner::run()
{
    QElapsedTimer total;
    total.start();
    const Log log = m_log ? m_log : Log([](const QString &) {});
    checkInputs();
    const BenchmarkSplit split = carveSplit(m_train, m_settings);
    QDir().mkpath(m_output);
    RunLock folderLock(QDir(m_output).filePath(QStringLiteral("benchmark"))); // one benchmark per folder
    BenchmarkJournal journal(benchmarkJournalFile(m_output));
    if (journal.isEmpty())
        journal.record(QStringLiteral("benchmark"), identity());

    const QString poolRoot = QDir(m_output).filePath(QStringLiteral("pool"));
    std::unique_ptr<Project> project;
    if (journal.find(QStringLiteral("pool"))) {
        log(QCoreApplication::translate(
            "Benchmark", "Resuming: the pool and the project are there, and %1 finished steps are kept.")
                .arg(journal.entriesUnder(QStringLiteral("seed")).size()));
        project = Project::open(benchmarkProjectFile(m_output));
    } else {
        // Nothing trained yet: whatever a stop left of the pool and the project is made again.
        QDir(poolRoot).removeRecursively();
        for (const QString &suffix :
            { QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal") })
            QFile::remove(benchmarkProjectFile(m_output) + suffix);
        QDir(benchmarkProjectFile(m_output) + QStringLiteral(".runs")).removeRecursively();

        // The pool, as the images a user would bring: an ImageFolder tree whose labels the project hides.
        QHash<QString, QString> folderNames;
        m_job.beginPhase(
            QCoreApplication::translate("Benchmark", "Writing the training pool"), qint64(split.pool.size()));
        for (const QString &name : m_train.classNames()) {
            folderNames.insert(safeFolderName(name), name);
            QDir().mkpath(QDir(poolRoot).filePath(safeFolderName(name)));
        }
        writeClassNamesFile(poolRoot, folderNames);
        qint64 written = 0;
        for (int index : split.pool) {
            if (m_job.isCancelled())
                throw JobCancelled();
            const QString folder = QDir(poolRoot).filePath(safeFolderName(m_train.classNames()[m_train.label(index)]));
            m_train.writeTo(index, QStringLiteral("%1/%2").arg(folder).arg(index, 6, 10, QLatin1Char('0')));
            m_job.advance(++written);
        }
        m_job.finishPhase();

        project = Project::create(benchmarkProjectFile(m_output), poolRoot);
        ImportOptions importOptions;
        importOptions.labelMode = LabelMode::Hidden;
        importFolder(*project, importOptions, m_job);
        {
            ClassTable classes(project->db());
            for (const QString &name : m_train.classNames())
                classes.ensure(name); // in the data set's order, so tables and plots list them the same way
        }
        journal.record(QStringLiteral("pool"), QJsonObject { { QStringLiteral("images"), int(split.pool.size()) } });
    }

    BenchmarkReport report;
    report.settings = m_settings;
    report.trainSource = m_train.describe();
    report.testSource = m_test.describe();
    report.projectFile = project->filePath();
    report.classNames = m_train.classNames();
    report.trainImages = m_train.count();
    report.poolImages = int(split.pool.size());
    report.validationImages = int(split.validation.size());
    report.testImages = m_test.count();
    report.seedLabelsPerRepetition = m_settings.seedBudget;
    EngineRuntime::prepare(m_settings.training.threads);
    report.device = EngineRuntime::deviceName(m_settings.training.device);
    report.threads = EngineRuntime::threads();

    RunRecord record;
    record.kind = QStringLiteral("benchmark");
    record.parameters = m_settings.toJson();
    record.device = report.device;
    record.threads = report.threads;
    record.total = m_settings.repetitions;
    RunTable(project->db()).markAbandonedRunsInterrupted(); // the benchmark a stop cut short, if any
    const RunId run = RunTable(project->db()).start(record);
    // Wall time over every invocation; a killed one's last part is lost.
    const QString elapsedKey = QStringLiteral("elapsed");
    const double earlierSeconds
        = journal.find(elapsedKey).value_or(QJsonObject()).value(QStringLiteral("seconds")).toDouble();
    const auto elapsedSeconds = [&] { return earlierSeconds + total.elapsed() / 1000.0; };
    const auto saveElapsed = [&] {
        journal.record(elapsedKey, QJsonObject { { QStringLiteral("seconds"), elapsedSeconds() } });
    };
    try {
        const TrainingShape shape = trainingShapeOf(*project);
        log(QCoreApplication::translate("Benchmark", "Decoding %1 validation and %2 test images")
                .arg(split.validation.size())
                .arg(m_test.count()));
        HeldOutTestSet testSet(m_test, shape.width, shape.height, shape.channels, m_job);
        const ImageBank validationBank
            = decodeBank(m_train, split.validation, shape.width, shape.height, shape.channels, m_job);
        testSet.requireNotTestBank(validationBank);
        std::vector<int> validationLabels;
        for (int index : split.validation)
            validationLabels.push_back(m_train.label(index));

        Accumulator seconds, throughput;
        const auto writeResults = [&] {
            report.stageSeconds = seconds.values;
            report.imagesPerSecond = throughput.means();
            writeText(benchmarkResultsFile(m_output, QStringLiteral("md")), report.markdown().toUtf8());
            writeText(benchmarkResultsFile(m_output, QStringLiteral("csv")), report.csv().toUtf8());
            writeText(benchmarkResultsFile(m_output, QStringLiteral("json")), QJsonDocument(report.toJson()).toJson());
            if (m_resultsWritten)
                m_resultsWritten(report);
        };
        const QStringList sourceClasses = m_train.classNames();
        for (int k = 0; k < m_settings.repetitions; ++k) {
            Repetition repetition { *project, m_settings, m_job, testSet, validationBank, validationLabels,
                sourceClasses, journal, m_output, report, seconds, throughput, log };
            const quint64 seed = m_settings.training.seed + quint64(k);
            repetition.run(seed);
            report.completedRepetitions = k + 1;
            RunTable(project->db()).setProgress(run, k + 1, m_settings.repetitions);
            saveElapsed();
            report.totalSeconds = elapsedWhenSeedFinished(journal, seed, elapsedSeconds());
            // A full benchmark takes hours: every finished seed's figures are readable at once.
            if (report.isPartial())
                writeResults();
        }
        report.totalSeconds = elapsedSeconds();
        writeResults();
        RunTable(project->db()).setMetrics(run, report.toJson());
        RunTable(project->db()).finish(run, RunState::Finished);
    } catch (const JobCancelled &) {
        RunTable(project->db()).finish(run, RunState::Cancelled);
        saveElapsed();
        throw;
    } catch (const std::exception &error) {
        RunTable(project->db()).finish(run, RunState::Failed, QString::fromUtf8(error.what()));
        throw;
    }
    return report;
}

} // namespace semiprune

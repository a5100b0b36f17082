#include "benchmark/benchmarkrunner.h"

#include "benchmark/benchmarksource.h"
#include "benchmark/benchmarksplit.h"
#include "benchmark/coresettrainer.h"
#include "benchmark/heldouttestset.h"
#include "common/error.h"
#include "dataset/classnames.h"
#include "dataset/folderimporter.h"
#include "dataset/seeddraw.h"
#include "jobs/jobcontext.h"
#include "learning/engineruntime.h"
#include "learning/supervisedtrainer.h"
#include "pipeline/pipeline.h"
#include "pipeline/trainingset.h"
#include "scoring/scores.h"
#include "scoring/trainingdynamics.h"
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
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <map>

namespace semiprune {

QString benchmarkProjectFile(const QString &outputFolder)
{
    return QDir(outputFolder).filePath(QStringLiteral("benchmark.semiprune"));
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

double runSeconds(Database &db, RunId run)
{
    if (!run.isValid())
        return 0;
    const auto record = RunTable(db).find(run);
    return record && record->finishedAtMs > record->startedAtMs ? (record->finishedAtMs - record->startedAtMs) / 1000.0 : 0;
}

double runImagesPerSecond(Database &db, RunId run)
{
    if (!run.isValid())
        return 0;
    const auto record = RunTable(db).find(run);
    return record ? record->metrics.value(QStringLiteral("images_per_second")).toDouble() : 0;
}

// Sums of per-repetition figures, kept in first-seen order for the report.
struct Accumulator
{
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

struct BenchmarkRunner::Repetition
{
    Project &project;
    const BenchmarkSettings &settings;
    JobContext &job;
    const HeldOutTestSet &testSet;
    const ImageBank &validationBank;
    const std::vector<int> &validationSourceLabels;
    const QStringList &sourceClasses;
    BenchmarkReport &report;
    Accumulator &seconds;
    Accumulator &throughput;
    const Log &log;

    void labelSeed(quint64 seed)
    {
        Database &db = project.db();
        LabelTable labels(db);
        for (const LabelRecord &label : labels.all())
            labels.clear(label.image); // the previous repetition's seed
        const SeedDrawResult draw = drawSeed(db, settings.seedBudget, seed, true);
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

    void run(quint64 seed)
    {
        QElapsedTimer phase;
        log(QCoreApplication::translate("Benchmark", "Seed %1: drawing %2 labeled images, class-balanced").arg(seed).arg(settings.seedBudget));
        labelSeed(seed);

        PipelineSettings pipelineSettings;
        pipelineSettings.sslSteps = settings.sslSteps;
        pipelineSettings.batchSize = settings.sslBatch;
        pipelineSettings.mu = settings.mu;
        pipelineSettings.threshold = settings.threshold;
        pipelineSettings.proxyEpochs = settings.proxyEpochs;
        pipelineSettings.seed = seed;
        pipelineSettings.threads = settings.threads;
        pipelineSettings.device = settings.device;
        pipelineSettings.model = settings.model;
        pipelineSettings.allowFlip = settings.allowFlip;
        log(QCoreApplication::translate("Benchmark", "Seed %1: FixMatch, pseudo-labels, proxy training dynamics and scores").arg(seed));
        const PipelineResult pipeline = Pipeline(project, pipelineSettings, job).run(PipelineStage::Scores);
        Database &db = project.db();
        const auto pseudoRun = RunTable(db).latestFinished(QStringLiteral("pseudo-label"));
        seconds.add(QStringLiteral("FixMatch"), runSeconds(db, pipeline.sslRun));
        seconds.add(QStringLiteral("pseudo-labels"), pseudoRun ? runSeconds(db, pseudoRun->id) : 0);
        seconds.add(QStringLiteral("proxy dynamics"), runSeconds(db, pipeline.dynamicsRun));
        seconds.add(QStringLiteral("scores"), runSeconds(db, pipeline.scoresRun));
        throughput.add(QStringLiteral("FixMatch"), runImagesPerSecond(db, pipeline.sslRun));
        throughput.add(QStringLiteral("proxy dynamics"), runImagesPerSecond(db, pipeline.dynamicsRun));

        phase.start();
        const TrainingSet set = loadTrainingSet(project, job);
        const int classCount = int(set.classes.size());
        if (classCount != sourceClasses.size())
            throw Error(QCoreApplication::translate("Benchmark", "The seed labeled %1 of %2 classes: every class needs seed images.").arg(classCount).arg(sourceClasses.size()));
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
        std::vector<bool> wrong(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) {
            aum[std::size_t(i)] = aumById.value(set.images[std::size_t(i)]);
            wrong[std::size_t(i)] = trainedOn.value(set.images[std::size_t(i)], -1) != truth[std::size_t(i)];
        }
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
        std::vector<int> labelMap;
        for (const QString &name : sourceClasses) {
            const auto it = std::find(set.classNames.begin(), set.classNames.end(), name);
            labelMap.push_back(it == set.classNames.end() ? -1 : int(it - set.classNames.begin()));
        }
        std::vector<int> validationLabels;
        for (int label : validationSourceLabels)
            validationLabels.push_back(labelMap[std::size_t(label)]);

        CoresetTrainer trainer(*set.bank, truth, classCount, settings, testSet, job);
        std::vector<int> all(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i)
            all[std::size_t(i)] = i;

        log(QCoreApplication::translate("Benchmark", "Seed %1: the full pool with true labels (reference)").arg(seed));
        report.fullDataAccuracies.push_back(testSet.accuracyOf(trainer.train(all, 1.0, seed), labelMap));

        log(QCoreApplication::translate("Benchmark", "Seed %1: proxy training dynamics on true labels (reference)").arg(seed));
        const std::vector<double> trueAum = trueLabelAum(*set.bank, truth, classCount, seed);

        std::vector<double> rates = settings.pruningRates;
        std::sort(rates.begin(), rates.end());
        const double highest = settings.highestPruningRate();
        for (double rate : rates) {
            const double keep = 1.0 - rate;
            double bestBeta = -1, bestValidation = -1;
            CoresetModel best;
            int coresetSize = 0;
            for (double beta : settings.betaCandidates(keep, std::abs(rate - highest) < 1e-9)) {
                log(QCoreApplication::translate("Benchmark", "Seed %1, %2 % pruned: beta %3 on the validation split")
                        .arg(seed).arg(std::lround(rate * 100)).arg(beta));
                const Selection selection = selectHardCutoff(aum, HardEnd::Low, keep, beta);
                const CoresetModel model = trainer.train(selection.kept, keep, seed);
                const double validation = model.evaluate(validationBank, validationLabels);
                if (beta == 0.0 && std::abs(rate - highest) < 1e-9) {
                    BenchmarkEntry &zero = report.entry(benchmarkmethod::betaZero(), rate);
                    zero.accuracies.push_back(testSet.accuracyOf(model, labelMap));
                    zero.betas.push_back(0.0);
                    zero.validationAccuracies.push_back(validation);
                    zero.coresetSize = int(selection.kept.size());
                }
                if (validation > bestValidation) {
                    bestValidation = validation;
                    bestBeta = beta;
                    best = model;
                    coresetSize = int(selection.kept.size());
                }
            }
            // Only the model the validation split chose is measured on the test set.
            BenchmarkEntry &semi = report.entry(benchmarkmethod::semiPrune(), rate);
            semi.accuracies.push_back(testSet.accuracyOf(best, labelMap));
            semi.betas.push_back(bestBeta);
            semi.validationAccuracies.push_back(bestValidation);
            semi.coresetSize = coresetSize;

            log(QCoreApplication::translate("Benchmark", "Seed %1, %2 % pruned: random subset and true-label reference").arg(seed).arg(std::lround(rate * 100)));
            const Selection random = selectRandom(n, keep, seed);
            if (int(random.kept.size()) != coresetSize)
                throw Error(QCoreApplication::translate("Benchmark", "Internal error: the random subset (%1) and the coreset (%2) differ in size.")
                                .arg(random.kept.size()).arg(coresetSize));
            BenchmarkEntry &randomEntry = report.entry(benchmarkmethod::random(), rate);
            randomEntry.accuracies.push_back(testSet.accuracyOf(trainer.train(random.kept, keep, seed), labelMap));
            randomEntry.coresetSize = int(random.kept.size());

            const Selection trueSelection = selectHardCutoff(trueAum, HardEnd::Low, keep, bestBeta);
            BenchmarkEntry &trueEntry = report.entry(benchmarkmethod::trueLabels(), rate);
            trueEntry.accuracies.push_back(testSet.accuracyOf(trainer.train(trueSelection.kept, keep, seed), labelMap));
            trueEntry.betas.push_back(bestBeta);
            trueEntry.coresetSize = int(trueSelection.kept.size());
        }
        seconds.add(QStringLiteral("coreset training and testing"), phase.elapsed() / 1000.0);
        throughput.add(QStringLiteral("coreset training"), trainer.meanImagesPerSecond());
    }

    // Stage 4 with the true labels in place of pseudo-labels: the upper reference of the method.
    std::vector<double> trueLabelAum(const ImageBank &bank, const std::vector<int> &truth, int classCount, quint64 seed)
    {
        testSet.requireNotTestBank(bank);
        SupervisedConfig config;
        config.epochs = settings.proxyEpochs;
        config.seed = seed;
        config.threads = settings.threads;
        config.device = benchmarkDeviceChoice(settings.device);
        config.model = benchmarkModelKind(settings.model);
        config.allowFlip = settings.allowFlip;
        config.recordDynamics = true;
        SupervisedTrainer trainer(bank, {}, truth, classCount, config);
        trainer.setCancelFlag(job.cancelFlag());
        TrainingDynamics dynamics(bank.count());
        trainer.setEpochCallback([&](int, const std::vector<EpochRecord> &records) { dynamics.appendEpoch(records); });
        if (trainer.run() == TrainingOutcome::Cancelled)
            throw JobCancelled();
        return aumScores(dynamics);
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

void BenchmarkRunner::checkInputs() const
{
    m_settings.validate();
    requireSameClasses(m_train, m_test);
    if (m_settings.seedBudget < m_train.classNames().size())
        throw Error(QCoreApplication::translate("Benchmark", "A class-balanced seed of %1 images cannot cover %2 classes.")
                        .arg(m_settings.seedBudget).arg(m_train.classNames().size()));
    const BenchmarkSplit split = carveSplit(m_train, m_settings);
    QStringList pool, validation;
    for (int i : split.pool)
        pool << m_train.identity(i);
    for (int i : split.validation)
        validation << m_train.identity(i);
    requireNoTestImages(m_test, pool, QCoreApplication::translate("Benchmark", "training pool"));
    requireNoTestImages(m_test, validation, QCoreApplication::translate("Benchmark", "validation split"));
    const QDir out(m_output);
    if (out.exists() && !out.isEmpty())
        throw Error(QCoreApplication::translate("Benchmark", "%1 is not empty: give a new folder for the benchmark's pool, project and results.").arg(m_output));
}

BenchmarkReport BenchmarkRunner::run()
{
    QElapsedTimer total;
    total.start();
    const Log log = m_log ? m_log : Log([](const QString &) {});
    checkInputs();
    const BenchmarkSplit split = carveSplit(m_train, m_settings);

    // The pool, as the images a user would bring: an ImageFolder tree whose labels the project hides.
    QDir().mkpath(m_output);
    const QString poolRoot = QDir(m_output).filePath(QStringLiteral("pool"));
    QHash<QString, QString> folderNames;
    m_job.beginPhase(QCoreApplication::translate("Benchmark", "Writing the training pool"), qint64(split.pool.size()));
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

    auto project = Project::create(benchmarkProjectFile(m_output), poolRoot);
    ImportOptions importOptions;
    importOptions.labelMode = LabelMode::Hidden;
    importFolder(*project, importOptions, m_job);
    {
        ClassTable classes(project->db());
        for (const QString &name : m_train.classNames())
            classes.ensure(name); // in the data set's order, so tables and plots list them the same way
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
    EngineRuntime::prepare(m_settings.threads);
    report.device = EngineRuntime::deviceName(benchmarkDeviceChoice(m_settings.device));
    report.threads = EngineRuntime::threads();

    RunRecord record;
    record.kind = QStringLiteral("benchmark");
    record.parameters = m_settings.toJson();
    record.device = report.device;
    record.threads = report.threads;
    record.total = m_settings.repetitions;
    const RunId run = RunTable(project->db()).start(record);
    try {
        const TrainingShape shape = trainingShapeOf(*project);
        log(QCoreApplication::translate("Benchmark", "Decoding %1 validation and %2 test images").arg(split.validation.size()).arg(m_test.count()));
        HeldOutTestSet testSet(m_test, shape.width, shape.height, shape.channels, m_job);
        const ImageBank validationBank = decodeBank(m_train, split.validation, shape.width, shape.height, shape.channels, m_job);
        testSet.requireNotTestBank(validationBank);
        std::vector<int> validationLabels;
        for (int index : split.validation)
            validationLabels.push_back(m_train.label(index));

        Accumulator seconds, throughput;
        const QStringList sourceClasses = m_train.classNames();
        for (int k = 0; k < m_settings.repetitions; ++k) {
            Repetition repetition{*project, m_settings, m_job, testSet, validationBank, validationLabels, sourceClasses,
                                  report, seconds, throughput, log};
            repetition.run(m_settings.firstSeed + quint64(k));
            RunTable(project->db()).setProgress(run, k + 1, m_settings.repetitions);
        }
        report.stageSeconds = seconds.values;
        report.imagesPerSecond = throughput.means();
        report.totalSeconds = total.elapsed() / 1000.0;

        const QJsonObject json = report.toJson();
        RunTable(project->db()).setMetrics(run, json);
        RunTable(project->db()).finish(run, RunState::Finished);
        writeText(benchmarkResultsFile(m_output, QStringLiteral("md")), report.markdown().toUtf8());
        writeText(benchmarkResultsFile(m_output, QStringLiteral("csv")), report.csv().toUtf8());
        writeText(benchmarkResultsFile(m_output, QStringLiteral("json")), QJsonDocument(json).toJson());
    } catch (const JobCancelled &) {
        RunTable(project->db()).finish(run, RunState::Cancelled);
        throw;
    } catch (const std::exception &error) {
        RunTable(project->db()).finish(run, RunState::Failed, QString::fromUtf8(error.what()));
        throw;
    }
    return report;
}

} // namespace semiprune

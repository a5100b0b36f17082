#include "benchmark/benchmarkrunner.h"

#include "benchmark/benchmarkjournal.h"
#include "benchmark/benchmarkpool.h"
#include "benchmark/benchmarkrepetition.h"
#include "benchmark/benchmarksource.h"
#include "benchmark/benchmarksplit.h"
#include "benchmark/heldouttestset.h"
#include "common/error.h"
#include "jobs/jobcontext.h"
#include "jobs/runlock.h"
#include "learning/engineruntime.h"
#include "learning/model.h"
#include "learning/precision.h"
#include "pipeline/trainingset.h"
#include "storage/database.h"
#include "storage/project.h"
#include "storage/runtable.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

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

} // namespace

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
    // The arithmetic used, not the one asked for ("auto"); float32 adds nothing, so benchmarks
    // started before precision existed resume.
    settings.remove(QStringLiteral("precision"));
    if (const Precision used = resolvedPrecision(); used != Precision::Float32)
        settings.insert(QStringLiteral("precision"), precisionName(used));
    return QJsonObject { { QStringLiteral("settings"), settings },
        { QStringLiteral("train_source"), m_train.describe() }, { QStringLiteral("test_source"), m_test.describe() } };
}

Precision BenchmarkRunner::resolvedPrecision() const
{
    const cv::Mat first = m_train.count() > 0 ? m_train.image(0) : cv::Mat();
    return resolvePrecision(m_settings.training.precision,
        resolveModelKind(m_settings.training.model, first.cols, first.rows), m_settings.training.device);
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

    const std::unique_ptr<Project> project = openOrWritePool(m_train, split.pool, m_output, journal, m_job, log);

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
    report.precision = precisionName(resolvedPrecision());

    RunRecord record;
    record.kind = QStringLiteral("benchmark");
    record.parameters = m_settings.toJson();
    record.device = report.device;
    record.threads = report.threads;
    record.precision = report.precision;
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

        FigureSums seconds, throughput;
        const auto writeResults = [&] {
            report.stageSeconds = seconds.sums;
            report.imagesPerSecond = throughput.means();
            writeText(benchmarkResultsFile(m_output, QStringLiteral("md")), report.markdown().toUtf8());
            writeText(benchmarkResultsFile(m_output, QStringLiteral("csv")), report.csv().toUtf8());
            writeText(benchmarkResultsFile(m_output, QStringLiteral("json")), QJsonDocument(report.toJson()).toJson());
            if (m_resultsWritten)
                m_resultsWritten(report);
        };
        const QStringList sourceClasses = m_train.classNames();
        const BenchmarkContext context { *project, m_settings, m_job, testSet, validationBank, validationLabels,
            sourceClasses, journal, m_output, report, seconds, throughput, log };
        for (int k = 0; k < m_settings.repetitions; ++k) {
            const quint64 seed = m_settings.training.seed + quint64(k);
            runBenchmarkRepetition(context, seed);
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

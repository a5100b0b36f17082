// Benchmark mode end to end on tiny synthetic data: every cell of the table, the label cost, equal
// coreset sizes for random and SemiPrune, the test set kept out of training and beta selection,
// and bad input refused before anything is trained or written. CPU, seconds.

#include "testsupport.h"

#include "benchmark/benchmarkreport.h"
#include "benchmark/benchmarkrunner.h"
#include "benchmark/benchmarksettings.h"
#include "benchmark/benchmarksource.h"
#include "benchmark/benchmarksplit.h"
#include "benchmark/coresettrainer.h"
#include "benchmark/heldouttestset.h"
#include "benchmark/parametersearch.h"
#include "common/error.h"
#include "jobs/jobcontext.h"
#include "storage/project.h"
#include "storage/runtable.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <opencv2/imgcodecs.hpp>

#include <cmath>
#include <utility>

using namespace semiprune;

namespace {

using testsupport::kClasses;
using testsupport::pattern;

void writeTree(const QString &root, const QStringList &classes, int perClass, int offset)
{
    for (int c = 0; c < classes.size(); ++c) {
        QDir().mkpath(root + QLatin1Char('/') + classes[c]);
        for (int i = 0; i < perClass; ++i) {
            const QString path = QStringLiteral("%1/%2/%3.png").arg(root, classes[c]).arg(i);
            QVERIFY(cv::imwrite(path.toStdString(), pattern(c % 3, i + offset)));
        }
    }
}

BenchmarkSettings tinySettings()
{
    BenchmarkSettings s;
    s.profile = QStringLiteral("test");
    s.poolSize = 0; // every training image left after the validation split
    s.seedBudget = 6;
    s.validationSize = 9;
    s.pruningRates = { 0.5, 0.9 };
    s.repetitions = 2;
    s.training.sslSteps = 12;
    s.training.sslBatch = 4;
    s.training.mu = 2;
    s.training.proxyEpochs = 3;
    s.finalEpochs = 4;
    s.betaSpread = 1;
    s.training.threads = 2;
    s.training.device = DeviceChoice::Cpu;
    // The cutoff alone keeps the counts of the resume tests small; runsTheProtocol measures all.
    s.selectors = { SelectorKind::HardCutoff };
    return s;
}

} // namespace

class TestBenchmark final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_train, m_test, m_otherTest;
    int m_counter = 0;

    QString newOutput() { return m_dir.filePath(QStringLiteral("out%1").arg(++m_counter)); }

    // The tiny train and test trees, as a benchmark reads them.
    std::pair<BenchmarkSource, BenchmarkSource> tinySources() const
    {
        JobContext job;
        return { BenchmarkSource::fromFolder(m_train, job), BenchmarkSource::fromFolder(m_test, job) };
    }

    // Runs a benchmark that must be refused; returns the message and checks nothing was written.
    QString refusal(const QString &trainRoot, const QString &testRoot, const BenchmarkSettings &settings)
    {
        JobContext job;
        const QString output = newOutput();
        try {
            const BenchmarkSource train = BenchmarkSource::fromFolder(trainRoot, job);
            const BenchmarkSource test = BenchmarkSource::fromFolder(testRoot, job);
            BenchmarkRunner(train, test, output, settings, job).run();
        } catch (const Error &error) {
            if (QDir(output).exists())
                return QStringLiteral("refused only after writing to the output folder: ") + error.message();
            return error.message();
        }
        return QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_train = m_dir.filePath(QStringLiteral("train"));
        m_test = m_dir.filePath(QStringLiteral("test"));
        m_otherTest = m_dir.filePath(QStringLiteral("other-test"));
        const QStringList classes { QLatin1String(kClasses[0]), QLatin1String(kClasses[1]),
            QLatin1String(kClasses[2]) };
        writeTree(m_train, classes, 40, 0);
        writeTree(m_test, classes, 10, 1000);
        writeTree(m_otherTest, { QStringLiteral("bars"), QStringLiteral("columns"), QStringLiteral("rings") }, 5, 2000);
    }

    void settingsRules()
    {
        QCOMPARE(BenchmarkSettings::finalBatchFor(0.7), 128);
        QCOMPARE(BenchmarkSettings::finalBatchFor(0.3), 128);
        QCOMPARE(BenchmarkSettings::finalBatchFor(0.2), 64);
        QCOMPARE(BenchmarkSettings::finalBatchFor(0.1), 32);
        BenchmarkSettings s;
        // The full profile: every multiple of 0.1 below 1 - r.
        QCOMPARE(s.betaCandidates(0.1, true), (std::vector<double> { 0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8 }));
        QCOMPARE(s.betaCandidates(0.3, false), (std::vector<double> { 0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6 }));
        s.betaSpread = 2;
        // r = 0.1: the method's 0.6 and its neighbours, plus beta = 0 at the highest rate.
        QCOMPARE(s.betaCandidates(0.1, true), (std::vector<double> { 0.0, 0.4, 0.5, 0.6, 0.7, 0.8 }));
        // r = 0.7: 0.1 - 0.2 and 0.1 - 0.1 are below 0, and nothing may reach 1 - r = 0.3.
        QCOMPARE(s.betaCandidates(0.7, false), (std::vector<double> { 0.0, 0.1, 0.2 }));
        const BenchmarkSettings quick = BenchmarkSettings::forProfile(QStringLiteral("quick"));
        QCOMPARE(quick.repetitions, 1);
        QVERIFY(
            quick.poolSize > 0 && quick.training.sslSteps < s.training.sslSteps && quick.finalEpochs < s.finalEpochs);
        QCOMPARE(s.seedBudget, 1000);
        QCOMPARE(s.repetitions, 3);
        QVERIFY_THROWS_EXCEPTION(Error, BenchmarkSettings::forProfile(QStringLiteral("fast")));
    }

    // Reports and journals store the settings under these names (a resume compares them), so the
    // form is pinned to the letter; it reads back into the same settings.
    void settingsJsonIsPinned()
    {
        const BenchmarkSettings full;
        QCOMPARE(QJsonDocument(full.toJson()).toJson(QJsonDocument::Compact),
            QByteArray("{\"beta_spread\":10,\"beta_step\":0.1,\"class_cutoff\":false,\"device\":\"auto\","
                       "\"final_epochs\":15,\"first_seed\":\"1\",\"flip\":true,\"model\":\"auto\",\"mu\":3,"
                       "\"pool_size\":20000,\"precision\":\"auto\",\"profile\":\"full\",\"proxy_epochs\":15,"
                       "\"pruning_rates\":[0.3,0.5,0.7,0.9],\"seed_budget\":1000,\"seeds\":3,"
                       "\"selectors\":[\"cutoff\",\"ccs\",\"dual-beta\",\"diverse\"],\"ssl_batch\":32,"
                       "\"ssl_steps\":3693,\"threads\":0,\"threshold\":0.95,\"threshold_mode\":\"flexmatch\","
                       "\"validation_size\":1000}"));
        BenchmarkSettings s = tinySettings();
        s.training.seed = 42;
        s.training.allowFlip = false;
        s.training.model = ModelKind::SmallCnn;
        s.classCutoff = true;
        const BenchmarkSettings back = BenchmarkSettings::fromJson(s.toJson());
        QCOMPARE(back.toJson(), s.toJson());
        QCOMPARE(back.training.seed, quint64(42));
        QVERIFY(!back.training.allowFlip);
        QCOMPARE(back.training.sslBatch, 4);
        // A report from before the selector list measured the hard cutoff alone.
        QJsonObject older = s.toJson();
        older.remove(QStringLiteral("selectors"));
        QCOMPARE(BenchmarkSettings::fromJson(older).selectors, std::vector<SelectorKind> { SelectorKind::HardCutoff });
        s.selectors.push_back(SelectorKind::Random);
        QVERIFY_THROWS_EXCEPTION(Error, s.validate()); // random is always measured, not a selector to add
        s.selectors.pop_back();
        // The benchmark validates its training part like the pipeline does.
        s.training.mu = 0;
        QVERIFY_THROWS_EXCEPTION(Error, s.validate());
    }

    // The smoothed rule: a candidate is judged with its grid neighbours, so one lucky value between
    // two poor ones loses to a steady stretch; lone candidates and ties behave as documented.
    void parameterChoiceSmoothsOverNeighbours()
    {
        const std::vector<double> betas { 0.0, 0.1, 0.2, 0.3, 0.4 };
        // Plain best: 0.1 (0.90). Smoothed: 0.1 -> (0.80 + 0.90 + 0.70) / 3 = 0.80; 0.3 -> (0.70 + 0.86 +
        // 0.86) / 3 = 0.807; 0.4 -> (0.86 + 0.86) / 2 = 0.86.
        const ParameterChoice choice = chooseParameter(betas, { 0.80, 0.90, 0.70, 0.86, 0.86 }, 0.1);
        QCOMPARE(choice.unsmoothed, 1);
        QCOMPARE(choice.chosen, 4);
        // A tie keeps the lower candidate.
        QCOMPARE(chooseParameter(betas, { 0.5, 0.5, 0.5, 0.5, 0.5 }, 0.1).chosen, 0);
        // beta = 0 beside a grid far from it stands alone: its own accuracy.
        const ParameterChoice lone = chooseParameter({ 0.0, 0.5, 0.6 }, { 0.9, 0.6, 0.7 }, 0.1);
        QCOMPARE(lone.chosen, 0);
        // Candidates of another spacing (DUAL-Beta's exponents 3 and 4) are not smoothed.
        QCOMPARE(chooseParameter({ 3.0, 4.0 }, { 0.6, 0.7 }, 0.1).chosen, 1);
        QCOMPARE(chooseParameter({}, {}, 0.1).chosen, -1);
    }

    void runsTheProtocol()
    {
        JobContext job;
        const BenchmarkSource train = BenchmarkSource::fromFolder(m_train, job);
        const BenchmarkSource test = BenchmarkSource::fromFolder(m_test, job);
        const QString output = newOutput();
        BenchmarkSettings settings = tinySettings();
        settings.selectors = BenchmarkSettings().selectors; // every selector
        BenchmarkRunner runner(train, test, output, settings, job);
        // The results are written after every seed: first a partial report, then the whole one.
        std::vector<int> writtenAfter;
        QByteArray partialMarkdown;
        runner.setResultsWritten([&](const BenchmarkReport &written) {
            writtenAfter.push_back(written.completedRepetitions);
            if (written.isPartial()) {
                partialMarkdown = testsupport::readFile(benchmarkResultsFile(output, QStringLiteral("md")));
                for (const BenchmarkEntry &entry : written.entries)
                    QCOMPARE(int(entry.accuracies.size()), written.completedRepetitions);
            }
        });
        const BenchmarkReport report = runner.run();
        QCOMPARE(writtenAfter, (std::vector<int> { 1, 2 }));
        QVERIFY2(partialMarkdown.contains("Partial: 1 of 2 seeds finished"), partialMarkdown.constData());
        QVERIFY(!report.isPartial());
        QVERIFY(!testsupport::readFile(benchmarkResultsFile(output, QStringLiteral("md"))).contains("Partial"));

        // Every cell: every method at every rate, one accuracy per seed; beta = 0 at the highest rate.
        const int pool = 120 - settings.validationSize;
        QCOMPARE(report.poolImages, pool);
        QCOMPARE(report.testImages, 30);
        for (double rate : settings.pruningRates) {
            // Every selector is measured beside random (the default list), with its own parameter.
            for (const QString &method : { benchmarkmethod::random(), benchmarkmethod::semiPrune(),
                     benchmarkmethod::trueLabels(), benchmarkmethod::semiPruneCcs(),
                     benchmarkmethod::semiPruneDualBeta(), benchmarkmethod::semiPruneDiverse() }) {
                const BenchmarkEntry *entry = report.find(method, rate);
                QVERIFY2(entry, qPrintable(method));
                QCOMPARE(int(entry->accuracies.size()), settings.repetitions);
                QCOMPARE(entry->coresetSize, int(std::floor((1.0 - rate) * (120 - settings.validationSize) + 1e-9)));
                for (double accuracy : entry->accuracies)
                    QVERIFY(accuracy >= 0.0 && accuracy <= 1.0);
                if (method != benchmarkmethod::random()) // the plain choice is kept beside the smoothed one
                    QCOMPARE(entry->unsmoothedBetas.size(), entry->betas.size());
            }
            for (double c : report.find(benchmarkmethod::semiPruneDualBeta(), rate)->betas)
                QVERIFY(c == 3.0 || c == 4.0);
            // Random, SemiPrune and the true-label reference train on subsets of the same size: floor(r N).
            const int expected = int(std::floor((1.0 - rate) * pool + 1e-9));
            QCOMPARE(report.find(benchmarkmethod::random(), rate)->coresetSize, expected);
            QCOMPARE(report.find(benchmarkmethod::semiPrune(), rate)->coresetSize, expected);
            QCOMPARE(report.find(benchmarkmethod::trueLabels(), rate)->coresetSize, expected);
            // The chosen beta is one of the candidates, per seed.
            const BenchmarkEntry *semi = report.find(benchmarkmethod::semiPrune(), rate);
            QCOMPARE(int(semi->betas.size()), settings.repetitions);
            const auto candidates = settings.betaCandidates(1.0 - rate, rate == 0.9);
            for (double beta : semi->betas)
                QVERIFY(std::find(candidates.begin(), candidates.end(), beta) != candidates.end());
        }
        // The best epoch is reported beside the final one, for every cell, and is never below it.
        for (const BenchmarkEntry &entry : report.entries) {
            QCOMPARE(entry.bestEpochAccuracies.size(), entry.accuracies.size());
            for (std::size_t k = 0; k < entry.accuracies.size(); ++k)
                QVERIFY2(entry.bestEpochAccuracies[k] >= entry.accuracies[k] - 1e-9, qPrintable(entry.method));
        }
        // The upper reference chooses its own beta among the same candidates, on validation.
        for (double rate : settings.pruningRates) {
            const BenchmarkEntry *reference = report.find(benchmarkmethod::trueLabels(), rate);
            QCOMPARE(int(reference->validationAccuracies.size()), settings.repetitions);
            const auto candidates = settings.betaCandidates(1.0 - rate, rate == 0.9);
            for (double beta : reference->betas)
                QVERIFY(std::find(candidates.begin(), candidates.end(), beta) != candidates.end());
        }
        QVERIFY(report.find(benchmarkmethod::betaZero(), 0.9));
        QVERIFY(!report.find(benchmarkmethod::betaZero(), 0.5));
        QCOMPARE(int(report.fullDataAccuracies.size()), settings.repetitions);
        // The patterns are easy: the full pool must be learned well above chance (1/3).
        QVERIFY2(
            meanOf(report.fullDataAccuracies) > 0.6, qPrintable(QString::number(meanOf(report.fullDataAccuracies))));
        QCOMPARE(int(report.pseudoLabelAccuracies.size()), settings.repetitions);

        // Label cost: the seed plus the validation split, both reported.
        QCOMPARE(report.seedLabelsPerRepetition, 6);
        QCOMPARE(report.validationImages, 9);
        QCOMPARE(report.labelCostPerRepetition(), 15);
        QCOMPARE(report.testImagesInTraining, 0);

        // The files and the run in the project.
        for (const char *suffix : { "md", "csv", "json" })
            QVERIFY2(QFile::exists(benchmarkResultsFile(output, QLatin1String(suffix))), suffix);
        const QByteArray markdown = testsupport::readFile(benchmarkResultsFile(output, QStringLiteral("md")));
        QVERIFY(markdown.contains("50 % pruned") && markdown.contains("90 % pruned"));
        QVERIFY(markdown.contains("6 seed labels + 9 validation labels = 15"));
        // Stage times are summed over the seeds; the report gives both the sum and the time per seed.
        QVERIFY(!report.stageSeconds.empty());
        for (const auto &[stage, seconds] : report.stageSeconds) {
            const QString line
                = QStringLiteral("%1 s per seed (%2 s in all)").arg(seconds / 2, 0, 'f', 1).arg(seconds, 0, 'f', 1);
            QVERIFY2(markdown.contains(line.toUtf8()), qPrintable(stage + QLatin1String(": ") + line));
        }
        // No empty cell, except where beta = 0 is not measured (below the highest rate).
        for (const QByteArray &line : markdown.split('\n')) {
            if (line.startsWith("| ") && !line.contains("beta = 0"))
                QVERIFY2(!line.contains("| - |"), line.constData());
        }
        const QList<QByteArray> csv
            = testsupport::readFile(benchmarkResultsFile(output, QStringLiteral("csv"))).trimmed().split('\n');
        QCOMPARE(csv.size(), 1 + 6 * 2 + 1 + 1); // header, six methods at two rates, beta = 0, full pool
        auto project = Project::open(benchmarkProjectFile(output));
        const auto run = RunTable(project->db()).latestFinished(QStringLiteral("benchmark"));
        QVERIFY(run);
        const BenchmarkReport stored = BenchmarkReport::fromJson(run->metrics);
        QCOMPARE(stored.entries.size(), report.entries.size());
        QCOMPARE(stored.markdown(), report.markdown());
    }

    // A partial report's total time is what its finished seeds took. The part of an unfinished seed
    // that a stop cut short is not in it, after a resume either; the whole report counts it.
    void aPartialReportsTimeLeavesOutTheUnfinishedSeed()
    {
        const auto [train, test] = tinySources();
        const QString output = newOutput();
        const BenchmarkSettings settings = tinySettings();
        const double cutShortSeconds = 0.5;

        double firstPartialSeconds = -1;
        {
            JobContext job;
            BenchmarkRunner runner(train, test, output, settings, job);
            runner.setResultsWritten(
                [&](const BenchmarkReport &written) { firstPartialSeconds = written.totalSeconds; });
            runner.setLog([&](const QString &line) {
                if (firstPartialSeconds >= 0 && line.contains(QStringLiteral("on the validation split"))) {
                    QThread::msleep(ulong(cutShortSeconds * 1000)); // the second seed's work so far
                    job.cancel();
                }
            });
            QVERIFY_THROWS_EXCEPTION(JobCancelled, runner.run());
        }
        QVERIFY(firstPartialSeconds > 0);

        JobContext job;
        BenchmarkRunner runner(train, test, output, settings, job);
        runner.setResume(true);
        std::vector<double> written;
        runner.setResultsWritten([&](const BenchmarkReport &report) { written.push_back(report.totalSeconds); });
        runner.run();
        QCOMPARE(written.size(), std::size_t(2));
        QCOMPARE(written[0], firstPartialSeconds);
        QVERIFY2(written[1] >= firstPartialSeconds + cutShortSeconds, qPrintable(QString::number(written[1])));
    }

    // A benchmark stopped in the middle of its coreset models resumes: what was finished is not
    // trained again, the model that was in training is, and the report is complete. Trained
    // models' files do not outlive their measurement.
    void resumesWhereItStopped()
    {
        const auto [train, test] = tinySources();
        const QString output = newOutput();
        BenchmarkSettings settings = tinySettings();
        settings.repetitions = 1;

        // Stop when the third beta candidate starts training.
        QStringList firstLog;
        {
            JobContext job;
            BenchmarkRunner runner(train, test, output, settings, job);
            runner.setLog([&](const QString &line) {
                firstLog << line;
                if (firstLog.filter(QStringLiteral("on the validation split")).size() == 3)
                    job.cancel();
            });
            QVERIFY_THROWS_EXCEPTION(JobCancelled, runner.run());
        }
        QVERIFY(QFile::exists(benchmarkJournalFile(output)));
        const QStringList stoppedAt = firstLog.filter(QStringLiteral("on the validation split"));
        QCOMPARE(stoppedAt.size(), 3);

        // Without --resume the folder is refused, and the message says how to go on.
        {
            JobContext job;
            try {
                BenchmarkRunner(train, test, output, settings, job).run();
                QFAIL("a used folder was accepted");
            } catch (const Error &error) {
                QVERIFY2(error.message().contains(QStringLiteral("resume")), qPrintable(error.message()));
            }
        }
        // Resuming with other settings names the difference and changes nothing.
        const QByteArray journalBefore = testsupport::readFile(benchmarkJournalFile(output));
        {
            JobContext job;
            BenchmarkSettings other = settings;
            other.finalEpochs = 5;
            BenchmarkRunner runner(train, test, output, other, job);
            runner.setResume(true);
            try {
                runner.run();
                QFAIL("a resume with other settings was accepted");
            } catch (const Error &error) {
                QVERIFY2(
                    error.message().contains(QStringLiteral("final_epochs (4, now 5)")), qPrintable(error.message()));
            }
            QCOMPARE(testsupport::readFile(benchmarkJournalFile(output)), journalBefore);
        }

        QStringList secondLog;
        JobContext job;
        BenchmarkRunner runner(train, test, output, settings, job);
        runner.setResume(true);
        runner.setLog([&](const QString &line) { secondLog << line; });
        const BenchmarkReport report = runner.run();

        // The first two candidates are not trained again; the third, cut short, is.
        const QStringList trainedAgain = secondLog.filter(QStringLiteral("on the validation split"));
        QVERIFY(!trainedAgain.contains(stoppedAt[0]));
        QVERIFY(!trainedAgain.contains(stoppedAt[1]));
        QCOMPARE(trainedAgain.first(), stoppedAt[2]);
        QVERIFY(secondLog.filter(QStringLiteral("the full pool")).isEmpty());
        QVERIFY(secondLog.filter(QStringLiteral("Resuming")).size() == 1);
        QCOMPARE(secondLog.filter(QStringLiteral("labeling the 6 images drawn before")).size(), 1);
        QVERIFY(secondLog.filter(QStringLiteral("drawing")).isEmpty());
        // Every candidate was trained exactly once, over both runs, apart from the one cut short.
        int candidates = 0;
        for (double rate : settings.pruningRates)
            candidates
                += 2 * int(settings.betaCandidates(1.0 - rate, rate == 0.9).size()); // SemiPrune and the reference
        QCOMPARE(stoppedAt.size() + trainedAgain.size(), candidates + 1);

        for (double rate : settings.pruningRates) {
            for (const QString &method :
                { benchmarkmethod::random(), benchmarkmethod::semiPrune(), benchmarkmethod::trueLabels() })
                QCOMPARE(int(report.find(method, rate)->accuracies.size()), 1);
        }
        QCOMPARE(int(report.fullDataAccuracies.size()), 1);
        QVERIFY(QFile::exists(benchmarkResultsFile(output, QStringLiteral("md"))));
        QVERIFY2(
            QDir(QDir(output).filePath(QStringLiteral("models"))).isEmpty(), "model files outlived their measurement");
        auto project = Project::open(benchmarkProjectFile(output));
        QVERIFY(RunTable(project->db()).latestFinished(QStringLiteral("benchmark")));
        // The seed was labeled again with the same images, so the finished pipeline stages were
        // reused: one FixMatch run and one proxy run for the one seed.
        int sslRuns = 0, dynamicsRuns = 0;
        for (const RunRecord &run : RunTable(project->db()).all()) {
            sslRuns += run.kind == QLatin1String("ssl") ? 1 : 0;
            dynamicsRuns += run.kind == QLatin1String("dynamics") ? 1 : 0;
        }
        QCOMPARE(sslRuns, 1);
        QCOMPARE(dynamicsRuns, 1);
    }

    // The class-aware cutoff, added to a finished benchmark on resume: only its models are trained
    // (the pipeline and the other methods' models are kept), each dynamics gets its own beta search
    // on validation, and its coresets have the random subset's size.
    void theClassCutoffIsAddedOnResume()
    {
        const auto [train, test] = tinySources();
        const QString output = newOutput();
        BenchmarkSettings settings = tinySettings();
        settings.repetitions = 1;
        BenchmarkReport before;
        {
            JobContext job;
            before = BenchmarkRunner(train, test, output, settings, job).run();
        }
        QVERIFY(!before.find(benchmarkmethod::semiPruneClassCutoff(), 0.5));

        settings.classCutoff = true;
        QStringList log;
        JobContext job;
        BenchmarkRunner runner(train, test, output, settings, job);
        runner.setResume(true);
        runner.setLog([&](const QString &line) { log << line; });
        const BenchmarkReport report = runner.run();

        const QStringList trained = log.filter(QStringLiteral("on the validation split"));
        int candidates = 0;
        for (double rate : settings.pruningRates)
            candidates += 2 * int(settings.betaCandidates(1.0 - rate, rate == 0.9).size()); // both dynamics
        QCOMPARE(trained.size(), candidates);
        for (const QString &line : trained)
            QVERIFY2(line.contains(QStringLiteral("class-aware cutoff")), qPrintable(line));
        QVERIFY(log.filter(QStringLiteral("random subset")).isEmpty());
        QVERIFY(log.filter(QStringLiteral("the full pool")).isEmpty());

        for (double rate : settings.pruningRates) {
            const int randomSize = report.find(benchmarkmethod::random(), rate)->coresetSize;
            const auto betas = settings.betaCandidates(1.0 - rate, rate == 0.9);
            for (const QString &method :
                { benchmarkmethod::semiPruneClassCutoff(), benchmarkmethod::trueLabelsClassCutoff() }) {
                const BenchmarkEntry *entry = report.find(method, rate);
                QVERIFY2(entry, qPrintable(method));
                QCOMPARE(int(entry->accuracies.size()), 1);
                QCOMPARE(entry->coresetSize, randomSize);
                QCOMPARE(int(entry->validationAccuracies.size()), 1);
                QVERIFY(std::find(betas.begin(), betas.end(), entry->betas.front()) != betas.end());
            }
            // The methods measured before are read back, not trained again.
            for (const QString &method :
                { benchmarkmethod::random(), benchmarkmethod::semiPrune(), benchmarkmethod::trueLabels() })
                QCOMPARE(report.find(method, rate)->accuracies, before.find(method, rate)->accuracies);
        }
        QCOMPARE(report.testImagesInTraining, 0);
        const QByteArray markdown = testsupport::readFile(benchmarkResultsFile(output, QStringLiteral("md")));
        QVERIFY(markdown.contains("SemiPrune, class-aware cutoff (beta chosen on validation)"));
        QVERIFY(markdown.contains("90 % pruned, true-label dynamics, class-aware cutoff: beta"));
        QVERIFY(markdown.contains("- class_cutoff: true"));
        const QList<QByteArray> csv
            = testsupport::readFile(benchmarkResultsFile(output, QStringLiteral("csv"))).trimmed().split('\n');
        QCOMPARE(csv.size(), 1 + 5 * 2 + 1 + 1); // header, five methods at two rates, beta = 0, full pool
    }

    // The best epoch's figure looks at every epoch's model, not only the final one, and a model
    // kept in a folder comes back as it was trained.
    void bestEpochLooksAtEveryEpoch()
    {
        JobContext job;
        const BenchmarkSource train = BenchmarkSource::fromFolder(m_train, job);
        const BenchmarkSource test = BenchmarkSource::fromFolder(m_test, job);
        std::vector<int> indices, labels;
        for (int i = 0; i < train.count(); ++i) {
            indices.push_back(i);
            labels.push_back(train.label(i));
        }
        const ImageBank bank = decodeBank(train, indices, 12, 12, 1, job);
        const HeldOutTestSet held(test, 12, 12, 1, job);
        BenchmarkSettings settings = tinySettings();
        settings.finalEpochs = 3;
        CoresetTrainer trainer(bank, labels, 3, settings, held, job);
        const QString folder = m_dir.filePath(QStringLiteral("epochs"));
        QVERIFY(QDir().mkpath(folder));
        const CoresetModel model = trainer.train(indices, 1.0, 7, folder);
        QCOMPARE(model.epochFiles.size(), 3);

        std::vector<double> perEpoch;
        for (const QString &file : model.epochFiles)
            perEpoch.push_back(Model::load(file, DeviceChoice::Cpu).evaluate(bank, labels));
        QCOMPARE(perEpoch.back(), model.evaluate(bank, labels)); // the last file is the final model
        // Given a final accuracy of 0, the best is the best of the earlier epochs, which were measured.
        QCOMPARE(model.bestEpochEvaluate(bank, labels, 0.0), std::max(perEpoch[0], perEpoch[1]));
        QCOMPARE(model.bestEpochEvaluate(bank, labels, 1.0), 1.0);

        const CoresetModel reloaded = CoresetModel::fromFolder(folder, 3, -1, DeviceChoice::Cpu);
        QCOMPARE(reloaded.epochFiles, model.epochFiles);
        QCOMPARE(reloaded.evaluate(bank, labels), perEpoch.back());
        // A one-class coreset has no files: it answers its class.
        const CoresetModel constant
            = CoresetModel::fromFolder(m_dir.filePath(QStringLiteral("none")), 3, 2, DeviceChoice::Cpu);
        QCOMPARE(constant.evaluate(bank, labels), 1.0 / 3.0);
        QVERIFY_THROWS_EXCEPTION(
            Error, CoresetModel::fromFolder(m_dir.filePath(QStringLiteral("none")), 3, -1, DeviceChoice::Cpu));
    }

    void testImagesNeverReachTraining()
    {
        // The test tree is the training tree: refused before anything is written.
        const QString message = refusal(m_train, m_train, tinySettings());
        QVERIFY2(message.contains(QStringLiteral("test image"))
                && message.contains(QStringLiteral("must never be trained on")),
            qPrintable(message));

        // The check itself: any identity shared with the test split is named.
        JobContext job;
        const BenchmarkSource test = BenchmarkSource::fromFolder(m_test, job);
        requireNoTestImages(test, { QStringLiteral("/elsewhere/a.png") }, QStringLiteral("pool"));
        QVERIFY_THROWS_EXCEPTION(
            Error, requireNoTestImages(test, { test.identity(3) }, QStringLiteral("validation split")));

        // Whatever trains is handed its bank first; the test set's own bank is refused.
        const BenchmarkSource train = BenchmarkSource::fromFolder(m_train, job);
        const HeldOutTestSet held(test, 12, 12, 1, job);
        QCOMPARE(held.count(), 30);
        const ImageBank other = decodeBank(train, { 0, 1, 2 }, 12, 12, 1, job);
        held.requireNotTestBank(other);

        // The validation split and the pool are disjoint and class-balanced.
        const BenchmarkSplit split = carveSplit(train, tinySettings());
        QCOMPARE(int(split.validation.size()), 9);
        for (int v : split.validation)
            QVERIFY(std::find(split.pool.begin(), split.pool.end(), v) == split.pool.end());
        std::vector<int> perClass(3, 0);
        for (int v : split.validation)
            ++perClass[std::size_t(train.label(v))];
        QCOMPARE(perClass, (std::vector<int> { 3, 3, 3 }));
    }

    void badInputIsRefusedBeforeTraining()
    {
        QString message = refusal(m_train, m_otherTest, tinySettings());
        QVERIFY2(message.contains(QStringLiteral("classes differ")) && message.contains(QStringLiteral("dots"))
                && message.contains(QStringLiteral("rings")),
            qPrintable(message));

        BenchmarkSettings settings = tinySettings();
        settings.validationSize = 150;
        message = refusal(m_train, m_test, settings);
        QVERIFY2(message.contains(QStringLiteral("validation split")) && message.contains(QStringLiteral("too few")),
            qPrintable(message));

        settings = tinySettings();
        settings.seedBudget = 60; // 20 per class in each of 2 repetitions: 40 of the ~37 left
        message = refusal(m_train, m_test, settings);
        QVERIFY2(message.contains(QStringLiteral("class-balanced seeds")), qPrintable(message));

        for (double rate : { 0.0, 1.0, 1.5, -0.2 }) {
            settings = tinySettings();
            settings.pruningRates = { 0.5, rate };
            message = refusal(m_train, m_test, settings);
            QVERIFY2(message.contains(QStringLiteral("strictly between 0 and 1")), qPrintable(message));
        }

        settings = tinySettings();
        settings.seedBudget = 2; // fewer seed images than classes
        message = refusal(m_train, m_test, settings);
        QVERIFY2(message.contains(QStringLiteral("cannot cover 3 classes")), qPrintable(message));
    }

    // The command: profile values overridden by options, the tables, the JSON and the plot.
    void commandLineWritesTablesAndPlot()
    {
        const QString cli = qEnvironmentVariable("SEMIPRUNE_CLI");
        if (!QFile::exists(cli))
            QSKIP("SEMIPRUNE_CLI does not name a built semiprune program");
        const QString output = newOutput();
        QProcess process;
        process.start(cli,
            { QStringLiteral("benchmark"), output, QStringLiteral("--train"), m_train, QStringLiteral("--test"), m_test,
                QStringLiteral("--profile"), QStringLiteral("quick"), QStringLiteral("--pool"), QStringLiteral("0"),
                QStringLiteral("--seed-labels"), QStringLiteral("6"), QStringLiteral("--validation"),
                QStringLiteral("9"), QStringLiteral("--pruning-rates"), QStringLiteral("0.5,0.9"),
                QStringLiteral("--steps"), QStringLiteral("8"), QStringLiteral("--batch"), QStringLiteral("4"),
                QStringLiteral("--mu"), QStringLiteral("2"), QStringLiteral("--proxy-epochs"), QStringLiteral("2"),
                QStringLiteral("--final-epochs"), QStringLiteral("2"), QStringLiteral("--beta-spread"),
                QStringLiteral("0"), QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("--device"),
                QStringLiteral("cpu"), QStringLiteral("--class-cutoff"), QStringLiteral("--selectors"),
                QStringLiteral("ccs"), QStringLiteral("--json") });
        QVERIFY(process.waitForFinished(300000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        const QJsonObject json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        const QJsonObject settings = json.value(QStringLiteral("settings")).toObject();
        QCOMPARE(settings.value(QStringLiteral("profile")).toString(), QStringLiteral("quick"));
        QCOMPARE(settings.value(QStringLiteral("seed_budget")).toInt(), 6); // overridden
        QCOMPARE(settings.value(QStringLiteral("seeds")).toInt(), 1); // from the profile
        QCOMPARE(settings.value(QStringLiteral("class_cutoff")).toBool(), true);
        QCOMPARE(settings.value(QStringLiteral("selectors")).toArray(),
            QJsonArray({ QStringLiteral("cutoff"), QStringLiteral("ccs") }));
        QCOMPARE(json.value(QStringLiteral("table")).toArray().size(),
            6 * 2 + 1); // random, cutoff, CCS, true labels and the class-aware cutoff's two methods; beta = 0
        QCOMPARE(json.value(QStringLiteral("label_cost_per_repetition")).toInt(), 15);
        const QByteArray png = testsupport::readFile(benchmarkResultsFile(output, QStringLiteral("png")));
        QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
        QVERIFY(png.size() > 10000); // axes, seven series, a legend: not a blank image
        // The image widens beyond its least width (1080) so the longest legend entry is not cut off.
        const int width
            = (quint8(png[16]) << 24) | (quint8(png[17]) << 16) | (quint8(png[18]) << 8) | quint8(png[19]); // IHDR
        QVERIFY2(width > 1080, qPrintable(QString::number(width)));

        QProcess usage;
        usage.start(cli,
            { QStringLiteral("benchmark"), newOutput(), QStringLiteral("--train"), m_train,
                QStringLiteral("--train-images"), m_train });
        QVERIFY(usage.waitForFinished(60000));
        QCOMPARE(usage.exitCode(), 2);
    }
};

QTEST_APPLESS_MAIN(TestBenchmark)
#include "tst_benchmark.moc"

// The Benchmarks dock renders a benchmark report stored in a project: the table of accuracies per
// method and rate, the best selector per rate marked, the whole report below, and clear words for a
// project without a benchmark or with one that stopped before its end.

#include "testsupport.h"

#include "benchmark/benchmarkreport.h"
#include "benchmarks/benchmarksdock.h"
#include "storage/project.h"
#include "storage/runtable.h"

#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace semiprune;
using namespace semiprune::ui;

namespace {

BenchmarkReport sampleReport()
{
    BenchmarkReport report;
    report.settings.pruningRates = { 0.7, 0.9 };
    report.settings.repetitions = 2;
    report.completedRepetitions = 2;
    report.trainSource = QStringLiteral("fashion-mnist");
    report.seedLabelsPerRepetition = 500;
    report.validationImages = 500;
    report.poolImages = 10000;
    report.fullDataAccuracies = { 0.90, 0.92 };
    const auto add = [&](const QString &method, double rate, std::vector<double> accuracies) {
        BenchmarkEntry &entry = report.entry(method, rate);
        entry.accuracies = accuracies;
        entry.bestEpochAccuracies = accuracies;
        entry.coresetSize = rate < 0.8 ? 3000 : 1000;
        if (method != benchmarkmethod::random()) {
            entry.betas = { 0.1, 0.2 };
            entry.unsmoothedBetas = { 0.1, 0.1 };
        }
    };
    add(benchmarkmethod::random(), 0.7, { 0.85, 0.86 });
    add(benchmarkmethod::semiPrune(), 0.7, { 0.87, 0.88 });
    add(benchmarkmethod::semiPruneDiverse(), 0.7, { 0.88, 0.89 });
    add(benchmarkmethod::random(), 0.9, { 0.80, 0.81 });
    add(benchmarkmethod::semiPrune(), 0.9, { 0.79, 0.80 });
    add(benchmarkmethod::semiPruneDiverse(), 0.9, { 0.82, 0.83 });
    add(benchmarkmethod::trueLabels(), 0.9, { 0.95, 0.95 }); // a reference: never the marked best
    return report;
}

} // namespace

class TestBenchmarksDock final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<Project> newProject(const QString &name)
    {
        const QString images = m_dir.filePath(name + QStringLiteral("-images"));
        testsupport::writeImage(images + QStringLiteral("/a.png"), 8, 8, 1);
        return Project::create(m_dir.filePath(name + QStringLiteral(".semiprune")), images);
    }

private Q_SLOTS:
    void saysWhatIsMissing()
    {
        BenchmarksDock dock;
        QVERIFY(dock.messageText().contains(QStringLiteral("No project")));
        auto project = newProject(QStringLiteral("plain"));
        dock.setProject(project.get());
        QCOMPARE(dock.reportCount(), 0);
        QVERIFY(dock.messageText().contains(QStringLiteral("holds no benchmark")));
        QVERIFY(dock.table()->isHidden());

        // A benchmark that was stopped: a run without a report.
        RunTable runs(project->db());
        RunRecord stopped;
        stopped.kind = QStringLiteral("benchmark");
        runs.finish(runs.start(stopped), RunState::Cancelled);
        dock.setProject(project.get());
        QCOMPARE(dock.reportCount(), 1);
        QVERIFY2(dock.messageText().contains(QStringLiteral("--resume")), qPrintable(dock.messageText()));
        dock.setProject(nullptr);
        QCOMPARE(dock.reportCount(), 0);
    }

    void rendersAStoredReport()
    {
        auto project = newProject(QStringLiteral("bench"));
        RunTable runs(project->db());
        RunRecord record;
        record.kind = QStringLiteral("benchmark");
        const RunId run = runs.start(record);
        runs.setMetrics(run, sampleReport().toJson());
        runs.finish(run, RunState::Finished);

        BenchmarksDock dock;
        dock.resize(900, 700);
        dock.setProject(project.get());
        QCOMPARE(dock.reportCount(), 1);
        const QTableWidget *table = dock.table();
        QVERIFY(!table->isHidden());
        // random, SemiPrune, diverse, the true-label reference, and the full pool below them.
        QCOMPARE(table->rowCount(), 5);
        QCOMPARE(table->columnCount(), 2);
        QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("90 % pruned"));
        QCOMPARE(table->verticalHeaderItem(0)->text(), benchmarkMethodTitle(benchmarkmethod::random()));
        const int diverse = 2;
        QCOMPARE(table->verticalHeaderItem(diverse)->text(), benchmarkMethodTitle(benchmarkmethod::semiPruneDiverse()));
        QCOMPARE(table->item(diverse, 0)->text(), QStringLiteral("88.5 ± 0.7"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("80.5 ± 0.7"));
        QCOMPARE(table->item(4, 0)->text(), QStringLiteral("91.0 ± 1.4")); // the full pool
        // The best selector per rate is bold, the reference above it is not.
        QVERIFY(table->item(diverse, 1)->font().bold());
        QVERIFY(!table->item(3, 1)->font().bold());
        QVERIFY(!table->item(1, 1)->font().bold());
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("87.5 ± 0.7"));
        QVERIFY(dock.detailsMarkdown().contains(QStringLiteral("diverse: beta 0.1, 0.2 per seed")));
        // Five cells of two seeds, each seed once chosen otherwise by the plain best (0.1, not 0.2).
        QVERIFY(dock.detailsMarkdown().contains(QStringLiteral("in 5 of 10 searches")));
        QVERIFY(dock.messageText().contains(QStringLiteral("fashion-mnist")));
        if (const QString folder = qEnvironmentVariable("SEMIPRUNE_SCREENSHOTS"); !folder.isEmpty()) {
            dock.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dock));
            dock.grab().save(folder + QStringLiteral("/benchmarks.png"));
        }
    }
};

QTEST_MAIN(TestBenchmarksDock)
#include "tst_benchmarksdock.moc"

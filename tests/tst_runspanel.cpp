// The runs panel in the real main window, offscreen: a tiny pipeline started with the dialog's
// settings reports progress and loss points, ends in the history, and puts pseudo-labels into the
// grid; a second run cancelled from the panel ends "cancelled" with the project still consistent.
// Also measures how long the GUI thread went without running its event loop during a run.

#include "testsupport.h"

#include "dataset/folderimporter.h"
#include "dataset/seeddraw.h"
#include "grid/imagegridmodel.h"
#include "jobs/jobcontext.h"
#include "jobs/runlock.h"
#include "labeling/labeleditor.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/projectstatuswidget.h"
#include "project/projectview.h"
#include "runs/pipelinerunner.h"
#include "runs/runsettingsdialog.h"
#include "runs/runspanel.h"
#include "storage/classtable.h"
#include "storage/database.h"
#include "storage/imagetable.h"
#include "storage/labeltable.h"
#include "storage/project.h"
#include "storage/runtable.h"

#include <QAbstractItemModelTester>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>

#include <opencv2/imgcodecs.hpp>

using namespace semiprune;
using namespace semiprune::ui;

namespace {

// Two patterns a model tells apart in a few steps: horizontal and vertical bars.
cv::Mat pattern(int cls, int index)
{
    cv::Mat image(12, 12, CV_8UC1);
    for (int y = 0; y < 12; ++y)
        for (int x = 0; x < 12; ++x) {
            const bool on = ((cls == 0 ? y : x) + index % 3) % 4 < 2;
            image.at<uchar>(y, x) = uchar(on ? 220 : 20) + uchar((x * 31 + y * 17 + index * 13) % 25);
        }
    return image;
}

PipelineSettings tinySettings()
{
    PipelineSettings settings;
    settings.training.sslSteps = 10;
    settings.training.sslBatch = 4;
    settings.training.mu = 1;
    settings.training.proxyEpochs = 2;
    settings.training.threads = 1;
    settings.training.device = DeviceChoice::Cpu;
    settings.keepRatio = 0.5;
    return settings;
}

// The longest the GUI thread's event loop went without turning, while it runs.
class StallProbe final : public QObject {
public:
    StallProbe()
    {
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (m_clock.isValid())
                m_worstMs = std::max(m_worstMs, m_clock.nsecsElapsed() / 1e6);
            m_clock.start();
        });
        m_timer.start();
    }
    double worstMs() const { return m_worstMs; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_worstMs = 0;
};

} // namespace

class TestRunsPanel final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_projectFile;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        const QString root = m_dir.filePath(QStringLiteral("images"));
        QDir().mkpath(root);
        for (int c = 0; c < 2; ++c)
            for (int i = 0; i < 15; ++i)
                QVERIFY(cv::imwrite(
                    QStringLiteral("%1/c%2_%3.png").arg(root).arg(c).arg(i, 2, 10, QLatin1Char('0')).toStdString(),
                    pattern(c, i)));
        m_projectFile = m_dir.filePath(QStringLiteral("runs.semiprune"));
        std::unique_ptr<Project> project = Project::create(m_projectFile, root);
        JobContext job;
        importFolder(*project, ImportOptions(), job);
        ClassTable classes(project->db());
        LabelTable labels(project->db());
        ImageTable images(project->db());
        const ClassId ids[2] = { classes.add(QStringLiteral("Rows")).id, classes.add(QStringLiteral("Columns")).id };
        for (int c = 0; c < 2; ++c)
            for (int i = 0; i < 3; ++i)
                labels.set(images.findByPath(QStringLiteral("c%1_%2.png").arg(c).arg(i, 2, 10, QLatin1Char('0')))->id,
                    ids[c], LabelSource::Seed, 1);
    }

    void runsAndCancels()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QString error;
        QVERIFY2(window.openProject(m_projectFile, &error), qPrintable(error));
        RunsPanel *panel = window.runsPanel();
        PipelineRunner *runner = panel->runner();

        RunSettingsDialog dialog(6, 2, 30, &window);
        QCOMPARE(dialog.settings().training.sslSteps, PipelineSettings().training.sslSteps); // starts from the defaults
        QCOMPARE(dialog.settings().beta, -1.0); // "default"
        QCOMPARE(dialog.settings().keepRatio, PipelineSettings().keepRatio);
        PipelineSettings custom = tinySettings();
        custom.training.model = ModelKind::ResNet18;
        custom.training.imageMemoryMiB = 512;
        dialog.setSettings(custom);
        QCOMPARE(dialog.settings().training.model, ModelKind::ResNet18);
        QCOMPARE(dialog.settings().training.imageMemoryMiB, 512);
        dialog.setTrainingResolution(64);
        QCOMPARE(dialog.trainingResolution(), 64);
        dialog.setTrainingResolution(48); // set on the command line: not among the offered sizes
        QCOMPARE(dialog.trainingResolution(), 48);
        dialog.setTrainingResolution(0);
        QCOMPARE(dialog.trainingResolution(), 0);
        dialog.setSettings(tinySettings());
        const PipelineSettings settings = dialog.settings();
        QCOMPARE(settings.training.sslSteps, 10);
        QCOMPARE(settings.training.device, DeviceChoice::Cpu);
        if (const QString folder = qEnvironmentVariable("SEMIPRUNE_SCREENSHOTS"); !folder.isEmpty()) {
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            dialog.grab().save(folder + QStringLiteral("/rundialog.png"));
            dialog.findChild<QGroupBox *>(QStringLiteral("advancedGroup"))->setChecked(true);
            QTest::qWait(50);
            dialog.grab().save(folder + QStringLiteral("/rundialog-advanced.png"));
            dialog.hide();
        }

        QSignalSpy progress(runner, &PipelineRunner::progressed);
        QSignalSpy ended(panel, &RunsPanel::runEnded);
        StallProbe probe;
        QVERIFY(panel->start(settings));
        QVERIFY(!panel->start(settings)); // one at a time
        QVERIFY(ended.wait(240000));
        qInfo("tiny run: worst GUI-thread stall %.1f ms, %lld progress reports, %d loss points", probe.worstMs(),
            qint64(progress.size()), panel->chartPointCount());
        QCOMPARE(ended.at(0).at(0).value<PipelineRunner::Outcome>(), PipelineRunner::Outcome::Finished);
        QVERIFY(progress.size() > 0);
        QVERIFY(panel->chartPointCount() > 0);
        QVERIFY(panel->accuracyPointCount() > 0); // training accuracy per proxy epoch, beside the loss
        QVERIFY(!panel->canResume()); // everything finished: nothing to resume
        QVERIFY(panel->history()->topLevelItemCount() >= 4);
        QCOMPARE(panel->history()->topLevelItem(0)->text(1), QStringLiteral("finished"));

        ImageGridModel *model = window.projectView()->model();
        int pseudo = 0;
        for (int row = 0; row < model->rowCount(); ++row)
            pseudo += !model->index(row).data(ImageGridModel::PseudoNameRole).toString().isEmpty();
        QVERIFY(pseudo > 0);
        auto *kept = window.findChild<QLabel *>(QStringLiteral("statusSelection"));
        QVERIFY(kept && kept->isVisible());
        QCOMPARE(kept->text(), QStringLiteral("Kept 15 of 30"));

        // Sorting and filtering by the run's results.
        QAbstractItemModelTester tester(model);
        ProjectView *view = window.projectView();
        view->setArrangement(GridSort::Difficulty, GridFilter::All);
        QCOMPARE(model->rowCount(), 30);
        for (int row = 1; row < model->rowCount(); ++row)
            QVERIFY(model->gridRow(row - 1).difficulty <= model->gridRow(row).difficulty);
        view->setArrangement(GridSort::Confidence, GridFilter::Pseudo);
        QCOMPARE(model->rowCount(), 24);
        for (int row = 1; row < model->rowCount(); ++row)
            QVERIFY(model->gridRow(row - 1).pseudoConfidence <= model->gridRow(row).pseudoConfidence);
        view->setArrangement(GridSort::Class, GridFilter::Seed);
        QCOMPARE(model->rowCount(), 0); // the labels were set directly, no seed was drawn
        view->setArrangement(GridSort::FileName, GridFilter::All);
        QCOMPARE(model->gridRow(0).fileName, QStringLiteral("c0_00.png"));
        QCOMPARE(model->gridRow(29).fileName, QStringLiteral("c1_14.png"));

        // Correcting a pseudo-label in place is an override; agreeing with it is a manual label.
        LabelEditor *editor = view->labelEditor();
        const GridRow &wrong = model->gridRow(10); // c0_10: pseudo-labeled, not in the seed
        QVERIFY(wrong.pseudoClass >= 0 && wrong.labelClass < 0);
        const ClassId pseudoClass = model->gridData().classes[size_t(wrong.pseudoClass)].id;
        const ClassId other
            = editor->classes().at(0).id == pseudoClass ? editor->classes().at(1).id : editor->classes().at(0).id;
        const ImageId wrongImage = wrong.id;
        QVERIFY(editor->assign({ wrongImage }, other));
        QCOMPARE(LabelTable(window.project()->db()).find(wrongImage)->source, LabelSource::Override);
        view->setArrangement(GridSort::Loaded, GridFilter::Overridden);
        QCOMPARE(model->rowCount(), 1);
        editor->undoStack()->undo();
        view->setArrangement(GridSort::Loaded, GridFilter::All);

        // A longer run, cancelled from the panel once it is training.
        PipelineSettings longer = settings;
        longer.training.sslSteps = 100000;
        longer.training.seed = 7;
        ended.clear();
        StallProbe trainingProbe;
        QElapsedTimer trainingClock;
        trainingClock.start();
        QVERIFY(panel->start(longer));
        QTRY_VERIFY_WITH_TIMEOUT(panel->chartPointCount() >= 60, 120000); // training, points arriving
        qInfo("while training %.1f s: worst GUI-thread stall %.1f ms", trainingClock.nsecsElapsed() / 1e9,
            trainingProbe.worstMs());
        const QString folder = qEnvironmentVariable("SEMIPRUNE_SCREENSHOTS");
        if (!folder.isEmpty()) {
            window.resize(1280, 780);
            QTest::qWait(300); // screenshots only
            QVERIFY(window.grab().save(folder + QStringLiteral("/runs.png")));
        }
        auto *cancel = panel->findChild<QPushButton *>(QStringLiteral("runCancel"));
        QVERIFY(cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(panel->stageText().contains(QStringLiteral("current training step")));
        QVERIFY(ended.wait(120000));
        QCOMPARE(ended.at(0).at(0).value<PipelineRunner::Outcome>(), PipelineRunner::Outcome::Cancelled);
        QVERIFY(!runner->isRunning());
        bool sawCancelled = false;
        for (const RunRecord &run : RunTable(window.project()->db()).all()) {
            QVERIFY(run.state != RunState::Running);
            sawCancelled = sawCancelled || run.state == RunState::Cancelled;
        }
        QVERIFY(sawCancelled);
        // "Resume" offers the cancelled run again with its own settings, continuing it.
        auto *resume = panel->findChild<QPushButton *>(QStringLiteral("runResume"));
        QVERIFY(panel->canResume() && resume->isVisible());
        const qint64 runsBefore = qint64(RunTable(window.project()->db()).all().size());
        ended.clear();
        QTest::mouseClick(resume, Qt::LeftButton);
        QVERIFY(runner->isRunning());
        QVERIFY(!resume->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(panel->chartPointCount() >= 5, 120000);
        panel->cancelAndWait();
        QCOMPARE(qint64(RunTable(window.project()->db()).all().size()), runsBefore); // the same run went on
        // The project still works: the previous pseudo-labels remain, a label still saves.
        QCOMPARE(int(LabelTable(window.project()->db()).all().size()), 6);
        QVERIFY(pseudo > 0);
    }

    // Open A, run; open B, which never ran: the Runs dock shows B's state, nothing of A's. Back to A:
    // its stored curves and history, and the run dialog starts from A's last settings.
    void theRunsDockFollowsTheProject()
    {
        const QString other = m_dir.filePath(QStringLiteral("never-ran.semiprune"));
        {
            std::unique_ptr<Project> project = Project::create(other, m_dir.filePath(QStringLiteral("images")));
            JobContext job;
            importFolder(*project, ImportOptions(), job);
        }
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(m_projectFile));
        RunsPanel *panel = window.runsPanel();
        PipelineSettings settings = tinySettings();
        settings.training.sslSteps = 12;
        settings.training.seed = 21;
        QSignalSpy ended(panel, &RunsPanel::runEnded);
        QVERIFY(panel->start(settings));
        QVERIFY(ended.wait(240000));
        QVERIFY(panel->stageText().startsWith(QLatin1String("Finished")));
        QVERIFY2(
            panel->stageText().contains(QLatin1String("keeps 15 of 30 images, from ")), qPrintable(panel->stageText()));
        QVERIFY(panel->stageText().contains(QLatin1String(" per class.")));
        QVERIFY(panel->chartPointCount() > 0);

        // "Label More Images": the run's suggestions join the seed, never an image labeled or already
        // waiting in it.
        {
            ProjectView *view = window.projectView();
            Database &db = window.project()->db();
            const auto seedBefore = seedItems(db);
            QVERIFY(view->labelSuggested(3));
            QVERIFY(view->isSeedViewShown());
            std::vector<SeedItem> seed = seedItems(db);
            QCOMPARE(seed.size(), seedBefore.size() + 3);
            QSet<qint64> seen;
            for (const SeedItem &item : seed) {
                QVERIFY(!seen.contains(item.image.value));
                seen.insert(item.image.value);
            }
            for (std::size_t i = seedBefore.size(); i < seed.size(); ++i)
                QVERIFY(!LabelTable(db).find(seed[i].image)); // suggested images are unlabeled ones
            QVERIFY(view->labelSuggested(2)); // the three still wait: two others
            seed = seedItems(db);
            QCOMPARE(seed.size(), seedBefore.size() + 5);
            seen.clear();
            for (const SeedItem &item : seed) {
                QVERIFY(!seen.contains(item.image.value));
                seen.insert(item.image.value);
            }
            view->showGrid();
        }

        QVERIFY(window.openProject(other));
        QCOMPARE(panel->stageText(), QStringLiteral("No run in progress."));
        QCOMPARE(panel->chartPointCount(), 0);
        QCOMPARE(panel->accuracyPointCount(), 0);
        QCOMPARE(panel->history()->topLevelItemCount(), 0);
        QVERIFY(!panel->canResume());
        QVERIFY(!panel->lastSettings()); // never ran: the dialog shows the defaults

        window.closeProject();
        QCOMPARE(panel->stageText(), QStringLiteral("No run in progress."));
        QCOMPARE(panel->chartPointCount(), 0);

        QVERIFY(window.openProject(m_projectFile));
        // Between runs, the newest results.
        QVERIFY2(panel->stageText().startsWith(QLatin1String("Pseudo-labels ")), qPrintable(panel->stageText()));
        QVERIFY(panel->stageText().contains(QLatin1String("keeps 15 of 30 images")));
        QVERIFY(panel->chartPointCount() > 0); // the newest training run's stored curve
        QVERIFY(panel->history()->topLevelItemCount() >= 4);
        const auto last = panel->lastSettings();
        QVERIFY(last);
        QCOMPARE(last->training.sslSteps, 12);
        QCOMPARE(last->training.seed, quint64(21));
        RunSettingsDialog dialog(6, 2, 30, &window);
        dialog.setSettings(*last);
        auto *differences = dialog.findChild<QLabel *>(QStringLiteral("settingsDifferences"));
        QVERIFY2(differences->text().contains(QLatin1String("FixMatch steps")), qPrintable(differences->text()));
        QVERIFY(differences->text().contains(QLatin1String("random seed")));
        auto *restore = dialog.findChild<QPushButton *>(QStringLiteral("restoreDefaults"));
        QVERIFY(restore->isEnabled());
        restore->click();
        QCOMPARE(dialog.settings().training.sslSteps, PipelineSettings().training.sslSteps);
        QCOMPARE(differences->text(), QStringLiteral("All settings are the defaults."));
    }

    // The dialog checks as the person types: a beta that cannot work turns Start off and says why,
    // and an emptied beta is "default" again.
    void theRunDialogChecksAsYouType()
    {
        RunSettingsDialog dialog(6, 2, 30);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *start = dialog.findChild<QPushButton *>(QStringLiteral("startRun"));
        auto *problem = dialog.findChild<QLabel *>(QStringLiteral("settingsProblem"));
        auto *beta = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("beta"));
        auto *keep = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("keepRatio"));
        QVERIFY(start && problem && beta && keep);
        QVERIFY(start->isEnabled() && !problem->isVisible());
        keep->setValue(0.3);
        beta->setValue(0.8); // needs beta < 1 - r = 0.7
        QVERIFY(!start->isEnabled());
        QVERIFY2(problem->isVisible() && problem->text().contains(QLatin1String("beta")), qPrintable(problem->text()));
        beta->setValue(0.5);
        QVERIFY(start->isEnabled() && !problem->isVisible());
        auto *betaText = beta->findChild<QLineEdit *>();
        betaText->selectAll();
        QTest::keyClick(betaText, Qt::Key_Backspace);
        Q_EMIT beta->editingFinished(); // the person leaves the field
        QCOMPARE(dialog.settings().beta, -1.0); // "default", not the last number
        QCOMPARE(beta->text(), QStringLiteral("default"));

        // Advanced opens and closes without leaving the dialog taller than the screens people use.
        auto *advanced = dialog.findChild<QGroupBox *>(QStringLiteral("advancedGroup"));
        QTest::qWait(20);
        const int closedHeight = dialog.height();
        advanced->setChecked(true);
        QTRY_VERIFY(dialog.height() > closedHeight);
        QVERIFY2(dialog.height() <= 560, qPrintable(QString::number(dialog.height())));
        advanced->setChecked(false);
        QTRY_COMPARE(dialog.height(), closedHeight); // no gaps left behind
    }

    void aRunElsewhereIsRefusedWithAClearMessage()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(m_projectFile));
        RunLock elsewhere(m_projectFile); // as if the command-line tool were running the pipeline
        QSignalSpy ended(window.runsPanel(), &RunsPanel::runEnded);
        QVERIFY(window.runsPanel()->start(tinySettings()));
        QVERIFY(ended.wait(60000));
        QCOMPARE(ended.at(0).at(0).value<PipelineRunner::Outcome>(), PipelineRunner::Outcome::Failed);
        const QString message = ended.at(0).at(1).toString();
        qInfo("refused: %s", qPrintable(message));
        QVERIFY(!message.isEmpty());
        QTRY_VERIFY(window.findChild<QMessageBox *>(QStringLiteral("problemBox")));
        QVERIFY(window.runsPanel()->stageText().contains(message));
    }

    void closingDuringARunCancelsAndWaits()
    {
        auto window = std::make_unique<MainWindow>();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QVERIFY(window->openProject(m_projectFile));
        PipelineSettings longer = tinySettings();
        longer.training.sslSteps = 100000;
        longer.training.seed = 9;
        QSignalSpy metrics(window->runsPanel()->runner(), &PipelineRunner::metricArrived);
        QVERIFY(window->runsPanel()->start(longer));
        QVERIFY(metrics.wait(120000));
        window->closeProject(); // cancels, waits, then closes the file
        QVERIFY(!window->runsPanel()->runner()->isRunning());
        std::unique_ptr<Project> project = Project::open(m_projectFile);
        for (const RunRecord &run : RunTable(project->db()).all())
            QVERIFY(run.state != RunState::Running);
    }
};

QTEST_MAIN(TestRunsPanel)
#include "tst_runspanel.moc"

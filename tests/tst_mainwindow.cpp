// The main window with a real project, offscreen: the grid has every row, the status bar counts
// are right, the title and the recent projects follow, and a bad file is refused cleanly.

#include "testsupport.h"

#include "common/error.h"
#include "common/pathedit.h"
#include "dataset/folderimporter.h"
#include "dataset/labeling.h"
#include "dataset/seeddraw.h"
#include "dialogs/newprojectdialog.h"
#include "grid/imagegridmodel.h"
#include "grid/imagegridview.h"
#include "jobs/jobcontext.h"
#include "jobs/jobprogressdialog.h"
#include "jobs/jobrunner.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/projectstatuswidget.h"
#include "mainwindow/welcomepage.h"
#include "project/projectview.h"
#include "runs/runsettingsdialog.h"
#include "storage/imagetable.h"
#include "storage/project.h"
#include "storage/projectsummary.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QDialog>
#include <QFileSystemModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>
#include <QWindow>

#include <functional>

using namespace semiprune;
using namespace semiprune::ui;

class TestMainWindow final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_projectFile;

    // Answers the modal dialogs as they come up, the way a user would, while `action` runs.
    static void whileAnswering(const std::function<void(QWidget *)> &answer, const std::function<void()> &action)
    {
        QTimer driver;
        driver.setInterval(20);
        QObject::connect(&driver, &QTimer::timeout, &driver, [&answer] {
            if (QWidget *modal = QApplication::activeModalWidget())
                answer(modal);
        });
        driver.start();
        action();
    }

    QString statusText(MainWindow &window, const char *name)
    {
        auto *label = window.findChild<QLabel *>(QString::fromLatin1(name));
        return label ? label->text() : QStringLiteral("<no %1>").arg(QString::fromLatin1(name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // counts read "1,000"
        QSettings().clear();
        QVERIFY(m_dir.isValid());

        // Seven images: one unreadable from the start, one deleted after the import (missing).
        const QString images = m_dir.filePath(QStringLiteral("images"));
        for (int i = 0; i < 5; ++i)
            testsupport::writeImage(images + QStringLiteral("/img%1.png").arg(i), 40, 30, i % 2 ? 3 : 1, i);
        testsupport::writeImage(images + QStringLiteral("/gone.png"), 20, 20, 1, 7);
        testsupport::writeFile(images + QStringLiteral("/broken.jpg"), QByteArray("no jpeg here"));

        m_projectFile = m_dir.filePath(QStringLiteral("tiny.semiprune"));
        std::unique_ptr<Project> project = Project::create(m_projectFile, images);
        JobContext job;
        importFolder(*project, ImportOptions(), job);
        QVERIFY(QFile::remove(images + QStringLiteral("/gone.png")));
        importFolder(*project, ImportOptions(), job); // the rescan marks it missing

        // A seed of two, one of them labeled; one more image labeled outside the seed.
        const SeedDrawResult seed = drawSeed(project->db(), 2, 42, false);
        QCOMPARE(int(seed.images.size()), 2);
        labelImage(project->db(), seed.images.front(), QStringLiteral("Cat"), true);
        for (const ImageRecord &image : ImageTable(project->db()).all()) {
            if (image.status == ImageStatus::Ok && image.id != seed.images.front() && image.id != seed.images.back()) {
                labelImage(project->db(), image.id, QStringLiteral("Dog"), true);
                break;
            }
        }
    }

    // The run dialog says what a run learns from: readable training images only, and the classes
    // their labels name, in the right grammatical number.
    void theRunDialogCountsWhatTrains()
    {
        const QString copy = m_dir.filePath(QStringLiteral("counts.semiprune"));
        QFile::remove(copy);
        QVERIFY(QFile::copy(m_projectFile, copy));
        std::unique_ptr<Project> project = Project::open(copy);
        const auto broken = ImageTable(project->db()).findByPath(QStringLiteral("broken.jpg"));
        QVERIFY(broken);
        labelImage(project->db(), broken->id, QStringLiteral("Cat"), true);
        const ProjectSummary summary = summarizeProject(*project);
        QCOMPARE(summary.labeled, qint64(3));
        QCOMPARE(summary.trainable, qint64(5)); // seven, less one unreadable and one missing
        QCOMPARE(summary.trainableLabeled, qint64(2));
        QCOMPARE(summary.trainableClasses, 2);

        RunSettingsDialog one(1, 1, 5);
        const QString text = one.findChild<QLabel *>(QStringLiteral("runInUse"))->text();
        QVERIFY2(text.contains(QStringLiteral("<b>1</b> class and 4 unlabeled")), qPrintable(text));
        RunSettingsDialog two(2, 2, 5);
        QVERIFY(
            two.findChild<QLabel *>(QStringLiteral("runInUse"))->text().contains(QStringLiteral("<b>2</b> classes")));
    }

    void startsOnTheWelcomePage()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.findChild<QStackedWidget *>()->currentWidget(), window.welcomePage());
        QVERIFY(!window.project());
        QVERIFY(!window.windowIcon().isNull());
        QCOMPARE(window.windowTitle(), QStringLiteral("SemiPrune Studio"));
        QVERIFY(!window.statusWidget()->isVisible());
    }

    void opensAProjectIntoTheGrid()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QString error;
        QVERIFY2(window.openProject(m_projectFile, &error), qPrintable(error));
        QVERIFY(window.projectView());
        QCOMPARE(window.findChild<QStackedWidget *>()->currentWidget(), window.projectView());
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("tiny")));

        auto *grid = window.findChild<ImageGridView *>(QStringLiteral("imageGrid"));
        QVERIFY(grid);
        QVERIFY(grid->isVisible());
        QCOMPARE(grid->model()->rowCount(), 7);
        QCOMPARE(grid->viewMode(), QListView::IconMode);
        QVERIFY(grid->uniformItemSizes());

        QCOMPARE(statusText(window, "statusImages"), QStringLiteral("7 images"));
        QCOMPARE(statusText(window, "statusUnreadable"), QStringLiteral("1 unreadable"));
        QCOMPARE(statusText(window, "statusMissing"), QStringLiteral("1 missing"));
        QCOMPARE(statusText(window, "statusLabeled"), QStringLiteral("2 labeled"));
        QCOMPARE(statusText(window, "statusSeed"), QStringLiteral("Seed 1/2"));

        // Every readable image gets its thumbnail: all seven fit on the screen.
        auto *model = grid->gridModel();
        using State = ImageGridModel::ThumbnailState;
        const auto countIn = [model](State state) {
            int count = 0;
            for (int row = 0; row < model->rowCount(); ++row)
                count += model->index(row).data(ImageGridModel::ThumbnailStateRole).toInt() == int(state);
            return count;
        };
        QTRY_COMPARE_WITH_TIMEOUT(countIn(State::Ready), 5, 10000);
        QCOMPARE(countIn(State::Unreadable), 1);
        QCOMPARE(countIn(State::Missing), 1);
        QCOMPARE(grid->visibleRange(), std::make_pair(0, 6));
    }

    void closingReturnsToTheWelcomePageWithTheRecentProject()
    {
        MainWindow window;
        window.show();
        QVERIFY(window.openProject(m_projectFile));
        window.closeProject();
        QVERIFY(!window.project());
        QVERIFY(!window.projectView());
        QCOMPARE(window.findChild<QStackedWidget *>()->currentWidget(), window.welcomePage());
        QCOMPARE(window.windowTitle(), QStringLiteral("SemiPrune Studio"));
        QListWidget *recent = window.welcomePage()->recentList();
        QVERIFY(recent->count() >= 1);
        QVERIFY(recent->item(0)->toolTip().contains(QStringLiteral("tiny.semiprune")));
    }

    void refusesAFileThatIsNotAProject()
    {
        const QString garbage = m_dir.filePath(QStringLiteral("garbage.semiprune"));
        testsupport::writeFile(garbage, QByteArray("not a database"));
        MainWindow window;
        window.show();
        QVERIFY(window.openProject(m_projectFile));
        QString error;
        QVERIFY(!window.openProject(garbage, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(window.project()); // the open project stays open
        QCOMPARE(window.projectView()->model()->rowCount(), 7);
    }

    void createsAProjectFromAFolderWithClassFolders()
    {
        const QString folder = m_dir.filePath(QStringLiteral("classes"));
        testsupport::writeImage(folder + QStringLiteral("/cat/a.png"), 16, 16, 1, 1);
        testsupport::writeImage(folder + QStringLiteral("/cat/b.png"), 16, 16, 1, 2);
        testsupport::writeImage(folder + QStringLiteral("/dog/c.png"), 16, 16, 3, 3);
        const QString file = m_dir.filePath(QStringLiteral("classes.semiprune"));
        MainWindow window;
        window.show();
        bool askedLabelMode = false;
        whileAnswering(
            [&](QWidget *modal) {
                if (auto *dialog = qobject_cast<NewProjectDialog *>(modal)) {
                    dialog->setImageFolder(folder);
                    dialog->setProjectFile(file);
                    dialog->accept();
                } else if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                    if (auto *hidden = box->findChild<QPushButton *>(QStringLiteral("hiddenLabelsButton"))) {
                        askedLabelMode = true;
                        hidden->click();
                    }
                }
            },
            [&] { window.newProjectFromFolder(); });
        QVERIFY(askedLabelMode);
        QVERIFY(window.project());
        QCOMPARE(window.project()->labelMode(), LabelMode::Hidden);
        QCOMPARE(window.projectView()->model()->rowCount(), 3);
        QCOMPARE(statusText(window, "statusImages"), QStringLiteral("3 images"));
        QCOMPARE(statusText(window, "statusLabeled"), QStringLiteral("0 labeled")); // hidden: not labels
    }

    // A folder typed by hand, key by key from "/", gives the same project file as Browse would.
    void newProjectFollowsATypedFolder()
    {
        const QString folder = QDir::cleanPath(m_dir.filePath(QStringLiteral("typed")));
        QDir().mkpath(folder);
        NewProjectDialog dialog;
        auto *edit = dialog.findChild<PathEdit *>(QStringLiteral("imageFolder"));
        QVERIFY(edit);
        QTest::keyClicks(edit->lineEdit(), folder);
        QCOMPARE(dialog.projectFile(), folder + QStringLiteral(".semiprune"));
        QVERIFY(!dialog.projectFile().startsWith(QLatin1String("//")));
        edit->lineEdit()->clear();
        QTest::keyClicks(edit->lineEdit(), QStringLiteral("/"));
        QVERIFY2(dialog.projectFile().isEmpty(), qPrintable(dialog.projectFile())); // the root: nothing to follow
        // A name of the person's own stays.
        auto *file = dialog.findChild<PathEdit *>(QStringLiteral("projectFile"));
        file->setPath(m_dir.filePath(QStringLiteral("mine.semiprune")));
        QTest::keyClicks(edit->lineEdit(), QStringLiteral("tmp"));
        QCOMPARE(dialog.projectFile(), m_dir.filePath(QStringLiteral("mine.semiprune")));
    }

    // With the completion list open, a click on a button outside it closes the list and still
    // clicks the button (the list used to swallow it).
    void aClickOutsideTheCompletionListStillClicks()
    {
        const QString base = QDir::cleanPath(m_dir.filePath(QStringLiteral("complete")));
        QDir().mkpath(base + QStringLiteral("/alpha"));
        QDir().mkpath(base + QStringLiteral("/alpine"));
        QDialog dialog;
        auto *layout = new QVBoxLayout(&dialog);
        auto *edit = new PathEdit(PathEdit::Kind::ExistingFolder, QStringLiteral("Folder"), &dialog);
        auto *ok = new QPushButton(QStringLiteral("OK"), &dialog);
        layout->addWidget(edit);
        layout->addStretch(1);
        layout->addWidget(ok);
        dialog.resize(500, 400);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.activateWindow();
        edit->lineEdit()->setFocus();
        QTest::keyClicks(edit->lineEdit(), base + QStringLiteral("/al"));
        QAbstractItemView *popup = edit->lineEdit()->completer()->popup();
        // The folder model lists the folder in the background: type on until the list shows.
        QCompleter *completer = edit->lineEdit()->completer();
        auto *folders = qobject_cast<QFileSystemModel *>(completer->model());
        QVERIFY(folders);
        const QModelIndex listed = folders->index(base);
        folders->fetchMore(listed);
        QTRY_COMPARE(folders->rowCount(listed), 2);
        completer->setCompletionPrefix(edit->lineEdit()->text());
        completer->complete();
        QVERIFY(popup->isVisible());
        QSignalSpy clicked(ok, &QPushButton::clicked);
        const QPoint global = ok->mapToGlobal(ok->rect().center());
        QVERIFY(!popup->rect().contains(popup->mapFromGlobal(global)));
        // As the window system delivers it: the press to the open list, the release to the dialog.
        QTest::mousePress(popup->window()->windowHandle(), Qt::LeftButton, {},
            popup->window()->windowHandle()->mapFromGlobal(global));
        QTRY_VERIFY(!popup->isVisible());
        QTest::qWait(50); // a person's release comes a moment after the press
        QTest::mouseRelease(dialog.windowHandle(), Qt::LeftButton, {}, dialog.windowHandle()->mapFromGlobal(global));
        QTRY_COMPARE(clicked.count(), 1);
        QVERIFY(!ok->isDown());
        QTest::qWait(50);
        QCOMPARE(clicked.count(), 1); // one click, not two
    }

    void aJobCanBeCancelledFromItsDialog()
    {
        MainWindow window;
        window.show();
        JobRunner runner(&window);
        bool sawProgress = false;
        JobOutcome outcome;
        whileAnswering(
            [&](QWidget *modal) {
                if (auto *dialog = qobject_cast<JobProgressDialog *>(modal)) {
                    auto *detail = dialog->findChild<QLabel *>(QStringLiteral("jobProgressDetail"));
                    sawProgress = sawProgress || (detail && detail->text().contains(QStringLiteral(" of 1,000")));
                    if (sawProgress)
                        dialog->reject(); // what Cancel, Escape and closing the window do
                }
            },
            [&] {
                outcome = runner.run(QStringLiteral("Counting"), [](JobContext &job) {
                    job.beginPhase(QStringLiteral("Counting"), 1000);
                    for (int i = 0; i < 1000000; ++i) { // a job that would take far longer than the test
                        job.checkCancelled();
                        job.advance(i % 1000);
                        QThread::msleep(2);
                    }
                });
            });
        QVERIFY(sawProgress);
        QCOMPARE(outcome.status, JobOutcome::Status::Cancelled);
        QVERIFY(!runner.isBusy());
    }

    void aFailingJobReportsItsMessage()
    {
        MainWindow window;
        JobRunner runner(&window);
        const JobOutcome outcome = runner.run(
            QStringLiteral("Failing"), [](JobContext &) { throw Error(QStringLiteral("The folder is gone.")); });
        QCOMPARE(outcome.status, JobOutcome::Status::Failed);
        QCOMPARE(outcome.message, QStringLiteral("The folder is gone."));
    }

    void theThumbnailSizeSliderResizesTheCells()
    {
        MainWindow window;
        window.show();
        QVERIFY(window.openProject(m_projectFile));
        ProjectView *view = window.projectView();
        view->setThumbnailSize(200);
        QCOMPARE(view->gridView()->thumbnailSize(), 200);
        QVERIFY(view->gridView()->gridSize().width() >= 200);
        QCOMPARE(
            view->model()->thumbnailSize(), ImageGridModel::thumbnailSizeFor(int(200 * view->devicePixelRatioF())));
        view->setThumbnailSize(ProjectView::kDefaultThumbnailSize);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

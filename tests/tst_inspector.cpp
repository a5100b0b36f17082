// The inspector and the review queue in the real main window, offscreen, on a project whose results
// were written through core's tables (resultfixture.h): the inspector shows the label and its
// source, the pseudo-label with its likely classes, every score with its direction and why the
// selection keeps or prunes an image, and says so when a file vanished; the review orders the
// pseudo-labels, accepts with Enter and corrects with a class key (an override), auto-advances,
// and undoes and redoes through the window's undo stack.
// Screenshots: with SEMIPRUNE_SCREENSHOTS set to a folder and SEMIPRUNE_SCREENSHOT_PROJECT to a
// project with a finished run (real data), the last test saves inspector.png and review.png.

#include "resultfixture.h"

#include "grid/imagegridmodel.h"
#include "grid/imagegridview.h"
#include "health/healthcheck.h"
#include "inspector/imagepreview.h"
#include "inspector/inspectordock.h"
#include "labeling/labeleditor.h"
#include "mainwindow/mainwindow.h"
#include "project/projectview.h"
#include "review/reviewqueue.h"
#include "review/reviewview.h"
#include "windowsupport.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoGroup>
#include <QUndoStack>

using namespace semiprune;
using namespace semiprune::ui;

class TestInspector final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_projectFile;
    QString m_images;

    std::unique_ptr<MainWindow> openWindow() { return testsupport::openMainWindow(m_projectFile, QSize(1280, 800)); }

    static QString text(const MainWindow *window, const char *name)
    {
        const auto *label = window->findChild<QLabel *>(QLatin1String(name));
        return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
    }

    static void makeCurrent(MainWindow *window, const QString &fileName)
    {
        ImageGridModel *model = window->projectView()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->gridRow(row).fileName == fileName) {
                window->projectView()->gridView()->setCurrentIndex(model->index(row));
                return;
            }
        }
        QFAIL("no such image in the grid");
    }

    static std::optional<LabelRecord> labelOf(Project &project, const QString &fileName)
    {
        const auto image = ImageTable(project.db()).findByPath(fileName);
        return image ? LabelTable(project.db()).find(image->id) : std::nullopt;
    }

    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString folder = qEnvironmentVariable("SEMIPRUNE_SCREENSHOTS");
        if (!folder.isEmpty())
            QVERIFY(widget->grab().save(QDir(folder).filePath(name)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        m_images = m_dir.filePath(QStringLiteral("images"));
        m_projectFile = m_dir.filePath(QStringLiteral("inspect.semiprune"));
        testsupport::writeResultFixture(m_projectFile, m_images);
    }

    void inspectorShowsWhatIsKnownAboutTheCurrentImage()
    {
        auto window = openWindow();
        QVERIFY(window && window->projectView());
        InspectorDock *inspector = window->inspector();
        QVERIFY(inspector->isVisible());

        QSignalSpy loaded(inspector->preview(), &ImagePreview::loaded);
        makeCurrent(window.get(), testsupport::fixtureImageName(4));
        // Pseudo-label Shirt at 50 %, then Bag 35 %, Coat 15 %; AUM 1, forgetting 0, EL2N 0.4, DUAL 0.04.
        QCOMPARE(text(window.get(), "inspectorPath"), testsupport::fixtureImageName(4));
        QVERIFY2(text(window.get(), "inspectorSize").contains(QStringLiteral("16 × 16 px")),
            qPrintable(text(window.get(), "inspectorSize")));
        QVERIFY(text(window.get(), "inspectorSize").contains(QStringLiteral("PNG")));
        QCOMPARE(text(window.get(), "inspectorLabel"), QStringLiteral("none"));
        QCOMPARE(text(window.get(), "inspectorPseudo"), QStringLiteral("Shirt · 50 % confident"));
        QCOMPARE(text(window.get(), "inspectorTopClasses"), QStringLiteral("Shirt 50 %\nBag 35 %\nCoat 15 %"));
        QCOMPARE(text(window.get(), "inspectorScores"),
            QStringLiteral("AUM: 1 (low is hard)\nForgetting: 0 (high is hard)\nEL2N: 0.4 (high is hard)\n"
                           "DUAL: 0.04 (high is important)"));
        QCOMPARE(text(window.get(), "inspectorSelection"), QStringLiteral("kept in \"fixture\": chosen 3 of 6"));
        QVERIFY(!window->findChild<QLabel *>(QStringLiteral("inspectorProblem"))->isVisible());
        QVERIFY(loaded.wait(5000) || inspector->preview()->hasImage());
        QCOMPARE(inspector->preview()->image().size(), QSize(16, 16));

        // A human label shows its source; an override stands out.
        makeCurrent(window.get(), testsupport::fixtureImageName(0));
        QCOMPARE(text(window.get(), "inspectorLabel"), QStringLiteral("<b>Coat</b> (seed)"));
        makeCurrent(window.get(), testsupport::fixtureImageName(2));
        QVERIFY(text(window.get(), "inspectorLabel").contains(QStringLiteral("(override)")));
        QVERIFY(text(window.get(), "inspectorLabel").contains(QStringLiteral("Bag")));

        // Pruned, and why.
        makeCurrent(window.get(), testsupport::fixtureImageName(9));
        QVERIFY2(text(window.get(), "inspectorSelection")
                     .startsWith(QStringLiteral("pruned from \"fixture\": among the hardest")),
            qPrintable(text(window.get(), "inspectorSelection")));
        makeCurrent(window.get(), testsupport::fixtureImageName(3));
        QVERIFY(text(window.get(), "inspectorSelection").contains(QStringLiteral("outside the budget")));
        QCOMPARE(text(window.get(), "inspectorScores").section(QLatin1Char('\n'), 0, 0),
            QStringLiteral("AUM: 2 (low is hard)"));

        // A label edit shows at once.
        window->projectView()->labelEditor()->assign(
            { inspector->currentImage() }, window->projectView()->labelEditor()->classes()[2].id);
        QVERIFY(text(window.get(), "inspectorLabel").contains(QStringLiteral("(override)")));
        window->projectView()->labelEditor()->undoStack()->undo();
        QCOMPARE(text(window.get(), "inspectorLabel"), QStringLiteral("none"));
    }

    // The image check's issues show in the inspector once the images are measured, and the
    // summary names copies and issues.
    void inspectorShowsTheImageCheck()
    {
        auto window = openWindow();
        QVERIFY(window && window->project());
        makeCurrent(window.get(), testsupport::fixtureImageName(5));
        QCOMPARE(text(window.get(), "inspectorAudit"), QStringLiteral("not measured yet (Run, Check Images)"));

        // Run > Check Images: the check runs, its summary box comes up, and after it the inspector
        // shows the image's issues.
        QAction *check = nullptr;
        for (QAction *action : window->findChildren<QAction *>())
            if (action->text() == QStringLiteral("&Check Images…"))
                check = action;
        QVERIFY(check && check->isEnabled());
        QString summaryShown;
        QTimer closer;
        closer.setInterval(20);
        connect(&closer, &QTimer::timeout, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box || box->objectName() != QStringLiteral("healthSummary"))
                return;
            summaryShown = box->text();
            saveScreenshot(box, QStringLiteral("check-images.png"));
            box->accept();
        });
        closer.start();
        check->trigger();
        closer.stop();
        QVERIFY2(summaryShown.startsWith(QStringLiteral("12 images checked.")), qPrintable(summaryShown));

        JobContext job;
        const FingerprintReport health = fingerprintImages(*window->project(), job);
        QCOMPARE(health.measured, qint64(0)); // the check stored every image's measures
        QCOMPARE(int(health.images.size()), testsupport::kFixtureImages);
        const MeasuredImage &five = health.images[5];
        const QList<QualityIssue> expected = qualityIssues(five.quality, five.width, five.height, health.colorSet());
        const QString shown = text(window.get(), "inspectorAudit");
        if (expected.isEmpty())
            QCOMPARE(shown, QStringLiteral("no issue found"));
        else
            QVERIFY2(shown.contains(QStringLiteral("color:#b4236b")), qPrintable(shown));
        saveScreenshot(window->inspector(), QStringLiteral("inspector-check.png"));

        // The summary: twelve images, their copies and issues, one line each.
        DuplicateReport copies = findDuplicates(health.hashed());
        const QString summary = healthSummary(health, copies);
        QVERIFY2(summary.startsWith(QStringLiteral("12 images checked.\nExact copies: ")), qPrintable(summary));
        QVERIFY(summary.contains(QStringLiteral("Test or validation images with a copy in training: 0.")));
        QVERIFY(summary.contains(QStringLiteral("The inspector shows each image's issues.")));
        // A file changed since it was measured (a rescan recorded a new size) is not judged on stale
        // measures.
        ImageTable images(window->project()->db());
        ImageRecord record = *images.findByPath(testsupport::fixtureImageName(5));
        record.fileSize += 1;
        images.update(record);
        window->inspector()->reloadResults();
        QCOMPARE(text(window.get(), "inspectorAudit"),
            QStringLiteral("not measured since the file changed (Run, Check Images)"));
        record.fileSize -= 1;
        images.update(record);
    }

    void inspectorSaysWhenTheFileIsGone()
    {
        const QString victim = m_images + QLatin1Char('/') + testsupport::fixtureImageName(7);
        const QByteArray bytes = testsupport::readFile(victim);
        QVERIFY(QFile::remove(victim));
        auto window = openWindow();
        QVERIFY(window && window->projectView());
        makeCurrent(window.get(), testsupport::fixtureImageName(7));
        const auto *problem = window->findChild<QLabel *>(QStringLiteral("inspectorProblem"));
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(QStringLiteral("moved or deleted")), qPrintable(problem->text()));
        QVERIFY(!window->inspector()->preview()->hasImage());
        // Everything else is still there.
        QCOMPARE(text(window.get(), "inspectorPseudo"), QStringLiteral("Shirt · 65 % confident"));

        // A file that is there but cannot be decoded says why.
        testsupport::writeFile(victim, QByteArray("not an image at all"));
        makeCurrent(window.get(), testsupport::fixtureImageName(6));
        makeCurrent(window.get(), testsupport::fixtureImageName(7));
        QTRY_VERIFY2(problem->isVisible() && problem->text().contains(QStringLiteral("cannot be decoded")),
            qPrintable(problem->text() + QStringLiteral(" / ") + window->inspector()->preview()->message()));
        testsupport::writeFile(victim, bytes);
    }

    void reviewQueueOrders()
    {
        auto window = openWindow();
        QVERIFY(window && window->projectView());
        const GridData &data = window->projectView()->model()->gridData();
        const auto names = [&](const std::vector<ImageId> &queue) {
            QStringList list;
            for (ImageId id : queue)
                list << window->projectView()->model()->findImage(id)->fileName.mid(3, 2);
            return list.join(QLatin1Char(','));
        };
        // Images 0-2 have human labels; the rest wait, least confident (lowest index) first.
        QCOMPARE(
            names(buildReviewQueue(data, ReviewOrder::LeastConfident)), QStringLiteral("03,04,05,06,07,08,09,10,11"));
        QCOMPARE(names(buildReviewQueue(data, ReviewOrder::Hardest)), QStringLiteral("11,10,09,08,07,06,05,04,03"));
    }

    void reviewAcceptsAndCorrectsByKeyWithUndo()
    {
        auto window = openWindow();
        QVERIFY(window && window->projectView());
        ProjectView *view = window->projectView();
        QVERIFY(view->showReview(ReviewOrder::LeastConfident));
        ReviewView *review = view->reviewView();
        QVERIFY(view->isReviewShown());
        QCOMPARE(review->itemCount(), 9);
        QCOMPARE(text(window.get(), "reviewProgress"), QStringLiteral("1 / 9"));
        QCOMPARE(window->inspector()->currentImage(), review->currentImage());

        // Enter accepts the model's class (Coat for image 3): a human label, "manual".
        QTest::keyClick(review, Qt::Key_Return);
        std::optional<LabelRecord> label = labelOf(*window->project(), testsupport::fixtureImageName(3));
        QVERIFY(label);
        QCOMPARE(label->source, LabelSource::Manual);
        QCOMPARE(window->projectView()->labelEditor()->classById(label->classId)->name, QStringLiteral("Coat"));
        QCOMPARE(text(window.get(), "reviewProgress"), QStringLiteral("2 / 9"));

        // Image 4 is a Shirt to the model; Bag's key corrects it: an override, shown in the grid.
        const auto bag = window->projectView()->labelEditor()->classes()[2];
        QVERIFY(!bag.hotkey.isEmpty());
        QTest::keyClicks(review, bag.hotkey);
        label = labelOf(*window->project(), testsupport::fixtureImageName(4));
        QVERIFY(label);
        QCOMPARE(label->classId, bag.id);
        QCOMPARE(label->source, LabelSource::Override);
        QCOMPARE(text(window.get(), "reviewProgress"), QStringLiteral("3 / 9"));
        ImageGridModel *model = view->model();
        QCOMPARE(model->index(model->rowOfImage(label->image)).data(ImageGridModel::LabelSourceRole).toString(),
            QStringLiteral("override"));

        // Back to it: the inspector follows the review and shows the override.
        QTest::keyClick(review, Qt::Key_Left);
        QCOMPARE(window->inspector()->currentImage(), label->image);
        QVERIFY(text(window.get(), "inspectorLabel").contains(QStringLiteral("(override)")));
        QVERIFY(text(window.get(), "reviewCaption").contains(QStringLiteral("override")));

        // Undo and redo go through the window's stack: Ctrl+Z, Ctrl+Shift+Z.
        QUndoStack *stack = window->undoGroup()->activeStack();
        QCOMPARE(stack->count(), 2);
        QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!labelOf(*window->project(), testsupport::fixtureImageName(4)));
        QCOMPARE(text(window.get(), "inspectorLabel"), QStringLiteral("none"));
        QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        label = labelOf(*window->project(), testsupport::fixtureImageName(4));
        QVERIFY(label && label->source == LabelSource::Override && label->classId == bag.id);

        // A new order holds only what still waits, hardest first.
        auto *order = window->findChild<QComboBox *>(QStringLiteral("reviewOrder"));
        order->setCurrentIndex(order->findData(int(ReviewOrder::Hardest)));
        Q_EMIT order->activated(order->currentIndex());
        QCOMPARE(review->itemCount(), 7);
        QCOMPARE(model->findImage(review->currentImage())->fileName, testsupport::fixtureImageName(11));

        // Escape goes back to the grid.
        QTest::keyClick(review, Qt::Key_Escape);
        QVERIFY(!view->isReviewShown());
    }

    void screenshotsOfARealProject()
    {
        const QString projectFile = qEnvironmentVariable("SEMIPRUNE_SCREENSHOT_PROJECT");
        if (projectFile.isEmpty() || qEnvironmentVariable("SEMIPRUNE_SCREENSHOTS").isEmpty())
            QSKIP("set SEMIPRUNE_SCREENSHOTS and SEMIPRUNE_SCREENSHOT_PROJECT to render the screenshots");
        QSettings().clear();
        auto window = std::make_unique<MainWindow>();
        window->resize(1280, 800);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QString error;
        QVERIFY2(window->openProject(projectFile, &error), qPrintable(error));
        QCOMPARE(window->minimumSizeHint().width() <= 1280, true); // ten classes fit too
        ProjectView *view = window->projectView();
        view->setThumbnailSize(72);
        view->setArrangement(GridSort::Difficulty, GridFilter::All);
        // One correction in view, to show how an override looks in the grid (undone below): a wrong
        // pseudo-label set right, the right class read from the demo's class folder (<split>/<class>/).
        LabelEditor *editor = view->labelEditor();
        for (int row = 3; row < 30; ++row) {
            const GridRow &r = view->model()->gridRow(row);
            if (r.labelClass >= 0 || r.pseudoClass < 0)
                continue;
            const QString folder = r.path.section(QLatin1Char('/'), 1, 1);
            const auto truth
                = std::find_if(editor->classes().begin(), editor->classes().end(), [&](const ClassRecord &c) {
                      return QString(c.name).replace(QLatin1Char('/'), QLatin1Char('_')) == folder;
                  });
            if (truth != editor->classes().end()
                && truth->id != view->model()->gridData().classes[size_t(r.pseudoClass)].id) {
                QVERIFY(editor->assign({ r.id }, truth->id));
                break;
            }
        }
        // The third hardest image: pruned as too hard, with a telling pseudo-label.
        view->gridView()->setCurrentIndex(view->model()->index(2));
        QTRY_VERIFY(window->inspector()->preview()->hasImage() && !window->inspector()->preview()->isLoading());
        QTest::qWait(1500); // the grid's thumbnails
        saveScreenshot(window.get(), QStringLiteral("inspector.png"));

        // A figure for the record: what moving the current image costs on the GUI thread here.
        QElapsedTimer timer;
        timer.start();
        const int steps = 200;
        for (int row = 0; row < steps; ++row)
            view->gridView()->setCurrentIndex(view->model()->index(row * 7));
        qInfo("inspector: %.2f ms per current-image change over %d images of %d", timer.nsecsElapsed() / 1e6 / steps,
            steps, view->model()->rowCount());
        view->gridView()->setCurrentIndex(view->model()->index(2));

        QVERIFY(view->showReview(ReviewOrder::Hardest));
        QTest::keyClick(view->reviewView(), Qt::Key_Return);
        QTRY_VERIFY(view->reviewView()->preview()->hasImage() && !view->reviewView()->preview()->isLoading());
        QTRY_VERIFY(window->inspector()->preview()->hasImage() && !window->inspector()->preview()->isLoading());
        saveScreenshot(window.get(), QStringLiteral("review.png"));
        while (editor->undoStack()->canUndo())
            editor->undoStack()->undo(); // leaves the project as it was
    }
};

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"

// The window's layout: with a project open and every dock shown, the window fits a 1280x800
// screen with room for the grid; dock places and sizes, the thumbnail size, the grid's sort and
// filter and the window's geometry come back after a restart; a layout saved by another layout
// version is ignored.

#include "resultfixture.h"

#include "grid/imagegridmodel.h"
#include "grid/imagegridview.h"
#include "inspector/inspectordock.h"
#include "labeling/classsidebar.h"
#include "labeling/labeleditor.h"
#include "mainwindow/mainwindow.h"
#include "project/projectview.h"
#include "runs/runspanel.h"
#include "windowsupport.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace semiprune;
using namespace semiprune::ui;

class TestLayout final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_projectFile;

    std::unique_ptr<MainWindow> openWindow() { return testsupport::openMainWindow(m_projectFile); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        m_projectFile = m_dir.filePath(QStringLiteral("layout.semiprune"));
        testsupport::writeResultFixture(m_projectFile, m_dir.filePath(QStringLiteral("images")));
    }

    void fitsA1280By800Screen()
    {
        QSettings().clear();
        auto window = openWindow();
        QVERIFY(window && window->projectView());
        window->runsPanel()->show();
        window->inspector()->show();
        QVERIFY(window->classSidebar()->isVisible());
        QVERIFY(window->inspector()->isVisible() || window->runsPanel()->isVisible());
        const QSize minimum = window->minimumSizeHint();
        qInfo("minimum size with the runs and the inspector as tabs: %dx%d", minimum.width(), minimum.height());
        QVERIFY2(minimum.width() <= 1280, qPrintable(QStringLiteral("minimum width %1").arg(minimum.width())));
        QVERIFY2(minimum.height() <= 800, qPrintable(QStringLiteral("minimum height %1").arg(minimum.height())));
        window->resize(1280, 800);
        QTRY_COMPARE(window->width(), 1280);
        // The grid keeps a usable width beside the docks.
        QVERIFY2(window->projectView()->gridView()->width() >= 480,
            qPrintable(QStringLiteral("grid width %1").arg(window->projectView()->gridView()->width())));

        // The runs and the inspector side by side (not as tabs) still fit.
        window->splitDockWidget(window->inspector(), window->runsPanel(), Qt::Horizontal);
        // Ten classes, as in Fashion-MNIST: the seed and review views' class buttons wrap into rows.
        for (const char *name : { "Dress", "Sandal", "Sneaker", "Pullover", "Trouser", "T-shirt/top", "Ankle boot" })
            QVERIFY(window->projectView()->labelEditor()->addClass(QLatin1String(name)));
        qInfo("minimum width with every dock side by side: %d", window->minimumSizeHint().width());
        QVERIFY2(window->minimumSizeHint().width() <= 1280,
            qPrintable(QStringLiteral("minimum width %1 with every dock side by side")
                           .arg(window->minimumSizeHint().width())));
    }

    void layoutComesBackAfterARestart()
    {
        QSettings().clear();
        QRect geometry;
        {
            auto window = openWindow();
            QVERIFY(window && window->projectView());
            window->resize(1200, 760);
            window->addDockWidget(Qt::LeftDockWidgetArea, window->inspector());
            window->resizeDocks({ window->inspector() }, { 300 }, Qt::Horizontal);
            window->classSidebar()->hide();
            window->projectView()->setThumbnailSize(160);
            window->projectView()->setArrangement(GridSort::Difficulty, GridFilter::Pseudo);
            QTest::qWait(50);
            geometry = window->geometry();
            QVERIFY(window->close());
        }
        auto window = openWindow();
        QVERIFY(window && window->projectView());
        QCOMPARE(window->size(), geometry.size());
        QCOMPARE(window->dockWidgetArea(window->inspector()), Qt::LeftDockWidgetArea);
        QVERIFY(window->inspector()->isVisible());
        QVERIFY(!window->classSidebar()->isVisible());
        QTRY_VERIFY(std::abs(window->inspector()->width() - 300) <= 12);
        QCOMPARE(window->projectView()->thumbnailSize(), 160);
        QCOMPARE(window->projectView()->model()->sort(), GridSort::Difficulty);
        QCOMPARE(window->projectView()->model()->filter(), GridFilter::Pseudo);

        // A layout of another version is ignored: the docks keep their defaults.
        QByteArray state = window->saveState(MainWindow::kLayoutVersion + 1);
        window->close();
        window.reset();
        QSettings().setValue(QStringLiteral("window/state"), state);
        window = openWindow();
        QVERIFY(window && window->projectView());
        QCOMPARE(window->dockWidgetArea(window->inspector()), Qt::RightDockWidgetArea);
        QVERIFY(window->classSidebar()->isVisible());
    }
};

QTEST_MAIN(TestLayout)
#include "tst_layout.moc"

#include "mainwindow.h"

#include "common/appicon.h"
#include "common/error.h"
#include "grid/imagegridview.h"
#include "project/projectview.h"
#include "project/projectworkflows.h"
#include "projectstatuswidget.h"
#include "recentprojects.h"
#include "storage/project.h"
#include "storage/projectsummary.h"
#include "welcomepage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>

namespace semiprune::ui {

namespace {
const QString kGeometrySetting = QStringLiteral("window/geometry");
constexpr int kMessageMs = 10000;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent),
      m_recent(new RecentProjects(this)),
      m_workflows(new ProjectWorkflows(this, this)),
      m_stack(new QStackedWidget(this)),
      m_welcome(new WelcomePage(m_recent, m_stack)),
      m_status(new ProjectStatusWidget(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(applicationIcon());
    m_stack->addWidget(m_welcome);
    setCentralWidget(m_stack);
    statusBar()->addPermanentWidget(m_status);

    createActions();
    createMenus();
    connect(m_welcome, &WelcomePage::newProjectRequested, this, &MainWindow::newProjectFromFolder);
    connect(m_welcome, &WelcomePage::importIdxRequested, this, &MainWindow::importIdx);
    connect(m_welcome, &WelcomePage::openProjectRequested, this, &MainWindow::chooseAndOpenProject);
    connect(m_welcome, &WelcomePage::demoRequested, this, &MainWindow::openDemo);
    connect(m_welcome, &WelcomePage::recentProjectActivated, this, &MainWindow::openRecent);
    connect(m_recent, &RecentProjects::changed, this, &MainWindow::rebuildRecentMenu);

    if (!restoreGeometry(QSettings().value(kGeometrySetting).toByteArray()))
        resize(1280, 820);
    updateTitle();
    updateActions();
}

MainWindow::~MainWindow()
{
    closeProject();
}

void MainWindow::createActions()
{
    const auto make = [this](const QString &text, const QKeySequence &shortcut, void (MainWindow::*slot)()) {
        auto *action = new QAction(text, this);
        action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_newAction = make(tr("&New Project from Folder…"), QKeySequence::New, &MainWindow::newProjectFromFolder);
    m_importIdxAction = make(tr("&Import IDX Files…"), QKeySequence(tr("Ctrl+I")), &MainWindow::importIdx);
    m_openAction = make(tr("&Open Project…"), QKeySequence::Open, &MainWindow::chooseAndOpenProject);
    m_demoAction = make(tr("Open the &Demo"), QKeySequence(), &MainWindow::openDemo);
    m_closeAction = make(tr("&Close Project"), QKeySequence::Close, &MainWindow::closeProject);
    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_zoomInAction = new QAction(tr("&Larger Thumbnails"), this);
    m_zoomInAction->setShortcut(QKeySequence::ZoomIn);
    connect(m_zoomInAction, &QAction::triggered, this, [this] { zoom(1); });
    m_zoomOutAction = new QAction(tr("&Smaller Thumbnails"), this);
    m_zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    connect(m_zoomOutAction, &QAction::triggered, this, [this] { zoom(-1); });

    m_aboutAction = new QAction(tr("&About SemiPrune Studio"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_importIdxAction);
    file->addAction(m_openAction);
    file->addAction(m_demoAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(m_closeAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    rebuildRecentMenu();

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_recent->files();
    for (int i = 0; i < files.size(); ++i) {
        const QString &file = files.at(i);
        const QFileInfo info(file);
        QString text = QDir::toNativeSeparators(file);
        text.replace(QLatin1Char('&'), QStringLiteral("&&"));
        if (i < 9)
            text = QStringLiteral("&%1 %2").arg(i + 1).arg(text);
        if (!info.isFile())
            text = tr("%1 (missing)").arg(text);
        QAction *action = m_recentMenu->addAction(text);
        connect(action, &QAction::triggered, this, [this, file] { openRecent(file); });
    }
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        QAction *clear = m_recentMenu->addAction(tr("Clear the List"));
        connect(clear, &QAction::triggered, m_recent, &RecentProjects::clear);
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

bool MainWindow::openProject(const QString &projectFile, QString *error)
{
    if (m_workflows->isBusy())
        return false;
    std::unique_ptr<Project> project;
    ProjectView *view = nullptr;
    ProjectSummary summary;
    try {
        project = Project::open(projectFile);
        summary = summarizeProject(*project);
        view = new ProjectView(*project, m_stack);
    } catch (const Error &failure) {
        delete view;
        if (error)
            *error = failure.message();
        else
            QMessageBox::warning(this, tr("Cannot Open the Project"), failure.message());
        return false;
    }
    closeProject();
    m_project = std::move(project);
    m_projectView = view;
    m_stack->addWidget(m_projectView);
    m_stack->setCurrentWidget(m_projectView);
    m_status->setSummary(summary);
    connect(m_projectView, &ProjectView::problemsFoundChanged, m_status, &ProjectStatusWidget::setFoundLater);
    m_recent->add(m_project->filePath());
    updateTitle();
    updateActions();
    const int images = int(summary.images);
    statusBar()->showMessage((images == 1 ? tr("Loaded %Ln image in %1 s", nullptr, images)
                                          : tr("Loaded %Ln images in %1 s", nullptr, images))
                                 .arg(QLocale().toString(m_projectView->loadSeconds(), 'f', 2)),
                             kMessageMs);
    m_projectView->gridView()->setFocus();
    return true;
}

void MainWindow::closeProject()
{
    if (m_projectView) {
        // The view's loader waits for its decodes here, before the project closes.
        m_stack->removeWidget(m_projectView);
        delete m_projectView;
        m_projectView = nullptr;
    }
    m_project.reset();
    m_stack->setCurrentWidget(m_welcome);
    m_status->clear();
    updateTitle();
    updateActions();
}

void MainWindow::newProjectFromFolder()
{
    if (const std::optional<QString> file = m_workflows->newProjectFromFolder()) {
        if (openProject(*file))
            statusBar()->showMessage(m_workflows->lastReport(), kMessageMs);
    }
}

void MainWindow::importIdx()
{
    if (const std::optional<QString> file = m_workflows->importIdx()) {
        if (openProject(*file))
            statusBar()->showMessage(m_workflows->lastReport(), kMessageMs);
    }
}

void MainWindow::chooseAndOpenProject()
{
    if (const std::optional<QString> file = m_workflows->chooseProjectFile())
        openProject(*file);
}

void MainWindow::openDemo()
{
    if (const std::optional<QString> file = m_workflows->prepareDemo())
        openProject(*file);
}

void MainWindow::openRecent(const QString &projectFile)
{
    if (!QFileInfo(projectFile).isFile()) {
        const auto answer = QMessageBox::question(
            this, tr("Project Not Found"),
            tr("%1 no longer exists. Remove it from the recent projects?").arg(QDir::toNativeSeparators(projectFile)));
        if (answer == QMessageBox::Yes)
            m_recent->remove(projectFile);
        return;
    }
    openProject(projectFile);
}

void MainWindow::updateTitle()
{
    const QString application = tr("SemiPrune Studio");
    if (!m_project) {
        setWindowTitle(application);
        return;
    }
    QString name = QFileInfo(m_project->filePath()).completeBaseName();
    if (m_project->isReadOnly())
        name = tr("%1 (read-only)").arg(name);
    setWindowTitle(tr("%1 — %2").arg(name, application));
}

void MainWindow::updateActions()
{
    const bool open = m_project != nullptr;
    m_closeAction->setEnabled(open);
    m_zoomInAction->setEnabled(open);
    m_zoomOutAction->setEnabled(open);
}

void MainWindow::zoom(int steps)
{
    if (m_projectView)
        m_projectView->setThumbnailSize(m_projectView->thumbnailSize() + steps * 16);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About SemiPrune Studio"),
                       tr("<h3>SemiPrune Studio %1</h3><p>Label-efficient dataset pruning for image folders: "
                          "label a small seed, train with pseudo-labels, and keep the images that matter.</p>"
                          "<p><a href=\"https://semiprune.org\">semiprune.org</a></p>")
                           .arg(QStringLiteral(SEMIPRUNE_VERSION)));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_workflows->isBusy()) {
        event->ignore(); // the job's own dialog offers Cancel
        return;
    }
    QSettings().setValue(kGeometrySetting, saveGeometry());
    closeProject();
    event->accept();
}

} // namespace semiprune::ui

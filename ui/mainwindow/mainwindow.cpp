#include "mainwindow.h"

#include "health/healthcheck.h"

#include "benchmarks/benchmarksdock.h"
#include "charts/chartgridlink.h"
#include "charts/difficultydock.h"
#include "common/appicon.h"
#include "common/error.h"
#include "exporting/exportdialog.h"
#include "grid/imagegridmodel.h"
#include "grid/imagegridview.h"
#include "inspector/inspectordock.h"
#include "labeling/classsidebar.h"
#include "labeling/gridlabeling.h"
#include "labeling/labeleditor.h"
#include "labeling/seedlabelview.h"
#include "project/browseactions.h"
#include "project/projectview.h"
#include "project/projectworkflows.h"
#include "projectstatuswidget.h"
#include "recentprojects.h"
#include "review/reviewview.h"
#include "runs/runspanel.h"
#include "storage/project.h"
#include "storage/projectsummary.h"
#include "welcomepage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QUndoGroup>
#include <QUndoStack>

namespace semiprune::ui {

namespace {
const QString kGeometrySetting = QStringLiteral("window/geometry");
const QString kStateSetting = QStringLiteral("window/state");
constexpr int kMessageMs = 10000;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_recent(new RecentProjects(this)), m_workflows(new ProjectWorkflows(this, this)),
      m_stack(new QStackedWidget(this)), m_welcome(new WelcomePage(m_recent, m_stack)),
      m_status(new ProjectStatusWidget(this)), m_classes(new ClassSidebar(this)), m_undoGroup(new QUndoGroup(this)),
      m_runs(new RunsPanel(this)), m_difficulty(new DifficultyDock(this)), m_browse(new BrowseActions(this)),
      m_inspector(new InspectorDock(this)), m_benchmarks(new BenchmarksDock(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(applicationIcon());
    m_stack->addWidget(m_welcome);
    setCentralWidget(m_stack);
    statusBar()->addPermanentWidget(m_status);
    addDockWidget(Qt::LeftDockWidgetArea, m_classes);
    m_classes->hide();
    addDockWidget(Qt::RightDockWidgetArea, m_inspector);
    addDockWidget(Qt::RightDockWidgetArea, m_runs);
    addDockWidget(Qt::RightDockWidgetArea, m_difficulty);
    // The runs and the difficulty charts share the right side with the inspector as tabs, so that
    // all fit beside the grid in a 1280-pixel window.
    tabifyDockWidget(m_inspector, m_runs);
    tabifyDockWidget(m_runs, m_difficulty);
    addDockWidget(Qt::RightDockWidgetArea, m_benchmarks);
    tabifyDockWidget(m_difficulty, m_benchmarks);
    m_runs->hide();
    m_difficulty->hide();
    m_benchmarks->hide();
    m_inspector->hide();
    connect(m_difficulty, &DifficultyDock::selectionSaved, this, &MainWindow::showNewestSelection);
    connect(m_difficulty, &DifficultyDock::selectionSaved, m_runs, &RunsPanel::showNewestResult);
    connect(m_browse, &BrowseActions::applied, this,
        [this](const QString &text) { statusBar()->showMessage(text, kMessageMs); });
    connect(m_runs, &RunsPanel::runEnded, this,
        [this](PipelineRunner::Outcome outcome, const QString &message) { onRunEnded(int(outcome), message); });
    connect(m_runs, &RunsPanel::runningChanged, this, [this](bool running) {
        if (m_projectView)
            m_projectView->setTrainingRunning(running);
        m_runAction->setEnabled(m_project && !running);
        m_difficulty->setRunActive(running);
    });

    createActions();
    createMenus();
    connect(m_welcome, &WelcomePage::newProjectRequested, this, &MainWindow::newProjectFromFolder);
    connect(m_welcome, &WelcomePage::importIdxRequested, this, &MainWindow::importIdx);
    connect(m_welcome, &WelcomePage::openProjectRequested, this, &MainWindow::chooseAndOpenProject);
    connect(m_welcome, &WelcomePage::demoRequested, this, &MainWindow::openDemo);
    connect(m_welcome, &WelcomePage::recentProjectActivated, this, &MainWindow::openRecent);
    connect(m_recent, &RecentProjects::changed, this, &MainWindow::rebuildRecentMenu);

    if (!restoreGeometry(QSettings().value(kGeometrySetting).toByteArray())) {
        // A first start: 1280x800 (every part fits there), less on a smaller screen.
        QSize size(1280, 800);
        if (const QScreen *screen = QGuiApplication::primaryScreen())
            size = size.boundedTo(screen->availableSize());
        resize(size);
    }
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

    m_undoAction = m_undoGroup->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence(tr("Ctrl+Z")));
    m_redoAction = m_undoGroup->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcut(QKeySequence(tr("Ctrl+Shift+Z")));

    m_seedAction = new QAction(tr("Label &Seed…"), this);
    m_seedAction->setShortcut(QKeySequence(tr("Ctrl+L")));
    m_seedAction->setStatusTip(tr("Draw a few images at random and label them one by one with the keyboard."));
    connect(m_seedAction, &QAction::triggered, this, [this] {
        if (m_projectView)
            m_projectView->labelSeed();
    });

    m_labelMoreAction = new QAction(tr("Label &More Images…"), this);
    m_labelMoreAction->setStatusTip(tr("After a run: label the images the model is least sure of, spread over "
                                       "the data, to improve the pseudo-labels the most per label."));
    connect(m_labelMoreAction, &QAction::triggered, this, [this] {
        if (m_projectView)
            m_projectView->labelMore();
    });

    m_runAction = new QAction(tr("&Run SemiPrune…"), this);
    m_runAction->setShortcut(QKeySequence(tr("Ctrl+R")));
    m_runAction->setStatusTip(
        tr("Train on the labeled seed and the unlabeled images, score them, and select a coreset."));
    connect(m_runAction, &QAction::triggered, m_runs, &RunsPanel::askAndStart);

    m_checkAction = new QAction(tr("&Check Images…"), this);
    m_checkAction->setStatusTip(tr("Find exact and near copies, test images with a copy in training, and dark, "
                                   "blurry, empty, noisy or oddly sized images."));
    connect(m_checkAction, &QAction::triggered, this, [this] {
        if (m_project && runHealthCheck(this, *m_project))
            m_inspector->reloadResults();
    });

    m_exportAction = new QAction(tr("&Export…"), this);
    m_exportAction->setShortcut(QKeySequence(tr("Ctrl+E")));
    m_exportAction->setStatusTip(tr("Write the kept or labeled images as class folders with a manifest."));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportDataset);

    m_reviewAction = new QAction(tr("Re&view Pseudo-Labels"), this);
    m_reviewAction->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
    m_reviewAction->setStatusTip(
        tr("Accept or correct the model's labels one image at a time, least confident first."));
    connect(m_reviewAction, &QAction::triggered, this, &MainWindow::reviewPseudoLabels);

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
    file->addAction(m_exportAction);
    file->addSeparator();
    file->addAction(m_closeAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    rebuildRecentMenu();

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_seedAction);
    edit->addAction(m_labelMoreAction);
    edit->addAction(m_reviewAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addSeparator();
    // Showing a dock from the menu also brings it to the front of its tab group: a tab added behind
    // the inspector looked as if nothing had happened.
    for (QDockWidget *dock :
        std::initializer_list<QDockWidget *> { m_classes, m_inspector, m_runs, m_difficulty, m_benchmarks }) {
        QAction *toggle = dock->toggleViewAction();
        view->addAction(toggle);
        connect(toggle, &QAction::triggered, dock, [dock](bool shown) {
            if (shown)
                dock->raise();
        });
    }
    view->addSeparator();
    view->addMenu(m_browse->menu());

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_runAction);
    run->addAction(m_checkAction);

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
    connectProjectView();
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
    m_runs->setProject(nullptr); // cancels and waits for a run before the project closes
    if (m_projectView)
        saveLayout(); // the docks as the user arranged them around a project
    m_inspector->setProject(nullptr, nullptr);
    m_inspector->hide();
    m_classes->setLabeling(nullptr);
    m_classes->hide();
    m_difficulty->setProject(nullptr);
    m_benchmarks->setProject(nullptr);
    m_browse->setProjectView(nullptr);
    if (m_projectView) {
        m_undoGroup->removeStack(m_projectView->labelEditor()->undoStack());
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
        const auto answer = QMessageBox::question(this, tr("Project Not Found"),
            tr("%1 no longer exists. Remove it from the recent projects?").arg(QDir::toNativeSeparators(projectFile)));
        if (answer == QMessageBox::Yes)
            m_recent->remove(projectFile);
        return;
    }
    openProject(projectFile);
}

void MainWindow::connectProjectView()
{
    connect(m_projectView, &ProjectView::problemsFoundChanged, m_status, &ProjectStatusWidget::setFoundLater);
    LabelEditor *editor = m_projectView->labelEditor();
    m_undoGroup->addStack(editor->undoStack());
    m_undoGroup->setActiveStack(editor->undoStack());
    connect(editor, &LabelEditor::labelCountsChanged, m_status, &ProjectStatusWidget::adjustLabeled);
    connect(editor, &LabelEditor::problem, this, &MainWindow::showProblem);
    connect(m_projectView->gridLabeling(), &GridLabeling::hint, this,
        [this](const QString &text) { statusBar()->showMessage(text, kMessageMs); });
    connect(
        m_projectView, &ProjectView::seedDrawn, this, [this] { m_status->setSummary(summarizeProject(*m_project)); });
    m_classes->setLabeling(m_projectView->gridLabeling());
    m_classes->show();
    m_inspector->show();
    restoreLayout();
    m_inspector->setProject(m_project.get(), editor);
    // The inspector follows the grid's current image, and the review's.
    connect(m_projectView->gridView()->selectionModel(), &QItemSelectionModel::currentChanged, m_inspector,
        [this](const QModelIndex &current) {
            m_inspector->showImage(
                current.isValid() ? ImageId(current.data(ImageGridModel::ImageIdRole).toLongLong()) : ImageId());
        });
    connect(m_projectView->reviewView(), &ReviewView::currentImageChanged, m_inspector, &InspectorDock::showImage);
    connect(m_projectView->seedView(), &SeedLabelView::currentImageChanged, m_inspector, &InspectorDock::showImage);
    connect(m_projectView->reviewView(), &ReviewView::runAgainRequested, m_runs, &RunsPanel::askAndStart);
    m_runs->setProject(m_project.get());
    m_difficulty->setProject(m_project.get());
    m_benchmarks->setProject(m_project.get());
    linkChartsToGrid(m_difficulty, m_projectView);
    m_browse->setProjectView(m_projectView);
    qint64 kept = -1;
    qint64 total = 0;
    m_projectView->reloadRunResults(&kept, &total);
    m_status->setSelection(kept, total);
}

void MainWindow::onRunEnded(int outcome, const QString &message)
{
    if (outcome == int(PipelineRunner::Outcome::Failed))
        showProblem(tr("The Run Failed"), message);
    m_difficulty->reload();
    showNewestSelection();
}

void MainWindow::showNewestSelection()
{
    if (!m_projectView)
        return;
    qint64 kept = -1;
    qint64 total = 0;
    const QString selection = m_projectView->reloadRunResults(&kept, &total);
    m_inspector->reloadResults();
    m_status->setSelection(kept, total);
    if (!selection.isEmpty())
        statusBar()->showMessage(selection);
}

void MainWindow::exportDataset()
{
    if (!m_project)
        return;
    ExportDialog dialog(*m_project, this);
    if (dialog.exec() == QDialog::Accepted && dialog.report())
        ExportDialog::showResult(this, *dialog.report());
}

void MainWindow::reviewPseudoLabels()
{
    if (m_projectView)
        m_projectView->showReview(ReviewOrder::LeastConfident);
}

void MainWindow::saveLayout()
{
    QSettings().setValue(kStateSetting, saveState(kLayoutVersion));
}

void MainWindow::restoreLayout()
{
    // restoreState refuses a layout saved with another version and leaves the docks as they are.
    const QByteArray state = QSettings().value(kStateSetting).toByteArray();
    if (state.isEmpty() || !restoreState(state, kLayoutVersion)) {
        // The first time: room for the class names and for the inspector's facts, the rest to the grid.
        resizeDocks({ m_classes, m_inspector }, { 220, 340 }, Qt::Horizontal);
    }
}

void MainWindow::showProblem(const QString &title, const QString &message)
{
    // Not exec(): a message must not stop the event loop (saves and jobs go on meanwhile).
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("problemBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
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
    m_seedAction->setEnabled(open && !m_project->isReadOnly());
    m_runAction->setEnabled(open && !m_project->isReadOnly() && !m_runs->runner()->isRunning());
    m_exportAction->setEnabled(open);
    m_checkAction->setEnabled(open);
    m_reviewAction->setEnabled(open && !m_project->isReadOnly());
    m_labelMoreAction->setEnabled(open && !m_project->isReadOnly());
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
    if (m_runs->runner()->isRunning()) {
        const auto answer = QMessageBox::question(this, tr("A Run Is in Progress"),
            tr("Cancel the run and close? It stops after the current training "
               "step and resumes from its last checkpoint next time."));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_runs->cancelAndWait();
    }
    QSettings().setValue(kGeometrySetting, saveGeometry());
    closeProject();
    event->accept();
}

} // namespace semiprune::ui

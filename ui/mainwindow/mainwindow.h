#pragma once

#include <QMainWindow>

#include <memory>

class QAction;
class QMenu;
class QStackedWidget;
class QUndoGroup;

namespace semiprune {
class Project;
}

namespace semiprune::ui {

class BrowseActions;
class ClassSidebar;
class BenchmarksDock;
class DifficultyDock;
class InspectorDock;
class RunsPanel;
class ProjectStatusWidget;
class ProjectView;
class ProjectWorkflows;
class RecentProjects;
class WelcomePage;

// The main window: a welcome page and, once a project is open, its view; the File menu; the status
// bar with the project's counts. It composes the parts and owns the open Project (opened on the GUI
// thread) and its view; closing a project stops the view's background work before the file closes.
//
// Thread rules: GUI thread only.
class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a project file and shows it. On failure the reason goes to *error when given, else to
    // a message box; the current project stays open then.
    bool openProject(const QString &projectFile, QString *error = nullptr);
    void closeProject();

    void newProjectFromFolder();
    void importIdx();
    void chooseAndOpenProject();
    void openDemo();
    void openRecent(const QString &projectFile);

    Project *project() const { return m_project.get(); }
    ProjectView *projectView() const { return m_projectView; }
    WelcomePage *welcomePage() const { return m_welcome; }
    ProjectStatusWidget *statusWidget() const { return m_status; }
    ClassSidebar *classSidebar() const { return m_classes; }
    QUndoGroup *undoGroup() const { return m_undoGroup; }
    RunsPanel *runsPanel() const { return m_runs; }
    DifficultyDock *difficultyDock() const { return m_difficulty; }
    BenchmarksDock *benchmarksDock() const { return m_benchmarks; }
    BrowseActions *browseActions() const { return m_browse; }
    InspectorDock *inspector() const { return m_inspector; }

    // File > Export…: the export dialog for the open project.
    void exportDataset();
    // Edit > Review Pseudo-Labels: the review queue, least confident first.
    void reviewPseudoLabels();

    // The docks' layout is saved with this version; a saved layout of another version is ignored.
    static constexpr int kLayoutVersion = 1;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void rebuildRecentMenu();
    void updateTitle();
    void updateActions();
    void zoom(int steps);
    void showAbout();
    void showProblem(const QString &title, const QString &message);
    void connectProjectView();
    void onRunEnded(int outcome, const QString &message);
    void showNewestSelection();
    void saveLayout();
    void restoreLayout();

    RecentProjects *m_recent;
    ProjectWorkflows *m_workflows;
    QStackedWidget *m_stack;
    WelcomePage *m_welcome;
    ProjectStatusWidget *m_status;
    ClassSidebar *m_classes;
    QUndoGroup *m_undoGroup;
    RunsPanel *m_runs;
    DifficultyDock *m_difficulty;
    BrowseActions *m_browse;
    InspectorDock *m_inspector;
    BenchmarksDock *m_benchmarks;
    ProjectView *m_projectView = nullptr;
    std::unique_ptr<Project> m_project;

    QAction *m_newAction = nullptr;
    QAction *m_importIdxAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_seedAction = nullptr;
    QAction *m_checkAction = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_reviewAction = nullptr;
    QAction *m_labelMoreAction = nullptr;
    QMenu *m_recentMenu = nullptr;
};

} // namespace semiprune::ui

#pragma once

#include <QObject>
#include <QString>

#include <optional>

class QWidget;

namespace semiprune::ui {

class JobRunner;

// The ways to get a project file to open: create one from an image folder, import IDX files, make
// or find the demo, or pick an existing file. Each asks what it needs, runs the slow part as a job
// with a progress dialog, reports failures to the user, and returns the project file to open (the
// caller opens it on the GUI thread: a Project belongs to the thread that opened it, so the
// worker's own Project is closed before returning).
//
// Thread rules: GUI thread only.
class ProjectWorkflows final : public QObject {
    Q_OBJECT

public:
    explicit ProjectWorkflows(QWidget *window, QObject *parent = nullptr);
    ~ProjectWorkflows() override;

    std::optional<QString> newProjectFromFolder();
    std::optional<QString> importIdx();
    std::optional<QString> prepareDemo();
    std::optional<QString> chooseProjectFile();

    bool isBusy() const;
    // A line for the status bar about the last import ("Imported 1,234 images, 2 unreadable").
    QString lastReport() const { return m_lastReport; }

    // Removes a project file with its SQLite companions (-wal, -shm) and its thumbnail cache.
    static void removeProjectFiles(const QString &projectFile);

private:
    void showFailure(const QString &title, const QString &message) const;

    QWidget *m_window;
    JobRunner *m_runner;
    QString m_lastReport;
};

} // namespace semiprune::ui

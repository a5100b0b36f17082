#pragma once

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>

class QWidget;

namespace semiprune {
class JobContext;
}

namespace semiprune::ui {

struct JobOutcome {
    enum class Status { Finished, Cancelled, Failed };
    Status status = Status::Finished;
    QString message; // the Error's message when Failed

    bool finished() const { return status == Status::Finished; }
};

// Runs one long job (plain core code taking a JobContext) on a worker thread while a modal
// JobProgressDialog shows its progress and offers Cancel. run() returns when the job has ended, with
// how it ended; an Error the job throws becomes the outcome's message, JobCancelled a cancellation.
//
// Thread rules: a GUI-thread object. The work runs on the runner's own one-thread pool; the
// progress callback only queues to the dialog. run() is not re-entrant: a second call while a job
// runs returns Failed at once.
class JobRunner final : public QObject {
    Q_OBJECT

public:
    explicit JobRunner(QWidget *window, QObject *parent = nullptr);
    ~JobRunner() override;

    JobOutcome run(const QString &title, const std::function<void(JobContext &)> &work);
    bool isBusy() const { return m_busy; }

    // How long a job may run before its dialog appears (quick jobs show no window at all).
    static constexpr int kShowDelayMs = 400;

private:
    QWidget *m_window;
    QThreadPool m_pool;
    bool m_busy = false;
};

} // namespace semiprune::ui

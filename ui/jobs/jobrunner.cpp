#include "jobrunner.h"

#include "common/error.h"
#include "jobprogressdialog.h"
#include "jobs/jobcontext.h"

#include <QEventLoop>
#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

namespace semiprune::ui {

JobRunner::JobRunner(QWidget *window, QObject *parent) : QObject(parent), m_window(window)
{
    m_pool.setObjectName(QStringLiteral("jobs"));
    m_pool.setMaxThreadCount(1);
}

JobRunner::~JobRunner()
{
    m_pool.waitForDone();
}

JobOutcome JobRunner::run(const QString &title, const std::function<void(JobContext &)> &work)
{
    if (m_busy)
        return JobOutcome { JobOutcome::Status::Failed, tr("Another job is still running.") };
    m_busy = true;

    JobProgressDialog dialog(title, m_window);
    JobContext job([&dialog](const JobProgress &progress) {
        // On the worker thread: hand a copy to the dialog's thread. The dialog outlives the job.
        QMetaObject::invokeMethod(
            &dialog, [&dialog, progress] { dialog.setProgress(progress); }, Qt::QueuedConnection);
    });
    connect(&dialog, &JobProgressDialog::cancelRequested, &dialog, [&job] { job.cancel(); });

    JobOutcome outcome;
    QFuture<void> future = QtConcurrent::run(&m_pool, [&work, &job, &outcome] {
        try {
            work(job);
        } catch (const JobCancelled &) {
            outcome.status = JobOutcome::Status::Cancelled;
        } catch (const Error &error) {
            outcome = JobOutcome { JobOutcome::Status::Failed, error.message() };
        } catch (const std::exception &error) {
            outcome = JobOutcome { JobOutcome::Status::Failed, QString::fromLocal8Bit(error.what()) };
        }
    });

    QEventLoop loop;
    QFutureWatcher<void> watcher;
    connect(&watcher, &QFutureWatcher<void>::finished, &loop, &QEventLoop::quit);
    QTimer showTimer;
    showTimer.setSingleShot(true);
    connect(&showTimer, &QTimer::timeout, &dialog, [&dialog] { dialog.show(); });
    watcher.setFuture(future);
    showTimer.start(kShowDelayMs);
    // Until the modal dialog shows, the window stays usable for a moment; run() refuses to nest.
    if (!future.isFinished())
        loop.exec();
    future.waitForFinished();
    showTimer.stop();
    dialog.finish();

    // A cancel that came too late to stop the job still counts as the user's choice.
    if (outcome.status == JobOutcome::Status::Finished && job.isCancelled())
        outcome.status = JobOutcome::Status::Cancelled;
    m_busy = false;
    return outcome;
}

} // namespace semiprune::ui

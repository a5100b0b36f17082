#pragma once

#include "jobs/pipelinesettings.h"
#include "pipeline/pipeline.h"

#include <QObject>
#include <QString>

#include <memory>

class QThread;

namespace semiprune {
class JobContext;
}

namespace semiprune::ui {

// Runs the SemiPrune pipeline on a worker thread, with the project opened again on that thread
// (SQLite connections are per thread), and reports back on the GUI thread through queued signals:
// progress, every metric point, and how it ended. One run at a time; the pipeline's own lock file
// refuses a second run from another process with a clear message.
//
// Thread rules: a GUI-thread object. The worker touches only its own Project, the JobContext (whose
// cancel flag is atomic) and queued invocations on this object. The destructor cancels and waits.
class PipelineRunner final : public QObject {
    Q_OBJECT

public:
    enum class Outcome { Finished, Cancelled, Failed };
    Q_ENUM(Outcome)

    explicit PipelineRunner(QObject *parent = nullptr);
    ~PipelineRunner() override;

    // Starts a run; false (and nothing started) while one is running.
    bool start(const QString &projectFile, const PipelineSettings &settings);
    bool isRunning() const { return m_thread != nullptr; }
    // Asks the run to stop after its current step; finished() follows.
    void cancel();
    bool isCancelling() const { return m_cancelling; }
    // Blocks until the worker has ended (after cancel(), within a training step).
    void wait();

    const PipelineResult &lastResult() const { return m_result; }

Q_SIGNALS:
    void started();
    void progressed(const QString &phase, qint64 done, qint64 total, double etaSeconds);
    void metricArrived(const QString &stage, const QString &name, qint64 step, double value);
    void finished(semiprune::ui::PipelineRunner::Outcome outcome, const QString &message);

private:
    void onWorkerEnded(Outcome outcome, const QString &message, const PipelineResult &result);

    QThread *m_thread = nullptr;
    std::unique_ptr<JobContext> m_job;
    PipelineResult m_result;
    bool m_cancelling = false;
};

} // namespace semiprune::ui

#include "pipelinerunner.h"

#include "common/error.h"
#include "jobs/jobcontext.h"
#include "storage/project.h"

#include <QMetaObject>
#include <QThread>

namespace semiprune::ui {

PipelineRunner::PipelineRunner(QObject *parent) : QObject(parent) { }

PipelineRunner::~PipelineRunner()
{
    cancel();
    wait();
    delete m_thread;
}

bool PipelineRunner::start(const QString &projectFile, const PipelineSettings &settings)
{
    if (m_thread)
        return false;
    m_cancelling = false;
    m_job = std::make_unique<JobContext>([this](const JobProgress &progress) {
        QMetaObject::invokeMethod(
            this,
            [this, progress] { Q_EMIT progressed(progress.phase, progress.done, progress.total, progress.etaSeconds); },
            Qt::QueuedConnection);
    });
    JobContext *job = m_job.get();
    m_thread = QThread::create([this, job, projectFile, settings] {
        Outcome outcome = Outcome::Finished;
        QString message;
        PipelineResult result;
        try {
            std::unique_ptr<Project> project = Project::open(projectFile);
            Pipeline pipeline(*project, settings, *job);
            pipeline.setMetricCallback([this](const QString &stage, const QString &name, qint64 step, double value) {
                QMetaObject::invokeMethod(
                    this, [this, stage, name, step, value] { Q_EMIT metricArrived(stage, name, step, value); },
                    Qt::QueuedConnection);
            });
            result = pipeline.run();
        } catch (const JobCancelled &) {
            outcome = Outcome::Cancelled;
        } catch (const Error &failure) {
            outcome = job->isCancelled() ? Outcome::Cancelled : Outcome::Failed;
            message = failure.message();
        } catch (const std::exception &failure) {
            outcome = Outcome::Failed;
            message = QString::fromLocal8Bit(failure.what());
        }
        if (outcome == Outcome::Finished && job->isCancelled())
            outcome = Outcome::Cancelled;
        QMetaObject::invokeMethod(
            this, [this, outcome, message, result] { onWorkerEnded(outcome, message, result); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("pipeline"));
    m_thread->start(QThread::LowPriority); // the GUI stays first in line for the cores
    Q_EMIT started();
    return true;
}

void PipelineRunner::cancel()
{
    if (m_job && m_thread) {
        m_cancelling = true;
        m_job->cancel();
    }
}

void PipelineRunner::wait()
{
    if (m_thread)
        m_thread->wait();
}

void PipelineRunner::onWorkerEnded(Outcome outcome, const QString &message, const PipelineResult &result)
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    m_job.reset();
    m_result = result;
    m_cancelling = false;
    Q_EMIT finished(outcome, message);
}

} // namespace semiprune::ui

#include "jobcontext.h"

#include <algorithm>

namespace semiprune {

namespace {
constexpr qint64 kReportIntervalMs = 100;
}

JobContext::JobContext(ProgressCallback onProgress) : m_onProgress(std::move(onProgress))
{
    m_phaseTimer.start();
}

void JobContext::checkCancelled() const
{
    if (isCancelled())
        throw JobCancelled();
}

void JobContext::beginPhase(const QString &phase, qint64 total, qint64 resumedAt)
{
    const std::lock_guard lock(m_mutex);
    m_resumedAt = std::clamp<qint64>(resumedAt, 0, std::max<qint64>(total, 0));
    m_progress = JobProgress { phase, m_resumedAt, total, 0, -1 };
    m_phaseTimer.restart();
    m_lastReportMs = -1000;
    report(true);
}

void JobContext::advance(qint64 done)
{
    const std::lock_guard lock(m_mutex);
    m_progress.done = done;
    report(false);
}

void JobContext::finishPhase()
{
    const std::lock_guard lock(m_mutex);
    m_progress.done = m_progress.total;
    report(true);
}

void JobContext::report(bool force)
{
    const qint64 now = m_phaseTimer.elapsed();
    if (!m_onProgress || (!force && now - m_lastReportMs < kReportIntervalMs))
        return;
    m_lastReportMs = now;
    m_progress.elapsedSeconds = now / 1000.0;
    m_progress.etaSeconds = -1;
    const qint64 doneHere = m_progress.done - m_resumedAt;
    if (doneHere > 0 && m_progress.total > m_progress.done)
        m_progress.etaSeconds = m_progress.elapsedSeconds * double(m_progress.total - m_progress.done) / doneHere;
    else if (m_progress.total > 0 && m_progress.done >= m_progress.total)
        m_progress.etaSeconds = 0;
    m_onProgress(m_progress);
}

} // namespace semiprune

#pragma once

#include <QElapsedTimer>
#include <QString>

#include <atomic>
#include <exception>
#include <functional>
#include <mutex>

namespace semiprune {

struct JobProgress {
    QString phase;
    qint64 done = 0;
    qint64 total = 0;
    double elapsedSeconds = 0;
    double etaSeconds = -1; // < 0: unknown
};

// Thrown by JobContext::checkCancelled(); jobs let it unwind so every guard rolls back.
class JobCancelled final : public std::exception {
public:
    const char *what() const noexcept override { return "cancelled"; }
};

// What a running job shares with whoever started it: a cancel flag and progress reports.
// Thread rules: every function may be called from any thread (a job's worker threads report
// progress too); the progress callback runs on the reporting thread, serialized and throttled to
// ~10 per second, so a GUI must queue what it receives to its own thread.
class JobContext final {
public:
    using ProgressCallback = std::function<void(const JobProgress &)>;

    explicit JobContext(ProgressCallback onProgress = {});

    void cancel() { m_cancelled.store(true); }
    bool isCancelled() const { return m_cancelled.load(); }
    void checkCancelled() const;
    // For code that polls a plain flag (the trainers).
    const std::atomic<bool> *cancelFlag() const { return &m_cancelled; }

    // Starts a new phase with its own count and ETA. A phase resumed from a checkpoint names the
    // count it starts from, so the ETA is based on this run's own pace, not on work done before.
    void beginPhase(const QString &phase, qint64 total, qint64 resumedAt = 0);
    void advance(qint64 done); // absolute count within the phase
    void finishPhase(); // reports the phase as complete, unthrottled

private:
    void report(bool force);

    std::atomic<bool> m_cancelled { false };
    ProgressCallback m_onProgress;
    JobProgress m_progress;
    QElapsedTimer m_phaseTimer;
    qint64 m_resumedAt = 0;
    qint64 m_lastReportMs = -1000;
    std::mutex m_mutex;
};

} // namespace semiprune

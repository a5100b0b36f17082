#include "output.h"

#include "jobs/jobcontext.h"

#include <QDateTime>
#include <QJsonDocument>

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace semiprune::cli {

namespace {

JobContext *g_runningJob = nullptr;

extern "C" void cancelRunningJob(int)
{
    // Only an atomic store: safe in a signal handler. A second signal ends the process at once.
    if (g_runningJob)
        g_runningJob->cancel();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

QString formatDuration(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("--:--");
    const qint64 total = qint64(seconds + 0.5);
    if (total >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(total / 3600)
            .arg(total / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(total % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(total / 60, 2, 10, QLatin1Char('0')).arg(total % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

void printLine(const QString &line)
{
    std::fputs(line.toLocal8Bit().constData(), stdout);
    std::fputc('\n', stdout);
}

void printJson(const QJsonObject &object)
{
    std::fputs(QJsonDocument(object).toJson(QJsonDocument::Indented).constData(), stdout);
}

void printError(const QString &line)
{
    std::fputs(line.toLocal8Bit().constData(), stderr);
    std::fputc('\n', stderr);
}

ProgressPrinter::ProgressPrinter(bool quiet) : m_quiet(quiet), m_terminal(isatty(STDERR_FILENO) != 0) { }

ProgressPrinter::~ProgressPrinter()
{
    finish();
}

void ProgressPrinter::operator()(const JobProgress &progress)
{
    if (m_quiet)
        return;
    const bool newPhase = progress.phase != m_phase;
    m_phase = progress.phase;
    const QString counts = progress.total > 0 ? QStringLiteral("%1/%2").arg(progress.done).arg(progress.total)
                                              : QString::number(progress.done);
    if (m_terminal) {
        if (newPhase && m_barOpen)
            std::fputc('\n', stderr);
        const int width = 30;
        const double fraction = progress.total > 0 ? double(progress.done) / double(progress.total) : 0.0;
        const int filled = int(fraction * width);
        const QString bar = QString(filled, QLatin1Char('#')) + QString(width - filled, QLatin1Char('.'));
        const QString line = QStringLiteral("\r%1 [%2] %3 ETA %4  ")
                                 .arg(progress.phase, bar, counts, formatDuration(progress.etaSeconds));
        std::fputs(line.toLocal8Bit().constData(), stderr);
        m_barOpen = true;
    } else {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        // Logs get a line every few seconds of a long phase; quick phases stay silent.
        if (progress.elapsedSeconds < 2 || now - m_lastPlainMs < 5000)
            return;
        m_lastPlainMs = now;
        printError(QStringLiteral("%1: %2 (ETA %3)").arg(progress.phase, counts, formatDuration(progress.etaSeconds)));
    }
    std::fflush(stderr);
}

void ProgressPrinter::finish()
{
    if (m_barOpen) {
        std::fputc('\n', stderr);
        m_barOpen = false;
    }
}

void runWithProgress(bool quiet, const std::function<void(JobContext &)> &work)
{
    ProgressPrinter printer(quiet);
    JobContext job([&printer](const JobProgress &progress) { printer(progress); });
    g_runningJob = &job;
    std::signal(SIGINT, cancelRunningJob);
    std::signal(SIGTERM, cancelRunningJob);
    try {
        work(job);
    } catch (...) {
        g_runningJob = nullptr;
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
        printer.finish();
        throw;
    }
    g_runningJob = nullptr;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    printer.finish();
}

} // namespace semiprune::cli

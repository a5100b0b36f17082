#pragma once

#include <QJsonObject>
#include <QString>

namespace semiprune {
class JobContext;
struct JobProgress;
}

namespace semiprune::cli {

void printLine(const QString &line); // standard output
void printJson(const QJsonObject &object); // standard output, indented
void printError(const QString &line); // standard error

// Progress on standard error: a redrawn bar with the ETA on a terminal, plain lines every few
// seconds otherwise (logs stay readable). Quiet when --json asks for machine output only.
class ProgressPrinter final {
public:
    explicit ProgressPrinter(bool quiet);
    ~ProgressPrinter();
    void operator()(const JobProgress &progress);
    void finish();

private:
    bool m_quiet;
    bool m_terminal;
    QString m_phase;
    qint64 m_lastPlainMs = 0;
    bool m_barOpen = false;
};

// Runs `work` with a JobContext whose progress goes to a ProgressPrinter and which Ctrl-C cancels.
void runWithProgress(bool quiet, const std::function<void(JobContext &)> &work);

} // namespace semiprune::cli

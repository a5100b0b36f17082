#pragma once

#include <QLockFile>
#include <QString>

namespace semiprune {

// Only one learning run per project at a time, across processes (the window and the command line
// may open the same project). A lock file beside the project; a stale one left by a killed
// process is taken over (QLockFile checks whether its owner still lives).
class RunLock final {
public:
    // Throws Error naming the process that holds the lock.
    explicit RunLock(const QString &projectFile);
    ~RunLock();
    RunLock(const RunLock &) = delete;
    RunLock &operator=(const RunLock &) = delete;

private:
    QLockFile m_lock;
};

} // namespace semiprune

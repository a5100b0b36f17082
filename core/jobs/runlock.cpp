#include "runlock.h"

#include "common/error.h"

#include <QCoreApplication>

namespace semiprune {

RunLock::RunLock(const QString &projectFile) : m_lock(projectFile + QStringLiteral(".lock"))
{
    m_lock.setStaleLockTime(0); // never age out a live owner: a run may take hours
    if (m_lock.tryLock(0))
        return;
    qint64 pid = 0;
    QString host, application;
    m_lock.getLockInfo(&pid, &host, &application);
    throw Error(
        QCoreApplication::translate("RunLock",
            "Another run is already going on this project (%1, process %2 on %3). "
            "Wait for it to finish or cancel it first.")
            .arg(application.isEmpty() ? QCoreApplication::translate("RunLock", "unknown program") : application)
            .arg(pid)
            .arg(host));
}

RunLock::~RunLock()
{
    m_lock.unlock();
}

} // namespace semiprune

#include "workerpool.h"

#include <QThread>
#include <QThreadPool>

namespace semiprune {

QThreadPool *workerPool()
{
    static QThreadPool *const pool = [] {
        auto *p = new QThreadPool; // lives as long as the process: jobs may run until exit
        p->setMaxThreadCount(QThread::idealThreadCount());
        p->setObjectName(QStringLiteral("semiprune-workers"));
        return p;
    }();
    return pool;
}

} // namespace semiprune

#include "runfiles.h"

#include "storage/project.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>

#include <atomic>

namespace semiprune::RunFiles {

namespace {

QString runsFolder(const Project &project)
{
    const QString folder = project.filePath() + QStringLiteral(".runs");
    QDir().mkpath(folder);
    return folder;
}

} // namespace

QString checkpointPath(const Project &project, RunId run)
{
    return runsFolder(project) + QStringLiteral("/run-%1.checkpoint").arg(run.value);
}

QString newDecodedImagesPath(const Project &project)
{
    static std::atomic<int> counter { 0 };
    const QDir folder(runsFolder(project));
    // The files of earlier runs are stale once a process that may write the project starts one; a
    // reader (another rank of a distributed run) leaves them alone, and the host and process in
    // the name keep ranks that share the folder apart.
    if (counter == 0 && !project.isReadOnly()) {
        for (const QString &stale : folder.entryList({ QStringLiteral("decoded-images-*.bin") }, QDir::Files))
            QFile::remove(folder.filePath(stale));
    }
    return folder.filePath(QStringLiteral("decoded-images-%1-%2-%3.bin")
                               .arg(QSysInfo::machineHostName())
                               .arg(QCoreApplication::applicationPid())
                               .arg(++counter));
}

bool hasCheckpoint(const Project &project, RunId run)
{
    return QFileInfo(checkpointPath(project, run)).size() > 0;
}

void removeCheckpoint(const Project &project, RunId run)
{
    QFile::remove(checkpointPath(project, run));
}

} // namespace semiprune::RunFiles

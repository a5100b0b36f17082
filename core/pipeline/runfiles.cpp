#include "runfiles.h"

#include "storage/project.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

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
    if (counter == 0) {
        for (const QString &stale : folder.entryList({ QStringLiteral("decoded-images-*.bin") }, QDir::Files))
            QFile::remove(folder.filePath(stale));
    }
    return folder.filePath(QStringLiteral("decoded-images-%1.bin").arg(++counter));
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

#include "runfiles.h"

#include "storage/project.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace semiprune::RunFiles {

QString checkpointPath(const Project &project, RunId run)
{
    const QString folder = project.filePath() + QStringLiteral(".runs");
    QDir().mkpath(folder);
    return folder + QStringLiteral("/run-%1.checkpoint").arg(run.value);
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

#include "runfiles.h"

#include "common/error.h"
#include "storage/project.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

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

QByteArray modelBytes(const Model &model)
{
    QTemporaryDir scratch;
    const QString path = scratch.filePath(QStringLiteral("model"));
    model.save(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QCoreApplication::translate("RunFiles", "Cannot read the saved model: %1").arg(file.errorString()));
    return file.readAll();
}

Model modelFromBytes(const QByteArray &bytes, DeviceChoice device)
{
    if (bytes.isEmpty())
        throw Error(QCoreApplication::translate("RunFiles", "The run has no saved model."));
    QTemporaryDir scratch;
    const QString path = scratch.filePath(QStringLiteral("model"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        throw Error(QCoreApplication::translate("RunFiles", "Cannot write a temporary model file: %1").arg(file.errorString()));
    file.close();
    return Model::load(path, device);
}

} // namespace semiprune::RunFiles

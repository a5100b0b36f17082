#include "demoproject.h"

#include "classnames.h"
#include "common/error.h"
#include "folderimporter.h"
#include "idxconverter.h"
#include "storage/classtable.h"
#include "storage/database.h"
#include "storage/project.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace semiprune {

QString fashionMnistDirectory()
{
    const QString overridden = qEnvironmentVariable("SEMIPRUNE_FASHION_MNIST_DIR");
    return overridden.isEmpty() ? QStringLiteral("/usr/share/datasets/fashion-mnist") : overridden;
}

QString defaultDemoDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/semiprune-studio/demo");
}

QString demoProjectFile(const QString &directory)
{
    return directory + QStringLiteral("/fashion-mnist.semiprune");
}

std::unique_ptr<Project> openOrCreateDemoProject(const QString &directory, JobContext &job)
{
    const QString projectFile = demoProjectFile(directory);
    if (QFileInfo::exists(projectFile))
        return Project::open(projectFile);

    const QString source = fashionMnistDirectory();
    const auto file = [&](const char *name) { return source + QLatin1Char('/') + QLatin1String(name); };
    const QString trainImages = file("train-images-idx3-ubyte.gz");
    if (!QFileInfo::exists(trainImages)) {
        throw Error(QCoreApplication::translate("DemoProject",
            "The Fashion-MNIST files are not in %1. Install Debian's package: "
            "sudo apt install dataset-fashion-mnist")
                        .arg(source));
    }
    if (!QDir().mkpath(directory))
        throw Error(QCoreApplication::translate("DemoProject", "Cannot create the folder %1.").arg(directory));

    const QString images = directory + QStringLiteral("/fashion-mnist");
    if (!QFileInfo::exists(images)) {
        convertIdxToFolder(
            { IdxPart { trainImages, file("train-labels-idx1-ubyte.gz"), Split::Train },
                IdxPart { file("t10k-images-idx3-ubyte.gz"), file("t10k-labels-idx1-ubyte.gz"), Split::Test } },
            images, fashionMnistClassNames(), job);
    }

    // Built under a temporary name, so an interrupted first start never leaves a half demo behind.
    const QString partial = projectFile + QStringLiteral(".partial");
    for (const QString &leftover : { partial, partial + QStringLiteral("-wal"), partial + QStringLiteral("-shm") })
        QFile::remove(leftover);
    {
        std::unique_ptr<Project> project = Project::create(partial, images);
        ImportOptions options;
        options.labelMode = LabelMode::Hidden;
        importFolder(*project, options, job);
        Transaction transaction(project->db());
        ClassTable classes(project->db());
        for (const QString &name : fashionMnistClassNames())
            classes.ensure(name);
        project->setMeta(QStringLiteral("demo"), QStringLiteral("fashion-mnist"));
        transaction.commit();
        project->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    if (!QFile::rename(partial, projectFile))
        throw Error(QCoreApplication::translate("DemoProject", "Cannot create %1.").arg(projectFile));
    QFile::remove(partial + QStringLiteral("-wal"));
    QFile::remove(partial + QStringLiteral("-shm"));
    return Project::open(projectFile);
}

} // namespace semiprune

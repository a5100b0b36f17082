#include "benchmark/benchmarkpool.h"

#include "benchmark/benchmarkjournal.h"
#include "benchmark/benchmarkrunner.h"
#include "benchmark/benchmarksource.h"
#include "common/error.h"
#include "dataset/classnames.h"
#include "dataset/folderimporter.h"
#include "jobs/jobcontext.h"
#include "storage/classtable.h"
#include "storage/project.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonObject>

namespace semiprune {

std::unique_ptr<Project> openOrWritePool(const BenchmarkSource &train, const std::vector<int> &pool,
    const QString &outputFolder, BenchmarkJournal &journal, JobContext &job,
    const std::function<void(const QString &line)> &log)
{
    const QString poolRoot = QDir(outputFolder).filePath(QStringLiteral("pool"));
    if (journal.find(QStringLiteral("pool"))) {
        log(QCoreApplication::translate(
            "Benchmark", "Resuming: the pool and the project are there, and %1 finished steps are kept.")
                .arg(journal.entriesUnder(QStringLiteral("seed")).size()));
        return Project::open(benchmarkProjectFile(outputFolder));
    }
    // Nothing trained yet: whatever a stop left of the pool and the project is made again.
    QDir(poolRoot).removeRecursively();
    for (const QString &suffix :
        { QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal") })
        QFile::remove(benchmarkProjectFile(outputFolder) + suffix);
    QDir(benchmarkProjectFile(outputFolder) + QStringLiteral(".runs")).removeRecursively();

    // The pool, as the images a user would bring: an ImageFolder tree whose labels the project hides.
    QHash<QString, QString> folderNames;
    job.beginPhase(QCoreApplication::translate("Benchmark", "Writing the training pool"), qint64(pool.size()));
    for (const QString &name : train.classNames()) {
        folderNames.insert(safeFolderName(name), name);
        QDir().mkpath(QDir(poolRoot).filePath(safeFolderName(name)));
    }
    writeClassNamesFile(poolRoot, folderNames);
    qint64 written = 0;
    for (int index : pool) {
        if (job.isCancelled())
            throw JobCancelled();
        const QString folder = QDir(poolRoot).filePath(safeFolderName(train.classNames()[train.label(index)]));
        train.writeTo(index, QStringLiteral("%1/%2").arg(folder).arg(index, 6, 10, QLatin1Char('0')));
        job.advance(++written);
    }
    job.finishPhase();

    std::unique_ptr<Project> project = Project::create(benchmarkProjectFile(outputFolder), poolRoot);
    ImportOptions importOptions;
    importOptions.labelMode = LabelMode::Hidden;
    importFolder(*project, importOptions, job);
    {
        ClassTable classes(project->db());
        for (const QString &name : train.classNames())
            classes.ensure(name); // in the data set's order, so tables and plots list them the same way
    }
    journal.record(QStringLiteral("pool"), QJsonObject { { QStringLiteral("images"), int(pool.size()) } });
    return project;
}

} // namespace semiprune

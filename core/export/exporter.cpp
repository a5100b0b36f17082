#include "exporter.h"

#include "common/error.h"
#include "dataset/classnames.h"
#include "exportlayout.h"
#include "exportplan.h"
#include "filetransfer.h"
#include "jobs/jobcontext.h"
#include "manifestwriter.h"
#include "stagingfolder.h"
#include "storage/project.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QSet>

#include <cerrno>

#include <sys/stat.h>

namespace semiprune {

namespace {

void makeFolder(const QString &path)
{
    if (::mkdir(QFile::encodeName(path).constData(), 0777) != 0 && errno != EEXIST)
        throw Error(exportWriteError(errno, path));
}

void writeSummary(const QString &path, const ExportReport &report)
{
    QFile file(path);
    const QByteArray json = QJsonDocument(toJson(report)).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) || file.write(json) != json.size() || !file.flush())
        throw Error(
            QCoreApplication::translate("Export", "Cannot write the summary %1: %2.").arg(path, file.errorString()));
}

ExportReport reportFor(const Project &project, const ExportOptions &options, const ExportPlan &plan)
{
    ExportReport report;
    report.project = project.filePath();
    report.scope = options.scope;
    report.mode = options.mode;
    report.humanOnly = options.humanOnly;
    if (plan.selection) {
        report.selection = plan.selection->name;
        report.method = plan.selection->method;
        report.keepRatio = plan.selection->keepRatio;
        report.beta = plan.selection->beta;
    }
    report.scoresRun = plan.scoresRun;
    report.pseudoLabelRun = plan.pseudoLabelRun;
    report.valFraction = options.valFraction;
    report.splitSeed = options.splitSeed;
    report.candidates = plan.candidates;
    report.skippedUnlabeled = plan.skippedUnlabeled;
    report.skippedNotHuman = plan.skippedNotHuman;
    report.skippedUnreadable = plan.skippedUnreadable;
    report.missingSources = plan.missingSources;
    report.classesWithoutImages = plan.classesWithoutImages;

    std::vector<ExportClassCount> counts(plan.classes.size());
    for (size_t c = 0; c < plan.classes.size(); ++c)
        counts[c] = ExportClassCount { plan.classes[c].name, plan.classes[c].folder, 0, 0, 0, 0, 0 };
    for (const ExportEntry &entry : plan.entries) {
        if (entry.sourceMissing)
            continue;
        ExportClassCount &count = counts[size_t(entry.classIndex)];
        ++count.images;
        ++(entry.labelSource == QLatin1String("pseudo") ? count.pseudo : count.human);
        if (entry.split == ExportSplit::Train)
            ++count.train;
        else if (entry.split == ExportSplit::Val)
            ++count.val;
        ++report.exported;
        report.renamed += entry.renamed ? 1 : 0;
    }
    for (ExportClassCount &count : counts) {
        if (count.images > 0)
            report.classes.push_back(std::move(count));
    }
    return report;
}

// Writes the images, the class-names file and the manifest into the staging folder, and fills the
// report from what was written.
ExportReport writeInto(
    const StagingFolder &staging, Project &project, const ExportOptions &options, ExportPlan &plan, JobContext &job)
{
    // Class folders first, only those that get images: an empty class folder breaks ImageFolder loaders.
    QSet<QString> folders;
    for (const ExportEntry &entry : plan.entries)
        folders.insert(entry.exportPath.section(QLatin1Char('/'), 0, -2));
    for (const QString &folder : folders) {
        if (folder.contains(QLatin1Char('/')))
            makeFolder(staging.path() + QLatin1Char('/') + folder.section(QLatin1Char('/'), 0, 0)); // train/ or val/
        makeFolder(staging.path() + QLatin1Char('/') + folder);
    }

    job.beginPhase(QCoreApplication::translate("Export", "Exporting images"), qint64(plan.entries.size()));
    FileTransfer transfer(options.mode);
    const QString root = staging.path() + QLatin1Char('/');
    for (size_t i = 0; i < plan.entries.size(); ++i) {
        job.checkCancelled();
        ExportEntry &entry = plan.entries[i];
        const QString source = project.absoluteImagePath(entry.originalPath);
        if (!transfer.transfer(QFile::encodeName(source), QFile::encodeName(root + entry.exportPath))) {
            entry.sourceMissing = true; // deleted after the plan checked it
            plan.missingSources << entry.originalPath;
        }
        job.advance(qint64(i + 1));
    }
    job.checkCancelled();

    ExportReport report = reportFor(project, options, plan);
    if (report.exported == 0)
        throw Error(QCoreApplication::translate(
            "Export", "Nothing to export: all %1 image files are gone from the image folder.")
                        .arg(plan.missingSources.size()));
    report.target = staging.target();
    report.bytesCopied = transfer.bytesCopied();
    QHash<QString, QString> renamedClasses;
    for (const ExportClassCount &c : report.classes) {
        if (c.folder != c.name)
            renamedClasses.insert(c.folder, c.name);
    }
    if (!renamedClasses.isEmpty()) {
        writeClassNamesFile(staging.path(), renamedClasses);
        report.classNamesFile = true;
    }
    writeManifest(root + QStringLiteral("manifest.csv"), plan);
    return report;
}

} // namespace

ExportReport exportDataset(Project &project, const ExportOptions &options, JobContext &job)
{
    options.validate();
    QElapsedTimer timer;
    timer.start();
    const QString startedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);

    ExportPlan plan = planExport(project, options, job);
    layOutExport(plan, options);
    StagingFolder staging(options.target, options.overwrite, { project.datasetRoot(), project.filePath() });
    ExportReport report;
    try {
        report = writeInto(staging, project, options, plan, job);
        report.startedAt = startedAt;
        report.seconds = timer.elapsed() / 1000.0;
        writeSummary(staging.path() + QStringLiteral("/summary.json"), report);
    } catch (const Error &error) {
        // Messages name a file as it would be in the export, not in the hidden partial folder, which
        // is gone by the time the user reads them.
        QString message = error.message();
        throw Error(message.replace(staging.path(), staging.target()));
    }

    job.checkCancelled(); // the last moment a cancel leaves nothing behind
    staging.commit();
    report.replacedOld = staging.replacedOld();
    report.leftover = staging.leftover();
    report.seconds = timer.elapsed() / 1000.0;
    job.finishPhase();
    return report;
}

} // namespace semiprune

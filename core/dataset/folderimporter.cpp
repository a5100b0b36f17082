#include "folderimporter.h"

#include "classnames.h"
#include "common/error.h"
#include "folderscan.h"
#include "imaging/imagefile.h"
#include "imaging/imageheader.h"
#include "jobs/jobcontext.h"
#include "jobs/workerpool.h"
#include "storage/classtable.h"
#include "storage/database.h"
#include "storage/imagetable.h"
#include "storage/labeltable.h"
#include "storage/project.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QtConcurrent/QtConcurrentMap>

namespace semiprune {

namespace {

constexpr size_t kChunkSize = 4096;
constexpr size_t kMaxProblemsListed = 1000;

LabelMode resolveLabelMode(Project &project, const FolderScan &scan, const ImportOptions &options)
{
    const LabelMode current = project.labelMode();
    if (!scan.hasClassFolders)
        return options.labelMode.value_or(current);
    if (!options.labelMode) {
        if (current != LabelMode::None)
            return current;
        throw Error(QCoreApplication::translate("FolderImporter",
            "%1 has class sub-folders. Choose how to use them: as known labels (label mode "
            "\"known\"), or as hidden reference labels for evaluation only (label mode \"hidden\").")
                        .arg(project.datasetRoot()));
    }
    if (*options.labelMode == LabelMode::None)
        throw Error(QCoreApplication::translate(
            "FolderImporter", "%1 has class sub-folders: the label mode must be known or hidden.")
                        .arg(project.datasetRoot()));
    if (current != LabelMode::None && current != *options.labelMode) {
        throw Error(QCoreApplication::translate("FolderImporter",
            "This project treats its class folders as %1 labels; importing them as %2 labels "
            "would mix the two. Create a new project instead.")
                        .arg(labelModeName(current), labelModeName(*options.labelMode)));
    }
    return *options.labelMode;
}

QString vanishedReason()
{
    return QCoreApplication::translate("FolderImporter", "the file vanished during the import");
}

// Header (and optionally pixel) inspection of one file: runs on worker threads.
ImageRecord inspect(const QString &root, const ScannedFile &file, const ImportOptions &options)
{
    ImageRecord record;
    record.path = file.path;
    record.split = file.split;
    record.fileSize = file.size;
    record.mtimeMs = file.mtimeMs;
    if (!file.problem.isEmpty()) {
        record.status = ImageStatus::Unreadable;
        record.message = file.problem;
        return record;
    }
    const QString absolute = root + QLatin1Char('/') + file.path;
    QFile handle;
    const ImageFileOpening opened = openImageFile(absolute, handle);
    if (!opened.ok) {
        record.status = opened.vanished ? ImageStatus::Missing : ImageStatus::Unreadable;
        record.message = opened.vanished ? vanishedReason() : opened.problem;
        return record;
    }
    // The file as it was read, not as it was listed: one changed in between is recorded as judged,
    // so that a later rescan compares the disk against the very file that was judged.
    record.fileSize = opened.size;
    record.mtimeMs = opened.mtimeMs;
    const ImageHeader header = readImageHeader(handle);
    record.format = imageFormatName(header.format);
    if (!header.valid) {
        record.status = ImageStatus::Unreadable;
        record.message = header.problem;
        return record;
    }
    record.width = header.width;
    record.height = header.height;
    record.channels = header.channels;
    record.bitDepth = header.bitDepth;
    if (qint64(header.width) * header.height > options.maxPixels) {
        record.status = ImageStatus::Unreadable;
        record.message
            = QCoreApplication::translate("FolderImporter", "too large (%1 x %2 pixels; the limit is %3 megapixels)")
                  .arg(header.width)
                  .arg(header.height)
                  .arg(options.maxPixels / (1024 * 1024));
        return record;
    }
    if (options.verifyPixels) {
        DecodeOptions decode;
        decode.maxPixels = options.maxPixels;
        const DecodedImage decoded = decodeImage(absolute, decode);
        if (!decoded.ok()) {
            record.status = decoded.vanished ? ImageStatus::Missing : ImageStatus::Unreadable;
            record.message = decoded.vanished ? vanishedReason() : decoded.problem;
            return record;
        }
    }
    const ImageFormat promised = imageFormatFromExtension(file.path);
    if (promised != header.format) {
        record.message = QCoreApplication::translate("FolderImporter", "the file name says %1 but the content is %2")
                             .arg(imageFormatName(promised), imageFormatName(header.format));
    }
    return record;
}

void noteProblem(ImportReport &report, const ImageRecord &record)
{
    if (record.status == ImageStatus::Missing)
        ++report.vanished;
    else if (record.status == ImageStatus::Unreadable)
        ++report.unreadable;
    else if (!record.message.isEmpty())
        ++report.warnings;
    else
        return;
    if (report.problems.size() < kMaxProblemsListed)
        report.problems.emplace_back(record.path, record.message);
}

} // namespace

ImportReport importFolder(Project &project, const ImportOptions &options, JobContext &job)
{
    QElapsedTimer timer;
    timer.start();
    if (project.isReadOnly())
        throw Error(QCoreApplication::translate("FolderImporter", "%1 is read-only: cannot import into it.")
                        .arg(project.filePath()));
    if (!project.datasetRootExists())
        throw Error(QCoreApplication::translate(
            "FolderImporter", "The image folder %1 no longer exists. If it moved, point the project to its new place.")
                        .arg(project.datasetRoot()));

    const FolderScan scan = scanFolder(project.datasetRoot(), job);
    const LabelMode mode = resolveLabelMode(project, scan, options);
    ImportReport report;
    report.scanned = qint64(scan.files.size());

    Database &db = project.db();
    ImageTable images(db);
    QHash<QString, ImageRecord> existing;
    for (ImageRecord &record : images.all())
        existing.insert(record.path, std::move(record));
    if (scan.files.empty() && existing.isEmpty())
        throw Error(QCoreApplication::translate("FolderImporter",
            "No images found in %1 (looked for jpg, jpeg, png, bmp, webp, tif, tiff, pgm, ppm, pbm, pnm).")
                        .arg(project.datasetRoot()));

    // What changed: new files, files whose size or time changed, and files that came back.
    std::vector<const ScannedFile *> todo;
    QSet<QString> present;
    for (const ScannedFile &file : scan.files) {
        present.insert(file.path);
        const auto known = existing.constFind(file.path);
        if (known == existing.constEnd() || known->fileSize != file.size || known->mtimeMs != file.mtimeMs
            || known->status == ImageStatus::Missing || known->split != file.split)
            todo.push_back(&file);
    }

    if (mode != project.labelMode())
        project.setLabelMode(mode);
    const QHash<QString, QString> classNames = readClassNamesFile(project.datasetRoot());
    ClassTable classes(db);
    LabelTable labels(db);
    const qint64 now = currentTimeMs();

    job.beginPhase(QCoreApplication::translate("FolderImporter", "Reading image headers"), qint64(todo.size()));
    const QString root = project.datasetRoot();
    for (size_t start = 0; start < todo.size(); start += kChunkSize) {
        job.checkCancelled();
        const std::vector<const ScannedFile *> chunk(
            todo.begin() + qint64(start), todo.begin() + qint64(std::min(todo.size(), start + kChunkSize)));
        const QList<ImageRecord> inspected = QtConcurrent::blockingMapped<QList<ImageRecord>>(
            workerPool(), chunk, [&](const ScannedFile *file) { return inspect(root, *file, options); });

        Transaction transaction(db);
        for (qsizetype i = 0; i < inspected.size(); ++i) {
            ImageRecord record = inspected[i];
            const ScannedFile &file = *chunk[size_t(i)];
            const auto known = existing.constFind(record.path);
            if (record.status == ImageStatus::Missing) {
                // Gone between the listing and the reading: the project ends as if the listing had
                // come a moment later. A new file is not added; a known one is marked missing, its
                // labels and what was known of it kept.
                noteProblem(report, record);
                if (known != existing.constEnd() && known->status != ImageStatus::Missing)
                    images.setStatus(known->id, ImageStatus::Missing, record.message);
                continue;
            }
            QString className;
            if (!file.folderClass.isEmpty())
                className = classNames.value(file.folderClass, file.folderClass);
            if (!className.isEmpty())
                record.referenceClass = images.ensureReferenceClass(className);

            if (known == existing.constEnd()) {
                record.id = images.insert(record, now);
                ++report.added;
            } else {
                record.id = known->id;
                images.update(record);
                ++(known->status == ImageStatus::Missing ? report.restored : report.updated);
            }
            noteProblem(report, record);

            if (mode == LabelMode::Known && !className.isEmpty()) {
                const auto label = labels.find(record.id);
                if (!label || label->source == LabelSource::Import) { // never overwrite a human's label
                    labels.set(record.id, classes.ensure(className).id, LabelSource::Import, now);
                    ++report.labelsImported;
                }
            }
        }
        transaction.commit();
        job.advance(qint64(start + chunk.size()));
    }

    Transaction transaction(db);
    for (const ImageRecord &record : std::as_const(existing)) {
        if (!present.contains(record.path) && record.status != ImageStatus::Missing) {
            images.setStatus(record.id, ImageStatus::Missing, goneFileReason());
            ++report.missing;
        }
    }
    project.setMeta(QStringLiteral("last_import_at"), QString::number(now));
    transaction.commit();
    job.finishPhase();
    report.seconds = timer.elapsed() / 1000.0;
    return report;
}

} // namespace semiprune

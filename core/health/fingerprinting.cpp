#include "health/fingerprinting.h"

#include "imaging/imagedecoder.h"
#include "jobs/jobcontext.h"
#include "jobs/workerpool.h"
#include "storage/healthtable.h"
#include "storage/imagetable.h"
#include "storage/project.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QtConcurrent>

#include <algorithm>

namespace semiprune {

namespace {

constexpr std::size_t kChunkSize = 1024; // decoded together, then stored in one transaction
constexpr std::size_t kMaxProblemsListed = 20;

struct Measured {
    ImageHash hash;
    ImageQuality quality;
    QString problem; // empty when decoded
};

} // namespace

std::vector<HashedImage> FingerprintReport::hashed() const
{
    std::vector<HashedImage> out;
    out.reserve(images.size());
    for (const MeasuredImage &image : images)
        out.push_back(HashedImage { image.id, image.split, image.hash });
    return out;
}

bool FingerprintReport::colorSet() const
{
    const auto gray
        = std::count_if(images.begin(), images.end(), [](const MeasuredImage &image) { return image.quality.gray; });
    return 2 * std::size_t(gray) < images.size();
}

AuditResult auditImages(const FingerprintReport &health, const QualityThresholds &thresholds)
{
    AuditResult audit;
    audit.colorSet = health.colorSet();
    audit.issues.reserve(health.images.size());
    for (const MeasuredImage &image : health.images) {
        audit.issues.push_back(qualityIssues(image.quality, image.width, image.height, audit.colorSet, thresholds));
        audit.flagged += audit.issues.back().isEmpty() ? 0 : 1;
        for (QualityIssue issue : audit.issues.back())
            ++audit.counts[issue];
    }
    return audit;
}

FingerprintReport fingerprintImages(Project &project, JobContext &job)
{
    QElapsedTimer timer;
    timer.start();
    FingerprintReport report;
    Database &db = project.db();
    const bool store = !project.isReadOnly();
    QHash<ImageId, ImageHealthTable::Entry> stored = ImageHealthTable(db).all();

    std::vector<ImageRecord> images;
    for (ImageRecord &record : ImageTable(db).all())
        if (record.status == ImageStatus::Ok)
            images.push_back(std::move(record));
    std::sort(images.begin(), images.end(), [](const ImageRecord &a, const ImageRecord &b) { return a.id < b.id; });

    std::vector<const ImageRecord *> todo;
    for (const ImageRecord &record : images) {
        const auto known = stored.constFind(record.id);
        if (known == stored.constEnd() || known->fileSize != record.fileSize || known->mtimeMs != record.mtimeMs)
            todo.push_back(&record);
        else
            ++report.reused;
    }

    job.beginPhase(QCoreApplication::translate("Health", "Measuring images"), qint64(todo.size()));
    const QString root = project.datasetRoot();
    for (std::size_t start = 0; start < todo.size(); start += kChunkSize) {
        job.checkCancelled();
        const std::vector<const ImageRecord *> chunk(
            todo.begin() + qint64(start), todo.begin() + qint64(std::min(todo.size(), start + kChunkSize)));
        const QList<Measured> measured
            = QtConcurrent::blockingMapped<QList<Measured>>(workerPool(), chunk, [&](const ImageRecord *record) {
                  const DecodedImage decoded = decodeImage(root + QLatin1Char('/') + record->path);
                  if (!decoded.ok())
                      return Measured { {}, {}, decoded.problem };
                  return Measured { hashImage(decoded.pixels), measureQuality(decoded.pixels), {} };
              });
        std::optional<Transaction> transaction;
        if (store)
            transaction.emplace(db);
        ImageHealthTable table(db);
        for (qsizetype i = 0; i < measured.size(); ++i) {
            const ImageRecord &record = *chunk[std::size_t(i)];
            if (!measured[i].problem.isEmpty()) {
                ++report.undecodable;
                if (report.problems.size() < kMaxProblemsListed)
                    report.problems.emplace_back(record.path, measured[i].problem);
                stored.remove(record.id);
                continue;
            }
            const ImageHealthTable::Entry entry { record.id, record.fileSize, record.mtimeMs, measured[i].hash,
                measured[i].quality };
            if (store)
                table.put(entry);
            stored.insert(record.id, entry);
            ++report.measured;
        }
        if (transaction)
            transaction->commit();
        job.advance(qint64(start + chunk.size()));
    }
    job.finishPhase();

    for (const ImageRecord &record : images) {
        const auto entry = stored.constFind(record.id);
        if (entry != stored.constEnd())
            report.images.push_back(MeasuredImage {
                record.id.value, record.path, record.split, record.width, record.height, entry->hash, entry->quality });
    }
    report.seconds = timer.elapsed() / 1000.0;
    return report;
}

} // namespace semiprune

#include "health/imagehashing.h"

#include "imaging/imagedecoder.h"
#include "jobs/jobcontext.h"
#include "jobs/workerpool.h"
#include "storage/hashtable.h"
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

struct Hashed {
    ImageHash hash;
    QString problem; // empty when decoded
};

} // namespace

HashingReport hashProjectImages(Project &project, JobContext &job)
{
    QElapsedTimer timer;
    timer.start();
    HashingReport report;
    Database &db = project.db();
    const bool store = !project.isReadOnly();
    QHash<ImageId, ImageHashTable::Entry> stored = ImageHashTable(db).all();

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

    job.beginPhase(QCoreApplication::translate("Hashing", "Fingerprinting images"), qint64(todo.size()));
    const QString root = project.datasetRoot();
    for (std::size_t start = 0; start < todo.size(); start += kChunkSize) {
        job.checkCancelled();
        const std::vector<const ImageRecord *> chunk(
            todo.begin() + qint64(start), todo.begin() + qint64(std::min(todo.size(), start + kChunkSize)));
        const QList<Hashed> hashed
            = QtConcurrent::blockingMapped<QList<Hashed>>(workerPool(), chunk, [&](const ImageRecord *record) {
                  const DecodedImage decoded = decodeImage(root + QLatin1Char('/') + record->path);
                  return decoded.ok() ? Hashed { hashImage(decoded.pixels), {} } : Hashed { {}, decoded.problem };
              });
        std::optional<Transaction> transaction;
        if (store)
            transaction.emplace(db);
        ImageHashTable table(db);
        for (qsizetype i = 0; i < hashed.size(); ++i) {
            const ImageRecord &record = *chunk[std::size_t(i)];
            if (!hashed[i].problem.isEmpty()) {
                ++report.undecodable;
                if (report.problems.size() < kMaxProblemsListed)
                    report.problems.emplace_back(record.path, hashed[i].problem);
                stored.remove(record.id);
                continue;
            }
            const ImageHashTable::Entry entry { record.id, record.fileSize, record.mtimeMs, hashed[i].hash };
            if (store)
                table.put(entry);
            stored.insert(record.id, entry);
            ++report.hashed;
        }
        if (transaction)
            transaction->commit();
        job.advance(qint64(start + chunk.size()));
    }
    job.finishPhase();

    for (const ImageRecord &record : images) {
        const auto entry = stored.constFind(record.id);
        if (entry != stored.constEnd())
            report.images.push_back(HashedImage { record.id.value, record.split, entry->hash });
    }
    report.seconds = timer.elapsed() / 1000.0;
    return report;
}

} // namespace semiprune

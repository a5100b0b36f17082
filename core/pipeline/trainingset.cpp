#include "trainingset.h"

#include "runfiles.h"

#include "common/error.h"
#include "imaging/imagedecoder.h"
#include "jobs/jobcontext.h"
#include "jobs/trainingsettings.h"
#include "jobs/workerpool.h"
#include "storage/classtable.h"
#include "storage/database.h"
#include "storage/imagetable.h"
#include "storage/labeltable.h"
#include "storage/project.h"
#include "storage/statement.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QHash>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <atomic>

#include <unistd.h>

namespace semiprune {

int TrainingSet::labeledCount() const
{
    return int(std::count_if(humanLabels.begin(), humanLabels.end(), [](int label) { return label >= 0; }));
}

bool TrainingSet::fullyLabeled() const
{
    return !humanLabels.empty() && labeledCount() == int(humanLabels.size());
}

namespace {

const QString kResolutionKey = QStringLiteral("training_resolution");
constexpr int kMinResolution = 8;
constexpr int kMaxResolution = 512;

} // namespace

int trainingResolutionSetting(const Project &project)
{
    return std::clamp(project.meta(kResolutionKey).toInt(), 0, kMaxResolution);
}

void setTrainingResolution(Project &project, int pixels)
{
    if (pixels != 0 && (pixels < kMinResolution || pixels > kMaxResolution))
        throw Error(QCoreApplication::translate(
            "TrainingSet", "The training resolution must be between %1 and %2 pixels (asked for %3).")
                        .arg(kMinResolution)
                        .arg(kMaxResolution)
                        .arg(pixels));
    project.setMeta(kResolutionKey, pixels == 0 ? QString() : QString::number(pixels));
}

TrainingShape trainingShapeOf(Project &project)
{
    TrainingShape shape;
    const int setting = trainingResolutionSetting(project);
    Statement sizes
        = project.db().prepare("SELECT min(width), max(width), min(height), max(height), max(channels) FROM images "
                               "WHERE status = 0 AND split = 'train'");
    sizes.step();
    const bool uniform = sizes.integer(0) == sizes.integer(1) && sizes.integer(2) == sizes.integer(3);
    shape.channels = sizes.integer(4) <= 2 ? 1 : 3;
    if (setting > 0) {
        shape.width = shape.height = std::max(setting, kMinResolution);
    } else if (uniform && sizes.integer(1) > 0 && sizes.integer(1) <= 32 && sizes.integer(3) <= 32) {
        shape.width = std::max(8, sizes.integer(1));
        shape.height = std::max(8, sizes.integer(3));
    }
    return shape;
}

qint64 defaultImageMemoryBudget()
{
    // A quarter of the machine's memory: the model, the prefetched batches, the window and the
    // rest of the system keep the other three.
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long pageSize = sysconf(_SC_PAGESIZE);
    const qint64 physical = pages > 0 && pageSize > 0 ? qint64(pages) * pageSize : (qint64(8) << 30);
    return std::max<qint64>(physical / 4, qint64(256) << 20);
}

qint64 imageMemoryBudget(const TrainingSettings &settings)
{
    return settings.imageMemoryMiB > 0 ? qint64(settings.imageMemoryMiB) << 20 : defaultImageMemoryBudget();
}

TrainingSet loadTrainingSet(Project &project, JobContext &job, qint64 memoryBudget)
{
    if (!project.datasetRootExists())
        throw Error(QCoreApplication::translate(
            "TrainingSet", "The image folder %1 is not there. If it moved, point the project to its new place.")
                        .arg(project.datasetRoot()));
    Database &db = project.db();
    const TrainingShape shape = trainingShapeOf(project);

    std::vector<ImageRecord> records;
    for (ImageRecord &image : ImageTable(db).all()) {
        if (image.split == Split::Train && image.status == ImageStatus::Ok)
            records.push_back(std::move(image));
    }
    if (records.empty())
        throw Error(QCoreApplication::translate("TrainingSet", "The project has no readable training images."));

    TrainingSet set;
    const std::size_t imageBytes = std::size_t(shape.width) * shape.height * shape.channels;
    set.residentInMemory = qint64(records.size() * imageBytes) <= std::max<qint64>(memoryBudget, 0);
    set.bank = set.residentInMemory ? std::make_unique<ImageBank>(shape.width, shape.height, shape.channels)
                                    : std::make_unique<ImageBank>(shape.width, shape.height, shape.channels,
                                        RunFiles::newDecodedImagesPath(project));
    set.bank->reserve(int(records.size()));

    // Decoded and converted in parallel, a chunk at a time, so that the full-size decodes never
    // pile up: the peak is one chunk of ~64 MB beside the bank.
    job.beginPhase(QCoreApplication::translate("TrainingSet", "Decoding images"), qint64(records.size()));
    const size_t chunkSize = std::clamp<size_t>((64u << 20) / imageBytes, 64, 4096);
    std::vector<std::uint8_t> chunk(chunkSize * imageBytes);
    std::vector<QString> problems(chunkSize);
    std::vector<char> vanished(chunkSize);
    std::vector<size_t> slots;
    struct Lost {
        ImageId id;
        ImageStatus status;
        QString reason;
    };
    std::vector<Lost> newlyUnreadable;
    const QString root = project.datasetRoot();
    DecodeOptions options;
    options.color = shape.channels == 1 ? ColorMode::Gray : ColorMode::Color;
    // Decode close to the training size: a 4,000 px photo never needs its full resolution here.
    options.maxSide = std::max(shape.width, shape.height) * 2;
    for (size_t begin = 0; begin < records.size(); begin += chunkSize) {
        const size_t count = std::min(chunkSize, records.size() - begin);
        slots.resize(count);
        for (size_t j = 0; j < count; ++j)
            slots[j] = j;
        QtConcurrent::blockingMap(workerPool(), slots, [&](size_t j) {
            if (job.isCancelled())
                return;
            const DecodedImage decoded = decodeImage(root + QLatin1Char('/') + records[begin + j].path, options);
            problems[j] = decoded.ok() || !decoded.problem.isEmpty()
                ? decoded.problem
                : QCoreApplication::translate("TrainingSet", "The image cannot be decoded.");
            vanished[j] = decoded.vanished;
            if (decoded.ok()) {
                try {
                    set.bank->convert(decoded.pixels, chunk.data() + j * imageBytes);
                } catch (const Error &error) {
                    problems[j] = error.message();
                }
            }
        });
        job.checkCancelled();
        for (size_t j = 0; j < count; ++j) {
            if (!problems[j].isEmpty()) {
                // A file deleted since the import is missing, as a rescan would say: then a rescan
                // picks it up again should it come back unchanged.
                newlyUnreadable.push_back({ records[begin + j].id,
                    vanished[j] ? ImageStatus::Missing : ImageStatus::Unreadable, problems[j] });
                continue;
            }
            set.bank->addRaw(chunk.data() + j * imageBytes);
            set.images.push_back(records[begin + j].id);
        }
        job.advance(qint64(begin + count));
    }
    set.bank->finishAdding();
    job.finishPhase();
    // A reader (another rank of a distributed run) leaves the marking to rank 0, which has found
    // the same images unreadable before it (or the ranks' images differ, which they check).
    if (!newlyUnreadable.empty() && !project.isReadOnly()) {
        Transaction transaction(db);
        ImageTable images(db);
        for (const Lost &lost : newlyUnreadable)
            images.setStatus(lost.id, lost.status, lost.reason);
        transaction.commit();
        set.unreadableSkipped = int(newlyUnreadable.size());
    }

    // Classes in use, labels, the seed, and the reference labels matched to the classes by name.
    QHash<ImageId, ClassId> labelOf;
    for (const LabelRecord &label : LabelTable(db).all())
        labelOf.insert(label.image, label.classId);
    QHash<ClassId, int> classIndex;
    QHash<QString, int> classIndexByName;
    for (const ClassRecord &record : ClassTable(db).all()) {
        const bool used = std::any_of(labelOf.cbegin(), labelOf.cend(), [&](ClassId id) { return id == record.id; });
        if (!used)
            continue;
        classIndex.insert(record.id, int(set.classes.size()));
        classIndexByName.insert(record.name.toLower(), int(set.classes.size()));
        set.classes.push_back(record.id);
        set.classNames.push_back(record.name);
    }
    QHash<qint64, int> referenceIndex;
    const auto referenceNames = ImageTable(db).referenceClassNames();
    for (auto it = referenceNames.cbegin(); it != referenceNames.cend(); ++it)
        referenceIndex.insert(it.key().value, classIndexByName.value(it.value().toLower(), -1));
    QHash<ImageId, qint64> referenceOf;
    Statement reference = db.prepare("SELECT id, reference_class_id FROM images WHERE reference_class_id IS NOT NULL");
    while (reference.step())
        referenceOf.insert(ImageId(reference.int64(0)), reference.int64(1));
    QSet<qint64> seed;
    Statement seedItems = db.prepare("SELECT image_id FROM seed_items");
    while (seedItems.step())
        seed.insert(seedItems.int64(0));

    for (ImageId id : set.images) {
        const auto label = labelOf.constFind(id);
        set.humanLabels.push_back(label == labelOf.cend() ? -1 : classIndex.value(*label, -1));
        const auto ref = referenceOf.constFind(id);
        set.referenceLabels.push_back(ref == referenceOf.cend() ? -1 : referenceIndex.value(*ref, -1));
        set.inSeed.push_back(seed.contains(id.value));
    }
    return set;
}

} // namespace semiprune

#include "trainingset.h"

#include "common/error.h"
#include "imaging/imagedecoder.h"
#include "jobs/jobcontext.h"
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

namespace semiprune {

int TrainingSet::labeledCount() const
{
    return int(std::count_if(humanLabels.begin(), humanLabels.end(), [](int label) { return label >= 0; }));
}

bool TrainingSet::fullyLabeled() const
{
    return !humanLabels.empty() && labeledCount() == int(humanLabels.size());
}

TrainingShape trainingShapeOf(Project &project)
{
    TrainingShape shape;
    const QString setting = project.meta(QStringLiteral("training_resolution"));
    Statement sizes = project.db().prepare(
        "SELECT min(width), max(width), min(height), max(height), max(channels) FROM images "
        "WHERE status = 0 AND split = 'train'");
    sizes.step();
    const bool uniform = sizes.integer(0) == sizes.integer(1) && sizes.integer(2) == sizes.integer(3);
    shape.channels = sizes.integer(4) <= 2 ? 1 : 3;
    if (!setting.isEmpty()) {
        shape.width = shape.height = std::clamp(setting.toInt(), 8, 512);
    } else if (uniform && sizes.integer(1) > 0 && sizes.integer(1) <= 32 && sizes.integer(3) <= 32) {
        shape.width = std::max(8, sizes.integer(1));
        shape.height = std::max(8, sizes.integer(3));
    }
    return shape;
}

TrainingSet loadTrainingSet(Project &project, JobContext &job)
{
    if (!project.datasetRootExists())
        throw Error(QCoreApplication::translate("TrainingSet", "The image folder %1 is not there. If it moved, point the project to its new place.").arg(project.datasetRoot()));
    Database &db = project.db();
    const TrainingShape shape = trainingShapeOf(project);

    std::vector<ImageRecord> records;
    for (ImageRecord &image : ImageTable(db).all()) {
        if (image.split == Split::Train && image.status == ImageStatus::Ok)
            records.push_back(std::move(image));
    }
    if (records.empty())
        throw Error(QCoreApplication::translate("TrainingSet", "The project has no readable training images."));

    job.beginPhase(QCoreApplication::translate("TrainingSet", "Decoding images"), qint64(records.size()));
    std::vector<DecodedImage> decoded(records.size());
    std::vector<size_t> order(records.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::atomic<qint64> done{0};
    const QString root = project.datasetRoot();
    QtConcurrent::blockingMap(workerPool(), order, [&](size_t i) {
        if (job.isCancelled())
            return;
        DecodeOptions options;
        options.color = shape.channels == 1 ? ColorMode::Gray : ColorMode::Color;
        // Decode close to the training size: a 4,000 px photo never needs its full resolution here.
        options.maxSide = std::max(shape.width, shape.height) * 2;
        decoded[i] = decodeImage(root + QLatin1Char('/') + records[i].path, options);
        const qint64 count = ++done;
        if (count % 2048 == 0)
            job.advance(count);
    });
    job.checkCancelled();

    TrainingSet set;
    set.bank = std::make_unique<ImageBank>(shape.width, shape.height, shape.channels);
    set.bank->reserve(int(records.size()));
    std::vector<std::pair<ImageId, QString>> newlyUnreadable;
    for (size_t i = 0; i < records.size(); ++i) {
        if (!decoded[i].ok()) {
            newlyUnreadable.emplace_back(records[i].id, decoded[i].problem);
            continue;
        }
        set.bank->add(decoded[i].pixels);
        set.images.push_back(records[i].id);
        decoded[i] = DecodedImage(); // free as we go
    }
    job.finishPhase();
    if (!newlyUnreadable.empty()) {
        Transaction transaction(db);
        ImageTable images(db);
        for (const auto &[id, problem] : newlyUnreadable)
            images.setStatus(id, ImageStatus::Unreadable, problem);
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

#include "projectsummary.h"

#include "classtable.h"
#include "database.h"
#include "schema.h"
#include "statement.h"

#include <QHash>

namespace semiprune {

ProjectSummary summarizeProject(Project &project)
{
    Database &db = project.db();
    ProjectSummary summary;
    summary.projectFile = project.filePath();
    summary.readOnly = project.isReadOnly();
    summary.datasetRoot = project.datasetRoot();
    summary.datasetRootExists = project.datasetRootExists();
    summary.labelMode = project.labelMode();
    summary.schemaVersion = schema::versionOf(db);

    Statement images
        = db.prepare("SELECT count(*), sum(split = 'train'), sum(split = 'val'), sum(split = 'test'), sum(status = 1), "
                     "sum(status = 2), sum(reference_class_id IS NOT NULL) FROM images");
    images.step();
    summary.images = images.int64(0);
    summary.train = images.int64(1);
    summary.val = images.int64(2);
    summary.test = images.int64(3);
    summary.unreadable = images.int64(4);
    summary.missing = images.int64(5);
    summary.referenceLabeled = images.int64(6);

    Statement seed = db.prepare("SELECT count(*), sum(s.skipped), sum(l.image_id IS NOT NULL AND s.skipped = 0) "
                                "FROM seed_items s LEFT JOIN labels l ON l.image_id = s.image_id");
    seed.step();
    summary.seedDrawn = seed.int64(0);
    summary.seedSkipped = seed.int64(1);
    summary.seedLabeled = seed.int64(2);

    Statement trainable
        = db.prepare("SELECT count(*), count(l.image_id), count(DISTINCT l.class_id) FROM images i "
                     "LEFT JOIN labels l ON l.image_id = i.id WHERE i.status = 0 AND i.split = 'train'");
    trainable.step();
    summary.trainable = trainable.int64(0);
    summary.trainableLabeled = trainable.int64(1);
    summary.trainableClasses = int(trainable.int64(2));

    QHash<qint64, std::pair<qint64, qint64>> labelCounts; // class -> (all, seed)
    Statement labels = db.prepare("SELECT class_id, count(*), sum(source = 'seed') FROM labels GROUP BY class_id");
    while (labels.step()) {
        labelCounts.insert(labels.int64(0), { labels.int64(1), labels.int64(2) });
        summary.labeled += labels.int64(1);
    }
    QHash<QString, qint64> referenceByName;
    Statement references = db.prepare(
        "SELECT r.name, count(i.id) FROM reference_classes r LEFT JOIN images i ON i.reference_class_id = r.id "
        "GROUP BY r.id ORDER BY r.name");
    while (references.step()) {
        summary.referenceClasses.push_back(ClassCount { references.text(0), 0, 0, references.int64(1) });
        referenceByName.insert(references.text(0).toLower(), references.int64(1));
    }
    for (const ClassRecord &record : ClassTable(db).all()) {
        const auto counts = labelCounts.value(record.id.value);
        summary.classes.push_back(
            ClassCount { record.name, counts.first, counts.second, referenceByName.value(record.name.toLower()) });
    }
    return summary;
}

} // namespace semiprune

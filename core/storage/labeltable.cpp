#include "labeltable.h"

#include "common/error.h"
#include "database.h"
#include "statement.h"

#include <QCoreApplication>
#include <QDateTime>

#include <sqlite3.h>

namespace semiprune {

qint64 currentTimeMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

LabelTable::LabelTable(Database &db) : m_db(db) { }

LabelTable::~LabelTable() = default;

std::optional<LabelRecord> LabelTable::find(ImageId image)
{
    Statement query = m_db.prepare("SELECT class_id, source, labeled_at FROM labels WHERE image_id = ?1");
    query.bind(1, image.value);
    if (!query.step())
        return std::nullopt;
    return LabelRecord { image, ClassId(query.int64(0)), labelSourceFromName(query.text(1)), query.int64(2) };
}

std::vector<LabelRecord> LabelTable::all()
{
    std::vector<LabelRecord> labels;
    Statement query = m_db.prepare("SELECT image_id, class_id, source, labeled_at FROM labels ORDER BY image_id");
    while (query.step()) {
        labels.push_back(LabelRecord {
            ImageId(query.int64(0)), ClassId(query.int64(1)), labelSourceFromName(query.text(2)), query.int64(3) });
    }
    return labels;
}

QHash<ClassId, qint64> LabelTable::countsPerClass()
{
    QHash<ClassId, qint64> counts;
    Statement query = m_db.prepare("SELECT class_id, count(*) FROM labels GROUP BY class_id");
    while (query.step())
        counts.insert(ClassId(query.int64(0)), query.int64(1));
    return counts;
}

void LabelTable::set(ImageId image, ClassId classId, LabelSource source, qint64 atMs)
{
    if (!m_upsert) {
        m_upsert = std::make_unique<Statement>(m_db,
            "INSERT INTO labels(image_id, class_id, source, labeled_at) VALUES(?1, ?2, ?3, ?4) "
            "ON CONFLICT(image_id) DO UPDATE SET class_id = excluded.class_id, source = excluded.source, "
            "labeled_at = excluded.labeled_at");
    }
    m_upsert->reset();
    m_upsert->bind(1, image.value).bind(2, classId.value).bind(3, labelSourceName(source)).bind(4, atMs);
    try {
        m_upsert->run();
    } catch (const Error &) {
        // Only a broken foreign key means a wrong id; a read-only or damaged file says so itself.
        if ((sqlite3_errcode(m_db.handle()) & 0xff) != SQLITE_CONSTRAINT)
            throw;
        throw Error(QCoreApplication::translate("LabelTable",
            "Cannot label image %1 with class %2: "
            "the image or the class does not exist.")
                        .arg(image.value)
                        .arg(classId.value));
    }
}

void LabelTable::clear(ImageId image)
{
    Statement remove = m_db.prepare("DELETE FROM labels WHERE image_id = ?1");
    remove.bind(1, image.value).run();
}

} // namespace semiprune

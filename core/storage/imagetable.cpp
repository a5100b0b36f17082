#include "imagetable.h"

#include "database.h"
#include "statement.h"

namespace semiprune {

namespace {

constexpr const char *kColumns = "id, path, split, format, width, height, channels, bit_depth, file_size, "
                                 "mtime_ms, status, message, reference_class_id";

QByteArray selectWhere(const char *condition)
{
    return QByteArray("SELECT ") + kColumns + " FROM images " + condition;
}

void bindContent(Statement &statement, const ImageRecord &image)
{
    statement.bind(1, image.path)
        .bind(2, splitName(image.split))
        .bind(3, image.format)
        .bind(4, image.width)
        .bind(5, image.height)
        .bind(6, image.channels)
        .bind(7, image.bitDepth)
        .bind(8, image.fileSize)
        .bind(9, image.mtimeMs)
        .bind(10, int(image.status));
    if (image.message.isEmpty())
        statement.bindNull(11);
    else
        statement.bind(11, image.message);
    if (image.referenceClass.isValid())
        statement.bind(12, image.referenceClass.value);
    else
        statement.bindNull(12);
}

} // namespace

ImageTable::ImageTable(Database &db) : m_db(db) { }

ImageTable::~ImageTable() = default;

ImageRecord ImageTable::fromRow(const Statement &row)
{
    ImageRecord image;
    image.id = ImageId(row.int64(0));
    image.path = row.text(1);
    image.split = splitFromName(row.text(2));
    image.format = row.text(3);
    image.width = row.integer(4);
    image.height = row.integer(5);
    image.channels = row.integer(6);
    image.bitDepth = row.integer(7);
    image.fileSize = row.int64(8);
    image.mtimeMs = row.int64(9);
    image.status = ImageStatus(row.integer(10));
    image.message = row.text(11);
    image.referenceClass = ReferenceClassId(row.isNull(12) ? 0 : row.int64(12));
    return image;
}

std::vector<ImageRecord> ImageTable::all()
{
    std::vector<ImageRecord> images;
    Statement query = m_db.prepare(selectWhere("ORDER BY id").constData());
    while (query.step())
        images.push_back(fromRow(query));
    return images;
}

std::optional<ImageRecord> ImageTable::find(ImageId id)
{
    Statement query = m_db.prepare(selectWhere("WHERE id = ?1").constData());
    query.bind(1, id.value);
    if (!query.step())
        return std::nullopt;
    return fromRow(query);
}

std::optional<ImageRecord> ImageTable::findByPath(const QString &relativePath)
{
    Statement query = m_db.prepare(selectWhere("WHERE path = ?1").constData());
    query.bind(1, relativePath);
    if (!query.step())
        return std::nullopt;
    return fromRow(query);
}

ImageId ImageTable::insert(const ImageRecord &image, qint64 addedAtMs)
{
    if (!m_insert) {
        m_insert = std::make_unique<Statement>(m_db,
            "INSERT INTO images(path, split, format, width, height, channels, bit_depth, file_size, mtime_ms, "
            "status, message, reference_class_id, added_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
            "?13)");
    }
    m_insert->reset();
    bindContent(*m_insert, image);
    m_insert->bind(13, addedAtMs);
    m_insert->run();
    return ImageId(m_db.lastInsertRowId());
}

void ImageTable::update(const ImageRecord &image)
{
    if (!m_update) {
        m_update = std::make_unique<Statement>(m_db,
            "UPDATE images SET path = ?1, split = ?2, format = ?3, width = ?4, height = ?5, channels = ?6, "
            "bit_depth = ?7, file_size = ?8, mtime_ms = ?9, status = ?10, message = ?11, reference_class_id = ?12 "
            "WHERE id = ?13");
    }
    m_update->reset();
    bindContent(*m_update, image);
    m_update->bind(13, image.id.value);
    m_update->run();
}

void ImageTable::setStatus(ImageId id, ImageStatus status, const QString &message)
{
    Statement statement = m_db.prepare("UPDATE images SET status = ?1, message = ?2 WHERE id = ?3");
    statement.bind(1, int(status));
    if (message.isEmpty())
        statement.bindNull(2);
    else
        statement.bind(2, message);
    statement.bind(3, id.value).run();
}

ReferenceClassId ImageTable::ensureReferenceClass(const QString &name)
{
    const auto cached = m_referenceCache.constFind(name);
    if (cached != m_referenceCache.constEnd())
        return *cached;
    Statement insert = m_db.prepare("INSERT INTO reference_classes(name) VALUES(?1) ON CONFLICT(name) DO NOTHING");
    insert.bind(1, name).run();
    Statement query = m_db.prepare("SELECT id FROM reference_classes WHERE name = ?1");
    query.bind(1, name).step();
    const ReferenceClassId id(query.int64(0));
    m_referenceCache.insert(name, id);
    return id;
}

QHash<ReferenceClassId, QString> ImageTable::referenceClassNames()
{
    QHash<ReferenceClassId, QString> names;
    Statement query = m_db.prepare("SELECT id, name FROM reference_classes");
    while (query.step())
        names.insert(ReferenceClassId(query.int64(0)), query.text(1));
    return names;
}

} // namespace semiprune

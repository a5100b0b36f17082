#include "storage/healthtable.h"

#include "storage/database.h"
#include "storage/statement.h"

#include <QByteArray>

#include <cstring>

namespace semiprune {

// SQLite integers are signed 64-bit: the pixel hash is stored as its two's-complement bit pattern.

ImageHealthTable::ImageHealthTable(Database &db) : m_db(db) { }

namespace {

constexpr const char *kColumns = "SELECT image_id, file_size, mtime_ms, pixels, thumbnail, darkest, brightest, "
                                 "sharpness, entropy, structure, gray FROM image_health";

// The row's entry; false when its thumbnail was not written by this version.
bool readEntry(const Statement &query, ImageHealthTable::Entry &entry)
{
    entry.image = ImageId { query.int64(0) };
    entry.fileSize = query.int64(1);
    entry.mtimeMs = query.int64(2);
    entry.hash.pixels = std::uint64_t(query.int64(3));
    if (query.blobSize(4) != int(entry.hash.thumbnail.size()))
        return false;
    std::memcpy(entry.hash.thumbnail.data(), query.blobData(4), entry.hash.thumbnail.size());
    entry.quality.darkest = float(query.real(5));
    entry.quality.brightest = float(query.real(6));
    entry.quality.sharpness = float(query.real(7));
    entry.quality.entropy = float(query.real(8));
    entry.quality.structure = float(query.real(9));
    entry.quality.gray = query.integer(10) != 0;
    return true;
}

} // namespace

QHash<ImageId, ImageHealthTable::Entry> ImageHealthTable::all()
{
    QHash<ImageId, Entry> entries;
    Statement query = m_db.prepare(kColumns);
    while (query.step()) {
        Entry entry;
        if (!readEntry(query, entry))
            continue; // measured again
        entries.insert(entry.image, entry);
    }
    return entries;
}

std::optional<ImageHealthTable::Entry> ImageHealthTable::find(ImageId image)
{
    Statement query = m_db.prepare((QByteArray(kColumns) + " WHERE image_id = ?1").constData());
    query.bind(1, image.value);
    Entry entry;
    if (query.step() && readEntry(query, entry))
        return entry;
    return std::nullopt;
}

std::pair<qint64, qint64> ImageHealthTable::measuredAndGray()
{
    Statement query = m_db.prepare("SELECT count(*), coalesce(sum(gray), 0) FROM image_health");
    query.step();
    return { query.int64(0), query.int64(1) };
}

void ImageHealthTable::put(const Entry &entry)
{
    m_db.prepare(
            "INSERT OR REPLACE INTO image_health (image_id, file_size, mtime_ms, pixels, thumbnail, darkest, "
            "brightest, sharpness, entropy, structure, gray) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
        .bind(1, entry.image.value)
        .bind(2, entry.fileSize)
        .bind(3, entry.mtimeMs)
        .bind(4, qint64(entry.hash.pixels))
        .bind(5, entry.hash.thumbnail.data(), int(entry.hash.thumbnail.size()))
        .bind(6, double(entry.quality.darkest))
        .bind(7, double(entry.quality.brightest))
        .bind(8, double(entry.quality.sharpness))
        .bind(9, double(entry.quality.entropy))
        .bind(10, double(entry.quality.structure))
        .bind(11, entry.quality.gray ? 1 : 0)
        .run();
}

} // namespace semiprune

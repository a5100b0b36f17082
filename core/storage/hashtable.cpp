#include "storage/hashtable.h"

#include "storage/database.h"
#include "storage/statement.h"

#include <cstring>

namespace semiprune {

// SQLite integers are signed 64-bit: the pixel hash is stored as its two's-complement bit pattern.

ImageHashTable::ImageHashTable(Database &db) : m_db(db) { }

QHash<ImageId, ImageHashTable::Entry> ImageHashTable::all()
{
    QHash<ImageId, Entry> entries;
    Statement query = m_db.prepare("SELECT image_id, file_size, mtime_ms, pixels, thumbnail FROM image_hashes");
    while (query.step()) {
        Entry entry;
        entry.image = ImageId { query.int64(0) };
        entry.fileSize = query.int64(1);
        entry.mtimeMs = query.int64(2);
        entry.hash.pixels = std::uint64_t(query.int64(3));
        if (query.blobSize(4) != int(entry.hash.thumbnail.size()))
            continue; // not written by this version: hashed again
        std::memcpy(entry.hash.thumbnail.data(), query.blobData(4), entry.hash.thumbnail.size());
        entries.insert(entry.image, entry);
    }
    return entries;
}

void ImageHashTable::put(const Entry &entry)
{
    m_db.prepare("INSERT OR REPLACE INTO image_hashes (image_id, file_size, mtime_ms, pixels, thumbnail) "
                 "VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(1, entry.image.value)
        .bind(2, entry.fileSize)
        .bind(3, entry.mtimeMs)
        .bind(4, qint64(entry.hash.pixels))
        .bind(5, entry.hash.thumbnail.data(), int(entry.hash.thumbnail.size()))
        .run();
}

} // namespace semiprune

#pragma once

#include "common/ids.h"
#include "health/imagehash.h"

#include <QHash>

namespace semiprune {

class Database;

// The stored fingerprints of the images (health/imagehash.h), each with the file size and time it
// was computed from. Same thread rules as its Database.
class ImageHashTable final {
public:
    struct Entry {
        ImageId image;
        qint64 fileSize = 0;
        qint64 mtimeMs = 0;
        ImageHash hash;
    };

    explicit ImageHashTable(Database &db);

    QHash<ImageId, Entry> all();
    void put(const Entry &entry); // inserts or replaces the image's entry

private:
    Database &m_db;
};

} // namespace semiprune

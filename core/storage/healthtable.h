#pragma once

#include "common/ids.h"
#include "health/imagehash.h"
#include "health/imagequality.h"

#include <QHash>

#include <optional>
#include <utility>

namespace semiprune {

class Database;

// What the health pass measured in each image (fingerprints and audit measures), with the file size
// and time it was measured from. Same thread rules as its Database.
class ImageHealthTable final {
public:
    struct Entry {
        ImageId image;
        qint64 fileSize = 0;
        qint64 mtimeMs = 0;
        ImageHash hash;
        ImageQuality quality;
    };

    explicit ImageHealthTable(Database &db);

    QHash<ImageId, Entry> all();
    std::optional<Entry> find(ImageId image);
    // How many images have measures, and how many of those are gray.
    std::pair<qint64, qint64> measuredAndGray();
    void put(const Entry &entry); // inserts or replaces the image's entry

private:
    Database &m_db;
};

} // namespace semiprune

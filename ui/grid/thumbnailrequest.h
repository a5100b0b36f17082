#pragma once

#include "common/ids.h"

#include <QHashFunctions>
#include <QString>

namespace semiprune::ui {

// One thumbnail to make: which image, where its file is, and at what size. The loader keeps at
// most one request per (image, size), however often it is asked for.
struct ThumbnailRequest {
    ImageId image;
    QString absolutePath;
    QString relativePath; // the disk cache's key
    int size = 0; // the longest side, in device pixels
};

// Identifies a thumbnail in the pixmap cache and in the loader's queue.
struct ThumbnailId {
    qint64 image = 0;
    int size = 0;

    friend bool operator==(const ThumbnailId &a, const ThumbnailId &b)
    {
        return a.image == b.image && a.size == b.size;
    }
    friend bool operator!=(const ThumbnailId &a, const ThumbnailId &b) { return !(a == b); }
};

inline size_t qHash(const ThumbnailId &id, size_t seed = 0) noexcept
{
    return qHashMulti(seed, id.image, id.size);
}

inline ThumbnailId thumbnailIdOf(const ThumbnailRequest &request)
{
    return ThumbnailId { request.image.value, request.size };
}

} // namespace semiprune::ui

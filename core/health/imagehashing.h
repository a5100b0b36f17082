#pragma once

#include "health/duplicates.h"

#include <QString>

#include <utility>
#include <vector>

namespace semiprune {

class JobContext;
class Project;

struct HashingReport {
    qint64 hashed = 0; // decoded and hashed now
    qint64 reused = 0; // stored fingerprints still current (same file size and time)
    qint64 undecodable = 0; // readable headers whose pixels could not be decoded
    std::vector<std::pair<QString, QString>> problems; // (path, why), the first few
    double seconds = 0.0;
    // Every hashed image of the project (unreadable and missing ones left out), in id order.
    std::vector<HashedImage> images;
};

// Brings the fingerprints of every readable image up to date: images without stored fingerprints,
// or whose file changed since, are decoded on the worker pool and hashed (health/imagehash.h).
// The fingerprints are stored in the project unless it is read-only; a read-only project gets them
// computed for this call alone. Cancellable between chunks; what was stored stays.
HashingReport hashProjectImages(Project &project, JobContext &job);

} // namespace semiprune

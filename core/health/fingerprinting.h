#pragma once

#include "health/duplicates.h"
#include "health/imagequality.h"

#include <QList>
#include <QString>

#include <map>

#include <utility>
#include <vector>

namespace semiprune {

class JobContext;
class Project;

// One readable image as the health pass saw it.
struct MeasuredImage {
    qint64 id = 0;
    QString path;
    Split split = Split::Train;
    int width = 0;
    int height = 0;
    ImageHash hash;
    ImageQuality quality;
};

struct FingerprintReport {
    qint64 measured = 0; // decoded and measured now
    qint64 reused = 0; // stored measures still current (same file size and time)
    qint64 undecodable = 0; // readable headers whose pixels could not be decoded
    std::vector<std::pair<QString, QString>> problems; // (path, why), the first few
    double seconds = 0.0;
    // Every measured image of the project (unreadable and missing ones left out), in id order.
    std::vector<MeasuredImage> images;

    // The images as the duplicate search takes them, in the same order.
    std::vector<HashedImage> hashed() const;
    // Whether most images are color (so a gray one is odd).
    bool colorSet() const;
};

// The image audit over a measured project: each image's issues (in `images` order) and how many
// images have each issue, judged with the set's own color majority.
struct AuditResult {
    bool colorSet = false;
    std::vector<QList<QualityIssue>> issues;
    std::map<QualityIssue, qint64> counts;
    qint64 flagged = 0; // images with at least one issue
};
AuditResult auditImages(const FingerprintReport &health, const QualityThresholds &thresholds = {});

// Brings the health measures of every readable image up to date: images without stored measures,
// or whose file changed since, are decoded on the worker pool, fingerprinted (health/imagehash.h)
// and measured (health/imagequality.h). Stored in the project unless it is read-only; a read-only
// project gets them for this call alone. Cancellable between chunks; what was stored stays.
FingerprintReport fingerprintImages(Project &project, JobContext &job);

} // namespace semiprune

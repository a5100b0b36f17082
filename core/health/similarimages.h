#pragma once

#include "common/ids.h"
#include "similarity/featurematrix.h"

#include <vector>

namespace semiprune {

class JobContext;
class Project;

// "More like this": the images nearest to one or more given ones.
struct SimilarImage {
    ImageId image;
    float distance = 0; // to the nearest of the given images
};

struct SimilarImages {
    // Features: what the newest proxy run's network sees in the images (distance between unit-length
    // feature vectors, 0 to 2); run says which. Thumbnails: before any run, the 8 x 8 thumbnails of
    // the health pass (health/imagehash.h).
    enum class Source { Features, Thumbnails };
    Source source = Source::Thumbnails;
    RunId run;
    std::vector<SimilarImage> images; // nearest first, never one of the given images
};

// The `count` rows of `unit` (unit-length rows) nearest to any of the rows `given`, nearest first,
// ties to the lower row, the given rows left out. One query against N rows is an exact scan of N x D
// multiply-adds (9 million for 70,000 images of 128 features: milliseconds), faster than building
// an index for it and without an index's misses. Returns (row, distance) pairs.
std::vector<std::pair<int, float>> nearestRows(const FeatureMatrix &unit, const std::vector<int> &given, int count);

// Uses the newest finished proxy run with stored features, else the stored thumbnails (measuring the
// images that have none yet, as `fingerprintImages` does). Throws Error for an image that the source
// does not cover (not in the newest run, unreadable), naming it, and for count < 1.
SimilarImages findSimilarImages(Project &project, const std::vector<ImageId> &given, int count, JobContext &job);

} // namespace semiprune

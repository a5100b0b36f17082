#pragma once

#include "health/imagehash.h"
#include "storage/records.h"

#include <vector>

namespace semiprune {

// One image as the duplicate search sees it: its fingerprints and its split.
struct HashedImage {
    qint64 id = 0; // the caller's key (the project's image id), reported back as is
    Split split = Split::Train;
    ImageHash hash;
};

// Images that are copies of one another. members index the input, in input order.
struct DuplicateGroup {
    std::vector<int> members;
    bool exact = false; // every member has the same pixels
    float largestDistance = 0; // the largest thumbnail distance of a member from the group's first
};

// An image of the test or validation split with a copy among the training images: a model tested
// on it has, in effect, seen it.
struct SplitLeak {
    int heldOut = 0; // index of the val/test image
    int train = 0; // index of its closest training copy
    float distance = 0; // thumbnail distance (0 for the same pixels)
};

struct DuplicateReport {
    std::vector<DuplicateGroup> exactGroups; // same pixels; largest first
    // Near copies (exact ones included) whose members do not all have the same pixels; largest first.
    std::vector<DuplicateGroup> nearGroups;
    std::vector<SplitLeak> leaks; // one per leaking held-out image, by index
    float maxDistance = 0;
    // The images beyond the first of every group: what removing the copies would save.
    qint64 redundantImages = 0;
};

// The thumbnail distance up to which two images count as near copies by default. Re-encoded,
// resized and brightened copies stay within it; on Fashion-MNIST 1 % of the images have an
// unrelated image this close (docs/data-health.md has the measurements).
constexpr float kDefaultNearDistance = 0.08f;
constexpr float kLargestNearDistance = 0.5f;

// Exact groups by equal pixel hashes. Near copies from each image's nearest thumbnails (an HNSW
// index, similarity/knngraph.h): in image order, an image not yet in a group starts one and takes in
// its neighbours within maxDistance that are in none yet, so a group never chains unrelated images
// together through intermediate ones (its members are within maxDistance of its first). A held-out
// image leaks when any training image is within maxDistance. Deterministic for the same input.
// maxDistance in [0, kLargestNearDistance], else Error.
DuplicateReport findDuplicates(const std::vector<HashedImage> &images, float maxDistance = kDefaultNearDistance);

} // namespace semiprune

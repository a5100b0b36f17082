#pragma once

#include "similarity/featurematrix.h"

#include <vector>

namespace semiprune {

// Which images a person should label next, after a run: uncertain ones, where a label teaches the
// model most (the smallest margin between the two most likely classes), spread over the data so
// that a batch does not spend its labels on one confusing corner (k-center greedy over the proxy
// network's features, as in core-set active learning: each next image is the candidate farthest
// from every image already labeled or suggested). Images already labeled are never suggested.
//
// margins: the top-1 minus top-2 probability per image; features: one row per image; labeled: one
// flag per image. The candidates are the candidateFactor * count most uncertain unlabeled images.
// Returns up to `count` image indices in the order they should be labeled. Deterministic (ties go
// to the more uncertain image). Throws Error on mismatched inputs or count < 1.
std::vector<int> suggestImagesToLabel(const std::vector<double> &margins, const FeatureMatrix &features,
    const std::vector<bool> &labeled, int count, int candidateFactor = 4);

} // namespace semiprune

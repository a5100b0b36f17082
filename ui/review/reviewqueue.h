#pragma once

#include "grid/griddata.h"

#include <vector>

namespace semiprune::ui {

// Which pseudo-labels the review shows first.
enum class ReviewOrder {
    LeastConfident, // the model's least sure guesses first
    Hardest, // the lowest AUM first: where pseudo-label errors gather (method.md)
};

// The pseudo-labels waiting for a person: readable images with a pseudo-label and no human label,
// in review order (ties by image id, so the order is the same every time). Unscored images come
// last in the Hardest order. Runs over the plain rows: 100k rows take a few ms.
std::vector<ImageId> buildReviewQueue(const GridData &data, ReviewOrder order);

} // namespace semiprune::ui

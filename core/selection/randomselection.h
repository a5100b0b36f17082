#pragma once

#include "selection/selection.h"

#include <cstdint>
#include <vector>

namespace semiprune {

// The baseline every method is measured against: a uniform random subset of floor(r N) images
// (seeded, the same on every platform). Forced images are kept and take places of the budget; the
// others are drawn among the rest. Kept images come in draw order, the others are
// DroppedNotSampled. Throws Error unless 0 < r < 1, or on a wrong-sized forced list.
Selection selectRandom(int imageCount, double keepRatio, std::uint64_t seed, const std::vector<bool> &forced = {});

} // namespace semiprune

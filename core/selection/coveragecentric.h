#pragma once

#include "scoring/scores.h"
#include "selection/selection.h"

#include <cstdint>
#include <vector>

namespace semiprune {

// The stratum count of the CCS paper (Zheng et al., ICLR 2023).
constexpr int kDefaultCcsStrata = 50;

// Coverage-centric coreset selection (CCS): drop the floor(beta N) hardest images, split the score
// range [min, max] of the rest into `strataCount` equal-width strata (the maximum belongs to the
// last; a range of one value is one stratum), give each stratum a quota with allocateStrata() and
// draw that many images uniformly inside it (seeded). The budget is floor(r N). Rather than keeping
// only hard images it covers the whole range of difficulty, which is what holds up at high pruning
// rates.
//
// Forced images are exempt from the hard cutoff as in selectHardCutoff (the cutoff zone is counted
// over all images), stay out of the strata and take places of the budget. Dropped images that were
// eligible are DroppedNotSampled; kept images come in draw order, strata in allocation order.
//
// Throws Error unless 0 < r < 1, 0 <= beta < 1 - r and strataCount >= 1, or on a wrong-sized input
// or a non-finite score.
Selection selectCoverageCentric(const std::vector<double> &scores, HardEnd hardEnd, double keepRatio, double beta,
    std::uint64_t seed, const std::vector<bool> &forced = {}, int strataCount = kDefaultCcsStrata);

// CCS's quota per stratum: visit the strata from the smallest count to the largest (ties in stratum
// order) and give each min(count, budget left / strata left), rounding down. Small strata are taken
// whole and what they leave goes to the large ones, so the total is min(budget, sum of counts).
std::vector<int> allocateStrata(const std::vector<int> &counts, int budget);

} // namespace semiprune

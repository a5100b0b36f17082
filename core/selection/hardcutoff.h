#pragma once

#include "scoring/scores.h"
#include "selection/selection.h"

#include <vector>

namespace semiprune {

// The SemiPrune default (method.md stage 6): rank the images from the hardest to the easiest
// (hardestFirst: ties in index order), drop the first floor(beta N) as too hard (likely ambiguous
// or mislabeled), keep the next floor(r N), drop the rest as too easy. Deterministic.
//
// Forced images: the cutoff zone is the first floor(beta N) positions of the ranking of all
// images, so it stays at the same score whatever is forced. A forced image is kept even inside that
// zone, and every forced image takes one place of the budget: the kept window then runs from the
// cutoff over budget - forced non-forced images, and more of the easy end is dropped.
//
// Throws Error unless 0 < r < 1 and 0 <= beta < 1 - r, or when an input has the wrong size or a
// score is not finite.
Selection selectHardCutoff(const std::vector<double> &scores, HardEnd hardEnd, double keepRatio, double beta,
    const std::vector<bool> &forced = {});

// The same rule applied within each class (labels: one class id per image, any integers), so the
// coreset keeps the class proportions of the pool rather than losing whole classes whose images are
// all easy or all hard. A class of n_c images drops its floor(beta n_c) hardest and keeps
// floor(r n_c); the keep places these floors leave out of floor(r N) go one each to the classes with
// the largest remainders r n_c - floor(r n_c) (ties to the smaller class id). That total is exactly
// floor(r N), one extra place always fits in a class because beta < 1 - r, and no class is more
// than one image away from r n_c. Forced images follow the rule of selectHardCutoff within their
// class; only a class with more forced images than places makes the total exceed floor(r N).
// Kept images come hardest first across all classes.
Selection selectClassAwareHardCutoff(const std::vector<double> &scores, const std::vector<int> &labels, HardEnd hardEnd,
    double keepRatio, double beta, const std::vector<bool> &forced = {});

} // namespace semiprune

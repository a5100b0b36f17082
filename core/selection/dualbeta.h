#pragma once

#include "selection/selection.h"

#include <cstdint>
#include <vector>

namespace semiprune {

// The exponent c of DUAL's pruning-rate schedule; the DUAL paper (ICML 2025) uses about 3-4.
constexpr double kDefaultDualBetaExponent = 4.0;

// The Beta distribution DUAL-Beta samples along: anchor a = the mean confidence mu of the 10 images
// with the highest DUAL score (ties in index order; all images when there are fewer),
// beta = 15 (1 - a)(1 - rho^c), alpha = 16 - beta, with rho = 1 - r the pruning rate. The higher the
// pruning rate, the more the density moves toward confident (easier) images.
struct DualBetaShape {
    double anchor = 0.0;
    double alpha = 0.0;
    double beta = 0.0;
};

// Inputs as for selectDualBeta(); throws Error on empty or mismatched inputs or a bad r or c.
DualBetaShape dualBetaShape(const std::vector<double> &dual, const std::vector<double> &meanConfidence,
    double keepRatio, double exponent = kDefaultDualBetaExponent);

// The sampling weights w_i = BetaPDF(mu_i; alpha, beta) * DUAL_i. mu is clamped into
// [1e-6, 1 - 1e-6] first (here and for the anchor), so the density stays finite at 0 and 1.
std::vector<double> dualBetaWeights(const std::vector<double> &dual, const std::vector<double> &meanConfidence,
    double keepRatio, double exponent = kDefaultDualBetaExponent);

// DUAL-Beta sampling: draws floor(r N) images without replacement, each draw with probability
// proportional to its weight among the images left. `dual` are the DUAL scores, `meanConfidence`
// the mu of dualMeanConfidence() with the same horizon T. Images of weight 0 (a flat confidence
// trajectory) are drawn only when the images of positive weight run out, and then uniformly.
// Forced images are kept, take places of the budget and are not drawn; they still count for the
// anchor, which describes the data, not the draw. Kept images come in draw order; the others are
// DroppedNotSampled. Throws Error unless 0 < r < 1 and c > 0, on mismatched inputs, a negative or
// non-finite DUAL score or a non-finite mu.
Selection selectDualBeta(const std::vector<double> &dual, const std::vector<double> &meanConfidence, double keepRatio,
    std::uint64_t seed, const std::vector<bool> &forced = {}, double exponent = kDefaultDualBetaExponent);

} // namespace semiprune

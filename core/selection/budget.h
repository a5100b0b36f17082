#pragma once

namespace semiprune {

// How many images a selection keeps and how many it drops as too hard, on a pool of N images:
// keepCount = floor(r N) for the keep ratio r, hardDropCount = floor(beta N) for the hard-cutoff
// rate beta. 0 <= beta < 1 - r guarantees hardDropCount + keepCount <= N.
struct Budget {
    int keepCount = 0;
    int hardDropCount = 0;

    // Throws Error naming the values unless 0 < r < 1 and 0 <= beta < 1 - r.
    static Budget of(int imageCount, double keepRatio, double beta);
    // For the selectors without a hard cutoff; throws Error unless 0 < r < 1.
    static Budget of(int imageCount, double keepRatio);
};

// floor(fraction * count), except that a product a hair below an integer through binary rounding
// counts as that integer: 0.29 * 100 is 28.999999999999996 in doubles, and a user asking for 29 %
// of 100 images means 29.
int floorCount(double fraction, int count);

// The hard-cutoff rate the paper chose for a keep ratio: r 0.7 -> 0.1, 0.5 -> 0.2, 0.3 -> 0.4,
// 0.2 -> 0.5, 0.1 -> 0.6, linear in between and constant beyond the ends, except that above
// r = 0.8 the constant 0.1 would leave no room for the kept images as r nears 1, so there it is
// (1 - r) / 2. Every value is below 1 - r (by at least 0.2 inside the table). Throws Error unless
// 0 < r < 1.
double defaultBetaFor(double keepRatio);

} // namespace semiprune

#pragma once

#include "scoring/scores.h"
#include "selection/selection.h"
#include "similarity/featurematrix.h"

#include <vector>

namespace semiprune {

// The knobs of selectDiverseCoverage(). The graph is the D2-pruning paper's (k = 10, weights
// exp(-gamma d)); distances d are measured in units of the graph's median edge, so gamma = 1 means
// the same on every data set and network.
struct DiverseCoverageOptions {
    int neighbours = 10; // k of the nearest-neighbour graph
    double forwardGamma = 1.0; // how much a neighbour's difficulty adds to an image's importance
    double reverseGamma = 1.0; // how much choosing an image lowers its neighbours' importance
    // The share of an image's own importance that comes from its difficulty rank; the rest is the
    // same for every image. 1 is the paper's pure difficulty, under which the easiest regions of
    // the data can go empty; 0 is pure coverage. Half and half keeps difficulty in the lead while
    // every region of the data stays worth a visit.
    double difficultyWeight = 0.5;
    // Each class keeps at least this share of its proportional place (classFloor * r * n_c images,
    // at least one), so no class disappears from the coreset; 0 lets classes vanish.
    double classFloor = 0.5;
};

// Difficulty and coverage together, after D2-pruning (Maharana, Yadav and Bansal, ICLR 2024):
// the images form a k-nearest-neighbour graph by their features (what the proxy network sees in
// them). As in the hard cutoff and CCS, the floor(beta N) hardest images are dropped first as likely
// mislabeled. Each remaining image gets an importance: its difficulty rank among them (1 for the
// hardest, near 0 for the easiest; tempered by difficultyWeight) plus its neighbours' importances
// weighted by exp(-gamma d)
// (forward message passing: hard regions of the data, not lone hard images, rank high). Then it
// chooses greedily: the most important image is kept and its neighbours lose importance in
// proportion to it and to their closeness (reverse message passing), so the next choice comes from
// another region. With much kept it behaves like the cutoff; with little kept it spreads over the
// whole data, easy regions included, which is where a hard-only coreset fails.
//
// classes: one class per image (the (pseudo-)labels); the floor per class is met first from that
// class's own images outside the hard zone (fewer only if it has fewer). The budget is floor(r N);
// forced images are kept, count for their class's floor and take places of the budget, as in every
// selector. Reasons: DroppedHard in the hard zone, DroppedCovered for the rest not chosen. Kept images
// come in the order chosen. Deterministic.
//
// Throws Error unless 0 < r < 1, 0 <= beta < 1 - r, features has one row per image, classes one
// entry per image, neighbours >= 1, the gammas and the floor are >= 0, and the scores are finite.
Selection selectDiverseCoverage(const std::vector<double> &scores, HardEnd hardEnd, const FeatureMatrix &features,
    const std::vector<int> &classes, double keepRatio, double beta, const std::vector<bool> &forced = {},
    const DiverseCoverageOptions &options = {});

} // namespace semiprune

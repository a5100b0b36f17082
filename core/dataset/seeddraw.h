#pragma once

#include "common/ids.h"

#include <QString>

#include <optional>
#include <vector>

namespace semiprune {

class Database;

struct SeedItem {
    ImageId image;
    SeedDrawId draw;
    int position = 0; // order within the whole seed, for walking through it
    bool skipped = false;
    ClassId label; // the human label, when it has one

    bool pending() const { return !skipped && !label.isValid(); } // still waits for a label
};

struct SeedDrawResult {
    SeedDrawId draw;
    std::vector<ImageId> images; // in the order to label them
};

// Draws `count` images to label: uniformly at random among the training images that are readable,
// unlabeled and not drawn before (so a seed grows by further draws and never repeats an image), or,
// when `balanced`, an equal share per hidden reference class (the benchmark setting). Reproducible:
// the same project state and rng seed give the same images. Recorded in the project. Throws Error
// for a count < 1, or when fewer eligible images remain than asked for, or `balanced` without
// reference labels.
SeedDrawResult drawSeed(Database &db, int count, quint64 rngSeed, bool balanced);

// The first draw recorded with these arguments, if there is one. A new draw never repeats an
// image, so a benchmark resuming a repetition takes its seed from here to label the same images.
std::optional<SeedDrawResult> findSeedDraw(Database &db, int count, quint64 rngSeed, bool balanced);

// Adds images chosen elsewhere (the suggestions of what to label next) to the seed as one draw, in
// the given order, the first `count` of them that could be drawn at all: readable training images
// without a label, not in the seed yet. Recorded with rng seed -1 (chosen, not drawn at random).
// Returns what was added (fewer than `count` when the list runs out); throws Error for count < 1.
SeedDrawResult addChosenToSeed(Database &db, const std::vector<ImageId> &images, int count);

// Marks a seed image as skipped ("not sure") and draws one replacement into the same draw.
// Returns the replacement, or nothing when no eligible image is left.
std::optional<ImageId> skipSeedImage(Database &db, ImageId image, quint64 rngSeed);

std::vector<SeedItem> seedItems(Database &db);

} // namespace semiprune

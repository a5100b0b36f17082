#pragma once

#include <cstdint>
#include <vector>

namespace semiprune {

// Why an image is in or out of a coreset, so the application can tell the user why an image was
// pruned. The values are stored in the project file: add new ones at the end, never renumber.
enum class SelectionReason : std::uint8_t {
    Kept = 0,
    DroppedHard = 1, // beyond the hard cutoff: likely ambiguous or mislabeled
    DroppedEasy = 2, // easier than every kept image: outside the budget
    DroppedNotSampled = 3, // eligible, but a sampling selector did not draw it
    DroppedCovered = 4, // eligible, but a similar kept image stands for it (the diversity selector)
};

// What a selector returns.
struct Selection {
    // The kept images: the forced ones first (ascending index), then the selector's own choices in
    // the order it made them (hardest first for the cutoffs, draw order for the samplers).
    std::vector<int> kept;
    // One reason per image, in image order.
    std::vector<SelectionReason> reasons;
};

} // namespace semiprune

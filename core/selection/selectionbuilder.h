#pragma once

#include "selection/selection.h"

#include <vector>

namespace semiprune {

// Assembles a Selection under the rule every selector shares for forced images (the labeled seed,
// when the user forces it in): a forced image is always kept, whatever its score, and counts toward
// the budget, so the selector chooses only budget - forcedCount() further images. When more images
// are forced than the budget holds, all of them are kept and nothing else. A selector marks the
// reasons of the images it drops and hands its choices, in order, to finish().
class SelectionBuilder final {
public:
    // `forced` is empty (nothing forced) or holds one flag per image; throws Error otherwise.
    // Images neither chosen nor dropped explicitly end with `unchosenReason`.
    SelectionBuilder(int imageCount, const std::vector<bool> &forced, SelectionReason unchosenReason);

    int imageCount() const { return int(m_selection.reasons.size()); }
    bool isForced(int image) const { return !m_forced.empty() && m_forced[std::size_t(image)]; }
    int forcedCount() const { return int(m_selection.kept.size()); }
    // What is left of `budget` for the selector's own choices.
    int remaining(int budget) const { return budget > forcedCount() ? budget - forcedCount() : 0; }

    // Only for images that are not forced.
    void drop(int image, SelectionReason reason);

    // `chosen`: the selector's picks, none of them forced, in the order it made them.
    Selection finish(const std::vector<int> &chosen);

private:
    std::vector<bool> m_forced;
    Selection m_selection;
};

} // namespace semiprune

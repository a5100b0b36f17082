#include "selection/randomselection.h"

#include "common/random.h"
#include "selection/budget.h"
#include "selection/selectionbuilder.h"

namespace semiprune {

Selection selectRandom(int imageCount, double keepRatio, std::uint64_t seed, const std::vector<bool> &forced)
{
    const Budget budget = Budget::of(imageCount, keepRatio);
    SelectionBuilder builder(imageCount, forced, SelectionReason::DroppedNotSampled);
    std::vector<int> candidates;
    for (int image = 0; image < imageCount; ++image)
        if (!builder.isForced(image))
            candidates.push_back(image);
    const int wanted = builder.remaining(budget.keepCount);
    SelectionRng rng(seed);
    rng.partialShuffle(candidates, std::size_t(wanted));
    candidates.resize(std::size_t(wanted));
    return builder.finish(candidates);
}

} // namespace semiprune

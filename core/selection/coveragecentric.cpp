#include "selection/coveragecentric.h"

#include "common/error.h"
#include "common/random.h"
#include "selection/budget.h"
#include "selection/selectionbuilder.h"

#include <QCoreApplication>
#include <QString>

#include <algorithm>
#include <numeric>

namespace semiprune {

namespace {

// The strata in the order allocateStrata() visits them: ascending count, ties in stratum order.
std::vector<int> visitOrder(const std::vector<int> &counts)
{
    std::vector<int> order(counts.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(
        order.begin(), order.end(), [&](int a, int b) { return counts[std::size_t(a)] < counts[std::size_t(b)]; });
    return order;
}

} // namespace

std::vector<int> allocateStrata(const std::vector<int> &counts, int budget)
{
    std::vector<int> quotas(counts.size(), 0);
    const std::vector<int> order = visitOrder(counts);
    int left = std::max(0, budget);
    for (std::size_t visited = 0; visited < order.size(); ++visited) {
        const std::size_t stratum = std::size_t(order[visited]);
        const int strataLeft = int(order.size() - visited);
        quotas[stratum] = std::min(counts[stratum], left / strataLeft);
        left -= quotas[stratum];
    }
    return quotas;
}

Selection selectCoverageCentric(const std::vector<double> &scores, HardEnd hardEnd, double keepRatio, double beta,
    std::uint64_t seed, const std::vector<bool> &forced, int strataCount)
{
    if (strataCount < 1)
        throw Error(
            QCoreApplication::translate("Selection", "CCS needs at least one stratum, not %1.").arg(strataCount));
    const int imageCount = int(scores.size());
    const Budget budget = Budget::of(imageCount, keepRatio, beta);
    SelectionBuilder builder(imageCount, forced, SelectionReason::DroppedNotSampled);

    // The pool: non-forced images past the hard zone, in index order so the draw does not depend on
    // how the ranking broke ties.
    const std::vector<int> ranking = hardestFirst(scores, hardEnd);
    std::vector<int> pool;
    for (std::size_t position = 0; position < ranking.size(); ++position) {
        const int image = ranking[position];
        if (builder.isForced(image))
            continue;
        if (position < std::size_t(budget.hardDropCount))
            builder.drop(image, SelectionReason::DroppedHard);
        else
            pool.push_back(image);
    }
    std::sort(pool.begin(), pool.end());

    std::vector<std::vector<int>> strata(static_cast<std::size_t>(strataCount));
    if (!pool.empty()) {
        const auto [low, high] = std::minmax_element(
            pool.begin(), pool.end(), [&](int a, int b) { return scores[std::size_t(a)] < scores[std::size_t(b)]; });
        const double lowScore = scores[std::size_t(*low)];
        const double range = scores[std::size_t(*high)] - lowScore;
        for (int image : pool) {
            const double offset = range > 0.0 ? (scores[std::size_t(image)] - lowScore) / range : 0.0;
            const int stratum = std::min(strataCount - 1, int(offset * strataCount));
            strata[std::size_t(stratum)].push_back(image);
        }
    }

    std::vector<int> counts;
    for (const std::vector<int> &members : strata)
        counts.push_back(int(members.size()));
    const std::vector<int> quotas = allocateStrata(counts, builder.remaining(budget.keepCount));

    SelectionRng rng(seed);
    std::vector<int> chosen;
    for (int stratum : visitOrder(counts)) {
        std::vector<int> &members = strata[std::size_t(stratum)];
        const std::size_t quota = std::size_t(quotas[std::size_t(stratum)]);
        rng.partialShuffle(members, quota);
        chosen.insert(chosen.end(), members.begin(), members.begin() + std::ptrdiff_t(quota));
    }
    return builder.finish(chosen);
}

} // namespace semiprune

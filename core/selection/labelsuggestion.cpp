#include "selection/labelsuggestion.h"

#include "common/error.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>
#include <numeric>

namespace semiprune {

namespace {

double squaredDistance(const float *a, const float *b, int dimension)
{
    double sum = 0;
    for (int d = 0; d < dimension; ++d) {
        const double diff = double(a[d]) - b[d];
        sum += diff * diff;
    }
    return sum;
}

} // namespace

std::vector<int> suggestImagesToLabel(const std::vector<double> &margins, const FeatureMatrix &features,
    const std::vector<bool> &labeled, int count, int candidateFactor)
{
    const int n = int(margins.size());
    if (features.count() != n || int(labeled.size()) != n)
        throw Error(QCoreApplication::translate(
            "Selection", "Suggesting images to label needs one margin, one feature row and one label flag per image."));
    if (count < 1 || candidateFactor < 1)
        throw Error(QCoreApplication::translate("Selection", "Ask for at least one image to label."));

    // The most uncertain unlabeled images are the candidates.
    std::vector<int> candidates;
    for (int i = 0; i < n; ++i) {
        if (!labeled[std::size_t(i)])
            candidates.push_back(i);
    }
    std::stable_sort(candidates.begin(), candidates.end(),
        [&](int a, int b) { return margins[std::size_t(a)] < margins[std::size_t(b)]; });
    const std::size_t pool = std::min(candidates.size(), std::size_t(count) * std::size_t(candidateFactor));
    candidates.resize(pool);
    if (candidates.empty())
        return {};

    // Each candidate's distance to the nearest labeled or already suggested image.
    const FeatureMatrix unit = features.normalized();
    std::vector<double> nearest(candidates.size(), std::numeric_limits<double>::infinity());
    for (int i = 0; i < n; ++i) {
        if (!labeled[std::size_t(i)])
            continue;
        for (std::size_t k = 0; k < candidates.size(); ++k)
            nearest[k] = std::min(nearest[k], squaredDistance(unit.row(i), unit.row(candidates[k]), unit.dimension));
    }
    std::vector<int> chosen;
    std::vector<bool> taken(candidates.size(), false);
    while (int(chosen.size()) < count && chosen.size() < candidates.size()) {
        // Farthest from everything known; with nothing labeled yet, the most uncertain comes first.
        std::size_t best = candidates.size();
        for (std::size_t k = 0; k < candidates.size(); ++k) {
            if (!taken[k] && (best == candidates.size() || nearest[k] > nearest[best]))
                best = k;
        }
        taken[best] = true;
        chosen.push_back(candidates[best]);
        for (std::size_t k = 0; k < candidates.size(); ++k)
            nearest[k] = std::min(
                nearest[k], squaredDistance(unit.row(candidates[best]), unit.row(candidates[k]), unit.dimension));
    }
    return chosen;
}

} // namespace semiprune

#include "selection/diversecoverage.h"

#include "common/error.h"
#include "selection/budget.h"
#include "selection/selectionbuilder.h"
#include "similarity/knngraph.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <map>
#include <queue>

namespace semiprune {

namespace {

void checkInputs(const std::vector<double> &scores, const FeatureMatrix &features, const std::vector<int> &classes,
    const DiverseCoverageOptions &options)
{
    const auto fail = [](const QString &message) { throw Error(message); };
    if (features.count() != int(scores.size()) || classes.size() != scores.size())
        fail(QCoreApplication::translate("Selection",
            "The diversity selector needs one feature row and one class per image (%1 images, %2 rows, %3 classes).")
                 .arg(scores.size())
                 .arg(features.count())
                 .arg(classes.size()));
    if (options.neighbours < 1 || !(options.forwardGamma >= 0) || !(options.reverseGamma >= 0)
        || !(options.classFloor >= 0) || !(options.difficultyWeight >= 0 && options.difficultyWeight <= 1))
        fail(QCoreApplication::translate("Selection",
            "The diversity selector needs at least one neighbour, non-negative weights and class floor, and a "
            "difficulty weight in [0, 1]."));
    for (double score : scores) {
        if (!std::isfinite(score))
            fail(QCoreApplication::translate("Selection", "A difficulty score is not a finite number."));
    }
}

// How many images each class must keep at least, forced ones included: classFloor * r * n_c rounded
// down, at least one, at most what the class has outside the hard zone (plus its forced images).
// When the floors together exceed the budget, the largest floors give way one image at a time.
std::map<int, int> classFloors(
    const std::vector<int> &classes, const std::vector<bool> &available, double keepRatio, double share, int budget)
{
    std::map<int, int> sizes, availableCount, floors;
    for (std::size_t i = 0; i < classes.size(); ++i) {
        ++sizes[classes[i]];
        availableCount[classes[i]] += available[i] ? 1 : 0;
    }
    if (share <= 0)
        return floors;
    int total = 0;
    for (const auto &[cls, size] : sizes) {
        const int wanted = std::max(1, floorCount(share * keepRatio, size));
        floors[cls] = std::min(wanted, availableCount[cls]);
        total += floors[cls];
    }
    while (total > budget) {
        auto largest = std::max_element(
            floors.begin(), floors.end(), [](const auto &a, const auto &b) { return a.second < b.second; });
        --largest->second;
        --total;
    }
    return floors;
}

double medianEdge(const std::vector<std::vector<KnnGraph::Neighbour>> &graph)
{
    std::vector<float> distances;
    for (const auto &list : graph) {
        for (const KnnGraph::Neighbour &n : list)
            distances.push_back(n.distance);
    }
    if (distances.empty())
        return 1.0;
    auto middle = distances.begin() + std::ptrdiff_t(distances.size() / 2);
    std::nth_element(distances.begin(), middle, distances.end());
    return *middle > 0 ? double(*middle) : 1.0;
}

} // namespace

Selection selectDiverseCoverage(const std::vector<double> &scores, HardEnd hardEnd, const FeatureMatrix &features,
    const std::vector<int> &classes, double keepRatio, double beta, const std::vector<bool> &forced,
    const DiverseCoverageOptions &options)
{
    checkInputs(scores, features, classes, options);
    const int imageCount = int(scores.size());
    const Budget budget = Budget::of(imageCount, keepRatio, beta);
    SelectionBuilder builder(imageCount, forced, SelectionReason::DroppedCovered);

    // The hard zone is counted over all images, as in the hard cutoff; the rest is eligible, in
    // order of difficulty (hardest first).
    const std::vector<int> ranking = hardestFirst(scores, hardEnd);
    std::vector<int> eligible;
    std::vector<bool> available(std::size_t(imageCount), false); // eligible or forced: may count for a floor
    for (std::size_t position = 0; position < ranking.size(); ++position) {
        const int image = ranking[position];
        if (builder.isForced(image)) {
            available[std::size_t(image)] = true;
        } else if (position < std::size_t(budget.hardDropCount)) {
            builder.drop(image, SelectionReason::DroppedHard);
        } else {
            eligible.push_back(image);
            available[std::size_t(image)] = true;
        }
    }
    const int places = builder.remaining(budget.keepCount);
    std::map<int, int> need = classFloors(classes, available, keepRatio, options.classFloor, budget.keepCount);
    for (int image = 0; image < imageCount; ++image) {
        if (builder.isForced(image) && need.count(classes[std::size_t(image)]))
            --need[classes[std::size_t(image)]];
    }
    int needed = 0;
    for (auto &[cls, count] : need) {
        count = std::max(0, count);
        needed += count;
    }
    needed = std::min(needed, places);

    // Importance: the difficulty rank among the eligible images, then forward message passing.
    const int m = int(eligible.size());
    std::vector<double> importance(static_cast<std::size_t>(m));
    for (int k = 0; k < m; ++k)
        importance[std::size_t(k)] = 1.0 - options.difficultyWeight * double(k) / m;
    const auto graph = KnnGraph::build(features.rows(eligible), options.neighbours).undirected();
    // Distances in units of the graph's median edge: how far "near" is depends on the network and
    // the data, and the weights exp(-gamma d) should mean the same on every data set.
    const double scale = medianEdge(graph);
    const auto weight = [scale](double gamma, float distance) { return std::exp(-gamma * distance / scale); };
    std::vector<double> score(importance);
    for (int k = 0; k < m; ++k) {
        for (const KnnGraph::Neighbour &n : graph[std::size_t(k)])
            score[std::size_t(k)] += weight(options.forwardGamma, n.distance) * importance[std::size_t(n.image)];
    }

    // Greedy choice with reverse message passing. Scores only fall, so a max-heap with lazy
    // entries works: an entry whose score is no longer current is skipped.
    using Entry = std::pair<double, int>; // score, -k: ties go to the harder image
    std::priority_queue<Entry> heap;
    for (int k = 0; k < m; ++k)
        heap.push({ score[std::size_t(k)], -k });
    std::vector<bool> chosenFlag(static_cast<std::size_t>(m), false);
    std::vector<int> chosen;
    chosen.reserve(std::size_t(places));
    const auto choose = [&](int k) {
        chosenFlag[std::size_t(k)] = true;
        const int image = eligible[std::size_t(k)];
        chosen.push_back(image);
        auto it = need.find(classes[std::size_t(image)]);
        if (it != need.end() && it->second > 0) {
            --it->second;
            --needed;
        }
        const double push = std::max(0.0, score[std::size_t(k)]);
        for (const KnnGraph::Neighbour &n : graph[std::size_t(k)]) {
            if (chosenFlag[std::size_t(n.image)])
                continue;
            score[std::size_t(n.image)] -= weight(options.reverseGamma, n.distance) * push;
            heap.push({ score[std::size_t(n.image)], -n.image });
        }
    };
    while (int(chosen.size()) < places && int(chosen.size()) + needed < places && !heap.empty()) {
        const auto [value, negative] = heap.top();
        heap.pop();
        const int k = -negative;
        if (chosenFlag[std::size_t(k)] || value != score[std::size_t(k)])
            continue;
        choose(k);
    }
    // The places left are exactly the floors still unmet: each such class takes its most important
    // remaining images.
    if (needed > 0) {
        std::vector<int> order(static_cast<std::size_t>(m));
        for (int k = 0; k < m; ++k)
            order[std::size_t(k)] = k;
        std::stable_sort(
            order.begin(), order.end(), [&](int a, int b) { return score[std::size_t(a)] > score[std::size_t(b)]; });
        for (int k : order) {
            if (int(chosen.size()) >= places)
                break;
            auto it = need.find(classes[std::size_t(eligible[std::size_t(k)])]);
            if (!chosenFlag[std::size_t(k)] && it != need.end() && it->second > 0)
                choose(k);
        }
    }
    return builder.finish(chosen);
}

} // namespace semiprune

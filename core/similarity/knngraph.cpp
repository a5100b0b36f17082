#include "similarity/knngraph.h"

#include "common/error.h"

#include <QCoreApplication>

#include <hnswlib/hnswlib.h>

#include <algorithm>
#include <cmath>

namespace semiprune {

namespace {

// HNSW's usual settings: 16 links per node (the candidate lists' width is the caller's).
constexpr std::size_t kLinks = 16;
constexpr std::size_t kSeed = 100;

} // namespace

KnnGraph KnnGraph::build(const FeatureMatrix &features, int k, int candidates)
{
    if (k < 1)
        throw Error(
            QCoreApplication::translate("Features", "A neighbour graph needs at least one neighbour per image."));
    KnnGraph graph;
    const int n = features.count();
    graph.m_neighbours.resize(std::size_t(n));
    k = std::min(k, n - 1);
    if (k < 1)
        return graph;
    const FeatureMatrix unit = features.normalized();
    hnswlib::L2Space space(std::size_t(unit.dimension));
    const std::size_t width = std::size_t(std::max(candidates, k + 1));
    hnswlib::HierarchicalNSW<float> index(&space, std::size_t(n), kLinks, width, kSeed);
    for (int i = 0; i < n; ++i)
        index.addPoint(unit.row(i), hnswlib::labeltype(i));
    index.setEf(width);
    for (int i = 0; i < n; ++i) {
        // k + 1: the image itself is normally its own nearest hit; duplicates may come first instead.
        auto hits = index.searchKnn(unit.row(i), std::size_t(k) + 1);
        std::vector<Neighbour> found;
        found.reserve(hits.size());
        while (!hits.empty()) {
            const auto [squared, label] = hits.top();
            hits.pop();
            if (int(label) != i)
                found.push_back(Neighbour { int(label), std::sqrt(std::max(0.0f, squared)) });
        }
        // The queue gives the farthest first; ties in distance go to the lower image for a stable order.
        std::sort(found.begin(), found.end(), [](const Neighbour &a, const Neighbour &b) {
            return a.distance != b.distance ? a.distance < b.distance : a.image < b.image;
        });
        if (int(found.size()) > k)
            found.resize(std::size_t(k));
        graph.m_neighbours[std::size_t(i)] = std::move(found);
    }
    return graph;
}

std::vector<std::vector<KnnGraph::Neighbour>> KnnGraph::undirected() const
{
    std::vector<std::vector<Neighbour>> both(m_neighbours);
    for (int i = 0; i < count(); ++i) {
        for (const Neighbour &n : m_neighbours[std::size_t(i)])
            both[std::size_t(n.image)].push_back(Neighbour { i, n.distance });
    }
    for (auto &list : both) {
        std::sort(list.begin(), list.end(), [](const Neighbour &a, const Neighbour &b) {
            return a.image != b.image ? a.image < b.image : a.distance < b.distance;
        });
        list.erase(std::unique(list.begin(), list.end(),
                       [](const Neighbour &a, const Neighbour &b) { return a.image == b.image; }),
            list.end());
        std::sort(list.begin(), list.end(), [](const Neighbour &a, const Neighbour &b) {
            return a.distance != b.distance ? a.distance < b.distance : a.image < b.image;
        });
    }
    return both;
}

} // namespace semiprune

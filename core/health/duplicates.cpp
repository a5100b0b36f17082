#include "health/duplicates.h"

#include "common/error.h"
#include "similarity/featurematrix.h"
#include "similarity/knngraph.h"

#include <QCoreApplication>

#include <algorithm>
#include <numeric>
#include <optional>

namespace semiprune {

namespace {

// Neighbours looked up per distinct picture: a picture with more near copies than this has the
// rest found only where they list it among their own nearest.
constexpr int kNeighbours = 16;
// HNSW's candidate lists: a quarter of what the feature graph uses, four times as fast; the recall
// of planted copies stayed the same on Fashion-MNIST (docs/data-health.md).
constexpr int kCandidates = 50;

// Members by a key, each list in input order, lists in the order of their first member.
template<typename Key> std::vector<std::vector<int>> groupsBy(int n, Key key)
{
    std::vector<int> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return key(a) < key(b); });
    std::vector<std::vector<int>> groups;
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (i == 0 || key(order[i]) != key(order[i - 1]))
            groups.emplace_back();
        groups.back().push_back(order[i]);
    }
    std::sort(groups.begin(), groups.end(), [](const auto &a, const auto &b) { return a.front() < b.front(); });
    return groups;
}

void largestFirst(std::vector<DuplicateGroup> &groups)
{
    std::stable_sort(groups.begin(), groups.end(),
        [](const DuplicateGroup &a, const DuplicateGroup &b) { return a.members.size() > b.members.size(); });
}

} // namespace

DuplicateReport findDuplicates(const std::vector<HashedImage> &images, float maxDistance)
{
    if (!(maxDistance >= 0.0f && maxDistance <= kLargestNearDistance))
        throw Error(
            QCoreApplication::translate("Duplicates", "The near-copy distance must be between 0 and %1 (asked for %2).")
                .arg(double(kLargestNearDistance))
                .arg(double(maxDistance)));
    DuplicateReport report;
    report.maxDistance = maxDistance;
    const int n = int(images.size());
    const auto hashOf = [&](int i) -> const ImageHash & { return images[std::size_t(i)].hash; };

    // Exact copies first: each set of equal pixels is one "picture", searched once.
    const std::vector<std::vector<int>> pictures = groupsBy(n, [&](int i) { return hashOf(i).pixels; });
    std::vector<int> pictureOf(static_cast<std::size_t>(n));
    for (std::size_t p = 0; p < pictures.size(); ++p) {
        for (int member : pictures[p])
            pictureOf[std::size_t(member)] = int(p);
        if (pictures[p].size() > 1)
            report.exactGroups.push_back(DuplicateGroup { pictures[p], true, 0.0f });
    }

    // Near copies: each picture's neighbours within maxDistance, both ways.
    std::vector<std::vector<KnnGraph::Neighbour>> near(pictures.size());
    std::vector<int> structured;
    for (std::size_t p = 0; p < pictures.size(); ++p)
        if (hashOf(pictures[p].front()).hasStructure())
            structured.push_back(int(p));
    if (structured.size() > 1) {
        FeatureMatrix shapes;
        shapes.dimension = ImageHash::kThumbnailSide * ImageHash::kThumbnailSide;
        shapes.values.reserve(structured.size() * std::size_t(shapes.dimension));
        for (int p : structured) {
            const auto shape = hashOf(pictures[std::size_t(p)].front()).shape();
            shapes.values.insert(shapes.values.end(), shape.begin(), shape.end());
        }
        const KnnGraph graph = KnnGraph::build(shapes, kNeighbours, kCandidates);
        for (int row = 0; row < graph.count(); ++row) {
            for (const KnnGraph::Neighbour &neighbour : graph.neighbours(row)) {
                if (neighbour.distance > maxDistance)
                    break; // nearest first
                const int a = structured[std::size_t(row)];
                const int b = structured[std::size_t(neighbour.image)];
                near[std::size_t(a)].push_back(KnnGraph::Neighbour { b, neighbour.distance });
                near[std::size_t(b)].push_back(KnnGraph::Neighbour { a, neighbour.distance });
            }
        }
        for (auto &list : near) // nearest first, each once
            std::sort(list.begin(), list.end(), [](const KnnGraph::Neighbour &x, const KnnGraph::Neighbour &y) {
                return x.image != y.image ? x.image < y.image : x.distance < y.distance;
            });
        for (auto &list : near) {
            list.erase(
                std::unique(list.begin(), list.end(),
                    [](const KnnGraph::Neighbour &x, const KnnGraph::Neighbour &y) { return x.image == y.image; }),
                list.end());
            std::sort(list.begin(), list.end(), [](const KnnGraph::Neighbour &x, const KnnGraph::Neighbour &y) {
                return x.distance != y.distance ? x.distance < y.distance : x.image < y.image;
            });
        }
    }

    // Groups: in picture order, a picture in no group yet starts one and takes in its near pictures
    // that are in none yet, so every member is within maxDistance of the first.
    std::vector<bool> grouped(pictures.size(), false);
    for (std::size_t first = 0; first < pictures.size(); ++first) {
        if (grouped[first])
            continue;
        grouped[first] = true;
        DuplicateGroup group { pictures[first], true, 0.0f };
        for (const KnnGraph::Neighbour &copy : near[first]) {
            if (grouped[std::size_t(copy.image)])
                continue;
            grouped[std::size_t(copy.image)] = true;
            const std::vector<int> &members = pictures[std::size_t(copy.image)];
            group.members.insert(group.members.end(), members.begin(), members.end());
            group.largestDistance = std::max(group.largestDistance, copy.distance);
            group.exact = false;
        }
        if (group.members.size() < 2)
            continue;
        report.redundantImages += qint64(group.members.size()) - 1;
        if (!group.exact) {
            std::sort(group.members.begin(), group.members.end());
            report.nearGroups.push_back(std::move(group));
        }
    }

    // Held-out images with a training copy (the same pixels, or a near picture), the closest each.
    for (int i = 0; i < n; ++i) {
        if (images[std::size_t(i)].split == Split::Train)
            continue;
        std::optional<SplitLeak> leak;
        const auto consider = [&](int picture, float distance) {
            for (int member : pictures[std::size_t(picture)])
                if (images[std::size_t(member)].split == Split::Train
                    && (!leak || distance < leak->distance || (distance == leak->distance && member < leak->train)))
                    leak = SplitLeak { i, member, distance };
        };
        const int picture = pictureOf[std::size_t(i)];
        consider(picture, 0.0f);
        for (const KnnGraph::Neighbour &copy : near[std::size_t(picture)])
            consider(copy.image, copy.distance);
        if (leak)
            report.leaks.push_back(*leak);
    }
    largestFirst(report.exactGroups);
    largestFirst(report.nearGroups);
    return report;
}

} // namespace semiprune

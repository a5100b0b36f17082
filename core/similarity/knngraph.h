#pragma once

#include "similarity/featurematrix.h"

#include <vector>

namespace semiprune {

// The k nearest neighbours of every image by its features (Euclidean distance between unit-length
// rows, so 0 for the same direction and 2 for opposite ones), found with an HNSW index (hnswlib):
// approximate, with the recall of an exact search on the sizes tested, in about N log N rather than
// the N^2 of comparing every pair, which matters at a million images.
//
// Deterministic: the index is built on one thread in image order with a fixed seed, so the same
// features give the same graph. Thread rules: a plain value once built.
class KnnGraph final {
public:
    struct Neighbour {
        int image = 0;
        float distance = 0;
    };

    // features: one row per image (normalized here). k is capped at count - 1; a graph of fewer than
    // two images has no edges. Throws Error for k < 1. candidates: the width of HNSW's candidate
    // lists while building and searching; the default matches an exact search on the tested sizes,
    // a narrower one is faster with lower recall.
    static KnnGraph build(const FeatureMatrix &features, int k, int candidates = 200);

    int count() const { return int(m_neighbours.size()); }
    // Nearest first, never the image itself.
    const std::vector<Neighbour> &neighbours(int image) const { return m_neighbours[std::size_t(image)]; }
    // Each image's neighbours together with the images that have it as a neighbour (the graph made
    // undirected), nearest first, each once.
    std::vector<std::vector<Neighbour>> undirected() const;

private:
    std::vector<std::vector<Neighbour>> m_neighbours;
};

} // namespace semiprune

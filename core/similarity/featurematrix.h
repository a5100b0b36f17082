#pragma once

#include <QByteArray>

#include <vector>

namespace semiprune {

// One feature vector per image: what a trained network sees in it (the penultimate layer, before the
// classifier), row i for image i of the run. Images that look alike to the model lie close together,
// which the diversity selector and the kNN graph use.
//
// Thread rules: a plain value.
struct FeatureMatrix {
    int dimension = 0;
    std::vector<float> values; // row-major, count() x dimension

    int count() const { return dimension > 0 ? int(values.size() / std::size_t(dimension)) : 0; }
    bool isEmpty() const { return values.empty(); }
    const float *row(int image) const { return values.data() + std::size_t(image) * std::size_t(dimension); }

    // Each row scaled to unit length (a zero row stays zero): distances then compare directions, as
    // cosine similarity does, and do not depend on how large the activations of a run happen to be.
    FeatureMatrix normalized() const;
    // Only the rows `images`, in that order.
    FeatureMatrix rows(const std::vector<int> &images) const;

    // Stored compactly as half-precision floats (ample for distances between images), with the
    // dimension in front. fromBytes throws Error for bytes that are no feature matrix.
    QByteArray toBytes() const;
    static FeatureMatrix fromBytes(const QByteArray &bytes);
};

} // namespace semiprune

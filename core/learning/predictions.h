#pragma once

#include <cstdint>
#include <vector>

namespace semiprune {

// Class probabilities for a set of images: a flat row-major N x C float matrix (row i = image i of
// the bank that was predicted), with the helpers stage 3 needs (pseudo-label = argmax,
// confidence = max probability).
//
// Thread rules: a plain value.
class Predictions final {
public:
    Predictions() = default;
    Predictions(std::vector<float> probabilities, int classes);

    int count() const { return m_classes > 0 ? int(m_probabilities.size() / std::size_t(m_classes)) : 0; }
    int classCount() const { return m_classes; }
    const std::vector<float> &probabilities() const { return m_probabilities; }
    const float *row(int image) const { return m_probabilities.data() + std::size_t(image) * m_classes; }
    float probability(int image, int cls) const { return row(image)[cls]; }

    int argmax(int image) const;
    float confidence(int image) const;
    // argmax of every image, in image order.
    std::vector<int> labels() const;
    // Share of images whose argmax equals reference[i]; entries below 0 are not counted.
    // Returns -1 when no image has a reference label.
    double accuracy(const std::vector<int> &reference) const;

private:
    std::vector<float> m_probabilities;
    int m_classes = 0;
};

} // namespace semiprune

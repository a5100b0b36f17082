#pragma once

#include <cstdint>

namespace semiprune {

// What one training forward pass tells about one image in one epoch: the few numbers every
// difficulty score needs, so the full probability vector never has to be kept.
// labelProb = p_t(y), maxOtherProb = max_{j != y} p_t(j), el2n = || p_t - onehot(y) ||_2,
// correct = (argmax_j p_t(j) == y).
struct EpochRecord {
    float labelProb = 0.0f;
    float maxOtherProb = 0.0f;
    float el2n = 0.0f;
    std::uint8_t correct = 0;
};

} // namespace semiprune

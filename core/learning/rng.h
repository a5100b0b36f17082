#pragma once

#include <array>
#include <cstdint>

namespace semiprune {

// A small, seedable random generator (xoshiro256**, seeded through splitmix64) with its own
// uniform / integer / normal draws. The engine uses it instead of std::*_distribution because those
// differ across standard libraries, and a run must give the same augmentations, samples and initial
// weights everywhere for a given seed.
//
// Thread rules: an Rng is a plain value; give each thread its own (see Rng::derived()).
class Rng final {
public:
    using State = std::array<std::uint64_t, 4>;

    explicit Rng(std::uint64_t seed = 0);

    // A generator for one sub-stream, e.g. (seed, "batch", step): the same triple always gives the
    // same stream, so work split across threads or resumed from a checkpoint sees the same numbers.
    static Rng derived(std::uint64_t seed, std::uint64_t stream, std::uint64_t index = 0);

    std::uint64_t nextU64();
    std::uint32_t nextU32() { return std::uint32_t(nextU64() >> 32); }

    // Uniform in [0, 1) with 53 random bits.
    double uniform();
    // Uniform in [lo, hi).
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Uniform integer in [0, n), unbiased (Lemire's method with rejection); n > 0.
    std::uint64_t below(std::uint64_t n);
    // Uniform integer in [lo, hi] (both inclusive).
    int between(int lo, int hi) { return lo + int(below(std::uint64_t(hi - lo) + 1)); }
    bool coin() { return (nextU64() >> 63) != 0; }
    // Standard normal (Box-Muller; no cached second value, so the state is only the four words).
    double normal();

    template<typename It> void shuffle(It first, It last)
    {
        const auto n = std::uint64_t(last - first);
        for (std::uint64_t i = n; i > 1; --i) {
            const std::uint64_t j = below(i);
            auto tmp = first[i - 1];
            first[i - 1] = first[j];
            first[j] = tmp;
        }
    }

    const State &state() const { return m_state; }
    void setState(const State &state) { m_state = state; }

private:
    State m_state {};
};

} // namespace semiprune

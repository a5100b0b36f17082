#pragma once

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace semiprune {

// The project's one family of random numbers. Every random choice (seed draws, splits, selections,
// augmentations, batches, initial weights, shuffled views) comes from here, never from <random>'s
// distributions or std::shuffle: their algorithms are left to each standard library, so the same
// seed would draw another coreset on another platform or compiler. Every number drawn here is the
// same everywhere. tst_selection pins draws of each generator, so a change that moves them fails.

// SplitMix64 (Steele, Lea and Flood, with Vigna's constants): advances `state` by the golden-ratio
// step and returns a well-mixed value. It seeds the generators below, as xoshiro's authors advise.
inline std::uint64_t splitMix64(std::uint64_t &state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// SplitMix64 of a value: a cheap, well-mixed 64-bit hash, for orders that must be stable without a
// stored permutation (the grid's shuffled view, the data map's sample).
inline std::uint64_t mix64(std::uint64_t value)
{
    return splitMix64(value);
}

// xoshiro256** (Blackman and Vigna), its state filled from the seed with splitMix64. The raw
// generator both families below build their draws on.
//
// Thread rules: a plain value; give each thread (or job) its own.
class Xoshiro256 {
public:
    using State = std::array<std::uint64_t, 4>;

    explicit Xoshiro256(std::uint64_t seed = 0)
    {
        for (std::uint64_t &word : m_state)
            word = splitMix64(seed);
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotateLeft(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotateLeft(m_state[3], 45);
        return result;
    }

    // Uniform in [0, 1) from the top 53 bits: every value is an exact multiple of 2^-53.
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }

    const State &state() const { return m_state; }
    void setState(const State &state) { m_state = state; }

private:
    static std::uint64_t rotateLeft(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

    State m_state {};
};

// The draws of the data side: seed draws, benchmark splits, selections, export layouts. Integers
// by rejection of the first 2^64 mod bound raw values (OpenBSD's arc4random_uniform), which a plain
// `next() % bound` would favour.
class SelectionRng final : public Xoshiro256 {
public:
    using Xoshiro256::Xoshiro256;

    // Uniform in [0, bound), bound > 0.
    std::uint64_t below(std::uint64_t bound)
    {
        const std::uint64_t threshold = (0 - bound) % bound;
        for (;;) {
            const std::uint64_t value = next();
            if (value >= threshold)
                return value % bound;
        }
    }

    // Moves a uniform random sample of `count` items (in random order) to the front of `items`: the
    // first `count` steps of a Fisher-Yates shuffle. count must not exceed items.size().
    template<typename T> void partialShuffle(std::vector<T> &items, std::size_t count)
    {
        for (std::size_t i = 0; i < count; ++i)
            std::swap(items[i], items[i + std::size_t(below(items.size() - i))]);
    }
};

// The draws of the training engine: augmentations, batches, initial weights. Sub-streams per
// (seed, stream, index), so work split across threads or resumed from a checkpoint sees the same
// numbers; integers by Lemire's multiply-and-reject, normals by Box-Muller.
class TrainingRng final : public Xoshiro256 {
public:
    using Xoshiro256::Xoshiro256;

    // A generator for one sub-stream, e.g. (seed, "batch", step): the same triple always gives the
    // same stream, and neighbouring indices give unrelated ones.
    static TrainingRng derived(std::uint64_t seed, std::uint64_t stream, std::uint64_t index = 0)
    {
        std::uint64_t x = seed;
        std::uint64_t h = splitMix64(x);
        x = h ^ (stream * 0xd1342543de82ef95ULL);
        h = splitMix64(x);
        x = h ^ (index * 0x9e3779b97f4a7c15ULL + 0x632be59bd9b4e019ULL);
        return TrainingRng(splitMix64(x));
    }

    std::uint32_t nextU32() { return std::uint32_t(next() >> 32); }
    using Xoshiro256::uniform;
    // Uniform in [lo, hi).
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

    // Uniform in [0, n), n > 0: multiply into 128 bits, reject the small biased band.
    std::uint64_t below(std::uint64_t n)
    {
        __extension__ typedef unsigned __int128 U128; // -Wpedantic: a GCC/Clang extension on purpose
        U128 m = U128(next()) * n;
        auto low = std::uint64_t(m);
        if (low < n) {
            const std::uint64_t threshold = (0 - n) % n;
            while (low < threshold) {
                m = U128(next()) * n;
                low = std::uint64_t(m);
            }
        }
        return std::uint64_t(m >> 64);
    }
    // Uniform in [lo, hi], both included.
    int between(int lo, int hi) { return lo + int(below(std::uint64_t(hi - lo) + 1)); }
    bool coin() { return (next() >> 63) != 0; }
    // Standard normal (Box-Muller, no cached second value, so the state stays the four words).
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
};

} // namespace semiprune

#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace semiprune {

// learning/rng.h (the training engine's generator) also declares a semiprune::Rng. Both are found
// as semiprune::Rng, but this one's members get their own linker symbols through the inline
// namespace: a program linking core and the engine could otherwise call the other class's
// same-named out-of-line members in place of these inline ones, and draw different numbers. A
// file that includes both headers fails to compile (an ambiguous name), which is what we want.
inline namespace core_rng {

// A small deterministic random generator: xoshiro256** (Blackman and Vigna), its state filled from
// the seed with splitmix64 as its authors recommend. We do not use <random>'s distributions or
// std::shuffle because their algorithms are left to each standard library, so the same seed would
// draw a different coreset on another platform or compiler; every number drawn here is the same
// everywhere. Not thread-safe: give each thread (or each job) its own generator.
class Rng final {
public:
    explicit Rng(std::uint64_t seed)
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

    // A uniform integer in [0, bound), bound > 0. A plain `next() % bound` favours small values
    // whenever bound does not divide 2^64; rejecting the first 2^64 mod bound raw values removes
    // that bias (the same rule as OpenBSD's arc4random_uniform).
    std::uint64_t below(std::uint64_t bound)
    {
        const std::uint64_t threshold = (0 - bound) % bound;
        for (;;) {
            const std::uint64_t value = next();
            if (value >= threshold)
                return value % bound;
        }
    }

    // A uniform double in [0, 1) from the top 53 bits, so every value is an exact multiple of 2^-53.
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }

    // Moves a uniform random sample of `count` items (in random order) to the front of `items`: the
    // first `count` steps of a Fisher-Yates shuffle. count must not exceed items.size().
    template<typename T> void partialShuffle(std::vector<T> &items, std::size_t count)
    {
        for (std::size_t i = 0; i < count; ++i)
            std::swap(items[i], items[i + std::size_t(below(items.size() - i))]);
    }

private:
    static std::uint64_t rotateLeft(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

    static std::uint64_t splitMix64(std::uint64_t &state)
    {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    std::uint64_t m_state[4] = {};
};

} // namespace core_rng
} // namespace semiprune

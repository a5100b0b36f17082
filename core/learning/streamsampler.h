#pragma once

#include <cstdint>
#include <vector>

namespace semiprune {

// An endless stream of positions into a list of n items: the concatenation of random permutations of
// 0..n-1, one per pass ("epoch"), each a function of (seed, stream, pass) only. at(p) is therefore a
// pure function of the position, which makes batches reproducible and resumable without saving any
// sampler state.
//
// Thread rules: a plain value with a small cache; one thread at a time.
class StreamSampler final {
public:
    StreamSampler(int items, std::uint64_t seed, std::uint64_t stream);

    int at(std::int64_t position);
    // The permutation of one pass.
    const std::vector<int> &pass(std::int64_t number);

private:
    int m_items;
    std::uint64_t m_seed;
    std::uint64_t m_stream;
    // A batch can straddle two passes: keep the last two permutations.
    std::int64_t m_cachedPass[2] = { -1, -1 };
    std::vector<int> m_cache[2];
};

} // namespace semiprune

#include "learning/streamsampler.h"

#include "common/random.h"

#include <numeric>

namespace semiprune {

StreamSampler::StreamSampler(int items, std::uint64_t seed, std::uint64_t stream)
    : m_items(items), m_seed(seed), m_stream(stream)
{
}

const std::vector<int> &StreamSampler::pass(std::int64_t number)
{
    const int slot = int(number & 1);
    if (m_cachedPass[slot] != number) {
        std::vector<int> &permutation = m_cache[slot];
        permutation.resize(std::size_t(m_items));
        std::iota(permutation.begin(), permutation.end(), 0);
        TrainingRng rng = TrainingRng::derived(m_seed, m_stream, std::uint64_t(number));
        rng.shuffle(permutation.begin(), permutation.end());
        m_cachedPass[slot] = number;
    }
    return m_cache[slot];
}

int StreamSampler::at(std::int64_t position)
{
    return pass(position / m_items)[std::size_t(position % m_items)];
}

} // namespace semiprune

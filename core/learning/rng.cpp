#include "learning/rng.h"

#include <cmath>

namespace semiprune {

namespace {

std::uint64_t splitMix64(std::uint64_t &x)
{
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

__extension__ typedef unsigned __int128 U128; // -Wpedantic: a GCC/Clang extension on purpose

std::uint64_t rotl(std::uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

} // namespace

Rng::Rng(std::uint64_t seed)
{
    std::uint64_t x = seed;
    for (auto &word : m_state)
        word = splitMix64(x);
}

Rng Rng::derived(std::uint64_t seed, std::uint64_t stream, std::uint64_t index)
{
    // Mix the three numbers through splitmix so that neighbouring indices give unrelated streams.
    std::uint64_t x = seed;
    std::uint64_t h = splitMix64(x);
    x = h ^ (stream * 0xd1342543de82ef95ULL);
    h = splitMix64(x);
    x = h ^ (index * 0x9e3779b97f4a7c15ULL + 0x632be59bd9b4e019ULL);
    return Rng(splitMix64(x));
}

std::uint64_t Rng::nextU64()
{
    const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

double Rng::uniform()
{
    return double(nextU64() >> 11) * 0x1.0p-53;
}

std::uint64_t Rng::below(std::uint64_t n)
{
    // Lemire: multiply into 128 bits, reject the small biased band.
    U128 m = U128(nextU64()) * n;
    auto low = std::uint64_t(m);
    if (low < n) {
        const std::uint64_t threshold = (0 - n) % n;
        while (low < threshold) {
            m = U128(nextU64()) * n;
            low = std::uint64_t(m);
        }
    }
    return std::uint64_t(m >> 64);
}

double Rng::normal()
{
    // 1 - uniform() is in (0, 1], so the log is finite.
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

} // namespace semiprune

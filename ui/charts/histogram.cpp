#include "histogram.h"

#include <algorithm>

namespace semiprune::ui {

void Histogram::setEdges(double low, double high, int bins)
{
    // All values equal: one bin of width zero would hide them; widen it around the value.
    if (!(high > low)) {
        bins = 1;
        low -= 0.5;
        high += 0.5;
    }
    m_edges.resize(size_t(bins) + 1);
    for (int i = 0; i <= bins; ++i)
        m_edges[size_t(i)] = low + (high - low) * i / bins;
    m_edges.back() = high; // exact, whatever the rounding of the sum above
}

int Histogram::binOf(double value) const
{
    if (m_edges.empty() || !(value >= m_edges.front() && value <= m_edges.back()))
        return -1;
    // The edges themselves decide, not a division, so binOf and rangeOf never disagree.
    const auto above = std::upper_bound(m_edges.begin(), m_edges.end(), value);
    return std::min(int(above - m_edges.begin()) - 1, binCount() - 1);
}

ValueRange Histogram::rangeOf(int bin) const
{
    ValueRange range;
    range.low = m_edges[size_t(bin)];
    range.high = m_edges[size_t(bin) + 1];
    range.includeHigh = bin == binCount() - 1;
    return range;
}

int Histogram::total(int bin) const
{
    int sum = 0;
    for (const std::vector<int> &layer : m_counts)
        sum += layer[size_t(bin)];
    return sum;
}

int Histogram::maxTotal() const
{
    int most = 0;
    for (int bin = 0; bin < binCount(); ++bin)
        most = std::max(most, total(bin));
    return most;
}

} // namespace semiprune::ui

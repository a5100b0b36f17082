#include "histogram.h"

#include <algorithm>
#include <cmath>

namespace semiprune::ui {

namespace {

// The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least `width`.
double niceWidth(double width)
{
    const double power = std::pow(10.0, std::floor(std::log10(width)));
    for (double step : { 1.0, 2.0, 2.5, 5.0, 10.0 }) {
        if (step * power >= width * (1 - 1e-9))
            return step * power;
    }
    return 10 * power;
}

} // namespace

void Histogram::setEdges(double low, double high, int bins, const ValueRange &limits)
{
    // All values equal: one bin of width zero would hide them; widen it around the value.
    if (!(high > low)) {
        low -= 0.5;
        high += 0.5;
    }
    // Edges on multiples of a round width, so the axis reads 0.2, 0.4, ... and not 0.1873: at most
    // `bins` bars, often a few fewer.
    const double width = niceWidth((high - low) / bins);
    double first = std::floor(low / width) * width;
    int count = std::max(1, int(std::ceil((high - first) / width - 1e-9)));
    while (first + count * width < high)
        ++count;
    // A count that 4, 5 or 6 divides lets the axis put a few labels on bin edges; the bins added
    // for it are empty ones at the top, or at the bottom where the top would pass a limit (a
    // confidence axis running to 1.05 would promise values that cannot exist).
    const double tolerance = width * 1e-6;
    while (count > 3 && count % 4 != 0 && count % 5 != 0 && count % 6 != 0) {
        if (first + (count + 1) * width <= limits.high + tolerance) {
            ++count;
        } else if (first - width >= limits.low - tolerance) {
            first -= width;
            ++count;
        } else {
            break;
        }
    }
    m_edges.resize(size_t(count) + 1);
    for (int i = 0; i <= count; ++i)
        m_edges[size_t(i)] = first + i * width;
    m_width = width;
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

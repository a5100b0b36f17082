#pragma once

#include "grid/gridfilters.h"

#include <algorithm>
#include <vector>

namespace semiprune::ui {

// Counts of values in equal-width bins (of a round width, up to a given count) covering the
// smallest to the largest value, split into
// layers (e.g. kept / dropped) so a chart can stack them. A bin's range (rangeOf) is exactly the
// set of values binOf puts in it, so filtering the grid by a clicked bar shows that bar's images.
class Histogram final {
public:
    Histogram() = default;
    // `layerOf(i)` gives the layer of values[i] in [0, layers); NaN values are left out. `limits`
    // are bounds no value can pass (a confidence is within [0, 1]): the bars never reach past them.
    template<typename Values, typename LayerOf>
    static Histogram build(const Values &values, int bins, int layers, LayerOf layerOf, ValueRange limits = {});

    int binCount() const { return int(m_edges.size()) - 1 < 0 ? 0 : int(m_edges.size()) - 1; }
    int layerCount() const { return int(m_counts.size()); }
    bool isEmpty() const { return binCount() == 0; }
    double low() const { return m_edges.empty() ? 0 : m_edges.front(); }
    double high() const { return m_edges.empty() ? 0 : m_edges.back(); }
    int count(int layer, int bin) const { return m_counts[size_t(layer)][size_t(bin)]; }
    int total(int bin) const;
    int maxTotal() const;
    double binWidth() const { return m_width; }
    // -1 outside [low, high] or for NaN.
    int binOf(double value) const;
    // [edge, next edge), the last bin closed at the largest value.
    ValueRange rangeOf(int bin) const;

private:
    void setEdges(double low, double high, int bins, const ValueRange &limits);

    std::vector<double> m_edges;
    double m_width = 0;
    std::vector<std::vector<int>> m_counts; // [layer][bin]
};

template<typename Values, typename LayerOf>
Histogram Histogram::build(const Values &values, int bins, int layers, LayerOf layerOf, ValueRange limits)
{
    Histogram histogram;
    double low = 0;
    double high = 0;
    bool any = false;
    for (const auto &v : values) {
        const double value = double(v);
        if (value != value)
            continue;
        low = any ? std::min(low, value) : value;
        high = any ? std::max(high, value) : value;
        any = true;
    }
    if (!any || bins < 1 || layers < 1)
        return histogram;
    histogram.setEdges(low, high, bins, limits);
    histogram.m_counts.assign(size_t(layers), std::vector<int>(size_t(histogram.binCount()), 0));
    int i = 0;
    for (const auto &v : values) {
        const int bin = histogram.binOf(double(v));
        if (bin >= 0)
            ++histogram.m_counts[size_t(layerOf(i))][size_t(bin)];
        ++i;
    }
    return histogram;
}

} // namespace semiprune::ui

#include "gridarrangement.h"

#include <QCollator>

#include <algorithm>
#include <cmath>

namespace semiprune::ui {

namespace {

// Sorts by a key where "none" (NaN) goes last and ties keep the loaded order. The keys are computed
// once, not in the comparison: a comparison sort calls it ~N log N times.
template <typename Key>
void sortByKey(std::vector<int> &rows, const GridData &data, Key key)
{
    std::vector<std::pair<double, int>> keyed;
    keyed.reserve(rows.size());
    for (int row : rows)
        keyed.emplace_back(key(data.rows[size_t(row)]), row);
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) {
        if (std::isnan(a.first) || std::isnan(b.first))
            return !std::isnan(a.first) && std::isnan(b.first);
        return a.first < b.first;
    });
    for (size_t i = 0; i < keyed.size(); ++i)
        rows[i] = keyed[i].second;
}

// SplitMix64's finalizer: a well-mixed hash, so a seed gives a shuffle without a stored permutation.
quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace

std::vector<int> arrangeRows(const GridData &data, GridSort sort, GridFilter filter,
                             const std::function<bool(const GridRow &)> &hasProblem)
{
    GridArrangement arrangement;
    arrangement.sort = sort;
    arrangement.filters.state = filter;
    return arrangeRows(data, arrangement, hasProblem);
}

std::vector<int> arrangeRows(const GridData &data, const GridArrangement &arrangement,
                             const std::function<bool(const GridRow &)> &hasProblem)
{
    std::vector<int> rows;
    rows.reserve(data.rows.size());
    const GridFilters &filters = arrangement.filters;
    for (size_t i = 0; i < data.rows.size(); ++i) {
        if (filters.accepts(data.rows[i], hasProblem))
            rows.push_back(int(i));
    }
    const double none = std::nan("");
    switch (arrangement.sort) {
    case GridSort::Loaded:
        break;
    case GridSort::FileName: {
        // A sort key per row, made once: comparing keys is a byte comparison, while the collator's
        // compare() redoes the locale's work for both names in each of the ~N log N comparisons.
        QCollator collator;
        collator.setNumericMode(true);
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        std::vector<std::pair<QCollatorSortKey, int>> keyed;
        keyed.reserve(rows.size());
        for (int row : rows)
            keyed.emplace_back(collator.sortKey(data.rows[size_t(row)].fileName), row);
        std::stable_sort(keyed.begin(), keyed.end(),
                         [](const auto &a, const auto &b) { return a.first.compare(b.first) < 0; });
        for (size_t i = 0; i < keyed.size(); ++i)
            rows[i] = keyed[i].second;
        break;
    }
    case GridSort::Class:
        sortByKey(rows, data, [none](const GridRow &r) {
            if (r.labelClass >= 0)
                return double(r.labelClass) * 2;
            return r.pseudoClass >= 0 ? double(r.pseudoClass) * 2 + 1 : none;
        });
        break;
    case GridSort::Difficulty:
        sortByKey(rows, data, [](const GridRow &r) { return r.difficulty; });
        break;
    case GridSort::DifficultyDescending:
        sortByKey(rows, data, [](const GridRow &r) { return -r.difficulty; });
        break;
    case GridSort::Confidence:
        sortByKey(rows, data, [none](const GridRow &r) { return r.pseudoClass >= 0 ? double(r.pseudoConfidence) : none; });
        break;
    case GridSort::Random: {
        const quint64 seed = mix(arrangement.shuffleSeed);
        std::vector<std::pair<quint64, int>> keyed;
        keyed.reserve(rows.size());
        for (int row : rows)
            keyed.emplace_back(mix(quint64(data.rows[size_t(row)].id.value) ^ seed), row);
        std::sort(keyed.begin(), keyed.end());
        for (size_t i = 0; i < keyed.size(); ++i)
            rows[i] = keyed[i].second;
        break;
    }
    }
    return rows;
}

} // namespace semiprune::ui

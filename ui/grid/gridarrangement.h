#pragma once

#include "griddata.h"
#include "gridfilters.h"

#include <functional>
#include <vector>

namespace semiprune::ui {

// How the grid orders its rows: as loaded (the import's or a shuffled order), or by a column.
enum class GridSort {
    Loaded,
    FileName,
    Class, // human label first, then pseudo-label, by class order; unlabeled last
    Difficulty, // AUM ascending: the hardest (likely mislabeled) first; unscored last
    Confidence, // pseudo-label confidence ascending: the least sure first; none last
    DifficultyDescending, // AUM descending: the easiest first; unscored last
    Random, // a shuffle drawn from GridArrangement::shuffleSeed
};

// What the grid shows and in which order.
struct GridArrangement {
    GridSort sort = GridSort::Loaded;
    GridFilters filters;
    quint64 shuffleSeed = 0; // for GridSort::Random: the same seed gives the same order
};

// The rows of `data` (indexes into data.rows) that pass the filters, in the arrangement's order.
// Runs over the plain row vector, never through a model: 100k rows take a few ms (file names,
// compared by a collator, take longest). `hasProblem` says whether an image was found unreadable
// or missing after loading.
std::vector<int> arrangeRows(
    const GridData &data, const GridArrangement &arrangement, const std::function<bool(const GridRow &)> &hasProblem);
std::vector<int> arrangeRows(
    const GridData &data, GridSort sort, GridFilter filter, const std::function<bool(const GridRow &)> &hasProblem);

} // namespace semiprune::ui

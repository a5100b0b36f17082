#pragma once

#include "griddata.h"

#include <functional>
#include <vector>

namespace semiprune::ui {

// How the grid orders its rows: as loaded (the import's or a shuffled order), or by a column.
enum class GridSort {
    Loaded,
    FileName,
    Class,      // human label first, then pseudo-label, by class order; unlabeled last
    Difficulty, // AUM ascending: the hardest (likely mislabeled) first; unscored last
    Confidence, // pseudo-label confidence ascending: the least sure first; none last
};

// Which rows the grid shows, by label state.
enum class GridFilter { All, Unlabeled, Seed, Pseudo, Overridden, Unreadable };

// The rows of `data` (indexes into data.rows) that pass `filter`, in `sort` order. Runs over the
// plain row vector, never through a model: 100k rows take a few ms. `hasProblem` says whether an
// image was found unreadable or missing after loading.
std::vector<int> arrangeRows(const GridData &data, GridSort sort, GridFilter filter,
                             const std::function<bool(const GridRow &)> &hasProblem);

} // namespace semiprune::ui

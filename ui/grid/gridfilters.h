#pragma once

#include "griddata.h"

#include <QSet>

#include <functional>
#include <limits>
#include <memory>

namespace semiprune::ui {

// Which rows the grid shows, by label state.
enum class GridFilter { All, Unlabeled, Seed, Pseudo, Overridden, Unreadable };

// Which rows the grid shows, by what the newest selection did with them.
enum class KeepFilter { Any, Kept, Pruned, DroppedHard, DroppedEasy };

// A closed interval [low, high] of a score, or [low, high) when a histogram bar ends there and the
// next bar starts: a value on the border then belongs to one bar only. Unbounded by default.
struct ValueRange {
    double low = -std::numeric_limits<double>::infinity();
    double high = std::numeric_limits<double>::infinity();
    bool includeHigh = true;

    bool isBounded() const
    {
        return low > -std::numeric_limits<double>::infinity() || high < std::numeric_limits<double>::infinity();
    }
    // NaN (no value) is never inside a bounded range, always inside an unbounded one.
    bool contains(double value) const
    {
        if (!isBounded())
            return true;
        return value >= low && (includeHigh ? value <= high : value < high);
    }
    bool operator==(const ValueRange &other) const
    {
        return low == other.low && high == other.high && includeHigh == other.includeHigh;
    }
};

// Every filter of the grid at once; a row is shown when it passes all of them. Plain values, so a
// filter can be built, compared and tested without a widget.
struct GridFilters {
    GridFilter state = GridFilter::All;
    int classIndex = -1; // index into GridData::classes; -1: any. A row's class is its human
                         // label, or its pseudo-label when it has none.
    KeepFilter keep = KeepFilter::Any;
    ValueRange confidence; // of the pseudo-label; rows without one fail a bounded range
    ValueRange difficulty; // AUM; unscored rows fail a bounded range
    // Images picked elsewhere (on the data map); null: no restriction. Shared, as it can hold
    // tens of thousands of ids and filters are copied by value.
    std::shared_ptr<const QSet<qint64>> images;

    bool isActive() const
    {
        return state != GridFilter::All || classIndex >= 0 || keep != KeepFilter::Any || confidence.isBounded()
            || difficulty.isBounded() || images;
    }
    // `hasProblem` says whether an image was found unreadable or missing after loading.
    bool accepts(const GridRow &row, const std::function<bool(const GridRow &)> &hasProblem) const;
};

// The class a row counts under: its human label, else its pseudo-label, else -1.
inline int effectiveClass(const GridRow &row)
{
    return row.labelClass >= 0 ? row.labelClass : row.pseudoClass;
}

} // namespace semiprune::ui

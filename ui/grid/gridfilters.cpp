#include "gridfilters.h"

namespace semiprune::ui {

namespace {

bool passesState(const GridRow &r, GridFilter filter, const std::function<bool(const GridRow &)> &hasProblem)
{
    switch (filter) {
    case GridFilter::All:
        return true;
    case GridFilter::Unlabeled:
        return r.labelClass < 0;
    case GridFilter::Seed:
        return r.inSeed;
    case GridFilter::Pseudo:
        return r.labelClass < 0 && r.pseudoClass >= 0;
    case GridFilter::Overridden:
        return r.labelClass >= 0 && r.labelSource == LabelSource::Override;
    case GridFilter::Unreadable:
        return r.status != ImageStatus::Ok || (hasProblem && hasProblem(r));
    }
    return true;
}

bool passesKeep(const GridRow &r, KeepFilter keep)
{
    switch (keep) {
    case KeepFilter::Any:
        return true;
    case KeepFilter::Kept:
        return r.fate == RowFate::Kept;
    case KeepFilter::Pruned:
        return r.fate != RowFate::None && r.fate != RowFate::Kept;
    case KeepFilter::DroppedHard:
        return r.fate == RowFate::DroppedHard;
    case KeepFilter::DroppedEasy:
        return r.fate == RowFate::DroppedEasy;
    }
    return true;
}

} // namespace

bool GridFilters::accepts(const GridRow &row, const std::function<bool(const GridRow &)> &hasProblem) const
{
    // Cheapest tests first: this runs for every row on every change.
    if (!passesKeep(row, keep))
        return false;
    if (classIndex >= 0 && effectiveClass(row) != classIndex)
        return false;
    if (confidence.isBounded() && (row.pseudoClass < 0 || !confidence.contains(double(row.pseudoConfidence))))
        return false;
    if (!difficulty.contains(row.difficulty))
        return false;
    if (images && !images->contains(row.id.value))
        return false;
    return passesState(row, state, hasProblem);
}

} // namespace semiprune::ui

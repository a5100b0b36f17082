#include "gridarrangement.h"

#include <QCollator>

#include <algorithm>
#include <cmath>

namespace semiprune::ui {

namespace {

bool passes(const GridRow &r, GridFilter filter, const std::function<bool(const GridRow &)> &hasProblem)
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

// Sorts by a key where "none" (NaN) goes last and ties keep the loaded order.
template <typename Key>
void sortByKey(std::vector<int> &rows, const GridData &data, Key key)
{
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
        const double ka = key(data.rows[size_t(a)]);
        const double kb = key(data.rows[size_t(b)]);
        if (std::isnan(ka) || std::isnan(kb))
            return !std::isnan(ka) && std::isnan(kb);
        return ka < kb;
    });
}

} // namespace

std::vector<int> arrangeRows(const GridData &data, GridSort sort, GridFilter filter,
                             const std::function<bool(const GridRow &)> &hasProblem)
{
    std::vector<int> rows;
    rows.reserve(data.rows.size());
    for (size_t i = 0; i < data.rows.size(); ++i) {
        if (passes(data.rows[i], filter, hasProblem))
            rows.push_back(int(i));
    }
    const double none = std::nan("");
    switch (sort) {
    case GridSort::Loaded:
        break;
    case GridSort::FileName: {
        QCollator collator;
        collator.setNumericMode(true);
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
            return collator.compare(data.rows[size_t(a)].fileName, data.rows[size_t(b)].fileName) < 0;
        });
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
    case GridSort::Confidence:
        sortByKey(rows, data, [none](const GridRow &r) { return r.pseudoClass >= 0 ? double(r.pseudoConfidence) : none; });
        break;
    }
    return rows;
}

} // namespace semiprune::ui

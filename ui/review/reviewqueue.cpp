#include "reviewqueue.h"

#include <algorithm>
#include <cmath>

namespace semiprune::ui {

std::vector<ImageId> buildReviewQueue(const GridData &data, ReviewOrder order)
{
    std::vector<const GridRow *> rows;
    for (const GridRow &row : data.rows) {
        if (row.pseudoClass >= 0 && row.labelClass < 0 && row.status == ImageStatus::Ok)
            rows.push_back(&row);
    }
    const auto byId = [](const GridRow *a, const GridRow *b) { return a->id.value < b->id.value; };
    if (order == ReviewOrder::LeastConfident) {
        std::sort(rows.begin(), rows.end(), [&](const GridRow *a, const GridRow *b) {
            if (a->pseudoConfidence != b->pseudoConfidence)
                return a->pseudoConfidence < b->pseudoConfidence;
            return byId(a, b);
        });
    } else {
        std::sort(rows.begin(), rows.end(), [&](const GridRow *a, const GridRow *b) {
            const bool aScored = !std::isnan(a->difficulty);
            const bool bScored = !std::isnan(b->difficulty);
            if (aScored != bScored)
                return aScored;
            if (aScored && a->difficulty != b->difficulty)
                return a->difficulty < b->difficulty;
            return byId(a, b);
        });
    }
    std::vector<ImageId> images;
    images.reserve(rows.size());
    for (const GridRow *row : rows)
        images.push_back(row->id);
    return images;
}

} // namespace semiprune::ui

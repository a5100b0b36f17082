#include "selection/hardcutoff.h"

#include "common/error.h"
#include "selection/budget.h"
#include "selection/selectionbuilder.h"

#include <QCoreApplication>
#include <QString>

#include <algorithm>
#include <map>

namespace semiprune {

namespace {

// The cutoff rule on one group of images ranked hardest first: positions below hardDropCount are
// the hard zone, then non-forced images are kept until the group's places left by its forced images
// are filled, and the rest is easy. Appends the kept images to `chosen` in rank order.
void cutGroup(const std::vector<int> &ranked, int hardDropCount, int keepCount, SelectionBuilder &builder,
    std::vector<int> &chosen)
{
    const auto forcedHere
        = std::count_if(ranked.begin(), ranked.end(), [&](int image) { return builder.isForced(image); });
    int places = std::max(0, keepCount - int(forcedHere));
    for (std::size_t position = 0; position < ranked.size(); ++position) {
        const int image = ranked[position];
        if (builder.isForced(image))
            continue;
        if (position < std::size_t(hardDropCount)) {
            builder.drop(image, SelectionReason::DroppedHard);
        } else if (places > 0) {
            chosen.push_back(image);
            --places;
        } else {
            builder.drop(image, SelectionReason::DroppedEasy);
        }
    }
}

struct ClassQuota {
    const std::vector<int> *ranked;
    int keepCount;
    double remainder;
};

} // namespace

Selection selectHardCutoff(
    const std::vector<double> &scores, HardEnd hardEnd, double keepRatio, double beta, const std::vector<bool> &forced)
{
    const int imageCount = int(scores.size());
    const Budget budget = Budget::of(imageCount, keepRatio, beta);
    SelectionBuilder builder(imageCount, forced, SelectionReason::DroppedEasy);
    std::vector<int> chosen;
    cutGroup(hardestFirst(scores, hardEnd), budget.hardDropCount, budget.keepCount, builder, chosen);
    return builder.finish(chosen);
}

Selection selectClassAwareHardCutoff(const std::vector<double> &scores, const std::vector<int> &labels, HardEnd hardEnd,
    double keepRatio, double beta, const std::vector<bool> &forced)
{
    const int imageCount = int(scores.size());
    if (labels.size() != scores.size())
        throw Error(QCoreApplication::translate("Selection",
            "The class-aware cutoff got %1 class labels for %2 scored images; every "
            "image needs its (pseudo-)label.")
                        .arg(qulonglong(labels.size()))
                        .arg(imageCount));
    const Budget budget = Budget::of(imageCount, keepRatio, beta);
    SelectionBuilder builder(imageCount, forced, SelectionReason::DroppedEasy);

    const std::vector<int> ranking = hardestFirst(scores, hardEnd);
    std::map<int, std::vector<int>> classes; // ordered by class id, so ties go to the smaller id
    for (int image : ranking)
        classes[labels[std::size_t(image)]].push_back(image);

    std::vector<ClassQuota> quotas;
    int assigned = 0;
    for (const auto &entry : classes) {
        const int size = int(entry.second.size());
        const int keepCount = floorCount(keepRatio, size);
        quotas.push_back({ &entry.second, keepCount, keepRatio * size - keepCount });
        assigned += keepCount;
    }
    std::vector<ClassQuota *> byRemainder;
    for (ClassQuota &quota : quotas)
        byRemainder.push_back(&quota);
    std::stable_sort(byRemainder.begin(), byRemainder.end(),
        [](const ClassQuota *a, const ClassQuota *b) { return a->remainder > b->remainder; });
    const int extra = std::min(budget.keepCount - assigned, int(byRemainder.size()));
    for (int i = 0; i < extra; ++i)
        ++byRemainder[std::size_t(i)]->keepCount;

    std::vector<int> chosen;
    for (const ClassQuota &quota : quotas)
        cutGroup(*quota.ranked, floorCount(beta, int(quota.ranked->size())), quota.keepCount, builder, chosen);

    std::vector<int> rankPosition(static_cast<std::size_t>(imageCount));
    for (std::size_t position = 0; position < ranking.size(); ++position)
        rankPosition[std::size_t(ranking[position])] = int(position);
    std::sort(chosen.begin(), chosen.end(),
        [&](int a, int b) { return rankPosition[std::size_t(a)] < rankPosition[std::size_t(b)]; });
    return builder.finish(chosen);
}

} // namespace semiprune

#include "browsepreset.h"

#include <QCoreApplication>

#include <limits>

namespace semiprune::ui {

namespace {

// Every finite score: hides the unscored rows that a difficulty sort would put last anyway, so
// the count says how many images the preset is about.
ValueRange anyScore()
{
    ValueRange range;
    range.low = std::numeric_limits<double>::lowest();
    range.high = std::numeric_limits<double>::max();
    return range;
}

} // namespace

GridArrangement presetArrangement(BrowsePreset preset)
{
    GridArrangement arrangement;
    switch (preset) {
    case BrowsePreset::Everything:
        break;
    case BrowsePreset::Hardest:
        arrangement.sort = GridSort::Difficulty;
        arrangement.filters.difficulty = anyScore();
        break;
    case BrowsePreset::Easiest:
        arrangement.sort = GridSort::DifficultyDescending;
        arrangement.filters.difficulty = anyScore();
        break;
    case BrowsePreset::LeastConfident:
        arrangement.sort = GridSort::Confidence;
        arrangement.filters.state = GridFilter::Pseudo;
        break;
    case BrowsePreset::DroppedByCutoff:
        arrangement.sort = GridSort::Difficulty;
        arrangement.filters.keep = KeepFilter::DroppedHard;
        break;
    case BrowsePreset::Kept:
        arrangement.sort = GridSort::Difficulty;
        arrangement.filters.keep = KeepFilter::Kept;
        break;
    }
    return arrangement;
}

QString presetTitle(BrowsePreset preset)
{
    switch (preset) {
    case BrowsePreset::Everything:
        return QCoreApplication::translate("BrowsePreset", "&All Images");
    case BrowsePreset::Hardest:
        return QCoreApplication::translate("BrowsePreset", "&Hardest First");
    case BrowsePreset::Easiest:
        return QCoreApplication::translate("BrowsePreset", "&Easiest First");
    case BrowsePreset::LeastConfident:
        return QCoreApplication::translate("BrowsePreset", "&Least Confident Pseudo-Labels");
    case BrowsePreset::DroppedByCutoff:
        return QCoreApplication::translate("BrowsePreset", "&Dropped by the Hard Cutoff");
    case BrowsePreset::Kept:
        return QCoreApplication::translate("BrowsePreset", "&Kept by the Selection");
    }
    return QString();
}

QString presetDescription(BrowsePreset preset)
{
    switch (preset) {
    case BrowsePreset::Everything:
        return QCoreApplication::translate("BrowsePreset", "Every image, without filters, in the loaded order.");
    case BrowsePreset::Hardest:
        return QCoreApplication::translate(
            "BrowsePreset", "Scored images from the lowest AUM: ambiguous or likely mislabeled images come first.");
    case BrowsePreset::Easiest:
        return QCoreApplication::translate(
            "BrowsePreset", "Scored images from the highest AUM: the most typical, redundant images come first.");
    case BrowsePreset::LeastConfident:
        return QCoreApplication::translate(
            "BrowsePreset", "Pseudo-labeled images from the least confident pseudo-label.");
    case BrowsePreset::DroppedByCutoff:
        return QCoreApplication::translate(
            "BrowsePreset", "What the newest selection dropped as too hard (likely mislabeled), hardest first.");
    case BrowsePreset::Kept:
        return QCoreApplication::translate("BrowsePreset", "What the newest selection keeps, hardest first.");
    }
    return QString();
}

} // namespace semiprune::ui

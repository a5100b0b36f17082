#include "selectionpreview.h"

#include "common/error.h"
#include "difficultydata.h"
#include "scoring/scores.h"
#include "selection/budget.h"
#include "selection/hardcutoff.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>
#include <limits>

namespace semiprune::ui {

double PreviewSettings::effectiveBeta() const
{
    return beta < 0 ? defaultBetaFor(keepRatio) : beta;
}

QString previewProblem(const PreviewSettings &settings)
{
    const QLocale locale;
    if (!(settings.keepRatio > 0 && settings.keepRatio < 1))
        return QCoreApplication::translate("SelectionPreview", "The keep ratio must lie between 0 and 1 (it is %1).")
            .arg(locale.toString(settings.keepRatio, 'g', 3));
    const double beta = settings.effectiveBeta();
    if (!(beta >= 0 && beta < 1 - settings.keepRatio)) {
        return QCoreApplication::translate("SelectionPreview",
            "β = %1 is out of range: with keep ratio r = %2 it must be at least 0 and below 1 − r = %3, "
            "since the images dropped as too hard and the kept ones cannot be more than the whole pool. "
            "The default for this r is %4.")
            .arg(locale.toString(beta, 'f', 2), locale.toString(settings.keepRatio, 'f', 2),
                locale.toString(1 - settings.keepRatio, 'f', 2),
                locale.toString(defaultBetaFor(settings.keepRatio), 'f', 2));
    }
    return QString();
}

SelectionPreview previewSelection(const DifficultyData &data, const PreviewSettings &settings)
{
    SelectionPreview preview;
    preview.problem = previewProblem(settings);
    if (!preview.isValid())
        return preview;
    preview.beta = settings.effectiveBeta();
    const std::vector<bool> forced = settings.forceSeed ? data.humanLabeled : std::vector<bool> {};
    Selection selection;
    try {
        if (settings.perClass)
            selection = selectClassAwareHardCutoff(
                data.aum, data.labels, hardEndOf(ScoreKind::Aum), settings.keepRatio, preview.beta, forced);
        else
            selection = selectHardCutoff(data.aum, hardEndOf(ScoreKind::Aum), settings.keepRatio, preview.beta, forced);
    } catch (const Error &error) {
        preview.problem = error.message();
        return preview;
    }
    preview.reasons = std::move(selection.reasons);
    preview.keptPerClass.assign(data.classes.size(), 0);
    preview.totalPerClass.assign(data.classes.size(), 0);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    double cutoff = -std::numeric_limits<double>::infinity();
    double keptLow = std::numeric_limits<double>::infinity();
    double keptHigh = -std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < preview.reasons.size(); ++i) {
        const int cls = data.labels[i];
        if (cls >= 0)
            ++preview.totalPerClass[size_t(cls)];
        switch (preview.reasons[i]) {
        case SelectionReason::Kept:
            ++preview.kept;
            keptLow = std::min(keptLow, data.aum[i]);
            keptHigh = std::max(keptHigh, data.aum[i]);
            if (cls >= 0)
                ++preview.keptPerClass[size_t(cls)];
            break;
        case SelectionReason::DroppedHard:
            ++preview.droppedHard;
            cutoff = std::max(cutoff, data.aum[i]);
            break;
        case SelectionReason::DroppedEasy:
        case SelectionReason::DroppedNotSampled:
        case SelectionReason::DroppedCovered:
            ++preview.droppedEasy;
            break;
        }
    }
    preview.cutoffScore = preview.droppedHard > 0 ? cutoff : nan;
    preview.keptLow = preview.kept > 0 ? keptLow : nan;
    preview.keptHigh = preview.kept > 0 ? keptHigh : nan;
    return preview;
}

} // namespace semiprune::ui

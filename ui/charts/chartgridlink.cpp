#include "chartgridlink.h"

#include "difficultydock.h"
#include "project/projectview.h"

#include <memory>

namespace semiprune::ui {

void linkChartsToGrid(DifficultyDock *dock, ProjectView *view)
{
    QObject::connect(dock, &DifficultyDock::difficultyRangeChosen, view, [view](const ValueRange &range) {
        GridArrangement arrangement = view->arrangement();
        arrangement.filters.difficulty = range;
        arrangement.filters.images.reset(); // a bar is a new question, not a narrowing of a pick
        if (arrangement.sort == GridSort::Loaded)
            arrangement.sort = GridSort::Difficulty;
        view->setArrangement(arrangement);
        view->showGrid();
    });
    QObject::connect(dock, &DifficultyDock::confidenceRangeChosen, view, [view](const ValueRange &range) {
        GridArrangement arrangement = view->arrangement();
        arrangement.filters.confidence = range;
        arrangement.filters.images.reset();
        if (arrangement.sort == GridSort::Loaded)
            arrangement.sort = GridSort::Confidence;
        view->setArrangement(arrangement);
        view->showGrid();
    });
    QObject::connect(dock, &DifficultyDock::imagesPicked, view, [view](const QSet<qint64> &images) {
        // The grid shows exactly the picked points: the map draws every image whatever the grid's
        // filters, so keeping an earlier bar's range would silently hide most of the pick.
        GridArrangement arrangement = view->arrangement();
        arrangement.filters = GridFilters();
        arrangement.filters.images = std::make_shared<const QSet<qint64>>(images);
        view->setArrangement(arrangement);
        view->showGrid();
    });
}

} // namespace semiprune::ui

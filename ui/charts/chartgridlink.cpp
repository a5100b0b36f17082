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
        if (arrangement.sort == GridSort::Loaded)
            arrangement.sort = GridSort::Difficulty;
        view->setArrangement(arrangement);
        view->showGrid();
    });
    QObject::connect(dock, &DifficultyDock::confidenceRangeChosen, view, [view](const ValueRange &range) {
        GridArrangement arrangement = view->arrangement();
        arrangement.filters.confidence = range;
        if (arrangement.sort == GridSort::Loaded)
            arrangement.sort = GridSort::Confidence;
        view->setArrangement(arrangement);
        view->showGrid();
    });
    QObject::connect(dock, &DifficultyDock::imagesPicked, view, [view](const QSet<qint64> &images) {
        GridArrangement arrangement = view->arrangement();
        arrangement.filters.images = std::make_shared<const QSet<qint64>>(images);
        view->setArrangement(arrangement);
        view->showGrid();
    });
}

} // namespace semiprune::ui

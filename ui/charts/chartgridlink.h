#pragma once

namespace semiprune::ui {

class DifficultyDock;
class ProjectView;

// Makes the dock's clicks filter the grid: a difficulty or confidence bar narrows the grid to that
// range (keeping the class and label filters, replacing an earlier pick), points picked on the data
// map show exactly those images (every other filter cleared).
// The connections end with the view.
void linkChartsToGrid(DifficultyDock *dock, ProjectView *view);

} // namespace semiprune::ui

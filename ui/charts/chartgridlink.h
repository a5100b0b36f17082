#pragma once

namespace semiprune::ui {

class DifficultyDock;
class ProjectView;

// Makes the dock's clicks filter the grid: a difficulty or confidence bar narrows the grid to that
// range (keeping the other filters), points picked on the data map restrict it to those images.
// The connections end with the view.
void linkChartsToGrid(DifficultyDock *dock, ProjectView *view);

} // namespace semiprune::ui

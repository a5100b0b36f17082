#pragma once

#include <vector>

class QGridLayout;
class QPushButton;

namespace semiprune::ui {

// Puts one button per class into `grid` in balanced, centred rows of at most kClassButtonsPerRow
// (ten classes: two rows of five), so that a project with many classes never makes the window wider
// than a laptop screen. Deletes the buttons the grid held before.
void fillClassButtonRows(QGridLayout *grid, const std::vector<QPushButton *> &buttons);

constexpr int kClassButtonsPerRow = 5;

} // namespace semiprune::ui

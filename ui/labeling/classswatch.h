#pragma once

#include <QColor>
#include <QIcon>

namespace semiprune::ui {

// A rounded square of a class's color, for lists and buttons: the same swatch wherever a class shows.
QIcon classSwatch(const QColor &color, int size = 14);

} // namespace semiprune::ui

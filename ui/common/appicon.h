#pragma once

#include <QIcon>

namespace semiprune::ui {

// The application's icon: the SVG in the resources when Qt can render it (the qt6-svg plugin),
// else the same picture drawn with QPainter at the usual sizes, so the window never goes iconless.
QIcon applicationIcon();

} // namespace semiprune::ui

#pragma once

class QPushButton;
class QString;
class QWidget;

namespace semiprune::ui {

// A button of a keyboard-driven view (seed labeling, review): it never takes the focus, so every
// key press keeps reaching the view while the mouse can still click it.
QPushButton *makeViewButton(const QString &text, const QString &objectName, QWidget *parent);

} // namespace semiprune::ui

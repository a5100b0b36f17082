#include "viewbutton.h"

#include <QPushButton>

namespace semiprune::ui {

QPushButton *makeViewButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setFocusPolicy(Qt::NoFocus); // keys belong to the view
    return button;
}

} // namespace semiprune::ui

#include "classbuttonrows.h"

#include <QGridLayout>
#include <QPushButton>

namespace semiprune::ui {

void fillClassButtonRows(QGridLayout *grid, const std::vector<QPushButton *> &buttons)
{
    while (QLayoutItem *item = grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (int column = 0; column < grid->columnCount(); ++column)
        grid->setColumnStretch(column, 0);
    const int count = int(buttons.size());
    if (count == 0)
        return;
    const int rows = (count + kClassButtonsPerRow - 1) / kClassButtonsPerRow;
    const int perRow = (count + rows - 1) / rows;
    // Columns 0 and perRow + 1 are empty and stretch: the rows stay centred.
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(perRow + 1, 1);
    for (int i = 0; i < count; ++i)
        grid->addWidget(buttons[size_t(i)], i / perRow, 1 + i % perRow);
}

} // namespace semiprune::ui

#include "classswatch.h"

#include <QPainter>
#include <QPixmap>

namespace semiprune::ui {

QIcon classSwatch(const QColor &color, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(140));
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), size / 4.0, size / 4.0);
    return QIcon(pixmap);
}

} // namespace semiprune::ui

#include "appicon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace semiprune::ui {

namespace {

// Draws resources/icons/semiprune-studio.svg (a 256-unit square): a grid of tiles, half of them
// pruned (faded), and a check mark.
QPixmap drawIcon(int side)
{
    QPixmap pixmap(side, side);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(side / 256.0, side / 256.0);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x2b, 0x3a, 0x55));
    painter.drawRoundedRect(QRectF(8, 8, 240, 240), 40, 40);
    const QColor tile(0x8f, 0xb3, 0xe8);
    for (int row = 0; row < 3; ++row) {
        for (int column = 0; column < 3; ++column) {
            if (row == 2 && column == 2)
                continue; // the check mark's place
            QColor color = tile;
            if ((row + column) % 2 == 1)
                color.setAlphaF(0.35f);
            painter.setBrush(color);
            painter.drawRoundedRect(QRectF(40 + 64 * column, 40 + 64 * row, 48, 48), 8, 8);
        }
    }
    QPainterPath check;
    check.moveTo(160, 200);
    check.lineTo(178, 218);
    check.lineTo(218, 172);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(0xf2, 0xb1, 0x34), 16, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPath(check);
    return pixmap;
}

} // namespace

QIcon applicationIcon()
{
    // Not cached in a static: pixmaps must not outlive the QGuiApplication.
    QIcon svg(QStringLiteral(":/icons/semiprune-studio.svg"));
    if (!svg.pixmap(QSize(32, 32)).isNull())
        return svg;
    QIcon drawn;
    for (int side : { 16, 22, 24, 32, 48, 64, 128, 256 })
        drawn.addPixmap(drawIcon(side));
    return drawn;
}

} // namespace semiprune::ui

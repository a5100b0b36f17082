#include "recentprojectdelegate.h"

#include <QApplication>
#include <QDir>
#include <QPainter>

namespace semiprune::ui {

namespace {
constexpr int kMargin = 8;
}

QSize RecentProjectDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return QSize(200, 2 * option.fontMetrics.height() + 2 * kMargin + 2);
}

void RecentProjectDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);

    const bool missing = index.data(MissingRole).toBool();
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = opt.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    QColor main = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor quiet = main;
    quiet.setAlphaF(0.6f);
    if (missing)
        main.setAlphaF(0.55f);

    const QRect area = opt.rect.adjusted(kMargin + 2, kMargin, -kMargin, -kMargin);
    const int line = opt.fontMetrics.height();
    QFont nameFont = opt.font;
    nameFont.setBold(true);
    painter->save();
    painter->setFont(nameFont);
    painter->setPen(main);
    QString name = index.data(Qt::DisplayRole).toString();
    if (missing)
        name = tr("%1 (missing)").arg(name);
    painter->drawText(QRect(area.x(), area.y(), area.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(nameFont).elidedText(name, Qt::ElideRight, area.width()));
    painter->setFont(opt.font);
    painter->setPen(quiet);
    const QString folder = QDir::toNativeSeparators(index.data(PathRole).toString());
    painter->drawText(QRect(area.x(), area.y() + line + 2, area.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
        opt.fontMetrics.elidedText(folder, Qt::ElideMiddle, area.width()));
    painter->restore();
}

} // namespace semiprune::ui

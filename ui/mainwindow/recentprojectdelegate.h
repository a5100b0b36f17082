#pragma once

#include <QStyledItemDelegate>

namespace semiprune::ui {

// Paints a recent project as two lines: its name, and its folder below in a quieter color; a
// missing file is dimmed and says so.
//
// Thread rules: GUI thread only.
class RecentProjectDelegate final : public QStyledItemDelegate {
    Q_OBJECT

public:
    // The item's data: Qt::DisplayRole the name, PathRole the full path, MissingRole a bool.
    enum Role { PathRole = Qt::UserRole + 1, MissingRole };

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace semiprune::ui

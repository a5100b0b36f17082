#pragma once

#include <QPixmap>
#include <QStyledItemDelegate>

namespace semiprune::ui {

// Paints one grid cell: the thumbnail (or a placeholder until it arrives), the file name elided in
// the middle, a colored badge with the class of a human label, a dot for seed images, and a clear
// tile for unreadable and missing images. Every cell has the same size (uniform item sizes).
//
// Thread rules: GUI thread only.
class ImageGridDelegate final : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit ImageGridDelegate(QObject *parent = nullptr);

    void setThumbnailSize(int logicalPixels);
    int thumbnailSize() const { return m_thumbnailSize; }
    // The smallest cell that holds the thumbnail, its caption and the padding.
    QSize cellSize(const QFont &font) const;
    // The view spreads spare width over the columns: cells are at least cellSize() wide.
    void setCellWidth(int width) { m_cellWidth = width; }
    // A neutral tile of the thumbnail's size that the model hands out until a thumbnail arrives.
    QPixmap placeholder(const QPalette &palette, qreal devicePixelRatio) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static constexpr int kPadding = 6;

private:
    QRect thumbnailRect(const QRect &cell) const;
    void paintBackground(QPainter *painter, const QStyleOptionViewItem &option, const QRect &cell) const;
    // Returns where the picture went inside the box.
    QRect paintThumbnail(QPainter *painter, const QRect &box, const QPixmap &pixmap) const;
    void paintProblem(QPainter *painter, const QStyleOptionViewItem &option, const QRect &box, bool missing) const;
    void paintBadge(QPainter *painter, const QStyleOptionViewItem &option, const QRect &box, const QPoint &corner,
        const QString &name, const QColor &color) const;
    // A pseudo-label: outlined and translucent, so it never reads as a human label.
    void paintPseudoBadge(QPainter *painter, const QStyleOptionViewItem &option, const QRect &box, const QPoint &corner,
        const QString &name, const QColor &color, double confidence) const;
    void paintSeedMarker(QPainter *painter, const QRect &box) const;
    void paintOverrideMarker(QPainter *painter, const QRect &box) const;

    int m_thumbnailSize = 112;
    int m_cellWidth = 0;
};

} // namespace semiprune::ui

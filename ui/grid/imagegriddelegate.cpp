#include "imagegriddelegate.h"

#include "imagegridmodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace semiprune::ui {

namespace {

using State = ImageGridModel::ThumbnailState;

constexpr int kCaptionGap = 4;
const QColor kProblemColor(0xc6, 0x28, 0x28);
const QColor kSeedColor(0xf2, 0xb1, 0x34);
// Overrides (a person correcting the model) get their own colour, the same as in the inspector.
const QColor kOverrideColor(0xb4, 0x23, 0x6b);

QColor textColorOn(const QColor &background)
{
    // Relative luminance decides: dark text on light badges, white on dark ones.
    const double luminance = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return luminance > 0.55 ? QColor(0x1a, 0x1a, 0x1a) : QColor(Qt::white);
}

} // namespace

ImageGridDelegate::ImageGridDelegate(QObject *parent) : QStyledItemDelegate(parent) { }

void ImageGridDelegate::setThumbnailSize(int logicalPixels)
{
    m_thumbnailSize = std::max(16, logicalPixels);
}

QSize ImageGridDelegate::cellSize(const QFont &font) const
{
    const QFontMetrics metrics(font);
    return QSize(
        m_thumbnailSize + 2 * kPadding, kPadding + m_thumbnailSize + kCaptionGap + metrics.height() + kPadding);
}

QSize ImageGridDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QSize minimum = cellSize(option.font);
    return QSize(std::max(minimum.width(), m_cellWidth), minimum.height());
}

QRect ImageGridDelegate::thumbnailRect(const QRect &cell) const
{
    return QRect(
        cell.x() + (cell.width() - m_thumbnailSize) / 2, cell.y() + kPadding, m_thumbnailSize, m_thumbnailSize);
}

QPixmap ImageGridDelegate::placeholder(const QPalette &palette, qreal devicePixelRatio) const
{
    QPixmap pixmap(QSize(m_thumbnailSize, m_thumbnailSize) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF box(0.5, 0.5, m_thumbnailSize - 1, m_thumbnailSize - 1);
    QColor fill = palette.color(QPalette::Base).value() > 128 ? palette.color(QPalette::Window).darker(104)
                                                              : palette.color(QPalette::Window).lighter(120);
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawRoundedRect(box, 4, 4);
    // A faint landscape glyph: says "a picture goes here" without looking like content.
    QColor glyph = palette.color(QPalette::Text);
    glyph.setAlphaF(0.12f);
    painter.setBrush(glyph);
    const double s = m_thumbnailSize;
    QPainterPath mountains;
    mountains.moveTo(s * 0.25, s * 0.68);
    mountains.lineTo(s * 0.42, s * 0.46);
    mountains.lineTo(s * 0.54, s * 0.60);
    mountains.lineTo(s * 0.62, s * 0.52);
    mountains.lineTo(s * 0.75, s * 0.68);
    mountains.closeSubpath();
    painter.drawPath(mountains);
    painter.drawEllipse(QPointF(s * 0.64, s * 0.36), s * 0.055, s * 0.055);
    return pixmap;
}

void ImageGridDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect cell = option.rect;
    paintBackground(painter, option, cell);

    const QRect box = thumbnailRect(cell);
    // Badges sit on the picture itself, not on the empty part of the box around a wide or tall one.
    QRect picture = box;
    const auto state = State(index.data(ImageGridModel::ThumbnailStateRole).toInt());
    if (state == State::Unreadable || state == State::Missing) {
        paintProblem(painter, option, box, state == State::Missing);
    } else {
        const QVariant decoration = index.data(Qt::DecorationRole);
        if (decoration.canConvert<QPixmap>()) {
            const QRect drawn = paintThumbnail(painter, box, decoration.value<QPixmap>());
            if (state == State::Ready && drawn.height() >= 24)
                picture = drawn;
        }
    }

    const QString label = index.data(ImageGridModel::LabelNameRole).toString();
    if (!label.isEmpty())
        paintBadge(
            painter, option, box, picture.topLeft(), label, index.data(ImageGridModel::LabelColorRole).value<QColor>());
    else if (const QString pseudo = index.data(ImageGridModel::PseudoNameRole).toString(); !pseudo.isEmpty())
        paintPseudoBadge(painter, option, box, picture.topLeft(), pseudo,
            index.data(ImageGridModel::PseudoColorRole).value<QColor>(),
            index.data(ImageGridModel::PseudoConfidenceRole).toDouble());
    if (index.data(ImageGridModel::InSeedRole).toBool())
        paintSeedMarker(painter, picture);
    if (!label.isEmpty() && index.data(ImageGridModel::LabelSourceRole).toString() == QLatin1String("override"))
        paintOverrideMarker(painter, picture);

    const QRect caption(
        cell.x() + kPadding / 2, box.bottom() + 1 + kCaptionGap, cell.width() - kPadding, option.fontMetrics.height());
    const QString name
        = option.fontMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideMiddle, caption.width());
    painter->setFont(option.font);
    painter->setPen(option.palette.color(QPalette::Text));
    painter->drawText(caption, Qt::AlignHCenter | Qt::AlignVCenter, name);
    painter->restore();
}

void ImageGridDelegate::paintBackground(QPainter *painter, const QStyleOptionViewItem &option, const QRect &cell) const
{
    const QRectF frame = QRectF(cell).adjusted(1.5, 1.5, -1.5, -1.5);
    QColor highlight = option.palette.color(QPalette::Highlight);
    if (option.state & QStyle::State_Selected) {
        QColor fill = highlight;
        fill.setAlphaF(option.state & QStyle::State_Active ? 0.28f : 0.16f);
        painter->setPen(QPen(highlight, 2));
        painter->setBrush(fill);
        painter->drawRoundedRect(frame, 5, 5);
    } else if (option.state & QStyle::State_MouseOver) {
        highlight.setAlphaF(0.10f);
        painter->setPen(Qt::NoPen);
        painter->setBrush(highlight);
        painter->drawRoundedRect(frame, 5, 5);
    }
    if (option.state & QStyle::State_HasFocus && !(option.state & QStyle::State_Selected)) {
        QColor focus = option.palette.color(QPalette::Highlight);
        focus.setAlphaF(0.6f);
        painter->setPen(QPen(focus, 1, Qt::DotLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(frame, 5, 5);
    }
}

QRect ImageGridDelegate::paintThumbnail(QPainter *painter, const QRect &box, const QPixmap &pixmap) const
{
    if (pixmap.isNull())
        return box;
    const QSizeF source = pixmap.deviceIndependentSize();
    const double scale = std::min(box.width() / source.width(), box.height() / source.height());
    QSizeF target = source * scale;
    const bool enlarge = scale >= 2.0;
    if (enlarge) {
        // Tiny images (MNIST's 28 pixels) are shown with crisp square pixels of one integer size:
        // smoothing would blur exactly what the user is judging.
        const double whole = std::floor(scale);
        target = source * whole;
    }
    const QRectF rect(box.x() + (box.width() - target.width()) / 2.0, box.y() + (box.height() - target.height()) / 2.0,
        target.width(), target.height());
    painter->setRenderHint(QPainter::SmoothPixmapTransform, !enlarge);
    painter->drawPixmap(rect, pixmap, QRectF(QPointF(0, 0), QSizeF(pixmap.size())));
    return rect.toAlignedRect();
}

void ImageGridDelegate::paintProblem(
    QPainter *painter, const QStyleOptionViewItem &option, const QRect &box, bool missing) const
{
    QColor tint = kProblemColor;
    tint.setAlphaF(0.10f);
    painter->setBrush(tint);
    QColor border = kProblemColor;
    border.setAlphaF(0.55f);
    painter->setPen(QPen(border, 1.5, missing ? Qt::DashLine : Qt::SolidLine));
    painter->drawRoundedRect(QRectF(box).adjusted(1, 1, -1, -1), 4, 4);

    // A glyph: a torn picture for unreadable, a question mark for missing.
    const double s = box.width();
    const QPointF c = box.center();
    painter->setPen(QPen(kProblemColor, std::max(1.5, s / 40.0), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    const QRectF glyph(c.x() - s * 0.17, c.y() - s * 0.24, s * 0.34, s * 0.28);
    if (missing) {
        QFont font = option.font;
        font.setPixelSize(std::max(10, int(s * 0.26)));
        font.setBold(true);
        painter->setFont(font);
        painter->drawText(glyph, Qt::AlignCenter, QStringLiteral("?"));
    } else {
        QPainterPath torn;
        torn.moveTo(glyph.center().x() + s * 0.02, glyph.top());
        torn.lineTo(glyph.topLeft());
        torn.lineTo(glyph.bottomLeft());
        torn.lineTo(glyph.center().x() - s * 0.03, glyph.bottom());
        torn.lineTo(glyph.center().x() + s * 0.03, glyph.center().y() + s * 0.04);
        torn.lineTo(glyph.center().x() - s * 0.02, glyph.center().y() - s * 0.03);
        torn.closeSubpath();
        QPainterPath right;
        right.moveTo(glyph.center().x() + s * 0.06, glyph.top());
        right.lineTo(glyph.topRight());
        right.lineTo(glyph.bottomRight());
        right.lineTo(glyph.center().x() + s * 0.01, glyph.bottom());
        right.lineTo(glyph.center().x() + s * 0.07, glyph.center().y() + s * 0.04);
        right.lineTo(glyph.center().x() + s * 0.02, glyph.center().y() - s * 0.03);
        right.closeSubpath();
        painter->drawPath(torn);
        painter->drawPath(right);
    }
    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.9);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(kProblemColor);
    const QRectF text(box.x() + 2, glyph.bottom() + s * 0.06, box.width() - 4, QFontMetrics(font).height());
    const QString word = missing ? tr("Missing") : tr("Unreadable");
    painter->drawText(
        text, Qt::AlignHCenter | Qt::AlignTop, QFontMetrics(font).elidedText(word, Qt::ElideRight, int(text.width())));
}

void ImageGridDelegate::paintBadge(QPainter *painter, const QStyleOptionViewItem &option, const QRect &box,
    const QPoint &corner, const QString &name, const QColor &color) const
{
    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.85);
    font.setBold(true);
    const QFontMetrics metrics(font);
    const int height = metrics.height() + 2;
    const int maxWidth = std::max(24, box.right() - corner.x() - 6);
    const QString text = metrics.elidedText(name, Qt::ElideRight, maxWidth - 10);
    const int width = std::min(maxWidth, metrics.horizontalAdvance(text) + 10);
    const QRectF badge(corner.x() + 3, corner.y() + 3, width, height);
    painter->setPen(QPen(color.darker(130), 1));
    painter->setBrush(color);
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
    painter->setFont(font);
    painter->setPen(textColorOn(color));
    painter->drawText(badge, Qt::AlignCenter, text);
}

void ImageGridDelegate::paintPseudoBadge(QPainter *painter, const QStyleOptionViewItem &option, const QRect &box,
    const QPoint &corner, const QString &name, const QColor &color, double confidence) const
{
    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.8);
    font.setItalic(true);
    const QFontMetrics metrics(font);
    const int height = metrics.height() + 2;
    const int maxWidth = std::max(24, box.right() - corner.x() - 6);
    // The confidence stays whole and the name is cut at its end ("Ankle b… 60%"): a name's start
    // tells classes apart, a cut in the middle ("Ankle…t 60%") reads as neither. Where even that
    // leaves no room for the name, the name alone (the tooltip has the confidence).
    const QString percent = QStringLiteral(" %1%").arg(qRound(confidence * 100));
    const int nameRoom = maxWidth - 10 - metrics.horizontalAdvance(percent);
    const QString text = nameRoom >= metrics.horizontalAdvance(QStringLiteral("Abc…"))
        ? metrics.elidedText(name, Qt::ElideRight, nameRoom) + percent
        : metrics.elidedText(name, Qt::ElideRight, maxWidth - 10);
    const int width = std::min(maxWidth, metrics.horizontalAdvance(text) + 10);
    const QRectF badge(corner.x() + 3.5, corner.y() + 3.5, width, height);
    QColor fill(255, 255, 255, 170);
    QPen outline(color, 1.2, Qt::DashLine);
    painter->setPen(outline);
    painter->setBrush(fill);
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
    painter->setFont(font);
    painter->setPen(color.darker(170));
    painter->drawText(badge, Qt::AlignCenter, text);
}

void ImageGridDelegate::paintSeedMarker(QPainter *painter, const QRect &box) const
{
    const double radius = std::clamp(box.width() / 22.0, 3.5, 6.0);
    painter->setPen(QPen(QColor(0, 0, 0, 90), 1));
    painter->setBrush(kSeedColor);
    painter->drawEllipse(QPointF(box.right() - radius - 4, box.y() + radius + 4), radius, radius);
}

void ImageGridDelegate::paintOverrideMarker(QPainter *painter, const QRect &box) const
{
    // A folded corner at the bottom right: readable at any thumbnail size, apart from the badges.
    const double side = std::clamp(box.width() / 5.0, 8.0, 18.0);
    QPainterPath corner;
    corner.moveTo(box.right() + 1 - side, box.bottom() + 1);
    corner.lineTo(box.right() + 1, box.bottom() + 1 - side);
    corner.lineTo(box.right() + 1, box.bottom() + 1);
    corner.closeSubpath();
    painter->setPen(QPen(Qt::white, 1));
    painter->setBrush(kOverrideColor);
    painter->drawPath(corner);
}

} // namespace semiprune::ui

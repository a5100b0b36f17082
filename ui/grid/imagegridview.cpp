#include "imagegridview.h"

#include "imagegriddelegate.h"
#include "imagegridmodel.h"

#include <QEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace semiprune::ui {

ImageGridView::ImageGridView(QWidget *parent) : QListView(parent), m_delegate(new ImageGridDelegate(this))
{
    setViewMode(QListView::IconMode);
    setMovement(QListView::Static);
    setResizeMode(QListView::Adjust);
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setUniformItemSizes(true);
    setSpacing(0);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionRectVisible(true);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setDragEnabled(false);
    setMouseTracking(true);
    setItemDelegate(m_delegate);
    viewport()->setAttribute(Qt::WA_Hover);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &ImageGridView::updateVisibleRange);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &ImageGridView::scheduleVisibleRangeUpdate);
    applyGeometry();
}

void ImageGridView::setGridModel(ImageGridModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    setModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &ImageGridView::scheduleVisibleRangeUpdate);
        connect(model, &QAbstractItemModel::rowsInserted, this, &ImageGridView::scheduleVisibleRangeUpdate);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &ImageGridView::scheduleVisibleRangeUpdate);
    }
    applyGeometry();
}

void ImageGridView::setThumbnailSize(int logicalPixels)
{
    m_delegate->setThumbnailSize(logicalPixels);
    applyGeometry();
}

int ImageGridView::thumbnailSize() const
{
    return m_delegate->thumbnailSize();
}

void ImageGridView::updateGridSize()
{
    // Spread the spare width over the columns, so the grid fills the view instead of leaving a band
    // on the right. QListView reserves the scroll bar's width in this flow whether it shows or not;
    // so do we, which keeps the column count from flipping as the scroll bar comes and goes.
    const QSize cell = m_delegate->cellSize(font());
    const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, verticalScrollBar());
    // QListView wraps an item that would end exactly at the right edge (it compares against the
    // last pixel), so a row of cells must stay a pixel short of the width: without that, a width of
    // exactly n cells showed n - 1 columns of unspread cells and a band of one empty column.
    const int available = std::max(cell.width(), maximumViewportSize().width() - scrollBar - 1);
    const int columns = std::max(1, available / cell.width());
    const QSize grid(std::max(cell.width(), available / columns), cell.height());
    if (grid == gridSize())
        return;
    m_delegate->setCellWidth(grid.width());
    setGridSize(grid);
}

void ImageGridView::applyGeometry()
{
    updateGridSize();
    const QSize cell = gridSize();
    verticalScrollBar()->setSingleStep(std::max(8, cell.height() / 4));
    const qreal ratio = devicePixelRatioF();
    if (m_model) {
        m_model->setPlaceholder(m_delegate->placeholder(palette(), ratio));
        m_model->setThumbnailSize(int(std::ceil(m_delegate->thumbnailSize() * ratio)));
    }
    scheduleVisibleRangeUpdate();
    viewport()->update();
}

void ImageGridView::resizeEvent(QResizeEvent *event)
{
    updateGridSize();
    QListView::resizeEvent(event);
    scheduleVisibleRangeUpdate();
}

void ImageGridView::showEvent(QShowEvent *event)
{
    QListView::showEvent(event);
    scheduleVisibleRangeUpdate();
}

void ImageGridView::changeEvent(QEvent *event)
{
    QListView::changeEvent(event);
    // A new font changes the caption height, a new palette the placeholder, a new screen the decode size.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange
        || event->type() == QEvent::StyleChange)
        applyGeometry();
}

void ImageGridView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QListView::wheelEvent(event);
        return;
    }
    // Touchpads send many small deltas: act on whole notches (120 units) only.
    m_zoomDelta += event->angleDelta().y();
    const int steps = m_zoomDelta / 120;
    if (steps != 0) {
        m_zoomDelta -= steps * 120;
        Q_EMIT zoomRequested(steps);
    }
    event->accept();
}

void ImageGridView::scheduleVisibleRangeUpdate()
{
    // A throttle, not a restarting debounce: a steady scroll sends a value change every frame, and
    // restarting the timer each time would hold back the range (and with it the prefetch ahead of
    // the scroll) until the scroll stops, leaving every new row to a paint-time miss. The pending
    // update reads the position when it fires, so the last change of a burst is never lost.
    if (!m_debounce.isActive())
        m_debounce.start();
}

QModelIndex ImageGridView::firstIndexFrom(const QList<QPoint> &points) const
{
    for (const QPoint &point : points) {
        const QModelIndex index = indexAt(point);
        if (index.isValid())
            return index;
    }
    return {};
}

void ImageGridView::updateVisibleRange()
{
    if (!m_model || m_model->rowCount() == 0 || !isVisible()) {
        m_visible = { -1, -1 };
        return;
    }
    const QRect area = viewport()->rect();
    const QSize cell = gridSize();
    const int count = m_model->rowCount();
    // Probing a few points of the first and last cell rows is enough: every cell has the same size,
    // so indexAt() is a division, not a search.
    const int midX = std::min(area.width() - 1, cell.width() / 2);
    const QModelIndex first
        = firstIndexFrom({ QPoint(midX, 1), QPoint(midX, cell.height() / 2), QPoint(midX, cell.height() - 1) });
    if (!first.isValid()) {
        m_visible = { -1, -1 };
        return;
    }
    const int columns = std::max(1, area.width() / std::max(1, cell.width()));
    const int bottom = area.bottom();
    const int rightX = std::max(0, columns * cell.width() - cell.width() / 2);
    QModelIndex last = firstIndexFrom({ QPoint(rightX, bottom - 1), QPoint(rightX, bottom - cell.height() / 2),
        QPoint(rightX, bottom - cell.height() + 1) });
    int lastRow = last.isValid() ? last.row() : -1;
    if (lastRow < first.row()) {
        // The bottom-right corner is past the last image (a short last row, or the end of the list).
        const int rowsOnScreen = area.height() / std::max(1, cell.height()) + 2;
        lastRow = std::min(count - 1, first.row() - first.row() % columns + columns * rowsOnScreen - 1);
    }
    m_visible = { first.row(), lastRow };
    m_model->setVisibleRange(first.row(), lastRow);
    Q_EMIT visibleRangeChanged(first.row(), lastRow);
}

} // namespace semiprune::ui

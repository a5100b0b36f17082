#pragma once

#include <QListView>
#include <QTimer>

namespace semiprune::ui {

class ImageGridDelegate;
class ImageGridModel;

// The thumbnail grid: a QListView in icon mode with uniform item sizes and one delegate, so 100k
// images cost one rectangle computation each and no widget at all.
//
// After a scroll, a resize or a new model, a short timer (one update per kDebounceMs at most, and at
// least one per kDebounceMs during a steady scroll) finds the visible rows with indexAt() on the
// viewport's corners (constant time with a uniform grid) and tells the model, which has the loader
// make those first, then a screen ahead, and drop what left the window.
//
// Thread rules: GUI thread only.
class ImageGridView final : public QListView {
    Q_OBJECT

public:
    explicit ImageGridView(QWidget *parent = nullptr);

    void setGridModel(ImageGridModel *model);
    ImageGridModel *gridModel() const { return m_model; }
    ImageGridDelegate *gridDelegate() const { return m_delegate; }

    // The thumbnail's side in logical pixels; the cells, the placeholder and the decode size follow.
    void setThumbnailSize(int logicalPixels);
    int thumbnailSize() const;

    // The rows the last debounce found on screen (first, last); (-1, -1) when there are none.
    std::pair<int, int> visibleRange() const { return m_visible; }

    static constexpr int kDebounceMs = 30;

Q_SIGNALS:
    void visibleRangeChanged(int first, int last);
    // Ctrl + wheel: larger (positive steps) or smaller thumbnails.
    void zoomRequested(int steps);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    void scheduleVisibleRangeUpdate();
    void updateVisibleRange();
    QModelIndex firstIndexFrom(const QList<QPoint> &points) const;
    void applyGeometry();
    void updateGridSize();

    ImageGridModel *m_model = nullptr;
    ImageGridDelegate *m_delegate;
    QTimer m_debounce;
    std::pair<int, int> m_visible { -1, -1 };
    int m_zoomDelta = 0;
};

} // namespace semiprune::ui

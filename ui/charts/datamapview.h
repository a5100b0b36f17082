#pragma once

#include "common/ids.h"

#include <QChartView>
#include <QPoint>
#include <QSet>

#include <vector>

class QRubberBand;
class QScatterSeries;
class QValueAxis;

namespace semiprune::ui {

// The data map (dataset cartography): each scored image at (variability, mean confidence) of its
// (pseudo-)label over the proxy epochs, colored by what the previewed selection does with it.
// Easy images sit top left, ambiguous ones in the middle right, likely mislabeled ones bottom left.
//
// Qt Charts' scatter series paints every marker on every repaint (no OpenGL here), which takes
// seconds at 60k points: at most kMaxDrawn points are drawn, a fixed pseudo-random sample. Picking
// (a click or a dragged rectangle) works on every image, drawn or not.
//
// Thread rules: GUI thread only.
class DataMapView final : public QChartView {
    Q_OBJECT

public:
    static constexpr int kMaxDrawn = 2500;

    explicit DataMapView(QWidget *parent = nullptr);

    // x: variability, y: mean confidence; one entry per image.
    void setPoints(const std::vector<ImageId> &images, const std::vector<float> &variability,
        const std::vector<float> &confidence);
    // The layer of each image (index into the layers), e.g. kept / dropped as hard / dropped as easy.
    void setLayers(const QStringList &names, const std::vector<QColor> &colors);
    void setLayerOf(const std::vector<int> &layerOf);
    int drawnCount() const { return int(m_drawn.size()); }
    int imageCount() const { return int(m_images.size()); }

    // Every image inside a rectangle of (variability, confidence) values.
    QSet<qint64> imagesIn(const QRectF &values) const;
    // The image nearest to a point in values, within `radius` pixels; invalid when none is.
    ImageId imageNear(const QPointF &value, double radius) const;

public Q_SLOTS:
    // Emits imagesPicked with imagesIn(values) (the slot a dragged rectangle ends in).
    void pickRect(const QRectF &values);

Q_SIGNALS:
    void imagesPicked(const QSet<qint64> &images);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void rebuildSeries();

    std::vector<ImageId> m_images;
    std::vector<float> m_x;
    std::vector<float> m_y;
    std::vector<int> m_layerOf;
    std::vector<int> m_drawn; // the sample that is painted
    std::vector<QScatterSeries *> m_series;
    QValueAxis *m_xAxis;
    QValueAxis *m_yAxis;
    QRubberBand *m_rubberBand = nullptr;
    QPoint m_pressAt;
    bool m_dragging = false;
};

} // namespace semiprune::ui

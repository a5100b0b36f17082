#include "datamapview.h"

#include "common/random.h"

#include <QChart>
#include <QMouseEvent>
#include <QRubberBand>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace semiprune::ui {

DataMapView::DataMapView(QWidget *parent)
    : QChartView(new QChart, parent), m_xAxis(new QValueAxis), m_yAxis(new QValueAxis)
{
    QChart *c = chart();
    c->setMargins(QMargins(2, 2, 2, 2));
    c->setBackgroundRoundness(0);
    c->setAnimationOptions(QChart::NoAnimation);
    c->legend()->setAlignment(Qt::AlignBottom);
    m_xAxis->setTitleText(tr("Variability over epochs"));
    m_yAxis->setTitleText(tr("Mean confidence"));
    m_xAxis->setLabelFormat(QStringLiteral("%.2f"));
    m_yAxis->setLabelFormat(QStringLiteral("%.1f"));
    m_yAxis->setRange(0, 1);
    c->addAxis(m_xAxis, Qt::AlignBottom);
    c->addAxis(m_yAxis, Qt::AlignLeft);
    setMinimumHeight(220);
    setToolTip(tr("Each image at the mean and the standard deviation, over the proxy epochs, of the probability "
                  "given to its label. Drag a rectangle, or click a point, to show those images in the grid."));
}

void DataMapView::setPoints(
    const std::vector<ImageId> &images, const std::vector<float> &variability, const std::vector<float> &confidence)
{
    m_images = images;
    m_x = variability;
    m_y = confidence;
    m_layerOf.assign(images.size(), 0);
    // A fixed sample: the kMaxDrawn images of smallest hash, drawn in hash order so no layer is
    // painted over another wholesale.
    std::vector<std::pair<quint64, int>> order;
    order.reserve(images.size());
    for (size_t i = 0; i < images.size(); ++i)
        order.emplace_back(mix64(quint64(images[i].value)), int(i));
    const size_t drawn = std::min(order.size(), size_t(kMaxDrawn));
    std::partial_sort(order.begin(), order.begin() + qsizetype(drawn), order.end());
    m_drawn.clear();
    for (size_t i = 0; i < drawn; ++i)
        m_drawn.push_back(order[i].second);

    float maxX = 0.05f;
    for (float x : m_x)
        maxX = std::max(maxX, x);
    m_xAxis->setRange(0, double(maxX) * 1.05);
    m_xAxis->applyNiceNumbers();
    rebuildSeries();
}

void DataMapView::setLayers(const QStringList &names, const std::vector<QColor> &colors)
{
    QChart *c = chart();
    for (QScatterSeries *series : m_series) {
        c->removeSeries(series);
        delete series;
    }
    m_series.clear();
    for (int i = 0; i < names.size(); ++i) {
        auto *series = new QScatterSeries;
        series->setName(names.at(i));
        series->setColor(colors[size_t(i)]);
        series->setBorderColor(colors[size_t(i)]);
        series->setMarkerSize(4.5);
        series->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        c->addSeries(series);
        series->attachAxis(m_xAxis);
        series->attachAxis(m_yAxis);
        m_series.push_back(series);
    }
    c->legend()->setVisible(names.size() > 1);
    rebuildSeries();
}

void DataMapView::setLayerOf(const std::vector<int> &layerOf)
{
    m_layerOf = layerOf;
    m_layerOf.resize(m_images.size(), 0);
    rebuildSeries();
}

void DataMapView::rebuildSeries()
{
    if (m_series.empty())
        return;
    std::vector<QList<QPointF>> points(m_series.size());
    for (int i : m_drawn) {
        const size_t layer = size_t(std::clamp(m_layerOf[size_t(i)], 0, int(m_series.size()) - 1));
        points[layer].append(QPointF(m_x[size_t(i)], m_y[size_t(i)]));
    }
    for (size_t layer = 0; layer < m_series.size(); ++layer)
        m_series[layer]->replace(points[layer]);
}

QSet<qint64> DataMapView::imagesIn(const QRectF &values) const
{
    const QRectF r = values.normalized();
    QSet<qint64> picked;
    for (size_t i = 0; i < m_images.size(); ++i) {
        const double x = m_x[i];
        const double y = m_y[i];
        if (x >= r.left() && x <= r.right() && y >= r.top() && y <= r.bottom())
            picked.insert(m_images[i].value);
    }
    return picked;
}

ImageId DataMapView::imageNear(const QPointF &value, double radius) const
{
    const QRectF plot = chart()->plotArea();
    if (plot.isEmpty())
        return {};
    // Distances in pixels: the two axes have different units.
    const double sx = plot.width() / (m_xAxis->max() - m_xAxis->min());
    const double sy = plot.height() / (m_yAxis->max() - m_yAxis->min());
    double best = radius * radius;
    ImageId nearest;
    for (size_t i = 0; i < m_images.size(); ++i) {
        const double dx = (m_x[i] - value.x()) * sx;
        const double dy = (m_y[i] - value.y()) * sy;
        const double d = dx * dx + dy * dy;
        if (d <= best) {
            best = d;
            nearest = m_images[i];
        }
    }
    return nearest;
}

void DataMapView::pickRect(const QRectF &values)
{
    Q_EMIT imagesPicked(imagesIn(values));
}

void DataMapView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_images.empty()) {
        QChartView::mousePressEvent(event);
        return;
    }
    m_pressAt = event->position().toPoint();
    m_dragging = true;
    if (!m_rubberBand)
        m_rubberBand = new QRubberBand(QRubberBand::Rectangle, viewport());
    m_rubberBand->setGeometry(QRect(m_pressAt, QSize()));
    m_rubberBand->show();
    event->accept();
}

void DataMapView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging) {
        QChartView::mouseMoveEvent(event);
        return;
    }
    m_rubberBand->setGeometry(QRect(m_pressAt, event->position().toPoint()).normalized());
    event->accept();
}

void DataMapView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragging || event->button() != Qt::LeftButton) {
        QChartView::mouseReleaseEvent(event);
        return;
    }
    m_dragging = false;
    m_rubberBand->hide();
    const QPoint releaseAt = event->position().toPoint();
    const QPointF from = chart()->mapToValue(mapToScene(m_pressAt));
    const QPointF to = chart()->mapToValue(mapToScene(releaseAt));
    if ((releaseAt - m_pressAt).manhattanLength() < 4) {
        const ImageId image = imageNear(from, 8.0);
        if (image.isValid())
            Q_EMIT imagesPicked(QSet<qint64> { image.value });
    } else {
        pickRect(QRectF(from, to));
    }
    event->accept();
}

} // namespace semiprune::ui

#include "histogramchart.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace semiprune::ui {

HistogramChart::HistogramChart(const QString &valueTitle, QWidget *parent)
    : QChartView(new QChart, parent), m_bars(new QStackedBarSeries), m_binAxis(new QBarCategoryAxis),
      m_valueAxis(new QValueAxis), m_countAxis(new QValueAxis), m_bandUpper(new QLineSeries),
      m_bandLower(new QLineSeries), m_band(new QAreaSeries(m_bandUpper, m_bandLower)), m_marker(new QLineSeries)
{
    // An area series does not own its edges: they go with it when the chart deletes it.
    m_bandUpper->setParent(m_band);
    m_bandLower->setParent(m_band);
    QChart *c = chart();
    c->setMargins(QMargins(2, 2, 2, 2));
    c->setBackgroundRoundness(0);
    c->legend()->setAlignment(Qt::AlignBottom);
    c->setAnimationOptions(QChart::NoAnimation);
    m_bars->setBarWidth(1.0); // a histogram: bars touch
    // The band goes first so the bars are drawn over it.
    c->addSeries(m_band);
    c->addSeries(m_bars);
    c->addSeries(m_marker);
    m_binAxis->setVisible(false);
    m_valueAxis->setTitleText(valueTitle);
    m_valueAxis->setLabelFormat(QStringLiteral("%.1f"));
    m_valueAxis->setTickCount(6);
    m_countAxis->setTitleText(tr("Images"));
    m_countAxis->setLabelFormat(QStringLiteral("%d"));
    c->addAxis(m_binAxis, Qt::AlignBottom);
    c->addAxis(m_valueAxis, Qt::AlignBottom);
    c->addAxis(m_countAxis, Qt::AlignLeft);
    m_bars->attachAxis(m_binAxis);
    m_bars->attachAxis(m_countAxis);
    for (QAbstractSeries *series :
        { static_cast<QAbstractSeries *>(m_band), static_cast<QAbstractSeries *>(m_marker) }) {
        series->attachAxis(m_valueAxis);
        series->attachAxis(m_countAxis);
    }
    m_band->setColor(QColor(46, 125, 50, 40));
    m_band->setBorderColor(QColor(46, 125, 50, 120));
    QPen pen(QColor(198, 40, 40));
    pen.setWidth(2);
    pen.setStyle(Qt::DashLine);
    m_marker->setPen(pen);
    m_band->setVisible(false);
    m_marker->setVisible(false);
    connect(m_bars, &QAbstractBarSeries::clicked, this, [this](int index, QBarSet *) { chooseBin(index); });
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(200);
}

void HistogramChart::setTitle(const QString &title)
{
    chart()->setTitle(title);
}

void HistogramChart::setLayers(const QStringList &names, const std::vector<QColor> &colors)
{
    if (names == m_names && colors == m_colors)
        return; // rebuilding the bar sets at every control change costs more than the update
    m_names = names;
    m_colors = colors;
    m_bars->clear();
    m_sets.clear();
    for (int i = 0; i < names.size(); ++i) {
        auto *set = new QBarSet(names.at(i));
        set->setColor(colors[size_t(i)]);
        set->setBorderColor(colors[size_t(i)].darker(115));
        m_bars->append(set);
        m_sets.push_back(set);
    }
    // Legend entries for the overlays only when they show.
    chart()->legend()->setVisible(names.size() > 1);
}

void HistogramChart::setHistogram(const Histogram &histogram)
{
    m_histogram = histogram;
    const int bins = histogram.binCount();
    QStringList categories;
    for (int bin = 0; bin < bins; ++bin)
        categories << QString::number(bin);
    if (m_binAxis->categories() != categories) {
        m_binAxis->clear();
        m_binAxis->append(categories);
    }
    for (size_t layer = 0; layer < m_sets.size(); ++layer) {
        QList<qreal> values;
        values.reserve(bins);
        for (int bin = 0; bin < bins; ++bin)
            values << (int(layer) < histogram.layerCount() ? histogram.count(int(layer), bin) : 0);
        QBarSet *set = m_sets[layer];
        set->remove(0, set->count());
        set->append(values);
    }
    m_valueAxis->setRange(histogram.low(), histogram.high());
    // Ticks on bin edges: the axis range is a whole number of round-width bins, so a tick count
    // that divides it puts every label on a round number.
    int intervals = 1;
    for (int candidate : { 5, 4, 6, 8, 3, 7, 2 }) {
        if (bins > 0 && bins % candidate == 0) {
            intervals = candidate;
            break;
        }
    }
    m_valueAxis->setTickCount(intervals + 1);
    // The ticks are bin edges, multiples of the bin width: as many decimals as the width has
    // (0.5 needs one, 0.025 three), or labels would round (-6.5 shown as -7).
    int decimals = 0;
    for (double width = histogram.binWidth();
         decimals < 6 && std::abs(width - std::round(width)) > 1e-9 * std::max(1.0, width); width *= 10)
        ++decimals;
    m_valueAxis->setLabelFormat(QStringLiteral("%.%1f").arg(std::clamp(decimals, 0, 4)));
    m_countAxis->setRange(0, std::max(1.0, histogram.maxTotal() * 1.08));
    m_countAxis->applyNiceNumbers();
    updateOverlays();
}

void HistogramChart::setBand(double low, double high, const QString &name)
{
    m_bandLow = low;
    m_bandHigh = high;
    m_band->setName(name);
    updateOverlays();
}

void HistogramChart::setMarker(double value, const QString &name)
{
    m_markerValue = value;
    m_marker->setName(name);
    updateOverlays();
}

double HistogramChart::yTop() const
{
    return m_countAxis->max();
}

void HistogramChart::updateOverlays()
{
    const bool band = !std::isnan(m_bandLow) && !std::isnan(m_bandHigh) && !m_histogram.isEmpty();
    m_band->setVisible(band);
    if (band) {
        m_bandUpper->replace(QList<QPointF> { { m_bandLow, yTop() }, { m_bandHigh, yTop() } });
        m_bandLower->replace(QList<QPointF> { { m_bandLow, 0 }, { m_bandHigh, 0 } });
    }
    const bool marker = !std::isnan(m_markerValue) && !m_histogram.isEmpty();
    m_marker->setVisible(marker);
    if (marker)
        m_marker->replace(QList<QPointF> { { m_markerValue, 0 }, { m_markerValue, yTop() } });
    // The band and the line are named in the chart's title and tooltip; in the legend they would
    // crowd out the layers' names in a narrow dock.
    for (QLegendMarker *entry : chart()->legend()->markers(m_band))
        entry->setVisible(false);
    for (QLegendMarker *entry : chart()->legend()->markers(m_marker))
        entry->setVisible(false);
    // Changing a series' points can widen the axes it is attached to: put the value axis back on
    // the bars' span, or the band and the line drift off the bars.
    if (!m_histogram.isEmpty())
        m_valueAxis->setRange(m_histogram.low(), m_histogram.high());
}

void HistogramChart::chooseBin(int bin)
{
    if (bin < 0 || bin >= m_histogram.binCount())
        return;
    Q_EMIT rangeChosen(m_histogram.rangeOf(bin));
}

} // namespace semiprune::ui

#pragma once

#include "histogram.h"

#include <QChartView>
#include <QColor>
#include <QStringList>

#include <cmath>
#include <vector>

class QAreaSeries;
class QBarCategoryAxis;
class QBarSet;
class QLineSeries;
class QStackedBarSeries;
class QValueAxis;

namespace semiprune::ui {

// A histogram as stacked bars (one color per layer), with an optional shaded band and marker line
// on the value axis (the kept AUM band and the hard cutoff). Clicking a bar emits its value range.
//
// The bars sit on a hidden category axis; a value axis spanning [low, high] lies along the same
// width, so the band and the line are drawn in score units and line up with the bars.
//
// Thread rules: GUI thread only.
class HistogramChart final : public QChartView {
    Q_OBJECT

public:
    explicit HistogramChart(const QString &valueTitle, QWidget *parent = nullptr);

    // The layers' names and colors, bottom of the stack first. Call before setHistogram.
    void setLayers(const QStringList &names, const std::vector<QColor> &colors);
    void setHistogram(const Histogram &histogram);
    const Histogram &histogram() const { return m_histogram; }
    // A shaded band [low, high] of values and a vertical line at `marker`; NaN hides them.
    void setBand(double low, double high, const QString &name);
    void setMarker(double value, const QString &name);
    void setTitle(const QString &title);

public Q_SLOTS:
    // What a click on bar `bin` does: emits rangeChosen with the bar's range.
    void chooseBin(int bin);

Q_SIGNALS:
    void rangeChosen(const semiprune::ui::ValueRange &range);

private:
    void updateOverlays();
    double yTop() const;

    QStringList m_names;
    std::vector<QColor> m_colors;
    Histogram m_histogram;
    QStackedBarSeries *m_bars;
    std::vector<QBarSet *> m_sets;
    QBarCategoryAxis *m_binAxis;
    QValueAxis *m_valueAxis;
    QValueAxis *m_countAxis;
    QLineSeries *m_bandUpper;
    QLineSeries *m_bandLower;
    QAreaSeries *m_band;
    QLineSeries *m_marker;
    double m_bandLow = std::nan("");
    double m_bandHigh = std::nan("");
    double m_markerValue = std::nan("");
};

} // namespace semiprune::ui

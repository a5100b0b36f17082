#include "benchmarkplot.h"

#include "benchmark/benchmarkreport.h"
#include "common/error.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace semiprune::cli {

namespace {

constexpr int kMinWidth = 1080; // wider when the legend needs it
constexpr int kHeight = 600;
const QRect kPlot(90, 60, 560, 460); // the axes' area; the legend goes to its right
constexpr int kLegendTextOffset = 58; // from the axes' right edge, after the legend's line

QColor colorOf(const QString &method)
{
    if (method == benchmarkmethod::random())
        return QColor(0x55, 0x55, 0x55);
    if (method == benchmarkmethod::semiPrune())
        return QColor(0x1f, 0x77, 0xb4);
    if (method == benchmarkmethod::betaZero())
        return QColor(0xd6, 0x27, 0x28);
    if (method == benchmarkmethod::semiPruneClassCutoff())
        return QColor(0x94, 0x67, 0xbd);
    if (method == benchmarkmethod::trueLabelsClassCutoff())
        return QColor(0xff, 0x7f, 0x0e);
    if (method == benchmarkmethod::semiPruneCcs())
        return QColor(0x17, 0xbe, 0xcf);
    if (method == benchmarkmethod::semiPruneDualBeta())
        return QColor(0xbc, 0xbd, 0x22);
    if (method == benchmarkmethod::semiPruneDiverse())
        return QColor(0xe3, 0x77, 0xc2);
    return QColor(0x2c, 0xa0, 0x2c); // the true-label reference
}

} // namespace

void writeBenchmarkPlot(const BenchmarkReport &report, const QString &path)
{
    // The accuracy range of every mean +- std, with a margin, in percent.
    double low = 100, high = 0;
    const auto widen = [&](const std::vector<double> &values) {
        if (values.empty())
            return;
        low = std::min(low, 100 * (meanOf(values) - stdOf(values)));
        high = std::max(high, 100 * (meanOf(values) + stdOf(values)));
    };
    for (const BenchmarkEntry &entry : report.entries)
        widen(entry.accuracies);
    widen(report.fullDataAccuracies);
    if (low > high) {
        low = 0;
        high = 100;
    }
    low = std::max(0.0, std::floor((low - 2) / 5) * 5);
    high = std::min(100.0, std::ceil((high + 1) / 5) * 5);
    if (high - low < 5)
        high = low + 5;
    std::vector<double> rates = report.settings.pruningRates;
    std::sort(rates.begin(), rates.end());
    const double rateLow = std::max(0.0, rates.front() - 0.1), rateHigh = std::min(1.0, rates.back() + 0.1);
    const auto x = [&](double rate) { return kPlot.left() + (rate - rateLow) / (rateHigh - rateLow) * kPlot.width(); };
    const auto y = [&](double accuracy) { return kPlot.bottom() - (accuracy - low) / (high - low) * kPlot.height(); };

    QFont font;
    font.setPixelSize(14);
    const QFontMetrics metrics(font);
    // The legend sits right of the axes; the image widens to its longest entry, whatever the language.
    const QString fullPoolTitle = QCoreApplication::translate("BenchmarkPlot", "Full pool (no pruning)");
    int legendWidth = metrics.horizontalAdvance(fullPoolTitle);
    for (const QString &method : report.methods())
        legendWidth = std::max(legendWidth, metrics.horizontalAdvance(benchmarkMethodTitle(method)));
    const int width = std::max(kMinWidth, kPlot.right() + kLegendTextOffset + legendWidth + 20);

    QImage image(width, kHeight, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setFont(font);

    // Grid and axes.
    painter.setPen(QPen(QColor(0xdd, 0xdd, 0xdd), 1));
    for (double a = low; a <= high + 1e-9; a += 5) {
        painter.drawLine(QPointF(kPlot.left(), y(a)), QPointF(kPlot.right(), y(a)));
    }
    painter.setPen(QPen(Qt::black, 1));
    painter.drawRect(kPlot);
    for (double a = low; a <= high + 1e-9; a += 5) {
        const QString label = QString::number(a, 'f', 0);
        painter.drawText(
            QPointF(kPlot.left() - 8 - metrics.horizontalAdvance(label), y(a) + metrics.ascent() / 2.0), label);
    }
    for (double rate : rates) {
        const QString label = QStringLiteral("%1 %").arg(std::lround(rate * 100));
        painter.drawLine(QPointF(x(rate), kPlot.bottom()), QPointF(x(rate), kPlot.bottom() + 5));
        painter.drawText(
            QPointF(x(rate) - metrics.horizontalAdvance(label) / 2.0, kPlot.bottom() + 8 + metrics.ascent()), label);
    }
    const QString xTitle = QCoreApplication::translate("BenchmarkPlot", "Pruning rate");
    painter.drawText(QPointF(kPlot.center().x() - metrics.horizontalAdvance(xTitle) / 2.0, kHeight - 20), xTitle);
    painter.save();
    painter.translate(28, kPlot.center().y());
    painter.rotate(-90);
    const QString yTitle = QCoreApplication::translate("BenchmarkPlot", "Test accuracy (%)");
    painter.drawText(QPointF(-metrics.horizontalAdvance(yTitle) / 2.0, 0), yTitle);
    painter.restore();
    QFont titleFont = font;
    titleFont.setPixelSize(17);
    titleFont.setBold(true);
    painter.setFont(titleFont);
    const QString title = report.isPartial()
        ? QCoreApplication::translate(
            "BenchmarkPlot", "Accuracy after pruning (partial: %1 of %2 seeds, %3 pool images)")
              .arg(report.completedRepetitions)
              .arg(report.settings.repetitions)
              .arg(report.poolImages)
        : QCoreApplication::translate("BenchmarkPlot", "Accuracy after pruning (%1 seed(s), %2 pool images)")
              .arg(report.completedRepetitions)
              .arg(report.poolImages);
    painter.drawText(QPointF(kPlot.left(), 35), title);
    painter.setFont(font);

    // The full pool: a dashed horizontal line.
    int legendY = kPlot.top() + 10;
    const auto legend = [&](const QPen &pen, const QString &text) {
        painter.setPen(pen);
        painter.drawLine(QPointF(kPlot.right() + 20, legendY), QPointF(kPlot.right() + 50, legendY));
        painter.setPen(Qt::black);
        painter.drawText(QPointF(kPlot.right() + kLegendTextOffset, legendY + metrics.ascent() / 2.0 - 1), text);
        legendY += 26;
    };
    if (!report.fullDataAccuracies.empty()) {
        const QPen pen(QColor(0x99, 0x66, 0x00), 2, Qt::DashLine);
        painter.setPen(pen);
        const double level = y(100 * meanOf(report.fullDataAccuracies));
        painter.drawLine(QPointF(kPlot.left(), level), QPointF(kPlot.right(), level));
        legend(pen, fullPoolTitle);
    }

    // Every method: a line through the means, error bars of one standard deviation, a marker each.
    for (const QString &method : report.methods()) {
        const QColor color = colorOf(method);
        const QPen pen(color, 2);
        QPainterPath line;
        bool first = true;
        for (double rate : rates) {
            const BenchmarkEntry *entry = report.find(method, rate);
            if (!entry || entry->accuracies.empty())
                continue;
            const double mean = 100 * meanOf(entry->accuracies), sd = 100 * stdOf(entry->accuracies);
            const QPointF point(x(rate), y(mean));
            if (first)
                line.moveTo(point);
            else
                line.lineTo(point);
            first = false;
            painter.setPen(pen);
            painter.drawLine(QPointF(point.x(), y(mean - sd)), QPointF(point.x(), y(mean + sd)));
            painter.drawLine(QPointF(point.x() - 5, y(mean - sd)), QPointF(point.x() + 5, y(mean - sd)));
            painter.drawLine(QPointF(point.x() - 5, y(mean + sd)), QPointF(point.x() + 5, y(mean + sd)));
            painter.setBrush(color);
            painter.drawEllipse(point, 4, 4);
            painter.setBrush(Qt::NoBrush);
        }
        painter.setPen(pen);
        painter.drawPath(line);
        legend(pen, benchmarkMethodTitle(method));
    }
    painter.end();
    if (!image.save(path, "PNG"))
        throw Error(QCoreApplication::translate("BenchmarkPlot", "%1 cannot be written.").arg(path));
}

} // namespace semiprune::cli

#include "classbalancechart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QValueAxis>

#include <algorithm>

namespace semiprune::ui {

ClassBalanceChart::ClassBalanceChart(QWidget *parent)
    : QChartView(new QChart, parent), m_series(new QHorizontalBarSeries), m_seed(new QBarSet(tr("Seed"))),
      m_pseudo(new QBarSet(tr("Pseudo-labels"))), m_kept(new QBarSet(tr("Kept"))), m_classAxis(new QBarCategoryAxis),
      m_countAxis(new QValueAxis)
{
    QChart *c = chart();
    c->setMargins(QMargins(2, 2, 2, 2));
    c->setBackgroundRoundness(0);
    c->setAnimationOptions(QChart::NoAnimation);
    c->legend()->setAlignment(Qt::AlignBottom);
    m_seed->setColor(QColor(0x37, 0x47, 0x4f));
    m_pseudo->setColor(QColor(0x90, 0xa4, 0xae));
    m_kept->setColor(QColor(0x2e, 0x7d, 0x32));
    // Appended last so it is drawn on top of each class group.
    m_series->append(m_seed);
    m_series->append(m_pseudo);
    m_series->append(m_kept);
    // Every bar carries its count: a seed of 100 beside 6,000 pseudo-labels is a sliver that
    // only its number makes readable.
    m_series->setLabelsVisible(true);
    m_series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    m_series->setLabelsFormat(QStringLiteral("@value"));
    m_series->setLabelsPrecision(7);
    QFont labelFont = font();
    labelFont.setPointSizeF(labelFont.pointSizeF() * 0.75);
    for (QBarSet *set : { m_seed, m_pseudo, m_kept }) {
        set->setLabelFont(labelFont);
        set->setLabelColor(set->color().darker(130));
    }
    m_seed->setLabelColor(m_seed->color());
    c->addSeries(m_series);
    m_countAxis->setLabelFormat(QStringLiteral("%d"));
    m_countAxis->setTitleText(tr("Images"));
    c->addAxis(m_classAxis, Qt::AlignLeft);
    c->addAxis(m_countAxis, Qt::AlignBottom);
    m_series->attachAxis(m_classAxis);
    m_series->attachAxis(m_countAxis);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
}

void ClassBalanceChart::setClasses(const QStringList &names)
{
    m_classes = int(names.size());
    m_classAxis->clear();
    m_classAxis->append(names);
}

void ClassBalanceChart::fill(QBarSet *set, const std::vector<double> &values)
{
    QList<qreal> list;
    for (int i = 0; i < m_classes; ++i)
        list << (size_t(i) < values.size() ? values[size_t(i)] : 0.0);
    set->remove(0, set->count());
    set->append(list);
}

void ClassBalanceChart::setCounts(const std::vector<qint64> &seed, const std::vector<qint64> &pseudo)
{
    fill(m_seed, std::vector<double>(seed.begin(), seed.end()));
    fill(m_pseudo, std::vector<double>(pseudo.begin(), pseudo.end()));
    updateRange();
}

void ClassBalanceChart::setKept(const std::vector<int> &kept)
{
    fill(m_kept, std::vector<double>(kept.begin(), kept.end()));
    updateRange();
}

double ClassBalanceChart::value(int set, int classIndex) const
{
    const QBarSet *bars = set == 0 ? m_seed : (set == 1 ? m_pseudo : m_kept);
    return classIndex < bars->count() ? bars->at(classIndex) : 0.0;
}

void ClassBalanceChart::updateRange()
{
    double most = 1;
    for (const QBarSet *set : { m_seed, m_pseudo, m_kept }) {
        for (int i = 0; i < set->count(); ++i)
            most = std::max(most, set->at(i));
    }
    // Room after the longest bar for its count.
    m_countAxis->setRange(0, most * 1.2);
    m_countAxis->applyNiceNumbers();
}

} // namespace semiprune::ui

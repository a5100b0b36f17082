#pragma once

#include <QChartView>
#include <QStringList>

#include <vector>

class QBarCategoryAxis;
class QBarSet;
class QHorizontalBarSeries;
class QValueAxis;

namespace semiprune::ui {

// Images per class as bars: human (seed) labels, pseudo-labels, and what the previewed selection
// keeps, so a selection that empties a class shows before it is saved.
//
// Thread rules: GUI thread only.
class ClassBalanceChart final : public QChartView {
    Q_OBJECT

public:
    explicit ClassBalanceChart(QWidget *parent = nullptr);

    void setClasses(const QStringList &names);
    void setCounts(const std::vector<qint64> &seed, const std::vector<qint64> &pseudo);
    void setKept(const std::vector<int> &kept);
    double value(int set, int classIndex) const; // set: 0 seed, 1 pseudo, 2 kept

private:
    void fill(QBarSet *set, const std::vector<double> &values);
    void updateRange();

    QHorizontalBarSeries *m_series;
    QBarSet *m_seed;
    QBarSet *m_pseudo;
    QBarSet *m_kept;
    QBarCategoryAxis *m_classAxis;
    QValueAxis *m_countAxis;
    int m_classes = 0;
};

} // namespace semiprune::ui

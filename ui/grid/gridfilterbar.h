#pragma once

#include "griddata.h"
#include "gridfilters.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QHBoxLayout;
class QLabel;
class QToolButton;

namespace semiprune::ui {

// The grid's second row of filters: class, what the newest selection did, a confidence range, a
// difficulty (AUM) range, and the images picked on the data map. Holds a GridFilters and edits
// every part of it but the label state, which the toolbar's "Show" box sets.
//
// Thread rules: GUI thread only.
class GridFilterBar final : public QWidget {
    Q_OBJECT

public:
    explicit GridFilterBar(QWidget *parent = nullptr);

    void setClasses(const std::vector<GridClass> &classes);
    // The scores' span, so the AUM boxes offer it (AUM grows with the number of epochs).
    void setDifficultyLimits(double low, double high);
    // Shows `filters` without emitting filtersChanged.
    void setFilters(const GridFilters &filters);
    const GridFilters &filters() const { return m_filters; }
    // Puts `widget` at the end of the second row, in the room the value ranges leave (the grid's
    // count line goes there: the first toolbar row has none to spare beside the docks).
    void addTrailingWidget(QWidget *widget);

Q_SIGNALS:
    // The user changed a filter; `filters` is the whole new set.
    void filtersChanged(const semiprune::ui::GridFilters &filters);

private:
    struct RangeEditor {
        QCheckBox *enabled = nullptr;
        QDoubleSpinBox *low = nullptr;
        QDoubleSpinBox *high = nullptr;
    };
    RangeEditor makeRange(const QString &title, double minimum, double maximum, ValueRange GridFilters::*field);
    void showRange(const RangeEditor &editor, const ValueRange &range);
    void showPicked();
    void changed();

    GridFilters m_filters;
    QComboBox *m_classBox;
    QComboBox *m_keepBox;
    RangeEditor m_confidence;
    RangeEditor m_difficulty;
    QHBoxLayout *m_ranges;
    QLabel *m_picked;
    QToolButton *m_clearPicked;
    QToolButton *m_clearAll;
};

} // namespace semiprune::ui

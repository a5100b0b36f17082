#include "gridfilterbar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace semiprune::ui {

namespace {

QIcon swatch(const QColor &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(130));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1, 1, 10, 10));
    return QIcon(pixmap);
}

} // namespace

GridFilterBar::GridFilterBar(QWidget *parent)
    : QWidget(parent), m_classBox(new QComboBox(this)), m_keepBox(new QComboBox(this)), m_ranges(new QHBoxLayout),
      m_picked(new QLabel(this)), m_clearPicked(new QToolButton(this)), m_clearAll(new QToolButton(this))
{
    setObjectName(QStringLiteral("gridFilterBar"));
    // Two rows, so that the bar's minimum width stays within what a 1280-pixel window leaves the
    // grid beside its docks: what to show on the first, the value ranges on the second.
    auto *rows = new QVBoxLayout(this);
    rows->setContentsMargins(10, 0, 10, 6);
    rows->setSpacing(4);
    auto *layout = new QHBoxLayout;
    layout->setSpacing(6);
    QHBoxLayout *ranges = m_ranges;
    ranges->setSpacing(6);
    rows->addLayout(layout);
    rows->addLayout(ranges);

    m_classBox->setObjectName(QStringLiteral("filterClass"));
    m_classBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_classBox->setMinimumContentsLength(10);
    m_classBox->setToolTip(tr("Only images of this class: the human label, or the pseudo-label where there is none"));
    setClasses({});
    connect(m_classBox, &QComboBox::currentIndexChanged, this, [this] {
        m_filters.classIndex = m_classBox->currentData().toInt();
        changed();
    });
    layout->addWidget(m_classBox);

    m_keepBox->setObjectName(QStringLiteral("filterKeep"));
    m_keepBox->addItem(tr("Kept or pruned"), int(KeepFilter::Any));
    m_keepBox->addItem(tr("Kept"), int(KeepFilter::Kept));
    m_keepBox->addItem(tr("Pruned"), int(KeepFilter::Pruned));
    m_keepBox->addItem(tr("Dropped as too hard"), int(KeepFilter::DroppedHard));
    m_keepBox->addItem(tr("Dropped as too easy"), int(KeepFilter::DroppedEasy));
    m_keepBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_keepBox->setMinimumContentsLength(14);
    m_keepBox->setToolTip(tr("What the newest selection did with the image"));
    connect(m_keepBox, &QComboBox::currentIndexChanged, this, [this] {
        m_filters.keep = KeepFilter(m_keepBox->currentData().toInt());
        changed();
    });
    layout->addWidget(m_keepBox);

    m_confidence = makeRange(tr("Confidence"), 0.0, 1.0, &GridFilters::confidence);
    m_confidence.enabled->setToolTip(tr("Only pseudo-labels whose confidence is in this range"));
    // AUM sums a margin in [-1, 1] over the proxy epochs: E epochs give [-E, E]. The limits follow
    // the scores (setDifficultyLimits).
    m_difficulty = makeRange(tr("AUM"), -1.0, 1.0, &GridFilters::difficulty);
    m_difficulty.enabled->setToolTip(tr("Only scored images whose difficulty (AUM) is in this range"));
    for (QWidget *widget : { static_cast<QWidget *>(m_confidence.enabled), static_cast<QWidget *>(m_confidence.low),
             static_cast<QWidget *>(m_confidence.high) })
        ranges->addWidget(widget);
    ranges->addSpacing(8);
    for (QWidget *widget : { static_cast<QWidget *>(m_difficulty.enabled), static_cast<QWidget *>(m_difficulty.low),
             static_cast<QWidget *>(m_difficulty.high) })
        ranges->addWidget(widget);
    ranges->addStretch(1);

    layout->addSpacing(8);
    m_picked->setObjectName(QStringLiteral("filterPicked"));
    layout->addWidget(m_picked);
    m_clearPicked->setText(tr("Show All"));
    m_clearPicked->setToolTip(tr("Drop the restriction to the images picked on the data map"));
    m_clearPicked->setAutoRaise(true);
    connect(m_clearPicked, &QToolButton::clicked, this, [this] {
        m_filters.images.reset();
        showPicked();
        changed();
    });
    layout->addWidget(m_clearPicked);
    layout->addStretch(1);

    m_clearAll->setObjectName(QStringLiteral("filterClear"));
    m_clearAll->setText(tr("Clear Filters"));
    m_clearAll->setAutoRaise(true);
    connect(m_clearAll, &QToolButton::clicked, this, [this] {
        const GridFilter state = m_filters.state; // the toolbar's filter, not this bar's
        GridFilters cleared;
        cleared.state = state;
        setFilters(cleared);
        changed();
    });
    layout->addWidget(m_clearAll);
    showPicked();
}

GridFilterBar::RangeEditor GridFilterBar::makeRange(
    const QString &title, double minimum, double maximum, ValueRange GridFilters::*field)
{
    RangeEditor editor;
    editor.enabled = new QCheckBox(title, this);
    editor.low = new QDoubleSpinBox(this);
    editor.high = new QDoubleSpinBox(this);
    for (QDoubleSpinBox *box : { editor.low, editor.high }) {
        box->setRange(minimum, maximum);
        box->setDecimals(3);
        box->setSingleStep(0.05);
        box->setKeyboardTracking(false); // filter once the number is typed, not at every digit
        box->setEnabled(false);
    }
    editor.low->setValue(minimum);
    editor.high->setValue(maximum);
    editor.low->setAccessibleName(tr("%1 from").arg(title));
    editor.high->setAccessibleName(tr("%1 to").arg(title));
    const auto apply = [this, editor, field] {
        ValueRange range;
        if (editor.enabled->isChecked()) {
            range.low = editor.low->value();
            range.high = editor.high->value();
        }
        editor.low->setEnabled(editor.enabled->isChecked());
        editor.high->setEnabled(editor.enabled->isChecked());
        m_filters.*field = range;
        changed();
    };
    connect(editor.enabled, &QCheckBox::toggled, this, apply);
    connect(editor.low, &QDoubleSpinBox::valueChanged, this, apply);
    connect(editor.high, &QDoubleSpinBox::valueChanged, this, apply);
    return editor;
}

void GridFilterBar::addTrailingWidget(QWidget *widget)
{
    widget->setParent(this);
    m_ranges->addSpacing(12);
    m_ranges->addWidget(widget, 100); // takes the room from the stretch before it
}

void GridFilterBar::setClasses(const std::vector<GridClass> &classes)
{
    const QSignalBlocker blocker(m_classBox);
    m_classBox->clear();
    m_classBox->addItem(tr("Any class"), -1);
    for (size_t i = 0; i < classes.size(); ++i)
        m_classBox->addItem(swatch(classes[i].color), classes[i].name, int(i));
    if (m_filters.classIndex >= int(classes.size()))
        m_filters.classIndex = -1;
    m_classBox->setCurrentIndex(std::max(0, m_classBox->findData(m_filters.classIndex)));
}

void GridFilterBar::setDifficultyLimits(double low, double high)
{
    if (!(low <= high))
        return;
    low = std::floor(low * 10) / 10;
    high = std::ceil(high * 10) / 10;
    for (QDoubleSpinBox *box : { m_difficulty.low, m_difficulty.high }) {
        const QSignalBlocker blocker(box);
        box->setRange(low, high);
        box->setDecimals(2);
    }
    showRange(m_difficulty, m_filters.difficulty);
}

void GridFilterBar::setFilters(const GridFilters &filters)
{
    m_filters = filters;
    {
        const QSignalBlocker classBlocker(m_classBox);
        const QSignalBlocker keepBlocker(m_keepBox);
        m_classBox->setCurrentIndex(std::max(0, m_classBox->findData(filters.classIndex)));
        m_keepBox->setCurrentIndex(std::max(0, m_keepBox->findData(int(filters.keep))));
    }
    showRange(m_confidence, filters.confidence);
    showRange(m_difficulty, filters.difficulty);
    showPicked();
}

void GridFilterBar::showRange(const RangeEditor &editor, const ValueRange &range)
{
    const QSignalBlocker enabledBlocker(editor.enabled);
    const QSignalBlocker lowBlocker(editor.low);
    const QSignalBlocker highBlocker(editor.high);
    const bool bounded = range.isBounded();
    editor.enabled->setChecked(bounded);
    editor.low->setEnabled(bounded);
    editor.high->setEnabled(bounded);
    // The spin boxes clamp an open end to their limits; the filter keeps its exact range until
    // the user edits a number.
    editor.low->setValue(bounded ? range.low : editor.low->minimum());
    editor.high->setValue(bounded ? range.high : editor.high->maximum());
}

void GridFilterBar::showPicked()
{
    const bool picked = bool(m_filters.images);
    m_picked->setVisible(picked);
    m_clearPicked->setVisible(picked);
    if (picked) {
        const int count = int(m_filters.images->size());
        // Short, as it shares a row with the class and selection boxes; the tooltip says where from.
        m_picked->setText(tr("%1 picked").arg(QLocale().toString(count)));
        m_picked->setToolTip(tr("Only the %1 images picked on the data map").arg(QLocale().toString(count)));
    }
}

void GridFilterBar::changed()
{
    Q_EMIT filtersChanged(m_filters);
}

} // namespace semiprune::ui

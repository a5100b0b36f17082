#include "reviewview.h"

#include "common/viewbutton.h"
#include "grid/imagegridmodel.h"
#include "inspector/imagepreview.h"
#include "labeling/classbuttonrows.h"
#include "labeling/classswatch.h"
#include "labeling/labeleditor.h"

#include <QComboBox>
#include <QDir>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace semiprune::ui {

ReviewView::ReviewView(LabelEditor *editor, const QString &datasetRoot, QWidget *parent)
    : QWidget(parent), m_editor(editor), m_root(datasetRoot), m_progress(new QLabel(this)),
      m_orderBox(new QComboBox(this)), m_preview(new ImagePreview(this)), m_caption(new QLabel(this)),
      m_keys(new QLabel(this)), m_buttonBar(new QWidget(this)), m_buttons(new QGridLayout(m_buttonBar)),
      m_accept(makeViewButton(tr("Accept  [Enter]"), QStringLiteral("reviewAccept"), this)),
      m_back(makeViewButton(tr("◀ Back"), QStringLiteral("reviewBack"), this)),
      m_next(makeViewButton(tr("Skip ▶"), QStringLiteral("reviewNext"), this)),
      m_runAgain(makeViewButton(tr("Run Again with My Corrections…"), QStringLiteral("reviewRunAgain"), this)),
      m_done(makeViewButton(tr("Back to the grid  [Esc]"), QStringLiteral("reviewDone"), this))
{
    setObjectName(QStringLiteral("reviewView"));
    setFocusPolicy(Qt::StrongFocus);
    m_progress->setObjectName(QStringLiteral("reviewProgress"));
    QFont big = m_progress->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_progress->setFont(big);
    m_orderBox->setObjectName(QStringLiteral("reviewOrder"));
    m_orderBox->setFocusPolicy(Qt::ClickFocus);
    m_orderBox->addItem(tr("Least confident first"), int(ReviewOrder::LeastConfident));
    m_orderBox->addItem(tr("Hardest first (lowest AUM)"), int(ReviewOrder::Hardest));
    m_orderBox->setAccessibleName(tr("Review order"));
    m_preview->setObjectName(QStringLiteral("reviewPreview"));
    m_caption->setObjectName(QStringLiteral("reviewCaption"));
    m_caption->setAlignment(Qt::AlignCenter);
    m_caption->setTextFormat(Qt::RichText);
    m_caption->setWordWrap(true);
    m_keys->setAlignment(Qt::AlignCenter);
    m_keys->setWordWrap(true);
    m_keys->setText(tr("Enter or Space: accept · a class's key or 1–9: another class · ← →: back and skip · "
                       "Ctrl+Z: undo · Esc: back to the grid"));
    QPalette muted = m_keys->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_keys->setPalette(muted);
    m_accept->setMinimumHeight(34);
    m_accept->setDefault(true);

    auto *top = new QHBoxLayout;
    top->addWidget(m_progress);
    top->addSpacing(12);
    top->addWidget(m_orderBox);
    top->addStretch(1);
    top->addWidget(m_runAgain);
    top->addWidget(m_done);
    auto *navigation = new QHBoxLayout;
    navigation->addWidget(m_back);
    navigation->addStretch(1);
    navigation->addWidget(m_accept);
    navigation->addStretch(1);
    navigation->addWidget(m_next);
    m_buttons->setContentsMargins(0, 0, 0, 0);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(top);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_caption);
    layout->addLayout(navigation);
    layout->addWidget(m_buttonBar);
    layout->addWidget(m_keys);

    connect(
        m_orderBox, &QComboBox::activated, this, [this] { setOrder(ReviewOrder(m_orderBox->currentData().toInt())); });
    connect(m_accept, &QPushButton::clicked, this, &ReviewView::acceptCurrent);
    connect(m_back, &QPushButton::clicked, this, [this] { goTo(m_position - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { goTo(m_position + 1); });
    connect(m_runAgain, &QPushButton::clicked, this, &ReviewView::runAgainRequested);
    connect(m_done, &QPushButton::clicked, this, &ReviewView::closeRequested);
    connect(m_editor, &LabelEditor::classesChanged, this, &ReviewView::rebuildButtons);
    // Undo and redo change labels under the view: keep the caption and the count right.
    connect(m_editor->model(), &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
            if (isVisible() && roles.contains(ImageGridModel::LabelClassIdRole))
                showCurrent();
        });
    rebuildButtons();
}

bool ReviewView::start(ReviewOrder order)
{
    m_order = order;
    m_orderBox->setCurrentIndex(m_orderBox->findData(int(order)));
    m_items = buildReviewQueue(m_editor->model()->gridData(), order);
    m_position = 0;
    if (m_items.empty())
        return false;
    goTo(0);
    setFocus();
    return true;
}

void ReviewView::setOrder(ReviewOrder order)
{
    // Reordering keeps what was decided: a fresh queue holds only what still waits.
    if (!start(order)) {
        m_preview->showMessage(tr("Every pseudo-label has been reviewed."));
        showCurrent();
    }
}

ImageId ReviewView::currentImage() const
{
    return m_position >= 0 && m_position < itemCount() ? m_items[size_t(m_position)] : ImageId();
}

int ReviewView::reviewedCount() const
{
    const ImageGridModel *model = m_editor->model();
    return int(std::count_if(m_items.begin(), m_items.end(), [model](ImageId image) {
        const GridRow *row = model->findImage(image);
        return row && row->labelClass >= 0;
    }));
}

QString ReviewView::progressText() const
{
    if (m_items.empty())
        return tr("Nothing to review");
    return tr("%1 / %2").arg(m_position + 1).arg(itemCount());
}

void ReviewView::rebuildButtons()
{
    std::vector<QPushButton *> buttons;
    int number = 0;
    for (const ClassRecord &record : m_editor->classes()) {
        ++number;
        QString key = record.hotkey;
        if (key.isEmpty() && number <= 9)
            key = QString::number(number);
        const QString text = key.isEmpty() ? record.name : QStringLiteral("%1  [%2]").arg(record.name, key);
        QPushButton *button = makeViewButton(text, QStringLiteral("reviewClass_%1").arg(record.id.value), m_buttonBar);
        button->setIcon(classSwatch(QColor(record.color), 16));
        const ClassId id = record.id;
        connect(button, &QPushButton::clicked, this, [this, id] { relabelCurrent(id); });
        buttons.push_back(button);
    }
    fillClassButtonRows(m_buttons, buttons);
}

void ReviewView::goTo(int position)
{
    if (m_items.empty())
        return;
    m_position = std::clamp(position, 0, itemCount() - 1);
    if (const GridRow *row = m_editor->model()->findImage(currentImage()))
        m_preview->showFile(QDir(m_root).filePath(row->path));
    showCurrent();
    Q_EMIT currentImageChanged(currentImage());
}

bool ReviewView::acceptCurrent()
{
    const GridRow *row = m_editor->model()->findImage(currentImage());
    if (!row || row->pseudoClass < 0)
        return false;
    return decide(m_editor->model()->gridData().classes[size_t(row->pseudoClass)].id);
}

bool ReviewView::relabelCurrent(ClassId classId)
{
    return decide(classId);
}

bool ReviewView::decide(ClassId classId)
{
    const ImageId image = currentImage();
    const ImageGridModel *model = m_editor->model();
    const GridRow *row = model->findImage(image);
    if (!row)
        return false;
    // The editor picks the source: "override" when the class contradicts the pseudo-label,
    // "manual" (or "seed") when it confirms it.
    const bool already = row->labelClass >= 0 && row->labelClass == model->classIndexOf(classId);
    if (!already && !m_editor->assign({ image }, classId))
        return false;
    if (m_position + 1 >= itemCount()) {
        showCurrent();
        Q_EMIT finished();
        return true;
    }
    goTo(m_position + 1);
    return true;
}

void ReviewView::showCurrent()
{
    m_progress->setText(progressText());
    const int reviewed = reviewedCount();
    m_progress->setToolTip(tr("%Ln reviewed in this queue", nullptr, reviewed));
    const ImageGridModel *model = m_editor->model();
    const GridRow *found = model->findImage(currentImage());
    QString caption;
    if (found) {
        const GridRow &r = *found;
        const auto &classes = model->gridData().classes;
        // The file name only: a folder in the path may name the class, and the review should not
        // be swayed by reference labels that are meant to stay hidden.
        caption = QStringLiteral("<b>%1</b>").arg(r.fileName.toHtmlEscaped());
        if (r.pseudoClass >= 0) {
            const GridClass &pseudo = classes[size_t(r.pseudoClass)];
            caption += QStringLiteral(" · <span style=\"color:%1\">■</span> ").arg(pseudo.color.name())
                + tr("the model says <b>%1</b>, %2 % sure")
                      .arg(pseudo.name.toHtmlEscaped())
                      .arg(QLocale().toString(r.pseudoConfidence * 100.0, 'f', 0));
        }
        if (!std::isnan(r.difficulty))
            caption += QStringLiteral(" · ") + tr("AUM %1").arg(QLocale().toString(r.difficulty, 'f', 2));
        if (r.labelClass >= 0) {
            const GridClass &label = classes[size_t(r.labelClass)];
            caption += QStringLiteral("<br>");
            caption += r.labelSource == LabelSource::Override
                ? tr("<span style=\"color:#b4236b\">Changed to <b>%1</b> (override)</span>")
                      .arg(label.name.toHtmlEscaped())
                : tr("Accepted as <b>%1</b>").arg(label.name.toHtmlEscaped());
        }
    } else if (m_items.empty()) {
        caption = tr("No pseudo-labels wait for a review. Run SemiPrune to make some, or look at the grid.");
    }
    m_caption->setText(caption);
    m_back->setEnabled(m_position > 0);
    m_next->setEnabled(m_position + 1 < itemCount());
    m_accept->setEnabled(found && found->pseudoClass >= 0);
}

void ReviewView::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if (modifiers != Qt::NoModifier) {
        QWidget::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Escape:
        Q_EMIT closeRequested();
        return;
    case Qt::Key_Left:
    case Qt::Key_Backspace:
        goTo(m_position - 1);
        return;
    case Qt::Key_Right:
        goTo(m_position + 1);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        acceptCurrent();
        return;
    default:
        break;
    }
    // A class's own key wins over its number, so a project whose hotkeys are digits keeps them.
    if (const auto found = m_editor->classForKey(event->text())) {
        relabelCurrent(found->id);
        return;
    }
    if (event->key() >= Qt::Key_1 && event->key() <= Qt::Key_9) {
        const size_t index = size_t(event->key() - Qt::Key_1);
        const auto &classes = m_editor->classes();
        if (index < classes.size() && classes[index].hotkey.isEmpty()) {
            relabelCurrent(classes[index].id);
            return;
        }
    }
    QWidget::keyPressEvent(event);
}

} // namespace semiprune::ui

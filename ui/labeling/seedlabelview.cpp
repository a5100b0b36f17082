#include "seedlabelview.h"

#include "classbuttonrows.h"
#include "classswatch.h"
#include "common/error.h"
#include "common/viewbutton.h"
#include "grid/imagegridmodel.h"
#include "grid/matimage.h"
#include "imaging/imagedecoder.h"
#include "labeleditor.h"
#include "storage/project.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QVBoxLayout>

#include <algorithm>

namespace semiprune::ui {

SeedLabelView::SeedLabelView(LabelEditor *editor, const QString &datasetRoot, QWidget *parent)
    : QWidget(parent), m_editor(editor), m_root(datasetRoot), m_progress(new QLabel(this)), m_picture(new QLabel(this)),
      m_caption(new QLabel(this)), m_buttonBar(new QWidget(this)), m_buttons(new QGridLayout(m_buttonBar)),
      m_back(makeViewButton(tr("◀ Back"), QStringLiteral("seedBack"), this)),
      m_next(makeViewButton(tr("Next ▶"), QStringLiteral("seedNext"), this)),
      m_skip(makeViewButton(tr("Skip (not sure)  [S]"), QStringLiteral("seedSkip"), this)),
      m_newClass(makeViewButton(tr("New class…  [N]"), QStringLiteral("seedNewClass"), this)),
      m_done(makeViewButton(tr("Back to the grid  [Esc]"), QStringLiteral("seedDone"), this))
{
    setObjectName(QStringLiteral("seedLabelView"));
    setFocusPolicy(Qt::StrongFocus);
    m_progress->setObjectName(QStringLiteral("seedProgress"));
    QFont big = m_progress->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_progress->setFont(big);
    m_picture->setAlignment(Qt::AlignCenter);
    m_picture->setMinimumSize(64, 64);
    m_picture->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_picture->setStyleSheet(QStringLiteral("background: #202124; border-radius: 6px;"));
    m_caption->setAlignment(Qt::AlignCenter);
    m_caption->setTextFormat(Qt::RichText);

    auto *top = new QHBoxLayout;
    top->addWidget(m_progress);
    top->addStretch(1);
    top->addWidget(m_done);
    auto *navigation = new QHBoxLayout;
    navigation->addWidget(m_back);
    navigation->addStretch(1);
    navigation->addWidget(m_skip);
    navigation->addWidget(m_newClass);
    navigation->addStretch(1);
    navigation->addWidget(m_next);
    m_buttons->setContentsMargins(0, 0, 0, 0);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(top);
    layout->addWidget(m_picture, 1);
    layout->addWidget(m_caption);
    layout->addWidget(m_buttonBar);
    layout->addLayout(navigation);

    connect(m_back, &QPushButton::clicked, this, [this] { goTo(m_position - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { goTo(m_position + 1); });
    connect(m_skip, &QPushButton::clicked, this, &SeedLabelView::skipCurrent);
    connect(m_newClass, &QPushButton::clicked, this, &SeedLabelView::newClassForCurrent);
    connect(m_done, &QPushButton::clicked, this, &SeedLabelView::closeRequested);
    connect(m_editor, &LabelEditor::classesChanged, this, &SeedLabelView::rebuildButtons);
    // Undo and redo change labels under the view: keep the caption and progress right.
    connect(m_editor->model(), &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
            if (isVisible() && roles.contains(ImageGridModel::LabelClassIdRole))
                showCurrent();
        });
    // Undoing a label returns to its image, so the next key labels it again (the label was
    // usually a slip, and labeling moved on to the next image).
    connect(m_editor, &LabelEditor::labelsUndone, this, [this](const std::vector<ImageId> &images) {
        if (!isVisible())
            return;
        for (const ImageId image : images) {
            const auto found = std::find_if(
                m_items.begin(), m_items.end(), [image](const SeedItem &item) { return item.image == image; });
            if (found != m_items.end()) {
                goTo(int(found - m_items.begin()));
                return;
            }
        }
    });
    rebuildButtons();
}

void SeedLabelView::reloadItems()
{
    m_items.clear();
    for (const SeedItem &item : seedItems(m_editor->project().db())) {
        if (!item.skipped)
            m_items.push_back(item);
    }
    std::sort(
        m_items.begin(), m_items.end(), [](const SeedItem &a, const SeedItem &b) { return a.position < b.position; });
}

bool SeedLabelView::start()
{
    reloadItems();
    if (m_items.empty())
        return false;
    const int first = nextUnlabeled(0);
    m_position = first >= 0 ? first : 0;
    updateImage();
    showCurrent();
    Q_EMIT currentImageChanged(currentImage());
    setFocus();
    return true;
}

ImageId SeedLabelView::currentImage() const
{
    return m_position >= 0 && m_position < itemCount() ? m_items[size_t(m_position)].image : ImageId();
}

int SeedLabelView::labeledCount() const
{
    const ImageGridModel *model = m_editor->model();
    return int(std::count_if(m_items.begin(), m_items.end(), [model](const SeedItem &item) {
        const GridRow *row = model->findImage(item.image);
        return row && row->labelClass >= 0;
    }));
}

int SeedLabelView::nextUnlabeled(int from) const
{
    const ImageGridModel *model = m_editor->model();
    for (int i = 0; i < itemCount(); ++i) {
        const int position = (from + i) % itemCount();
        const GridRow *row = model->findImage(m_items[size_t(position)].image);
        if (row && row->labelClass < 0)
            return position;
    }
    return -1;
}

QString SeedLabelView::progressText() const
{
    return tr("%1 / %2 labeled").arg(labeledCount()).arg(itemCount());
}

void SeedLabelView::rebuildButtons()
{
    std::vector<QPushButton *> buttons;
    for (const ClassRecord &record : m_editor->classes()) {
        const QString text
            = record.hotkey.isEmpty() ? record.name : QStringLiteral("%1  [%2]").arg(record.name, record.hotkey);
        QPushButton *button = makeViewButton(text, QStringLiteral("seedClass_%1").arg(record.id.value), m_buttonBar);
        button->setIcon(classSwatch(QColor(record.color), 16));
        button->setMinimumHeight(34);
        const ClassId id = record.id;
        connect(button, &QPushButton::clicked, this, [this, id] { labelCurrent(id); });
        buttons.push_back(button);
    }
    fillClassButtonRows(m_buttons, buttons);
}

void SeedLabelView::goTo(int position)
{
    if (m_items.empty())
        return;
    m_position = std::clamp(position, 0, itemCount() - 1);
    updateImage();
    showCurrent();
    Q_EMIT currentImageChanged(currentImage());
}

bool SeedLabelView::labelCurrent(ClassId classId)
{
    const ImageId image = currentImage();
    if (!image.isValid())
        return false;
    const ImageGridModel *model = m_editor->model();
    const GridRow *row = model->findImage(image);
    const bool already = row && row->labelClass == model->classIndexOf(classId);
    if (!already && !m_editor->assign({ image }, classId))
        return false;
    const int next = nextUnlabeled(m_position + 1);
    if (next < 0) {
        showCurrent();
        Q_EMIT finished();
        return true;
    }
    goTo(next);
    return true;
}

void SeedLabelView::skipCurrent()
{
    const ImageId image = currentImage();
    if (!image.isValid())
        return;
    std::optional<ImageId> replacement;
    try {
        replacement = skipSeedImage(m_editor->project().db(), image, QRandomGenerator::global()->generate64());
    } catch (const Error &failure) {
        Q_EMIT m_editor->problem(tr("Cannot Skip the Image"), failure.message());
        return;
    }
    ImageGridModel *model = m_editor->model();
    model->setInSeed({ image }, false);
    if (replacement)
        model->setInSeed({ *replacement }, true);
    Q_EMIT skipped(replacement.has_value());
    const int position = m_position;
    reloadItems();
    if (m_items.empty()) {
        Q_EMIT closeRequested();
        return;
    }
    const int next = nextUnlabeled(std::min(position, itemCount() - 1));
    goTo(next >= 0 ? next : position);
}

void SeedLabelView::newClassForCurrent()
{
    bool ok = false;
    const QString name
        = QInputDialog::getText(this, tr("New Class"), tr("Name of the new class:"), QLineEdit::Normal, QString(), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    if (const auto record = m_editor->addClass(name))
        labelCurrent(record->id);
}

void SeedLabelView::showCurrent()
{
    m_progress->setText(progressText());
    const ImageGridModel *model = m_editor->model();
    const GridRow *found = model->findImage(currentImage());
    QString caption;
    if (found) {
        const GridRow &r = *found;
        caption = QStringLiteral("<b>%1</b> · ").arg(model->gridData().shownPath(r).toHtmlEscaped())
            + tr("image %1 of %2").arg(m_position + 1).arg(itemCount());
        if (r.labelClass >= 0) {
            const GridClass &cls = model->gridData().classes[size_t(r.labelClass)];
            caption += QStringLiteral(" · <span style=\"color:%1\">■</span> ").arg(cls.color.name())
                + tr("labeled %1").arg(cls.name.toHtmlEscaped());
        } else {
            caption += QStringLiteral(" · ") + tr("not labeled yet");
        }
    }
    m_caption->setText(caption);
    m_back->setEnabled(m_position > 0);
    m_next->setEnabled(m_position + 1 < itemCount());
}

void SeedLabelView::updateImage()
{
    m_image = QImage();
    const ImageGridModel *model = m_editor->model();
    if (const GridRow *row = model->findImage(currentImage())) {
        DecodeOptions options;
        options.maxSide = 2048;
        const DecodedImage decoded = decodeImage(m_root + QLatin1Char('/') + row->path, options);
        if (decoded.ok())
            m_image = imageFromMat(decoded.pixels);
        else
            m_picture->setText(decoded.problem);
    }
    resizeEvent(nullptr);
}

void SeedLabelView::resizeEvent(QResizeEvent *event)
{
    if (event)
        QWidget::resizeEvent(event);
    if (m_image.isNull()) {
        m_picture->setPixmap(QPixmap());
        return;
    }
    const qreal ratio = devicePixelRatioF();
    const QSize box = (m_picture->size() - QSize(16, 16)) * ratio;
    const QSize size = m_image.size();
    QImage shown;
    if (size.width() <= box.width() && size.height() <= box.height()) {
        // Enlarge by a whole factor with nearest-neighbour: a 28-pixel image stays sharp.
        const int factor = std::max(1, std::min(box.width() / size.width(), box.height() / size.height()));
        shown = m_image.scaled(size * factor, Qt::KeepAspectRatio, Qt::FastTransformation);
    } else {
        shown = m_image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    QPixmap pixmap = QPixmap::fromImage(shown);
    pixmap.setDevicePixelRatio(ratio);
    m_picture->setPixmap(pixmap);
}

void SeedLabelView::keyPressEvent(QKeyEvent *event)
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
    case Qt::Key_S:
        if (!m_editor->classForKey(event->text())) {
            skipCurrent();
            return;
        }
        break;
    case Qt::Key_N:
        if (!m_editor->classForKey(event->text())) {
            newClassForCurrent();
            return;
        }
        break;
    default:
        break;
    }
    if (const auto found = m_editor->classForKey(event->text())) {
        labelCurrent(found->id);
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace semiprune::ui

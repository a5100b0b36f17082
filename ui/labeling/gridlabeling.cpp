#include "gridlabeling.h"

#include "grid/imagegridmodel.h"
#include "grid/imagegridview.h"
#include "labeleditor.h"

#include <QItemSelectionModel>
#include <QKeyEvent>

namespace semiprune::ui {

GridLabeling::GridLabeling(LabelEditor *editor, ImageGridView *view, QObject *parent)
    : QObject(parent), m_editor(editor), m_view(view)
{
    m_view->installEventFilter(this);
}

std::vector<ImageId> GridLabeling::selectedImages() const
{
    std::vector<ImageId> images;
    const QItemSelectionModel *selection = m_view->selectionModel();
    if (!selection)
        return images;
    const ImageGridModel *model = m_view->gridModel();
    // Ranges rather than indexes: Ctrl+A over 100k rows is one range.
    for (const QItemSelectionRange &range : selection->selection()) {
        for (int row = range.top(); row <= range.bottom(); ++row)
            images.push_back(model->gridRow(row).id);
    }
    return images;
}

bool GridLabeling::assignToSelection(ClassId classId)
{
    const std::vector<ImageId> images = selectedImages();
    if (images.empty()) {
        Q_EMIT hint(tr("Select images first (click, Shift+click, Ctrl+click, drag a rectangle, or Ctrl+A)."));
        return false;
    }
    return m_editor->assign(images, classId);
}

bool GridLabeling::clearSelection()
{
    return m_editor->clear(selectedImages());
}

bool GridLabeling::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view || event->type() != QEvent::KeyPress)
        return QObject::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
    if (modifiers != Qt::NoModifier)
        return false;
    if (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) {
        clearSelection();
        return true;
    }
    if (const auto found = m_editor->classForKey(key->text())) {
        assignToSelection(found->id);
        return true;
    }
    return false;
}

} // namespace semiprune::ui

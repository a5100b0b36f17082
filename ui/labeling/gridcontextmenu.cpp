#include "gridcontextmenu.h"

#include "classswatch.h"
#include "grid/imagegridmodel.h"
#include "grid/imagegridview.h"
#include "gridlabeling.h"
#include "labeleditor.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QMenu>
#include <QUrl>

#include <algorithm>

namespace semiprune::ui {

GridContextMenu::GridContextMenu(GridLabeling *labeling, ImageGridView *view, QString datasetRoot, QObject *parent)
    : QObject(parent), m_labeling(labeling), m_view(view), m_root(std::move(datasetRoot))
{
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        if (QMenu *menu = menuAt(position))
            menu->popup(m_view->viewport()->mapToGlobal(position));
    });
}

QMenu *GridContextMenu::menuAt(const QPoint &position)
{
    const QModelIndex under = m_view->indexAt(position);
    QItemSelectionModel *selection = m_view->selectionModel();
    if (under.isValid() && !selection->isSelected(under))
        selection->setCurrentIndex(under, QItemSelectionModel::ClearAndSelect);
    const std::vector<ImageId> images = m_labeling->selectedImages();
    if (images.empty())
        return nullptr;

    auto *menu = new QMenu(m_view);
    menu->setObjectName(QStringLiteral("gridContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    LabelEditor *editor = m_labeling->editor();

    QMenu *labelAs
        = menu->addMenu(images.size() == 1 ? tr("Label As") : tr("Label %n Images As", nullptr, int(images.size())));
    labelAs->setObjectName(QStringLiteral("gridLabelAs"));
    for (const ClassRecord &record : editor->classes()) {
        QAction *action = labelAs->addAction(classSwatch(QColor(record.color), 12), record.name);
        action->setObjectName(QStringLiteral("labelAs_%1").arg(record.id.value));
        if (!record.hotkey.isEmpty()) {
            // Shown as a reminder: the key itself works in the grid without the menu.
            action->setShortcut(QKeySequence(record.hotkey));
            action->setShortcutVisibleInContextMenu(true);
        }
        const ClassId id = record.id;
        connect(action, &QAction::triggered, this, [this, id] { m_labeling->assignToSelection(id); });
    }
    labelAs->setEnabled(!editor->classes().empty());

    const ImageGridModel *model = m_view->gridModel();
    const bool anyLabeled = std::any_of(images.begin(), images.end(), [model](ImageId image) {
        const GridRow *row = model->findImage(image);
        return row && row->labelClass >= 0;
    });
    QAction *clear = menu->addAction(tr("Clear Label"), this, [this] { m_labeling->clearSelection(); });
    clear->setObjectName(QStringLiteral("gridClearLabel"));
    clear->setShortcut(QKeySequence(Qt::Key_Delete));
    clear->setShortcutVisibleInContextMenu(true);
    clear->setEnabled(anyLabeled);
    menu->addSeparator();

    const QStringList paths = selectedPaths();
    QAction *copy
        = menu->addAction(paths.size() == 1 ? tr("Copy Path") : tr("Copy %n Paths", nullptr, int(paths.size())), this,
            [paths] { QApplication::clipboard()->setText(paths.join(QLatin1Char('\n'))); });
    copy->setObjectName(QStringLiteral("gridCopyPath"));
    // The folder of the image the person clicked (or the first selected one).
    const QString folder = paths.isEmpty() ? QString() : QFileInfo(paths.front()).absolutePath();
    QAction *show = menu->addAction(
        tr("Open Containing Folder"), this, [folder] { QDesktopServices::openUrl(QUrl::fromLocalFile(folder)); });
    show->setObjectName(QStringLiteral("gridOpenFolder"));
    show->setEnabled(!folder.isEmpty() && QFileInfo(folder).isDir());
    return menu;
}

QStringList GridContextMenu::selectedPaths() const
{
    QStringList paths;
    const ImageGridModel *model = m_view->gridModel();
    const QModelIndex current = m_view->currentIndex();
    const QDir root(m_root);
    // The current (right-clicked) image first, so "Open Containing Folder" opens its folder.
    if (current.isValid() && m_view->selectionModel()->isSelected(current))
        paths << QDir::cleanPath(root.filePath(model->gridRow(current.row()).path));
    for (const ImageId image : m_labeling->selectedImages()) {
        const GridRow *row = model->findImage(image);
        if (!row)
            continue;
        const QString path = QDir::cleanPath(root.filePath(row->path));
        if (paths.isEmpty() || path != paths.front())
            paths << path;
    }
    return paths;
}

} // namespace semiprune::ui

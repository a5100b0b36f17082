#pragma once

#include <QObject>
#include <QString>

class QMenu;
class QPoint;

namespace semiprune::ui {

class GridLabeling;
class ImageGridView;

// The grid's right-click menu: label the selected images as a class, clear their labels, copy
// their full paths, or show the folder that holds the image. A right-click outside the selection
// selects the image under the cursor first, as file managers do.
//
// Thread rules: GUI thread only.
class GridContextMenu final : public QObject {
    Q_OBJECT

public:
    GridContextMenu(GridLabeling *labeling, ImageGridView *view, QString datasetRoot, QObject *parent = nullptr);

    // The menu for a right-click at `position` (viewport coordinates), parented to the grid and
    // deleted when closed; nullptr where there is no image under the cursor and none selected.
    QMenu *menuAt(const QPoint &position);

private:
    QStringList selectedPaths() const;

    GridLabeling *m_labeling;
    ImageGridView *m_view;
    QString m_root;
};

} // namespace semiprune::ui

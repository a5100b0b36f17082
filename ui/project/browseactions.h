#pragma once

#include "grid/browsepreset.h"

#include <QObject>
#include <QPointer>

#include <vector>

class QAction;
class QMenu;
class QWidget;

namespace semiprune::ui {

class ProjectView;

// View ▸ Browse: one action per BrowsePreset, each with a shortcut, applied to the open project's
// grid.
//
// Thread rules: GUI thread only.
class BrowseActions final : public QObject {
    Q_OBJECT

public:
    explicit BrowseActions(QWidget *parent);

    QMenu *menu() const { return m_menu; }
    QAction *action(BrowsePreset preset) const;
    // The grid the actions arrange (nullptr: none, the actions are disabled).
    void setProjectView(ProjectView *view);
    void apply(BrowsePreset preset);

Q_SIGNALS:
    // A preset was applied; `text` says what the grid shows now, for the status bar.
    void applied(const QString &text);

private:
    QMenu *m_menu;
    std::vector<std::pair<BrowsePreset, QAction *>> m_actions;
    QPointer<ProjectView> m_view;
};

} // namespace semiprune::ui

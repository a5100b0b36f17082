#pragma once

#include "common/ids.h"

#include <QDockWidget>

class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace semiprune::ui {

class GridLabeling;

// The "Classes" dock: each class with its color, hotkey and counts: human labels (with the seed's
// share in the tooltip), pseudo-labels of the newest run, and images the newest selection keeps. A click on a
// class labels the selected images with it; Add, Rename and Hotkey edit the classes (a hotkey that
// another class has is refused with the reason). Empty while no project is open.
//
// Thread rules: GUI thread only.
class ClassSidebar final : public QDockWidget {
    Q_OBJECT

public:
    explicit ClassSidebar(QWidget *parent = nullptr);

    // The grid whose selection a click labels; nullptr when the project closes.
    void setLabeling(GridLabeling *labeling);

    void addClass();
    void renameCurrent();
    void setHotkeyOfCurrent();
    ClassId currentClass() const;
    QTreeWidget *classList() const { return m_list; }

private:
    void rebuild();
    void refreshCounts();
    void onItemClicked(QTreeWidgetItem *item, int column);

    GridLabeling *m_labeling = nullptr;
    QTreeWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_rename;
    QPushButton *m_hotkey;
};

} // namespace semiprune::ui

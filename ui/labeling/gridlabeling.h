#pragma once

#include "common/ids.h"

#include <QObject>

#include <vector>

namespace semiprune::ui {

class ImageGridView;
class LabelEditor;

// Labeling in the grid: a class's hotkey labels every selected image, Delete or Backspace clears
// their labels (one undo step each). Watches the grid's key presses, so the grid keeps its own
// navigation and selection keys (arrows, Shift, Ctrl+A).
//
// Thread rules: GUI thread only.
class GridLabeling final : public QObject {
    Q_OBJECT

public:
    GridLabeling(LabelEditor *editor, ImageGridView *view, QObject *parent = nullptr);

    std::vector<ImageId> selectedImages() const;
    bool assignToSelection(ClassId classId);
    bool clearSelection();

    LabelEditor *editor() const { return m_editor; }

Q_SIGNALS:
    // Nothing is selected when a class was chosen: a hint for the status bar.
    void hint(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    LabelEditor *m_editor;
    ImageGridView *m_view;
};

} // namespace semiprune::ui

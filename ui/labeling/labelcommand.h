#pragma once

#include "labelchange.h"

#include <QUndoCommand>

#include <vector>

namespace semiprune::ui {

class LabelEditor;

// An undoable label edit, single or bulk. The edit is written before the command is pushed, so the
// first redo() does nothing. When undo or redo cannot be written any more (a class was removed, an
// image is gone), the transaction rolls back, the editor reports why, and the command marks itself
// obsolete so the stack drops it.
//
// Thread rules: GUI thread only.
class LabelCommand final : public QUndoCommand {
public:
    LabelCommand(LabelEditor *editor, std::vector<LabelChange> changes, const QString &text);

    void undo() override;
    void redo() override;

private:
    void write(bool forward);

    LabelEditor *m_editor;
    std::vector<LabelChange> m_changes;
    bool m_written = true;
};

} // namespace semiprune::ui

#include "labelcommand.h"

#include "common/error.h"
#include "labeleditor.h"

namespace semiprune::ui {

LabelCommand::LabelCommand(LabelEditor *editor, std::vector<LabelChange> changes, const QString &text)
    : m_editor(editor), m_changes(std::move(changes))
{
    setText(text);
}

void LabelCommand::undo()
{
    write(false);
}

void LabelCommand::redo()
{
    if (m_written) { // the editor wrote it before pushing
        m_written = false;
        return;
    }
    write(true);
}

void LabelCommand::write(bool forward)
{
    try {
        m_editor->write(m_changes, forward);
    } catch (const Error &failure) {
        setObsolete(true);
        m_editor->reportStaleCommand(text(), failure.message());
    }
}

} // namespace semiprune::ui

#include "browseactions.h"

#include "grid/imagegridmodel.h"
#include "projectview.h"

#include <QAction>
#include <QLocale>
#include <QMenu>

#include <algorithm>

namespace semiprune::ui {

BrowseActions::BrowseActions(QWidget *parent) : QObject(parent), m_menu(new QMenu(tr("&Browse"), parent))
{
    // Ctrl+Shift+letter: plain letters and digits label images in the grid.
    const std::vector<std::pair<BrowsePreset, QKeySequence>> presets {
        { BrowsePreset::Everything, QKeySequence(tr("Ctrl+Shift+A")) },
        { BrowsePreset::Hardest, QKeySequence(tr("Ctrl+Shift+H")) },
        { BrowsePreset::Easiest, QKeySequence(tr("Ctrl+Shift+E")) },
        { BrowsePreset::LeastConfident, QKeySequence(tr("Ctrl+Shift+L")) },
        { BrowsePreset::DroppedByCutoff, QKeySequence(tr("Ctrl+Shift+D")) },
        { BrowsePreset::Kept, QKeySequence(tr("Ctrl+Shift+K")) },
    };
    for (const auto &[preset, shortcut] : presets) {
        auto *action = new QAction(presetTitle(preset), this);
        action->setShortcut(shortcut);
        action->setStatusTip(presetDescription(preset));
        action->setToolTip(presetDescription(preset));
        action->setEnabled(false);
        connect(action, &QAction::triggered, this, [this, preset = preset] { apply(preset); });
        m_menu->addAction(action);
        if (preset == BrowsePreset::Everything)
            m_menu->addSeparator();
        m_actions.emplace_back(preset, action);
    }
}

QAction *BrowseActions::action(BrowsePreset preset) const
{
    for (const auto &[p, action] : m_actions) {
        if (p == preset)
            return action;
    }
    return nullptr;
}

void BrowseActions::setProjectView(ProjectView *view)
{
    m_view = view;
    for (const auto &entry : m_actions)
        entry.second->setEnabled(view != nullptr);
}

void BrowseActions::apply(BrowsePreset preset)
{
    if (!m_view)
        return;
    m_view->setArrangement(presetArrangement(preset));
    m_view->showGrid();
    const int shown = m_view->model()->rowCount();
    QString text = tr("%1 (%2 shown)").arg(presetDescription(preset), QLocale().toString(shown));
    const std::vector<GridRow> &rows = m_view->model()->gridData().rows;
    const bool hasSelection
        = std::any_of(rows.begin(), rows.end(), [](const GridRow &r) { return r.fate != RowFate::None; });
    if (!hasSelection && (preset == BrowsePreset::DroppedByCutoff || preset == BrowsePreset::Kept))
        text = tr("No selection is stored yet: save one in the Difficulty dock or run the pipeline.");
    else if (shown == 0 && preset != BrowsePreset::Everything)
        text = tr("No image fits: run the pipeline first to score the images.");
    Q_EMIT applied(text);
}

} // namespace semiprune::ui

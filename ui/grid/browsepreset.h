#pragma once

#include "gridarrangement.h"

#include <QString>

namespace semiprune::ui {

// One-click ways to browse a scored project (View ▸ Browse). Each sets the sort and the filters
// together, starting from no filter, so the result does not depend on what was shown before.
enum class BrowsePreset {
    Everything, // all images, in the loaded order
    Hardest, // scored images, lowest AUM first
    Easiest, // scored images, highest AUM first
    LeastConfident, // pseudo-labeled images, least confident first
    DroppedByCutoff, // what the newest selection's hard cutoff dropped (likely mislabeled), hardest first
    Kept, // what the newest selection keeps, hardest first
};

GridArrangement presetArrangement(BrowsePreset preset);
// The menu text, with an accelerator.
QString presetTitle(BrowsePreset preset);
// One line on what the preset shows, for tooltips and the status bar.
QString presetDescription(BrowsePreset preset);

} // namespace semiprune::ui

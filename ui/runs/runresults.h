#pragma once

#include "grid/imagegridmodel.h"

#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace semiprune {
class Project;
struct SelectionRecord;
}

namespace semiprune::ui {

// What the grid shows of the pipeline's results, read on the thread that owns `project`: the
// pseudo-labels of the newest finished pseudo-label run (empty when there is none) and the newest
// selection.
std::vector<ImageGridModel::PseudoLabel> latestPseudoLabels(Project &project);
std::optional<SelectionRecord> latestSelection(Project &project);
// What the newest selection did with each image (empty when there is no selection).
QHash<ImageId, RowFate> latestSelectionFates(Project &project);
// The AUM of every image in the newest finished scores run (empty when there is none).
QHash<ImageId, double> latestDifficulty(Project &project);

} // namespace semiprune::ui

#pragma once

#include "storage/project.h"

#include <optional>

class QWidget;

namespace semiprune::ui {

// Asks how the labels that come with a dataset (class sub-folders, IDX label files) are used:
// as known labels, or hidden as the reference for evaluation only. Nothing when the user cancels.
// Never decided silently: the choice changes what the project means.
std::optional<LabelMode> askLabelMode(QWidget *parent, const QString &source);

} // namespace semiprune::ui

#pragma once

#include "common/ids.h"

#include <QString>

#include <vector>

namespace semiprune {

class Project;

struct LabelSuggestion {
    ImageId image;
    QString path; // relative to the dataset root
    double margin = 0; // top-1 minus top-2 pseudo-label probability: small is uncertain
};

// The images to label next (selection/labelsuggestion.h) from the newest run: the margins of its
// pseudo-labels and its proxy network's image features; labeled images are never suggested.
// Throws Error when the project has no finished run with pseudo-labels and features yet, or for
// count < 1.
std::vector<LabelSuggestion> suggestLabels(Project &project, int count);

} // namespace semiprune

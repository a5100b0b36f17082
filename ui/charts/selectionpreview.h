#pragma once

#include "selection/selection.h"

#include <QString>

#include <vector>

namespace semiprune::ui {

struct DifficultyData;

// The controls of the selection the dock previews: the hard-cutoff selector of method.md stage 6 on
// AUM, over the whole pool or within each class.
struct PreviewSettings {
    double keepRatio = 0.3; // r
    double beta = -1; // < 0: the default for r (defaultBetaFor)
    bool perClass = false; // the class-aware cutoff
    bool forceSeed = false; // keep every human-labeled image

    double effectiveBeta() const; // throws Error unless 0 < r < 1
};

// Why the settings cannot make a selection ("" when they can): r outside (0, 1), or beta outside
// [0, 1 - r), said in words a user can act on.
QString previewProblem(const PreviewSettings &settings);

// What the selection would be, before anything is stored: computed with the same selector code the
// selection job runs, so saving it stores exactly what was previewed.
struct SelectionPreview {
    QString problem; // non-empty: no preview (see previewProblem)
    std::vector<SelectionReason> reasons; // per scored image
    int kept = 0;
    int droppedHard = 0;
    int droppedEasy = 0;
    std::vector<int> keptPerClass; // by training label
    std::vector<int> totalPerClass;
    double beta = 0;
    // The AUM borders: images at or below cutoffScore were dropped as too hard, the kept ones lie in
    // [keptLow, keptHigh]. NaN when there is no such image.
    double cutoffScore = 0;
    double keptLow = 0;
    double keptHigh = 0;

    bool isValid() const { return problem.isEmpty(); }
};

// Linear in the number of images after one sort; ~5 ms for 60k images.
SelectionPreview previewSelection(const DifficultyData &data, const PreviewSettings &settings);

} // namespace semiprune::ui

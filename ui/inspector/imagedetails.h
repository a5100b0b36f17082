#pragma once

#include "common/ids.h"
#include "health/imagequality.h"
#include "storage/records.h"
#include "storage/resulttables.h"

#include <QString>

#include <optional>
#include <vector>

namespace semiprune {
class Project;
}

namespace semiprune::ui {

// The runs whose results the inspector shows: looked up once when the results change (a project
// opens, a run ends), so showing one image costs only that image's rows.
struct ResultRuns {
    RunId pseudoLabelRun; // invalid: no pseudo-labels yet
    std::vector<ClassId> pseudoClasses; // the order of the pseudo-label probabilities
    RunId scoresRun; // invalid: not scored yet
    std::optional<SelectionRecord> selection; // the newest selection
    bool colorSet = false; // most measured images are color (for the audit's gray-in-color)
    bool healthMeasured = false; // the audit has measured images of this project
};

// Reads the newest finished pseudo-label and scores runs and the newest selection.
ResultRuns latestResultRuns(Project &project);

// One difficulty score with what its direction means.
struct ScoreLine {
    QString kind; // as stored: aum, forgetting, el2n, dual
    QString title; // for people
    QString hardEnd; // what makes an image "hard" for this score
    double value = 0;
    bool present = false;
};

struct ClassProbability {
    ClassId classId;
    float probability = 0;
};

// Everything the inspector shows about one image, read from the project's tables.
struct ImageDetails {
    std::optional<ImageRecord> image; // empty: the image is no longer in the project
    QString absolutePath;
    bool fileExists = false;
    std::optional<LabelRecord> label;
    std::optional<PredictionRecord> prediction;
    std::vector<ClassProbability> topClasses; // highest first, at most kTopClasses
    std::vector<ScoreLine> scores; // AUM, forgetting, EL2N, DUAL, in that order
    std::optional<SelectionItem> selectionItem;
    // The image audit (health/imagequality.h): measured, and measured from the file as it is now.
    bool auditMeasured = false;
    QList<QualityIssue> auditIssues;

    static constexpr int kTopClasses = 3;
};

// A handful of primary-key lookups (image, label, prediction, scores, selection item) and one
// stat() of the file: cheap enough to run on the GUI thread for every change of the current image.
ImageDetails loadImageDetails(Project &project, const ResultRuns &runs, ImageId image);

// The score kinds the inspector shows, with their names and which end is hard (method.md, stage 5).
std::vector<ScoreLine> scoreLinesTemplate();

} // namespace semiprune::ui

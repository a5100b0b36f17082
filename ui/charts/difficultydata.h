#pragma once

#include "common/ids.h"
#include "storage/resulttables.h"

#include <QColor>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace semiprune {
class Project;
}

namespace semiprune::ui {

// What the Difficulty dock can show.
enum class DifficultyState {
    NoProject,
    NoRun, // nothing trained yet
    NoScores, // runs exist, but none has finished scoring
    Ready,
};

struct ChartClass {
    QString name;
    QColor color;
};

// Everything the difficulty charts and the selection preview read, as plain vectors in the order
// of the scored images (the dynamics run's order), so a control change recomputes over arrays and
// never touches the project file.
struct DifficultyData {
    DifficultyState state = DifficultyState::NoProject;
    RunId scoresRun;
    QJsonObject runSettings; // the settings the scores run was made with
    std::vector<ChartClass> classes;

    std::vector<ImageId> images;
    std::vector<int> labels; // training label per image: index into classes, -1 unknown
    std::vector<double> aum;
    std::vector<bool> humanLabeled; // what "keep the seed" forces in
    // Training dynamics per image: mean and standard deviation over the proxy epochs of the
    // probability given to its (pseudo-)label. Empty when the run stored no dynamics.
    std::vector<float> meanConfidence;
    std::vector<float> variability;
    int epochs = 0;

    // Over the whole project, not only the scored images.
    std::vector<float> pseudoConfidences; // of every pseudo-label of the newest pseudo-label run
    std::vector<qint64> seedPerClass; // human labels per class
    std::vector<qint64> pseudoPerClass; // pseudo-labels per class, of images without a human label

    std::optional<SelectionRecord> newestSelection;

    int imageCount() const { return int(images.size()); }
};

// Reads the newest finished scores run and what it rests on. Call it on the thread that owns
// `project`; nullptr gives the NoProject state.
DifficultyData loadDifficultyData(Project *project);

} // namespace semiprune::ui

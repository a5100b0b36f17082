#pragma once

#include "common/ids.h"
#include "learning/imagebank.h"

#include <QString>

#include <memory>
#include <vector>

namespace semiprune {

class JobContext;
class Project;
struct TrainingSettings;

// Training resolution and color of a project: native size for data sets whose images all share one
// size up to 32 px (IDX data), 32 px otherwise unless the project says more; gray when every image is.
struct TrainingShape {
    int width = 32;
    int height = 32;
    int channels = 3;
};
TrainingShape trainingShapeOf(Project &project);

// The project's training resolution setting in pixels (square), 0 for automatic (see above).
int trainingResolutionSetting(const Project &project);
// Stores it; 0 goes back to automatic. Throws Error outside 8..512 px.
void setTrainingResolution(Project &project, int pixels);

// The training images of a project decoded into memory, with what each one is labeled.
// Index i of every vector is image i of the bank. Classes are the project's classes that carry at
// least one human label, in the project's class order; labels index into them.
struct TrainingSet {
    std::unique_ptr<ImageBank> bank;
    std::vector<ImageId> images;
    std::vector<int> humanLabels; // -1: no human label
    std::vector<int> referenceLabels; // hidden reference labels mapped to `classes` by name; -1 elsewhere
    std::vector<bool> inSeed;
    std::vector<ClassId> classes;
    std::vector<QString> classNames;
    int unreadableSkipped = 0; // images found unreadable or gone while decoding (now marked so)
    bool residentInMemory = true; // false: the decoded images did not fit the budget (file-backed)

    int labeledCount() const;
    bool fullyLabeled() const;
};

// The default memory budget for decoded training images: a quarter of the machine's memory.
qint64 defaultImageMemoryBudget();
// What the settings give decoded training images: their MiB, or the default where they name none.
qint64 imageMemoryBudget(const TrainingSettings &settings);

// Decodes every readable training image (in parallel) at the project's training shape, once. When
// they fit `memoryBudget` bytes they are held in memory; otherwise they go to a file beside the
// project that is mapped for reading (ImageBank), so memory stays bounded for any data set size.
// An image that fails to decode is marked unreadable in the project with the reason and left out.
// Throws Error when there is nothing to train on.
TrainingSet loadTrainingSet(Project &project, JobContext &job, qint64 memoryBudget = defaultImageMemoryBudget());

} // namespace semiprune

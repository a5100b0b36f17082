#pragma once

#include "project.h"

#include <QString>

#include <vector>

namespace semiprune {

struct ClassCount {
    QString name;
    qint64 labeled = 0; // human labels of any source
    qint64 seed = 0; // of those, labeled while walking the seed
    qint64 reference = 0; // images whose folder names the class (reference labels)
};

// Counts that describe a project at a glance (the CLI's `info`, the window's status bar).
struct ProjectSummary {
    QString projectFile;
    bool readOnly = false; // the file cannot be written: it is opened for reading only
    QString datasetRoot;
    bool datasetRootExists = true;
    LabelMode labelMode = LabelMode::None;
    int schemaVersion = 0;
    qint64 images = 0;
    qint64 train = 0;
    qint64 val = 0;
    qint64 test = 0;
    qint64 unreadable = 0;
    qint64 missing = 0;
    qint64 labeled = 0;
    qint64 seedDrawn = 0; // every image ever drawn into the seed, skipped ones included
    qint64 seedLabeled = 0;
    qint64 seedSkipped = 0;
    // The seed a person labels: drawn and not skipped (a skipped image was replaced by another).
    qint64 seedToLabel() const { return seedDrawn - seedSkipped; }
    qint64 referenceLabeled = 0;
    // What a run learns from: readable training images, those of them with a human label, and
    // the classes those labels name (unreadable, missing, validation and test images left out).
    qint64 trainable = 0;
    qint64 trainableLabeled = 0;
    int trainableClasses = 0;
    std::vector<ClassCount> classes; // the user's classes, in their order
    std::vector<ClassCount> referenceClasses; // names and counts of the reference labels
};

ProjectSummary summarizeProject(Project &project);

} // namespace semiprune

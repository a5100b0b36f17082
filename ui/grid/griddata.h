#pragma once

#include "common/ids.h"
#include "storage/records.h"

#include <QColor>
#include <QString>

#include <cmath>
#include <vector>

namespace semiprune {
class Project;
}

namespace semiprune::ui {

// What the newest stored selection did with an image.
enum class RowFate : unsigned char {
    None, // not in the selection (or there is none)
    Kept,
    DroppedHard, // beyond the hard cutoff: likely ambiguous or mislabeled
    DroppedEasy, // easier than every kept image
    NotSampled, // a sampling selector did not draw it
};

struct GridClass {
    ClassId id;
    QString name;
    QColor color;
};

// One image as the grid shows it: plain values, so that 100k rows are a few MB and every lookup is
// an index into a vector.
struct GridRow {
    ImageId id;
    QString path; // relative to the dataset root
    QString fileName; // the last part of path
    ImageStatus status = ImageStatus::Ok;
    QString message; // why the import found it unreadable, or a warning
    Split split = Split::Train;
    int width = 0;
    int height = 0;
    qint64 fileSize = 0;
    int labelClass = -1; // index into GridData::classes; -1: no human label
    LabelSource labelSource = LabelSource::Manual;
    bool inSeed = false;
    int pseudoClass = -1; // index into GridData::classes; -1: no pseudo-label
    float pseudoConfidence = 0;
    double difficulty = std::nan(""); // the newest AUM score; NaN: not scored
    RowFate fate = RowFate::None;
};

struct GridData {
    QString datasetRoot;
    std::vector<GridRow> rows;
    std::vector<GridClass> classes;
    // The reference labels are hidden: a class sub-folder in a path would give the answer away, so
    // wherever a person labels or reviews, the file name stands for the path.
    bool foldersHidden = false;

    QString shownPath(const GridRow &row) const { return foldersHidden ? row.fileName : row.path; }
};

enum class GridOrder {
    Path, // the import's order: folders, then file names
    Shuffled, // a fixed pseudo-random order (the same every time for the same project)
};

// The order the grid starts in: shuffled when the project's reference labels are hidden, because
// class folders in path order would show the hidden classes as blocks of look-alike images.
GridOrder defaultGridOrder(const Project &project);

// Reads what the grid shows from the project: one query per table (images, classes, labels, seed),
// joined in memory and put in `order`. Call it on the thread that owns `project`.
GridData loadGridData(Project &project, GridOrder order);
inline GridData loadGridData(Project &project)
{
    return loadGridData(project, defaultGridOrder(project));
}

} // namespace semiprune::ui

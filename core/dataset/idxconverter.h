#pragma once

#include "storage/records.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace semiprune {

class JobContext;

// One part of an IDX data set: an images file, its labels file (optional), and the split it is.
struct IdxPart {
    QString imagesPath;
    QString labelsPath; // empty: unlabeled, written as a flat folder
    Split split = Split::Train;
};

struct IdxConversionReport {
    qint64 imagesWritten = 0;
    QStringList classNames;
    double seconds = 0;
};

// Converts IDX files into a PNG image folder: <out>/<split>/<class folder>/<split>_<index>.png when
// there is more than one part, <out>/<class folder>/... for one. Class folders are named after the
// class names (given, else a known preset for the file, else numbered) made safe, with the real
// names recorded beside them. Writes into a temporary folder and renames it at the end, so a
// cancelled or failed conversion leaves no half folder behind. Refuses an existing non-empty `out`.
IdxConversionReport convertIdxToFolder(
    const std::vector<IdxPart> &parts, const QString &out, QStringList classNames, JobContext &job);

} // namespace semiprune

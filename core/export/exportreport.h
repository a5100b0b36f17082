#pragma once

#include "common/ids.h"
#include "exportoptions.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace semiprune {

struct ExportClassCount {
    QString name;
    QString folder;
    qint64 images = 0;
    qint64 train = 0; // with a split
    qint64 val = 0;
    qint64 human = 0; // labeled by a person (seed, manual, override, import)
    qint64 pseudo = 0; // labeled by the pseudo-label run
};

// What an export did: written as summary.json into the export, returned to the caller, printed by
// the CLI. Plain data.
struct ExportReport {
    QString target; // absolute
    QString project; // the project file
    ExportScope scope = ExportScope::Selection;
    ExportMode mode = ExportMode::Copy;
    bool humanOnly = false;
    QString selection; // empty unless scope is Selection
    QString method;
    double keepRatio = -1; // < 0: no selection
    double beta = -1; // < 0: not used by the method
    RunId scoresRun; // invalid: no scores in the manifest
    RunId pseudoLabelRun; // invalid: no pseudo-labels
    double valFraction = 0;
    quint64 splitSeed = 0;

    qint64 candidates = 0; // images considered
    qint64 exported = 0;
    qint64 renamed = 0; // file names changed to keep same-named images apart (see the manifest)
    qint64 skippedUnlabeled = 0;
    qint64 skippedNotHuman = 0;
    qint64 skippedUnreadable = 0;
    QStringList missingSources; // images deleted since the import (relative paths): not exported
    QStringList classesWithoutImages; // classes the project has images of but the export none (a dropped class)
    qint64 bytesCopied = 0;
    std::vector<ExportClassCount> classes; // the classes with exported images, in project order
    bool classNamesFile = false; // semiprune-classes.tsv written: some folder differs from its class name

    QString startedAt; // ISO 8601, UTC
    double seconds = 0;
    bool replacedOld = false;
    QString leftover; // an old export that could not be removed after it was replaced
};

QJsonObject toJson(const ExportReport &report);

} // namespace semiprune

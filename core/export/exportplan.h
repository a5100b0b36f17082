#pragma once

#include "common/ids.h"
#include "storage/resulttables.h"

#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <vector>

namespace semiprune {

class JobContext;
class Project;
struct ExportOptions;

enum class ExportSplit { None, Train, Val };
QString exportSplitName(ExportSplit split); // empty for None

// The score kinds the manifest carries, in its column order.
inline constexpr std::array<const char *, 4> kExportScoreKinds = { "aum", "forgetting", "el2n", "dual" };

struct ExportClass {
    ClassId id;
    QString name;
    QString folder; // a safe, unique folder name (see ExportLayout)
};

// One image of the export: where it comes from, the label it goes under and why, and where it lands.
struct ExportEntry {
    ImageId image;
    QString originalPath; // relative to the dataset root, '/' separated
    int classIndex = -1; // into ExportPlan::classes
    QString labelSource; // seed, manual, override, import or pseudo
    int pseudoClassIndex = -1; // the pseudo-label run's class (also when a human label wins), -1: none
    double confidence = -1; // of that pseudo-label; < 0: none
    std::array<std::optional<double>, kExportScoreKinds.size()> scores;
    bool inSelection = false; // a selection's kept image (rank below)
    int rank = -1;
    ExportSplit split = ExportSplit::None;
    QString exportPath; // relative to the export root; set by ExportLayout
    bool renamed = false; // its file name was changed to keep it apart from a same-named one
    bool sourceMissing = false; // the file vanished while the export ran
};

// What an export will write, decided before anything is written: so an export with nothing in it
// is refused up front, and the split and the names are drawn over the images that really exist.
struct ExportPlan {
    std::vector<ExportClass> classes; // every class of the project, in its order
    std::vector<ExportEntry> entries; // in image order until ExportLayout sorts them by export path
    std::optional<SelectionRecord> selection;
    RunId scoresRun; // where the manifest's scores come from (invalid: none)
    RunId pseudoLabelRun; // where the pseudo-labels come from (invalid: none)
    qint64 candidates = 0; // images considered before any was skipped
    qint64 skippedUnlabeled = 0; // no label at all
    qint64 skippedNotHuman = 0; // only a pseudo-label, and only human labels were asked for
    qint64 skippedUnreadable = 0; // the import found them unreadable: not worth training on
    QStringList missingSources; // deleted since the import (relative paths)
    // Classes that images of the project are labeled (or pseudo-labeled) as, but of which the export
    // holds none: a selection that dropped a class. In the project's class order.
    QStringList classesWithoutImages;
};

// Decides which images go into the export and under which label: a human label (seed, manual,
// import or override) wins over the newest finished pseudo-label run's prediction. Reads the project
// on the calling thread; checks each source file exists. Throws Error when there is nothing to export
// or the named selection does not exist; JobCancelled when cancelled.
ExportPlan planExport(Project &project, const ExportOptions &options, JobContext &job);

} // namespace semiprune

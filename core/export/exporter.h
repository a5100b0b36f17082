#pragma once

#include "exportoptions.h"
#include "exportreport.h"

namespace semiprune {

class JobContext;
class Project;

// Exports images with their labels as an ImageFolder tree: <target>/<class>/<file>, or
// <target>/train|val/<class>/<file> with a split, plus manifest.csv (one row per image: label,
// source, pseudo-label, scores, rank, split), summary.json (the report) and, when a class name is
// not a safe folder name, semiprune-classes.tsv (so importing the tree gives back the real names).
//
// Nothing is lost or half-done: the export is written into a hidden partial folder beside the target
// and renamed into place only when complete; a failure or a cancel removes the partial folder; a
// non-empty target is refused unless options.overwrite, and even then the old export is replaced only
// once the new one is complete. Images deleted since the import are reported and skipped. Progress
// and cancel are checked per file. Runs on the calling thread with the project's connection.
// Throws Error (a message a user can act on) or JobCancelled.
ExportReport exportDataset(Project &project, const ExportOptions &options, JobContext &job);

} // namespace semiprune

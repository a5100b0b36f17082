#pragma once

namespace semiprune {

struct ExportOptions;
struct ExportPlan;

// Decides where every image of a plan lands: a safe, unique folder per class (a class name is never
// used as a path as it is), the stratified train/val split when asked for, and a file name per image.
// Original file names are kept; same-named files that would meet in one folder (from different
// source folders, or differing only in case, which clashes on other file systems) become
// "name (2).ext", "name (3).ext"... and are marked renamed. Deterministic: the same images and
// options give the same paths. Sorts the entries by their export path.
void layOutExport(ExportPlan &plan, const ExportOptions &options);

} // namespace semiprune

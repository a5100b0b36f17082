#pragma once

#include <QString>

namespace semiprune {

// Which images an export takes.
enum class ExportScope {
    Selection, // the kept images of a selection (the newest one when none is named)
    AllLabeled, // every image a human labeled (seed, manual, override, import)
    All, // every image with a label, human or pseudo
};

// How an image comes to be in the export. Links cost no space and take no time, but a hard link
// needs the export on the images' file system, and a symbolic link breaks when the images move.
enum class ExportMode { Copy, HardLink, SymLink };

QString exportScopeName(ExportScope scope);
QString exportModeName(ExportMode mode);
ExportMode exportModeFromName(const QString &name); // throws Error on an unknown name

struct ExportOptions {
    QString target; // the folder the export becomes; must be new or empty unless overwrite
    ExportScope scope = ExportScope::Selection;
    QString selectionName; // empty: the newest selection
    // Only images a human labeled; pseudo-labeled images are left out (and counted).
    bool humanOnly = false;
    ExportMode mode = ExportMode::Copy;
    // The share of each class that goes to val/ in a stratified split; 0: no split folders.
    double valFraction = 0;
    // A fixed default, so that exporting the same images twice gives the same split.
    quint64 splitSeed = 0;
    // Replace an earlier export at the target, once the new one is complete.
    bool overwrite = false;

    bool hasSplit() const { return valFraction > 0; }
    // Throws Error for an option a user has to change (a missing target, a fraction out of range).
    void validate() const;
};

} // namespace semiprune

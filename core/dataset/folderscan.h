#pragma once

#include "storage/records.h"

#include <QString>

#include <vector>

namespace semiprune {

class JobContext;

// An image file found under a dataset root, with what its place in the tree says about it.
struct ScannedFile {
    QString path; // relative to the root, '/' separated
    qint64 size = 0;
    qint64 mtimeMs = 0;
    Split split = Split::Train;
    QString folderClass; // the class folder it sits in (empty in a flat folder), as the folder is named
    QString problem; // why the file cannot be read, already known from the scan; empty otherwise
};

struct FolderScan {
    std::vector<ScannedFile> files;
    bool hasClassFolders = false; // at least one image sits in a class sub-folder
    bool hasSplitFolders = false; // the top level is train/ (val/) test/
};

// Walks a dataset root recursively and lists the files with an image extension, in path order.
// Layouts: flat (no labels); ImageFolder (<root>/<class>/...); and split ImageFolder
// (<root>/<train|val|test>/<class>/...), recognized when every top-level folder holding images is a
// split name. Hidden files and folders are skipped; symbolic links to folders are not followed
// (no loops). Entries with an image extension that cannot be opened as files are listed with their
// problem and never opened: links to nothing or in a loop, pipes and devices, and names that are
// not valid UTF-8 (the name cannot be passed back to the file system). Throws Error for a root
// that does not exist or cannot be read.
FolderScan scanFolder(const QString &root, JobContext &job);

} // namespace semiprune

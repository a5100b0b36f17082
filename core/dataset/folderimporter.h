#pragma once

#include "imaging/imagedecoder.h"
#include "storage/project.h"

#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace semiprune {

class JobContext;
class Project;

struct ImportOptions {
    // How class sub-folders are used. Required when the folder has them and the project has not
    // chosen yet; must match the project's choice otherwise.
    std::optional<LabelMode> labelMode;
    // Decode every new or changed image fully, to find truncated or corrupt data at import time
    // rather than when it is first shown or trained on. Slower: headers alone are the default.
    bool verifyPixels = false;
    qint64 maxPixels = kDefaultMaxPixels;
};

struct ImportReport {
    qint64 scanned = 0;
    qint64 added = 0;
    qint64 updated = 0; // changed on disk since the last import
    qint64 missing = 0; // gone from disk: kept in the project (with their labels) and marked missing
    qint64 restored = 0; // missing before, back now
    qint64 unreadable = 0;
    qint64 vanished = 0; // listed, but gone before they could be read: known ones marked missing, new ones not added
    qint64 warnings = 0;
    qint64 labelsImported = 0;
    std::vector<std::pair<QString, QString>>
        problems; // path, reason: unreadable, vanished and warnings (the first 1,000)
    double seconds = 0;
};

// Imports or rescans the project's dataset root: adds new images, updates changed ones, marks
// vanished ones missing (never deleting their labels), reading headers only unless asked to verify.
// Works in committed chunks, so a cancelled or killed import keeps what it finished and the next
// run picks up the rest. Unreadable images are recorded with their reason; the import goes on.
// Files that change while it runs are judged as they are when read: one that vanished counts as
// missing (as if the listing had come later), one replaced by something else is unreadable, with
// its reason; nothing is ever opened in a way that could block (a pipe in place of a file).
// Runs on the calling thread with the project's connection; decodes headers on the global pool.
ImportReport importFolder(Project &project, const ImportOptions &options, JobContext &job);

} // namespace semiprune

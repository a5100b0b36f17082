#pragma once

#include "common/ids.h"

#include <QString>

namespace semiprune {

class Project;

// Resume checkpoints: files beside the project, rewritten often and deleted when their run ends,
// so they stay out of the project database and its write-ahead log.
namespace RunFiles {

QString checkpointPath(const Project &project, RunId run);
bool hasCheckpoint(const Project &project, RunId run);
void removeCheckpoint(const Project &project, RunId run);

// A new file for decoded training images that do not fit the memory budget (ImageBank's spill
// file). Leftovers of a killed process are removed first: only one pipeline runs per project.
QString newDecodedImagesPath(const Project &project);

} // namespace RunFiles
} // namespace semiprune

#pragma once

#include "common/ids.h"
#include "learning/model.h"

#include <QByteArray>
#include <QString>

namespace semiprune {

class Project;

// Files a run keeps beside the project: resume checkpoints, rewritten often and deleted when the
// run ends, so they stay out of the project database (and its write-ahead log); and the trained
// model's bytes, which the project database stores.
namespace RunFiles {

QString checkpointPath(const Project &project, RunId run);
bool hasCheckpoint(const Project &project, RunId run);
void removeCheckpoint(const Project &project, RunId run);

QByteArray modelBytes(const Model &model);
Model modelFromBytes(const QByteArray &bytes, DeviceChoice device);

} // namespace RunFiles
} // namespace semiprune

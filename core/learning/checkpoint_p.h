#pragma once

// Engine-internal (includes torch): what both trainers' checkpoints share. A checkpoint starts with
// its format and the identity of the run it belongs to (data, labels, schedule, network), which a
// load checks before it touches any state, so a checkpoint of another run is refused with the
// setting that differs instead of silently continuing the wrong training.

#include "learning/enginetorch_p.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace semiprune {

using CheckpointIdentity = std::vector<std::pair<std::string, std::int64_t>>;

// The version of the checkpoint layout both trainers write; a file of another is refused.
constexpr std::int64_t kCheckpointFormat = 1;

// FNV-1a over (index, label) pairs: a run's training set in one number for its identity.
std::int64_t trainingSetFingerprint(const std::vector<int> &indices, const std::vector<int> &labels);

// The format, the identity and the optimizer's state; the caller adds its networks and counters.
void writeCheckpointHeader(torch::serialize::OutputArchive &archive, const CheckpointIdentity &identity);
void writeOptimizer(torch::serialize::OutputArchive &archive, torch::optim::Optimizer &optimizer);
void readOptimizer(torch::serialize::InputArchive &archive, torch::optim::Optimizer &optimizer);

// Loads `path`, checks its format and identity, then runs `readState` on the archive. Every failure
// is an Error a user can act on: another version, another run (naming the setting), or a file that
// is no checkpoint of this kind (`notACheckpoint`, with %1 for the path).
void readCheckpoint(const QString &path, torch::Device device, const CheckpointIdentity &identity,
    const char *notACheckpoint, const std::function<void(torch::serialize::InputArchive &)> &readState);
// The same for a checkpoint held in memory (a rank's state sent to the others); `what` names it.
void readCheckpointBytes(const QByteArray &bytes, const QString &what, torch::Device device,
    const CheckpointIdentity &identity, const char *notACheckpoint,
    const std::function<void(torch::serialize::InputArchive &)> &readState);

} // namespace semiprune

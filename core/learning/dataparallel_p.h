#pragma once

// Engine-internal (includes torch): what both trainers share to train data-parallel over the ranks
// of a DistributedGroup.

#include "learning/enginetorch_p.h"

#include <QByteArray>

#include <functional>

namespace semiprune {

class DistributedGroup;
struct TrainingOrder;

// The part [begin, end) of `count` items of a batch that this rank computes: contiguous, in rank
// order, sizes differing by one at most (the whole batch without a group).
struct Shard {
    int begin = 0;
    int end = 0;
    int size() const { return end - begin; }
};
Shard shardOf(int count, const DistributedGroup *group);

// Sums every parameter gradient of `network` and `statistics` (numbers of this step the ranks add
// up: loss parts, counts, a cancel vote) over the ranks, in one all-reduce of one flat buffer.
// Returns the summed statistics.
torch::Tensor sumOverRanks(DistributedGroup &group, torch::nn::Module &network, const torch::Tensor &statistics);

// The start of a data-parallel training: rank 0 posts `order()` to the followers, every rank
// confirms it has the order's images (agreeOnImages), and rank 0's state, written by `writeState`
// in the checkpoint format, is loaded on every other rank by `readState`.
void startTogether(DistributedGroup &group, const std::function<TrainingOrder()> &order,
    const std::function<void(torch::serialize::OutputArchive &)> &writeState,
    const std::function<void(const QByteArray &)> &readState);

} // namespace semiprune

#pragma once

// Engine-internal (includes torch): what both trainers share to train data-parallel over the ranks
// of a DistributedGroup.

#include "learning/enginetorch_p.h"

namespace semiprune {

class DistributedGroup;

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

} // namespace semiprune

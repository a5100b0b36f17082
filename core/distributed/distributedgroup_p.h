#pragma once

// Engine-internal (includes torch): the collectives the trainers call on a DistributedGroup. Never
// include this from a public header.

#include "distributed/distributedgroup.h"

#include <ATen/ATen.h>

#include <QByteArray>

#include <vector>

namespace semiprune::distributed {

// Every rank's tensors summed, in place, on every rank (one coalesced Gloo all-reduce per tensor).
void allReduceSum(DistributedGroup &group, std::vector<at::Tensor> &tensors);
// Rank 0's bytes on every rank (others pass anything; the size travels first).
QByteArray broadcastBytes(DistributedGroup &group, const QByteArray &bytes);

} // namespace semiprune::distributed

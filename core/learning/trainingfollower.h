#pragma once

#include "learning/model.h"
#include "learning/predictions.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace semiprune {

class DistributedGroup;
class ImageBank;

// What every rank but 0 does in a distributed run: it trains whatever rank 0 trains, in step with it
// (the trainers' setDistributedGroup), and writes nothing. Rank 0's trainers post an order before
// each training (trainingorder.h); the follower builds the same trainer on its own copy of the
// images, checks they are rank 0's, and takes part until rank 0 says the work is done.
//
// `images` is asked for the follower's images once, when the first training order arrives (after
// rank 0 has read the project, so both see the same images). Returns when rank 0 releases the
// followers; throws Error when rank 0 aborted (with its reason), when the images differ, or when
// the group breaks; throws JobCancelled when a cancel (on any rank) stopped the training in progress
// on every rank.
void followLeader(const std::shared_ptr<DistributedGroup> &group, const std::function<const ImageBank &()> &images,
    const std::atomic<bool> *cancel = nullptr);

// Class probabilities of every image of the bank, each rank of `group` computing its share of the
// images (rank 0 calls it; the followers are told through an order, and rank 0 gathers). Without a
// group, or with one rank, model.predict(bank).
Predictions predictTogether(const Model &model, const ImageBank &bank, DistributedGroup *group);

// Rank 0: the work is done (the followers return) / it failed (the followers throw `reason`).
void releaseFollowers(DistributedGroup &group);
void abortFollowers(DistributedGroup &group, const QString &reason);

} // namespace semiprune

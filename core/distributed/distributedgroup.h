#pragma once

#include "distributed/launchenvironment.h"

#include <QByteArray>
#include <QString>

#include <chrono>
#include <memory>

namespace semiprune {

// One rank's membership of a group of processes that train together, on LibTorch's own distributed
// engine (c10d): a key-value store for the rendezvous (TCPStore on MASTER_ADDR:MASTER_PORT, or a
// FileStore for local runs) and a Gloo process group for the collectives. Rank 0 leads: it alone
// writes the project and tells the others what to train (orders, below).
//
// Joining checks, before any training, that every rank knows the job's token (a challenge and a
// keyed hash: the token never crosses the network) and that every rank runs the same build of
// SemiPrune and LibTorch with the same command (`agreement`); a mismatch, a rank that never
// arrives, an unreachable master or a port in use is one clear Error within the timeout.
//
// Thread rules: one thread uses a group at a time. The collectives (distributedgroup_p.h) block
// until every rank has called them, or throw Error when a rank left or stayed silent longer than
// the timeout.
class DistributedGroup final {
public:
    static std::shared_ptr<DistributedGroup> join(const LaunchEnvironment &environment, const QString &agreement);
    ~DistributedGroup();
    DistributedGroup(const DistributedGroup &) = delete;
    DistributedGroup &operator=(const DistributedGroup &) = delete;

    int rank() const;
    int size() const;
    bool isLeader() const { return rank() == 0; }
    std::chrono::milliseconds timeout() const;

    // Orders: rank 0 posts a message every other rank reads in the same sequence (what to train
    // next, or that the work is done). nextOrder() waits as long as rank 0 needs between two
    // (it may compute for hours alone) and throws Error when rank 0's store is gone.
    void postOrder(const QByteArray &order);
    QByteArray nextOrder();

    struct Impl;
    Impl &impl() { return *m_impl; }

private:
    explicit DistributedGroup(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

// "rank 1 of 2" for messages and logs.
QString rankName(const DistributedGroup &group);

} // namespace semiprune

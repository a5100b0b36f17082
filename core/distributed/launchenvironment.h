#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>

#include <optional>

namespace semiprune {

// Where this process stands in a distributed run, read from the variables torchrun and SLURM
// users already set: WORLD_SIZE, RANK, LOCAL_RANK, MASTER_ADDR and MASTER_PORT, plus SemiPrune's
// own (README, "Past one machine"):
//   SEMIPRUNE_TOKEN / SEMIPRUNE_TOKEN_FILE  the job's secret every rank must prove it knows;
//   SEMIPRUNE_STORE_FILE                    rendezvous through a file instead of TCP (`launch` sets it);
//   SEMIPRUNE_DIST_TIMEOUT                  seconds before a silent rank is given up (default 600);
//   GLOO_SOCKET_IFNAME                      the network interface Gloo binds to on a multi-host run.
struct LaunchEnvironment {
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;
    QString masterAddress;
    int masterPort = 0;
    QString storeFile;
    QByteArray token;
    QString socketInterface;
    int timeoutSeconds = 600;

    // Nothing when WORLD_SIZE is not set (a plain single-process run). Throws Error naming the
    // variable for values that make no sense (a rank outside the world, a world of 0, no token).
    static std::optional<LaunchEnvironment> from(const QProcessEnvironment &environment);
    static std::optional<LaunchEnvironment> fromProcess();

    bool isLeader() const { return rank == 0; }
    // True when every rank is on this host and talks over loopback only.
    bool isLocal() const;
};

} // namespace semiprune

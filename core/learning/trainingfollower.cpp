#include "learning/trainingfollower.h"

#include "common/error.h"
#include "distributed/distributedgroup.h"
#include "learning/fixmatchtrainer.h"
#include "learning/imagebank.h"
#include "learning/supervisedtrainer.h"
#include "learning/trainingorder.h"

#include <QCoreApplication>

namespace semiprune {

void followLeader(const std::shared_ptr<DistributedGroup> &group, const std::function<const ImageBank &()> &images,
    const std::atomic<bool> *cancel)
{
    const ImageBank *bank = nullptr;
    for (;;) {
        const TrainingOrder order = TrainingOrder::fromBytes(group->nextOrder());
        if (order.kind == TrainingOrder::Kind::Finished)
            return;
        if (order.kind == TrainingOrder::Kind::Aborted)
            throw Error(QCoreApplication::translate("Distributed", "Rank 0 stopped: %1").arg(order.message));
        if (!bank)
            bank = &images();
        // Rank 0 waits in agreeOnImages (inside its trainer's run()) for every rank's answer.
        const bool same = bankIdentity(*bank) == order.bank;
        if (!same) {
            agreeOnImages(*group, false); // throws, on every rank, naming the ranks that differ
            return;
        }
        if (order.kind == TrainingOrder::Kind::FixMatch) {
            FixMatchTrainer trainer(*bank, order.indices, order.labels, order.classes, order.fixMatch);
            trainer.setDistributedGroup(group);
            trainer.setCancelFlag(cancel);
            trainer.run();
        } else {
            SupervisedConfig config = order.supervised;
            SupervisedTrainer trainer(*bank, order.indices, order.labels, order.classes, config);
            trainer.setDistributedGroup(group);
            trainer.setCancelFlag(cancel);
            trainer.run();
        }
    }
}

void releaseFollowers(DistributedGroup &group)
{
    TrainingOrder order;
    order.kind = TrainingOrder::Kind::Finished;
    group.postOrder(order.toBytes());
}

void abortFollowers(DistributedGroup &group, const QString &reason)
{
    TrainingOrder order;
    order.kind = TrainingOrder::Kind::Aborted;
    order.message = reason;
    group.postOrder(order.toBytes());
}

} // namespace semiprune

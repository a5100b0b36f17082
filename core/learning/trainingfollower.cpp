#include "learning/trainingfollower.h"

#include "common/error.h"
#include "distributed/distributedgroup.h"
#include "jobs/jobcontext.h"
#include "learning/fixmatchtrainer.h"
#include "learning/imagebank.h"
#include "learning/supervisedtrainer.h"
#include "learning/trainingorder.h"

#include <QCoreApplication>

namespace semiprune {

namespace {

// Every rank's share of the predictions, summed into rank 0's (zeros elsewhere: the sum is exact).
// Rank 0 passes its model; the others receive it.
Predictions predictShare(DistributedGroup &group, const ImageBank &bank, Model model, const TrainingOrder &order)
{
    const QByteArray bytes = broadcastBytesOf(group, group.isLeader() ? model.toBytes() : QByteArray());
    if (!group.isLeader()) {
        model = Model::fromBytes(bytes, order.device);
        model.setPrecision(order.precision);
    }
    const std::int64_t images = bank.count(), ranks = group.size(), rank = group.rank();
    const int first = int(rank * images / ranks), last = int((rank + 1) * images / ranks);
    const Predictions mine = model.predict(bank, 256, first, last - first);
    std::vector<float> all = gatherRows(group, mine.probabilities(), first, model.classCount(), int(images));
    return Predictions(std::move(all), model.classCount());
}

} // namespace

Predictions predictTogether(const Model &model, const ImageBank &bank, DistributedGroup *group)
{
    if (!group || group->size() == 1)
        return model.predict(bank);
    TrainingOrder order;
    order.kind = TrainingOrder::Kind::Predict;
    order.bank = bankIdentity(bank);
    order.device = model.deviceName().startsWith(QLatin1String("cuda")) ? DeviceChoice::Cuda : DeviceChoice::Cpu;
    order.precision = model.precision();
    group->postOrder(order.toBytes());
    agreeOnImages(*group, true);
    return predictShare(*group, bank, model, order);
}

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
        if (order.kind == TrainingOrder::Kind::Predict) {
            agreeOnImages(*group, true);
            predictShare(*group, *bank, Model(), order);
        } else if (order.kind == TrainingOrder::Kind::FixMatch) {
            FixMatchTrainer trainer(*bank, order.indices, order.labels, order.classes, order.fixMatch);
            trainer.setDistributedGroup(group);
            trainer.setCancelFlag(cancel);
            if (trainer.run() == TrainingOutcome::Cancelled)
                throw JobCancelled(); // every rank stopped after the same step; rank 0 keeps the checkpoint
        } else {
            SupervisedConfig config = order.supervised;
            SupervisedTrainer trainer(*bank, order.indices, order.labels, order.classes, config);
            trainer.setDistributedGroup(group);
            trainer.setCancelFlag(cancel);
            if (trainer.run() == TrainingOutcome::Cancelled)
                throw JobCancelled();
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

#include "learning/dataparallel_p.h"

#include "common/error.h"
#include "distributed/distributedgroup_p.h"
#include "learning/trainingorder.h"

#include <QCoreApplication>
#include <QStringList>

namespace semiprune {

Shard shardOf(int count, const DistributedGroup *group)
{
    if (!group)
        return { 0, count };
    const std::int64_t ranks = group->size(), rank = group->rank();
    return { int(rank * count / ranks), int((rank + 1) * count / ranks) };
}

torch::Tensor sumOverRanks(DistributedGroup &group, torch::nn::Module &network, const torch::Tensor &statistics)
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> gradients;
    for (const torch::Tensor &parameter : network.parameters())
        if (parameter.grad().defined())
            gradients.push_back(parameter.grad());
    // One buffer: a single all-reduce per step instead of one per parameter (Gloo's latency, not
    // its bandwidth, dominates small networks).
    std::vector<torch::Tensor> parts;
    for (const torch::Tensor &gradient : gradients)
        parts.push_back(gradient.to(torch::kFloat).reshape({ -1 }));
    parts.push_back(statistics.to(torch::kFloat)
                        .reshape({ -1 })
                        .to(gradients.empty() ? statistics.device() : gradients[0].device()));
    std::vector<torch::Tensor> flat { torch::cat(parts) };
    distributed::allReduceSum(group, flat);
    std::int64_t offset = 0;
    for (torch::Tensor &gradient : gradients) {
        gradient.copy_(flat[0].narrow(0, offset, gradient.numel()).view_as(gradient));
        offset += gradient.numel();
    }
    return flat[0].narrow(0, offset, statistics.numel()).view_as(statistics);
}

} // namespace semiprune

namespace semiprune {

void startTogether(DistributedGroup &group, const std::function<TrainingOrder()> &order,
    const std::function<void(torch::serialize::OutputArchive &)> &writeState,
    const std::function<void(const QByteArray &)> &readState)
{
    if (group.isLeader())
        group.postOrder(order().toBytes());
    agreeOnImages(group, true); // followers checked theirs before building their trainer
    QByteArray state;
    if (group.isLeader()) {
        torch::serialize::OutputArchive archive;
        writeState(archive);
        state = archiveBytes(archive);
    }
    state = distributed::broadcastBytes(group, state);
    if (!group.isLeader())
        readState(state);
}

std::vector<float> gatherRows(
    DistributedGroup &group, const std::vector<float> &mine, int first, int columns, int total)
{
    std::vector<torch::Tensor> all { torch::zeros({ std::int64_t(total) * columns }, torch::kFloat) };
    if (!mine.empty())
        all[0]
            .narrow(0, std::int64_t(first) * columns, std::int64_t(mine.size()))
            .copy_(torch::from_blob(const_cast<float *>(mine.data()), { std::int64_t(mine.size()) }, torch::kFloat));
    distributed::allReduceSum(group, all); // zeros elsewhere: the sum is exact
    return std::vector<float>(all[0].data_ptr<float>(), all[0].data_ptr<float>() + all[0].numel());
}

QByteArray broadcastBytesOf(DistributedGroup &group, const QByteArray &bytes)
{
    return distributed::broadcastBytes(group, bytes);
}

void agreeOnImages(DistributedGroup &group, bool same)
{
    std::vector<torch::Tensor> differs { torch::zeros({ group.size() }, torch::kFloat) };
    differs[0][group.rank()] = same ? 0.0f : 1.0f;
    distributed::allReduceSum(group, differs);
    QStringList ranks;
    for (int r = 0; r < group.size(); ++r)
        if (differs[0][r].item<float>() > 0.5f)
            ranks << QString::number(r);
    if (!ranks.isEmpty())
        throw Error(QCoreApplication::translate("Distributed",
            "The images of rank(s) %1 differ from rank 0's (count, size or pixels): every rank must read the same "
            "image folder.")
                        .arg(ranks.join(QStringLiteral(", "))));
}

} // namespace semiprune

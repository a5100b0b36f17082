#include "learning/checkpoint_p.h"

#include "common/error.h"

#include <QCoreApplication>

namespace semiprune {

std::int64_t trainingSetFingerprint(const std::vector<int> &indices, const std::vector<int> &labels)
{
    std::uint64_t h = 1469598103934665603ULL;
    for (std::size_t i = 0; i < indices.size(); ++i)
        for (std::uint64_t v : { std::uint64_t(indices[i]), std::uint64_t(labels[i]) })
            h = (h ^ v) * 1099511628211ULL;
    return std::int64_t(h >> 1);
}

void writeCheckpointHeader(torch::serialize::OutputArchive &archive, const CheckpointIdentity &identity)
{
    archive.write("format", c10::IValue(kCheckpointFormat));
    for (const auto &[key, value] : identity)
        archive.write("id." + key, c10::IValue(value));
}

void writeOptimizer(torch::serialize::OutputArchive &archive, torch::optim::Optimizer &optimizer)
{
    torch::serialize::OutputArchive state;
    optimizer.save(state);
    archive.write("optimizer", state);
}

void readOptimizer(torch::serialize::InputArchive &archive, torch::optim::Optimizer &optimizer)
{
    torch::serialize::InputArchive state;
    archive.read("optimizer", state);
    optimizer.load(state);
}

namespace {

void readLoaded(torch::serialize::InputArchive &archive, const QString &path, const CheckpointIdentity &identity,
    const char *notACheckpoint, const std::function<void(torch::serialize::InputArchive &)> &readState)
{
    try {
        if (readInt(archive, "format") != kCheckpointFormat)
            throw Error(QCoreApplication::translate(
                "Training", "%1 was written by another version of SemiPrune: delete it to start over.")
                            .arg(path));
        // A key the checkpoint lacks is a setting it was not made with (a switch added later).
        for (const auto &[key, value] : identity)
            if (c10::IValue stored; !archive.try_read("id." + key, stored) || stored.toInt() != value)
                throw Error(QCoreApplication::translate("Training",
                    "The checkpoint %1 belongs to another run (its %2 differs). Delete it to "
                    "start over, or restore the settings it was made with.")
                                .arg(path, QString::fromStdString(key)));
        readState(archive);
    } catch (const c10::Error &) {
        throw Error(QCoreApplication::translate("Training", notACheckpoint).arg(path));
    }
}

} // namespace

void readCheckpoint(const QString &path, torch::Device device, const CheckpointIdentity &identity,
    const char *notACheckpoint, const std::function<void(torch::serialize::InputArchive &)> &readState)
{
    torch::serialize::InputArchive archive;
    loadArchive(archive, path, device);
    readLoaded(archive, path, identity, notACheckpoint, readState);
}

void readCheckpointBytes(const QByteArray &bytes, const QString &what, torch::Device device,
    const CheckpointIdentity &identity, const char *notACheckpoint,
    const std::function<void(torch::serialize::InputArchive &)> &readState)
{
    torch::serialize::InputArchive archive;
    loadArchiveBytes(archive, bytes, device, what);
    readLoaded(archive, what, identity, notACheckpoint, readState);
}

} // namespace semiprune

// Stages 4 and 7 of method.md: supervised training that records training dynamics.

#include "learning/supervisedtrainer.h"

#include "common/error.h"
#include "common/random.h"
#include "distributed/distributedgroup_p.h"
#include "learning/augment.h"
#include "learning/batchprefetcher.h"
#include "learning/checkpoint_p.h"
#include "learning/dataparallel_p.h"
#include "learning/engineruntime.h"
#include "learning/enginetorch_p.h"
#include "learning/imagebank.h"
#include "learning/precision.h"
#include "learning/streamsampler.h"
#include "learning/trainingorder.h"

#include <QCoreApplication>
#include <chrono>
#include <cmath>
#include <numeric>
#include <set>

namespace semiprune {

namespace F = torch::nn::functional;

namespace {

constexpr double Pi = 3.14159265358979323846; // M_PI is not standard C++
constexpr std::uint64_t EpochStream = 11;
constexpr std::uint64_t AugmentStream = 12;

double seconds(std::chrono::steady_clock::time_point from)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - from).count();
}

} // namespace

struct SupervisedTrainer::State {
    const ImageBank &bank;
    std::vector<int> indices;
    std::vector<int> labels;
    int classes = 0;
    SupervisedConfig config;
    MetricsCallback onMetrics;
    EpochCallback onEpoch;
    const std::atomic<bool> *cancel = nullptr;
    std::shared_ptr<DistributedGroup> group; // null or one rank: alone

    Model model;
    std::unique_ptr<torch::optim::SGD> optimizer;
    torch::Tensor records; // n x 4 on the device: labelProb, maxOtherProb, el2n, correct
    int step = 0;
    int batchesPerEpoch = 0;

    explicit State(const ImageBank &b) : bank(b) { }

    int count() const { return int(indices.size()); }
    int totalSteps() const { return batchesPerEpoch * config.epochs; }
    bool distributed() const { return group && group->size() > 1; }
    bool leads() const { return !distributed() || group->isLeader(); }
    const DistributedGroup *shardGroup() const { return distributed() ? group.get() : nullptr; }
    // Images in step `number`'s whole batch (the last of an epoch may be short).
    int batchCount(std::int64_t number) const
    {
        return std::min(config.batchSize, count() - int(number % batchesPerEpoch) * config.batchSize);
    }

    // This rank's share of step `number`'s batch; each image's augmentation from its own stream
    // (seed, step, slot), so a batch is the same however it is split over ranks.
    void produce(std::int64_t number, PreparedBatch &batch, StreamSampler &sampler) const
    {
        const std::int64_t epoch = number / batchesPerEpoch;
        const Shard mine = shardOf(batchCount(number), shardGroup());
        const int first = int(number % batchesPerEpoch) * config.batchSize + mine.begin;
        const std::vector<int> &order = sampler.pass(epoch);
        batch.count = std::max(1, mine.size()); // an empty share computes one placeholder (run())
        const std::size_t bytes = bank.imageBytes();
        batch.pixels.resize(std::size_t(batch.count) * bytes);
        batch.targets.resize(std::size_t(batch.count));
        batch.indices.resize(std::size_t(batch.count));
        for (int j = 0; j < batch.count; ++j) {
            TrainingRng rng = TrainingRng::derived(
                config.seed, AugmentStream, std::uint64_t(number) * std::uint64_t(config.batchSize) + (mine.begin + j));
            const int position = order[std::size_t(std::min(first + j, count() - 1))];
            const int image = indices[std::size_t(position)];
            batch.indices[std::size_t(j)] = position;
            batch.targets[std::size_t(j)] = labels[std::size_t(position)];
            std::uint8_t *target = batch.pixels.data() + std::size_t(j) * bytes;
            if (config.augment) {
                cv::Mat slot(bank.height(), bank.width(), CV_MAKETYPE(CV_8U, bank.channels()), target);
                weakAugment(bank.view(image), slot, rng, config.allowFlip);
            } else {
                std::copy(bank.image(image), bank.image(image) + bytes, target);
            }
        }
    }

    std::vector<std::pair<std::string, std::int64_t>> identity() const
    {
        return { { "images", bank.count() }, { "width", bank.width() }, { "height", bank.height() },
            { "channels", bank.channels() }, { "classes", classes },
            { "training set", trainingSetFingerprint(indices, labels) }, { "batch", config.batchSize },
            { "epochs", config.epochs }, { "seed", std::int64_t(config.seed) },
            { "network", std::int64_t(model.kind()) } };
    }

    // p_t(y), max_{j != y} p_t(j), ||p_t - onehot(y)||_2 and correctness, computed on the device.
    torch::Tensor dynamics(const torch::Tensor &logits, const torch::Tensor &targets) const
    {
        torch::NoGradGuard noGrad;
        const torch::Tensor p = torch::softmax(logits.detach(), 1);
        const torch::Tensor y = targets.unsqueeze(1);
        const torch::Tensor labelProb = p.gather(1, y).squeeze(1);
        const torch::Tensor maxOther = std::get<0>(p.scatter(1, y, -1.0).max(1));
        const torch::Tensor el2n = (p.pow(2).sum(1) - 2.0 * labelProb + 1.0).clamp_min(0.0).sqrt();
        const torch::Tensor correct = p.argmax(1).eq(targets).to(torch::kFloat);
        return torch::stack({ labelProb, maxOther, el2n, correct }, 1);
    }

    void finishEpoch(int epoch)
    {
        torch::Tensor all = records;
        if (records.defined() && distributed()) {
            // Each image was trained on one rank this epoch; the others hold zeros for it.
            std::vector<torch::Tensor> summed { records.clone() };
            semiprune::distributed::allReduceSum(*group, summed);
            all = summed[0];
            records.zero_();
        }
        if (!onEpoch)
            return;
        if (!all.defined()) { // no dynamics recorded: the epoch's end is still news
            onEpoch(epoch, {});
            return;
        }
        const torch::Tensor host = all.to(torch::kCPU).contiguous();
        const float *r = host.data_ptr<float>();
        std::vector<EpochRecord> out(static_cast<std::size_t>(count()));
        for (std::size_t i = 0; i < out.size(); ++i) {
            out[i].labelProb = r[4 * i];
            out[i].maxOtherProb = r[4 * i + 1];
            out[i].el2n = r[4 * i + 2];
            out[i].correct = r[4 * i + 3] > 0.5f ? 1 : 0;
        }
        onEpoch(epoch, out);
    }

    static constexpr const char *kNotACheckpoint
        = QT_TRANSLATE_NOOP("Training", "%1 is not a training checkpoint of SemiPrune, or it is damaged.");

    void writeState(torch::serialize::OutputArchive &archive) const
    {
        writeCheckpointHeader(archive, identity());
        archive.write("epochs", c10::IValue(std::int64_t(step / batchesPerEpoch)));
        writeModule(archive, "net.", *model.impl().network);
        writeOptimizer(archive, *optimizer);
    }

    void readState(torch::serialize::InputArchive &archive)
    {
        readModule(archive, "net.", *model.impl().network);
        readOptimizer(archive, *optimizer);
        step = int(readInt(archive, "epochs")) * batchesPerEpoch;
    }

    // Rank 0 tells the others what to train, every rank checks it has the same images, and rank
    // 0's state (fresh or resumed at an epoch boundary) becomes every rank's.
    void startTogether()
    {
        semiprune::startTogether(
            *group,
            [&] {
                TrainingOrder order;
                order.kind = TrainingOrder::Kind::Supervised;
                order.supervised = config;
                order.supervised.model = model.kind();
                order.classes = classes;
                order.indices = indices;
                order.labels = labels;
                order.bank = bankIdentity(bank);
                return order;
            },
            [&](auto &archive) { writeState(archive); },
            [&](const QByteArray &state) {
                readCheckpointBytes(state, QCoreApplication::translate("Distributed", "rank 0's training state"),
                    model.impl().device, identity(), kNotACheckpoint, [&](auto &archive) { readState(archive); });
            });
    }
};

SupervisedTrainer::SupervisedTrainer(
    const ImageBank &bank, std::vector<int> indices, std::vector<int> labels, int classCount, SupervisedConfig config)
    : m_state(std::make_unique<State>(bank))
{
    State &s = *m_state;
    if (bank.isEmpty())
        throw Error(QCoreApplication::translate("Training", "There are no images to train on."));
    if (indices.empty()) {
        indices.resize(std::size_t(bank.count()));
        std::iota(indices.begin(), indices.end(), 0);
    }
    if (labels.size() != indices.size())
        throw Error(QCoreApplication::translate("Training", "%1 labels were given for %2 training images.")
                        .arg(labels.size())
                        .arg(indices.size()));
    if (classCount < 2)
        throw Error(
            QCoreApplication::translate("Training", "Training needs at least two classes (got %1).").arg(classCount));
    std::set<int> seen;
    for (std::size_t i = 0; i < indices.size(); ++i) {
        if (indices[i] < 0 || indices[i] >= bank.count())
            throw Error(QCoreApplication::translate("Training", "Training image %1 is not among the %2 images.")
                            .arg(indices[i])
                            .arg(bank.count()));
        if (labels[i] < 0 || labels[i] >= classCount)
            throw Error(QCoreApplication::translate("Training",
                "Image %1 has no label in the %2 classes (label %3): every training image "
                "needs one.")
                            .arg(indices[i])
                            .arg(classCount)
                            .arg(labels[i]));
        seen.insert(labels[i]);
    }
    if (seen.size() < 2)
        throw Error(QCoreApplication::translate(
            "Training", "All training images have the same label: training needs at least two classes."));
    if (config.epochs <= 0)
        throw Error(QCoreApplication::translate("Training", "The number of epochs must be positive (got %1).")
                        .arg(config.epochs));
    if (config.batchSize <= 0)
        throw Error(
            QCoreApplication::translate("Training", "The batch size must be positive (got %1).").arg(config.batchSize));
    if (config.learningRate <= 0.0 || config.minLearningRate < 0.0 || config.minLearningRate > config.learningRate)
        throw Error(QCoreApplication::translate(
            "Training", "The learning rate must be positive and above its final value (got %1 and %2).")
                        .arg(config.learningRate)
                        .arg(config.minLearningRate));

    s.indices = std::move(indices);
    s.labels = std::move(labels);
    s.classes = classCount;
    s.config = config;
    s.batchesPerEpoch = (s.count() + config.batchSize - 1) / config.batchSize;
    EngineRuntime::prepare(config.threads);

    std::vector<double> mean;
    double stddev = 1.0;
    bank.statistics(mean, stddev);
    s.model = Model::create(config.model, bank.channels(), bank.width(), bank.height(), classCount, config.seed,
        config.device, mean, stddev);
    s.model.setChannelsLast(config.channelsLast);
    s.model.setPrecision(resolvePrecision(config.precision, s.model.kind(), config.device));
    s.optimizer = makeSgd(
        *s.model.impl().network, config.learningRate, config.momentum, config.weightDecay, config.decayNormAndBias);
}

SupervisedTrainer::~SupervisedTrainer() = default;

void SupervisedTrainer::setMetricsCallback(MetricsCallback callback)
{
    m_state->onMetrics = std::move(callback);
}
void SupervisedTrainer::setEpochCallback(EpochCallback callback)
{
    m_state->onEpoch = std::move(callback);
}
void SupervisedTrainer::setCancelFlag(const std::atomic<bool> *cancel)
{
    m_state->cancel = cancel;
}
void SupervisedTrainer::setCheckpointPath(const QString &path)
{
    m_state->config.checkpointPath = path;
}
void SupervisedTrainer::setDistributedGroup(std::shared_ptr<DistributedGroup> group)
{
    m_state->group = std::move(group);
}
int SupervisedTrainer::completedEpochs() const
{
    return m_state->step / m_state->batchesPerEpoch;
}
int SupervisedTrainer::step() const
{
    return m_state->step;
}
const SupervisedConfig &SupervisedTrainer::config() const
{
    return m_state->config;
}
Model SupervisedTrainer::model() const
{
    return m_state->model.clone();
}

Predictions SupervisedTrainer::predict(const ImageBank &bank) const
{
    return m_state->model.predict(bank, m_state->config.predictBatchSize);
}

double SupervisedTrainer::evaluate(const ImageBank &bank, const std::vector<int> &labels) const
{
    return m_state->model.evaluate(bank, labels, m_state->config.predictBatchSize);
}

void SupervisedTrainer::saveCheckpoint(const QString &path) const
{
    const State &s = *m_state;
    // Only epoch boundaries are resumable: the records of a partial epoch are not saved.
    if (s.step % s.batchesPerEpoch != 0)
        throw Error(QCoreApplication::translate("Training",
            "Training stopped inside epoch %1; a checkpoint can only be made at the end of "
            "an epoch. Resume from the checkpoint of the last completed epoch.")
                        .arg(completedEpochs() + 1));
    torch::serialize::OutputArchive archive;
    s.writeState(archive);
    saveArchive(archive, path);
}

void SupervisedTrainer::loadCheckpoint(const QString &path)
{
    State &s = *m_state;
    readCheckpoint(path, s.model.impl().device, s.identity(), State::kNotACheckpoint,
        [&](torch::serialize::InputArchive &archive) { s.readState(archive); });
}

TrainingOutcome SupervisedTrainer::run()
{
    State &s = *m_state;
    const SupervisedConfig &c = s.config;
    EngineRuntime::prepare(c.threads);
    const NormSyncScope normSync(s.distributed() ? s.group.get() : nullptr);
    if (s.distributed())
        s.startTogether();
    const int total = s.totalSteps();
    if (s.step >= total)
        return TrainingOutcome::Completed;

    StreamSampler sampler(s.count(), c.seed, EpochStream);
    BatchPrefetcher prefetcher(
        [&](std::int64_t number, PreparedBatch &batch) { s.produce(number, batch, sampler); }, s.step, total);
    Model::Impl &net = s.model.impl();
    net.network->train();
    if (c.recordDynamics && !s.records.defined())
        s.records = torch::zeros({ s.count(), 4 }, torch::TensorOptions().dtype(torch::kFloat).device(net.device));
    const auto start = std::chrono::steady_clock::now();
    double asideSeconds = 0.0;
    std::int64_t images = 0;
    const auto cancelled = [&] { return s.cancel && s.cancel->load(std::memory_order_relaxed); };

    while (s.step < total) {
        // Alone, a cancel stops before the next step; in a group it is voted on with the step's
        // gradients, and every rank stops after that same step.
        if (!s.distributed() && cancelled())
            return TrainingOutcome::Cancelled;
        const auto stepStart = std::chrono::steady_clock::now();
        const PreparedBatch &batch = prefetcher.next();
        const double whole = s.batchCount(s.step);
        const std::int64_t n = shardOf(int(whole), s.shardGroup()).size(); // 0: a placeholder only
        const PlaceholderRowsScope placeholder(batch.count - int(n));
        const torch::Tensor targets
            = torch::from_blob(const_cast<std::int64_t *>(batch.targets.data()), { n }, torch::kLong).to(net.device);
        const torch::Tensor logits = net.logits(net.input(batch.pixels.data(), batch.count)).narrow(0, 0, n);
        // This rank's sum over the whole batch's count: summed over the ranks, the batch mean.
        const torch::Tensor loss
            = F::cross_entropy(logits, targets, F::CrossEntropyFuncOptions().reduction(torch::kSum)) / whole;

        const double lr = c.minLearningRate
            + (c.learningRate - c.minLearningRate) * 0.5 * (1.0 + std::cos(Pi * s.step / double(total)));
        setLearningRate(*s.optimizer, lr);
        s.optimizer->zero_grad();
        loss.backward();

        const torch::Tensor stats = s.dynamics(logits, targets);
        torch::Tensor numbers = torch::stack({ loss.detach().to(torch::kFloat), stats.select(1, 3).sum() / whole,
            torch::full({}, s.distributed() && cancelled() ? 1.0f : 0.0f, torch::kFloat).to(net.device) });
        if (s.distributed())
            numbers = sumOverRanks(*s.group, *net.network, numbers);
        s.optimizer->step();

        if (s.records.defined()) {
            const torch::Tensor positions
                = torch::from_blob(const_cast<std::int64_t *>(batch.indices.data()), { n }, torch::kLong)
                      .to(net.device);
            s.records.index_copy_(0, positions, stats);
        }
        ++s.step;
        images += n;

        numbers = numbers.to(torch::kCPU);
        const double trained = std::max(1e-9, seconds(start) - asideSeconds);
        SupervisedMetrics m;
        m.epoch = (s.step - 1) / s.batchesPerEpoch;
        m.totalEpochs = c.epochs;
        m.step = s.step;
        m.totalSteps = total;
        m.loss = numbers[0].item<double>();
        m.accuracy = numbers[1].item<double>();
        m.learningRate = lr;
        m.stepSeconds = seconds(stepStart);
        m.imagesPerSecond = double(images) / trained;
        m.dataWaitShare = prefetcher.waitSeconds() / trained;
        if (s.onMetrics)
            s.onMetrics(m);

        if (s.step % s.batchesPerEpoch == 0) {
            const auto asideStart = std::chrono::steady_clock::now();
            s.finishEpoch(s.step / s.batchesPerEpoch - 1);
            if (s.leads() && !c.checkpointPath.isEmpty())
                saveCheckpoint(c.checkpointPath);
            asideSeconds += seconds(asideStart);
        }
        if (numbers[2].item<float>() > 0.5f)
            return TrainingOutcome::Cancelled;
    }
    return TrainingOutcome::Completed;
}

} // namespace semiprune

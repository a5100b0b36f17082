// Stage 2 of method.md: FixMatch.

#include "learning/fixmatchtrainer.h"

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
constexpr std::uint64_t LabeledStream = 1;
constexpr std::uint64_t UnlabeledStream = 2;
constexpr std::uint64_t AugmentStream = 3;

double seconds(std::chrono::steady_clock::time_point from)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - from).count();
}

} // namespace

struct FixMatchTrainer::State {
    const ImageBank &bank;
    std::vector<int> labeled;
    std::vector<int> labels;
    int classes;
    FixMatchConfig config;
    std::vector<int> evalReference; // reference labels outside the seed, -1 elsewhere
    MetricsCallback onMetrics;
    AccuracyCallback onAccuracy;
    const std::atomic<bool> *cancel = nullptr;
    std::shared_ptr<DistributedGroup> group; // null or one rank: alone

    Model live;
    Model ema;
    std::unique_ptr<torch::optim::SGD> optimizer;
    std::vector<torch::Tensor> liveAveraged, emaAveraged; // parameters and float buffers
    std::vector<torch::Tensor> liveCopied, emaCopied; // integer buffers (batch counters)
    int step = 0;
    // FlexMatch: per bank image, the class it was last predicted as with confidence >= tau, -1
    // before that (int64 on the training device; defined only under FlexMatch).
    torch::Tensor learnedClass;
    // Alignment: the seed's class shares and the running mean of the unlabeled predictions (float32
    // on the training device; defined only with alignment).
    torch::Tensor seedShares, predictionMean;

    explicit State(const ImageBank &b) : bank(b) { }

    std::vector<std::pair<std::string, std::int64_t>> identity() const
    {
        const FixMatchConfig &c = config;
        std::vector<std::pair<std::string, std::int64_t>> id { { "images", bank.count() }, { "width", bank.width() },
            { "height", bank.height() }, { "channels", bank.channels() }, { "classes", classes },
            { "seed set", trainingSetFingerprint(labeled, labels) }, { "B", c.batchSize }, { "mu", c.mu },
            { "steps", c.steps }, { "seed", std::int64_t(c.seed) }, { "network", std::int64_t(live.kind()) } };
        // Only where they differ from the method's rule, so checkpoints written before these
        // switches existed still load.
        if (c.thresholdMode != ThresholdMode::Fixed)
            id.emplace_back("threshold mode", std::int64_t(c.thresholdMode) * 2 + (c.flexMatchWarmup ? 1 : 0));
        if (c.alignDistribution)
            id.emplace_back("alignment", 1);
        return id;
    }

    bool flexMatch() const { return config.thresholdMode == ThresholdMode::FlexMatch; }
    bool distributed() const { return group && group->size() > 1; }
    // Rank 0 (or a lone process): evaluates, reports accuracy and writes checkpoints.
    bool leads() const { return !distributed() || group->isLeader(); }
    const DistributedGroup *shardGroup() const { return distributed() ? group.get() : nullptr; }

    // The confidence each class needs now, one float per class on the training device.
    torch::Tensor thresholds() const
    {
        const torch::Tensor tau = torch::full({ classes }, config.threshold, torch::kFloat).to(live.impl().device);
        if (!flexMatch())
            return tau;
        const torch::Tensor learned = learnedClass.ge(0);
        const torch::Tensor counts
            = torch::bincount(learnedClass.masked_select(learned), {}, classes).to(torch::kFloat);
        const torch::Tensor notYet = (learned.numel() - learned.sum()).to(torch::kFloat);
        // FlexMatch's warm-up: while most images have never been predicted above tau, the counts
        // are measured against those images, so the thresholds rise as the model learns instead of
        // starting at tau for the first class that happens to be learnt.
        const torch::Tensor scale = config.flexMatchWarmup ? torch::maximum(counts.max(), notYet) : counts.max();
        const torch::Tensor effect = counts / scale.clamp_min(1.0f);
        return tau * effect / (2.0f - effect);
    }

    // ReMixMatch's alignment: the running mean takes this batch's mean first (over every rank's
    // share of the batch), then every row is reweighted by seed share / running mean and renormalised.
    torch::Tensor aligned(const torch::Tensor &probabilities)
    {
        const double m = config.alignmentMomentum;
        std::vector<torch::Tensor> batchMean { probabilities.sum(0) / double(config.mu * config.batchSize) };
        if (distributed())
            semiprune::distributed::allReduceSum(*group, batchMean);
        predictionMean.mul_(m).add_(batchMean[0], 1.0 - m);
        const torch::Tensor reweighted = probabilities * (seedShares / predictionMean.clamp_min(1e-6f));
        return reweighted / reweighted.sum(1, true);
    }

    void updateEma(int k)
    {
        const double decay = config.emaWarmup ? std::min(config.emaDecay, (1.0 + k) / (10.0 + k)) : config.emaDecay;
        torch::NoGradGuard noGrad;
        at::_foreach_mul_(emaAveraged, decay);
        at::_foreach_add_(emaAveraged, liveAveraged, 1.0 - decay);
        for (std::size_t i = 0; i < emaCopied.size(); ++i)
            emaCopied[i].copy_(liveCopied[i]);
    }

    // This rank's share of step `number`'s batch: its labeled images, then its unlabeled images'
    // weak views, then their strong views. Each image's augmentation comes from its own stream
    // (seed, step, slot), so a batch is the same however it is split over ranks.
    void produce(
        std::int64_t number, PreparedBatch &batch, StreamSampler &labeledSampler, StreamSampler &unlabeledSampler) const
    {
        const int b = config.batchSize;
        const int u = config.mu * config.batchSize;
        const Shard mine = shardOf(b, shardGroup()), mineU = shardOf(u, shardGroup());
        const int bl = mine.size(), ul = mineU.size();
        const std::size_t bytes = bank.imageBytes();
        batch.count = bl + 2 * ul;
        batch.pixels.resize(std::size_t(batch.count) * bytes);
        batch.targets.resize(std::size_t(bl));
        batch.indices.resize(std::size_t(batch.count));
        const int type = CV_MAKETYPE(CV_8U, bank.channels());
        const auto slot = [&](int j) {
            return cv::Mat(bank.height(), bank.width(), type, batch.pixels.data() + std::size_t(j) * bytes);
        };
        const auto streamOf = [&](int position) {
            return TrainingRng::derived(
                config.seed, AugmentStream, std::uint64_t(number) * std::uint64_t(b + u) + position);
        };
        for (int j = 0; j < bl; ++j) {
            const int which = labeledSampler.at(number * b + mine.begin + j);
            const int image = labeled[std::size_t(which)];
            batch.targets[std::size_t(j)] = labels[std::size_t(which)];
            batch.indices[std::size_t(j)] = image;
            cv::Mat target = slot(j);
            TrainingRng rng = streamOf(mine.begin + j);
            weakAugment(bank.view(image), target, rng, config.allowFlip);
        }
        for (int j = 0; j < ul; ++j) {
            const int image = unlabeledSampler.at(number * u + mineU.begin + j);
            batch.indices[std::size_t(bl + j)] = batch.indices[std::size_t(bl + ul + j)] = image;
            cv::Mat weak = slot(bl + j);
            cv::Mat strong = slot(bl + ul + j);
            TrainingRng rng = streamOf(b + mineU.begin + j);
            weakAugment(bank.view(image), weak, rng, config.allowFlip);
            strongAugment(bank.view(image), strong, rng, config.allowFlip);
        }
    }

    // Rank 0 tells the others what to train, every rank checks it has the same images, and rank
    // 0's state (fresh or resumed) becomes every rank's.
    void startTogether()
    {
        if (config.batchSize < group->size())
            throw Error(QCoreApplication::translate("Distributed",
                "The batch of %1 labeled images cannot be shared by %2 ranks: use a batch of at least %2 or fewer "
                "ranks.")
                            .arg(config.batchSize)
                            .arg(group->size()));
        semiprune::startTogether(
            *group,
            [&] {
                TrainingOrder order;
                order.kind = TrainingOrder::Kind::FixMatch;
                order.fixMatch = config;
                order.fixMatch.model = live.kind();
                order.classes = classes;
                order.indices = labeled;
                order.labels = labels;
                order.bank = bankIdentity(bank);
                return order;
            },
            [&](auto &archive) { writeState(archive); },
            [&](const QByteArray &state) {
                readCheckpointBytes(state, QCoreApplication::translate("Distributed", "rank 0's training state"),
                    live.impl().device, identity(), kNotACheckpoint, [&](auto &archive) { readState(archive); });
            });
    }

    static constexpr const char *kNotACheckpoint
        = QT_TRANSLATE_NOOP("Training", "%1 is not a FixMatch checkpoint of SemiPrune, or it is damaged.");

    void writeState(torch::serialize::OutputArchive &archive) const
    {
        writeCheckpointHeader(archive, identity());
        archive.write("step", c10::IValue(std::int64_t(step)));
        writeModule(archive, "live.", *live.impl().network);
        writeModule(archive, "ema.", *ema.impl().network);
        writeOptimizer(archive, *optimizer);
        if (learnedClass.defined())
            archive.write("flexmatch.learned", learnedClass);
        if (predictionMean.defined())
            archive.write("alignment.mean", predictionMean);
    }

    void readState(torch::serialize::InputArchive &archive)
    {
        readModule(archive, "live.", *live.impl().network);
        readModule(archive, "ema.", *ema.impl().network);
        readOptimizer(archive, *optimizer);
        step = int(readInt(archive, "step"));
        // The identity already said these are there (it names the switches that write them).
        if (learnedClass.defined())
            archive.read("flexmatch.learned", learnedClass);
        if (predictionMean.defined())
            archive.read("alignment.mean", predictionMean);
    }
};

FixMatchTrainer::FixMatchTrainer(const ImageBank &bank, std::vector<int> labeledIndices, std::vector<int> labels,
    int classCount, FixMatchConfig config)
    : m_state(std::make_unique<State>(bank))
{
    State &s = *m_state;
    if (bank.isEmpty())
        throw Error(QCoreApplication::translate("Training", "There are no images to train on."));
    if (labeledIndices.empty())
        throw Error(QCoreApplication::translate(
            "Training", "Semi-supervised training needs labeled images: label a seed first."));
    if (labeledIndices.size() != labels.size())
        throw Error(QCoreApplication::translate("Training", "%1 labels were given for %2 labeled images.")
                        .arg(labels.size())
                        .arg(labeledIndices.size()));
    if (classCount < 2)
        throw Error(
            QCoreApplication::translate("Training", "Training needs at least two classes (got %1).").arg(classCount));
    std::set<int> seen;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labeledIndices[i] < 0 || labeledIndices[i] >= bank.count())
            throw Error(QCoreApplication::translate("Training", "Labeled image %1 is not among the %2 images.")
                            .arg(labeledIndices[i])
                            .arg(bank.count()));
        if (labels[i] < 0 || labels[i] >= classCount)
            throw Error(QCoreApplication::translate("Training", "Label %1 is outside the %2 classes.")
                            .arg(labels[i])
                            .arg(classCount));
        seen.insert(labels[i]);
    }
    if (seen.size() < 2)
        throw Error(QCoreApplication::translate(
            "Training", "All labeled images are of one class: label images of at least two classes."));
    if (config.steps <= 0)
        throw Error(QCoreApplication::translate("Training", "The number of training steps must be positive (got %1).")
                        .arg(config.steps));
    if (config.batchSize <= 0 || config.mu <= 0)
        throw Error(QCoreApplication::translate("Training", "The batch size (%1) and mu (%2) must be positive.")
                        .arg(config.batchSize)
                        .arg(config.mu));
    if (!(config.threshold > 0.0 && config.threshold <= 1.0))
        throw Error(QCoreApplication::translate("Training", "The confidence threshold must be in (0, 1] (got %1).")
                        .arg(config.threshold));
    if (!(config.emaDecay >= 0.0 && config.emaDecay < 1.0))
        throw Error(
            QCoreApplication::translate("Training", "The EMA decay must be in [0, 1) (got %1).").arg(config.emaDecay));
    if (config.learningRate <= 0.0)
        throw Error(QCoreApplication::translate("Training", "The learning rate must be positive (got %1).")
                        .arg(config.learningRate));

    s.labeled = std::move(labeledIndices);
    s.labels = std::move(labels);
    s.classes = classCount;
    s.config = config;
    EngineRuntime::prepare(config.threads);

    std::vector<double> mean;
    double stddev = 1.0;
    bank.statistics(mean, stddev);
    s.live = Model::create(config.model, bank.channels(), bank.width(), bank.height(), classCount, config.seed,
        config.device, mean, stddev);
    s.live.setChannelsLast(config.channelsLast);
    s.live.setPrecision(resolvePrecision(config.precision, s.live.kind(), config.device));
    s.ema = s.live.clone();
    s.ema.impl().network->eval();
    s.optimizer = makeSgd(
        *s.live.impl().network, config.learningRate, config.momentum, config.weightDecay, config.decayNormAndBias);

    const auto split
        = [](torch::nn::Module &m, std::vector<torch::Tensor> &averaged, std::vector<torch::Tensor> &copied) {
              for (auto &p : m.parameters())
                  averaged.push_back(p);
              for (auto &b : m.buffers())
                  (b.is_floating_point() ? averaged : copied).push_back(b);
          };
    split(*s.live.impl().network, s.liveAveraged, s.liveCopied);
    split(*s.ema.impl().network, s.emaAveraged, s.emaCopied);

    const torch::Device device = s.live.impl().device;
    if (s.flexMatch())
        s.learnedClass = torch::full({ bank.count() }, -1, torch::kLong).to(device);
    if (config.alignDistribution) {
        if (!(config.alignmentMomentum >= 0.0 && config.alignmentMomentum < 1.0))
            throw Error(QCoreApplication::translate("Training", "The alignment momentum must be in [0, 1) (got %1).")
                            .arg(config.alignmentMomentum));
        // The seed's shares with add-one smoothing: a class without a seed label keeps a small
        // share instead of being aligned away entirely.
        std::vector<float> shares(std::size_t(classCount), 1.0f);
        if (config.alignmentTarget.empty()) {
            for (int label : s.labels)
                shares[std::size_t(label)] += 1.0f;
        } else if (int(config.alignmentTarget.size()) != classCount
            || std::any_of(config.alignmentTarget.begin(), config.alignmentTarget.end(),
                [](double share) { return !(share > 0.0); })) {
            throw Error(QCoreApplication::translate(
                "Training", "The class shares to align to must be one positive number per class (%1 classes).")
                            .arg(classCount));
        } else {
            std::copy(config.alignmentTarget.begin(), config.alignmentTarget.end(), shares.begin());
        }
        const float total = std::accumulate(shares.begin(), shares.end(), 0.0f);
        for (float &share : shares)
            share /= total;
        s.seedShares = torch::tensor(shares, torch::kFloat).to(device);
        s.predictionMean = torch::full({ classCount }, 1.0f / float(classCount), torch::kFloat).to(device);
    }
}

FixMatchTrainer::~FixMatchTrainer() = default;

void FixMatchTrainer::setReferenceLabels(std::vector<int> reference)
{
    State &s = *m_state;
    if (reference.empty()) {
        s.evalReference.clear();
        return;
    }
    if (int(reference.size()) != s.bank.count())
        throw Error(
            QCoreApplication::translate("Training", "Reference labels must be given for every image: %1 for %2 images.")
                .arg(reference.size())
                .arg(s.bank.count()));
    for (int image : s.labeled)
        reference[std::size_t(image)] = -1;
    s.evalReference = std::move(reference);
}

void FixMatchTrainer::setMetricsCallback(MetricsCallback callback)
{
    m_state->onMetrics = std::move(callback);
}
void FixMatchTrainer::setAccuracyCallback(AccuracyCallback callback)
{
    m_state->onAccuracy = std::move(callback);
}
void FixMatchTrainer::setCancelFlag(const std::atomic<bool> *cancel)
{
    m_state->cancel = cancel;
}
void FixMatchTrainer::setCheckpointPath(const QString &path)
{
    m_state->config.checkpointPath = path;
}
void FixMatchTrainer::setDistributedGroup(std::shared_ptr<DistributedGroup> group)
{
    m_state->group = std::move(group);
}
int FixMatchTrainer::step() const
{
    return m_state->step;
}
const FixMatchConfig &FixMatchTrainer::config() const
{
    return m_state->config;
}

namespace {

std::vector<double> toDoubles(const torch::Tensor &tensor)
{
    const torch::Tensor values = tensor.to(torch::kCPU, torch::kDouble).contiguous();
    return std::vector<double>(values.data_ptr<double>(), values.data_ptr<double>() + values.numel());
}

} // namespace

std::vector<double> FixMatchTrainer::classThresholds() const
{
    torch::NoGradGuard noGrad;
    return toDoubles(m_state->thresholds());
}

std::vector<double> FixMatchTrainer::predictionMean() const
{
    return m_state->predictionMean.defined() ? toDoubles(m_state->predictionMean) : std::vector<double>();
}
Model FixMatchTrainer::emaModel() const
{
    return m_state->ema.clone();
}
Model FixMatchTrainer::liveModel() const
{
    return m_state->live.clone();
}

Predictions FixMatchTrainer::predict(const ImageBank &bank) const
{
    return m_state->ema.predict(bank, m_state->config.predictBatchSize);
}

void FixMatchTrainer::saveCheckpoint(const QString &path) const
{
    torch::serialize::OutputArchive archive;
    m_state->writeState(archive);
    saveArchive(archive, path);
}

void FixMatchTrainer::loadCheckpoint(const QString &path)
{
    State &s = *m_state;
    readCheckpoint(path, s.live.impl().device, s.identity(), State::kNotACheckpoint,
        [&](torch::serialize::InputArchive &archive) { s.readState(archive); });
}

TrainingOutcome FixMatchTrainer::run()
{
    State &s = *m_state;
    const FixMatchConfig &c = s.config;
    EngineRuntime::prepare(c.threads);
    const NormSyncScope normSync(s.distributed() ? s.group.get() : nullptr);
    if (s.distributed())
        s.startTogether();
    if (s.step >= c.steps)
        return TrainingOutcome::Completed;

    const int b = c.batchSize;
    const int u = c.mu * c.batchSize;
    const Shard mineU = shardOf(u, s.shardGroup());
    StreamSampler labeledSampler(int(s.labeled.size()), c.seed, LabeledStream);
    StreamSampler unlabeledSampler(s.bank.count(), c.seed, UnlabeledStream);
    StreamSampler slotSampler(s.bank.count(), c.seed, UnlabeledStream);
    BatchPrefetcher prefetcher(
        [&](std::int64_t number, PreparedBatch &batch) { s.produce(number, batch, labeledSampler, unlabeledSampler); },
        s.step, c.steps);

    Model::Impl &net = s.live.impl();
    net.network->train();
    const auto start = std::chrono::steady_clock::now();
    double asideSeconds = 0.0; // evaluation and checkpoints: not training time
    std::int64_t images = 0;
    const auto cancelled = [&] { return s.cancel && s.cancel->load(std::memory_order_relaxed); };

    while (s.step < c.steps) {
        // Alone, a cancel stops before the next step; in a group it is voted on with the step's
        // gradients, and every rank stops after that same step.
        if (!s.distributed() && cancelled()) {
            if (!c.checkpointPath.isEmpty())
                saveCheckpoint(c.checkpointPath);
            return TrainingOutcome::Cancelled;
        }
        const auto stepStart = std::chrono::steady_clock::now();
        const PreparedBatch &batch = prefetcher.next();
        const int k = s.step;
        const int bl = int(batch.targets.size());
        const int ul = (batch.count - bl) / 2;

        const torch::Tensor logits = net.logits(net.input(batch.pixels.data(), batch.count));
        const torch::Tensor labeledLogits = logits.narrow(0, 0, bl);
        const torch::Tensor weakLogits = logits.narrow(0, bl, ul);
        const torch::Tensor strongLogits = logits.narrow(0, bl + ul, ul);
        const torch::Tensor targets
            = torch::from_blob(const_cast<std::int64_t *>(batch.targets.data()), { bl }, torch::kLong).to(net.device);

        // Sums over this rank's share divided by the whole batch's counts: summed over the ranks,
        // the means over the whole batch.
        const auto summed = F::CrossEntropyFuncOptions().reduction(torch::kSum);
        const torch::Tensor supervised = F::cross_entropy(labeledLogits, targets, summed) / double(b);
        torch::Tensor mask, pseudo, meanThreshold, learnedNow;
        {
            torch::NoGradGuard noGrad;
            torch::Tensor probabilities = torch::softmax(weakLogits.detach(), 1);
            if (c.alignDistribution)
                probabilities = s.aligned(probabilities.to(torch::kFloat));
            const auto [confidence, label] = probabilities.max(1);
            if (s.flexMatch()) {
                const torch::Tensor thresholds = s.thresholds();
                mask = confidence.ge(thresholds.index_select(0, label)).to(torch::kFloat);
                meanThreshold = thresholds.mean();
                // What the model now predicts above tau, for the next steps' thresholds: per slot of
                // the whole batch, the class + 1, 0 where not sure (summed over the ranks below).
                const torch::Tensor sure = confidence.ge(c.threshold);
                learnedNow = torch::zeros({ u }, torch::kFloat).to(net.device);
                learnedNow.narrow(0, mineU.begin, ul).copy_((label + 1).masked_fill(sure.logical_not(), 0));
            } else {
                mask = confidence.ge(c.threshold).to(torch::kFloat); // the method's rule, unchanged
                meanThreshold = torch::full({}, c.threshold, torch::kFloat).to(net.device);
            }
            pseudo = label;
        }
        const torch::Tensor unsupervised
            = (F::cross_entropy(strongLogits, pseudo, F::CrossEntropyFuncOptions().reduction(torch::kNone)) * mask)
                  .sum()
            / double(u);
        const torch::Tensor loss = supervised + c.lambdaU * unsupervised;

        const double lr = c.learningRate * std::cos(7.0 * Pi * k / (16.0 * c.steps));
        setLearningRate(*s.optimizer, lr);
        s.optimizer->zero_grad();
        loss.backward();

        // The step's numbers, in one tensor: summed over the ranks with the gradients when in a group.
        const torch::Tensor shares = torch::bincount(pseudo, {}, s.classes).to(torch::kFloat) / float(u);
        std::vector<torch::Tensor> parts { torch::stack({ supervised.detach().to(torch::kFloat),
                                               unsupervised.detach().to(torch::kFloat), mask.sum() / float(u) }),
            shares };
        if (s.distributed()) {
            parts.push_back(torch::full({ 1 }, cancelled() ? 1.0f : 0.0f, torch::kFloat).to(net.device));
            if (learnedNow.defined())
                parts.push_back(learnedNow);
        }
        torch::Tensor statistics = torch::cat(parts);
        if (s.distributed())
            statistics = sumOverRanks(*s.group, *net.network, statistics);
        s.optimizer->step();
        s.updateEma(k);
        if (s.flexMatch()) {
            // Every rank applies every rank's update, so the thresholds stay the same everywhere.
            const torch::Tensor learned = s.distributed() ? statistics.narrow(0, 4 + s.classes, u) : learnedNow;
            const torch::Tensor slots = learned.gt(0.5f);
            // Image per slot of the whole batch: this rank's from its batch, the others' from the
            // stream (its own sampler: the prefetcher's belongs to the producing thread).
            std::vector<std::int64_t> slotImages(static_cast<std::size_t>(u));
            for (int j = 0; j < u; ++j)
                slotImages[std::size_t(j)] = j >= mineU.begin && j < mineU.end
                    ? batch.indices[std::size_t(bl + j - mineU.begin)]
                    : slotSampler.at(std::int64_t(k) * u + j);
            const torch::Tensor imagesOfSlots = torch::tensor(slotImages, torch::kLong).to(net.device);
            torch::NoGradGuard noGrad;
            s.learnedClass.index_put_(
                { imagesOfSlots.masked_select(slots) }, (learned.masked_select(slots) - 1.0f).round().to(torch::kLong));
        }
        ++s.step;
        images += batch.count;

        const torch::Tensor numbers
            = torch::cat({ statistics.narrow(0, 0, 3 + s.classes), meanThreshold.to(torch::kFloat).reshape({ 1 }) })
                  .to(torch::kCPU);
        const double trained = std::max(1e-9, seconds(start) - asideSeconds);
        FixMatchMetrics m;
        m.step = s.step;
        m.totalSteps = c.steps;
        m.supervisedLoss = numbers[0].item<double>();
        m.unsupervisedLoss = numbers[1].item<double>();
        m.totalLoss = m.supervisedLoss + c.lambdaU * m.unsupervisedLoss;
        m.maskRate = numbers[2].item<double>();
        m.meanThreshold = numbers[3 + s.classes].item<double>();
        for (int cls = 0; cls < s.classes; ++cls)
            m.pseudoLabelShares.push_back(numbers[3 + cls].item<double>());
        m.learningRate = lr;
        m.stepSeconds = seconds(stepStart);
        m.imagesPerSecond = double(images) / trained;
        m.dataWaitShare = prefetcher.waitSeconds() / trained;
        if (s.onMetrics)
            s.onMetrics(m);

        const bool stop = s.distributed() && statistics[3 + s.classes].item<float>() > 0.5f;
        const auto asideStart = std::chrono::steady_clock::now();
        const bool last = s.step == c.steps;
        if (s.leads() && !s.evalReference.empty() && s.onAccuracy
            && ((c.evaluateEvery > 0 && s.step % c.evaluateEvery == 0) || last))
            s.onAccuracy(s.step, predict(s.bank).accuracy(s.evalReference));
        if (s.leads() && !c.checkpointPath.isEmpty()
            && ((c.checkpointEvery > 0 && s.step % c.checkpointEvery == 0) || last || stop))
            saveCheckpoint(c.checkpointPath);
        asideSeconds += seconds(asideStart);
        if (stop)
            return TrainingOutcome::Cancelled;
    }
    return TrainingOutcome::Completed;
}

} // namespace semiprune

// Stage 2 of method.md: FixMatch.

#include "learning/fixmatchtrainer.h"

#include "common/error.h"
#include "common/random.h"
#include "learning/augment.h"
#include "learning/batchprefetcher.h"
#include "learning/checkpoint_p.h"
#include "learning/engineruntime.h"
#include "learning/enginetorch_p.h"
#include "learning/imagebank.h"
#include "learning/precision.h"
#include "learning/streamsampler.h"

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

    // ReMixMatch's alignment: the running mean takes this batch's mean first, then every row is
    // reweighted by seed share / running mean and renormalised.
    torch::Tensor aligned(const torch::Tensor &probabilities)
    {
        const double m = config.alignmentMomentum;
        predictionMean.mul_(m).add_(probabilities.mean(0), 1.0 - m);
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

    void produce(
        std::int64_t number, PreparedBatch &batch, StreamSampler &labeledSampler, StreamSampler &unlabeledSampler) const
    {
        const int b = config.batchSize;
        const int u = config.mu * config.batchSize;
        const std::size_t bytes = bank.imageBytes();
        batch.count = b + 2 * u;
        batch.pixels.resize(std::size_t(batch.count) * bytes);
        batch.targets.resize(std::size_t(b));
        batch.indices.resize(std::size_t(batch.count));
        const int type = CV_MAKETYPE(CV_8U, bank.channels());
        const auto slot = [&](int j) {
            return cv::Mat(bank.height(), bank.width(), type, batch.pixels.data() + std::size_t(j) * bytes);
        };
        TrainingRng rng = TrainingRng::derived(config.seed, AugmentStream, std::uint64_t(number));
        for (int j = 0; j < b; ++j) {
            const int which = labeledSampler.at(number * b + j);
            const int image = labeled[std::size_t(which)];
            batch.targets[std::size_t(j)] = labels[std::size_t(which)];
            batch.indices[std::size_t(j)] = image;
            cv::Mat target = slot(j);
            weakAugment(bank.view(image), target, rng, config.allowFlip);
        }
        for (int j = 0; j < u; ++j) {
            const int image = unlabeledSampler.at(number * u + j);
            batch.indices[std::size_t(b + j)] = batch.indices[std::size_t(b + u + j)] = image;
            cv::Mat weak = slot(b + j);
            cv::Mat strong = slot(b + u + j);
            weakAugment(bank.view(image), weak, rng, config.allowFlip);
            strongAugment(bank.view(image), strong, rng, config.allowFlip);
        }
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
    const State &s = *m_state;
    torch::serialize::OutputArchive archive;
    writeCheckpointHeader(archive, s.identity());
    archive.write("step", c10::IValue(std::int64_t(s.step)));
    writeModule(archive, "live.", *s.live.impl().network);
    writeModule(archive, "ema.", *s.ema.impl().network);
    writeOptimizer(archive, *s.optimizer);
    if (s.learnedClass.defined())
        archive.write("flexmatch.learned", s.learnedClass);
    if (s.predictionMean.defined())
        archive.write("alignment.mean", s.predictionMean);
    saveArchive(archive, path);
}

void FixMatchTrainer::loadCheckpoint(const QString &path)
{
    State &s = *m_state;
    readCheckpoint(path, s.live.impl().device, s.identity(),
        QT_TRANSLATE_NOOP("Training", "%1 is not a FixMatch checkpoint of SemiPrune, or it is damaged."),
        [&](torch::serialize::InputArchive &archive) {
            readModule(archive, "live.", *s.live.impl().network);
            readModule(archive, "ema.", *s.ema.impl().network);
            readOptimizer(archive, *s.optimizer);
            s.step = int(readInt(archive, "step"));
            // The identity already said these are there (it names the switches that write them).
            if (s.learnedClass.defined())
                archive.read("flexmatch.learned", s.learnedClass);
            if (s.predictionMean.defined())
                archive.read("alignment.mean", s.predictionMean);
        });
}

TrainingOutcome FixMatchTrainer::run()
{
    State &s = *m_state;
    const FixMatchConfig &c = s.config;
    EngineRuntime::prepare(c.threads);
    if (s.step >= c.steps)
        return TrainingOutcome::Completed;

    const int b = c.batchSize;
    const int u = c.mu * c.batchSize;
    StreamSampler labeledSampler(int(s.labeled.size()), c.seed, LabeledStream);
    StreamSampler unlabeledSampler(s.bank.count(), c.seed, UnlabeledStream);
    BatchPrefetcher prefetcher(
        [&](std::int64_t number, PreparedBatch &batch) { s.produce(number, batch, labeledSampler, unlabeledSampler); },
        s.step, c.steps);

    Model::Impl &net = s.live.impl();
    net.network->train();
    const auto start = std::chrono::steady_clock::now();
    double asideSeconds = 0.0; // evaluation and checkpoints: not training time
    std::int64_t images = 0;

    while (s.step < c.steps) {
        if (s.cancel && s.cancel->load(std::memory_order_relaxed)) {
            if (!c.checkpointPath.isEmpty())
                saveCheckpoint(c.checkpointPath);
            return TrainingOutcome::Cancelled;
        }
        const auto stepStart = std::chrono::steady_clock::now();
        const PreparedBatch &batch = prefetcher.next();
        const int k = s.step;

        const torch::Tensor logits = net.logits(net.input(batch.pixels.data(), batch.count));
        const torch::Tensor labeledLogits = logits.narrow(0, 0, b);
        const torch::Tensor weakLogits = logits.narrow(0, b, u);
        const torch::Tensor strongLogits = logits.narrow(0, b + u, u);
        const torch::Tensor targets
            = torch::from_blob(const_cast<std::int64_t *>(batch.targets.data()), { b }, torch::kLong).to(net.device);

        const torch::Tensor supervised = F::cross_entropy(labeledLogits, targets);
        torch::Tensor mask, pseudo, meanThreshold;
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
                // Remember what the model now predicts above tau, for the next steps' thresholds.
                const torch::Tensor images
                    = torch::from_blob(const_cast<std::int64_t *>(batch.indices.data()) + b, { u }, torch::kLong)
                          .to(net.device);
                const torch::Tensor sure = confidence.ge(c.threshold);
                s.learnedClass.index_put_({ images.masked_select(sure) }, label.masked_select(sure));
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
        s.optimizer->step();
        s.updateEma(k);
        ++s.step;
        images += batch.count;

        // One transfer for the numbers (one device synchronisation per step).
        const torch::Tensor shares = torch::bincount(pseudo, {}, s.classes).to(torch::kFloat) / float(u);
        const torch::Tensor numbers
            = torch::cat({ torch::stack({ supervised.detach().to(torch::kFloat),
                               unsupervised.detach().to(torch::kFloat), mask.mean(), meanThreshold.to(torch::kFloat) }),
                             shares })
                  .to(torch::kCPU);
        const double trained = std::max(1e-9, seconds(start) - asideSeconds);
        FixMatchMetrics m;
        m.step = s.step;
        m.totalSteps = c.steps;
        m.supervisedLoss = numbers[0].item<double>();
        m.unsupervisedLoss = numbers[1].item<double>();
        m.totalLoss = m.supervisedLoss + c.lambdaU * m.unsupervisedLoss;
        m.maskRate = numbers[2].item<double>();
        m.meanThreshold = numbers[3].item<double>();
        for (int cls = 0; cls < s.classes; ++cls)
            m.pseudoLabelShares.push_back(numbers[4 + cls].item<double>());
        m.learningRate = lr;
        m.stepSeconds = seconds(stepStart);
        m.imagesPerSecond = double(images) / trained;
        m.dataWaitShare = prefetcher.waitSeconds() / trained;
        if (s.onMetrics)
            s.onMetrics(m);

        const auto asideStart = std::chrono::steady_clock::now();
        const bool last = s.step == c.steps;
        if (!s.evalReference.empty() && s.onAccuracy
            && ((c.evaluateEvery > 0 && s.step % c.evaluateEvery == 0) || last))
            s.onAccuracy(s.step, predict(s.bank).accuracy(s.evalReference));
        if (!c.checkpointPath.isEmpty() && ((c.checkpointEvery > 0 && s.step % c.checkpointEvery == 0) || last))
            saveCheckpoint(c.checkpointPath);
        asideSeconds += seconds(asideStart);
    }
    return TrainingOutcome::Completed;
}

} // namespace semiprune

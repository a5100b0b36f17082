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

    explicit State(const ImageBank &b) : bank(b) { }

    std::vector<std::pair<std::string, std::int64_t>> identity() const
    {
        const FixMatchConfig &c = config;
        return { { "images", bank.count() }, { "width", bank.width() }, { "height", bank.height() },
            { "channels", bank.channels() }, { "classes", classes },
            { "seed set", trainingSetFingerprint(labeled, labels) }, { "B", c.batchSize }, { "mu", c.mu },
            { "steps", c.steps }, { "seed", std::int64_t(c.seed) }, { "network", std::int64_t(live.kind()) } };
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
        torch::Tensor mask, pseudo;
        {
            torch::NoGradGuard noGrad;
            const auto [confidence, label] = torch::softmax(weakLogits.detach(), 1).max(1);
            mask = confidence.ge(c.threshold).to(torch::kFloat);
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

        // One transfer for the three numbers (one device synchronisation per step).
        const torch::Tensor numbers
            = torch::stack({ supervised.detach(), unsupervised.detach(), mask.mean() }).to(torch::kCPU);
        const double trained = std::max(1e-9, seconds(start) - asideSeconds);
        FixMatchMetrics m;
        m.step = s.step;
        m.totalSteps = c.steps;
        m.supervisedLoss = numbers[0].item<double>();
        m.unsupervisedLoss = numbers[1].item<double>();
        m.totalLoss = m.supervisedLoss + c.lambdaU * m.unsupervisedLoss;
        m.maskRate = numbers[2].item<double>();
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

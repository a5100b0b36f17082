#pragma once

#include "learning/model.h"
#include "learning/predictions.h"
#include "learning/trainingoutcome.h"

#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace semiprune {

class DistributedGroup;
class ImageBank;

// Every knob of stage 2 (method.md); defaults are the method's except the step count K.
struct FixMatchConfig {
    int batchSize = 64; // B: labeled images per step
    int mu = 7; // unlabeled images per step = mu * B
    double threshold = 0.95; // tau: confidence for a pseudo-label to count
    // Fixed: tau for every class. FlexMatch: tau * M(beta_c) per class c, where beta_c is the number
    // of images last predicted as c above tau over the largest such count (or over the images not
    // yet predicted above tau while those are more: FlexMatch's warm-up), and M(x) = x / (2 - x).
    ThresholdMode thresholdMode = ThresholdMode::Fixed;
    bool flexMatchWarmup = true; // false: beta_c over the largest count alone, from the first step
    // Weak-view probabilities times (seed class shares / running mean of the predictions), then
    // renormalised, before the pseudo-label and its confidence are taken (ReMixMatch's alignment).
    bool alignDistribution = false;
    double alignmentMomentum = 0.99; // of the running mean: about the last hundred steps
    std::vector<double> alignmentTarget; // class shares to align to; empty: the seed's
    double lambdaU = 1.0; // weight of the unsupervised loss
    double learningRate = 0.03;
    double momentum = 0.9; // Nesterov
    double weightDecay = 5e-4;
    // FixMatch practice (the reference PyTorch code): no decay on BatchNorm scales/shifts and biases.
    bool decayNormAndBias = false;
    int steps = 2000; // K. The paper: 2^20; small data on a CPU: a few thousand
    double emaDecay = 0.999;
    // decay_k = min(emaDecay, (1 + k) / (10 + k)): with a short schedule a fixed 0.999 lags the live
    // model (method.md: 3 points of pseudo-label accuracy); the warm-up lets the average follow early.
    bool emaWarmup = true;
    std::uint64_t seed = 1;
    int threads = 0; // LibTorch intra-op threads; 0 = all cores
    DeviceChoice device = DeviceChoice::Auto;
    ModelKind model = ModelKind::Auto;
    Precision precision = Precision::Float32; // Auto: resolved for the network and this processor
    bool allowFlip = true; // horizontal flips keep the class (a project setting)
    bool channelsLast = true; // memory format of activations (measured faster on the CPU)
    int evaluateEvery = 500; // pseudo-label accuracy every so many steps, with reference labels
    int predictBatchSize = 256;
    QString checkpointPath; // when set: saved every checkpointEvery steps and when cancelled
    int checkpointEvery = 500;
};

// Reported after every step.
struct FixMatchMetrics {
    int step = 0; // steps done
    int totalSteps = 0;
    double supervisedLoss = 0.0;
    double unsupervisedLoss = 0.0;
    double totalLoss = 0.0;
    double maskRate = 0.0; // share of unlabeled images above the threshold
    double meanThreshold = 0.0; // the class thresholds' mean (tau under the fixed rule)
    // Per class, the share of this step's unlabeled images whose pseudo-label (after alignment) is
    // that class, whether or not it passed the threshold.
    std::vector<double> pseudoLabelShares;
    double learningRate = 0.0;
    double stepSeconds = 0.0; // wall time of this step, waiting for data included
    double imagesPerSecond = 0.0; // forward images ((1 + 2 mu) B per step) per second since run()
    double dataWaitShare = 0.0; // share of the time since run() spent waiting for augmented batches
};

// Stage 2: FixMatch on an image bank with a few labeled images. The unlabeled stream is every image
// of the bank (the labeled ones included, as FixMatch does). Each step is a pure function of the seed
// and the step number, so a run resumed from a checkpoint ends exactly where an uninterrupted one does.
//
// Thread rules: construct, run and query from one thread (a worker); the bank must stay alive and
// unchanged meanwhile. The callbacks run on that thread. The cancel flag may be set from any thread;
// run() returns Cancelled after the step in progress.
class FixMatchTrainer final {
public:
    using MetricsCallback = std::function<void(const FixMatchMetrics &)>;
    using AccuracyCallback = std::function<void(int step, double pseudoLabelAccuracy)>;

    // labeledIndices: bank images with a human label; labels: their classes in [0, classCount).
    // Throws semiprune::Error for settings a user can fix (no labeled images, labels of one class
    // only, zero steps, CUDA where there is none, ...).
    FixMatchTrainer(const ImageBank &bank, std::vector<int> labeledIndices, std::vector<int> labels, int classCount,
        FixMatchConfig config);
    ~FixMatchTrainer();

    FixMatchTrainer(const FixMatchTrainer &) = delete;
    FixMatchTrainer &operator=(const FixMatchTrainer &) = delete;

    // The confidence each class's pseudo-labels need now (all tau under the fixed rule).
    std::vector<double> classThresholds() const;
    // The running mean of the unlabeled predictions that alignment divides by (uniform before the
    // first step; empty without alignment).
    std::vector<double> predictionMean() const;

    // Reference (true) labels, one per bank image, -1 where unknown: enables the pseudo-label
    // accuracy on the images outside the labeled seed.
    void setReferenceLabels(std::vector<int> reference);
    void setMetricsCallback(MetricsCallback callback);
    void setAccuracyCallback(AccuracyCallback callback);
    void setCancelFlag(const std::atomic<bool> *cancel);
    // Where the automatic checkpoints go (config.checkpointPath), for callers that learn the path
    // only after constructing the trainer (e.g. once the run has an id).
    void setCheckpointPath(const QString &path);
    // Trains data-parallel with the other ranks of `group` (nullptr: alone). Each rank computes its
    // share of every step's batch (labeled, weak and strong images alike), BatchNorm takes its
    // statistics over the whole batch, and the gradients are summed over the ranks before the step,
    // so every rank holds the same networks and the result does not depend on the number of ranks
    // beyond the order of floating-point sums. Rank 0 leads: run() there first tells the others
    // what to train (followLeader, trainingfollower.h) and hands them its state (weights, optimizer,
    // step: a resumed run continues on any number of ranks); it alone evaluates, calls the accuracy
    // callback and writes checkpoints. A cancel on any rank stops every rank after the same step.
    void setDistributedGroup(std::shared_ptr<DistributedGroup> group);

    // The complete state: live network, EMA network, optimizer, step counter; the random streams are
    // derived from (seed, step) and need nothing more. Loading checks that the checkpoint was made for
    // the same data and settings.
    void saveCheckpoint(const QString &path) const;
    void loadCheckpoint(const QString &path);

    TrainingOutcome run();

    int step() const;
    const FixMatchConfig &config() const;
    // Independent copies of the EMA (used for predictions) and of the live network.
    Model emaModel() const;
    Model liveModel() const;
    // Stage 3: the EMA network on the un-augmented images.
    Predictions predict(const ImageBank &bank) const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace semiprune

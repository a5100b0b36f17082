#pragma once

#include "learning/model.h"
#include "learning/predictions.h"
#include "learning/trainingoutcome.h"
#include "scoring/epochrecord.h"

#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace semiprune {

class DistributedGroup;
class ImageBank;

// Stage 4 (proxy training) and stage 7 (final training) of method.md.
struct SupervisedConfig {
    int epochs = 20; // E. The paper: 200; small data on a CPU: 20-30
    int batchSize = 128; // 128; stage 7 uses 64 for r = 0.2 and 32 for r = 0.1
    double learningRate = 0.1;
    double minLearningRate = 1e-4; // cosine decay, stepped every iteration, down to this
    double momentum = 0.9; // Nesterov
    double weightDecay = 5e-4;
    // The plain supervised recipe (PyTorch's SGD weight_decay) decays every parameter.
    bool decayNormAndBias = true;
    bool augment = true; // random crop (reflect padding 12.5 %) + flip
    bool allowFlip = true;
    std::uint64_t seed = 1;
    int threads = 0; // LibTorch intra-op threads; 0 = all cores
    DeviceChoice device = DeviceChoice::Auto;
    ModelKind model = ModelKind::Auto;
    Precision precision = Precision::Float32; // Auto: resolved for the network and this processor
    bool channelsLast = true;
    bool recordDynamics = true; // EpochRecords for every image, every epoch
    QString checkpointPath; // when set: saved at the end of every epoch
    int predictBatchSize = 256;
};

struct SupervisedMetrics {
    int epoch = 0; // the epoch in progress, 0-based
    int totalEpochs = 0;
    int step = 0; // iterations done
    int totalSteps = 0;
    double loss = 0.0; // mean cross-entropy of this batch
    double accuracy = 0.0; // training accuracy of this batch (augmented, train mode)
    double learningRate = 0.0;
    double stepSeconds = 0.0;
    double imagesPerSecond = 0.0; // since run()
    double dataWaitShare = 0.0; // share of the time since run() spent waiting for augmented batches
};

// Trains a fresh network with plain cross-entropy on the images `indices` of a bank with `labels`
// (pseudo-labels in stage 4, true labels of a coreset in stage 7), recording the training dynamics:
// for every training image, from the softmax of its forward pass during the epoch (augmented view,
// train mode), one EpochRecord per epoch. Record i belongs to indices[i] (to image i when training on
// the whole bank). Checkpoints are made at epoch boundaries; a resumed run ends exactly where an
// uninterrupted one does.
//
// Thread rules: as FixMatchTrainer: one worker thread; the cancel flag from anywhere; the bank must
// outlive the trainer unchanged.
class SupervisedTrainer final {
public:
    using MetricsCallback = std::function<void(const SupervisedMetrics &)>;
    // epoch is 0-based; records[i] belongs to training image i (records is empty when
    // config.recordDynamics is off). Runs on the training thread after the epoch's last step.
    using EpochCallback = std::function<void(int epoch, const std::vector<EpochRecord> &records)>;

    // indices empty: every image of the bank. labels: one per training image, in [0, classCount).
    // Throws semiprune::Error for settings a user can fix.
    SupervisedTrainer(const ImageBank &bank, std::vector<int> indices, std::vector<int> labels, int classCount,
        SupervisedConfig config);
    ~SupervisedTrainer();

    SupervisedTrainer(const SupervisedTrainer &) = delete;
    SupervisedTrainer &operator=(const SupervisedTrainer &) = delete;

    void setMetricsCallback(MetricsCallback callback);
    void setEpochCallback(EpochCallback callback);
    void setCancelFlag(const std::atomic<bool> *cancel);
    // Where the automatic epoch checkpoints go (config.checkpointPath), settable after construction.
    void setCheckpointPath(const QString &path);
    // Trains data-parallel with the other ranks of `group`, as FixMatchTrainer does: each rank its
    // share of every batch, BatchNorm over the whole batch, gradients summed; every rank's records
    // are gathered at the end of each epoch, so the epoch callback (rank 0) sees every image.
    void setDistributedGroup(std::shared_ptr<DistributedGroup> group);

    // Network, optimizer and epoch counter; batches and augmentations are derived from
    // (seed, epoch, batch) and need nothing more. Only at an epoch boundary (semiprune::Error inside
    // an epoch, e.g. after a cancel: the automatic checkpoint of the last epoch is the one to use).
    void saveCheckpoint(const QString &path) const;
    void loadCheckpoint(const QString &path);

    // Trains up to config.epochs. After a cancel, run() again continues where it stopped.
    TrainingOutcome run();

    int completedEpochs() const;
    int step() const;
    const SupervisedConfig &config() const;
    Model model() const; // an independent copy
    Predictions predict(const ImageBank &bank) const;
    // Top-1 accuracy on a test bank (labels: one per image; entries < 0 skipped).
    double evaluate(const ImageBank &bank, const std::vector<int> &labels) const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace semiprune

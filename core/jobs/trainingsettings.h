#pragma once

#include <QJsonObject>
#include <QString>

namespace semiprune {

// Which network to train. Auto picks the small CNN of method.md for images up to 32 px and a
// ResNet-18 above that (resolveModelKind in learning/model.h).
enum class ModelKind { Auto, SmallCnn, ResNet18 };
// "auto", "small-cnn", "resnet-18": the names the command line, the run dialog and stored runs use.
QString modelKindName(ModelKind kind);
ModelKind modelKindFromName(const QString &name); // throws Error naming the choices

// Where to train. Auto takes CUDA when the LibTorch build and the machine have it, else the CPU;
// Cuda fails with a clear message where there is none.
enum class DeviceChoice { Auto, Cpu, Cuda };
// "auto", "cpu", "cuda".
QString deviceChoiceName(DeviceChoice device);
DeviceChoice deviceChoiceFromName(const QString &name); // throws Error naming the choices

// The arithmetic of training and inference. Float32 everywhere, or bfloat16 for the convolutions and
// matrix products (autocast) with float32 weights, BatchNorm statistics, losses and recorded
// dynamics. Auto takes bfloat16 where the processor computes it natively and the network was
// measured faster with it (resolvePrecision in learning/precision.h), else float32.
enum class Precision { Auto, Float32, BFloat16 };
// "auto", "float32", "bfloat16".
QString precisionName(Precision precision);
Precision precisionFromName(const QString &name); // throws Error naming the choices

// Which unlabeled images FixMatch learns from. Fixed: those whose prediction reaches tau, for every
// class alike (the rule of method.md, and of every run made before this switch existed). FlexMatch (Zhang et al.,
// NeurIPS 2021, "curriculum pseudo labeling"): each class's threshold is tau scaled down by how far the model has
// learnt that class so far (how many images it predicts as that class above tau), so classes that are still hard get
// pseudo-labels early instead of after thousands of steps: what a short schedule needs.
enum class ThresholdMode { Fixed, FlexMatch };
// "fixed", "flexmatch".
QString thresholdModeName(ThresholdMode mode);
ThresholdMode thresholdModeFromName(const QString &name); // throws Error naming the choices

// Every setting of the training stages, shared by the pipeline (FixMatch, proxy training), the
// benchmark (which also trains coreset models) and whatever drives them: the command line's training
// options, the run dialog and the stored runs read and write this one type. The trainers' own
// configurations are made from it in one place (learning/trainerconfigs.h). Defaults are sized for
// a 2-core CPU and tens of thousands of small images (method.md: K a few thousand, E 20-30 on a CPU).
struct TrainingSettings {
    // Stage 2: FixMatch.
    int sslSteps = 1500; // K
    int sslBatch = 32; // B: labeled images per step
    int mu = 3; // unlabeled per labeled image in a step
    double threshold = 0.95; // tau
    // FlexMatch: 1.0 and 1.1 points more pseudo-labels right than the fixed rule on Fashion-MNIST
    // (b = 1,000 and 250) in the same time (docs/benchmarks/README.md).
    ThresholdMode thresholdMode = ThresholdMode::FlexMatch;
    // Distribution alignment (ReMixMatch, Berthelot et al. 2020): the unlabeled predictions are
    // reweighted so that their running mean matches the seed's class shares before pseudo-labels
    // are taken, which keeps FixMatch from over-predicting the classes it learnt first.
    bool alignDistribution = false;
    // Stage 4: proxy training with dynamics.
    int proxyEpochs = 15;
    // Every training.
    quint64 seed = 1;
    int threads = 0; // 0: all cores
    DeviceChoice device = DeviceChoice::Auto;
    ModelKind model = ModelKind::Auto;
    bool allowFlip = true;
    Precision precision = Precision::Auto;
    // Decoded training images are held in memory up to this many MiB, in a mapped file beyond it;
    // 0: a quarter of the machine's memory. Changes where pixels live, never a result.
    int imageMemoryMiB = 0;

    // The keys runs have always been stored with: "ssl_steps", "batch_size", "mu", "threshold",
    // "proxy_epochs", "seed" (a string: 64 bits do not fit a JSON number), "threads", "device",
    // "model", "allow_flip", "image_memory_mib", and since precision exists "precision"; "threshold_mode" and
    // "distribution_alignment" are written only when they differ from the method's rule, so runs,
    // fingerprints and JSON output made without them keep their shape. Stage fingerprints hash some
    // of these values, so they must not change, or finished stages would no longer be found and reused.
    QJsonObject toJson() const;
    // Keys that are missing keep the value in `defaults` (the defaults above in the first form), but
    // for "threshold_mode" and "distribution_alignment", whose absence means the fixed rule without
    // alignment; an unknown device, model, precision or threshold mode throws Error.
    static TrainingSettings fromJson(const QJsonObject &json);
    static TrainingSettings fromJson(const QJsonObject &json, const TrainingSettings &defaults);
    // Throws Error for values that cannot work (zero steps, a batch of one, ...).
    void validate() const;
};

} // namespace semiprune

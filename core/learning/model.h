#pragma once

#include "jobs/trainingsettings.h"
#include "learning/predictions.h"
#include "similarity/featurematrix.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace semiprune {

class ImageBank;

// Auto -> SmallCnn for a longer side <= 32 px, else ResNet18; other kinds pass through.
ModelKind resolveModelKind(ModelKind kind, int width, int height);

// A network with its input normalisation on one device: the result of training, used to predict
// (stage 3) and to evaluate (stage 7). The networks (method.md):
//  - SmallCnn: conv3x3(in->32)-BN-ReLU, conv3x3(32->32)-BN-ReLU, maxpool 2, conv3x3(32->64)-BN-ReLU,
//    conv3x3(64->64)-BN-ReLU, maxpool 2, conv3x3(64->128)-BN-ReLU, global average pool,
//    linear(128->classes); convolutions without bias (a BatchNorm follows each one).
//  - ResNet18: basic blocks [2, 2, 2, 2] with 64..512 channels; a 3x3 stride-1 stem without max-pool
//    (CIFAR style) for images up to 64 px, the standard 7x7 stride-2 stem with max-pool above.
// Copies share the network (a Model is a handle); clone() makes an independent copy.
//
// Thread rules: use a Model from one thread at a time. predict() and evaluate() make their no-grad
// guard themselves, on the calling thread.
class Model final {
public:
    struct Impl; // engine-internal (learning/enginetorch_p.h)

    // A freshly initialised network; the weights are a function of `seed` only. mean (per channel)
    // and stddev, on the 0..255 scale, normalise the input (ImageBank::statistics()).
    // Throws semiprune::Error for bad sizes, fewer than two classes or an unavailable device.
    static Model create(ModelKind kind, int channels, int width, int height, int classes, std::uint64_t seed,
        DeviceChoice device = DeviceChoice::Auto, const std::vector<double> &mean = {}, double stddev = 0.0);
    // Throws semiprune::Error when the file cannot be read or is not a saved model.
    static Model load(const QString &path, DeviceChoice device = DeviceChoice::Auto);

    Model();
    ~Model();
    Model(const Model &);
    Model &operator=(const Model &);

    bool isNull() const { return !m_impl; }
    Model clone() const;
    // Throws semiprune::Error when the file cannot be written.
    void save(const QString &path) const;
    // The same bytes as save() writes, in memory (to store in the project database), and back.
    QByteArray toBytes() const;
    static Model fromBytes(const QByteArray &bytes, DeviceChoice device = DeviceChoice::Auto);

    ModelKind kind() const;
    int channels() const;
    int width() const;
    int height() const;
    int classCount() const;
    std::int64_t parameterCount() const;
    QString deviceName() const;
    // Activations in channels-last (NHWC) memory order: measured 1-5 % faster for training and
    // inference with oneDNN on the CPU (tests/bench_engine.cpp), so on by default.
    bool channelsLast() const;
    void setChannelsLast(bool on);

    // The arithmetic of predict(), embed() and of trainers that train this model: Float32 (the
    // default) or BFloat16 (learning/precision.h resolves Auto). Not saved with the model.
    Precision precision() const;
    // One image's forward pass in floating-point operations (training costs about three times
    // as much); 0 where the network does not count them (ResNet-18).
    double forwardFlopsPerImage() const;
    void setPrecision(Precision precision); // Auto: semiprune::Error

    // Class probabilities of every image of the bank, un-augmented, in eval mode. The bank must have
    // the model's size and channels (semiprune::Error otherwise).
    Predictions predict(const ImageBank &bank, int batchSize = 256) const;
    // The same for the `count` images from `first` on (one rank's share): count rows.
    Predictions predict(const ImageBank &bank, int batchSize, int first, int count) const;
    // What the network sees in every image of the bank (un-augmented, eval mode): the pooled
    // activations its classifier reads, one row per image. Same size rules as predict().
    FeatureMatrix embed(const ImageBank &bank, int batchSize = 256) const;
    // Top-1 accuracy against labels (one per bank image; entries < 0 are skipped).
    double evaluate(const ImageBank &bank, const std::vector<int> &labels, int batchSize = 256) const;

    Impl &impl() const { return *m_impl; }
    explicit Model(std::shared_ptr<Impl> impl);

private:
    static Model fromArchiveBytes(const QByteArray &bytes, DeviceChoice device, const QString &what);

    std::shared_ptr<Impl> m_impl;
};

} // namespace semiprune

#pragma once

// Engine-internal: the LibTorch side shared by the few .cpp files of core/learning that train.
// Never include this from a public header (the firewall: moc and the GUI must not see torch); it is
// included only by network.cpp, model.cpp, checkpoint.cpp, dataparallel.cpp, fixmatchtrainer.cpp and
// supervisedtrainer.cpp.

#include "learning/model.h"

#include <ATen/autocast_mode.h>
#include <torch/torch.h>

#include <QString>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace semiprune {

class DistributedGroup;

// While alive, the calling thread's BatchNorm layers in training mode take their batch statistics
// over the images of every rank of `group` (synchronised BatchNorm), so a batch split across ranks
// is normalised as the whole batch would be in one process. nullptr or a group of one: per process,
// as always. Restores the previous group on destruction.
class NormSyncScope final {
public:
    explicit NormSyncScope(DistributedGroup *group);
    ~NormSyncScope();
    NormSyncScope(const NormSyncScope &) = delete;
    NormSyncScope &operator=(const NormSyncScope &) = delete;

private:
    DistributedGroup *m_previous;
};

// While alive, synchronised BatchNorm leaves the last `rows` images of each batch out of its
// statistics. A rank with no share of a step's batch (the short last batch of an epoch, fewer images
// than ranks) computes one such placeholder image, so that it still takes part in every collective
// of the step; the placeholder counts in no statistic and no loss.
class PlaceholderRowsScope final {
public:
    explicit PlaceholderRowsScope(int rows);
    ~PlaceholderRowsScope();
    PlaceholderRowsScope(const PlaceholderRowsScope &) = delete;
    PlaceholderRowsScope &operator=(const PlaceholderRowsScope &) = delete;

private:
    int m_previous;
};

// Base of the engine's networks: a module with a virtual forward, so trainers need not know which.
class Network : public torch::nn::Module {
public:
    // The class scores (logits): the classifier applied to features().
    virtual torch::Tensor forward(const torch::Tensor &input) = 0;
    // What the classifier sees: the globally pooled activations of the last block, N x D.
    virtual torch::Tensor features(const torch::Tensor &input) = 0;
    // The classifier alone: forward(x) == classify(features(x)).
    virtual torch::Tensor classify(const torch::Tensor &features) = 0;
    // Multiply-adds times two of one image's forward pass at this size, counted from the layers
    // (convolutions and the classifier; BatchNorm, ReLU and pooling are a few percent and left
    // out); 0 where the network does not count them.
    virtual double forwardFlops(int channels, int width, int height, int classes) const
    {
        (void)channels, (void)width, (void)height, (void)classes;
        return 0;
    }
};

// A network of the resolved kind, initialised from `seed` with the engine's own generator (the same
// weights on every platform and device): convolutions Kaiming-normal (fan-out, ReLU), BatchNorm 1/0,
// the linear layer uniform +-1/sqrt(fan-in) as PyTorch's default. On the CPU.
std::shared_ptr<Network> createNetwork(
    ModelKind kind, int channels, int classes, int width, int height, std::uint64_t seed);

struct Model::Impl {
    std::shared_ptr<Network> network;
    torch::Device device { torch::kCPU };
    ModelKind kind = ModelKind::SmallCnn;
    int channels = 1;
    int width = 0;
    int height = 0;
    int classes = 0;
    std::vector<double> mean; // per channel, 0..255 scale
    double stddev = 1.0;
    bool channelsLast = true;
    Precision precision = Precision::Float32; // resolved: never Auto
    torch::Tensor shift; // -mean/stddev per channel, on the device

    // A batch of `count` images, N x H x W x C uint8 at `pixels`, as normalised float N x C x H x W on
    // the device, in one conversion op (channels-last strides where chosen, else contiguous).
    torch::Tensor input(const std::uint8_t *pixels, std::int64_t count) const;
    // Moves the network to the device and memory format; call once after building it.
    void place();
    // The class scores and the pooled features of a batch from input(), as float32. In bfloat16 the
    // feature extractor runs under autocast and the classifier in float32 on the float32 features:
    // a few hundred multiply-adds per image, and the logits that losses, confidences and the
    // recorded margins (AUM) come from keep float32's resolution.
    torch::Tensor logits(const torch::Tensor &batch) const;
    torch::Tensor features(const torch::Tensor &batch) const;
};

// While alive, the calling thread's forward passes on `device` run under autocast to bfloat16 when
// `precision` is BFloat16 (convolutions and matrix products in bfloat16, weights kept in float32);
// for Float32 it does nothing. Restores the thread's previous autocast state on destruction.
class PrecisionScope final {
public:
    PrecisionScope(Precision precision, const torch::Device &device);
    ~PrecisionScope();
    PrecisionScope(const PrecisionScope &) = delete;
    PrecisionScope &operator=(const PrecisionScope &) = delete;

private:
    bool m_active = false;
    bool m_cuda = false;
    bool m_wasEnabled = false;
    at::ScalarType m_wasType = at::kFloat;
};

torch::Device resolveDevice(DeviceChoice choice);

// SGD (Nesterov) with weight decay on the convolution and linear weights, and on BatchNorm
// parameters and biases only when decayNormAndBias.
std::unique_ptr<torch::optim::SGD> makeSgd(
    Network &network, double learningRate, double momentum, double weightDecay, bool decayNormAndBias);
void setLearningRate(torch::optim::Optimizer &optimizer, double learningRate);

// Parameters and buffers of a module into / from an archive under a key prefix. Loading copies into
// the existing tensors (keeping their device and memory format) and checks every shape.
void writeModule(torch::serialize::OutputArchive &archive, const std::string &prefix, torch::nn::Module &module);
void readModule(torch::serialize::InputArchive &archive, const std::string &prefix, torch::nn::Module &module);
// Copies every parameter and buffer of `from` into `to` (same architecture).
void copyModule(torch::nn::Module &from, torch::nn::Module &to);

// Archives to and from files, through QSaveFile, so a killed process never leaves half a file.
void saveArchive(torch::serialize::OutputArchive &archive, const QString &path);
void loadArchive(torch::serialize::InputArchive &archive, const QString &path, torch::Device device);
QByteArray archiveBytes(torch::serialize::OutputArchive &archive);
// `what` names the source in error messages (a path, or "the stored model").
void loadArchiveBytes(
    torch::serialize::InputArchive &archive, const QByteArray &bytes, torch::Device device, const QString &what);
std::int64_t readInt(torch::serialize::InputArchive &archive, const std::string &key);
double readDouble(torch::serialize::InputArchive &archive, const std::string &key);

} // namespace semiprune

// The engine's networks (method.md): the small CNN and ResNet-18, with deterministic initialisation.

#include "learning/enginetorch_p.h"

#include "common/random.h"
#include "distributed/distributedgroup_p.h"

#include <array>
#include <cmath>

namespace semiprune {

namespace nn = torch::nn;

namespace {

thread_local DistributedGroup *t_normGroup = nullptr;
thread_local int t_placeholderRows = 0;

// BatchNorm over the images of every rank (the whole batch) as one autograd function: each rank's
// statistics from LibTorch's fused kernels, one small all-reduce forward and one backward, and the
// normalisation and most of its gradient by the fused inference-mode kernels with the whole
// batch's statistics. Written out as the composition of plain tensor operations it cost twice the
// step time of the convolutions themselves (measured with bench_engine, docs/distributed.md).
class SynchronisedBatchNorm final : public torch::autograd::Function<SynchronisedBatchNorm> {
public:
    static torch::Tensor forward(torch::autograd::AutogradContext *context, torch::Tensor input, torch::Tensor weight,
        torch::Tensor bias, torch::Tensor runningMean, torch::Tensor runningVar, DistributedGroup *group,
        std::int64_t placeholderRows, double momentum, double epsilon)
    {
        const std::int64_t channels = input.size(1);
        const torch::Tensor counted = input.narrow(0, 0, std::max<std::int64_t>(0, input.size(0) - placeholderRows));
        const double local = double(counted.numel() / std::max<std::int64_t>(1, channels));
        const auto floats = torch::TensorOptions().dtype(torch::kFloat).device(input.device());
        torch::Tensor sums = torch::zeros({ 2 * channels + 1 }, floats);
        if (local > 0) {
            const auto [unused, mean, invstd]
                = at::native_batch_norm(counted, {}, {}, {}, {}, true, 0.0, epsilon); // local, biased
            (void)unused;
            const torch::Tensor variance = invstd.to(torch::kFloat).pow(-2) - epsilon;
            sums.narrow(0, 0, channels).copy_(mean.to(torch::kFloat) * local);
            sums.narrow(0, channels, channels).copy_((variance + mean.to(torch::kFloat).square()) * local);
            sums[2 * channels] = local;
        }
        std::vector<torch::Tensor> summed { sums };
        distributed::allReduceSum(*group, summed);
        const double n = summed[0][2 * channels].item<double>();
        const torch::Tensor mean = summed[0].narrow(0, 0, channels) / n;
        const torch::Tensor variance = (summed[0].narrow(0, channels, channels) / n - mean.square()).clamp_min(0.0);
        runningMean.mul_(1.0 - momentum).add_(mean, momentum);
        runningVar.mul_(1.0 - momentum).add_(variance * (n / std::max(1.0, n - 1.0)), momentum);

        context->save_for_backward({ input, weight, mean, variance });
        context->saved_data["group"] = reinterpret_cast<std::int64_t>(group);
        context->saved_data["placeholders"] = placeholderRows;
        context->saved_data["n"] = n;
        context->saved_data["epsilon"] = epsilon;
        return torch::batch_norm(input, weight, bias, mean, variance, false, 0.0, epsilon, false);
    }

    static torch::autograd::tensor_list backward(
        torch::autograd::AutogradContext *context, torch::autograd::tensor_list gradients)
    {
        const auto saved = context->get_saved_variables();
        const torch::Tensor &input = saved[0], &weight = saved[1], &mean = saved[2], &variance = saved[3];
        auto *group = reinterpret_cast<DistributedGroup *>(context->saved_data["group"].toInt());
        const std::int64_t placeholders = context->saved_data["placeholders"].toInt();
        const double n = context->saved_data["n"].toDouble();
        const double epsilon = context->saved_data["epsilon"].toDouble();
        const torch::Tensor gradient = gradients[0].contiguous(input.suggest_memory_format());
        // With the whole batch's statistics as fixed numbers: dy * w * invstd, and this rank's
        // sums for the weight (sum dy (x - mean) invstd) and the bias (sum dy).
        auto [dx, dWeight, dBias] = at::native_batch_norm_backward(
            gradient, input, weight, mean, variance, {}, {}, false, epsilon, { true, true, true });
        const std::int64_t channels = input.size(1);
        const torch::Tensor invstd = torch::rsqrt(variance + epsilon);
        std::vector<torch::Tensor> sums { torch::cat({ dBias.to(torch::kFloat), dWeight.to(torch::kFloat) / invstd }) };
        distributed::allReduceSum(*group, sums);
        const torch::Tensor meanDy = sums[0].narrow(0, 0, channels) / n;
        const torch::Tensor meanDyXmu = sums[0].narrow(0, channels, channels) / n;
        // The statistics' own gradient, per channel affine in x: dx += a x + b.
        const torch::Tensor w = weight.to(torch::kFloat);
        const torch::Tensor a = -w * invstd.pow(3) * meanDyXmu;
        const torch::Tensor b = -w * invstd * meanDy - a * mean;
        // a x + b in one fused pass: the inference-mode kernel with mean 0, variance 1 - epsilon.
        dx.add_(torch::batch_norm(
            input, a, b, torch::zeros_like(a), torch::full_like(a, 1.0 - epsilon), false, 0.0, epsilon, false));
        if (placeholders > 0) // a placeholder image trains nothing
            dx.narrow(0, input.size(0) - placeholders, placeholders).zero_();
        return { dx, dWeight, dBias, {}, {}, {}, {}, {}, {} };
    }
};

// BatchNorm2d with the parameters and buffers of torch::nn::BatchNorm2d (same names, so models and
// checkpoints are interchangeable) that, under a NormSyncScope of several ranks, normalises a
// training batch with the statistics of every rank's share of it.
class BatchNormImpl final : public nn::Module {
public:
    explicit BatchNormImpl(int features)
    {
        weight = register_parameter("weight", torch::ones({ features }));
        bias = register_parameter("bias", torch::zeros({ features }));
        runningMean = register_buffer("running_mean", torch::zeros({ features }));
        runningVar = register_buffer("running_var", torch::ones({ features }));
        batchesTracked = register_buffer("num_batches_tracked", torch::zeros({}, torch::kLong));
    }

    torch::Tensor forward(const torch::Tensor &input)
    {
        DistributedGroup *group = t_normGroup;
        if (is_training()) {
            torch::NoGradGuard noGrad;
            batchesTracked += 1;
        }
        if (!is_training() || !group || group->size() == 1)
            return torch::batch_norm(input, weight, bias, runningMean, runningVar, is_training(), kMomentum, kEpsilon,
                at::globalContext().userEnabledCuDNN());
        return SynchronisedBatchNorm::apply(
            input, weight, bias, runningMean, runningVar, group, std::int64_t(t_placeholderRows), kMomentum, kEpsilon);
    }

    torch::Tensor weight, bias, runningMean, runningVar, batchesTracked;

private:
    static constexpr double kMomentum = 0.1; // torch::nn::BatchNorm2d's defaults
    static constexpr double kEpsilon = 1e-5;
};
TORCH_MODULE(BatchNorm);

nn::Conv2d conv(int in, int out, int kernel, int stride = 1)
{
    // No bias: a BatchNorm follows every convolution and would cancel it.
    return nn::Conv2d(nn::Conv2dOptions(in, out, kernel).stride(stride).padding(kernel / 2).bias(false));
}

class SmallCnn final : public Network {
public:
    SmallCnn(int channels, int classes)
    {
        int in = channels;
        for (std::size_t i = 0; i < kWidths.size(); ++i) {
            m_convs.push_back(register_module("conv" + std::to_string(i + 1), conv(in, kWidths[i], 3)));
            m_norms.push_back(register_module("bn" + std::to_string(i + 1), BatchNorm(kWidths[i])));
            in = kWidths[i];
        }
        m_fc = register_module("fc", nn::Linear(128, classes));
    }

    torch::Tensor forward(const torch::Tensor &input) override { return classify(features(input)); }
    torch::Tensor classify(const torch::Tensor &features) override { return m_fc->forward(features); }

    double forwardFlops(int channels, int width, int height, int classes) const override
    {
        // The same walk as features(): 3x3 convolutions keep the size, pooling halves it after
        // the second and fourth.
        double flops = 0;
        int in = channels;
        for (std::size_t i = 0; i < kWidths.size(); ++i) {
            flops += 2.0 * width * height * kWidths[i] * in * 9;
            in = kWidths[i];
            if (i == 1 || i == 3) {
                width /= 2;
                height /= 2;
            }
        }
        return flops + 2.0 * in * classes;
    }

    torch::Tensor features(const torch::Tensor &input) override
    {
        torch::Tensor x = input;
        for (std::size_t i = 0; i < m_convs.size(); ++i) {
            // In-place ReLU after BatchNorm: BN's backward does not need its output, and it saves one
            // activation-sized buffer per layer.
            x = m_norms[i]->forward(m_convs[i]->forward(x)).relu_();
            if (i == 1 || i == 3)
                x = torch::max_pool2d(x, 2);
        }
        return x.mean({ 2, 3 });
    }

private:
    static constexpr std::array<int, 5> kWidths { 32, 32, 64, 64, 128 };
    std::vector<nn::Conv2d> m_convs;
    std::vector<BatchNorm> m_norms;
    nn::Linear m_fc { nullptr };
};

class BasicBlock final : public nn::Module {
public:
    BasicBlock(int in, int out, int stride)
    {
        m_conv1 = register_module("conv1", conv(in, out, 3, stride));
        m_bn1 = register_module("bn1", BatchNorm(out));
        m_conv2 = register_module("conv2", conv(out, out, 3));
        m_bn2 = register_module("bn2", BatchNorm(out));
        if (stride != 1 || in != out) {
            m_shortcutConv = register_module("shortcut_conv", conv(in, out, 1, stride));
            m_shortcutBn = register_module("shortcut_bn", BatchNorm(out));
        }
    }

    torch::Tensor forward(const torch::Tensor &x)
    {
        torch::Tensor out = m_bn1->forward(m_conv1->forward(x)).relu_();
        out = m_bn2->forward(m_conv2->forward(out));
        const torch::Tensor shortcut = m_shortcutConv ? m_shortcutBn->forward(m_shortcutConv->forward(x)) : x;
        return (out + shortcut).relu_();
    }

private:
    nn::Conv2d m_conv1 { nullptr }, m_conv2 { nullptr }, m_shortcutConv { nullptr };
    BatchNorm m_bn1 { nullptr }, m_bn2 { nullptr }, m_shortcutBn { nullptr };
};

class ResNet18 final : public Network {
public:
    ResNet18(int channels, int classes, bool cifarStem) : m_cifarStem(cifarStem)
    {
        m_stem = register_module("conv1", cifarStem ? conv(channels, 64, 3) : conv(channels, 64, 7, 2));
        m_stemBn = register_module("bn1", BatchNorm(64));
        const int widths[] = { 64, 128, 256, 512 };
        int in = 64;
        for (int layer = 0; layer < 4; ++layer) {
            for (int block = 0; block < 2; ++block) {
                const int stride = (layer > 0 && block == 0) ? 2 : 1;
                const std::string name = "layer" + std::to_string(layer + 1) + "_" + std::to_string(block);
                m_blocks.push_back(register_module(name, std::make_shared<BasicBlock>(in, widths[layer], stride)));
                in = widths[layer];
            }
        }
        m_fc = register_module("fc", nn::Linear(512, classes));
    }

    torch::Tensor forward(const torch::Tensor &input) override { return classify(features(input)); }
    torch::Tensor classify(const torch::Tensor &features) override { return m_fc->forward(features); }

    torch::Tensor features(const torch::Tensor &input) override
    {
        torch::Tensor x = m_stemBn->forward(m_stem->forward(input)).relu_();
        if (!m_cifarStem)
            x = torch::max_pool2d(x, 3, 2, 1);
        for (auto &block : m_blocks)
            x = block->forward(x);
        return x.mean({ 2, 3 });
    }

private:
    bool m_cifarStem;
    nn::Conv2d m_stem { nullptr };
    BatchNorm m_stemBn { nullptr };
    std::vector<std::shared_ptr<BasicBlock>> m_blocks;
    nn::Linear m_fc { nullptr };
};

void fill(torch::Tensor &tensor, TrainingRng &rng, double scale, bool normal)
{
    std::vector<float> values(std::size_t(tensor.numel()));
    for (float &v : values)
        v = float(normal ? scale * rng.normal() : scale * (2.0 * rng.uniform() - 1.0));
    torch::NoGradGuard noGrad;
    tensor.copy_(torch::from_blob(values.data(), tensor.sizes(), torch::kFloat));
}

void initialize(Network &network, std::uint64_t seed)
{
    // Module order is registration order, so the stream of numbers is fixed for an architecture.
    TrainingRng rng = TrainingRng::derived(seed, 0x696e6974 /* "init" */);
    torch::NoGradGuard noGrad;
    for (const auto &item : network.named_modules()) {
        nn::Module *module = item.value().get();
        if (auto *c = module->as<nn::Conv2d>()) {
            const auto &w = c->weight;
            const double fanOut = double(w.size(0) * w.size(2) * w.size(3));
            fill(c->weight, rng, std::sqrt(2.0 / fanOut), true);
        } else if (auto *b = module->as<BatchNorm>()) {
            b->weight.fill_(1.0);
            b->bias.zero_();
        } else if (auto *l = module->as<nn::Linear>()) {
            const double bound = 1.0 / std::sqrt(double(l->weight.size(1)));
            fill(l->weight, rng, bound, false);
            fill(l->bias, rng, bound, false);
        }
    }
}

} // namespace

NormSyncScope::NormSyncScope(DistributedGroup *group) : m_previous(t_normGroup)
{
    t_normGroup = group;
}
NormSyncScope::~NormSyncScope()
{
    t_normGroup = m_previous;
}

PlaceholderRowsScope::PlaceholderRowsScope(int rows) : m_previous(t_placeholderRows)
{
    t_placeholderRows = rows;
}
PlaceholderRowsScope::~PlaceholderRowsScope()
{
    t_placeholderRows = m_previous;
}

std::shared_ptr<Network> createNetwork(
    ModelKind kind, int channels, int classes, int width, int height, std::uint64_t seed)
{
    std::shared_ptr<Network> network;
    if (resolveModelKind(kind, width, height) == ModelKind::SmallCnn)
        network = std::make_shared<SmallCnn>(channels, classes);
    else
        network = std::make_shared<ResNet18>(channels, classes, std::max(width, height) <= 64);
    initialize(*network, seed);
    return network;
}

} // namespace semiprune

#include "learning/enginetorch_p.h"

#include "common/error.h"
#include "learning/engineruntime.h"
#include "learning/imagebank.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

#include <sstream>

namespace semiprune {

namespace {

constexpr std::int64_t ModelFormat = 1;

} // namespace

ModelKind resolveModelKind(ModelKind kind, int width, int height)
{
    if (kind != ModelKind::Auto)
        return kind;
    return std::max(width, height) <= 32 ? ModelKind::SmallCnn : ModelKind::ResNet18;
}

torch::Device resolveDevice(DeviceChoice choice)
{
    return torch::Device(EngineRuntime::deviceName(choice).toStdString());
}

torch::Tensor Model::Impl::input(const std::uint8_t *pixels, std::int64_t count) const
{
    torch::Tensor raw
        = torch::from_blob(const_cast<std::uint8_t *>(pixels), { count, height, width, channels }, torch::kUInt8);
    // Bytes travel to the GPU, not floats: a quarter of the transfer.
    if (!device.is_cpu())
        raw = raw.to(device);
    // shift + raw / stddev: converts and normalises in one op; N x H x W x C seen as N x C x H x W is
    // exactly the channels-last layout.
    torch::Tensor x = torch::add(shift, raw, 1.0 / stddev).permute({ 0, 3, 1, 2 });
    return channelsLast ? x : x.contiguous();
}

PrecisionScope::PrecisionScope(Precision precision, const torch::Device &device)
{
    if (precision != Precision::BFloat16)
        return;
    m_active = true;
    m_cuda = device.is_cuda();
    if (m_cuda) {
        m_wasEnabled = at::autocast::is_enabled();
        m_wasType = at::autocast::get_autocast_gpu_dtype();
        at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
        at::autocast::set_enabled(true);
    } else {
        m_wasEnabled = at::autocast::is_cpu_enabled();
        m_wasType = at::autocast::get_autocast_cpu_dtype();
        at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
        at::autocast::set_cpu_enabled(true);
    }
    at::autocast::increment_nesting();
}

PrecisionScope::~PrecisionScope()
{
    if (!m_active)
        return;
    // The bfloat16 copies of the weights are cached while autocast is on; dropped when the
    // outermost scope ends, as the weights change with the next optimizer step.
    if (at::autocast::decrement_nesting() == 0)
        at::autocast::clear_cache();
    if (m_cuda) {
        at::autocast::set_enabled(m_wasEnabled);
        at::autocast::set_autocast_gpu_dtype(m_wasType);
    } else {
        at::autocast::set_cpu_enabled(m_wasEnabled);
        at::autocast::set_autocast_cpu_dtype(m_wasType);
    }
}

torch::Tensor Model::Impl::logits(const torch::Tensor &batch) const
{
    if (precision == Precision::Float32)
        return network->forward(batch);
    return network->classify(features(batch));
}

torch::Tensor Model::Impl::features(const torch::Tensor &batch) const
{
    torch::Tensor out;
    {
        PrecisionScope scope(precision, device);
        out = network->features(batch);
    }
    return out.to(torch::kFloat);
}

void Model::Impl::place()
{
    network->to(device);
    if (mean.size() != std::size_t(channels))
        mean.assign(std::size_t(channels), 127.5);
    if (stddev <= 0.0)
        stddev = 64.0;
    std::vector<float> values(mean.size());
    for (std::size_t c = 0; c < mean.size(); ++c)
        values[c] = float(-mean[c] / stddev);
    shift = torch::tensor(values, torch::kFloat).to(device);
    torch::NoGradGuard noGrad;
    const auto format = channelsLast ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
    for (auto &p : network->parameters())
        if (p.dim() == 4)
            p.set_data(p.contiguous(format));
}

std::unique_ptr<torch::optim::SGD> makeSgd(
    Network &network, double learningRate, double momentum, double weightDecay, bool decayNormAndBias)
{
    const auto options = [&](double decay) {
        return torch::optim::SGDOptions(learningRate).momentum(momentum).nesterov(true).weight_decay(decay);
    };
    std::vector<torch::Tensor> decayed, plain;
    // Matrices and kernels (dim > 1) are weights; vectors are BatchNorm scales/shifts and biases.
    for (auto &p : network.parameters())
        (p.dim() > 1 || decayNormAndBias ? decayed : plain).push_back(p);
    std::vector<torch::optim::OptimizerParamGroup> groups;
    groups.emplace_back(decayed, std::make_unique<torch::optim::SGDOptions>(options(weightDecay)));
    if (!plain.empty())
        groups.emplace_back(plain, std::make_unique<torch::optim::SGDOptions>(options(0.0)));
    return std::make_unique<torch::optim::SGD>(std::move(groups), options(weightDecay));
}

void setLearningRate(torch::optim::Optimizer &optimizer, double learningRate)
{
    for (auto &group : optimizer.param_groups())
        group.options().set_lr(learningRate);
}

void writeModule(torch::serialize::OutputArchive &archive, const std::string &prefix, torch::nn::Module &module)
{
    for (const auto &p : module.named_parameters())
        archive.write(prefix + p.key(), p.value());
    for (const auto &b : module.named_buffers())
        archive.write(prefix + b.key(), b.value(), /*is_buffer=*/true);
}

void readModule(torch::serialize::InputArchive &archive, const std::string &prefix, torch::nn::Module &module)
{
    torch::NoGradGuard noGrad;
    const auto load = [&](const std::string &key, torch::Tensor &target) {
        torch::Tensor stored;
        archive.read(prefix + key, stored);
        if (stored.sizes() != target.sizes())
            throw Error(QCoreApplication::translate("Training", "The saved tensor %1 does not fit this network.")
                            .arg(QString::fromStdString(prefix + key)));
        target.copy_(stored);
    };
    for (auto &p : module.named_parameters())
        load(p.key(), p.value());
    for (auto &b : module.named_buffers())
        load(b.key(), b.value());
}

void copyModule(torch::nn::Module &from, torch::nn::Module &to)
{
    torch::NoGradGuard noGrad;
    auto source = from.parameters();
    auto target = to.parameters();
    for (std::size_t i = 0; i < source.size(); ++i)
        target[i].copy_(source[i]);
    auto sourceBuffers = from.buffers();
    auto targetBuffers = to.buffers();
    for (std::size_t i = 0; i < sourceBuffers.size(); ++i)
        targetBuffers[i].copy_(sourceBuffers[i]);
}

QByteArray archiveBytes(torch::serialize::OutputArchive &archive)
{
    std::ostringstream stream;
    archive.save_to(stream);
    const std::string bytes = stream.str();
    return QByteArray(bytes.data(), qsizetype(bytes.size()));
}

void saveArchive(torch::serialize::OutputArchive &archive, const QString &path)
{
    const QByteArray bytes = archiveBytes(archive);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw Error(QCoreApplication::translate("Training", "Cannot write %1: %2").arg(path, file.errorString()));
}

void loadArchiveBytes(
    torch::serialize::InputArchive &archive, const QByteArray &bytes, torch::Device device, const QString &what)
{
    std::istringstream stream(std::string(bytes.constData(), std::size_t(bytes.size())));
    try {
        archive.load_from(stream, device);
    } catch (const c10::Error &) {
        throw Error(QCoreApplication::translate(
            "Training", "%1 is not a file saved by SemiPrune's training engine, or it is damaged.")
                        .arg(what));
    }
}

void loadArchive(torch::serialize::InputArchive &archive, const QString &path, torch::Device device)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QCoreApplication::translate("Training", "Cannot read %1: %2").arg(path, file.errorString()));
    loadArchiveBytes(archive, file.readAll(), device, path);
}

std::int64_t readInt(torch::serialize::InputArchive &archive, const std::string &key)
{
    c10::IValue value;
    archive.read(key, value);
    return value.toInt();
}

double readDouble(torch::serialize::InputArchive &archive, const std::string &key)
{
    c10::IValue value;
    archive.read(key, value);
    return value.toDouble();
}

Model::Model() = default;
Model::~Model() = default;
Model::Model(const Model &) = default;
Model &Model::operator=(const Model &) = default;
Model::Model(std::shared_ptr<Impl> impl) : m_impl(std::move(impl)) { }

Model Model::create(ModelKind kind, int channels, int width, int height, int classes, std::uint64_t seed,
    DeviceChoice device, const std::vector<double> &mean, double stddev)
{
    if (channels != 1 && channels != 3)
        throw Error(
            QCoreApplication::translate("Training", "A network needs gray (1) or colour (3) input channels, not %1.")
                .arg(channels));
    if (width < 8 || height < 8)
        throw Error(QCoreApplication::translate(
            "Training", "Images of %1x%2 pixels are too small for the networks: use at least 8x8.")
                        .arg(width)
                        .arg(height));
    if (classes < 2)
        throw Error(
            QCoreApplication::translate("Training", "Training needs at least two classes (got %1).").arg(classes));
    auto impl = std::make_shared<Impl>();
    impl->kind = resolveModelKind(kind, width, height);
    impl->channels = channels;
    impl->width = width;
    impl->height = height;
    impl->classes = classes;
    impl->mean = mean;
    impl->stddev = stddev;
    impl->device = resolveDevice(device);
    impl->network = createNetwork(impl->kind, channels, classes, width, height, seed);
    impl->place();
    return Model(std::move(impl));
}

Model Model::clone() const
{
    if (!m_impl)
        return {};
    auto impl = std::make_shared<Impl>(*m_impl);
    impl->network = createNetwork(m_impl->kind, m_impl->channels, m_impl->classes, m_impl->width, m_impl->height, 0);
    impl->place();
    copyModule(*m_impl->network, *impl->network);
    impl->network->train(m_impl->network->is_training());
    return Model(std::move(impl));
}

void Model::save(const QString &path) const
{
    const QByteArray bytes = toBytes();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw Error(QCoreApplication::translate("Training", "Cannot write %1: %2").arg(path, file.errorString()));
}

QByteArray Model::toBytes() const
{
    torch::serialize::OutputArchive archive;
    archive.write("format", c10::IValue(ModelFormat));
    archive.write("kind", c10::IValue(std::int64_t(m_impl->kind)));
    archive.write("channels", c10::IValue(std::int64_t(m_impl->channels)));
    archive.write("width", c10::IValue(std::int64_t(m_impl->width)));
    archive.write("height", c10::IValue(std::int64_t(m_impl->height)));
    archive.write("classes", c10::IValue(std::int64_t(m_impl->classes)));
    archive.write("stddev", c10::IValue(m_impl->stddev));
    archive.write("mean", torch::tensor(m_impl->mean, torch::kDouble));
    writeModule(archive, "net.", *m_impl->network);
    return archiveBytes(archive);
}

Model Model::load(const QString &path, DeviceChoice device)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QCoreApplication::translate("Training", "Cannot read %1: %2").arg(path, file.errorString()));
    return fromArchiveBytes(file.readAll(), device, path);
}

Model Model::fromBytes(const QByteArray &bytes, DeviceChoice device)
{
    return fromArchiveBytes(bytes, device, QCoreApplication::translate("Training", "The stored model"));
}

Model Model::fromArchiveBytes(const QByteArray &bytes, DeviceChoice device, const QString &what)
{
    torch::serialize::InputArchive archive;
    loadArchiveBytes(archive, bytes, torch::kCPU, what);
    try {
        if (readInt(archive, "format") != ModelFormat)
            throw Error(QCoreApplication::translate(
                "Training", "%1 was saved by another version of SemiPrune and cannot be read.")
                            .arg(what));
        torch::Tensor mean;
        archive.read("mean", mean);
        std::vector<double> means(mean.data_ptr<double>(), mean.data_ptr<double>() + mean.numel());
        Model model = create(ModelKind(readInt(archive, "kind")), int(readInt(archive, "channels")),
            int(readInt(archive, "width")), int(readInt(archive, "height")), int(readInt(archive, "classes")), 0,
            device, means, readDouble(archive, "stddev"));
        readModule(archive, "net.", *model.m_impl->network);
        return model;
    } catch (const c10::Error &) {
        throw Error(QCoreApplication::translate("Training", "%1 is not a model saved by SemiPrune, or it is damaged.")
                        .arg(what));
    }
}

double Model::forwardFlopsPerImage() const
{
    return m_impl->network->forwardFlops(m_impl->channels, m_impl->width, m_impl->height, m_impl->classes);
}

ModelKind Model::kind() const
{
    return m_impl->kind;
}
int Model::channels() const
{
    return m_impl->channels;
}
int Model::width() const
{
    return m_impl->width;
}
int Model::height() const
{
    return m_impl->height;
}
int Model::classCount() const
{
    return m_impl->classes;
}
QString Model::deviceName() const
{
    return QString::fromStdString(m_impl->device.str());
}
bool Model::channelsLast() const
{
    return m_impl->channelsLast;
}

Precision Model::precision() const
{
    return m_impl->precision;
}

void Model::setPrecision(Precision precision)
{
    if (precision == Precision::Auto)
        throw Error(QCoreApplication::translate("Training", "A model runs in a resolved precision, not \"auto\"."));
    m_impl->precision = precision;
}

void Model::setChannelsLast(bool on)
{
    m_impl->channelsLast = on;
    m_impl->place();
}

std::int64_t Model::parameterCount() const
{
    std::int64_t total = 0;
    for (const auto &p : m_impl->network->parameters())
        total += p.numel();
    return total;
}

namespace {

void requireBankFits(const ImageBank &bank, const Model::Impl &impl)
{
    if (bank.width() != impl.width || bank.height() != impl.height || bank.channels() != impl.channels)
        throw Error(QCoreApplication::translate(
            "Training", "The images (%1x%2, %3 channels) do not match the network (%4x%5, %6 channels).")
                        .arg(bank.width())
                        .arg(bank.height())
                        .arg(bank.channels())
                        .arg(impl.width)
                        .arg(impl.height)
                        .arg(impl.channels));
}

} // namespace

FeatureMatrix Model::embed(const ImageBank &bank, int batchSize) const
{
    Impl &impl = *m_impl;
    requireBankFits(bank, impl);
    EngineRuntime::ensurePrepared();
    torch::NoGradGuard noGrad; // thread-local: made on the thread that embeds
    const bool wasTraining = impl.network->is_training();
    impl.network->eval();
    FeatureMatrix matrix;
    const int n = bank.count();
    batchSize = std::max(1, batchSize);
    for (int start = 0; start < n; start += batchSize) {
        const int count = std::min(batchSize, n - start);
        const torch::Tensor f = impl.features(impl.input(bank.image(start), count)).to(torch::kCPU).contiguous();
        if (matrix.dimension == 0) {
            matrix.dimension = int(f.size(1));
            matrix.values.reserve(std::size_t(n) * std::size_t(matrix.dimension));
        }
        matrix.values.insert(matrix.values.end(), f.data_ptr<float>(), f.data_ptr<float>() + f.numel());
    }
    impl.network->train(wasTraining);
    return matrix;
}

Predictions Model::predict(const ImageBank &bank, int batchSize) const
{
    return predict(bank, batchSize, 0, bank.count());
}

Predictions Model::predict(const ImageBank &bank, int batchSize, int first, int count) const
{
    Impl &impl = *m_impl;
    requireBankFits(bank, impl);
    EngineRuntime::ensurePrepared();
    // The guard is thread-local: made here, on the thread that predicts.
    torch::NoGradGuard noGrad;
    const bool wasTraining = impl.network->is_training();
    impl.network->eval();
    const int n = std::max(0, std::min(count, bank.count() - first));
    const int classes = impl.classes;
    std::vector<float> probabilities(std::size_t(n) * std::size_t(classes));
    batchSize = std::max(1, batchSize);
    for (int start = 0; start < n; start += batchSize) {
        const int size = std::min(batchSize, n - start);
        // The bank is already N x H x W x C: a batch is a view of it, no copy.
        const torch::Tensor logits = impl.logits(impl.input(bank.image(first + start), size));
        const torch::Tensor p = torch::softmax(logits, 1).to(torch::kCPU).contiguous();
        std::copy(p.data_ptr<float>(), p.data_ptr<float>() + std::int64_t(size) * classes,
            probabilities.begin() + std::ptrdiff_t(start) * classes);
    }
    impl.network->train(wasTraining);
    return Predictions(std::move(probabilities), classes);
}

double Model::evaluate(const ImageBank &bank, const std::vector<int> &labels, int batchSize) const
{
    if (int(labels.size()) != bank.count())
        throw Error(
            QCoreApplication::translate("Training", "Evaluation needs one label per image: %1 labels for %2 images.")
                .arg(labels.size())
                .arg(bank.count()));
    return predict(bank, batchSize).accuracy(labels);
}

} // namespace semiprune

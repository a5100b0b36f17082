// Throughput of the training engine on 28x28 gray images with the default small network: supervised
// (proxy) training, a FixMatch step (B = 64, mu = 7) and inference, in images per second, medians
// over repeats. Not a test: built with SEMIPRUNE_BUILD_BENCHMARKS, never run by ctest.
//
//   bench_engine [--threads N] [--repeats N] [--mode all|supervised|fixmatch|inference|quality]
//                [--inference-batch N] [--no-keep-heap] [--no-channels-last] [--worker-thread] [--synthetic]
//                [--pool N] [--steps N (quality)] [--precision float32|bfloat16|both] [--model small-cnn|resnet-18]
//                [--labels-per-class N] [--threshold-mode fixed|flexmatch] [--no-flexmatch-warmup]
//                [--align-distribution] (quality) [--batch-divisor D]
//
// Data-parallel: started as the ranks of a group (the torchrun variables WORLD_SIZE, RANK, MASTER_ADDR,
// MASTER_PORT and SEMIPRUNE_TOKEN, as for the semiprune tool), rank 0 measures the supervised and
// FixMatch modes with the other ranks training their shares of each batch; it prints, the others
// follow. --batch-divisor D divides both batches by D: one rank's share of the work, alone, which is
// what a group of D ranks would take without communication.
//
// --precision both (the default where the processor has native bfloat16) measures every mode in
// float32 and then in bfloat16 in the same run, and prints the ratio. Each mode's speed is also
// given as a share of the matrix-product peak measured at the start (for the small network, whose
// operations per image are counted from its layers).
//
// Uses Fashion-MNIST from /usr/share/datasets/fashion-mnist when present (read here with a tiny gz
// IDX reader), else synthetic images.

#include "common/random.h"
#include "distributed/distributedgroup.h"
#include "distributed/launchenvironment.h"
#include "learning/engineruntime.h"
#include "learning/fixmatchtrainer.h"
#include "learning/imagebank.h"
#include "learning/model.h"
#include "learning/precision.h"
#include "learning/supervisedtrainer.h"
#include "learning/trainingfollower.h"

#include <QFile>

#include <zlib.h>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <thread>
#include <vector>

using namespace semiprune;

namespace {

struct Options {
    int threads = 2;
    int repeats = 5;
    std::string mode = "all";
    bool keepHeap = true;
    bool channelsLast = true;
    bool workerThread = false;
    bool synthetic = false;
    int inferenceBatch = 512;
    int steps = 1000;
    int pool = 8192;
    std::vector<Precision> precisions;
    ModelKind model = ModelKind::SmallCnn;
    int labelsPerClass = 100;
    ThresholdMode thresholdMode = ThresholdMode::Fixed;
    bool alignDistribution = false;
    bool flexMatchWarmup = true;
    int batchDivisor = 1;
    std::shared_ptr<DistributedGroup> group; // rank 0 of a data-parallel group, or none
};

const char *shortName(Precision p)
{
    return p == Precision::BFloat16 ? "bf16" : "f32";
}

std::vector<std::uint8_t> readGz(const char *path)
{
    std::vector<std::uint8_t> bytes;
    gzFile file = gzopen(path, "rb");
    if (!file)
        return bytes;
    std::uint8_t buffer[1 << 16];
    int n = 0;
    while ((n = gzread(file, buffer, sizeof buffer)) > 0)
        bytes.insert(bytes.end(), buffer, buffer + n);
    gzclose(file);
    return bytes;
}

// The first `count` images and labels of Fashion-MNIST's training set, or synthetic ones.
void loadData(int count, bool synthetic, ImageBank &bank, std::vector<int> &labels)
{
    const std::vector<std::uint8_t> images = synthetic
        ? std::vector<std::uint8_t>()
        : readGz("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz");
    const std::vector<std::uint8_t> tags = synthetic
        ? std::vector<std::uint8_t>()
        : readGz("/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz");
    const bool real = images.size() >= 16 + std::size_t(count) * 784 && tags.size() >= 8 + std::size_t(count);
    std::printf("data: %s, %d images 28x28\n", real ? "Fashion-MNIST" : "synthetic", count);
    TrainingRng rng(1);
    std::vector<std::uint8_t> pixels(784);
    for (int i = 0; i < count; ++i) {
        if (real) {
            bank.addRaw(images.data() + 16 + std::size_t(i) * 784);
            labels.push_back(tags[8 + std::size_t(i)]);
        } else {
            const int cls = int(rng.below(10));
            for (int p = 0; p < 784; ++p)
                pixels[std::size_t(p)] = std::uint8_t(std::min(
                    255.0, std::max(0.0, 60 + 18 * cls * ((p / 28 + p % 28) % (cls + 2) == 0) + 20 * rng.normal())));
            bank.addRaw(pixels.data());
            labels.push_back(cls);
        }
    }
}

// The same images mirrored left to right (a test-time view for classes a flip keeps).
ImageBank flippedCopy(const ImageBank &bank)
{
    ImageBank out(bank.width(), bank.height(), bank.channels());
    const int w = bank.width(), c = bank.channels();
    std::vector<std::uint8_t> pixels(std::size_t(bank.imageBytes()));
    for (int i = 0; i < bank.count(); ++i) {
        const std::uint8_t *in = bank.image(i);
        for (int y = 0; y < bank.height(); ++y)
            for (int x = 0; x < w; ++x)
                for (int k = 0; k < c; ++k)
                    pixels[std::size_t((y * w + x) * c + k)] = in[(y * w + (w - 1 - x)) * c + k];
        out.addRaw(pixels.data());
    }
    return out;
}

Predictions averaged(const std::vector<const Predictions *> &parts)
{
    std::vector<float> sum(parts.front()->probabilities().size(), 0.0f);
    for (const Predictions *p : parts)
        for (std::size_t i = 0; i < sum.size(); ++i)
            sum[i] += p->probabilities()[i] / float(parts.size());
    return Predictions(std::move(sum), parts.front()->classCount());
}

// Probabilities reweighted until their mean matches `prior` (Saerens et al.'s EM for a shifted
// class prior, a few rounds).
Predictions aligned(const Predictions &p, const std::vector<double> &prior)
{
    const int n = p.count(), k = p.classCount();
    std::vector<float> q = p.probabilities();
    std::vector<double> weight(std::size_t(k), 1.0);
    for (int round = 0; round < 10; ++round) {
        std::vector<double> mean(std::size_t(k), 0.0);
        for (int i = 0; i < n; ++i)
            for (int c = 0; c < k; ++c)
                mean[std::size_t(c)] += q[std::size_t(i * k + c)] / double(n);
        for (int c = 0; c < k; ++c)
            weight[std::size_t(c)] *= prior[std::size_t(c)] / std::max(1e-12, mean[std::size_t(c)]);
        for (int i = 0; i < n; ++i) {
            double total = 0;
            for (int c = 0; c < k; ++c)
                total += p.probabilities()[std::size_t(i * k + c)] * weight[std::size_t(c)];
            for (int c = 0; c < k; ++c)
                q[std::size_t(i * k + c)]
                    = float(p.probabilities()[std::size_t(i * k + c)] * weight[std::size_t(c)] / total);
        }
    }
    return Predictions(std::move(q), k);
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

struct Usage {
    double user = 0, sys = 0;
    long minorFaults = 0;
    static Usage now()
    {
        rusage u {};
        getrusage(RUSAGE_SELF, &u);
        return { u.ru_utime.tv_sec + u.ru_utime.tv_usec * 1e-6, u.ru_stime.tv_sec + u.ru_stime.tv_usec * 1e-6,
            u.ru_minflt };
    }
};

double cpuSeconds()
{
    timespec t {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

// Wall-clock rates, and the same work per CPU-second of the process divided by the thread count: the
// second figure is what the rate would be on idle cores, and stays meaningful on a shared machine
// where other builds take CPU time from the benchmark.
struct Samples {
    std::vector<double> wallRates;
    std::vector<double> cpuRates;
    double lastCpu = cpuSeconds();
    void add(double images, double wallSeconds, int threads)
    {
        const double cpu = cpuSeconds();
        wallRates.push_back(images / wallSeconds);
        cpuRates.push_back(images / ((cpu - lastCpu) / threads));
        lastCpu = cpu;
    }
    void restart() { lastCpu = cpuSeconds(); }
};

// Returns the median wall rate.
double report(const std::string &what, const Samples &samples, const Usage &before, double wall, double waitShare)
{
    const Usage after = Usage::now();
    const std::vector<double> &rates = samples.wallRates;
    std::printf("%-16s median %6.0f images/s wall (min %.0f, max %.0f, n=%zu), %6.0f per CPU-second/thread;  "
                "wall %.1f s  user %.1f s  sys %.1f s  minor faults %ld  data wait %.2f %%\n",
        what.c_str(), median(rates), *std::min_element(rates.begin(), rates.end()),
        *std::max_element(rates.begin(), rates.end()), rates.size(), median(samples.cpuRates), wall,
        after.user - before.user, after.sys - before.sys, after.minorFaults - before.minorFaults, 100.0 * waitShare);
    std::fflush(stdout);
    return median(rates);
}

std::string label(const char *mode, Precision p)
{
    return std::string(mode) + " " + shortName(p);
}

double benchSupervised(const Options &o, Precision precision, const ImageBank &bank, const std::vector<int> &labels)
{
    SupervisedConfig c;
    c.precision = precision;
    c.model = o.model;
    c.epochs = o.repeats + 1; // the first epoch is warm-up
    c.threads = o.threads;
    c.device = DeviceChoice::Cpu;
    c.channelsLast = o.channelsLast;
    c.batchSize /= o.batchDivisor;
    SupervisedTrainer trainer(bank, {}, labels, 10, c);
    trainer.setDistributedGroup(o.group);
    Samples samples;
    double epochWall = 0, wait = 0;
    const int perEpoch = (bank.count() + c.batchSize - 1) / c.batchSize;
    trainer.setMetricsCallback([&](const SupervisedMetrics &m) {
        epochWall += m.stepSeconds;
        wait = m.dataWaitShare;
        if (m.step % perEpoch == 0) {
            if (m.step == perEpoch) // the first epoch is warm-up
                samples.restart();
            else
                samples.add(bank.count(), epochWall, o.threads);
            epochWall = 0;
        }
    });
    const Usage before = Usage::now();
    const auto start = std::chrono::steady_clock::now();
    trainer.run();
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report(label("supervised", precision), samples, before, wall, wait);
}

double benchFixMatch(const Options &o, Precision precision, const ImageBank &bank, const std::vector<int> &labels)
{
    FixMatchConfig c;
    c.precision = precision;
    c.model = o.model;
    c.steps = 3 * o.repeats + 2; // the first two steps are warm-up
    c.threads = o.threads;
    c.device = DeviceChoice::Cpu;
    c.channelsLast = o.channelsLast;
    c.evaluateEvery = 0;
    c.batchSize /= o.batchDivisor;
    std::vector<int> seed(1000), seedLabels(1000);
    for (int i = 0; i < 1000; ++i) {
        seed[std::size_t(i)] = i;
        seedLabels[std::size_t(i)] = labels[std::size_t(i)];
    }
    FixMatchTrainer trainer(bank, seed, seedLabels, 10, c);
    trainer.setDistributedGroup(o.group);
    Samples samples;
    double wait = 0;
    trainer.setMetricsCallback([&](const FixMatchMetrics &m) {
        if (m.step <= 2)
            samples.restart();
        else
            samples.add(c.batchSize * (1 + 2 * c.mu), m.stepSeconds, o.threads);
        wait = m.dataWaitShare;
    });
    const Usage before = Usage::now();
    const auto start = std::chrono::steady_clock::now();
    trainer.run();
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report(label("fixmatch", precision), samples, before, wall, wait);
}

// Not a speed figure: a sanity check of learning quality against method.md's reference run (20k pool,
// 100 labels per class, B = 32, mu = 3; the reference reached 84.5 % pseudo-label accuracy after
// 3,693 steps). Prints the pseudo-label accuracy on the pool as training goes, with the share of
// unlabeled images that pass the threshold and the thresholds' mean.
void benchQuality(const Options &o, Precision precision, const ImageBank &bank, const std::vector<int> &labels)
{
    FixMatchConfig c;
    c.precision = precision;
    c.model = o.model;
    c.batchSize = 32;
    c.mu = 3;
    c.steps = o.steps;
    c.threads = o.threads;
    c.channelsLast = o.channelsLast;
    c.evaluateEvery = std::max(1, o.steps / 8);
    c.thresholdMode = o.thresholdMode;
    c.alignDistribution = o.alignDistribution;
    c.flexMatchWarmup = o.flexMatchWarmup;
    std::vector<int> order(std::size_t(bank.count()));
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    TrainingRng rng(7);
    rng.shuffle(order.begin(), order.end());
    std::vector<int> seed, seedLabels, perClass(10, 0);
    for (int i : order)
        if (perClass[std::size_t(labels[std::size_t(i)])]++ < o.labelsPerClass) {
            seed.push_back(i);
            seedLabels.push_back(labels[std::size_t(i)]);
        }
    FixMatchTrainer trainer(bank, seed, seedLabels, 10, c);
    trainer.setReferenceLabels(labels);
    double rate = 0, mask = 0, threshold = 0;
    trainer.setMetricsCallback([&](const FixMatchMetrics &m) {
        rate = m.imagesPerSecond;
        mask = m.maskRate;
        threshold = m.meanThreshold;
    });
    trainer.setAccuracyCallback([&](int step, double accuracy) {
        std::printf("quality %-4s step %5d  pseudo-label accuracy %.1f %%  mask %.2f  mean threshold %.3f  "
                    "%.0f images/s\n",
            shortName(precision), step, 100.0 * accuracy, mask, threshold, rate);
        std::fflush(stdout);
    });
    trainer.run();
    // Ways of labeling with the trained models, measured on the images without a seed label.
    std::vector<int> reference = labels;
    for (int i : seed)
        reference[std::size_t(i)] = -1;
    const ImageBank flipped = flippedCopy(bank);
    const Predictions ema = trainer.predict(bank);
    const Predictions live = trainer.liveModel().predict(bank);
    const Predictions emaFlip = trainer.emaModel().predict(flipped);
    const Predictions liveFlip = trainer.liveModel().predict(flipped);
    const std::vector<double> prior(10, 0.1); // the seed's class shares (balanced)
    const auto show = [&](const char *what, const Predictions &p) {
        std::printf("quality %-4s %-34s %.2f %%   aligned to the seed's prior %.2f %%\n", shortName(precision), what,
            100.0 * p.accuracy(reference), 100.0 * aligned(p, prior).accuracy(reference));
    };
    show("EMA", ema);
    show("live", live);
    show("EMA + live", averaged({ &ema, &live }));
    show("EMA, with the flipped view", averaged({ &ema, &emaFlip }));
    show("EMA + live, with the flipped views", averaged({ &ema, &live, &emaFlip, &liveFlip }));
}

double benchInference(const Options &o, Precision precision, const ImageBank &bank)
{
    EngineRuntime::prepare(o.threads, o.keepHeap);
    std::vector<double> mean;
    double stddev = 1.0;
    bank.statistics(mean, stddev);
    Model model = Model::create(o.model, 1, 28, 28, 10, 1, DeviceChoice::Cpu, mean, stddev);
    model.setChannelsLast(o.channelsLast);
    model.setPrecision(precision);
    model.predict(bank, o.inferenceBatch); // warm-up
    Samples samples;
    const Usage before = Usage::now();
    const auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < o.repeats; ++r) {
        const auto t = std::chrono::steady_clock::now();
        model.predict(bank, o.inferenceBatch);
        samples.add(
            bank.count(), std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count(), o.threads);
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report(label("inference", precision), samples, before, wall, 0.0);
}

} // namespace

int main(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--threads" && i + 1 < argc)
            o.threads = std::atoi(argv[++i]);
        else if (a == "--repeats" && i + 1 < argc)
            o.repeats = std::max(1, std::atoi(argv[++i]));
        else if (a == "--mode" && i + 1 < argc)
            o.mode = argv[++i];
        else if (a == "--inference-batch" && i + 1 < argc)
            o.inferenceBatch = std::max(1, std::atoi(argv[++i]));
        else if (a == "--steps" && i + 1 < argc)
            o.steps = std::max(1, std::atoi(argv[++i]));
        else if (a == "--pool" && i + 1 < argc)
            o.pool = std::max(1000, std::atoi(argv[++i]));
        else if (a == "--labels-per-class" && i + 1 < argc)
            o.labelsPerClass = std::max(1, std::atoi(argv[++i]));
        else if (a == "--threshold-mode" && i + 1 < argc)
            o.thresholdMode = thresholdModeFromName(QString::fromStdString(argv[++i]));
        else if (a == "--no-flexmatch-warmup")
            o.flexMatchWarmup = false;
        else if (a == "--align-distribution")
            o.alignDistribution = true;
        else if (a == "--batch-divisor" && i + 1 < argc)
            o.batchDivisor = std::max(1, std::atoi(argv[++i]));
        else if (a == "--no-keep-heap")
            o.keepHeap = false;
        else if (a == "--no-channels-last")
            o.channelsLast = false;
        else if (a == "--worker-thread")
            o.workerThread = true;
        else if (a == "--synthetic")
            o.synthetic = true;
        else if (a == "--precision" && i + 1 < argc) {
            const std::string p = argv[++i];
            if (p == "both")
                o.precisions = { Precision::Float32, Precision::BFloat16 };
            else
                o.precisions = { precisionFromName(QString::fromStdString(p)) };
        } else if (a == "--model" && i + 1 < argc)
            o.model = modelKindFromName(QString::fromStdString(argv[++i]));
        else {
            std::fprintf(stderr, "unknown argument %s\n", a.c_str());
            return 2;
        }
    }
    if (o.precisions.empty()) {
        o.precisions = { Precision::Float32 };
        if (detectPrecisionSupport().cpuBFloat16)
            o.precisions.push_back(Precision::BFloat16);
    }
    // Before any thread starts, as an application would (see EngineRuntime).
    EngineRuntime::prepare(o.threads, o.keepHeap);
    std::printf("threads %d, keep heap %s, channels-last %s, %s thread\n", o.threads, o.keepHeap ? "yes" : "no",
        o.channelsLast ? "yes" : "no", o.workerThread ? "worker" : "main");

    if (const auto environment = LaunchEnvironment::fromProcess(); environment && environment->worldSize > 1)
        o.group = DistributedGroup::join(*environment, QStringLiteral("bench_engine"));

    const auto body = [&] {
        ImageBank bank(28, 28, 1);
        std::vector<int> labels;
        loadData(o.pool, o.synthetic, bank, labels);
        if (o.group && !o.group->isLeader()) {
            followLeader(o.group, [&]() -> const ImageBank & { return bank; });
            return;
        }
        // How close each mode comes to what the processor can compute: the network's operations
        // per image (training about 3x the forward pass: the backward pass computes gradients for
        // the inputs and for the weights; FixMatch trains on every image of its batch) against the
        // speed of a plain matrix product in the same precision.
        const double forwardFlops
            = Model::create(o.model, 1, 28, 28, 10, 1, DeviceChoice::Cpu, { 0.0 }, 1.0).forwardFlopsPerImage();
        const double float32Peak = EngineRuntime::matrixPeakGflops(Precision::Float32);
        std::printf("matrix product f32  %6.0f GFLOP/s (1024 x 1024, median of 9)\n", float32Peak);
        std::vector<double> peaks;
        for (Precision p : o.precisions) {
            peaks.push_back(p == Precision::Float32 ? float32Peak : EngineRuntime::matrixPeakGflops(p));
            if (p != Precision::Float32)
                std::printf(
                    "matrix product %-4s %6.0f GFLOP/s (1024 x 1024, median of 9)\n", shortName(p), peaks.back());
        }
        if (forwardFlops > 0)
            std::printf("network: %.1f MFLOP per image forward, about %.1f to train\n", forwardFlops / 1e6,
                3 * forwardFlops / 1e6);
        // Each mode in every precision before the next mode: the ratio compares runs minutes apart,
        // not a whole benchmark apart, on a machine whose load may change.
        const auto measure = [&](const char *mode, double passes, const auto &one) {
            std::vector<double> rates;
            for (std::size_t i = 0; i < o.precisions.size(); ++i) {
                rates.push_back(one(o.precisions[i]));
                if (forwardFlops > 0) {
                    const double gflops = rates.back() * passes * forwardFlops / 1e9;
                    std::printf("%-16s %.0f GFLOP/s: %.0f %% of the %s matrix peak",
                        label(mode, o.precisions[i]).c_str(), gflops, 100 * gflops / peaks[i],
                        shortName(o.precisions[i]));
                    if (o.precisions[i] != Precision::Float32)
                        std::printf(", %.0f %% of the float32 one", 100 * gflops / float32Peak);
                    std::printf("\n");
                }
            }
            if (rates.size() == 2 && rates[0] > 0)
                std::printf("%-16s bfloat16 / float32 = %.2fx\n", mode, rates[1] / rates[0]);
        };
        if (o.mode == "all" || o.mode == "supervised")
            measure("supervised", 3, [&](Precision p) { return benchSupervised(o, p, bank, labels); });
        if (o.mode == "all" || o.mode == "fixmatch")
            measure("fixmatch", 3, [&](Precision p) { return benchFixMatch(o, p, bank, labels); });
        if (o.mode == "all" || o.mode == "inference")
            measure("inference", 1, [&](Precision p) { return benchInference(o, p, bank); });
        if (o.mode == "quality") // not part of "all": minutes, not seconds
            for (Precision p : o.precisions)
                benchQuality(o, p, bank, labels);
        if (o.group)
            releaseFollowers(*o.group);
    };
    if (o.workerThread) {
        std::thread worker(body);
        worker.join();
    } else {
        body();
    }
    return 0;
}

#include "learning/engineruntime.h"

#include "common/error.h"

// Deliberately not <torch/torch.h>: these two headers are all this file needs and compile fast.
#include <ATen/Parallel.h>
#include <QCoreApplication>
#include <torch/cuda.h>
#include <torch/torch.h>

#include <malloc.h>
#include <sched.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace semiprune {

namespace {

void keepHeap()
{
    // Never serve big blocks with mmap (which munmap returns on free), never trim the heap top, and
    // grow it in large steps: the buffers of one training step are then reused by the next one
    // without page faults. One arena, so that worker threads use the main arena too: a thread's own
    // arena cannot hold blocks above 64 MB and would fall back to mmap for them.
    mallopt(M_ARENA_MAX, 1);
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    mallopt(M_TOP_PAD, 64 << 20);
}

std::atomic<bool> prepared { false };

} // namespace

void EngineRuntime::prepare(int threads, bool keep)
{
    prepared = true;
    static std::once_flag heapOnce;
    // The first call decides, so an application (or a benchmark) can opt out before any trainer runs.
    std::call_once(heapOnce, [keep] {
        if (keep)
            keepHeap();
    });
    const int wanted = threads > 0 ? threads : defaultThreads();
    if (at::get_num_threads() != wanted)
        at::set_num_threads(wanted);
}

void EngineRuntime::ensurePrepared()
{
    if (!prepared)
        prepare(0);
}

int EngineRuntime::defaultThreads()
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof(set), &set) == 0)
        return std::max(1, CPU_COUNT(&set));
    return std::max(1, int(std::thread::hardware_concurrency()));
}

int EngineRuntime::threads()
{
    return at::get_num_threads();
}

double EngineRuntime::matrixPeakGflops(Precision precision, int repeats)
{
    ensurePrepared();
    constexpr int n = 1024;
    const auto type = precision == Precision::BFloat16 ? torch::kBFloat16 : torch::kFloat32;
    torch::NoGradGuard noGrad;
    const torch::Tensor a = torch::rand({ n, n }).to(type);
    const torch::Tensor b = torch::rand({ n, n }).to(type);
    torch::Tensor c = torch::mm(a, b); // warm-up: the kernels' first call sets them up
    std::vector<double> rates;
    for (int r = 0; r < std::max(1, repeats); ++r) {
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < 4; ++i)
            c = torch::mm(a, b);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        rates.push_back(4 * 2.0 * n * n * n / seconds / 1e9);
    }
    std::sort(rates.begin(), rates.end());
    return rates[rates.size() / 2];
}

bool EngineRuntime::cudaAvailable()
{
    return torch::cuda::is_available();
}

QString EngineRuntime::deviceName(DeviceChoice choice)
{
    switch (choice) {
    case DeviceChoice::Cpu:
        return QStringLiteral("cpu");
    case DeviceChoice::Cuda:
        if (!cudaAvailable())
            throw Error(QCoreApplication::translate("Training",
                "Training on CUDA was asked for, but no CUDA device is available "
                "(or this build of LibTorch has no CUDA support). Choose the CPU "
                "or Auto."));
        return QStringLiteral("cuda:0");
    case DeviceChoice::Auto:
        break;
    }
    return cudaAvailable() ? QStringLiteral("cuda:0") : QStringLiteral("cpu");
}

} // namespace semiprune

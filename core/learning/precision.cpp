#include "learning/precision.h"

#include "common/error.h"
#include "learning/engineruntime.h"

#include <QCoreApplication>

#include <atomic>

namespace semiprune {

namespace {

// -1: ask the processor; 0 or 1: a test's stand-in.
std::atomic<int> standIn { -1 };

} // namespace

void setPrecisionSupportForTesting(std::optional<PrecisionSupport> support)
{
    standIn = support ? int(support->cpuBFloat16) : -1;
}

PrecisionSupport detectPrecisionSupport()
{
    PrecisionSupport support;
    if (const int given = standIn.load(); given >= 0) {
        support.cpuBFloat16 = given == 1;
        return support;
    }
#if defined(__x86_64__) || defined(__i386__)
    // libgcc's check includes the operating system's consent (XSAVE state for AVX-512).
    __builtin_cpu_init();
    support.cpuBFloat16 = __builtin_cpu_supports("avx512bf16");
#endif
    return support;
}

void checkPrecisionSupported(Precision wanted, bool onCuda, const PrecisionSupport &support)
{
    if (wanted == Precision::BFloat16 && !onCuda && !support.cpuBFloat16)
        throw Error(QCoreApplication::translate("Training",
            "This processor has no native bfloat16 arithmetic (AVX512-BF16): bfloat16 would run several "
            "times slower than float32 here. Choose the precision float32, or auto."));
}

Precision resolvePrecision(Precision wanted, ModelKind resolvedKind, bool onCuda, const PrecisionSupport &support)
{
    checkPrecisionSupported(wanted, onCuda, support);
    if (wanted != Precision::Auto)
        return wanted;
    // Measured on a CPU with AVX512-BF16 (tests/bench_engine.cpp --precision): both networks train
    // and infer faster in bfloat16; see docs/architecture.md for the figures.
    const bool measured = resolvedKind == ModelKind::SmallCnn || resolvedKind == ModelKind::ResNet18;
    return !onCuda && support.cpuBFloat16 && measured ? Precision::BFloat16 : Precision::Float32;
}

namespace {

bool resolvesToCuda(DeviceChoice device)
{
    return EngineRuntime::deviceName(device).startsWith(QLatin1String("cuda"));
}

} // namespace

void checkPrecisionSupported(Precision wanted, DeviceChoice device)
{
    checkPrecisionSupported(wanted, resolvesToCuda(device), detectPrecisionSupport());
}

Precision resolvePrecision(Precision wanted, ModelKind resolvedKind, DeviceChoice device)
{
    return resolvePrecision(wanted, resolvedKind, resolvesToCuda(device), detectPrecisionSupport());
}

} // namespace semiprune

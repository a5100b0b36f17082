#pragma once

#include "jobs/trainingsettings.h"

#include <optional>

namespace semiprune {

// What this machine computes natively in reduced precision. A value, so that tests can inject a
// processor with or without the capability.
struct PrecisionSupport {
    // The CPU has AVX512-BF16 instructions (oneDNN then runs bfloat16 convolutions and matrix products
    // natively; without them it emulates bfloat16, several times slower than float32).
    bool cpuBFloat16 = false;
};

// Asks the processor (cpuid), unless a test stands in for it.
PrecisionSupport detectPrecisionSupport();
// Tests stand in for a processor with or without the capability, so that what Auto picks and the
// bfloat16 path are tested on any machine; std::nullopt asks the processor again.
void setPrecisionSupportForTesting(std::optional<PrecisionSupport> support);

// Throws Error when `wanted` cannot run natively here: BFloat16 on a CPU without AVX512-BF16.
void checkPrecisionSupported(Precision wanted, bool onCuda, const PrecisionSupport &support);

// The precision one training or inference runs in: Float32 or BFloat16, never Auto.
//  - Auto: bfloat16 on a CPU with native support for the networks measured faster with it
//    (docs/architecture.md, "Precision"), float32 otherwise, and float32 on CUDA (not measured yet).
//  - BFloat16 asked for on a CPU without native support: throws Error saying so, never a silent
//    slow run. On CUDA it is taken as asked (autocast to bfloat16 on the GPU).
Precision resolvePrecision(Precision wanted, ModelKind resolvedKind, bool onCuda, const PrecisionSupport &support);

// Both on this machine: CUDA when EngineRuntime resolves `device` to it (throwing its message where
// there is none), the processor's support as detectPrecisionSupport() reports it.
void checkPrecisionSupported(Precision wanted, DeviceChoice device);
Precision resolvePrecision(Precision wanted, ModelKind resolvedKind, DeviceChoice device);

} // namespace semiprune

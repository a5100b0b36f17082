#pragma once

#include "learning/model.h"

#include <QString>

namespace semiprune {

// Process-wide settings of the training engine.
//
// Heap: PyTorch on a CPU allocates and frees the same large activation buffers every step. By
// default glibc returns them to the kernel (munmap, heap trimming) and faults the pages in again the
// next step, which cost more than the arithmetic on the 2-core machines measured (environment.md).
// prepare() therefore tells glibc once to keep its heap: no mmap for big blocks, no trimming, a large
// top pad. Memory freed by training stays with the process until it exits (the price of the speed).
// glibc can only keep blocks above 64 MB in its main arena; call prepare() early in main(), before
// other threads start, so that worker threads share that arena (M_ARENA_MAX = 1).
//
// Thread rules: prepare() may be called from any thread, any number of times; the heap settings are
// decided by the first call only (keepHeap = false there opts out for the process). The thread count is process-wide (LibTorch's intra-op pool).
class EngineRuntime final
{
public:
    // threads <= 0: all cores the process may use.
    static void prepare(int threads, bool keepHeap = true);
    static int defaultThreads();
    static int threads();
    static bool cudaAvailable();
    // "cpu" or "cuda:0"; throws semiprune::Error for Cuda where there is none.
    static QString deviceName(DeviceChoice choice);
};

} // namespace semiprune

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
// Measured with tests/bench_engine.cpp on 2 cores: FixMatch (B = 64, mu = 7) 730 -> 1,300 images/s
// (system time 9 s -> 0.5 s, 4.5 M -> 0.25 M page faults), supervised training 650-850 -> 1,300.
// glibc keeps blocks above 64 MB only in its main arena (a thread's own arena maps them singly and
// unmaps them on free), so prepare() also limits glibc to one arena: call it early in main(), before
// other threads start, and worker threads share the main arena.
//
// Thread rules: prepare() may be called from any thread, any number of times; the heap settings are
// decided by the first call only (keepHeap = false there opts out for the process). The thread count
// is process-wide (LibTorch's intra-op pool; each thread picks it up on its first parallel op).
class EngineRuntime final {
public:
    // threads <= 0: all cores the process may use.
    static void prepare(int threads, bool keepHeap = true);
    // prepare(0) unless prepare() was called before (Debian's LibTorch would otherwise use 1 thread).
    static void ensurePrepared();
    static int defaultThreads();
    static int threads();
    static bool cudaAvailable();
    // "cpu" or "cuda:0"; throws semiprune::Error for Cuda where there is none.
    static QString deviceName(DeviceChoice choice);
    // The speed of a square matrix product (1024 x 1024) on the CPU with the current thread count,
    // in GFLOP/s, the median of `repeats`: the ceiling a network's training can be held against.
    // bfloat16 multiplies bfloat16 matrices (the kernels autocast uses).
    static double matrixPeakGflops(Precision precision, int repeats = 9);
};

} // namespace semiprune

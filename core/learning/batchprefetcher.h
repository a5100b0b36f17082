#pragma once

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace semiprune {

// One prepared training batch: the pixels of `count` images, N x H x W x C uint8, and one target
// per image (a label, or -1 where there is none). `indices` names the bank images in the batch.
struct PreparedBatch {
    std::int64_t number = -1;
    int count = 0;
    std::vector<std::uint8_t> pixels;
    std::vector<std::int64_t> targets;
    std::vector<std::int64_t> indices;
};

// Prepares batches first..last-1 on one background thread while the caller trains on the previous
// one (double buffering: while batch k is in use, batch k+1 is being filled). The producer must make
// each batch a pure function of its number, so the result does not depend on thread timing and a
// resumed run sees the same batches.
//
// Thread rules: next() and waitSeconds() belong to the one consuming thread; the producer runs on
// the prefetch thread and must only read shared data. An exception in the producer is rethrown by
// next(). The destructor stops and joins the thread.
class BatchPrefetcher final {
public:
    using Producer = std::function<void(std::int64_t number, PreparedBatch &batch)>;

    BatchPrefetcher(Producer producer, std::int64_t first, std::int64_t last);
    ~BatchPrefetcher();

    BatchPrefetcher(const BatchPrefetcher &) = delete;
    BatchPrefetcher &operator=(const BatchPrefetcher &) = delete;

    // The next batch in order; it stays valid until the following call. The previous batch is handed
    // back to the producer by this call.
    const PreparedBatch &next();

    // Total time next() spent waiting for the producer.
    double waitSeconds() const { return m_waitSeconds; }

private:
    void run();

    Producer m_producer;
    std::int64_t m_next; // number the consumer takes next
    std::int64_t m_produce; // number the producer fills next
    std::int64_t m_last;
    PreparedBatch m_slots[2];
    bool m_ready[2] = { false, false };
    bool m_inUse = false; // the consumer holds slot (m_next - 1) % 2
    bool m_stop = false;
    std::exception_ptr m_error;
    double m_waitSeconds = 0.0;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::thread m_thread;
};

} // namespace semiprune

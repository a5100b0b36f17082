#include "learning/batchprefetcher.h"

#include <chrono>
#include <stdexcept>

namespace semiprune {

BatchPrefetcher::BatchPrefetcher(Producer producer, std::int64_t first, std::int64_t last)
    : m_producer(std::move(producer)), m_next(first), m_produce(first), m_last(last)
{
    m_thread = std::thread([this] { run(); });
}

BatchPrefetcher::~BatchPrefetcher()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void BatchPrefetcher::run()
{
    for (;;) {
        std::int64_t number = 0;
        int slot = 0;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            // A slot is free when it is neither filled-but-unread nor held by the consumer.
            m_changed.wait(lock, [this] {
                if (m_stop || m_error || m_produce >= m_last)
                    return true;
                const int s = int(m_produce % 2);
                const bool held = m_inUse && int((m_next - 1) % 2) == s;
                return !m_ready[s] && !held;
            });
            if (m_stop || m_error || m_produce >= m_last)
                return;
            number = m_produce;
            slot = int(number % 2);
        }
        try {
            PreparedBatch &batch = m_slots[slot];
            batch.number = number;
            m_producer(number, batch);
        } catch (...) {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_error = std::current_exception();
            m_changed.notify_all();
            return;
        }
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_ready[slot] = true;
            ++m_produce;
        }
        m_changed.notify_all();
    }
}

const PreparedBatch &BatchPrefetcher::next()
{
    const auto start = std::chrono::steady_clock::now();
    std::unique_lock<std::mutex> lock(m_mutex);
    if (m_next >= m_last)
        throw std::logic_error("BatchPrefetcher: no batch left");
    // Hand the batch in use back first, so the producer can refill its slot while we wait.
    m_inUse = false;
    m_changed.notify_all();
    const int slot = int(m_next % 2);
    m_changed.wait(lock, [&] { return m_ready[slot] || m_error; });
    if (m_error)
        std::rethrow_exception(m_error);
    m_ready[slot] = false;
    m_inUse = true;
    ++m_next;
    m_waitSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return m_slots[slot];
}

} // namespace semiprune

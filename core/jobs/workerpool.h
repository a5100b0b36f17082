#pragma once

class QThreadPool;

namespace semiprune {

// The threads core's jobs spread their work over (decoding, header reading, PNG writing).
// Deliberately not QThreadPool::globalInstance(): Qt's painting splits large fills across the
// global pool and waits for them, so a job holding every global thread would freeze the window.
QThreadPool *workerPool();

} // namespace semiprune

#pragma once

namespace semiprune {

// How a trainer's run() ended.
enum class TrainingOutcome {
    Completed, // every step / epoch done
    Cancelled, // the cancel flag was seen; the trainer can run() again (or resume from a checkpoint)
};

} // namespace semiprune

#pragma once

#include "jobs/trainingsettings.h"
#include "learning/fixmatchtrainer.h"
#include "learning/supervisedtrainer.h"

#include <cstdint>

namespace semiprune {

// The one place where the training settings become the trainers' configurations; what a setting
// does not name keeps the method's value (FixMatchConfig and SupervisedConfig hold those).

// Stage 2: FixMatch with the settings' schedule, batch, mu and threshold.
FixMatchConfig fixMatchConfigFor(const TrainingSettings &settings);
// Stage 4: the proxy run on (pseudo-)labels, recording every image's training dynamics.
SupervisedConfig proxyConfigFor(const TrainingSettings &settings);
// Stage 7: a model trained on a coreset with its true labels; no dynamics.
SupervisedConfig coresetConfigFor(const TrainingSettings &settings, int epochs, int batchSize, std::uint64_t seed);

} // namespace semiprune

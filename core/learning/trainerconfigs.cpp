#include "learning/trainerconfigs.h"

#include <algorithm>

namespace semiprune {

namespace {

// What every training takes from the settings alike.
template<typename Config> void applyCommon(Config &config, const TrainingSettings &settings)
{
    config.seed = settings.seed;
    config.threads = settings.threads;
    config.device = settings.device;
    config.model = settings.model;
    config.precision = settings.precision;
    config.allowFlip = settings.allowFlip;
}

} // namespace

FixMatchConfig fixMatchConfigFor(const TrainingSettings &settings)
{
    FixMatchConfig config;
    applyCommon(config, settings);
    config.batchSize = settings.sslBatch;
    config.mu = settings.mu;
    config.threshold = settings.threshold;
    config.thresholdMode = settings.thresholdMode;
    config.alignDistribution = settings.alignDistribution;
    config.steps = settings.sslSteps;
    // About twenty checkpoints a run: a killed run loses little, and saving stays a small cost.
    config.checkpointEvery = std::clamp(settings.sslSteps / 20, 50, 500);
    return config;
}

SupervisedConfig proxyConfigFor(const TrainingSettings &settings)
{
    SupervisedConfig config;
    applyCommon(config, settings);
    config.epochs = settings.proxyEpochs;
    config.recordDynamics = true;
    return config;
}

SupervisedConfig coresetConfigFor(const TrainingSettings &settings, int epochs, int batchSize, std::uint64_t seed)
{
    SupervisedConfig config;
    applyCommon(config, settings);
    config.epochs = epochs;
    config.batchSize = batchSize;
    config.seed = seed;
    config.recordDynamics = false;
    return config;
}

} // namespace semiprune

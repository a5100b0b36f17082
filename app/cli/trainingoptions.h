#pragma once

#include "jobs/trainingsettings.h"

#include <QCommandLineParser>
#include <QString>

#include <optional>

namespace semiprune::cli {

// The training options every command that trains shares (pipeline, ssl, pseudo-label, dynamics,
// scores, benchmark): --steps, --batch, --mu, --threshold, the proxy epochs, --threads, --device,
// --model, --precision, --image-memory, --no-flip. One list of options and one reader, so a new training setting
// is added here once. --seed is not among them: each command says what its seed means.
struct TrainingOptions {
    // The proxy epochs' option: "epochs" for the pipeline, "proxy-epochs" for the benchmark, which
    // also has final epochs.
    QString proxyEpochsName = QStringLiteral("epochs");
    TrainingSettings defaults;
    // A command with profiles shows the defaults that differ per profile as "full: 3693, quick: 600".
    std::optional<TrainingSettings> quickDefaults;

    void addTo(QCommandLineParser &parser) const;
    // `base` with every training option the command line gives; throws UsageError for a value that
    // is not a number and Error for an unknown device, model or precision.
    TrainingSettings read(const QCommandLineParser &parser, TrainingSettings base) const;
};

} // namespace semiprune::cli

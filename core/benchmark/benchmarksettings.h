#pragma once

#include "jobs/pipelinesettings.h"
#include "jobs/trainingsettings.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace semiprune {

// Every setting of benchmark mode (method.md stage 7). The defaults are the "full" profile: the
// protocol at the scale of the method page's reference run (a 20,000-image pool, b = 1000, 1,000
// validation labels, FixMatch B = 32, mu = 3 for 3,693 steps, 15 + 15 epochs, 3 seeds, rates
// 30/50/70/90 %), so its figures can be checked against the reference's; "quick" shrinks the pool,
// the schedules and the seeds so one run fits a quarter of an hour on a 2-core CPU.
struct BenchmarkSettings {
    QString profile = QStringLiteral("full");
    int poolSize = 20000; // training images the pruning works on; 0: every image left after the validation split
    int seedBudget = 1000; // b: labeled seed images per repetition, class-balanced
    int validationSize = 1000; // labeled images held out to choose beta, class-balanced
    std::vector<double> pruningRates { 0.3, 0.5, 0.7, 0.9 };
    int repetitions = 3; // seeds: repetition k trains with training.seed + k
    // The pipeline (stages 2-4) and every model's device, network and threads; training.seed is
    // the first repetition's seed.
    TrainingSettings training = fullProfileTraining();
    // Stage 7: every coreset model trains this many epochs, whatever its size.
    int finalEpochs = 15;
    // Beta candidates: the method's default for the keep ratio and `betaSpread` steps of `betaStep`
    // on either side, inside [0, 1 - r). The highest pruning rate always also tries beta = 0 (the
    // reference that shows why a cutoff is needed). The full profile searches the whole grid (a
    // spread of 10 steps reaches every multiple of 0.1 in [0, 1 - r)): the method's defaults come
    // from other data sets, and on Fashion-MNIST the best beta lies below them.
    int betaSpread = 10;
    double betaStep = 0.1;
    // Also measure the class-aware cutoff (the same rule within each class, as the app's
    // class-cutoff selector does) under pseudo-label and true-label dynamics, each with its own
    // beta search: the method page's remedy for the hard cutoff's class imbalance, measured the same
    // way. Off in both profiles: it adds about 65 minutes per seed of the full profile on a 2-core
    // CPU. It may be added when resuming, and then only its models are trained.
    bool classCutoff = false;
    // The selectors measured under pseudo-label dynamics beside random, each with its own parameter
    // chosen on the validation split: the hard cutoff (SemiPrune's own, always), CCS, DUAL-Beta and
    // the diversity selector. Like the class-aware cutoff, one may be added when resuming.
    std::vector<SelectorKind> selectors { SelectorKind::HardCutoff, SelectorKind::Ccs, SelectorKind::DualBeta,
        SelectorKind::Diverse };
    bool measures(SelectorKind kind) const;

    // The reference run's schedule: FixMatch B = 32, mu = 3 for 3,693 steps, 15 proxy epochs.
    static TrainingSettings fullProfileTraining();
    // "quick" or "full"; throws Error for another name.
    static BenchmarkSettings forProfile(const QString &name);
    // Throws Error (before any work starts) for values the protocol cannot use.
    void validate() const;
    QJsonObject toJson() const;
    static BenchmarkSettings fromJson(const QJsonObject &json);

    std::vector<double> betaCandidates(double keepRatio, bool highestRate) const;
    double highestPruningRate() const;
    // Stage 7's batch size: 128 for r >= 0.3, 64 for r = 0.2, 32 for r = 0.1.
    static int finalBatchFor(double keepRatio);
};

} // namespace semiprune

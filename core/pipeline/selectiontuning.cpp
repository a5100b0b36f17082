#include "selectiontuning.h"

#include "benchmark/benchmarksettings.h"
#include "benchmark/parametersearch.h"
#include "common/error.h"
#include "common/random.h"
#include "jobs/jobcontext.h"
#include "jobs/pipelinesettings.h"
#include "jobs/selectionjob.h"
#include "learning/engineruntime.h"
#include "learning/imagebank.h"
#include "learning/precision.h"
#include "learning/trainerconfigs.h"
#include "selection/budget.h"
#include "storage/classtable.h"
#include "storage/database.h"
#include "storage/project.h"
#include "storage/runtable.h"
#include "trainingset.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace semiprune {

double TuningCandidate::mean() const
{
    return accuracies.empty() ? 0.0
                              : std::accumulate(accuracies.begin(), accuracies.end(), 0.0) / double(accuracies.size());
}

QJsonObject TuningOutcome::toJson() const
{
    QJsonArray list;
    for (const TuningCandidate &candidate : candidates) {
        QJsonArray accuracies;
        for (double accuracy : candidate.accuracies)
            accuracies.append(accuracy);
        list.append(
            QJsonObject { { QStringLiteral("beta"), candidate.beta }, { QStringLiteral("kept"), candidate.kept },
                { QStringLiteral("accuracies"), accuracies }, { QStringLiteral("mean"), candidate.mean() } });
    }
    return QJsonObject { { QStringLiteral("candidates"), list },
        { QStringLiteral("best_beta"), best >= 0 ? candidates[size_t(best)].beta : -1.0 },
        { QStringLiteral("default_beta"), methodDefault >= 0 ? candidates[size_t(methodDefault)].beta : -1.0 },
        { QStringLiteral("chosen_beta"), chosenBeta }, { QStringLiteral("distinguishable"), distinguishable },
        { QStringLiteral("noise"), noise }, { QStringLiteral("held_out"), heldOut }, { QStringLiteral("pool"), pool },
        { QStringLiteral("summary"), summary } };
}

TuningOutcome tuneBeta(
    Project &project, const PipelineSettings &settings, RunId scoresRun, const TuningSettings &tuning, JobContext &job)
{
    settings.validate();
    if (settings.selector != SelectorKind::HardCutoff && settings.selector != SelectorKind::ClassAwareCutoff
        && settings.selector != SelectorKind::Ccs)
        throw Error(QCoreApplication::translate("SelectionTuning",
            "Tuning chooses the hard-cutoff rate beta: it works for the cutoff, the class-aware cutoff "
            "and CCS, not for %1.")
                        .arg(selectorKindName(settings.selector)));
    Database &db = project.db();
    RunTable runs(db);
    const RunId dynamicsRun = dynamicsRunOf(db, scoresRun);
    const std::vector<ImageId> images = runs.images(dynamicsRun);
    const std::vector<int> labels = runs.imageLabels(dynamicsRun);
    const std::vector<ClassId> classes = runs.classes(dynamicsRun);
    const std::vector<double> scores = scoresInOrder(db, scoresRun, settings.score, images);

    // The held-out images: of each class, a random share of the images a person labeled (the
    // proxy's label of a human-labeled image is its human label).
    const std::vector<bool> labeled = humanLabeledMask(db, images);
    std::vector<std::vector<int>> byClass(classes.size());
    for (size_t i = 0; i < images.size(); ++i) {
        if (labeled[i] && labels[i] >= 0 && size_t(labels[i]) < classes.size())
            byClass[size_t(labels[i])].push_back(int(i));
    }
    const int needed = int(std::ceil(tuning.minHeldOutPerClass / tuning.heldOutShare - 1e-9));
    std::vector<bool> heldOut(images.size(), false);
    SelectionRng rng(settings.training.seed ^ 0x74756e65 /* "tune" */);
    ClassTable classTable(db);
    for (size_t c = 0; c < classes.size(); ++c) {
        std::vector<int> &members = byClass[c];
        const int count = int(std::floor(double(members.size()) * tuning.heldOutShare + 1e-9));
        if (count < tuning.minHeldOutPerClass) {
            const auto record = classTable.find(classes[c]);
            throw Error(QCoreApplication::translate("SelectionTuning",
                "Tuning holds out %1 % of each class's human labels and needs at least %2 of them per "
                "class, so at least %3 human labels per class; \"%4\" has %5. Label more images of it "
                "(Edit > Label More Images) or tune later.")
                            .arg(qRound(tuning.heldOutShare * 100))
                            .arg(tuning.minHeldOutPerClass)
                            .arg(needed)
                            .arg(record ? record->name : QString::number(classes[c].value))
                            .arg(members.size()));
        }
        rng.partialShuffle(members, size_t(count));
        for (int k = 0; k < count; ++k)
            heldOut[size_t(members[size_t(k)])] = true;
    }

    EngineRuntime::prepare(settings.training.threads);
    checkPrecisionSupported(settings.training.precision, settings.training.device);
    const TrainingSet set = loadTrainingSet(project, job, imageMemoryBudget(settings.training));
    QHash<qint64, int> bankIndex;
    for (size_t i = 0; i < set.images.size(); ++i)
        bankIndex.insert(set.images[i].value, int(i));

    // The pool the candidates select from (every image but the held-out ones), and a bank of the
    // held-out images with their human labels, which no candidate's model ever trains on.
    ImageBank heldBank(set.bank->width(), set.bank->height(), set.bank->channels());
    std::vector<int> heldLabels;
    std::vector<int> poolBank;
    std::vector<int> poolLabels;
    std::vector<double> poolScores;
    for (size_t i = 0; i < images.size(); ++i) {
        const auto found = bankIndex.constFind(images[i].value);
        if (found == bankIndex.cend())
            continue; // unreadable since the run: not trainable, not measurable
        if (heldOut[i]) {
            heldBank.addRaw(set.bank->image(*found));
            heldLabels.push_back(labels[i]);
        } else {
            poolBank.push_back(*found);
            poolLabels.push_back(labels[i]);
            poolScores.push_back(scores[i]);
        }
    }
    heldBank.finishAdding();

    TuningOutcome outcome;
    outcome.heldOut = int(heldLabels.size());
    outcome.pool = int(poolBank.size());
    // Every beta on the 0.1 grid the keep ratio allows: [0, 1 - r).
    for (int step = 0; step * 0.1 < 1.0 - settings.keepRatio - 1e-9; ++step)
        outcome.candidates.push_back(TuningCandidate { step * 0.1, 0, {} });
    const int seeds = std::max(1, tuning.seeds);
    job.beginPhase(QCoreApplication::translate("SelectionTuning", "Tuning beta on your labels"),
        qint64(outcome.candidates.size()) * seeds);
    qint64 done = 0;
    for (TuningCandidate &candidate : outcome.candidates) {
        const Selection selection = selectByScore(settings, poolScores, poolLabels, candidate.beta);
        candidate.kept = int(selection.kept.size());
        std::vector<int> trainIndices;
        std::vector<int> trainLabels;
        for (int kept : selection.kept) {
            trainIndices.push_back(poolBank[size_t(kept)]);
            trainLabels.push_back(poolLabels[size_t(kept)]);
        }
        const bool oneClass = std::all_of(
            trainLabels.begin(), trainLabels.end(), [&](int label) { return label == trainLabels.front(); });
        for (int s = 0; s < seeds; ++s) {
            job.checkCancelled();
            if (trainLabels.empty() || oneClass) {
                // A model trained on one class answers that class: its accuracy is that class's share.
                const int only = trainLabels.empty() ? -1 : trainLabels.front();
                candidate.accuracies.push_back(double(std::count(heldLabels.begin(), heldLabels.end(), only))
                    / double(std::max<size_t>(1, heldLabels.size())));
            } else {
                // The coreset recipe's batch, smaller for a coreset of a few hundred images (a
                // batch of 128 would make an epoch of one or two steps).
                const int batch = std::min(
                    BenchmarkSettings::finalBatchFor(settings.keepRatio), std::max(16, int(trainIndices.size()) / 8));
                const int stepsPerEpoch = std::max(1, int(trainIndices.size()) / batch);
                const int epochs = std::max(tuning.epochs, (tuning.minSteps + stepsPerEpoch - 1) / stepsPerEpoch);
                // The same seeds for every candidate: the comparison is paired, so the seeds' own
                // noise does not decide it.
                const SupervisedConfig config
                    = coresetConfigFor(settings.training, epochs, batch, settings.training.seed + std::uint64_t(s));
                SupervisedTrainer trainer(*set.bank, trainIndices, trainLabels, int(classes.size()), config);
                trainer.setCancelFlag(job.cancelFlag());
                if (trainer.run() == TrainingOutcome::Cancelled)
                    job.checkCancelled();
                candidate.accuracies.push_back(trainer.evaluate(heldBank, heldLabels));
            }
            job.advance(++done);
        }
    }
    job.finishPhase();

    std::vector<double> betas;
    std::vector<double> means;
    for (const TuningCandidate &candidate : outcome.candidates) {
        betas.push_back(candidate.beta);
        means.push_back(candidate.mean());
    }
    outcome.best = chooseParameter(betas, means, 0.1).chosen;
    const double methodBeta = std::min(defaultBetaFor(settings.keepRatio), betas.back());
    outcome.methodDefault = int(std::min_element(betas.begin(), betas.end(), [methodBeta](double a, double b) {
        return std::abs(a - methodBeta) < std::abs(b - methodBeta);
    }) - betas.begin());
    // Two standard errors of the difference of two candidates' mean accuracies on n held-out
    // labels (binomial, averaged over the seeds): a smaller lead is what chance gives.
    const double p = std::clamp(std::accumulate(means.begin(), means.end(), 0.0) / double(means.size()), 0.01, 0.99);
    outcome.noise = 2.0 * std::sqrt(2.0 * p * (1.0 - p) / (double(std::max(1, outcome.heldOut)) * seeds));
    const double lead = means[size_t(outcome.best)] - means[size_t(outcome.methodDefault)];
    outcome.distinguishable = outcome.best != outcome.methodDefault && lead > outcome.noise;
    const TuningCandidate &best = outcome.candidates[size_t(outcome.best)];
    const TuningCandidate &fallback = outcome.candidates[size_t(outcome.methodDefault)];
    outcome.chosenBeta = outcome.distinguishable ? best.beta : fallback.beta;
    if (outcome.distinguishable)
        outcome.summary = QCoreApplication::translate("SelectionTuning",
            "beta %1 is best on your %2 held-out labels (%3 % right against %4 % for the default "
            "beta %5, more than the %6-point noise).")
                              .arg(best.beta, 0, 'f', 1)
                              .arg(outcome.heldOut)
                              .arg(best.mean() * 100, 0, 'f', 1)
                              .arg(fallback.mean() * 100, 0, 'f', 1)
                              .arg(fallback.beta, 0, 'f', 1)
                              .arg(outcome.noise * 100, 0, 'f', 1);
    else
        outcome.summary = QCoreApplication::translate("SelectionTuning",
            "The candidates cannot be told apart on your %1 held-out labels (best beta %2 leads the "
            "default by %3 points, the noise is %4): the method's default beta %5 stays.")
                              .arg(outcome.heldOut)
                              .arg(best.beta, 0, 'f', 1)
                              .arg(lead * 100, 0, 'f', 1)
                              .arg(outcome.noise * 100, 0, 'f', 1)
                              .arg(fallback.beta, 0, 'f', 1);
    return outcome;
}

} // namespace semiprune

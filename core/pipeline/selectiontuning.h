#pragma once

#include "common/ids.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace semiprune {

class JobContext;
class Project;
struct PipelineSettings;

// How "tune on my labels" works: a share of the human labels is held out, short models are trained
// on the coreset every candidate beta selects from the rest of the pool, and each is measured on
// the held-out labels. The person's own labels stand in for the validation split a benchmark has.
struct TuningSettings {
    double heldOutShare = 0.3; // of each class's human labels
    int minHeldOutPerClass = 3; // fewer: refused, the accuracy would be noise
    int epochs = 5; // per short model; more where the coreset is small (minSteps)
    int minSteps = 100; // optimizer steps per short model at least: a few steps learn nothing
    int seeds = 2; // models per candidate, with different initialisations
};

struct TuningCandidate {
    double beta = 0;
    int kept = 0; // coreset size on the pool without the held-out images
    std::vector<double> accuracies; // one per seed, on the held-out labels
    double mean() const;
};

struct TuningOutcome {
    std::vector<TuningCandidate> candidates; // ascending beta
    int best = -1; // by the benchmark's smoothed rule (chooseParameter)
    int methodDefault = -1; // the candidate nearest the method's default beta for the keep ratio
    // The beta to use: the best where it beats the default by more than the noise, else the default.
    double chosenBeta = 0;
    bool distinguishable = false;
    double noise = 0; // two standard errors of a difference between two candidates' means
    int heldOut = 0; // held-out human labels
    int pool = 0; // images the candidates select from
    QString summary; // one sentence for the person: what was chosen and why

    QJsonObject toJson() const;
};

// Tunes the selector's beta for settings.keepRatio on the human labels of the newest scores run's
// images. Reads the project and trains on the calling thread; stores nothing. Throws Error for a
// selector without a beta (DUAL-Beta, random, diverse), too few human labels to hold any out (the
// message says how many are needed), or a class without enough human labels; JobCancelled.
TuningOutcome tuneBeta(
    Project &project, const PipelineSettings &settings, RunId scoresRun, const TuningSettings &tuning, JobContext &job);

} // namespace semiprune

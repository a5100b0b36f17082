#pragma once

#include <QString>

#include <vector>

namespace semiprune {

class TrainingDynamics;

// The difficulty scores of method.md stage 5, computed for every image of a proxy run. All are pure
// functions of their inputs, safe to call from any thread. Each returns one value per image, in
// image order, and throws Error when the run has no epochs or a parameter does not fit the run.

enum class ScoreKind { Aum, Forgetting, El2n, Dual };

// Which end of a score holds the hard (important) images. Selection takes it explicitly, so no
// code ever guesses a direction from a boolean flag or from the score's sign.
enum class HardEnd { Low, High };

// AUM: Low (ambiguous or mislabeled images have small or negative margins); forgetting, EL2N and
// DUAL: High.
HardEnd hardEndOf(ScoreKind kind);

// Stable lowercase names ("aum", "forgetting", "el2n", "dual") for the project file and the CLI.
QString scoreKindName(ScoreKind kind);
// Accepts the names above in any letter case; throws Error listing the valid names otherwise.
ScoreKind parseScoreKind(const QString &name);

// Image indices from the hardest to the easiest. Equal scores keep index order, so a ranking never
// depends on the sort algorithm. Throws Error on a score that is not a finite number.
std::vector<int> hardestFirst(const std::vector<double> &scores, HardEnd hardEnd);

// AUM = sum_t [p_t(y) - max_{j != y} p_t(j)] over all epochs; range [-E, E].
std::vector<double> aumScores(const TrainingDynamics &dynamics);

// Forgetting = the number of epochs t where the image was classified right at t-1 and wrong at t.
// The state before epoch 0 counts as wrong, so no event can happen at epoch 0. An image never
// learned scores 0, like one never forgotten: the plain count of method.md, without the
// "never learned = infinitely forgotten" rule of Toneva et al.
std::vector<double> forgettingScores(const TrainingDynamics &dynamics);

// EL2N = the sum of ||p_t - onehot(y)||_2 over the first `epochs` epochs, 1 <= epochs <= E.
std::vector<double> el2nScores(const TrainingDynamics &dynamics, int epochs);
// The first ~10 % of the run: max(1, round(E / 10)), rounding halves up.
int defaultEl2nEpochs(int epochCount);

// DUAL's window J and horizon T, in epochs.
struct DualParameters {
    int window = 0;
    int horizon = 0;
};

// The paper uses J = 10 and T = 30 of 200 epochs. Shorter runs scale J with E, rounding halves up,
// and keep the paper's T = 3 J: J = max(2, round(E * 10 / 200)), T = clamp(3 J, J, E). So a
// short run still averages over several windows (E = 15: J = 2, T = 6, five windows). Throws
// Error for E < 2, where no window of two epochs fits.
DualParameters defaultDualParameters(int epochCount);

// DUAL = with pi_t = p_t(y), the mean over the windows k = 1..T-J+1 of
// [10 * std(pi_k..pi_{k+J-1})] * [1 - mean(pi_k..pi_{k+J-1})]. Requires 2 <= J <= T <= E.
std::vector<double> dualScores(const TrainingDynamics &dynamics, DualParameters parameters);

// mu_i = the mean of pi_t over the first `horizon` epochs, DUAL's confidence (used by DUAL-Beta
// sampling with the same T as the DUAL scores). Requires 1 <= horizon <= E.
std::vector<double> dualMeanConfidence(const TrainingDynamics &dynamics, int horizon);

// The score of `kind` with its default parameters.
std::vector<double> computeScores(const TrainingDynamics &dynamics, ScoreKind kind);

} // namespace semiprune

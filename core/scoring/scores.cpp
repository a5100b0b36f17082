#include "scoring/scores.h"

#include "common/error.h"
#include "scoring/trainingdynamics.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace semiprune {

namespace {

struct KindName {
    ScoreKind kind;
    const char *name;
};

constexpr KindName kKindNames[] = {
    { ScoreKind::Aum, "aum" },
    { ScoreKind::Forgetting, "forgetting" },
    { ScoreKind::El2n, "el2n" },
    { ScoreKind::Dual, "dual" },
};

void requireEpochs(const TrainingDynamics &dynamics, const char *score)
{
    if (dynamics.epochCount() == 0)
        throw Error(QCoreApplication::translate("Scores",
            "Cannot compute %1: the proxy run has no recorded epochs. Train the proxy "
            "for at least one epoch first.")
                        .arg(QLatin1String(score)));
}

// Calls visit(image, pi) for every image, with pi[0..horizon) = p_t(y) of its first `horizon`
// epochs. The records are epoch-major, so reading one image's epochs directly would jump across
// the whole array at every step; gathering a block of images per epoch reads memory in order.
template<typename Visit> void forEachConfidenceTrajectory(const TrainingDynamics &dynamics, int horizon, Visit visit)
{
    constexpr int kBlock = 1024;
    const int imageCount = dynamics.imageCount();
    std::vector<double> buffer(std::size_t(kBlock) * std::size_t(horizon));
    for (int first = 0; first < imageCount; first += kBlock) {
        const int count = std::min(kBlock, imageCount - first);
        for (int t = 0; t < horizon; ++t)
            for (int k = 0; k < count; ++k)
                buffer[std::size_t(k) * horizon + t] = dynamics.record(first + k, t).labelProb;
        for (int k = 0; k < count; ++k)
            visit(first + k, buffer.data() + std::size_t(k) * horizon);
    }
}

// One image's DUAL score from its confidence trajectory. The standard deviation is the population
// one (divide by J), as numpy's default np.std in the DUAL authors' code; it is computed in two
// passes per window so a flat window scores exactly 0, which DUAL-Beta relies on for zero weights.
double dualScore(const double *pi, int window, int horizon)
{
    double total = 0.0;
    for (int start = 0; start + window <= horizon; ++start) {
        const double *values = pi + start;
        const double mean = std::accumulate(values, values + window, 0.0) / window;
        double squares = 0.0;
        for (int j = 0; j < window; ++j)
            squares += (values[j] - mean) * (values[j] - mean);
        total += 10.0 * std::sqrt(squares / window) * (1.0 - mean);
    }
    return total / (horizon - window + 1);
}

} // namespace

HardEnd hardEndOf(ScoreKind kind)
{
    switch (kind) {
    case ScoreKind::Aum:
        return HardEnd::Low;
    case ScoreKind::Forgetting:
    case ScoreKind::El2n:
    case ScoreKind::Dual:
        return HardEnd::High;
    }
    Q_UNREACHABLE();
}

QString scoreKindName(ScoreKind kind)
{
    for (const KindName &entry : kKindNames)
        if (entry.kind == kind)
            return QLatin1String(entry.name);
    Q_UNREACHABLE();
}

ScoreKind parseScoreKind(const QString &name)
{
    QStringList valid;
    for (const KindName &entry : kKindNames) {
        if (name.trimmed().compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0)
            return entry.kind;
        valid << QLatin1String(entry.name);
    }
    throw Error(QCoreApplication::translate("Scores", "Unknown score \"%1\"; the scores are: %2.")
                    .arg(name, valid.join(QStringLiteral(", "))));
}

std::vector<int> hardestFirst(const std::vector<double> &scores, HardEnd hardEnd)
{
    for (std::size_t i = 0; i < scores.size(); ++i)
        if (!std::isfinite(scores[i]))
            throw Error(QCoreApplication::translate("Scores",
                "The score of image %1 is %2, not a finite number; compute the scores "
                "again before selecting.")
                            .arg(qulonglong(i))
                            .arg(scores[i]));

    std::vector<int> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    if (hardEnd == HardEnd::Low)
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return scores[a] < scores[b]; });
    else
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return scores[a] > scores[b]; });
    return order;
}

std::vector<double> aumScores(const TrainingDynamics &dynamics)
{
    requireEpochs(dynamics, "AUM");
    std::vector<double> aum(std::size_t(dynamics.imageCount()), 0.0);
    for (int t = 0; t < dynamics.epochCount(); ++t)
        for (int image = 0; image < dynamics.imageCount(); ++image) {
            const EpochRecord record = dynamics.record(image, t);
            aum[std::size_t(image)] += double(record.labelProb) - double(record.maxOtherProb);
        }
    return aum;
}

std::vector<double> forgettingScores(const TrainingDynamics &dynamics)
{
    requireEpochs(dynamics, "forgetting");
    std::vector<double> events(std::size_t(dynamics.imageCount()), 0.0);
    std::vector<std::uint8_t> previous(std::size_t(dynamics.imageCount()), 0);
    for (int t = 0; t < dynamics.epochCount(); ++t)
        for (int image = 0; image < dynamics.imageCount(); ++image) {
            const std::uint8_t correct = dynamics.record(image, t).correct;
            if (previous[std::size_t(image)] && !correct)
                events[std::size_t(image)] += 1.0;
            previous[std::size_t(image)] = correct;
        }
    return events;
}

int defaultEl2nEpochs(int epochCount)
{
    return std::max(1, (epochCount + 5) / 10);
}

std::vector<double> el2nScores(const TrainingDynamics &dynamics, int epochs)
{
    requireEpochs(dynamics, "EL2N");
    if (epochs < 1 || epochs > dynamics.epochCount())
        throw Error(QCoreApplication::translate("Scores",
            "EL2N over %1 epochs is impossible: the proxy run has %2 epochs; choose "
            "between 1 and %2.")
                        .arg(epochs)
                        .arg(dynamics.epochCount()));
    std::vector<double> el2n(std::size_t(dynamics.imageCount()), 0.0);
    for (int t = 0; t < epochs; ++t)
        for (int image = 0; image < dynamics.imageCount(); ++image)
            el2n[std::size_t(image)] += double(dynamics.record(image, t).el2n);
    return el2n;
}

DualParameters defaultDualParameters(int epochCount)
{
    if (epochCount < 2)
        throw Error(QCoreApplication::translate("Scores",
            "DUAL needs at least 2 epochs of training dynamics, the proxy run has %1; "
            "train the proxy longer.")
                        .arg(epochCount));
    DualParameters parameters;
    parameters.window = std::max(2, (epochCount + 10) / 20);
    // T = 3 J as in the paper. Scaling T with E on its own (round(3 E / 20)) left short runs a single
    // window (J = T = 2 at E = 15): a "trajectory" of two epochs.
    parameters.horizon = std::clamp(3 * parameters.window, parameters.window, epochCount);
    return parameters;
}

std::vector<double> dualScores(const TrainingDynamics &dynamics, DualParameters parameters)
{
    requireEpochs(dynamics, "DUAL");
    const int window = parameters.window;
    const int horizon = parameters.horizon;
    if (window < 2 || window > horizon || horizon > dynamics.epochCount())
        throw Error(QCoreApplication::translate("Scores",
            "DUAL with window J = %1 and horizon T = %2 does not fit a run of E = %3 "
            "epochs: it needs 2 <= J <= T <= E (a window of one epoch has no "
            "spread).")
                        .arg(window)
                        .arg(horizon)
                        .arg(dynamics.epochCount()));
    std::vector<double> dual(static_cast<std::size_t>(dynamics.imageCount()));
    forEachConfidenceTrajectory(dynamics, horizon,
        [&](int image, const double *pi) { dual[std::size_t(image)] = dualScore(pi, window, horizon); });
    return dual;
}

std::vector<double> dualMeanConfidence(const TrainingDynamics &dynamics, int horizon)
{
    requireEpochs(dynamics, "DUAL's mean confidence");
    if (horizon < 1 || horizon > dynamics.epochCount())
        throw Error(QCoreApplication::translate("Scores",
            "DUAL's mean confidence over T = %1 epochs is impossible: the proxy run "
            "has %2 epochs; choose T between 1 and %2.")
                        .arg(horizon)
                        .arg(dynamics.epochCount()));
    std::vector<double> mean(static_cast<std::size_t>(dynamics.imageCount()));
    forEachConfidenceTrajectory(dynamics, horizon, [&](int image, const double *pi) {
        mean[std::size_t(image)] = std::accumulate(pi, pi + horizon, 0.0) / horizon;
    });
    return mean;
}

std::vector<double> computeScores(const TrainingDynamics &dynamics, ScoreKind kind)
{
    switch (kind) {
    case ScoreKind::Aum:
        return aumScores(dynamics);
    case ScoreKind::Forgetting:
        return forgettingScores(dynamics);
    case ScoreKind::El2n:
        requireEpochs(dynamics, "EL2N");
        return el2nScores(dynamics, defaultEl2nEpochs(dynamics.epochCount()));
    case ScoreKind::Dual:
        requireEpochs(dynamics, "DUAL");
        return dualScores(dynamics, defaultDualParameters(dynamics.epochCount()));
    }
    Q_UNREACHABLE();
}

} // namespace semiprune

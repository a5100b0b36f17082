#include "selection/dualbeta.h"

#include "common/error.h"
#include "common/random.h"
#include "scoring/scores.h"
#include "selection/budget.h"
#include "selection/selectionbuilder.h"

#include <QCoreApplication>
#include <QString>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace semiprune {

namespace {

constexpr double kConfidenceEpsilon = 1e-6;
constexpr std::size_t kAnchorImages = 10;

void validateInputs(
    const std::vector<double> &dual, const std::vector<double> &meanConfidence, double keepRatio, double exponent)
{
    Budget::of(int(dual.size()), keepRatio); // throws on a bad r
    if (!(std::isfinite(exponent) && exponent > 0.0))
        throw Error(QCoreApplication::translate(
            "Selection", "DUAL-Beta's exponent c = %1 must be a positive number (the paper uses 3-4).")
                        .arg(exponent));
    if (meanConfidence.size() != dual.size())
        throw Error(QCoreApplication::translate("Selection",
            "DUAL-Beta got %1 mean confidences for %2 DUAL scores; compute both from the "
            "same proxy run.")
                        .arg(qulonglong(meanConfidence.size()))
                        .arg(qulonglong(dual.size())));
    for (std::size_t i = 0; i < dual.size(); ++i)
        if (!(std::isfinite(dual[i]) && dual[i] >= 0.0) || !std::isfinite(meanConfidence[i]))
            throw Error(QCoreApplication::translate("Selection",
                "Image %1 has DUAL score %2 and mean confidence %3; DUAL must be a "
                "non-negative number and the confidence a number. Compute the scores "
                "again.")
                            .arg(qulonglong(i))
                            .arg(dual[i])
                            .arg(meanConfidence[i]));
}

double clampConfidence(double mu)
{
    return std::clamp(mu, kConfidenceEpsilon, 1.0 - kConfidenceEpsilon);
}

// One candidate of the weighted draw, in the exponential-clock form of Efraimidis and Spirakis:
// image i "rings" at E_i / w_i with E_i ~ Exp(1), and the first k to ring are exactly a sample of k
// drawn one after another with probability proportional to weight. The clock is compared through
// its logarithm, so tiny weights cannot underflow; zero weights never ring and queue after all
// others in the order of their E_i, which is uniform.
struct Candidate {
    bool zeroWeight;
    double key;
    int image;

    bool operator<(const Candidate &other) const
    {
        return std::tie(zeroWeight, key, image) < std::tie(other.zeroWeight, other.key, other.image);
    }
};

} // namespace

DualBetaShape dualBetaShape(
    const std::vector<double> &dual, const std::vector<double> &meanConfidence, double keepRatio, double exponent)
{
    validateInputs(dual, meanConfidence, keepRatio, exponent);
    if (dual.empty())
        throw Error(QCoreApplication::translate("Selection", "DUAL-Beta needs at least one scored image."));

    const std::vector<int> highestDual = hardestFirst(dual, HardEnd::High);
    const std::size_t anchorCount = std::min(kAnchorImages, highestDual.size());
    double sum = 0.0;
    for (std::size_t i = 0; i < anchorCount; ++i)
        sum += clampConfidence(meanConfidence[std::size_t(highestDual[i])]);

    DualBetaShape shape;
    shape.anchor = sum / double(anchorCount);
    // 1 - rho^c with rho = 1 - r, through log1p/expm1 so a tiny r still gives a positive beta.
    const double oneMinusRhoPowC = -std::expm1(exponent * std::log1p(-keepRatio));
    shape.beta = 15.0 * (1.0 - shape.anchor) * oneMinusRhoPowC;
    shape.alpha = 16.0 - shape.beta;
    return shape;
}

std::vector<double> dualBetaWeights(
    const std::vector<double> &dual, const std::vector<double> &meanConfidence, double keepRatio, double exponent)
{
    const DualBetaShape shape = dualBetaShape(dual, meanConfidence, keepRatio, exponent);
    // 1 / B(alpha, beta) through std::tgamma: alpha + beta = 16, so nothing overflows, and unlike
    // std::lgamma it writes no global state.
    const double normalizer
        = std::tgamma(shape.alpha + shape.beta) / (std::tgamma(shape.alpha) * std::tgamma(shape.beta));
    std::vector<double> weights(dual.size());
    for (std::size_t i = 0; i < dual.size(); ++i) {
        const double mu = clampConfidence(meanConfidence[i]);
        const double density
            = normalizer * std::exp((shape.alpha - 1.0) * std::log(mu) + (shape.beta - 1.0) * std::log1p(-mu));
        weights[i] = density * dual[i];
    }
    return weights;
}

Selection selectDualBeta(const std::vector<double> &dual, const std::vector<double> &meanConfidence, double keepRatio,
    std::uint64_t seed, const std::vector<bool> &forced, double exponent)
{
    validateInputs(dual, meanConfidence, keepRatio, exponent);
    const int imageCount = int(dual.size());
    const Budget budget = Budget::of(imageCount, keepRatio);
    SelectionBuilder builder(imageCount, forced, SelectionReason::DroppedNotSampled);
    const int wanted = builder.remaining(budget.keepCount);
    if (wanted == 0)
        return builder.finish({});

    const std::vector<double> weights = dualBetaWeights(dual, meanConfidence, keepRatio, exponent);
    SelectionRng rng(seed);
    std::vector<Candidate> candidates;
    for (int image = 0; image < imageCount; ++image) {
        if (builder.isForced(image))
            continue;
        const double clock = -std::log(1.0 - rng.uniform()); // Exp(1); 1 - uniform() lies in (0, 1]
        const double weight = weights[std::size_t(image)];
        if (weight > 0.0)
            candidates.push_back({ false, std::log(clock) - std::log(weight), image });
        else
            candidates.push_back({ true, clock, image });
    }
    std::partial_sort(candidates.begin(), candidates.begin() + wanted, candidates.end());

    std::vector<int> chosen;
    for (int i = 0; i < wanted; ++i)
        chosen.push_back(candidates[std::size_t(i)].image);
    return builder.finish(chosen);
}

} // namespace semiprune

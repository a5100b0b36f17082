#include "benchmark/parametersearch.h"

#include "benchmark/benchmarkreport.h"
#include "benchmark/coresetunits.h"

#include <QCoreApplication>

#include <cmath>

#include <cmath>

namespace semiprune {

ParameterChoice chooseParameter(
    const std::vector<double> &candidates, const std::vector<double> &validations, double step)
{
    ParameterChoice choice;
    double bestSmoothed = -1, bestPlain = -1;
    for (std::size_t i = 0; i < candidates.size() && i < validations.size(); ++i) {
        double sum = 0;
        int count = 0;
        for (std::size_t j = 0; j < candidates.size() && j < validations.size(); ++j) {
            if (std::abs(candidates[j] - candidates[i]) <= step + 1e-9) {
                sum += validations[j];
                ++count;
            }
        }
        const double smoothed = sum / count;
        // Strictly better only: candidates come ascending, so a tie keeps the lower one.
        if (smoothed > bestSmoothed + 1e-12) {
            bestSmoothed = smoothed;
            choice.chosen = int(i);
        }
        if (validations[i] > bestPlain + 1e-12) {
            bestPlain = validations[i];
            choice.unsmoothed = int(i);
        }
    }
    return choice;
}

void recordTested(BenchmarkEntry &entry, const TestedUnit &tested, double parameter, double validation, int size)
{
    entry.accuracies.push_back(tested.test);
    entry.bestEpochAccuracies.push_back(tested.bestEpochTest);
    if (parameter >= 0) {
        entry.betas.push_back(parameter);
        entry.validationAccuracies.push_back(validation);
    }
    entry.coresetSize = size;
}

void searchAndTest(const ParameterSearch &search, double gridStep, quint64 seed, CoresetUnits &units,
    BenchmarkReport &report, const std::function<void(const QString &line)> &log, const QString &betaZeroMethod)
{
    const double keep = 1.0 - search.pruningRate;
    const auto keyOf = [&](double value) {
        return unitKey(seed, search.pruningRate,
            QStringLiteral("%1/%2%3").arg(search.method, search.parameter).arg(value, 0, 'f', 3));
    };
    std::vector<double> validations;
    std::vector<int> sizes;
    for (double value : search.candidates) {
        if (!units.isTrained(keyOf(value)))
            log(QCoreApplication::translate("Benchmark", "Seed %1, %2 % pruned, %3: %4 %5 on the validation split")
                    .arg(seed)
                    .arg(std::lround(search.pruningRate * 100))
                    .arg(benchmarkMethodTitle(search.method), search.parameter)
                    .arg(value));
        const Selection selection = search.select(value);
        const TrainedUnit trained = units.train(keyOf(value), selection.kept, keep);
        if (!betaZeroMethod.isEmpty() && value == 0.0)
            recordTested(report.entry(betaZeroMethod, search.pruningRate), units.test(keyOf(value)), 0.0,
                trained.validation, int(selection.kept.size()));
        validations.push_back(trained.validation);
        sizes.push_back(int(selection.kept.size()));
    }
    const ParameterChoice choice = chooseParameter(search.candidates, validations, gridStep);
    const std::size_t chosen = std::size_t(choice.chosen);
    BenchmarkEntry &entry = report.entry(search.method, search.pruningRate);
    recordTested(entry, units.test(keyOf(search.candidates[chosen])), search.candidates[chosen], validations[chosen],
        sizes[chosen]);
    entry.unsmoothedBetas.push_back(search.candidates[std::size_t(choice.unsmoothed)]);
}

} // namespace semiprune

#include "benchmark/parameterchoice.h"

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

} // namespace semiprune

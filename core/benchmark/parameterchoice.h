#pragma once

#include <vector>

namespace semiprune {

// Which candidate parameter (a hard-cutoff rate beta, DUAL-Beta's exponent c, ...) the validation
// split chooses. One validation image is worth 1/|validation| of accuracy, so the best single
// candidate often wins by one or two images: noise. The rule, fixed before any test figure was
// seen: each candidate is judged by the mean validation accuracy of itself and the candidates
// within one grid step of it (its neighbours on the grid), and the best mean wins; a tie keeps the
// lower candidate. A candidate without neighbours (a lone extra such as beta = 0, or a grid of
// other spacing) is judged by its own accuracy.
struct ParameterChoice {
    int chosen = -1; // by the smoothed rule
    int unsmoothed = -1; // the plain best validation accuracy, for the report
};

// candidates ascending, validations one per candidate; step: the grid's spacing. Both indices are
// -1 for no candidates.
ParameterChoice chooseParameter(
    const std::vector<double> &candidates, const std::vector<double> &validations, double step);

} // namespace semiprune

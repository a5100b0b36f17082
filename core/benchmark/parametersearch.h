#pragma once

#include "selection/selection.h"

#include <QString>

#include <functional>
#include <vector>

namespace semiprune {

class CoresetUnits;
struct BenchmarkEntry;
struct BenchmarkReport;
struct TestedUnit;

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

// One selector's search for its parameter at one pruning rate.
struct ParameterSearch {
    QString method; // the report's method id (benchmarkmethod::)
    double pruningRate = 0;
    std::vector<double> candidates; // ascending
    QString parameter; // "beta", "c": names the values in unit keys and in the log
    std::function<Selection(double value)> select;
};

// Trains the coreset of every candidate and measures it on the validation split, chooses with
// chooseParameter(), then measures only the chosen one on the test set and records it in the
// report's entry for the method and rate, the plain choice beside it. With betaZeroMethod, the
// candidate 0 is also tested and recorded under that method: the reference that shows why a
// cutoff is needed.
void searchAndTest(const ParameterSearch &search, double gridStep, quint64 seed, CoresetUnits &units,
    BenchmarkReport &report, const std::function<void(const QString &line)> &log, const QString &betaZeroMethod = {});

// Adds a tested unit's figures to a report cell (parameter < 0: none was chosen).
void recordTested(BenchmarkEntry &entry, const TestedUnit &tested, double parameter, double validation, int size);

} // namespace semiprune

#include "benchmark/benchmarkdiagnostics.h"

#include "scoring/scores.h"

#include <algorithm>

namespace semiprune {

PseudoLabelDiagnostics pseudoLabelDiagnostics(
    const std::vector<int> &labels, const std::vector<int> &truth, const std::vector<double> &aum)
{
    PseudoLabelDiagnostics diagnostics;
    const int n = int(labels.size());
    if (n == 0)
        return diagnostics;
    int wrong = 0;
    for (int i = 0; i < n; ++i)
        wrong += labels[std::size_t(i)] != truth[std::size_t(i)] ? 1 : 0;
    diagnostics.errorShare = double(wrong) / n;
    const std::vector<int> order = hardestFirst(aum, HardEnd::Low);
    const int lowest = std::max(1, n / 10);
    int errors = 0;
    for (int k = 0; k < lowest; ++k) {
        const std::size_t image = std::size_t(order[std::size_t(k)]);
        errors += labels[image] != truth[image] ? 1 : 0;
    }
    diagnostics.lowAumErrorShare = double(errors) / lowest;
    return diagnostics;
}

} // namespace semiprune

#pragma once

#include <vector>

namespace semiprune {

// What a benchmark reports about the labels the proxy run trained on, against the true ones.
struct PseudoLabelDiagnostics {
    double errorShare = 0; // wrong labels among all pool images (seed labels included)
    double lowAumErrorShare = 0; // wrong labels among the lowest-AUM 10 % (at least one image)
};

// labels: what the proxy trained on; truth: the true labels; aum: its AUM; one entry per image
// each. The signature of a working method (method.md): low AUM is enriched with wrong labels.
PseudoLabelDiagnostics pseudoLabelDiagnostics(
    const std::vector<int> &labels, const std::vector<int> &truth, const std::vector<double> &aum);

} // namespace semiprune

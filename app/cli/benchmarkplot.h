#pragma once

#include <QString>

namespace semiprune {
struct BenchmarkReport;
}

namespace semiprune::cli {

// Draws test accuracy against pruning rate for every method of a benchmark, mean with error bars
// of one standard deviation, the full pool as a dashed line, into a PNG. Needs a QGuiApplication
// (for fonts); the offscreen platform will do. Throws Error when the file cannot be written.
void writeBenchmarkPlot(const BenchmarkReport &report, const QString &path);

} // namespace semiprune::cli

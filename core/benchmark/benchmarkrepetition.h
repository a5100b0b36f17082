#pragma once

#include "benchmark/benchmarkreport.h"
#include "benchmark/benchmarksettings.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <utility>
#include <vector>

namespace semiprune {

class BenchmarkJournal;
class HeldOutTestSet;
class ImageBank;
class JobContext;
class Project;

// Named figures summed over the seeds, kept in first-seen order for the report (stage times,
// throughputs).
struct FigureSums {
    std::vector<std::pair<QString, double>> sums;
    std::vector<std::pair<QString, int>> counts;

    void add(const QString &name, double value);
    std::vector<std::pair<QString, double>> means() const;
};

// What every seed of a benchmark shares: the project with the pool, the held-out splits, the
// journal, the report the seeds add to.
struct BenchmarkContext {
    Project &project;
    const BenchmarkSettings &settings;
    JobContext &job;
    const HeldOutTestSet &testSet;
    const ImageBank &validationBank;
    const std::vector<int> &validationSourceLabels; // the data set's labels of the validation images
    const QStringList &sourceClasses; // the data set's class names, in its label order
    BenchmarkJournal &journal;
    QString outputFolder;
    BenchmarkReport &report;
    FigureSums &seconds;
    FigureSums &throughput;
    std::function<void(const QString &line)> log;
};

// One seed of the protocol (see BenchmarkRunner): label a class-balanced seed, run the pipeline,
// then at every pruning rate measure every selector with its parameter search, random, the
// true-label reference and beta = 0, adding each cell's figure to the report. Every finished piece
// is in the journal, so a resumed seed repeats only what was running.
//
// Thread rules: one worker thread.
void runBenchmarkRepetition(const BenchmarkContext &context, quint64 seed);

} // namespace semiprune

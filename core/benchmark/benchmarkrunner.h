#pragma once

#include "benchmark/benchmarkreport.h"
#include "benchmark/benchmarksettings.h"

#include <QString>

#include <functional>

namespace semiprune {

class BenchmarkSource;
class JobContext;

// Benchmark mode (method.md stage 7) on a data set whose labels are all known.
//
// Before any training, the inputs are checked: the test classes equal the training classes, every
// class has images for the validation split and the seeds, the pruning rates lie in (0, 1), and no
// test image is in the pool or the validation split. Then the pool is written to
// <output>/pool and imported into the project <output>/benchmark.semiprune with its labels hidden,
// and for every repetition (seed):
//  1. a class-balanced seed of b images is drawn from the hidden labels and labeled;
//  2. the pipeline runs (FixMatch, pseudo-labels, proxy training dynamics, scores), recorded as
//     runs of the project;
//  3. for every pruning rate, each beta candidate's hard-cutoff coreset is trained on with its
//     TRUE labels and measured on the validation split; the best one is SemiPrune's result and is
//     then, and only then, measured on the test set;
//  4. a random coreset of the same size, beta = 0 at the highest pruning rate, the same cutoff on
//     dynamics trained with the true labels, and the full pool are trained and tested the same way.
// Every model trains for the same number of epochs with stage 7's batch size for its keep ratio.
// The report is stored in the project as a run of kind "benchmark" and written to
// <output>/results.{md,csv,json}.
//
// Thread rules: run() on one worker thread; the JobContext may be cancelled from any thread; the
// log callback runs on the worker.
class BenchmarkRunner final
{
public:
    using Log = std::function<void(const QString &line)>;

    BenchmarkRunner(const BenchmarkSource &train, const BenchmarkSource &test, QString outputFolder,
                    BenchmarkSettings settings, JobContext &job);
    void setLog(Log log);

    // Throws Error for bad input (before any training) or a failed stage; JobCancelled on cancel.
    BenchmarkReport run();

    // The checks run() makes before anything is written or trained; throws Error.
    void checkInputs() const;

private:
    struct Repetition;
    const BenchmarkSource &m_train;
    const BenchmarkSource &m_test;
    QString m_output;
    BenchmarkSettings m_settings;
    JobContext &m_job;
    Log m_log;
};

// The files run() writes into the output folder.
QString benchmarkProjectFile(const QString &outputFolder);
QString benchmarkResultsFile(const QString &outputFolder, const QString &suffix); // "md", "csv", "json", "png"

} // namespace semiprune

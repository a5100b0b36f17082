#pragma once

#include "benchmark/benchmarkreport.h"
#include "benchmark/benchmarksettings.h"

#include <QJsonObject>
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
//     then, and only then, measured on the test set (at the final epoch, and at its best epoch as
//     an optimistic figure);
//  4. a random coreset of the same size, beta = 0 at the highest pruning rate, and the full pool
//     are trained and tested the same way; the upper reference, dynamics trained on the true labels,
//     gets the whole protocol, its own beta search on the validation split included.
// Every model trains for the same number of epochs with stage 7's batch size for its keep ratio.
// Each finished step is written to a journal (<output>/progress.jsonl) before the next begins, so
// a benchmark stopped at any moment resumes (setResume) and repeats only the step that was running.
// The report is stored in the project as a run of kind "benchmark" and written to
// <output>/results.{md,csv,json}.
//
// Thread rules: run() on one worker thread; the JobContext may be cancelled from any thread; the
// log callback runs on the worker.
class BenchmarkRunner final {
public:
    using Log = std::function<void(const QString &line)>;

    BenchmarkRunner(const BenchmarkSource &train, const BenchmarkSource &test, QString outputFolder,
        BenchmarkSettings settings, JobContext &job);
    void setLog(Log log);
    // Called each time the results files are written: after every seed (a partial report while
    // seeds remain) and at the end. The command line draws the plot here.
    using ResultsWritten = std::function<void(const BenchmarkReport &report)>;
    void setResultsWritten(ResultsWritten callback);
    // Continue the benchmark started in the output folder with the same settings and data: the
    // pool and the project are kept, finished pipeline stages are reused, an interrupted one goes
    // on from its checkpoint, and every coreset model in the journal is not trained again.
    void setResume(bool resume);

    // Throws Error for bad input (before any training) or a failed stage; JobCancelled on cancel.
    BenchmarkReport run();

    // The checks run() makes before anything is written or trained; throws Error. Resuming, the
    // folder must hold a benchmark started with the same settings and data.
    void checkInputs() const;

private:
    const BenchmarkSource &m_train;
    const BenchmarkSource &m_test;
    QString m_output;
    BenchmarkSettings m_settings;
    JobContext &m_job;
    Log m_log;
    ResultsWritten m_resultsWritten;
    bool m_resume = false;

    QJsonObject identity() const; // what a resumed benchmark must share with the one it continues
    Precision resolvedPrecision() const; // for the training data's image size on this machine
};

// The files run() writes into the output folder.
QString benchmarkProjectFile(const QString &outputFolder);
QString benchmarkJournalFile(const QString &outputFolder); // the finished steps (BenchmarkJournal)
QString benchmarkResultsFile(const QString &outputFolder, const QString &suffix); // "md", "csv", "json", "png"

} // namespace semiprune

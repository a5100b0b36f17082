#pragma once

#include "benchmark/benchmarksettings.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace semiprune {

// Method ids of a benchmark table (stable: stored in the project and written to CSV).
namespace benchmarkmethod {
inline QString random()
{
    return QStringLiteral("random");
}
inline QString semiPrune()
{
    return QStringLiteral("semiprune");
}
inline QString betaZero()
{
    return QStringLiteral("beta0");
}
inline QString trueLabels()
{
    return QStringLiteral("true-label-dynamics");
}
inline QString semiPruneClassCutoff()
{
    return QStringLiteral("semiprune-class-cutoff");
}
inline QString trueLabelsClassCutoff()
{
    return QStringLiteral("true-label-dynamics-class-cutoff");
}
inline QString semiPruneCcs()
{
    return QStringLiteral("semiprune-ccs");
}
inline QString semiPruneDualBeta()
{
    return QStringLiteral("semiprune-dual-beta");
}
inline QString semiPruneDiverse()
{
    return QStringLiteral("semiprune-diverse");
}
} // namespace benchmarkmethod
QString benchmarkMethodTitle(const QString &method);

// One cell of the table: a method at a pruning rate, one value per repetition (seed).
struct BenchmarkEntry {
    QString method;
    double pruningRate = 0;
    std::vector<double> accuracies; // test top-1, final epoch
    std::vector<double> betas; // the hard-cutoff rate used (chosen on validation for semiprune)
    std::vector<double> validationAccuracies; // the accuracy that chose beta, where one was chosen
    // The parameter the plain best validation accuracy would have chosen, one per seed, beside the
    // smoothed rule's choice in `betas` (benchmark/parametersearch.h): how often smoothing decided.
    std::vector<double> unsmoothedBetas;
    int coresetSize = 0;
    // Test top-1 of the best epoch: optimistic (the epoch is picked on the test set), reported
    // beside the final epoch's as the method page asks, never used to choose anything.
    std::vector<double> bestEpochAccuracies;
};

double meanOf(const std::vector<double> &values);
double stdOf(const std::vector<double> &values); // sample standard deviation; 0 for one value

// What a benchmark run measured: the table, the references, the diagnostics, the cost, and every
// setting. Written as Markdown and CSV, and stored as JSON in the project's "benchmark" run (the
// GUI and the plot read it back with fromJson).
struct BenchmarkReport {
    BenchmarkSettings settings;
    QString trainSource;
    QString testSource;
    QString projectFile;
    QStringList classNames;
    int trainImages = 0;
    int poolImages = 0;
    int validationImages = 0;
    int testImages = 0;
    int seedLabelsPerRepetition = 0;
    int testImagesInTraining = 0; // checked: must stay 0
    std::vector<BenchmarkEntry> entries;
    std::vector<double> fullDataAccuracies;
    std::vector<double> fullDataBestEpochAccuracies;
    std::vector<double> pseudoLabelAccuracies;
    std::vector<double> pseudoLabelErrorShares; // share of pool images with a wrong pseudo-label
    std::vector<double> lowAumErrorShares; // the same among the lowest-AUM 10 %
    std::vector<std::pair<QString, double>> stageSeconds; // summed over repetitions
    std::vector<std::pair<QString, double>> imagesPerSecond; // training throughput, mean
    double totalSeconds = 0;
    // Seeds whose figures the report holds; fewer than settings.repetitions in the report a long
    // benchmark writes after each seed, before it is finished.
    int completedRepetitions = 0;
    QString device;
    int threads = 0;
    QString precision = QStringLiteral("float32"); // the arithmetic used; reports from before it: float32

    BenchmarkEntry &entry(const QString &method, double pruningRate);
    const BenchmarkEntry *find(const QString &method, double pruningRate) const;
    QStringList methods() const; // in table order, present ones only
    int labelCostPerRepetition() const { return seedLabelsPerRepetition + validationImages; }
    bool isPartial() const { return completedRepetitions < settings.repetitions; }

    QJsonObject toJson() const;
    static BenchmarkReport fromJson(const QJsonObject &json);
    QString markdown() const;
    QString csv() const;
};

} // namespace semiprune

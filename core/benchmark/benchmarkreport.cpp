#include "benchmark/benchmarkreport.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

namespace semiprune {

namespace {

QJsonArray toArray(const std::vector<double> &values)
{
    QJsonArray array;
    for (double v : values)
        array.append(v);
    return array;
}

std::vector<double> fromArray(const QJsonValue &value)
{
    std::vector<double> values;
    for (const QJsonValue &v : value.toArray())
        values.push_back(v.toDouble());
    return values;
}

// Named figures as an array of {name, value}: an array keeps the order they were measured in.
QJsonArray toPairs(const std::vector<std::pair<QString, double>> &pairs)
{
    QJsonArray array;
    for (const auto &[name, value] : pairs)
        array.append(QJsonObject { { QStringLiteral("name"), name }, { QStringLiteral("value"), value } });
    return array;
}

std::vector<std::pair<QString, double>> fromPairs(const QJsonValue &value)
{
    std::vector<std::pair<QString, double>> pairs;
    for (const QJsonValue &item : value.toArray())
        pairs.emplace_back(item[QStringLiteral("name")].toString(), item[QStringLiteral("value")].toDouble());
    return pairs;
}

QString percent(const std::vector<double> &values)
{
    if (values.empty())
        return QStringLiteral("-");
    return QStringLiteral("%1 ± %2").arg(100.0 * meanOf(values), 0, 'f', 1).arg(100.0 * stdOf(values), 0, 'f', 1);
}

QString rateHeader(double rate)
{
    return QCoreApplication::translate("Benchmark", "%1 % pruned").arg(std::lround(rate * 100.0));
}

QString betaList(const std::vector<double> &betas)
{
    QStringList parts;
    for (double b : betas)
        parts << QString::number(b, 'g', 3);
    return parts.join(QStringLiteral(", "));
}

const QStringList kMethodOrder { benchmarkmethod::random(), benchmarkmethod::betaZero(), benchmarkmethod::semiPrune(),
    benchmarkmethod::semiPruneCcs(), benchmarkmethod::semiPruneDualBeta(), benchmarkmethod::semiPruneDiverse(),
    benchmarkmethod::trueLabels(), benchmarkmethod::semiPruneClassCutoff(), benchmarkmethod::trueLabelsClassCutoff() };

// The stage and throughput keys the runner records (stable, in the stored JSON), as shown.
QString figureTitle(const QString &key)
{
    if (key == QLatin1String("FixMatch"))
        return QCoreApplication::translate("Benchmark", "FixMatch");
    if (key == QLatin1String("pseudo-labels"))
        return QCoreApplication::translate("Benchmark", "pseudo-labels");
    if (key == QLatin1String("proxy dynamics"))
        return QCoreApplication::translate("Benchmark", "proxy training dynamics");
    if (key == QLatin1String("scores"))
        return QCoreApplication::translate("Benchmark", "scores");
    if (key == QLatin1String("coreset training and testing"))
        return QCoreApplication::translate("Benchmark", "coreset models and references, trained and tested");
    if (key == QLatin1String("coreset training"))
        return QCoreApplication::translate("Benchmark", "coreset training");
    return key;
}

} // namespace

QString benchmarkMethodTitle(const QString &method)
{
    if (method == benchmarkmethod::random())
        return QCoreApplication::translate("Benchmark", "Random");
    if (method == benchmarkmethod::semiPrune())
        return QCoreApplication::translate("Benchmark", "SemiPrune (beta chosen on validation)");
    if (method == benchmarkmethod::betaZero())
        return QCoreApplication::translate("Benchmark", "SemiPrune, beta = 0");
    if (method == benchmarkmethod::trueLabels())
        return QCoreApplication::translate("Benchmark", "True-label dynamics (upper reference)");
    if (method == benchmarkmethod::semiPruneClassCutoff())
        return QCoreApplication::translate("Benchmark", "SemiPrune, class-aware cutoff (beta chosen on validation)");
    if (method == benchmarkmethod::trueLabelsClassCutoff())
        return QCoreApplication::translate("Benchmark", "True-label dynamics, class-aware cutoff");
    if (method == benchmarkmethod::semiPruneCcs())
        return QCoreApplication::translate("Benchmark", "SemiPrune, CCS (beta chosen on validation)");
    if (method == benchmarkmethod::semiPruneDualBeta())
        return QCoreApplication::translate("Benchmark", "SemiPrune, DUAL-Beta (c chosen on validation)");
    if (method == benchmarkmethod::semiPruneDiverse())
        return QCoreApplication::translate("Benchmark", "SemiPrune, diverse (D2; beta chosen on validation)");
    return method;
}

double meanOf(const std::vector<double> &values)
{
    return values.empty() ? 0.0 : std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
}

double stdOf(const std::vector<double> &values)
{
    if (values.size() < 2)
        return 0.0;
    const double mean = meanOf(values);
    double sum = 0;
    for (double v : values)
        sum += (v - mean) * (v - mean);
    return std::sqrt(sum / double(values.size() - 1));
}

BenchmarkEntry &BenchmarkReport::entry(const QString &method, double pruningRate)
{
    for (BenchmarkEntry &e : entries)
        if (e.method == method && std::abs(e.pruningRate - pruningRate) < 1e-9)
            return e;
    entries.push_back(BenchmarkEntry { method, pruningRate, {}, {}, {}, {}, 0, {} });
    return entries.back();
}

const BenchmarkEntry *BenchmarkReport::find(const QString &method, double pruningRate) const
{
    for (const BenchmarkEntry &e : entries)
        if (e.method == method && std::abs(e.pruningRate - pruningRate) < 1e-9)
            return &e;
    return nullptr;
}

QStringList BenchmarkReport::methods() const
{
    QStringList present;
    for (const QString &method : kMethodOrder)
        if (std::any_of(entries.begin(), entries.end(), [&](const BenchmarkEntry &e) { return e.method == method; }))
            present << method;
    return present;
}

QJsonObject BenchmarkReport::toJson() const
{
    QJsonArray table;
    for (const BenchmarkEntry &e : entries) {
        table.append(
            QJsonObject { { QStringLiteral("method"), e.method }, { QStringLiteral("pruning_rate"), e.pruningRate },
                { QStringLiteral("accuracies"), toArray(e.accuracies) }, { QStringLiteral("betas"), toArray(e.betas) },
                { QStringLiteral("validation_accuracies"), toArray(e.validationAccuracies) },
                { QStringLiteral("unsmoothed_betas"), toArray(e.unsmoothedBetas) },
                { QStringLiteral("coreset_size"), e.coresetSize },
                { QStringLiteral("best_epoch_accuracies"), toArray(e.bestEpochAccuracies) } });
    }
    return QJsonObject { { QStringLiteral("settings"), settings.toJson() },
        { QStringLiteral("train_source"), trainSource }, { QStringLiteral("test_source"), testSource },
        { QStringLiteral("project"), projectFile },
        { QStringLiteral("classes"), QJsonArray::fromStringList(classNames) },
        { QStringLiteral("train_images"), trainImages }, { QStringLiteral("pool_images"), poolImages },
        { QStringLiteral("validation_images"), validationImages }, { QStringLiteral("test_images"), testImages },
        { QStringLiteral("seed_labels_per_repetition"), seedLabelsPerRepetition },
        { QStringLiteral("label_cost_per_repetition"), labelCostPerRepetition() },
        { QStringLiteral("test_images_in_training"), testImagesInTraining }, { QStringLiteral("table"), table },
        { QStringLiteral("full_data_accuracies"), toArray(fullDataAccuracies) },
        { QStringLiteral("full_data_best_epoch_accuracies"), toArray(fullDataBestEpochAccuracies) },
        { QStringLiteral("pseudo_label_accuracies"), toArray(pseudoLabelAccuracies) },
        { QStringLiteral("pseudo_label_error_shares"), toArray(pseudoLabelErrorShares) },
        { QStringLiteral("low_aum_error_shares"), toArray(lowAumErrorShares) },
        { QStringLiteral("stage_seconds"), toPairs(stageSeconds) },
        { QStringLiteral("images_per_second"), toPairs(imagesPerSecond) },
        { QStringLiteral("total_seconds"), totalSeconds },
        { QStringLiteral("completed_repetitions"), completedRepetitions }, { QStringLiteral("device"), device },
        { QStringLiteral("threads"), threads }, { QStringLiteral("precision"), precision } };
}

BenchmarkReport BenchmarkReport::fromJson(const QJsonObject &json)
{
    BenchmarkReport r;
    r.settings = BenchmarkSettings::fromJson(json.value(QStringLiteral("settings")).toObject());
    r.trainSource = json.value(QStringLiteral("train_source")).toString();
    r.testSource = json.value(QStringLiteral("test_source")).toString();
    r.projectFile = json.value(QStringLiteral("project")).toString();
    for (const QJsonValue &name : json.value(QStringLiteral("classes")).toArray())
        r.classNames << name.toString();
    r.trainImages = json.value(QStringLiteral("train_images")).toInt();
    r.poolImages = json.value(QStringLiteral("pool_images")).toInt();
    r.validationImages = json.value(QStringLiteral("validation_images")).toInt();
    r.testImages = json.value(QStringLiteral("test_images")).toInt();
    r.seedLabelsPerRepetition = json.value(QStringLiteral("seed_labels_per_repetition")).toInt();
    r.testImagesInTraining = json.value(QStringLiteral("test_images_in_training")).toInt();
    for (const QJsonValue &value : json.value(QStringLiteral("table")).toArray()) {
        const QJsonObject e = value.toObject();
        r.entries.push_back(BenchmarkEntry { e.value(QStringLiteral("method")).toString(),
            e.value(QStringLiteral("pruning_rate")).toDouble(), fromArray(e.value(QStringLiteral("accuracies"))),
            fromArray(e.value(QStringLiteral("betas"))), fromArray(e.value(QStringLiteral("validation_accuracies"))),
            fromArray(e.value(QStringLiteral("unsmoothed_betas"))), e.value(QStringLiteral("coreset_size")).toInt(),
            fromArray(e.value(QStringLiteral("best_epoch_accuracies"))) });
    }
    r.fullDataAccuracies = fromArray(json.value(QStringLiteral("full_data_accuracies")));
    r.fullDataBestEpochAccuracies = fromArray(json.value(QStringLiteral("full_data_best_epoch_accuracies")));
    r.pseudoLabelAccuracies = fromArray(json.value(QStringLiteral("pseudo_label_accuracies")));
    r.pseudoLabelErrorShares = fromArray(json.value(QStringLiteral("pseudo_label_error_shares")));
    r.lowAumErrorShares = fromArray(json.value(QStringLiteral("low_aum_error_shares")));
    r.stageSeconds = fromPairs(json.value(QStringLiteral("stage_seconds")));
    r.imagesPerSecond = fromPairs(json.value(QStringLiteral("images_per_second")));
    r.totalSeconds = json.value(QStringLiteral("total_seconds")).toDouble();
    r.completedRepetitions = json.value(QStringLiteral("completed_repetitions")).toInt(r.settings.repetitions);
    r.device = json.value(QStringLiteral("device")).toString();
    r.threads = json.value(QStringLiteral("threads")).toInt();
    r.precision = json.value(QStringLiteral("precision")).toString(QStringLiteral("float32"));
    return r;
}

QString BenchmarkReport::markdown() const
{
    QStringList lines;
    lines << QCoreApplication::translate("Benchmark", "# Benchmark: test accuracy after pruning") << QString();
    if (isPartial()) {
        lines << QCoreApplication::translate("Benchmark",
            "**Partial: %1 of %2 seeds finished.** The benchmark is still running, or it was stopped "
            "and continues with the same command and --resume.")
                     .arg(completedRepetitions)
                     .arg(settings.repetitions)
              << QString();
    }
    lines << QCoreApplication::translate("Benchmark",
        "Top-1 accuracy on the held-out test set at the final epoch, in %, mean ± standard deviation over %1 seed(s).")
                 .arg(completedRepetitions)
          << QString();
    const auto table = [&](std::vector<double> BenchmarkEntry::*values, const std::vector<double> &full) {
        QStringList header { QCoreApplication::translate("Benchmark", "Method") };
        QStringList rule { QStringLiteral("---") };
        for (double rate : settings.pruningRates) {
            header << rateHeader(rate);
            rule << QStringLiteral("---:");
        }
        lines << QStringLiteral("| %1 |").arg(header.join(QStringLiteral(" | ")))
              << QStringLiteral("| %1 |").arg(rule.join(QStringLiteral(" | ")));
        for (const QString &method : methods()) {
            QStringList row { benchmarkMethodTitle(method) };
            for (double rate : settings.pruningRates) {
                const BenchmarkEntry *e = find(method, rate);
                row << (e ? percent(e->*values) : QStringLiteral("-"));
            }
            lines << QStringLiteral("| %1 |").arg(row.join(QStringLiteral(" | ")));
        }
        QStringList fullRow { QCoreApplication::translate("Benchmark", "Full pool (no pruning)") };
        for (std::size_t i = 0; i < settings.pruningRates.size(); ++i)
            fullRow << percent(full);
        lines << QStringLiteral("| %1 |").arg(fullRow.join(QStringLiteral(" | "))) << QString();
    };
    table(&BenchmarkEntry::accuracies, fullDataAccuracies);
    lines << QCoreApplication::translate("Benchmark", "## Best epoch (optimistic)") << QString();
    lines << QCoreApplication::translate("Benchmark",
        "The same models at the epoch with the highest test accuracy. The epoch is picked on the test set, "
        "so these figures flatter every method; they are not used to choose anything.")
          << QString();
    table(&BenchmarkEntry::bestEpochAccuracies, fullDataBestEpochAccuracies);

    lines << QCoreApplication::translate("Benchmark", "## Beta chosen on the validation split") << QString();
    // Every beta-searched method has a line per rate; the first also gives the size that all of
    // them share with the random subset (the runner checks it).
    const std::pair<QString, QString> betaLines[] = {
        { benchmarkmethod::semiPrune(),
            QCoreApplication::translate(
                "Benchmark", "- %1: beta %2 per seed; coreset of %3 images (random: the same size)") },
        { benchmarkmethod::trueLabels(),
            QCoreApplication::translate("Benchmark", "- %1, true-label dynamics: beta %2 per seed") },
        { benchmarkmethod::semiPruneClassCutoff(),
            QCoreApplication::translate("Benchmark", "- %1, class-aware cutoff: beta %2 per seed") },
        { benchmarkmethod::trueLabelsClassCutoff(),
            QCoreApplication::translate(
                "Benchmark", "- %1, true-label dynamics, class-aware cutoff: beta %2 per seed") },
        { benchmarkmethod::semiPruneCcs(), QCoreApplication::translate("Benchmark", "- %1, CCS: beta %2 per seed") },
        { benchmarkmethod::semiPruneDualBeta(),
            QCoreApplication::translate("Benchmark", "- %1, DUAL-Beta: c %2 per seed") },
        { benchmarkmethod::semiPruneDiverse(),
            QCoreApplication::translate("Benchmark", "- %1, diverse: beta %2 per seed") },
    };
    for (double rate : settings.pruningRates) {
        for (const auto &[method, text] : betaLines) {
            const BenchmarkEntry *e = find(method, rate);
            if (!e)
                continue;
            QString line = text.arg(rateHeader(rate), betaList(e->betas));
            if (method == benchmarkmethod::semiPrune())
                line = line.arg(e->coresetSize);
            lines << line;
        }
    }
    int searches = 0, changed = 0;
    for (const BenchmarkEntry &e : entries) {
        for (std::size_t i = 0; i < e.unsmoothedBetas.size() && i < e.betas.size(); ++i) {
            ++searches;
            changed += std::abs(e.unsmoothedBetas[i] - e.betas[i]) > 1e-9 ? 1 : 0;
        }
    }
    if (searches > 0)
        lines << QString()
              << QCoreApplication::translate("Benchmark",
                     "Each parameter is chosen by its validation accuracy averaged with its neighbours on the grid; "
                     "the plain best would have chosen otherwise in %1 of %2 searches.")
                     .arg(changed)
                     .arg(searches);
    lines << QString() << QCoreApplication::translate("Benchmark", "## Diagnostics and cost") << QString();
    lines << QCoreApplication::translate("Benchmark", "- pseudo-label accuracy on the images without a human label: %1")
                 .arg(percent(pseudoLabelAccuracies));
    lines << QCoreApplication::translate("Benchmark",
        "- wrong labels in the proxy run: %1 of the pool (seed labels included), %2 of the lowest-AUM 10 %")
                 .arg(percent(pseudoLabelErrorShares), percent(lowAumErrorShares));
    lines << QCoreApplication::translate(
        "Benchmark", "- label cost per seed: %1 seed labels + %2 validation labels = %3 (of %4 pool images)")
                 .arg(seedLabelsPerRepetition)
                 .arg(validationImages)
                 .arg(labelCostPerRepetition())
                 .arg(poolImages);
    lines << QCoreApplication::translate("Benchmark", "- test images: %1, of which in training or beta selection: %2")
                 .arg(testImages)
                 .arg(testImagesInTraining);
    const int seeds = std::max(1, completedRepetitions);
    for (const auto &[stage, seconds] : stageSeconds)
        lines << QCoreApplication::translate("Benchmark", "- time, %1: %2 s per seed (%3 s in all)")
                     .arg(figureTitle(stage))
                     .arg(seconds / seeds, 0, 'f', 1)
                     .arg(seconds, 0, 'f', 1);
    for (const auto &[what, rate] : imagesPerSecond)
        lines << QCoreApplication::translate("Benchmark", "- throughput, %1: %2 images/s")
                     .arg(figureTitle(what))
                     .arg(rate, 0, 'f', 0);
    lines << QCoreApplication::translate("Benchmark", "- total time: %1 min on %2 with %3 thread(s), %4")
                 .arg(totalSeconds / 60.0, 0, 'f', 1)
                 .arg(device)
                 .arg(threads)
                 .arg(precision);
    lines << QString() << QCoreApplication::translate("Benchmark", "## Settings") << QString();
    lines << QCoreApplication::translate("Benchmark", "- training data: %1 (%2 images); test data: %3")
                 .arg(trainSource)
                 .arg(trainImages)
                 .arg(testSource);
    lines << QCoreApplication::translate("Benchmark", "- classes: %1").arg(classNames.join(QStringLiteral(", ")));
    const QJsonObject json = settings.toJson();
    for (auto it = json.begin(); it != json.end(); ++it) {
        QString value = it.value().isArray() ? betaList(fromArray(it.value())) : it.value().toVariant().toString();
        lines << QStringLiteral("- %1: %2").arg(it.key(), value);
    }
    lines << QCoreApplication::translate("Benchmark", "- project: %1").arg(projectFile);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString BenchmarkReport::csv() const
{
    QStringList lines { QStringLiteral(
        "method,pruning_rate,keep_ratio,seeds,accuracy_mean,accuracy_std,accuracies,betas,coreset_size,label_cost,"
        "best_epoch_accuracy_mean,best_epoch_accuracy_std") };
    const auto row = [&](const QString &method, double rate, const std::vector<double> &acc,
                         const std::vector<double> &betas, int size, const std::vector<double> &best) {
        QStringList values;
        for (double a : acc)
            values << QString::number(a, 'f', 4);
        lines << QStringLiteral("%1,%2,%3,%4,%5,%6,\"%7\",\"%8\",%9,%10,%11,%12")
                     .arg(method)
                     .arg(rate)
                     .arg(1.0 - rate)
                     .arg(acc.size())
                     .arg(meanOf(acc), 0, 'f', 4)
                     .arg(stdOf(acc), 0, 'f', 4)
                     .arg(values.join(QLatin1Char(' ')), betaList(betas).remove(QLatin1Char(',')))
                     .arg(size)
                     .arg(labelCostPerRepetition())
                     .arg(meanOf(best), 0, 'f', 4)
                     .arg(stdOf(best), 0, 'f', 4);
    };
    for (const QString &method : methods())
        for (double rate : settings.pruningRates)
            if (const BenchmarkEntry *e = find(method, rate))
                row(method, rate, e->accuracies, e->betas, e->coresetSize, e->bestEpochAccuracies);
    row(QStringLiteral("full"), 0.0, fullDataAccuracies, {}, poolImages, fullDataBestEpochAccuracies);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace semiprune

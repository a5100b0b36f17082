#include "benchmark/benchmarksettings.h"

#include "common/error.h"
#include "selection/budget.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace semiprune {

namespace {

// Benchmark reports have named three training keys their own way from the first version on, and a
// resumed benchmark compares its settings with the stored ones by these names.
const std::pair<QLatin1String, QLatin1String> BenchmarkTrainingKeys[] = {
    { QLatin1String("batch_size"), QLatin1String("ssl_batch") },
    { QLatin1String("allow_flip"), QLatin1String("flip") },
    { QLatin1String("seed"), QLatin1String("first_seed") },
};

void renameKey(QJsonObject &json, QLatin1String from, QLatin1String to)
{
    if (json.contains(from))
        json.insert(to, json.take(from));
}

} // namespace

TrainingSettings BenchmarkSettings::fullProfileTraining()
{
    TrainingSettings training;
    training.sslSteps = 3693;
    training.sslBatch = 32;
    training.mu = 3;
    training.threshold = 0.95;
    training.proxyEpochs = 15;
    return training;
}

BenchmarkSettings BenchmarkSettings::forProfile(const QString &name)
{
    BenchmarkSettings s;
    if (name == QLatin1String("full"))
        return s;
    if (name != QLatin1String("quick"))
        throw Error(
            QCoreApplication::translate("Benchmark", "Unknown benchmark profile \"%1\": use quick or full.").arg(name));
    // Sized to finish within about a quarter of an hour on a 2-core CPU with a 28x28 data set.
    s.profile = name;
    s.poolSize = 10000;
    s.seedBudget = 500;
    s.validationSize = 500;
    s.repetitions = 1;
    s.training.sslSteps = 600;
    s.training.proxyEpochs = 5;
    s.finalEpochs = 5;
    s.betaSpread = 1;
    return s;
}

void BenchmarkSettings::validate() const
{
    const auto fail = [](const QString &message) { throw Error(message); };
    if (pruningRates.empty())
        fail(QCoreApplication::translate("Benchmark", "Give at least one pruning rate."));
    for (double rate : pruningRates) {
        if (!(rate > 0.0 && rate < 1.0))
            fail(QCoreApplication::translate(
                "Benchmark", "A pruning rate must lie strictly between 0 and 1 (0.9 prunes 90 %), not %1.")
                     .arg(rate));
    }
    if (seedBudget < 2)
        fail(QCoreApplication::translate("Benchmark", "The seed needs at least 2 labeled images (asked for %1).")
                 .arg(seedBudget));
    if (validationSize < 2)
        fail(QCoreApplication::translate(
            "Benchmark", "The validation split needs at least 2 labeled images (asked for %1).")
                 .arg(validationSize));
    training.validate();
    if (repetitions < 1 || finalEpochs < 1 || poolSize < 0)
        fail(QCoreApplication::translate(
            "Benchmark", "The seeds and the final epochs must be positive, and the pool size not negative."));
    for (SelectorKind kind : selectors) {
        if (kind != SelectorKind::HardCutoff && kind != SelectorKind::Ccs && kind != SelectorKind::DualBeta
            && kind != SelectorKind::Diverse)
            fail(QCoreApplication::translate("Benchmark",
                "The benchmark measures the selectors cutoff, ccs, dual-beta and diverse (random always; the "
                "class-aware cutoff with --class-cutoff), not %1.")
                     .arg(selectorKindName(kind)));
    }
    if (betaSpread < 0 || !(betaStep > 0.0 && betaStep < 1.0))
        fail(QCoreApplication::translate(
            "Benchmark", "The beta search needs a spread of 0 or more and a step inside (0, 1)."));
}

QJsonObject BenchmarkSettings::toJson() const
{
    QJsonObject json = training.toJson();
    json.remove(QLatin1String("image_memory_mib")); // where pixels live, never a result
    for (const auto &[trainingKey, benchmarkKey] : BenchmarkTrainingKeys)
        renameKey(json, trainingKey, benchmarkKey);
    QJsonArray rates;
    for (double rate : pruningRates)
        rates.append(rate);
    json.insert(QStringLiteral("profile"), profile);
    json.insert(QStringLiteral("pool_size"), poolSize);
    json.insert(QStringLiteral("seed_budget"), seedBudget);
    json.insert(QStringLiteral("validation_size"), validationSize);
    json.insert(QStringLiteral("pruning_rates"), rates);
    json.insert(QStringLiteral("seeds"), repetitions);
    json.insert(QStringLiteral("final_epochs"), finalEpochs);
    json.insert(QStringLiteral("beta_spread"), betaSpread);
    json.insert(QStringLiteral("beta_step"), betaStep);
    json.insert(QStringLiteral("class_cutoff"), classCutoff);
    QJsonArray names;
    for (SelectorKind kind : selectors)
        names.append(selectorKindName(kind));
    json.insert(QStringLiteral("selectors"), names);
    return json;
}

BenchmarkSettings BenchmarkSettings::fromJson(const QJsonObject &json)
{
    BenchmarkSettings s;
    QJsonObject trainingJson = json;
    for (const auto &[trainingKey, benchmarkKey] : BenchmarkTrainingKeys)
        renameKey(trainingJson, benchmarkKey, trainingKey);
    s.training = TrainingSettings::fromJson(trainingJson, s.training);
    s.profile = json.value(QStringLiteral("profile")).toString(s.profile);
    s.poolSize = json.value(QStringLiteral("pool_size")).toInt(s.poolSize);
    s.seedBudget = json.value(QStringLiteral("seed_budget")).toInt(s.seedBudget);
    s.validationSize = json.value(QStringLiteral("validation_size")).toInt(s.validationSize);
    if (json.contains(QStringLiteral("pruning_rates"))) {
        s.pruningRates.clear();
        for (const QJsonValue &rate : json.value(QStringLiteral("pruning_rates")).toArray())
            s.pruningRates.push_back(rate.toDouble());
    }
    s.repetitions = json.value(QStringLiteral("seeds")).toInt(s.repetitions);
    s.finalEpochs = json.value(QStringLiteral("final_epochs")).toInt(s.finalEpochs);
    s.betaSpread = json.value(QStringLiteral("beta_spread")).toInt(s.betaSpread);
    s.betaStep = json.value(QStringLiteral("beta_step")).toDouble(s.betaStep);
    s.classCutoff = json.value(QStringLiteral("class_cutoff")).toBool(s.classCutoff);
    // Reports from before the list measured the hard cutoff alone.
    s.selectors = { SelectorKind::HardCutoff };
    for (const QJsonValue &name : json.value(QStringLiteral("selectors")).toArray()) {
        const SelectorKind kind = selectorKindFromName(name.toString());
        if (!s.measures(kind))
            s.selectors.push_back(kind);
    }
    return s;
}

bool BenchmarkSettings::measures(SelectorKind kind) const
{
    return std::find(selectors.begin(), selectors.end(), kind) != selectors.end();
}

std::vector<double> BenchmarkSettings::betaCandidates(double keepRatio, bool highestRate) const
{
    const double center = defaultBetaFor(keepRatio);
    std::vector<double> candidates;
    const auto add = [&](double beta) {
        beta = std::round(beta * 1000.0) / 1000.0; // 0.1 steps stay exact in the report
        if (beta < 0.0 || beta >= 1.0 - keepRatio - 1e-9)
            return;
        if (std::none_of(candidates.begin(), candidates.end(), [&](double b) { return std::abs(b - beta) < 1e-9; }))
            candidates.push_back(beta);
    };
    if (highestRate)
        add(0.0);
    for (int k = -betaSpread; k <= betaSpread; ++k)
        add(center + k * betaStep);
    std::sort(candidates.begin(), candidates.end());
    return candidates;
}

double BenchmarkSettings::highestPruningRate() const
{
    return pruningRates.empty() ? 0.0 : *std::max_element(pruningRates.begin(), pruningRates.end());
}

int BenchmarkSettings::finalBatchFor(double keepRatio)
{
    if (keepRatio >= 0.3 - 1e-9)
        return 128;
    if (keepRatio >= 0.15 - 1e-9)
        return 64;
    return 32;
}

} // namespace semiprune

#include "benchmark/coresetunits.h"

#include "benchmark/benchmarkjournal.h"
#include "benchmark/coresettrainer.h"
#include "benchmark/heldouttestset.h"
#include "common/error.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>

namespace semiprune {

QJsonObject TrainedUnit::toJson() const
{
    return QJsonObject { { QStringLiteral("validation"), validation }, { QStringLiteral("only_class"), onlyClass },
        { QStringLiteral("size"), size }, { QStringLiteral("seconds"), seconds },
        { QStringLiteral("images_per_second"), imagesPerSecond } };
}

TrainedUnit TrainedUnit::fromJson(const QJsonObject &json)
{
    return TrainedUnit { json.value(QStringLiteral("validation")).toDouble(),
        json.value(QStringLiteral("only_class")).toInt(-1), json.value(QStringLiteral("size")).toInt(),
        json.value(QStringLiteral("seconds")).toDouble(), json.value(QStringLiteral("images_per_second")).toDouble() };
}

QJsonObject TestedUnit::toJson() const
{
    return QJsonObject { { QStringLiteral("test"), test }, { QStringLiteral("best_epoch_test"), bestEpochTest },
        { QStringLiteral("seconds"), seconds } };
}

TestedUnit TestedUnit::fromJson(const QJsonObject &json)
{
    return TestedUnit { json.value(QStringLiteral("test")).toDouble(),
        json.value(QStringLiteral("best_epoch_test")).toDouble(), json.value(QStringLiteral("seconds")).toDouble() };
}

QString unitKey(quint64 seed, const QString &what)
{
    return QStringLiteral("seed%1/%2").arg(seed).arg(what);
}

QString unitKey(quint64 seed, double pruningRate, const QString &what)
{
    return unitKey(seed, QStringLiteral("prune%1/%2").arg(pruningRate, 0, 'f', 3).arg(what));
}

CoresetUnits::CoresetUnits(Inputs inputs) : m_in(std::move(inputs)) { }

QString CoresetUnits::modelFolder(const QString &key) const
{
    return QDir(m_in.outputFolder)
        .filePath(QStringLiteral("models/") + QString(key).replace(QLatin1Char('/'), QLatin1Char('-')));
}

bool CoresetUnits::isTrained(const QString &key) const
{
    return m_in.journal.find(key).has_value();
}

TrainedUnit CoresetUnits::train(const QString &key, const std::vector<int> &kept, double keepRatio)
{
    if (const auto done = m_in.journal.find(key)) {
        const TrainedUnit unit = TrainedUnit::fromJson(*done);
        m_seconds += unit.seconds;
        return unit;
    }
    const QString folder = modelFolder(key);
    QDir(folder).removeRecursively(); // epochs of a training a stop cut short
    if (!QDir().mkpath(folder))
        throw Error(QCoreApplication::translate("Benchmark", "%1 cannot be created.").arg(folder));
    QElapsedTimer timer;
    timer.start();
    const CoresetModel model = m_in.trainer.train(kept, keepRatio, m_in.seed, folder);
    const TrainedUnit unit { model.evaluate(m_in.validationBank, m_in.validationLabels), model.onlyClass,
        int(kept.size()), timer.elapsed() / 1000.0, m_in.trainer.lastImagesPerSecond() };
    m_in.journal.record(key, unit.toJson());
    m_seconds += unit.seconds;
    return unit;
}

TestedUnit CoresetUnits::test(const QString &key)
{
    const QString testKey = key + QStringLiteral("/test");
    if (const auto done = m_in.journal.find(testKey)) {
        const TestedUnit unit = TestedUnit::fromJson(*done);
        m_seconds += unit.seconds;
        return unit;
    }
    QElapsedTimer timer;
    timer.start();
    const TrainedUnit trained = TrainedUnit::fromJson(m_in.journal.find(key).value());
    const CoresetModel model
        = CoresetModel::fromFolder(modelFolder(key), m_in.finalEpochs, trained.onlyClass, m_in.device);
    TestedUnit unit;
    unit.test = m_in.testSet.accuracyOf(model, m_in.labelMap);
    unit.bestEpochTest = m_in.testSet.bestEpochAccuracyOf(model, m_in.labelMap, unit.test);
    unit.seconds = timer.elapsed() / 1000.0;
    m_in.journal.record(testKey, unit.toJson());
    m_seconds += unit.seconds;
    return unit;
}

void CoresetUnits::removeModels(const QString &prefix)
{
    const QString folderPrefix = QString(prefix).replace(QLatin1Char('/'), QLatin1Char('-'));
    QDir models(QDir(m_in.outputFolder).filePath(QStringLiteral("models")));
    for (const QString &folder :
        models.entryList({ folderPrefix + QLatin1Char('*') }, QDir::Dirs | QDir::NoDotAndDotDot))
        QDir(models.filePath(folder)).removeRecursively();
}

} // namespace semiprune

#include "trainingsettings.h"

#include "common/error.h"

#include <QCoreApplication>

namespace semiprune {

// The messages keep the translation context they have always had ("PipelineSettings"), so the
// catalogs keep matching.

QString modelKindName(ModelKind kind)
{
    switch (kind) {
    case ModelKind::Auto:
        return QStringLiteral("auto");
    case ModelKind::SmallCnn:
        return QStringLiteral("small-cnn");
    case ModelKind::ResNet18:
        return QStringLiteral("resnet-18");
    }
    return {};
}

ModelKind modelKindFromName(const QString &name)
{
    for (ModelKind kind : { ModelKind::Auto, ModelKind::SmallCnn, ModelKind::ResNet18 }) {
        if (modelKindName(kind) == name)
            return kind;
    }
    throw Error(
        QCoreApplication::translate("PipelineSettings", "Unknown model \"%1\": use auto, small-cnn or resnet-18.")
            .arg(name));
}

QString deviceChoiceName(DeviceChoice device)
{
    switch (device) {
    case DeviceChoice::Auto:
        return QStringLiteral("auto");
    case DeviceChoice::Cpu:
        return QStringLiteral("cpu");
    case DeviceChoice::Cuda:
        return QStringLiteral("cuda");
    }
    return {};
}

DeviceChoice deviceChoiceFromName(const QString &name)
{
    for (DeviceChoice device : { DeviceChoice::Auto, DeviceChoice::Cpu, DeviceChoice::Cuda }) {
        if (deviceChoiceName(device) == name)
            return device;
    }
    throw Error(
        QCoreApplication::translate("PipelineSettings", "Unknown device \"%1\": use auto, cpu or cuda.").arg(name));
}

QString precisionName(Precision precision)
{
    switch (precision) {
    case Precision::Auto:
        return QStringLiteral("auto");
    case Precision::Float32:
        return QStringLiteral("float32");
    case Precision::BFloat16:
        return QStringLiteral("bfloat16");
    }
    return {};
}

Precision precisionFromName(const QString &name)
{
    for (Precision precision : { Precision::Auto, Precision::Float32, Precision::BFloat16 }) {
        if (precisionName(precision) == name)
            return precision;
    }
    throw Error(
        QCoreApplication::translate("PipelineSettings", "Unknown precision \"%1\": use auto, float32 or bfloat16.")
            .arg(name));
}

QString thresholdModeName(ThresholdMode mode)
{
    switch (mode) {
    case ThresholdMode::Fixed:
        return QStringLiteral("fixed");
    case ThresholdMode::FlexMatch:
        return QStringLiteral("flexmatch");
    }
    return {};
}

ThresholdMode thresholdModeFromName(const QString &name)
{
    for (ThresholdMode mode : { ThresholdMode::Fixed, ThresholdMode::FlexMatch }) {
        if (thresholdModeName(mode) == name)
            return mode;
    }
    throw Error(
        QCoreApplication::translate("PipelineSettings", "Unknown threshold mode \"%1\": use fixed or flexmatch.")
            .arg(name));
}

QJsonObject TrainingSettings::toJson() const
{
    QJsonObject json { { QStringLiteral("ssl_steps"), sslSteps }, { QStringLiteral("batch_size"), sslBatch },
        { QStringLiteral("mu"), mu }, { QStringLiteral("threshold"), threshold },
        { QStringLiteral("proxy_epochs"), proxyEpochs }, { QStringLiteral("seed"), QString::number(seed) },
        { QStringLiteral("threads"), threads }, { QStringLiteral("device"), deviceChoiceName(device) },
        { QStringLiteral("model"), modelKindName(model) }, { QStringLiteral("allow_flip"), allowFlip },
        { QStringLiteral("image_memory_mib"), imageMemoryMiB },
        { QStringLiteral("precision"), precisionName(precision) } };
    if (thresholdMode != ThresholdMode::Fixed)
        json.insert(QStringLiteral("threshold_mode"), thresholdModeName(thresholdMode));
    if (alignDistribution)
        json.insert(QStringLiteral("distribution_alignment"), true);
    return json;
}

TrainingSettings TrainingSettings::fromJson(const QJsonObject &json)
{
    return fromJson(json, TrainingSettings());
}

TrainingSettings TrainingSettings::fromJson(const QJsonObject &json, const TrainingSettings &defaults)
{
    TrainingSettings s = defaults;
    s.sslSteps = json.value(QStringLiteral("ssl_steps")).toInt(s.sslSteps);
    s.sslBatch = json.value(QStringLiteral("batch_size")).toInt(s.sslBatch);
    s.mu = json.value(QStringLiteral("mu")).toInt(s.mu);
    s.threshold = json.value(QStringLiteral("threshold")).toDouble(s.threshold);
    s.proxyEpochs = json.value(QStringLiteral("proxy_epochs")).toInt(s.proxyEpochs);
    s.seed = json.value(QStringLiteral("seed")).toString(QString::number(s.seed)).toULongLong();
    s.threads = json.value(QStringLiteral("threads")).toInt(s.threads);
    s.device = deviceChoiceFromName(json.value(QStringLiteral("device")).toString(deviceChoiceName(s.device)));
    s.model = modelKindFromName(json.value(QStringLiteral("model")).toString(modelKindName(s.model)));
    s.allowFlip = json.value(QStringLiteral("allow_flip")).toBool(s.allowFlip);
    s.imageMemoryMiB = json.value(QStringLiteral("image_memory_mib")).toInt(s.imageMemoryMiB);
    s.precision = precisionFromName(json.value(QStringLiteral("precision")).toString(precisionName(s.precision)));
    // Absent, these two mean what runs did before they existed (the fixed rule, no alignment),
    // whatever the defaults: toJson leaves them out exactly then.
    s.thresholdMode = thresholdModeFromName(
        json.value(QStringLiteral("threshold_mode")).toString(thresholdModeName(ThresholdMode::Fixed)));
    s.alignDistribution = json.value(QStringLiteral("distribution_alignment")).toBool(false);
    return s;
}

void TrainingSettings::validate() const
{
    if (sslSteps < 1)
        throw Error(QCoreApplication::translate("PipelineSettings", "FixMatch needs at least one step (asked for %1).")
                        .arg(sslSteps));
    if (sslBatch < 2 || sslBatch > 4096)
        throw Error(
            QCoreApplication::translate("PipelineSettings", "The batch size must be between 2 and 4096 (asked for %1).")
                .arg(sslBatch));
    if (mu < 1 || mu > 64)
        throw Error(QCoreApplication::translate(
            "PipelineSettings", "mu (unlabeled images per labeled one) must be between 1 and 64 (asked for %1).")
                        .arg(mu));
    if (!(threshold > 0 && threshold <= 1))
        throw Error(QCoreApplication::translate(
            "PipelineSettings", "The confidence threshold must be in (0, 1] (asked for %1).")
                        .arg(threshold));
    if (proxyEpochs < 1)
        throw Error(QCoreApplication::translate(
            "PipelineSettings", "The proxy training needs at least one epoch (asked for %1).")
                        .arg(proxyEpochs));
    if (threads < 0 || threads > 1024)
        throw Error(QCoreApplication::translate(
            "PipelineSettings", "The thread count must be between 0 (all cores) and 1024 (asked for %1).")
                        .arg(threads));
    if (imageMemoryMiB < 0)
        throw Error(QCoreApplication::translate(
            "PipelineSettings", "The image memory budget cannot be negative (asked for %1 MiB).")
                        .arg(imageMemoryMiB));
}

} // namespace semiprune

#include "pipelinesettings.h"

#include "common/error.h"
#include "selection/budget.h"

#include <QCoreApplication>

namespace semiprune {

QString selectorKindName(SelectorKind kind)
{
    switch (kind) {
    case SelectorKind::HardCutoff:
        return QStringLiteral("cutoff");
    case SelectorKind::ClassAwareCutoff:
        return QStringLiteral("class-cutoff");
    case SelectorKind::Ccs:
        return QStringLiteral("ccs");
    case SelectorKind::DualBeta:
        return QStringLiteral("dual-beta");
    case SelectorKind::Random:
        return QStringLiteral("random");
    }
    return {};
}

SelectorKind selectorKindFromName(const QString &name)
{
    for (SelectorKind kind : { SelectorKind::HardCutoff, SelectorKind::ClassAwareCutoff, SelectorKind::Ccs,
             SelectorKind::DualBeta, SelectorKind::Random }) {
        if (selectorKindName(kind) == name)
            return kind;
    }
    throw Error(QCoreApplication::translate(
        "PipelineSettings", "Unknown selector \"%1\": use cutoff, class-cutoff, ccs, dual-beta or random.")
                    .arg(name));
}

QJsonObject PipelineSettings::toJson() const
{
    return QJsonObject { { QStringLiteral("ssl_steps"), sslSteps }, { QStringLiteral("batch_size"), batchSize },
        { QStringLiteral("mu"), mu }, { QStringLiteral("threshold"), threshold },
        { QStringLiteral("proxy_epochs"), proxyEpochs }, { QStringLiteral("selector"), selectorKindName(selector) },
        { QStringLiteral("score"), score }, { QStringLiteral("keep_ratio"), keepRatio },
        { QStringLiteral("beta"), beta }, { QStringLiteral("force_seed"), forceSeed },
        { QStringLiteral("selection_name"), selectionName }, { QStringLiteral("seed"), QString::number(seed) },
        { QStringLiteral("threads"), threads }, { QStringLiteral("device"), device },
        { QStringLiteral("model"), model }, { QStringLiteral("allow_flip"), allowFlip },
        { QStringLiteral("image_memory_mib"), imageMemoryMiB } };
}

PipelineSettings PipelineSettings::fromJson(const QJsonObject &json)
{
    PipelineSettings s;
    s.sslSteps = json.value(QStringLiteral("ssl_steps")).toInt(s.sslSteps);
    s.batchSize = json.value(QStringLiteral("batch_size")).toInt(s.batchSize);
    s.mu = json.value(QStringLiteral("mu")).toInt(s.mu);
    s.threshold = json.value(QStringLiteral("threshold")).toDouble(s.threshold);
    s.proxyEpochs = json.value(QStringLiteral("proxy_epochs")).toInt(s.proxyEpochs);
    s.selector = selectorKindFromName(json.value(QStringLiteral("selector")).toString(selectorKindName(s.selector)));
    s.score = json.value(QStringLiteral("score")).toString(s.score);
    s.keepRatio = json.value(QStringLiteral("keep_ratio")).toDouble(s.keepRatio);
    s.beta = json.value(QStringLiteral("beta")).toDouble(s.beta);
    s.forceSeed = json.value(QStringLiteral("force_seed")).toBool(s.forceSeed);
    s.selectionName = json.value(QStringLiteral("selection_name")).toString();
    s.seed = json.value(QStringLiteral("seed")).toString(QString::number(s.seed)).toULongLong();
    s.threads = json.value(QStringLiteral("threads")).toInt(s.threads);
    s.device = json.value(QStringLiteral("device")).toString(s.device);
    s.model = json.value(QStringLiteral("model")).toString(s.model);
    s.allowFlip = json.value(QStringLiteral("allow_flip")).toBool(s.allowFlip);
    s.imageMemoryMiB = json.value(QStringLiteral("image_memory_mib")).toInt(s.imageMemoryMiB);
    return s;
}

void PipelineSettings::validate() const
{
    if (sslSteps < 1)
        throw Error(QCoreApplication::translate("PipelineSettings", "FixMatch needs at least one step (asked for %1).")
                        .arg(sslSteps));
    if (batchSize < 2 || batchSize > 4096)
        throw Error(
            QCoreApplication::translate("PipelineSettings", "The batch size must be between 2 and 4096 (asked for %1).")
                .arg(batchSize));
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
    if (!(keepRatio > 0 && keepRatio < 1))
        throw Error(QCoreApplication::translate(
            "PipelineSettings", "The keep ratio must be between 0 and 1, both excluded (asked for %1).")
                        .arg(keepRatio));
    const double b = effectiveBeta();
    if (!(b >= 0 && b < 1 - keepRatio))
        throw Error(QCoreApplication::translate(
            "PipelineSettings", "beta must satisfy 0 <= beta < 1 - keep ratio = %1 (asked for %2).")
                        .arg(1 - keepRatio)
                        .arg(b));
    if (threads < 0 || threads > 1024)
        throw Error(QCoreApplication::translate(
            "PipelineSettings", "The thread count must be between 0 (all cores) and 1024 (asked for %1).")
                        .arg(threads));
    if (device != QLatin1String("auto") && device != QLatin1String("cpu") && device != QLatin1String("cuda"))
        throw Error(QCoreApplication::translate("PipelineSettings", "Unknown device \"%1\": use auto, cpu or cuda.")
                        .arg(device));
    if (model != QLatin1String("auto") && model != QLatin1String("small-cnn") && model != QLatin1String("resnet-18"))
        throw Error(
            QCoreApplication::translate("PipelineSettings", "Unknown model \"%1\": use auto, small-cnn or resnet-18.")
                .arg(model));
    if (imageMemoryMiB < 0)
        throw Error(QCoreApplication::translate(
            "PipelineSettings", "The image memory budget cannot be negative (asked for %1 MiB).")
                        .arg(imageMemoryMiB));
    for (const char *name : { "aum", "forgetting", "el2n", "dual" }) {
        if (score == QLatin1String(name))
            return;
    }
    throw Error(
        QCoreApplication::translate("PipelineSettings", "Unknown score \"%1\": use aum, forgetting, el2n or dual.")
            .arg(score));
}

double PipelineSettings::effectiveBeta() const
{
    if (selector == SelectorKind::DualBeta || selector == SelectorKind::Random)
        return 0;
    return beta >= 0 ? beta : defaultBetaFor(keepRatio);
}

} // namespace semiprune

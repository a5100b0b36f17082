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
    case SelectorKind::Diverse:
        return QStringLiteral("diverse");
    }
    return {};
}

bool selectorNeedsFeatures(SelectorKind kind)
{
    return kind == SelectorKind::Diverse;
}

SelectorKind selectorKindFromName(const QString &name)
{
    for (SelectorKind kind : { SelectorKind::HardCutoff, SelectorKind::ClassAwareCutoff, SelectorKind::Ccs,
             SelectorKind::DualBeta, SelectorKind::Random, SelectorKind::Diverse }) {
        if (selectorKindName(kind) == name)
            return kind;
    }
    throw Error(QCoreApplication::translate(
        "PipelineSettings", "Unknown selector \"%1\": use cutoff, class-cutoff, ccs, dual-beta, diverse or random.")
                    .arg(name));
}

QJsonObject PipelineSettings::toJson() const
{
    QJsonObject json = training.toJson();
    json.insert(QStringLiteral("selector"), selectorKindName(selector));
    json.insert(QStringLiteral("score"), score);
    json.insert(QStringLiteral("keep_ratio"), keepRatio);
    json.insert(QStringLiteral("beta"), beta);
    json.insert(QStringLiteral("force_seed"), forceSeed);
    json.insert(QStringLiteral("selection_name"), selectionName);
    return json;
}

PipelineSettings PipelineSettings::fromJson(const QJsonObject &json)
{
    PipelineSettings s;
    s.training = TrainingSettings::fromJson(json);
    s.selector = selectorKindFromName(json.value(QStringLiteral("selector")).toString(selectorKindName(s.selector)));
    s.score = json.value(QStringLiteral("score")).toString(s.score);
    s.keepRatio = json.value(QStringLiteral("keep_ratio")).toDouble(s.keepRatio);
    s.beta = json.value(QStringLiteral("beta")).toDouble(s.beta);
    s.forceSeed = json.value(QStringLiteral("force_seed")).toBool(s.forceSeed);
    s.selectionName = json.value(QStringLiteral("selection_name")).toString();
    return s;
}

void PipelineSettings::validate() const
{
    training.validate();
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

#pragma once

#include "jobs/trainingsettings.h"

#include <QJsonObject>
#include <QString>

namespace semiprune {

enum class SelectorKind { HardCutoff, ClassAwareCutoff, Ccs, DualBeta, Random, Diverse };
// Whether the selector reads the proxy network's image features (the diversity selector).
bool selectorNeedsFeatures(SelectorKind kind);
QString selectorKindName(SelectorKind kind);
SelectorKind selectorKindFromName(const QString &name); // throws Error

// Every setting of the pipeline: how to train (stages 2-4) and how to select (stage 6).
struct PipelineSettings {
    TrainingSettings training;
    // Stage 6: selection.
    SelectorKind selector = SelectorKind::HardCutoff;
    QString score = QStringLiteral("aum"); // the score the cutoff and CCS rank by
    double keepRatio = 0.3;
    double beta = -1; // < 0: the default for the keep ratio
    bool forceSeed = false; // keep every human-labeled image (the seed) in the coreset
    QString selectionName; // empty: named after the method and ratio

    // One flat object: the training keys (TrainingSettings::toJson) and the selection's.
    QJsonObject toJson() const;
    static PipelineSettings fromJson(const QJsonObject &json);
    // Throws Error for values that cannot work (zero steps, keep ratio outside (0, 1), ...).
    void validate() const;
    double effectiveBeta() const;
};

} // namespace semiprune

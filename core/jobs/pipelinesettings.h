#pragma once

#include <QJsonObject>
#include <QString>

namespace semiprune {

enum class SelectorKind { HardCutoff, ClassAwareCutoff, Ccs, DualBeta, Random };
QString selectorKindName(SelectorKind kind);
SelectorKind selectorKindFromName(const QString &name); // throws Error

// Every setting of the pipeline, with defaults sized for a 2-core CPU and data sets of tens of
// thousands of small images (method.md: K a few thousand, E 20-30 on a CPU).
struct PipelineSettings {
    // Stage 2: FixMatch.
    int sslSteps = 1500;
    int batchSize = 32; // B
    int mu = 3; // unlabeled per labeled image in a step
    double threshold = 0.95; // tau
    // Stage 4: proxy training with dynamics.
    int proxyEpochs = 15;
    // Stage 6: selection.
    SelectorKind selector = SelectorKind::HardCutoff;
    QString score = QStringLiteral("aum"); // the score the cutoff and CCS rank by
    double keepRatio = 0.3;
    double beta = -1; // < 0: the default for the keep ratio
    bool forceSeed = false; // keep every human-labeled image (the seed) in the coreset
    QString selectionName; // empty: named after the method and ratio
    // Everywhere.
    quint64 seed = 1;
    int threads = 0; // 0: all cores
    QString device = QStringLiteral("auto"); // auto, cpu, cuda
    QString model = QStringLiteral("auto"); // auto (from the training resolution), small-cnn, resnet-18
    bool allowFlip = true;
    // Decoded training images are held in memory up to this many MiB, in a mapped file beyond it;
    // 0: a quarter of the machine's memory. Changes where pixels live, never a result.
    int imageMemoryMiB = 0;

    QJsonObject toJson() const;
    static PipelineSettings fromJson(const QJsonObject &json);
    // Throws Error for values that cannot work (zero steps, keep ratio outside (0, 1), ...).
    void validate() const;
    double effectiveBeta() const;
};

} // namespace semiprune

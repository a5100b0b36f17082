#include "trainingoptions.h"

#include "support.h"

#include <QCoreApplication>

namespace semiprune::cli {

void TrainingOptions::addTo(QCommandLineParser &parser) const
{
    const TrainingSettings &d = defaults;
    const QString stepsHelp = quickDefaults
        ? QCoreApplication::translate("cli", "FixMatch steps K (full: %1, quick: %2).")
              .arg(d.sslSteps)
              .arg(quickDefaults->sslSteps)
        : QCoreApplication::translate("cli", "FixMatch steps K (default %1).").arg(d.sslSteps);
    const QString epochsHelp = quickDefaults
        ? QCoreApplication::translate("cli", "Proxy training epochs (full: %1, quick: %2).")
              .arg(d.proxyEpochs)
              .arg(quickDefaults->proxyEpochs)
        : QCoreApplication::translate("cli", "Proxy training epochs E (default %1).").arg(d.proxyEpochs);
    parser.addOptions({
        QCommandLineOption(QStringLiteral("steps"), stepsHelp, QStringLiteral("n")),
        QCommandLineOption(QStringLiteral("batch"),
            QCoreApplication::translate("cli", "Labeled images per FixMatch step B (default %1).").arg(d.sslBatch),
            QStringLiteral("n")),
        QCommandLineOption(QStringLiteral("mu"),
            QCoreApplication::translate("cli", "Unlabeled images per labeled one (default %1).").arg(d.mu),
            QStringLiteral("n")),
        QCommandLineOption(QStringLiteral("threshold"),
            QCoreApplication::translate("cli", "Pseudo-label confidence threshold tau (default %1).").arg(d.threshold),
            QStringLiteral("tau")),
        QCommandLineOption(QStringLiteral("threshold-mode"),
            QCoreApplication::translate("cli",
                "flexmatch (default: per-class thresholds that follow how well each class is learnt) or "
                "fixed (tau for every class)."),
            QStringLiteral("mode")),
        QCommandLineOption(QStringLiteral("align-distribution"),
            QCoreApplication::translate("cli",
                "Align FixMatch's unlabeled predictions to the seed's class shares before taking pseudo-labels.")),
        QCommandLineOption(proxyEpochsName, epochsHelp, QStringLiteral("n")),
        QCommandLineOption(QStringLiteral("threads"),
            QCoreApplication::translate("cli", "CPU threads (default: all cores)."), QStringLiteral("n")),
        QCommandLineOption(QStringLiteral("device"),
            QCoreApplication::translate("cli", "auto (default: CUDA when there is one), cpu or cuda."),
            QStringLiteral("device")),
        QCommandLineOption(QStringLiteral("model"),
            QCoreApplication::translate(
                "cli", "auto (default: small CNN up to 32 px, ResNet-18 above), small-cnn or resnet-18."),
            QStringLiteral("kind")),
        QCommandLineOption(QStringLiteral("precision"),
            QCoreApplication::translate(
                "cli", "auto (default: bfloat16 on a CPU with AVX512-BF16, else float32), float32 or bfloat16."),
            QStringLiteral("precision")),
        QCommandLineOption(QStringLiteral("image-memory"),
            QCoreApplication::translate("cli",
                "MiB of memory for decoded images; beyond it they are paged from a file (default: a quarter "
                "of the machine's memory)."),
            QStringLiteral("MiB")),
        QCommandLineOption(QStringLiteral("no-flip"),
            QCoreApplication::translate("cli", "Never flip images horizontally (for classes a flip changes).")),
    });
}

TrainingSettings TrainingOptions::read(const QCommandLineParser &parser, TrainingSettings base) const
{
    TrainingSettings s = std::move(base);
    s.sslSteps = intOption(parser, QStringLiteral("steps"), s.sslSteps);
    s.sslBatch = intOption(parser, QStringLiteral("batch"), s.sslBatch);
    s.mu = intOption(parser, QStringLiteral("mu"), s.mu);
    s.threshold = doubleOption(parser, QStringLiteral("threshold"), s.threshold);
    if (parser.isSet(QStringLiteral("threshold-mode")))
        s.thresholdMode = thresholdModeFromName(parser.value(QStringLiteral("threshold-mode")));
    if (parser.isSet(QStringLiteral("align-distribution")))
        s.alignDistribution = true;
    s.proxyEpochs = intOption(parser, proxyEpochsName, s.proxyEpochs);
    s.threads = intOption(parser, QStringLiteral("threads"), s.threads);
    if (parser.isSet(QStringLiteral("device")))
        s.device = deviceChoiceFromName(parser.value(QStringLiteral("device")));
    if (parser.isSet(QStringLiteral("model")))
        s.model = modelKindFromName(parser.value(QStringLiteral("model")));
    if (parser.isSet(QStringLiteral("precision")))
        s.precision = precisionFromName(parser.value(QStringLiteral("precision")));
    s.imageMemoryMiB = intOption(parser, QStringLiteral("image-memory"), s.imageMemoryMiB);
    if (parser.isSet(QStringLiteral("no-flip")))
        s.allowFlip = false;
    return s;
}

} // namespace semiprune::cli

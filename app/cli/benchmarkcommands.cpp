#include "benchmarkplot.h"
#include "command.h"
#include "output.h"
#include "support.h"
#include "trainingoptions.h"

#include "benchmark/benchmarkrunner.h"
#include "benchmark/benchmarksettings.h"
#include "benchmark/benchmarksource.h"
#include "common/error.h"
#include "jobs/jobcontext.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <optional>

namespace semiprune::cli {

namespace {

TrainingOptions benchmarkTrainingOptions()
{
    TrainingOptions options;
    options.proxyEpochsName = QStringLiteral("proxy-epochs");
    options.defaults = BenchmarkSettings().training;
    options.quickDefaults = BenchmarkSettings::forProfile(QStringLiteral("quick")).training;
    return options;
}

// The profile first, then every option given explicitly on top of it.
BenchmarkSettings settingsFrom(const QCommandLineParser &parser)
{
    BenchmarkSettings s = BenchmarkSettings::forProfile(
        parser.isSet(QStringLiteral("profile")) ? parser.value(QStringLiteral("profile")) : QStringLiteral("full"));
    s.poolSize = intOption(parser, QStringLiteral("pool"), s.poolSize);
    s.seedBudget = intOption(parser, QStringLiteral("seed-labels"), s.seedBudget);
    s.validationSize = intOption(parser, QStringLiteral("validation"), s.validationSize);
    if (parser.isSet(QStringLiteral("pruning-rates"))) {
        s.pruningRates.clear();
        for (const QString &part : parser.value(QStringLiteral("pruning-rates")).split(QLatin1Char(','))) {
            bool ok = false;
            const double rate = part.trimmed().toDouble(&ok);
            if (!ok)
                throw UsageError { QCoreApplication::translate(
                    "cli", "--pruning-rates takes numbers separated by commas, such as 0.3,0.5,0.7,0.9") };
            s.pruningRates.push_back(rate);
        }
    }
    if (parser.isSet(QStringLiteral("with-80"))
        && std::none_of(
            s.pruningRates.begin(), s.pruningRates.end(), [](double r) { return std::abs(r - 0.8) < 1e-9; })) {
        s.pruningRates.push_back(0.8);
        std::sort(s.pruningRates.begin(), s.pruningRates.end());
    }
    s.repetitions = intOption(parser, QStringLiteral("seeds"), s.repetitions);
    s.training.seed = seedOption(parser, QStringLiteral("seed"), s.training.seed);
    s.finalEpochs = intOption(parser, QStringLiteral("final-epochs"), s.finalEpochs);
    s.betaSpread = intOption(parser, QStringLiteral("beta-spread"), s.betaSpread);
    s.training = benchmarkTrainingOptions().read(parser, s.training);
    if (parser.isSet(QStringLiteral("class-cutoff")))
        s.classCutoff = true;
    if (parser.isSet(QStringLiteral("selectors"))) {
        s.selectors = { SelectorKind::HardCutoff };
        for (const QString &name : parser.value(QStringLiteral("selectors")).split(QLatin1Char(','))) {
            const SelectorKind kind = selectorKindFromName(name.trimmed());
            if (!s.measures(kind))
                s.selectors.push_back(kind);
        }
    }
    s.validate();
    return s;
}

QString required(const QCommandLineParser &parser, const QString &name)
{
    if (!parser.isSet(name))
        throw UsageError { QCoreApplication::translate("cli", "--%1 is required").arg(name) };
    return parser.value(name);
}

Command benchmark()
{
    return Command { QStringLiteral("benchmark"),
        QCoreApplication::translate(
            "cli", "Measure the method against random pruning on a labeled data set (train and test splits)."),
        QStringLiteral("OUTPUT (--train DIR --test DIR | --train-images FILE --train-labels FILE --test-images FILE "
                       "--test-labels FILE)"),
        [](QCommandLineParser &parser) {
            const BenchmarkSettings full;
            const BenchmarkSettings quick = BenchmarkSettings::forProfile(QStringLiteral("quick"));
            parser.addOptions({
                jsonOption(),
                QCommandLineOption(QStringLiteral("train"),
                    QCoreApplication::translate(
                        "cli", "Training images: an ImageFolder tree (one sub-folder per class)."),
                    QStringLiteral("folder")),
                QCommandLineOption(QStringLiteral("test"),
                    QCoreApplication::translate("cli", "Test images: an ImageFolder tree with the same classes."),
                    QStringLiteral("folder")),
                QCommandLineOption(QStringLiteral("train-images"),
                    QCoreApplication::translate("cli", "Training images as an IDX file (idx3, raw or .gz)."),
                    QStringLiteral("file")),
                QCommandLineOption(QStringLiteral("train-labels"),
                    QCoreApplication::translate("cli", "Training labels as an IDX file (idx1)."),
                    QStringLiteral("file")),
                QCommandLineOption(QStringLiteral("test-images"),
                    QCoreApplication::translate("cli", "Test images as an IDX file."), QStringLiteral("file")),
                QCommandLineOption(QStringLiteral("test-labels"),
                    QCoreApplication::translate("cli", "Test labels as an IDX file."), QStringLiteral("file")),
                QCommandLineOption(QStringLiteral("profile"),
                    QCoreApplication::translate(
                        "cli", "quick (one seed, a %1-image pool, short schedules) or full (the protocol; default).")
                        .arg(quick.poolSize),
                    QStringLiteral("name")),
                QCommandLineOption(QStringLiteral("pool"),
                    QCoreApplication::translate(
                        "cli", "Training images to prune, drawn at random (0: all; full: %1, quick: %2).")
                        .arg(full.poolSize)
                        .arg(quick.poolSize),
                    QStringLiteral("n")),
                QCommandLineOption(QStringLiteral("seed-labels"),
                    QCoreApplication::translate("cli", "Seed budget b, class-balanced (full: %1, quick: %2).")
                        .arg(full.seedBudget)
                        .arg(quick.seedBudget),
                    QStringLiteral("b")),
                QCommandLineOption(QStringLiteral("validation"),
                    QCoreApplication::translate(
                        "cli", "Labeled validation images to choose beta on (full: %1, quick: %2).")
                        .arg(full.validationSize)
                        .arg(quick.validationSize),
                    QStringLiteral("n")),
                QCommandLineOption(QStringLiteral("pruning-rates"),
                    QCoreApplication::translate(
                        "cli", "Pruning rates in (0, 1), comma separated (default 0.3,0.5,0.7,0.9)."),
                    QStringLiteral("list")),
                QCommandLineOption(
                    QStringLiteral("with-80"), QCoreApplication::translate("cli", "Add the 80 % pruning rate.")),
                QCommandLineOption(QStringLiteral("seeds"),
                    QCoreApplication::translate("cli", "Repetitions with different seeds (full: %1, quick: %2).")
                        .arg(full.repetitions)
                        .arg(quick.repetitions),
                    QStringLiteral("n")),
                QCommandLineOption(QStringLiteral("seed"),
                    QCoreApplication::translate("cli", "The first seed (default %1).").arg(full.training.seed),
                    QStringLiteral("integer")),
                QCommandLineOption(QStringLiteral("final-epochs"),
                    QCoreApplication::translate("cli", "Epochs of every coreset model (full: %1, quick: %2).")
                        .arg(full.finalEpochs)
                        .arg(quick.finalEpochs),
                    QStringLiteral("n")),
                QCommandLineOption(QStringLiteral("beta-spread"),
                    QCoreApplication::translate("cli",
                        "Beta candidates on either side of the method's value, in steps of 0.1 (full: %1, quick: %2).")
                        .arg(full.betaSpread)
                        .arg(quick.betaSpread),
                    QStringLiteral("n")),
                QCommandLineOption(QStringLiteral("selectors"),
                    QCoreApplication::translate("cli",
                        "Selectors measured beside random, comma separated, each with its own parameter chosen on "
                        "validation: cutoff (always), ccs, dual-beta, diverse (default: all four)."),
                    QStringLiteral("list")),
                QCommandLineOption(QStringLiteral("class-cutoff"),
                    QCoreApplication::translate("cli",
                        "Also measure the class-aware cutoff under pseudo-label and true-label dynamics, each with its "
                        "own beta search (may be added when resuming).")),
                QCommandLineOption(QStringLiteral("resume"),
                    QCoreApplication::translate("cli",
                        "Continue the benchmark stopped in OUTPUT (same data and options): finished steps are kept.")),
            });
            benchmarkTrainingOptions().addTo(parser);
        },
        [](QCommandLineParser &parser) {
            const QString output = positional(parser, 0, QCoreApplication::translate("cli", "the output folder"));
            expectPositionals(parser, 1);
            const bool folders = parser.isSet(QStringLiteral("train")) || parser.isSet(QStringLiteral("test"));
            const bool idx
                = parser.isSet(QStringLiteral("train-images")) || parser.isSet(QStringLiteral("test-images"));
            if (folders == idx)
                throw UsageError { QCoreApplication::translate("cli",
                    "give the data as --train and --test folders or as --train-images, --train-labels, --test-images "
                    "and --test-labels") };
            const BenchmarkSettings settings = settingsFrom(parser);
            const bool json = parser.isSet(QStringLiteral("json"));

            BenchmarkReport report;
            runWithProgress(json, [&](JobContext &job) {
                std::optional<BenchmarkSource> train, test;
                if (folders) {
                    train = BenchmarkSource::fromFolder(required(parser, QStringLiteral("train")), job);
                    test = BenchmarkSource::fromFolder(required(parser, QStringLiteral("test")), job);
                } else {
                    train = BenchmarkSource::fromIdx(required(parser, QStringLiteral("train-images")),
                        required(parser, QStringLiteral("train-labels")));
                    test = BenchmarkSource::fromIdx(required(parser, QStringLiteral("test-images")),
                        required(parser, QStringLiteral("test-labels")));
                }
                BenchmarkRunner runner(*train, *test, output, settings, job);
                runner.setResume(parser.isSet(QStringLiteral("resume")));
                if (!json)
                    runner.setLog([](const QString &line) { printError(line); });
                runner.setResultsWritten([&](const BenchmarkReport &written) {
                    writeBenchmarkPlot(written, benchmarkResultsFile(output, QStringLiteral("png")));
                });
                report = runner.run();
            });
            const QString plot = benchmarkResultsFile(output, QStringLiteral("png"));
            if (json) {
                printJson(report.toJson());
            } else {
                printLine(report.markdown());
                printLine(QCoreApplication::translate("cli", "Written: %1, %2, %3 and %4; the run is stored in %5.")
                              .arg(benchmarkResultsFile(output, QStringLiteral("md")),
                                  benchmarkResultsFile(output, QStringLiteral("csv")),
                                  benchmarkResultsFile(output, QStringLiteral("json")), plot, report.projectFile));
            }
            return 0;
        } };
}

} // namespace

std::vector<Command> benchmarkCommands()
{
    return { benchmark() };
}

} // namespace semiprune::cli

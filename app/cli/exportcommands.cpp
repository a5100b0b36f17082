#include "command.h"
#include "output.h"
#include "support.h"

#include "common/error.h"
#include "export/exporter.h"
#include "jobs/jobcontext.h"
#include "storage/project.h"

#include <QCoreApplication>

#include <algorithm>

namespace semiprune::cli {

namespace {

ExportOptions exportOptionsFrom(const QCommandLineParser &parser, const QString &target)
{
    ExportOptions options;
    options.target = target;
    const bool selection = parser.isSet(QStringLiteral("selection"));
    const bool allLabeled = parser.isSet(QStringLiteral("all-labeled"));
    const bool all = parser.isSet(QStringLiteral("all"));
    if (int(selection) + int(allLabeled) + int(all) > 1)
        throw UsageError { QCoreApplication::translate("cli", "choose one of --selection, --all-labeled and --all") };
    options.scope = all ? ExportScope::All : (allLabeled ? ExportScope::AllLabeled : ExportScope::Selection);
    options.selectionName = parser.value(QStringLiteral("selection"));
    if (selection && options.selectionName.isEmpty())
        throw UsageError { QCoreApplication::translate(
            "cli", "--selection takes the name of a selection (see 'semiprune runs')") };
    options.humanOnly = parser.isSet(QStringLiteral("human-only"));
    if (parser.isSet(QStringLiteral("mode"))) {
        const QString mode = parser.value(QStringLiteral("mode"));
        try {
            options.mode = exportModeFromName(mode);
        } catch (const Error &) {
            throw UsageError {
                QCoreApplication::translate("cli", "--mode is copy, hardlink or symlink, not \"%1\"").arg(mode)
            };
        }
    }
    if (parser.isSet(QStringLiteral("val-fraction"))) {
        bool ok = false;
        options.valFraction = parser.value(QStringLiteral("val-fraction")).toDouble(&ok);
        if (!ok || !(options.valFraction > 0 && options.valFraction < 1))
            throw UsageError { QCoreApplication::translate(
                "cli", "--val-fraction takes a number above 0 and below 1, e.g. 0.2") };
    }
    if (parser.isSet(QStringLiteral("split-seed"))) {
        if (!options.hasSplit())
            throw UsageError { QCoreApplication::translate("cli", "--split-seed only applies with --val-fraction") };
        options.splitSeed = seedOption(parser, QStringLiteral("split-seed"), options.splitSeed);
    }
    options.overwrite = parser.isSet(QStringLiteral("overwrite"));
    return options;
}

void printReport(const ExportReport &report)
{
    printLine(QCoreApplication::translate("cli", "Exported %1 images (%2) to %3 in %4 s.")
                  .arg(report.exported)
                  .arg(exportModeName(report.mode), report.target)
                  .arg(report.seconds, 0, 'f', 1));
    if (!report.selection.isEmpty())
        printLine(QCoreApplication::translate("cli", "Selection \"%1\" (%2, keep ratio %3).")
                      .arg(report.selection, report.method)
                      .arg(report.keepRatio));
    for (const ExportClassCount &c : report.classes) {
        QString line = QStringLiteral("  %1 %2").arg(c.name.leftJustified(20)).arg(c.images, 7);
        if (report.valFraction > 0)
            line += QCoreApplication::translate("cli", "  (train %1, val %2)").arg(c.train).arg(c.val);
        if (c.pseudo > 0)
            line += QCoreApplication::translate("cli", "  %1 pseudo-labeled").arg(c.pseudo);
        if (c.folder != c.name)
            line += QCoreApplication::translate("cli", "  in folder \"%1\"").arg(c.folder);
        printLine(line);
    }
    if (report.renamed > 0)
        printLine(QCoreApplication::translate("cli",
            "%n files were renamed to keep same-named images apart (see manifest.csv).", nullptr, int(report.renamed)));
    if (report.skippedUnlabeled > 0)
        printLine(QCoreApplication::translate(
            "cli", "Skipped %n images without a label.", nullptr, int(report.skippedUnlabeled)));
    if (report.skippedNotHuman > 0)
        printLine(QCoreApplication::translate(
            "cli", "Skipped %n images with only a pseudo-label.", nullptr, int(report.skippedNotHuman)));
    if (report.skippedUnreadable > 0)
        printLine(QCoreApplication::translate("cli", "Skipped %1 unreadable images.").arg(report.skippedUnreadable));
    if (!report.missingSources.isEmpty()) {
        printLine(QCoreApplication::translate("cli", "%n images are gone from the image folder and were not exported:",
            nullptr, int(report.missingSources.size())));
        const qsizetype shown = std::min<qsizetype>(report.missingSources.size(), 20);
        for (qsizetype i = 0; i < shown; ++i)
            printLine(QStringLiteral("  ") + report.missingSources[i]);
        if (report.missingSources.size() > shown)
            printLine(QCoreApplication::translate("cli", "  ... and %1 more (see summary.json).")
                          .arg(report.missingSources.size() - shown));
    }
    if (!report.classesWithoutImages.isEmpty())
        printLine(QCoreApplication::translate("cli",
            "Warning: the export holds no image of %1, though the project has images of it: the selection "
            "dropped it. Keep more images, or use the class-aware cutoff.")
                      .arg(report.classesWithoutImages.join(QStringLiteral(", "))));
    if (report.replacedOld)
        printLine(QCoreApplication::translate("cli", "The earlier export there was replaced."));
    if (!report.leftover.isEmpty())
        printLine(
            QCoreApplication::translate("cli", "The earlier export could not be removed completely: delete %1 by hand.")
                .arg(report.leftover));
}

Command exportCommand()
{
    return Command { QStringLiteral("export"),
        QCoreApplication::translate(
            "cli", "Export images with their labels as class folders, with a manifest and a split."),
        QStringLiteral("PROJECT OUT"),
        [](QCommandLineParser &parser) {
            parser.addOptions({ jsonOption(),
                QCommandLineOption(QStringLiteral("selection"),
                    QCoreApplication::translate(
                        "cli", "Export the kept images of this selection (default: the newest)."),
                    QStringLiteral("name")),
                QCommandLineOption(QStringLiteral("all-labeled"),
                    QCoreApplication::translate("cli", "Export every image a person labeled.")),
                QCommandLineOption(QStringLiteral("all"),
                    QCoreApplication::translate("cli", "Export every image with a label, human or pseudo.")),
                QCommandLineOption(QStringLiteral("human-only"),
                    QCoreApplication::translate("cli", "Leave out images with only a pseudo-label.")),
                QCommandLineOption(QStringLiteral("mode"),
                    QCoreApplication::translate(
                        "cli", "copy (default), hardlink (no space; same disk as the images) or symlink."),
                    QStringLiteral("copy|hardlink|symlink")),
                QCommandLineOption(QStringLiteral("val-fraction"),
                    QCoreApplication::translate(
                        "cli", "Split each class into train/ and val/, this share going to val/."),
                    QStringLiteral("F")),
                QCommandLineOption(QStringLiteral("split-seed"),
                    QCoreApplication::translate("cli", "Seed of the split (default 0)."), QStringLiteral("S")),
                QCommandLineOption(QStringLiteral("overwrite"),
                    QCoreApplication::translate(
                        "cli", "Replace an earlier export at OUT once the new one is complete.")) });
        },
        [](QCommandLineParser &parser) {
            const QString file = positional(parser, 0, QCoreApplication::translate("cli", "the project file"));
            const QString target = positional(parser, 1, QCoreApplication::translate("cli", "the folder to export to"));
            expectPositionals(parser, 2);
            const ExportOptions options = exportOptionsFrom(parser, target);
            const auto project = openProject(file);
            const bool json = parser.isSet(QStringLiteral("json"));
            ExportReport report;
            try {
                runWithProgress(json, [&](JobContext &job) { report = exportDataset(*project, options, job); });
            } catch (const JobCancelled &) {
                // Unlike a training run, a cancelled export keeps nothing: say so, not the generic line.
                printError(QCoreApplication::translate(
                    "cli", "semiprune export: cancelled; nothing was exported and %1 was left as it was.")
                               .arg(target));
                return 130;
            }
            if (json)
                printJson(toJson(report));
            else
                printReport(report);
            return 0;
        } };
}

} // namespace

std::vector<Command> exportCommands()
{
    return { exportCommand() };
}

} // namespace semiprune::cli

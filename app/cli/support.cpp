#include "support.h"

#include "output.h"

#include "storage/project.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace semiprune::cli {

QCommandLineOption jsonOption()
{
    return QCommandLineOption(
        QStringLiteral("json"), QCoreApplication::translate("cli", "Print the result as JSON on standard output."));
}

QCommandLineOption labelModeOption()
{
    return QCommandLineOption(QStringLiteral("label-mode"),
        QCoreApplication::translate("cli",
            "How class sub-folders are used: 'known' (they are the labels) or 'hidden' "
            "(reference labels for evaluation only; you label a seed)."),
        QStringLiteral("known|hidden"));
}

QString positional(const QCommandLineParser &parser, int index, const QString &name)
{
    const QStringList values = parser.positionalArguments();
    if (index >= values.size())
        throw UsageError { QCoreApplication::translate("cli", "missing %1").arg(name) };
    return values[index];
}

void expectPositionals(const QCommandLineParser &parser, int count)
{
    if (parser.positionalArguments().size() > count)
        throw UsageError { QCoreApplication::translate("cli", "unexpected argument \"%1\"")
                               .arg(parser.positionalArguments().value(count)) };
}

int intOption(const QCommandLineParser &parser, const QString &name, int fallback)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok)
        throw UsageError { QCoreApplication::translate("cli", "--%1 takes a whole number").arg(name) };
    return value;
}

quint64 seedOption(const QCommandLineParser &parser, const QString &name, quint64 fallback)
{
    if (!parser.isSet(name))
        return fallback;
    const QString text = parser.value(name).trimmed();
    bool ok = false;
    const quint64 value = text.toULongLong(&ok);
    // toULongLong reads "-7" as 2^64 - 7: a minus sign is refused, not wrapped around.
    if (!ok || text.startsWith(QLatin1Char('-')))
        throw UsageError { QCoreApplication::translate("cli", "--%1 takes a non-negative integer").arg(name) };
    return value;
}

double doubleOption(const QCommandLineParser &parser, const QString &name, double fallback)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok)
        throw UsageError { QCoreApplication::translate("cli", "--%1 takes a number").arg(name) };
    return value;
}

std::unique_ptr<Project> openProject(const QString &path)
{
    return Project::open(path);
}

QJsonObject toJson(const ImportReport &report)
{
    QJsonArray problems;
    for (const auto &[path, reason] : report.problems)
        problems.append(QJsonObject { { QStringLiteral("path"), path }, { QStringLiteral("reason"), reason } });
    return QJsonObject { { QStringLiteral("scanned"), report.scanned }, { QStringLiteral("added"), report.added },
        { QStringLiteral("updated"), report.updated }, { QStringLiteral("missing"), report.missing },
        { QStringLiteral("restored"), report.restored }, { QStringLiteral("unreadable"), report.unreadable },
        { QStringLiteral("vanished"), report.vanished }, { QStringLiteral("warnings"), report.warnings },
        { QStringLiteral("labels_imported"), report.labelsImported }, { QStringLiteral("seconds"), report.seconds },
        { QStringLiteral("problems"), problems } };
}

void printImportReport(const ImportReport &report)
{
    printLine(QCoreApplication::translate(
        "cli", "Scanned %1 image files in %2 s: %3 added, %4 changed, %5 missing, %6 back again.")
                  .arg(report.scanned)
                  .arg(report.seconds, 0, 'f', 1)
                  .arg(report.added)
                  .arg(report.updated)
                  .arg(report.missing)
                  .arg(report.restored));
    if (report.labelsImported > 0)
        printLine(QCoreApplication::translate(
            "cli", "Imported %n labels from class folders.", nullptr, int(report.labelsImported)));
    if (report.unreadable > 0 || report.warnings > 0)
        printLine(QCoreApplication::translate("cli", "%1 unreadable, %2 with warnings:")
                      .arg(report.unreadable)
                      .arg(report.warnings));
    if (report.vanished > 0)
        printLine(QCoreApplication::translate("cli",
            "%n image files vanished while the import ran (new ones were not added, known ones are marked missing):",
            nullptr, int(report.vanished)));
    const size_t shown = std::min<size_t>(report.problems.size(), 20);
    for (size_t i = 0; i < shown; ++i)
        printLine(QStringLiteral("  %1: %2").arg(report.problems[i].first, report.problems[i].second));
    if (report.problems.size() > shown)
        printLine(QCoreApplication::translate("cli", "  ... and %1 more (see 'semiprune info --unreadable').")
                      .arg(report.problems.size() - shown));
}

QJsonObject toJson(const ProjectSummary &summary)
{
    const auto classArray = [](const std::vector<ClassCount> &classes) {
        QJsonArray array;
        for (const ClassCount &c : classes) {
            array.append(QJsonObject { { QStringLiteral("name"), c.name }, { QStringLiteral("labeled"), c.labeled },
                { QStringLiteral("seed"), c.seed }, { QStringLiteral("reference"), c.reference } });
        }
        return array;
    };
    return QJsonObject { { QStringLiteral("project"), summary.projectFile },
        { QStringLiteral("read_only"), summary.readOnly }, { QStringLiteral("dataset_root"), summary.datasetRoot },
        { QStringLiteral("dataset_root_exists"), summary.datasetRootExists },
        { QStringLiteral("label_mode"), labelModeName(summary.labelMode) },
        { QStringLiteral("schema_version"), summary.schemaVersion }, { QStringLiteral("images"), summary.images },
        { QStringLiteral("train"), summary.train }, { QStringLiteral("val"), summary.val },
        { QStringLiteral("test"), summary.test }, { QStringLiteral("unreadable"), summary.unreadable },
        { QStringLiteral("missing"), summary.missing }, { QStringLiteral("labeled"), summary.labeled },
        { QStringLiteral("seed_drawn"), summary.seedDrawn }, { QStringLiteral("seed_labeled"), summary.seedLabeled },
        { QStringLiteral("seed_skipped"), summary.seedSkipped },
        { QStringLiteral("reference_labeled"), summary.referenceLabeled },
        { QStringLiteral("classes"), classArray(summary.classes) },
        { QStringLiteral("reference_classes"), classArray(summary.referenceClasses) } };
}

void printSummary(const ProjectSummary &summary)
{
    printLine(QCoreApplication::translate("cli", "Project:      %1").arg(summary.projectFile));
    if (summary.readOnly)
        printLine(QStringLiteral("              ")
            + QCoreApplication::translate("cli", "read-only: it can be read, commands that change it are refused"));
    printLine(QCoreApplication::translate("cli", "Images from:  %1%2")
                  .arg(summary.datasetRoot,
                      summary.datasetRootExists
                          ? QString()
                          : QCoreApplication::translate("cli", "  (NOT FOUND: use 'semiprune relocate')")));
    printLine(QCoreApplication::translate("cli", "Images:       %1 (train %2, val %3, test %4)")
                  .arg(summary.images)
                  .arg(summary.train)
                  .arg(summary.val)
                  .arg(summary.test));
    printLine(QCoreApplication::translate("cli", "Unreadable:   %1    missing: %2")
                  .arg(summary.unreadable)
                  .arg(summary.missing));
    printLine(QCoreApplication::translate("cli", "Labeled:      %1 by hand or import").arg(summary.labeled));
    printLine(QCoreApplication::translate("cli", "Seed:         %1 drawn, %2 labeled, %3 skipped")
                  .arg(summary.seedDrawn)
                  .arg(summary.seedLabeled)
                  .arg(summary.seedSkipped));
    printLine(QCoreApplication::translate("cli", "Label mode:   %1%2")
                  .arg(labelModeName(summary.labelMode),
                      summary.labelMode == LabelMode::Hidden
                          ? QCoreApplication::translate("cli", " (%1 images carry hidden reference labels)")
                                .arg(summary.referenceLabeled)
                          : QString()));
    printLine(QCoreApplication::translate("cli", "Classes:      %1").arg(summary.classes.size()));
    for (const ClassCount &c : summary.classes)
        printLine(QStringLiteral("  %1 %2 labeled (%3 in the seed)")
                      .arg(c.name.leftJustified(20))
                      .arg(c.labeled, 7)
                      .arg(c.seed));
}

} // namespace semiprune::cli

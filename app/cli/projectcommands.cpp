#include "command.h"
#include "output.h"
#include "support.h"

#include "common/error.h"
#include "imaging/imagedecoder.h"
#include "storage/database.h"
#include "storage/imagetable.h"
#include "storage/project.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>

namespace semiprune::cli {

namespace {

std::optional<LabelMode> labelModeFrom(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("label-mode")))
        return std::nullopt;
    const QString value = parser.value(QStringLiteral("label-mode"));
    if (value != QLatin1String("known") && value != QLatin1String("hidden"))
        throw UsageError {
            QCoreApplication::translate("cli", "--label-mode is known or hidden, not \"%1\"").arg(value)
        };
    return labelModeFromName(value);
}

QCommandLineOption verifyOption()
{
    return QCommandLineOption(QStringLiteral("verify"),
        QCoreApplication::translate("cli", "Decode every image fully to find corrupt data now (slower)."));
}

QCommandLineOption maxMegapixelsOption()
{
    return QCommandLineOption(QStringLiteral("max-megapixels"),
        QCoreApplication::translate(
            "cli", "Record larger images as unreadable, before any pixel is decoded (default %1).")
            .arg(kDefaultMaxPixels / (1024 * 1024)),
        QStringLiteral("MP"));
}

int importAndReport(Project &project, const QCommandLineParser &parser)
{
    ImportOptions options;
    options.labelMode = labelModeFrom(parser);
    options.verifyPixels = parser.isSet(QStringLiteral("verify"));
    if (parser.isSet(QStringLiteral("max-megapixels"))) {
        bool ok = false;
        const double megapixels = parser.value(QStringLiteral("max-megapixels")).toDouble(&ok);
        if (!ok || !(megapixels > 0))
            throw UsageError { QCoreApplication::translate("cli", "--max-megapixels takes a positive number") };
        options.maxPixels = std::max<qint64>(1, qint64(megapixels * 1024 * 1024));
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    ImportReport report;
    runWithProgress(json, [&](JobContext &job) { report = importFolder(project, options, job); });
    if (json)
        printJson(toJson(report));
    else
        printImportReport(report);
    return 0;
}

Command create()
{
    return Command { QStringLiteral("create"),
        QCoreApplication::translate("cli", "Create a project from an image folder and import its images."),
        QStringLiteral("PROJECT FOLDER"),
        [](QCommandLineParser &parser) {
            parser.addOptions({ jsonOption(), labelModeOption(), verifyOption(), maxMegapixelsOption() });
        },
        [](QCommandLineParser &parser) {
            const QString file
                = positional(parser, 0, QCoreApplication::translate("cli", "the project file to create"));
            const QString folder = positional(parser, 1, QCoreApplication::translate("cli", "the image folder"));
            expectPositionals(parser, 2);
            labelModeFrom(parser); // reject a bad value before anything is written
            std::unique_ptr<Project> project = Project::create(file, folder);
            try {
                return importAndReport(*project, parser);
            } catch (const Error &) {
                // A project whose first import failed (e.g. no images) is of no use: don't leave it.
                const QString path = project->filePath();
                project.reset();
                for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
                    QFile::remove(path + suffix);
                throw;
            }
        } };
}

Command rescan()
{
    return Command { QStringLiteral("rescan"),
        QCoreApplication::translate("cli", "Pick up images added, removed or changed in the project's folder."),
        QStringLiteral("PROJECT"),
        [](QCommandLineParser &parser) {
            parser.addOptions({ jsonOption(), labelModeOption(), verifyOption(), maxMegapixelsOption() });
        },
        [](QCommandLineParser &parser) {
            const auto project
                = openProject(positional(parser, 0, QCoreApplication::translate("cli", "the project file")));
            expectPositionals(parser, 1);
            return importAndReport(*project, parser);
        } };
}

Command info()
{
    return Command { QStringLiteral("info"),
        QCoreApplication::translate("cli", "Show counts of images, classes, labels and the seed."),
        QStringLiteral("PROJECT"),
        [](QCommandLineParser &parser) {
            parser.addOptions({ jsonOption(),
                QCommandLineOption(QStringLiteral("unreadable"),
                    QCoreApplication::translate("cli", "List the unreadable and missing images with the reason.")) });
        },
        [](QCommandLineParser &parser) {
            const auto project
                = openProject(positional(parser, 0, QCoreApplication::translate("cli", "the project file")));
            expectPositionals(parser, 1);
            const ProjectSummary summary = summarizeProject(*project);
            QJsonArray problems;
            if (parser.isSet(QStringLiteral("unreadable"))) {
                for (const ImageRecord &image : ImageTable(project->db()).all()) {
                    if (image.status != ImageStatus::Ok)
                        problems.append(QJsonObject { { QStringLiteral("path"), image.path },
                            { QStringLiteral("status"), imageStatusName(image.status) },
                            { QStringLiteral("reason"), image.message } });
                }
            }
            if (parser.isSet(QStringLiteral("json"))) {
                QJsonObject object = toJson(summary);
                if (parser.isSet(QStringLiteral("unreadable")))
                    object.insert(QStringLiteral("problems"), problems);
                printJson(object);
                return 0;
            }
            printSummary(summary);
            for (const QJsonValue &value : problems) {
                const QJsonObject p = value.toObject();
                printLine(QStringLiteral("  %1 [%2]: %3")
                              .arg(p[QStringLiteral("path")].toString(), p[QStringLiteral("status")].toString(),
                                  p[QStringLiteral("reason")].toString()));
            }
            return 0;
        } };
}

Command relocate()
{
    return Command { QStringLiteral("relocate"),
        QCoreApplication::translate("cli", "Point a project to its image folder's new place."),
        QStringLiteral("PROJECT FOLDER"), [](QCommandLineParser &parser) { parser.addOptions({ jsonOption() }); },
        [](QCommandLineParser &parser) {
            const auto project
                = openProject(positional(parser, 0, QCoreApplication::translate("cli", "the project file")));
            const QString folder = positional(parser, 1, QCoreApplication::translate("cli", "the image folder"));
            expectPositionals(parser, 2);
            project->relocateDatasetRoot(folder);
            printLine(
                QCoreApplication::translate("cli", "Images are now read from %1. Run 'semiprune rescan' to check them.")
                    .arg(project->datasetRoot()));
            return 0;
        } };
}

} // namespace

std::vector<Command> projectCommands()
{
    return { create(), rescan(), info(), relocate() };
}

} // namespace semiprune::cli

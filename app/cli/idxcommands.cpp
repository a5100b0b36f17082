#include "command.h"
#include "output.h"
#include "support.h"

#include "common/error.h"
#include "dataset/classnames.h"
#include "dataset/demoproject.h"
#include "dataset/idxconverter.h"
#include "storage/project.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>

namespace semiprune::cli {

namespace {

QStringList classNamesFrom(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("class-names")) && parser.isSet(QStringLiteral("preset")))
        throw UsageError { QCoreApplication::translate("cli", "give either --class-names or --preset, not both") };
    if (parser.isSet(QStringLiteral("preset")))
        return presetClassNames(parser.value(QStringLiteral("preset")));
    if (!parser.isSet(QStringLiteral("class-names")))
        return {};
    QStringList names = parser.value(QStringLiteral("class-names")).split(QLatin1Char(','));
    for (QString &name : names) {
        name = name.trimmed();
        if (name.isEmpty())
            throw UsageError { QCoreApplication::translate("cli", "--class-names has an empty name") };
    }
    return names;
}

Command importIdx()
{
    return Command { QStringLiteral("import-idx"),
        QCoreApplication::translate(
            "cli", "Convert MNIST-style IDX files to a PNG folder and create a project from it."),
        QStringLiteral("PROJECT --out FOLDER --images FILE [--labels FILE] [--test-images FILE --test-labels FILE]"),
        [](QCommandLineParser &parser) {
            parser.addOptions({
                jsonOption(),
                labelModeOption(),
                QCommandLineOption(QStringLiteral("out"),
                    QCoreApplication::translate("cli", "The new folder to write the PNG images into."),
                    QStringLiteral("folder")),
                QCommandLineOption(QStringLiteral("images"),
                    QCoreApplication::translate("cli", "The training images (idx3, raw or .gz)."),
                    QStringLiteral("file")),
                QCommandLineOption(QStringLiteral("labels"),
                    QCoreApplication::translate("cli", "The training labels (idx1, raw or .gz)."),
                    QStringLiteral("file")),
                QCommandLineOption(QStringLiteral("test-images"),
                    QCoreApplication::translate("cli", "Test images, kept apart as the test split."),
                    QStringLiteral("file")),
                QCommandLineOption(QStringLiteral("test-labels"), QCoreApplication::translate("cli", "Test labels."),
                    QStringLiteral("file")),
                QCommandLineOption(QStringLiteral("class-names"),
                    QCoreApplication::translate("cli", "Class names in label order, comma separated."),
                    QStringLiteral("a,b,...")),
                QCommandLineOption(QStringLiteral("preset"),
                    QCoreApplication::translate("cli", "Known class names: fashion-mnist or mnist."),
                    QStringLiteral("name")),
            });
        },
        [](QCommandLineParser &parser) {
            const QString file
                = positional(parser, 0, QCoreApplication::translate("cli", "the project file to create"));
            expectPositionals(parser, 1);
            for (const char *required : { "out", "images" }) {
                if (!parser.isSet(QLatin1String(required)))
                    throw UsageError {
                        QCoreApplication::translate("cli", "--%1 is required").arg(QLatin1String(required))
                    };
            }
            if (parser.isSet(QStringLiteral("test-images")) != parser.isSet(QStringLiteral("test-labels")))
                throw UsageError { QCoreApplication::translate("cli", "--test-images and --test-labels go together") };
            if (parser.isSet(QStringLiteral("test-images")) && !parser.isSet(QStringLiteral("labels")))
                throw UsageError { QCoreApplication::translate(
                    "cli", "a test split needs --labels for the training images too") };
            const bool labeled = parser.isSet(QStringLiteral("labels"));
            if (labeled && !parser.isSet(QStringLiteral("label-mode")))
                throw UsageError { QCoreApplication::translate(
                    "cli", "with labels, choose --label-mode known or hidden") };
            if (QFile::exists(file))
                throw Error(QCoreApplication::translate("cli", "%1 already exists: choose another project file name.")
                                .arg(file));

            std::vector<IdxPart> parts { IdxPart {
                parser.value(QStringLiteral("images")), parser.value(QStringLiteral("labels")), Split::Train } };
            if (parser.isSet(QStringLiteral("test-images")))
                parts.push_back(IdxPart { parser.value(QStringLiteral("test-images")),
                    parser.value(QStringLiteral("test-labels")), Split::Test });
            const QStringList names = classNamesFrom(parser);
            const QString out = parser.value(QStringLiteral("out"));
            const bool json = parser.isSet(QStringLiteral("json"));

            IdxConversionReport conversion;
            ImportReport import;
            runWithProgress(json, [&](JobContext &job) {
                conversion = convertIdxToFolder(parts, out, names, job);
                const auto project = Project::create(file, out);
                ImportOptions options;
                if (labeled)
                    options.labelMode = labelModeFromName(parser.value(QStringLiteral("label-mode")));
                import = importFolder(*project, options, job);
            });
            if (json) {
                QJsonObject object = toJson(import);
                object.insert(QStringLiteral("converted"), conversion.imagesWritten);
                object.insert(QStringLiteral("class_names"), QJsonArray::fromStringList(conversion.classNames));
                printJson(object);
            } else {
                printLine(QCoreApplication::translate("cli", "Wrote %1 PNG images to %2 in %3 s (classes: %4).")
                              .arg(conversion.imagesWritten)
                              .arg(out)
                              .arg(conversion.seconds, 0, 'f', 1)
                              .arg(conversion.classNames.join(QStringLiteral(", "))));
                printImportReport(import);
            }
            return 0;
        } };
}

Command demo()
{
    return Command { QStringLiteral("demo"),
        QCoreApplication::translate("cli", "Make (once) and show the Fashion-MNIST demo project, labels hidden."),
        QString(),
        [](QCommandLineParser &parser) {
            parser.addOptions({ jsonOption(),
                QCommandLineOption(QStringLiteral("dir"),
                    QCoreApplication::translate("cli", "Where the demo lives (default: %1).")
                        .arg(defaultDemoDirectory()),
                    QStringLiteral("folder")) });
        },
        [](QCommandLineParser &parser) {
            expectPositionals(parser, 0);
            const QString directory
                = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : defaultDemoDirectory();
            const bool json = parser.isSet(QStringLiteral("json"));
            std::unique_ptr<Project> project;
            runWithProgress(json, [&](JobContext &job) { project = openOrCreateDemoProject(directory, job); });
            const ProjectSummary summary = summarizeProject(*project);
            if (json)
                printJson(toJson(summary));
            else
                printSummary(summary);
            return 0;
        } };
}

} // namespace

std::vector<Command> idxCommands()
{
    return { importIdx(), demo() };
}

} // namespace semiprune::cli

#include "command.h"
#include "output.h"
#include "support.h"

#include "common/error.h"
#include "dataset/labeling.h"
#include "dataset/seeddraw.h"
#include "jobs/labelsuggestionjob.h"
#include "storage/classtable.h"
#include "storage/database.h"
#include "storage/imagetable.h"
#include "storage/labeltable.h"
#include "storage/project.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QRandomGenerator>

namespace semiprune::cli {

namespace {

QCommandLineOption createClassesOption()
{
    return QCommandLineOption(
        QStringLiteral("create-classes"), QCoreApplication::translate("cli", "Create classes that do not exist yet."));
}

quint64 rngSeedFrom(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("seed")))
        return QRandomGenerator::global()->generate64();
    return seedOption(parser, QStringLiteral("seed"), 0);
}

Command classes()
{
    return Command { QStringLiteral("classes"),
        QCoreApplication::translate("cli", "List the classes, or add, rename, remove one or set its hotkey."),
        QStringLiteral("PROJECT"),
        [](QCommandLineParser &parser) {
            parser.addOptions({ jsonOption(),
                QCommandLineOption(QStringLiteral("add"),
                    QCoreApplication::translate("cli", "Add a class (repeatable)."), QStringLiteral("name")),
                QCommandLineOption(QStringLiteral("rename"),
                    QCoreApplication::translate("cli", "Rename a class: old=new."), QStringLiteral("old=new")),
                QCommandLineOption(QStringLiteral("remove"),
                    QCoreApplication::translate("cli", "Remove a class no image is labeled with."),
                    QStringLiteral("name")),
                QCommandLineOption(QStringLiteral("hotkey"),
                    QCoreApplication::translate("cli", "Set a class's hotkey: name=key (empty key clears)."),
                    QStringLiteral("name=key")) });
        },
        [](QCommandLineParser &parser) {
            const auto project
                = openProject(positional(parser, 0, QCoreApplication::translate("cli", "the project file")));
            expectPositionals(parser, 1);
            Database &db = project->db();
            ClassTable table(db);
            const auto classNamed = [&](const QString &name) {
                const auto found = table.findByName(name);
                if (!found)
                    throw Error(QCoreApplication::translate("cli", "There is no class \"%1\".").arg(name));
                return *found;
            };
            const auto pair = [](const QString &value, const QString &option) {
                const qsizetype eq = value.indexOf(QLatin1Char('='));
                if (eq <= 0)
                    throw UsageError {
                        QCoreApplication::translate("cli", "--%1 takes the form name=value").arg(option)
                    };
                return std::make_pair(value.left(eq), value.mid(eq + 1));
            };
            // Listing alone writes nothing, so it works on a read-only project too.
            const bool changes = parser.isSet(QStringLiteral("add")) || parser.isSet(QStringLiteral("rename"))
                || parser.isSet(QStringLiteral("hotkey")) || parser.isSet(QStringLiteral("remove"));
            if (changes) {
                Transaction transaction(db);
                for (const QString &name : parser.values(QStringLiteral("add")))
                    table.add(name);
                for (const QString &value : parser.values(QStringLiteral("rename"))) {
                    const auto [from, to] = pair(value, QStringLiteral("rename"));
                    table.rename(classNamed(from).id, to);
                }
                for (const QString &value : parser.values(QStringLiteral("hotkey"))) {
                    const auto [name, key] = pair(value, QStringLiteral("hotkey"));
                    table.setHotkey(classNamed(name).id, key);
                }
                for (const QString &name : parser.values(QStringLiteral("remove")))
                    table.remove(classNamed(name).id);
                transaction.commit();
            }

            const QHash<ClassId, qint64> counts = LabelTable(db).countsPerClass();
            QJsonArray array;
            for (const ClassRecord &record : table.all()) {
                array.append(
                    QJsonObject { { QStringLiteral("id"), record.id.value }, { QStringLiteral("name"), record.name },
                        { QStringLiteral("color"), record.color }, { QStringLiteral("hotkey"), record.hotkey },
                        { QStringLiteral("labeled"), counts.value(record.id) } });
            }
            if (parser.isSet(QStringLiteral("json"))) {
                printJson(QJsonObject { { QStringLiteral("classes"), array } });
                return 0;
            }
            for (const QJsonValue &value : array) {
                const QJsonObject c = value.toObject();
                printLine(
                    QStringLiteral("%1  key %2  %3 labeled")
                        .arg(c[QStringLiteral("name")].toString().leftJustified(20),
                            c[QStringLiteral("hotkey")].toString().isEmpty() ? QStringLiteral("-")
                                                                             : c[QStringLiteral("hotkey")].toString())
                        .arg(c[QStringLiteral("labeled")].toInteger()));
            }
            if (array.isEmpty())
                printLine(QCoreApplication::translate(
                    "cli", "No classes yet: add one with --add NAME, or label with --create-classes."));
            return 0;
        } };
}

Command label()
{
    return Command { QStringLiteral("label"),
        QCoreApplication::translate("cli", "Label an image with a class, or apply a CSV of path,class rows."),
        QStringLiteral("PROJECT [IMAGE CLASS] [--csv FILE]"),
        [](QCommandLineParser &parser) {
            parser.addOptions({ jsonOption(), createClassesOption(),
                QCommandLineOption(QStringLiteral("csv"),
                    QCoreApplication::translate(
                        "cli", "Rows of path,class; an empty class clears the label. All or nothing."),
                    QStringLiteral("file")) });
        },
        [](QCommandLineParser &parser) {
            const auto project
                = openProject(positional(parser, 0, QCoreApplication::translate("cli", "the project file")));
            Database &db = project->db();
            const bool create = parser.isSet(QStringLiteral("create-classes"));
            if (parser.isSet(QStringLiteral("csv"))) {
                expectPositionals(parser, 1);
                QFile file(parser.value(QStringLiteral("csv")));
                if (!file.open(QIODevice::ReadOnly))
                    throw Error(QCoreApplication::translate("cli", "Cannot read %1: %2")
                                    .arg(file.fileName(), file.errorString()));
                const LabelCsvReport report = applyLabelCsv(db, parseLabelCsv(file.readAll()), create);
                if (parser.isSet(QStringLiteral("json")))
                    printJson(QJsonObject { { QStringLiteral("labeled"), report.labeled },
                        { QStringLiteral("cleared"), report.cleared },
                        { QStringLiteral("classes_created"), report.classesCreated } });
                else
                    printLine(QCoreApplication::translate("cli", "Labeled %1 images, cleared %2, created %3 classes.")
                                  .arg(report.labeled)
                                  .arg(report.cleared)
                                  .arg(report.classesCreated));
                return 0;
            }
            const QString spec = positional(parser, 1, QCoreApplication::translate("cli", "the image (path or #id)"));
            const QString className = positional(parser, 2, QCoreApplication::translate("cli", "the class"));
            expectPositionals(parser, 3);
            Transaction transaction(db);
            const ImageId image = resolveImage(db, spec);
            labelImage(db, image, className, create);
            transaction.commit();
            const auto saved = LabelTable(db).find(image);
            if (parser.isSet(QStringLiteral("json")))
                printJson(
                    QJsonObject { { QStringLiteral("image"), image.value }, { QStringLiteral("class"), className },
                        { QStringLiteral("source"), labelSourceName(saved->source) } });
            else
                printLine(QCoreApplication::translate("cli", "%1 is now labeled %2 (%3).")
                              .arg(spec, className, labelSourceName(saved->source)));
            return 0;
        } };
}

Command unlabel()
{
    return Command { QStringLiteral("unlabel"),
        QCoreApplication::translate("cli", "Clear the human label of one or more images."),
        QStringLiteral("PROJECT IMAGE..."), [](QCommandLineParser &parser) { parser.addOptions({ jsonOption() }); },
        [](QCommandLineParser &parser) {
            const auto project
                = openProject(positional(parser, 0, QCoreApplication::translate("cli", "the project file")));
            positional(parser, 1, QCoreApplication::translate("cli", "the image (path or #id)"));
            Database &db = project->db();
            Transaction transaction(db);
            LabelTable labels(db);
            const QStringList specs = parser.positionalArguments().mid(1);
            for (const QString &spec : specs)
                labels.clear(resolveImage(db, spec));
            transaction.commit();
            printLine(
                QCoreApplication::translate("cli", "Cleared the labels of %n images.", nullptr, int(specs.size())));
            return 0;
        } };
}

QJsonObject seedItemJson(Database &db, const SeedItem &item)
{
    const auto image = ImageTable(db).find(item.image);
    return QJsonObject { { QStringLiteral("id"), item.image.value },
        { QStringLiteral("path"), image ? image->path : QString() }, { QStringLiteral("position"), item.position },
        { QStringLiteral("skipped"), item.skipped }, { QStringLiteral("labeled"), item.label.isValid() } };
}

Command seed()
{
    return Command { QStringLiteral("seed"),
        QCoreApplication::translate("cli", "Draw random images to label (--count), or list the seed."),
        QStringLiteral("PROJECT"),
        [](QCommandLineParser &parser) {
            parser.addOptions({ jsonOption(),
                QCommandLineOption(QStringLiteral("count"),
                    QCoreApplication::translate("cli", "Draw this many more images."), QStringLiteral("n")),
                QCommandLineOption(QStringLiteral("seed"),
                    QCoreApplication::translate("cli", "Random seed, for a reproducible draw."),
                    QStringLiteral("integer")),
                QCommandLineOption(QStringLiteral("balanced"),
                    QCoreApplication::translate("cli", "Draw equally from every hidden reference class (benchmarks).")),
                QCommandLineOption(QStringLiteral("pending"),
                    QCoreApplication::translate("cli", "List only the seed images still to label.")) });
        },
        [](QCommandLineParser &parser) {
            const QString file = positional(parser, 0, QCoreApplication::translate("cli", "the project file"));
            expectPositionals(parser, 1);
            const bool draw = parser.isSet(QStringLiteral("count"));
            // Options of a draw, read before anything is opened; without --count they would be ignored.
            for (const QString &option : { QStringLiteral("seed"), QStringLiteral("balanced") }) {
                if (!draw && parser.isSet(option))
                    throw UsageError {
                        QCoreApplication::translate("cli", "--%1 only applies with --count").arg(option)
                    };
            }
            const int count = intOption(parser, QStringLiteral("count"), 0);
            const quint64 rngSeed = draw ? rngSeedFrom(parser) : 0;
            const auto project = openProject(file);
            Database &db = project->db();
            QJsonArray drawn;
            if (draw) {
                const SeedDrawResult result = drawSeed(db, count, rngSeed, parser.isSet(QStringLiteral("balanced")));
                for (ImageId image : result.images)
                    drawn.append(image.value);
            }
            QJsonArray items;
            const bool pendingOnly = parser.isSet(QStringLiteral("pending"));
            for (const SeedItem &item : seedItems(db)) {
                if (!pendingOnly || item.pending())
                    items.append(seedItemJson(db, item));
            }
            if (parser.isSet(QStringLiteral("json"))) {
                printJson(QJsonObject { { QStringLiteral("drawn"), drawn }, { QStringLiteral("items"), items } });
                return 0;
            }
            if (!drawn.isEmpty())
                printLine(QCoreApplication::translate("cli", "Drew %n images to label.", nullptr, int(drawn.size())));
            for (const QJsonValue &value : items) {
                const QJsonObject item = value.toObject();
                const QString state = item[QStringLiteral("skipped")].toBool()
                    ? QCoreApplication::translate("cli", "skipped")
                    : item[QStringLiteral("labeled")].toBool() ? QCoreApplication::translate("cli", "labeled")
                                                               : QCoreApplication::translate("cli", "to label");
                printLine(QStringLiteral("%1  %2  %3")
                              .arg(item[QStringLiteral("position")].toInt(), 5)
                              .arg(state.leftJustified(9), item[QStringLiteral("path")].toString()));
            }
            return 0;
        } };
}

Command skip()
{
    return Command { QStringLiteral("skip"),
        QCoreApplication::translate("cli", "Skip a seed image you cannot classify; a new one is drawn in its place."),
        QStringLiteral("PROJECT IMAGE"),
        [](QCommandLineParser &parser) {
            parser.addOptions({ jsonOption(),
                QCommandLineOption(QStringLiteral("seed"),
                    QCoreApplication::translate("cli", "Random seed for the replacement."),
                    QStringLiteral("integer")) });
        },
        [](QCommandLineParser &parser) {
            const auto project
                = openProject(positional(parser, 0, QCoreApplication::translate("cli", "the project file")));
            const QString spec = positional(parser, 1, QCoreApplication::translate("cli", "the image (path or #id)"));
            expectPositionals(parser, 2);
            Database &db = project->db();
            const auto replacement = skipSeedImage(db, resolveImage(db, spec), rngSeedFrom(parser));
            const QString path = replacement ? ImageTable(db).find(*replacement)->path : QString();
            if (parser.isSet(QStringLiteral("json")))
                printJson(QJsonObject { { QStringLiteral("replacement"), path } });
            else
                printLine(replacement
                        ? QCoreApplication::translate("cli", "Skipped %1; drew %2 in its place.").arg(spec, path)
                        : QCoreApplication::translate("cli", "Skipped %1; no unlabeled image is left to draw.")
                              .arg(spec));
            return 0;
        } };
}

} // namespace

Command suggest()
{
    return Command { QStringLiteral("suggest"),
        QCoreApplication::translate(
            "cli", "After a run: which images to label next (uncertain, spread over the data)."),
        QStringLiteral("PROJECT"),
        [](QCommandLineParser &parser) {
            parser.addOptions({ jsonOption(),
                QCommandLineOption(QStringLiteral("count"),
                    QCoreApplication::translate("cli", "How many images to suggest (default 20)."),
                    QStringLiteral("n")) });
        },
        [](QCommandLineParser &parser) {
            const QString file = positional(parser, 0, QCoreApplication::translate("cli", "the project file"));
            expectPositionals(parser, 1);
            const int count = intOption(parser, QStringLiteral("count"), 20);
            const auto project = openProject(file);
            const std::vector<LabelSuggestion> suggestions = suggestLabels(*project, count);
            if (parser.isSet(QStringLiteral("json"))) {
                QJsonArray items;
                for (const LabelSuggestion &s : suggestions)
                    items.append(QJsonObject { { QStringLiteral("id"), s.image.value },
                        { QStringLiteral("path"), s.path }, { QStringLiteral("margin"), s.margin } });
                printJson(QJsonObject { { QStringLiteral("suggestions"), items } });
                return 0;
            }
            for (const LabelSuggestion &s : suggestions)
                printLine(QStringLiteral("%1  %2").arg(s.margin, 5, 'f', 3).arg(s.path));
            return 0;
        } };
}

std::vector<Command> labelCommands()
{
    return { classes(), label(), unlabel(), seed(), skip(), suggest() };
}

} // namespace semiprune::cli

// Data-health commands: copies of images, held-out images that leak into training, and the image audit.

#include "command.h"
#include "output.h"
#include "support.h"

#include "dataset/labeling.h"
#include "health/duplicates.h"
#include "health/fingerprinting.h"
#include "health/similarimages.h"
#include "jobs/jobcontext.h"
#include "storage/database.h"
#include "storage/imagetable.h"
#include "storage/project.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>

namespace semiprune::cli {

namespace {

struct ImageNames {
    QHash<qint64, QString> paths;
    QJsonObject describe(const HashedImage &image) const
    {
        return QJsonObject { { QStringLiteral("id"), image.id }, { QStringLiteral("path"), paths.value(image.id) },
            { QStringLiteral("split"), splitName(image.split) } };
    }
};

QJsonArray groupsToJson(
    const std::vector<DuplicateGroup> &groups, const std::vector<HashedImage> &images, const ImageNames &names)
{
    QJsonArray array;
    for (const DuplicateGroup &group : groups) {
        QJsonArray members;
        for (int member : group.members)
            members.append(names.describe(images[std::size_t(member)]));
        array.append(QJsonObject { { QStringLiteral("exact"), group.exact },
            { QStringLiteral("largest_distance"), double(group.largestDistance) },
            { QStringLiteral("images"), members } });
    }
    return array;
}

qint64 memberCount(const std::vector<DuplicateGroup> &groups)
{
    qint64 count = 0;
    for (const DuplicateGroup &group : groups)
        count += qint64(group.members.size());
    return count;
}

void printGroups(const QString &title, const std::vector<DuplicateGroup> &groups,
    const std::vector<HashedImage> &images, const ImageNames &names, int limit)
{
    if (groups.empty())
        return;
    printLine(title);
    for (std::size_t g = 0; g < groups.size() && int(g) < limit; ++g) {
        QStringList paths;
        for (int member : groups[g].members)
            paths << names.paths.value(images[std::size_t(member)].id);
        printLine(QStringLiteral("  %1").arg(paths.join(QStringLiteral("  "))));
    }
    if (int(groups.size()) > limit)
        printLine(QCoreApplication::translate(
            "cli", "  ... and %n more (--limit shows more)", nullptr, int(groups.size()) - limit));
}

// What both commands share: the project's images measured (stored measures reused), the output
// mode and the listing limit.
struct MeasuredProject {
    FingerprintReport health;
    bool json = false;
    int limit = 20;
};

MeasuredProject measureProject(const QCommandLineParser &parser)
{
    const auto project = openProject(positional(parser, 0, QCoreApplication::translate("cli", "the project file")));
    expectPositionals(parser, 1);
    MeasuredProject measured;
    measured.json = parser.isSet(QStringLiteral("json"));
    measured.limit = intOption(parser, QStringLiteral("limit"), 20);
    if (measured.limit < 0)
        throw UsageError { QCoreApplication::translate("cli", "--limit cannot be negative") };
    runWithProgress(measured.json, [&](JobContext &job) { measured.health = fingerprintImages(*project, job); });
    return measured;
}

// The counts and problems of the measuring pass, as both commands' JSON starts.
QJsonObject measuredToJson(const FingerprintReport &health)
{
    QJsonArray problems;
    for (const auto &[path, reason] : health.problems)
        problems.append(QJsonObject { { QStringLiteral("path"), path }, { QStringLiteral("reason"), reason } });
    return QJsonObject { { QStringLiteral("images"), qint64(health.images.size()) },
        { QStringLiteral("measured"), health.measured }, { QStringLiteral("reused"), health.reused },
        { QStringLiteral("undecodable"), health.undecodable }, { QStringLiteral("problems"), problems } };
}

void printMeasured(const FingerprintReport &health)
{
    printLine(QCoreApplication::translate("cli", "%1 images measured (%2 now, %3 unchanged) in %4 s.")
                  .arg(health.images.size())
                  .arg(health.measured)
                  .arg(health.reused)
                  .arg(health.seconds, 0, 'f', 1));
    for (const auto &[path, reason] : health.problems)
        printLine(QCoreApplication::translate("cli", "  not decodable: %1: %2").arg(path, reason));
}

Command duplicates()
{
    return Command { QStringLiteral("duplicates"),
        QCoreApplication::translate(
            "cli", "Find exact and near copies of images, and held-out images leaking into train."),
        QStringLiteral("PROJECT"),
        [](QCommandLineParser &parser) {
            parser.addOptions({ jsonOption(),
                QCommandLineOption(QStringLiteral("max-distance"),
                    QCoreApplication::translate("cli",
                        "How far apart two near copies' 8 x 8 thumbnails may be, brightness and contrast taken "
                        "out: 0 (the same picture) to %1 (default %2).")
                        .arg(double(kLargestNearDistance))
                        .arg(double(kDefaultNearDistance)),
                    QStringLiteral("distance")),
                QCommandLineOption(QStringLiteral("limit"),
                    QCoreApplication::translate("cli", "Groups and leaks listed in the text output (default 20)."),
                    QStringLiteral("n")) });
        },
        [](QCommandLineParser &parser) {
            const double maxDistance = doubleOption(parser, QStringLiteral("max-distance"), kDefaultNearDistance);
            if (!(maxDistance >= 0 && maxDistance <= kLargestNearDistance))
                throw UsageError { QCoreApplication::translate("cli", "--max-distance takes a distance from 0 to %1")
                                       .arg(double(kLargestNearDistance)) };
            const auto [health, json, limit] = measureProject(parser);
            const std::vector<HashedImage> images = health.hashed();
            const DuplicateReport report = findDuplicates(images, float(maxDistance));
            ImageNames names;
            for (const MeasuredImage &image : health.images)
                names.paths.insert(image.id, image.path);

            if (json) {
                QJsonArray leaks;
                for (const SplitLeak &leak : report.leaks)
                    leaks.append(
                        QJsonObject { { QStringLiteral("image"), names.describe(images[std::size_t(leak.heldOut)]) },
                            { QStringLiteral("train_copy"), names.describe(images[std::size_t(leak.train)]) },
                            { QStringLiteral("distance"), double(leak.distance) } });
                QJsonObject out = measuredToJson(health);
                out.insert(QStringLiteral("max_distance"), double(report.maxDistance));
                out.insert(QStringLiteral("redundant_images"), report.redundantImages);
                out.insert(QStringLiteral("exact_groups"), groupsToJson(report.exactGroups, images, names));
                out.insert(QStringLiteral("near_groups"), groupsToJson(report.nearGroups, images, names));
                out.insert(QStringLiteral("leaks"), leaks);
                printJson(out);
                return 0;
            }
            printMeasured(health);
            printLine(QCoreApplication::translate("cli", "Exact copies: %1 groups of %2 images.")
                          .arg(report.exactGroups.size())
                          .arg(memberCount(report.exactGroups)));
            printLine(QCoreApplication::translate("cli", "Near copies (at most %1 apart): %2 groups of %3 images.")
                          .arg(double(report.maxDistance))
                          .arg(report.nearGroups.size())
                          .arg(memberCount(report.nearGroups)));
            printLine(QCoreApplication::translate("cli", "Redundant images (all but one of every group): %1.")
                          .arg(report.redundantImages));
            printLine(
                QCoreApplication::translate("cli", "Split leaks: %1 test or validation images have a copy in train.")
                    .arg(report.leaks.size()));
            printGroups(QCoreApplication::translate("cli", "Exact copies:"), report.exactGroups, images, names, limit);
            printGroups(QCoreApplication::translate("cli", "Near copies:"), report.nearGroups, images, names, limit);
            if (!report.leaks.empty()) {
                printLine(QCoreApplication::translate("cli", "Leaks (held-out image <- training copy, distance):"));
                for (std::size_t i = 0; i < report.leaks.size() && int(i) < limit; ++i) {
                    const SplitLeak &leak = report.leaks[i];
                    printLine(QStringLiteral("  %1 <- %2  %3")
                                  .arg(names.paths.value(images[std::size_t(leak.heldOut)].id),
                                      names.paths.value(images[std::size_t(leak.train)].id))
                                  .arg(double(leak.distance), 0, 'f', 3));
                }
            }
            return 0;
        } };
}

QJsonObject thresholdsToJson(const QualityThresholds &t)
{
    return QJsonObject { { QStringLiteral("dark_brightest"), double(t.darkBrightest) },
        { QStringLiteral("overexposed_darkest"), double(t.overexposedDarkest) },
        { QStringLiteral("blurry_sharpness"), double(t.blurrySharpness) },
        { QStringLiteral("low_entropy"), double(t.lowEntropy) },
        { QStringLiteral("noise_structure"), double(t.noiseStructure) },
        { QStringLiteral("smallest_side"), t.smallestSide }, { QStringLiteral("largest_side"), t.largestSide },
        { QStringLiteral("odd_aspect"), t.oddAspect } };
}

Command audit()
{
    return Command { QStringLiteral("audit"),
        QCoreApplication::translate("cli", "Find dark, overexposed, blurry, empty, noisy and oddly sized images."),
        QStringLiteral("PROJECT"),
        [](QCommandLineParser &parser) {
            parser.addOptions({ jsonOption(),
                QCommandLineOption(QStringLiteral("limit"),
                    QCoreApplication::translate("cli", "Flagged images listed in the text output (default 20)."),
                    QStringLiteral("n")) });
        },
        [](QCommandLineParser &parser) {
            const auto [health, json, limit] = measureProject(parser);
            const QualityThresholds thresholds;
            const AuditResult audit = auditImages(health, thresholds);
            QJsonArray flagged;
            QStringList lines;
            for (std::size_t i = 0; i < health.images.size(); ++i) {
                const MeasuredImage &image = health.images[i];
                const QList<QualityIssue> &issues = audit.issues[i];
                if (issues.isEmpty())
                    continue;
                QJsonArray names;
                QStringList words;
                for (QualityIssue issue : issues) {
                    names.append(qualityIssueName(issue));
                    words << qualityIssueName(issue);
                }
                const ImageQuality &q = image.quality;
                flagged.append(QJsonObject { { QStringLiteral("id"), image.id }, { QStringLiteral("path"), image.path },
                    { QStringLiteral("split"), splitName(image.split) }, { QStringLiteral("issues"), names },
                    { QStringLiteral("width"), image.width }, { QStringLiteral("height"), image.height },
                    { QStringLiteral("darkest"), double(q.darkest) },
                    { QStringLiteral("brightest"), double(q.brightest) },
                    { QStringLiteral("sharpness"), double(q.sharpness) },
                    { QStringLiteral("entropy"), double(q.entropy) },
                    { QStringLiteral("structure"), double(q.structure) }, { QStringLiteral("gray"), q.gray } });
                if (lines.size() < limit)
                    lines << QStringLiteral("  %1  %2").arg(image.path, words.join(QStringLiteral(", ")));
            }
            if (json) {
                QJsonObject countJson;
                for (const auto &[issue, count] : audit.counts)
                    countJson.insert(qualityIssueName(issue), count);
                QJsonObject out = measuredToJson(health);
                out.insert(QStringLiteral("color_set"), audit.colorSet);
                out.insert(QStringLiteral("thresholds"), thresholdsToJson(thresholds));
                out.insert(QStringLiteral("counts"), countJson);
                out.insert(QStringLiteral("flagged"), flagged);
                printJson(out);
                return 0;
            }
            printMeasured(health);
            printLine(QCoreApplication::translate("cli", "%1 of %2 images have an issue.")
                          .arg(flagged.size())
                          .arg(health.images.size()));
            for (const auto &[issue, count] : audit.counts)
                printLine(QStringLiteral("  %1: %2").arg(qualityIssueName(issue)).arg(count));
            for (const QString &line : lines)
                printLine(line);
            if (flagged.size() > lines.size())
                printLine(QCoreApplication::translate(
                    "cli", "  ... and %n more (--limit shows more)", nullptr, int(flagged.size() - lines.size())));
            return 0;
        } };
}

Command similar()
{
    return Command { QStringLiteral("similar"),
        QCoreApplication::translate("cli", "More like this: the images nearest to one or more given ones."),
        QStringLiteral("PROJECT IMAGE..."),
        [](QCommandLineParser &parser) {
            parser.addOptions({ jsonOption(),
                QCommandLineOption(QStringLiteral("count"),
                    QCoreApplication::translate("cli", "How many images to list (default 20)."),
                    QStringLiteral("n")) });
        },
        [](QCommandLineParser &parser) {
            const auto project
                = openProject(positional(parser, 0, QCoreApplication::translate("cli", "the project file")));
            positional(parser, 1, QCoreApplication::translate("cli", "the image (path or #id)"));
            const bool json = parser.isSet(QStringLiteral("json"));
            const int count = intOption(parser, QStringLiteral("count"), 20);
            if (count < 1)
                throw UsageError { QCoreApplication::translate("cli", "--count takes a positive number") };
            Database &db = project->db();
            std::vector<ImageId> given;
            for (const QString &spec : parser.positionalArguments().mid(1))
                given.push_back(resolveImage(db, spec));
            SimilarImages found;
            runWithProgress(json, [&](JobContext &job) { found = findSimilarImages(*project, given, count, job); });
            const bool features = found.source == SimilarImages::Source::Features;
            ImageTable images(db);
            if (json) {
                QJsonArray list;
                for (const SimilarImage &image : found.images) {
                    const auto record = images.find(image.image);
                    list.append(QJsonObject { { QStringLiteral("id"), image.image.value },
                        { QStringLiteral("path"), record ? record->path : QString() },
                        { QStringLiteral("split"), record ? splitName(record->split) : QString() },
                        { QStringLiteral("distance"), double(image.distance) } });
                }
                QJsonObject out { { QStringLiteral("source"),
                                      features ? QStringLiteral("features") : QStringLiteral("thumbnails") },
                    { QStringLiteral("images"), list } };
                if (features)
                    out.insert(QStringLiteral("run"), found.run.value);
                printJson(out);
                return 0;
            }
            printLine(features ? QCoreApplication::translate("cli", "By the features of run #%1:").arg(found.run.value)
                               : QCoreApplication::translate(
                                   "cli", "By the images' thumbnails (no run with image features yet):"));
            for (const SimilarImage &image : found.images) {
                const auto record = images.find(image.image);
                printLine(QStringLiteral("  %1  %2")
                              .arg(double(image.distance), 0, 'f', 3)
                              .arg(record ? record->path : QStringLiteral("#%1").arg(image.image.value)));
            }
            return 0;
        } };
}

} // namespace

std::vector<Command> healthCommands()
{
    return { duplicates(), audit(), similar() };
}

} // namespace semiprune::cli

// Data-health commands: copies of images and held-out images that leak into training.

#include "command.h"
#include "output.h"
#include "support.h"

#include "health/duplicates.h"
#include "health/imagehashing.h"
#include "jobs/jobcontext.h"
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
            const auto project
                = openProject(positional(parser, 0, QCoreApplication::translate("cli", "the project file")));
            expectPositionals(parser, 1);
            const bool json = parser.isSet(QStringLiteral("json"));
            const double maxDistance = doubleOption(parser, QStringLiteral("max-distance"), kDefaultNearDistance);
            if (!(maxDistance >= 0 && maxDistance <= kLargestNearDistance))
                throw UsageError { QCoreApplication::translate("cli", "--max-distance takes a distance from 0 to %1")
                                       .arg(double(kLargestNearDistance)) };
            const int limit = intOption(parser, QStringLiteral("limit"), 20);
            if (limit < 0)
                throw UsageError { QCoreApplication::translate("cli", "--limit cannot be negative") };

            HashingReport hashing;
            runWithProgress(json, [&](JobContext &job) { hashing = hashProjectImages(*project, job); });
            const DuplicateReport report = findDuplicates(hashing.images, float(maxDistance));
            ImageNames names;
            for (const ImageRecord &record : ImageTable(project->db()).all())
                names.paths.insert(record.id.value, record.path);

            if (json) {
                QJsonArray leaks;
                for (const SplitLeak &leak : report.leaks)
                    leaks.append(QJsonObject {
                        { QStringLiteral("image"), names.describe(hashing.images[std::size_t(leak.heldOut)]) },
                        { QStringLiteral("train_copy"), names.describe(hashing.images[std::size_t(leak.train)]) },
                        { QStringLiteral("distance"), double(leak.distance) } });
                QJsonArray problems;
                for (const auto &[path, reason] : hashing.problems)
                    problems.append(
                        QJsonObject { { QStringLiteral("path"), path }, { QStringLiteral("reason"), reason } });
                printJson(QJsonObject { { QStringLiteral("images"), qint64(hashing.images.size()) },
                    { QStringLiteral("hashed"), hashing.hashed }, { QStringLiteral("reused"), hashing.reused },
                    { QStringLiteral("undecodable"), hashing.undecodable }, { QStringLiteral("problems"), problems },
                    { QStringLiteral("max_distance"), double(report.maxDistance) },
                    { QStringLiteral("redundant_images"), report.redundantImages },
                    { QStringLiteral("exact_groups"), groupsToJson(report.exactGroups, hashing.images, names) },
                    { QStringLiteral("near_groups"), groupsToJson(report.nearGroups, hashing.images, names) },
                    { QStringLiteral("leaks"), leaks } });
                return 0;
            }
            printLine(QCoreApplication::translate("cli", "%1 images fingerprinted (%2 now, %3 unchanged) in %4 s.")
                          .arg(hashing.images.size())
                          .arg(hashing.hashed)
                          .arg(hashing.reused)
                          .arg(hashing.seconds, 0, 'f', 1));
            for (const auto &[path, reason] : hashing.problems)
                printLine(QCoreApplication::translate("cli", "  not decodable: %1: %2").arg(path, reason));
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
            printGroups(
                QCoreApplication::translate("cli", "Exact copies:"), report.exactGroups, hashing.images, names, limit);
            printGroups(
                QCoreApplication::translate("cli", "Near copies:"), report.nearGroups, hashing.images, names, limit);
            if (!report.leaks.empty()) {
                printLine(QCoreApplication::translate("cli", "Leaks (held-out image <- training copy, distance):"));
                for (std::size_t i = 0; i < report.leaks.size() && int(i) < limit; ++i) {
                    const SplitLeak &leak = report.leaks[i];
                    printLine(QStringLiteral("  %1 <- %2  %3")
                                  .arg(names.paths.value(hashing.images[std::size_t(leak.heldOut)].id),
                                      names.paths.value(hashing.images[std::size_t(leak.train)].id))
                                  .arg(double(leak.distance), 0, 'f', 3));
                }
            }
            return 0;
        } };
}

} // namespace

std::vector<Command> healthCommands()
{
    return { duplicates() };
}

} // namespace semiprune::cli

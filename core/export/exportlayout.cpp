#include "exportlayout.h"

#include "common/random.h"
#include "dataset/classnames.h"
#include "exportoptions.h"
#include "exportplan.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <map>

namespace semiprune {

namespace {

// "name (k).ext", or "name (k)" for a name without an extension (a folder, or a ".hidden" file).
QString numbered(const QString &name, int k, bool keepExtension)
{
    const qsizetype dot = keepExtension ? name.lastIndexOf(QLatin1Char('.')) : -1;
    if (dot <= 0)
        return QStringLiteral("%1 (%2)").arg(name).arg(k);
    return QStringLiteral("%1 (%2)%3").arg(name.left(dot)).arg(k).arg(name.mid(dot));
}

// Names are compared case-blind: an export copied to a case-insensitive disk must not lose files.
QString key(const QString &name)
{
    return name.toCaseFolded();
}

// Gives each wanted name (in order) a unique one: first every name that is free keeps it, then the
// clashing ones are numbered. Two passes, so a real "x (2).png" keeps its name and a second "x.png"
// becomes "x (3).png": no file is renamed because of the order of the rows.
std::vector<QString> uniqueNames(const std::vector<QString> &wanted, QSet<QString> used, bool keepExtension)
{
    std::vector<QString> names(wanted.size());
    for (size_t i = 0; i < wanted.size(); ++i) {
        if (!used.contains(key(wanted[i]))) {
            used.insert(key(wanted[i]));
            names[i] = wanted[i];
        }
    }
    for (size_t i = 0; i < wanted.size(); ++i) {
        if (!names[i].isEmpty())
            continue;
        QString candidate;
        for (int k = 2;; ++k) {
            candidate = numbered(wanted[i], k, keepExtension);
            if (!used.contains(key(candidate)))
                break;
        }
        used.insert(key(candidate));
        names[i] = candidate;
    }
    return names;
}

// A stable 64-bit hash (FNV-1a): qHash is seeded per process, and the split must not change between runs.
quint64 stableHash(const QString &text)
{
    quint64 hash = 0xcbf29ce484222325ULL;
    for (const char byte : text.toUtf8()) {
        hash ^= quint64(quint8(byte));
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

void assignClassFolders(ExportPlan &plan)
{
    // The export's own files sit beside the class folders: no class may take their names.
    QSet<QString> reserved { key(QStringLiteral("manifest.csv")), key(QStringLiteral("summary.json")),
        key(classNamesFileName()) };
    std::vector<QString> wanted;
    for (const ExportClass &c : plan.classes)
        wanted.push_back(safeFolderName(c.name));
    // Classes whose name is already a safe folder name choose first, so "a_b" stays "a_b" and it
    // is the class "a/b" (made "a_b" too) that gets the number.
    std::vector<size_t> order(plan.classes.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_partition(order.begin(), order.end(), [&](size_t i) { return wanted[i] == plan.classes[i].name; });
    std::vector<QString> ordered;
    for (size_t i : order)
        ordered.push_back(wanted[i]);
    const std::vector<QString> folders = uniqueNames(ordered, reserved, false);
    for (size_t j = 0; j < order.size(); ++j)
        plan.classes[order[j]].folder = folders[j];
}

void drawSplit(ExportPlan &plan, const ExportOptions &options)
{
    std::map<int, std::vector<size_t>> byClass;
    for (size_t i = 0; i < plan.entries.size(); ++i)
        byClass[plan.entries[i].classIndex].push_back(i);
    for (auto &[classIndex, members] : byClass) {
        if (!options.hasSplit()) {
            for (size_t i : members)
                plan.entries[i].split = ExportSplit::None;
            continue;
        }
        // Sorted by path first, so the draw depends on which images there are, not on row order.
        std::sort(members.begin(), members.end(),
            [&](size_t a, size_t b) { return plan.entries[a].originalPath < plan.entries[b].originalPath; });
        const qint64 n = qint64(members.size());
        qint64 val = qint64(std::llround(double(n) * options.valFraction));
        // Every class with two images or more is in both halves: a val/ without a class gives it a
        // different class index in an ImageFolder loader, and no per-class validation figure.
        if (n >= 2)
            val = std::clamp<qint64>(val, 1, n - 1);
        else
            val = 0;
        // One generator per class, keyed by its name, so adding a class does not reshuffle the others.
        SelectionRng rng(options.splitSeed ^ stableHash(plan.classes[size_t(classIndex)].name));
        rng.partialShuffle(members, size_t(val));
        for (qint64 i = 0; i < n; ++i)
            plan.entries[members[size_t(i)]].split = i < val ? ExportSplit::Val : ExportSplit::Train;
    }
}

} // namespace

void layOutExport(ExportPlan &plan, const ExportOptions &options)
{
    assignClassFolders(plan);
    drawSplit(plan, options);

    std::map<QString, std::vector<size_t>> byFolder;
    for (size_t i = 0; i < plan.entries.size(); ++i) {
        const ExportEntry &entry = plan.entries[i];
        const QString split = exportSplitName(entry.split);
        const QString &folder = plan.classes[size_t(entry.classIndex)].folder;
        byFolder[split.isEmpty() ? folder : split + QLatin1Char('/') + folder].push_back(i);
    }
    for (auto &[folder, members] : byFolder) {
        std::sort(members.begin(), members.end(),
            [&](size_t a, size_t b) { return plan.entries[a].originalPath < plan.entries[b].originalPath; });
        std::vector<QString> wanted;
        wanted.reserve(members.size());
        for (size_t i : members)
            wanted.push_back(plan.entries[i].originalPath.section(QLatin1Char('/'), -1));
        const std::vector<QString> names = uniqueNames(wanted, {}, true);
        for (size_t j = 0; j < members.size(); ++j) {
            ExportEntry &entry = plan.entries[members[j]];
            entry.exportPath = folder + QLatin1Char('/') + names[j];
            entry.renamed = names[j] != wanted[j];
        }
    }
    std::sort(plan.entries.begin(), plan.entries.end(),
        [](const ExportEntry &a, const ExportEntry &b) { return a.exportPath < b.exportPath; });
}

} // namespace semiprune

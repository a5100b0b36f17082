#include "exportreport.h"

#include <QJsonArray>

namespace semiprune {

QJsonObject toJson(const ExportReport &report)
{
    QJsonArray classes;
    for (const ExportClassCount &c : report.classes) {
        QJsonObject object { { QStringLiteral("name"), c.name }, { QStringLiteral("folder"), c.folder },
            { QStringLiteral("images"), c.images }, { QStringLiteral("human"), c.human },
            { QStringLiteral("pseudo"), c.pseudo } };
        if (report.valFraction > 0) {
            object.insert(QStringLiteral("train"), c.train);
            object.insert(QStringLiteral("val"), c.val);
        }
        classes.append(object);
    }
    const auto runOrNull = [](RunId run) { return run.isValid() ? QJsonValue(run.value) : QJsonValue(); };
    const auto orNull = [](double value) { return value >= 0 ? QJsonValue(value) : QJsonValue(); };
    QJsonObject object {
        { QStringLiteral("target"), report.target },
        { QStringLiteral("project"), report.project },
        { QStringLiteral("scope"), exportScopeName(report.scope) },
        { QStringLiteral("human_only"), report.humanOnly },
        { QStringLiteral("mode"), exportModeName(report.mode) },
        { QStringLiteral("selection"), report.selection.isEmpty() ? QJsonValue() : QJsonValue(report.selection) },
        { QStringLiteral("method"), report.method.isEmpty() ? QJsonValue() : QJsonValue(report.method) },
        { QStringLiteral("keep_ratio"), orNull(report.keepRatio) },
        { QStringLiteral("beta"), orNull(report.beta) },
        { QStringLiteral("scores_run"), runOrNull(report.scoresRun) },
        { QStringLiteral("pseudo_label_run"), runOrNull(report.pseudoLabelRun) },
        { QStringLiteral("val_fraction"), report.valFraction },
        // A string: a 64-bit seed does not fit a JSON number's exact range.
        { QStringLiteral("split_seed"), QString::number(report.splitSeed) },
        { QStringLiteral("candidates"), report.candidates },
        { QStringLiteral("exported"), report.exported },
        { QStringLiteral("renamed"), report.renamed },
        { QStringLiteral("skipped"),
            QJsonObject { { QStringLiteral("unlabeled"), report.skippedUnlabeled },
                { QStringLiteral("not_human"), report.skippedNotHuman },
                { QStringLiteral("unreadable"), report.skippedUnreadable },
                { QStringLiteral("missing"), report.missingSources.size() } } },
        { QStringLiteral("missing_sources"), QJsonArray::fromStringList(report.missingSources) },
        { QStringLiteral("classes_without_images"), QJsonArray::fromStringList(report.classesWithoutImages) },
        { QStringLiteral("bytes_copied"), report.bytesCopied },
        { QStringLiteral("classes"), classes },
        { QStringLiteral("class_names_file"), report.classNamesFile },
        { QStringLiteral("started_at"), report.startedAt },
        { QStringLiteral("seconds"), report.seconds },
    };
    if (report.replacedOld)
        object.insert(QStringLiteral("replaced_old"), true);
    if (!report.leftover.isEmpty())
        object.insert(QStringLiteral("leftover"), report.leftover);
    return object;
}

} // namespace semiprune

#include "runresults.h"

#include "storage/project.h"
#include "storage/resulttables.h"
#include "storage/runtable.h"

namespace semiprune::ui {

std::vector<ImageGridModel::PseudoLabel> latestPseudoLabels(Project &project)
{
    std::vector<ImageGridModel::PseudoLabel> labels;
    const std::optional<RunRecord> run = RunTable(project.db()).latestFinished(QStringLiteral("pseudo-label"));
    if (!run)
        return labels;
    for (const PredictionRecord &prediction : PredictionTable(project.db()).forRun(run->id))
        labels.push_back({ prediction.image, prediction.classId, prediction.confidence });
    return labels;
}

QHash<ImageId, double> latestDifficulty(Project &project)
{
    const std::optional<RunRecord> run = RunTable(project.db()).latestFinished(QStringLiteral("scores"));
    if (!run)
        return {};
    return ScoreTable(project.db()).forRun(run->id, QStringLiteral("aum"));
}

std::optional<SelectionRecord> latestSelection(Project &project)
{
    std::optional<SelectionRecord> newest;
    for (const SelectionRecord &record : SelectionTable(project.db()).all()) {
        if (!newest || record.createdAtMs >= newest->createdAtMs)
            newest = record;
    }
    return newest;
}

} // namespace semiprune::ui

namespace semiprune::ui {

QHash<ImageId, RowFate> latestSelectionFates(Project &project)
{
    QHash<ImageId, RowFate> fates;
    const std::optional<SelectionRecord> selection = latestSelection(project);
    if (!selection)
        return fates;
    const std::vector<SelectionItem> items = SelectionTable(project.db()).items(selection->id);
    fates.reserve(qsizetype(items.size()));
    for (const SelectionItem &item : items) {
        RowFate fate = RowFate::NotSampled;
        if (item.kept)
            fate = RowFate::Kept;
        else if (item.reason == QLatin1String("dropped-hard"))
            fate = RowFate::DroppedHard;
        else if (item.reason == QLatin1String("dropped-easy"))
            fate = RowFate::DroppedEasy;
        fates.insert(item.image, fate);
    }
    return fates;
}

} // namespace semiprune::ui

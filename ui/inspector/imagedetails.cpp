#include "imagedetails.h"

#include "storage/healthtable.h"
#include "storage/imagetable.h"
#include "storage/labeltable.h"
#include "storage/project.h"
#include "storage/runtable.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace semiprune::ui {

namespace {

// The scores' names and directions are shown to people: they go through the translations.
struct ScoreText {
    Q_DECLARE_TR_FUNCTIONS(ScoreText)
};

// Runs made before the pseudo-label stage recorded its class order: the dynamics run of the same
// pipeline trained on the same classes, so its order is the one the probabilities use.
std::vector<ClassId> classOrderFallback(RunTable &runs, size_t probabilityCount)
{
    const std::optional<RunRecord> dynamics = runs.latestFinished(QStringLiteral("dynamics"));
    if (!dynamics)
        return {};
    std::vector<ClassId> classes = runs.classes(dynamics->id);
    if (classes.size() != probabilityCount)
        return {};
    return classes;
}

} // namespace

std::vector<ScoreLine> scoreLinesTemplate()
{
    return {
        ScoreLine { QStringLiteral("aum"), ScoreText::tr("AUM"), ScoreText::tr("low is hard"), 0, false },
        ScoreLine {
            QStringLiteral("forgetting"), ScoreText::tr("Forgetting"), ScoreText::tr("high is hard"), 0, false },
        ScoreLine { QStringLiteral("el2n"), ScoreText::tr("EL2N"), ScoreText::tr("high is hard"), 0, false },
        ScoreLine { QStringLiteral("dual"), ScoreText::tr("DUAL"), ScoreText::tr("high is important"), 0, false },
    };
}

ResultRuns latestResultRuns(Project &project)
{
    ResultRuns runs;
    RunTable table(project.db());
    if (const auto pseudo = table.latestFinished(QStringLiteral("pseudo-label"))) {
        runs.pseudoLabelRun = pseudo->id;
        runs.pseudoClasses = table.classes(pseudo->id);
    }
    if (const auto scores = table.latestFinished(QStringLiteral("scores")))
        runs.scoresRun = scores->id;
    for (const SelectionRecord &record : SelectionTable(project.db()).all()) {
        if (!runs.selection || record.createdAtMs >= runs.selection->createdAtMs)
            runs.selection = record;
    }
    const auto [measured, gray] = ImageHealthTable(project.db()).measuredAndGray();
    runs.healthMeasured = measured > 0;
    runs.colorSet = 2 * gray < measured;
    return runs;
}

ImageDetails loadImageDetails(Project &project, const ResultRuns &runs, ImageId image)
{
    ImageDetails details;
    Database &db = project.db();
    details.image = ImageTable(db).find(image);
    if (!details.image)
        return details;
    details.absolutePath = QDir(project.datasetRoot()).filePath(details.image->path);
    details.fileExists = QFileInfo::exists(details.absolutePath);
    details.label = LabelTable(db).find(image);

    if (runs.pseudoLabelRun.isValid()) {
        details.prediction = PredictionTable(db).find(runs.pseudoLabelRun, image);
        if (details.prediction) {
            const std::vector<float> &probabilities = details.prediction->probabilities;
            std::vector<ClassId> order = runs.pseudoClasses;
            if (order.size() != probabilities.size()) {
                RunTable table(db);
                order = classOrderFallback(table, probabilities.size());
            }
            if (!order.empty()) {
                std::vector<size_t> indexes(probabilities.size());
                for (size_t i = 0; i < indexes.size(); ++i)
                    indexes[i] = i;
                const size_t top = std::min(indexes.size(), size_t(ImageDetails::kTopClasses));
                std::partial_sort(indexes.begin(), indexes.begin() + qsizetype(top), indexes.end(),
                    [&](size_t a, size_t b) { return probabilities[a] > probabilities[b]; });
                for (size_t i = 0; i < top; ++i)
                    details.topClasses.push_back({ order[indexes[i]], probabilities[indexes[i]] });
            }
        }
    }

    details.scores = scoreLinesTemplate();
    if (runs.scoresRun.isValid()) {
        QStringList kinds;
        for (const ScoreLine &line : details.scores)
            kinds << line.kind;
        const QHash<QString, double> values = ScoreTable(db).forImage(runs.scoresRun, image, kinds);
        for (ScoreLine &line : details.scores) {
            const auto found = values.constFind(line.kind);
            if (found != values.cend()) {
                line.value = *found;
                line.present = true;
            }
        }
    }
    if (runs.selection)
        details.selectionItem = SelectionTable(db).item(runs.selection->id, image);
    if (const auto health = ImageHealthTable(db).find(image);
        health && health->fileSize == details.image->fileSize && health->mtimeMs == details.image->mtimeMs) {
        details.auditMeasured = true;
        details.auditIssues
            = qualityIssues(health->quality, details.image->width, details.image->height, runs.colorSet);
    }
    return details;
}

} // namespace semiprune::ui

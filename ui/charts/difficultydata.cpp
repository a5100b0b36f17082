#include "difficultydata.h"

#include "common/error.h"
#include "runs/runresults.h"
#include "scoring/trainingdynamics.h"
#include "storage/classtable.h"
#include "storage/labeltable.h"
#include "storage/project.h"
#include "storage/runtable.h"

#include <QHash>
#include <QLoggingCategory>

#include <cmath>

namespace semiprune::ui {

namespace {

Q_LOGGING_CATEGORY(lcDifficulty, "semiprune.difficulty")

// Mean and population standard deviation over the epochs of p_t(y), one pass per epoch, in
// doubles: float sums over hundreds of epochs lose the digits the variance needs.
void computeCartography(const TrainingDynamics &dynamics, DifficultyData &data)
{
    const int n = dynamics.imageCount();
    const int epochs = dynamics.epochCount();
    if (epochs == 0)
        return;
    std::vector<double> sum(size_t(n), 0.0);
    std::vector<double> squares(size_t(n), 0.0);
    for (int e = 0; e < epochs; ++e) {
        for (int i = 0; i < n; ++i) {
            const double p = dynamics.record(i, e).labelProb;
            sum[size_t(i)] += p;
            squares[size_t(i)] += p * p;
        }
    }
    data.meanConfidence.resize(size_t(n));
    data.variability.resize(size_t(n));
    for (int i = 0; i < n; ++i) {
        const double mean = sum[size_t(i)] / epochs;
        data.meanConfidence[size_t(i)] = float(mean);
        data.variability[size_t(i)] = float(std::sqrt(std::max(0.0, squares[size_t(i)] / epochs - mean * mean)));
    }
    data.epochs = epochs;
}

} // namespace

DifficultyData loadDifficultyData(Project *project)
{
    DifficultyData data;
    if (!project)
        return data;
    Database &db = project->db();
    RunTable runs(db);

    QHash<qint64, int> classIndex;
    for (const ClassRecord &record : ClassTable(db).all()) {
        classIndex.insert(record.id.value, int(data.classes.size()));
        const QColor color(record.color);
        data.classes.push_back(ChartClass { record.name, color.isValid() ? color : QColor(Qt::gray) });
    }
    data.seedPerClass.assign(data.classes.size(), 0);
    data.pseudoPerClass.assign(data.classes.size(), 0);
    QHash<qint64, bool> human;
    for (const LabelRecord &label : LabelTable(db).all()) {
        human.insert(label.image.value, true);
        const int cls = classIndex.value(label.classId.value, -1);
        if (cls >= 0)
            ++data.seedPerClass[size_t(cls)];
    }
    for (const ImageGridModel::PseudoLabel &label : latestPseudoLabels(*project)) {
        data.pseudoConfidences.push_back(label.confidence);
        const int cls = classIndex.value(label.classId.value, -1);
        if (cls >= 0 && !human.contains(label.image.value))
            ++data.pseudoPerClass[size_t(cls)];
    }

    const std::optional<RunRecord> scores = runs.latestFinished(QStringLiteral("scores"));
    if (!scores) {
        data.state = runs.all().empty() ? DifficultyState::NoRun : DifficultyState::NoScores;
        return data;
    }
    data.scoresRun = scores->id;
    data.runSettings = scores->parameters;
    const RunId dynamicsRun = scores->parent;
    data.images = runs.images(dynamicsRun);
    const QHash<ImageId, double> aum = ScoreTable(db).forRun(scores->id, QStringLiteral("aum"));
    const std::vector<int> runLabels = runs.imageLabels(dynamicsRun);
    const std::vector<ClassId> runClasses = runs.classes(dynamicsRun);

    // Images the scores run left out (it never does, but a damaged file might) are not scored.
    std::vector<ImageId> scored;
    scored.reserve(data.images.size());
    std::vector<int> kept;
    for (size_t i = 0; i < data.images.size(); ++i) {
        const auto value = aum.constFind(data.images[i]);
        if (value == aum.cend() || !std::isfinite(*value))
            continue;
        kept.push_back(int(i));
        scored.push_back(data.images[i]);
        data.aum.push_back(*value);
        int label = -1;
        if (i < runLabels.size() && runLabels[i] >= 0 && size_t(runLabels[i]) < runClasses.size())
            label = classIndex.value(runClasses[size_t(runLabels[i])].value, -1);
        data.labels.push_back(label);
        data.humanLabeled.push_back(human.contains(data.images[i].value));
    }
    if (scored.empty()) {
        data.state = DifficultyState::NoScores;
        data.images.clear();
        return data;
    }

    try {
        TrainingDynamics dynamics(int(data.images.size()));
        for (const QByteArray &epoch : DynamicsTable(db).epochs(dynamicsRun))
            dynamics.appendSerializedEpoch(epoch);
        DifficultyData all;
        computeCartography(dynamics, all);
        if (!all.meanConfidence.empty()) {
            for (int i : kept) {
                data.meanConfidence.push_back(all.meanConfidence[size_t(i)]);
                data.variability.push_back(all.variability[size_t(i)]);
            }
            data.epochs = all.epochs;
        }
    } catch (const Error &error) {
        // The charts that need only the scores still work; the data map says it has nothing.
        qCWarning(lcDifficulty, "training dynamics unreadable: %s", qPrintable(error.message()));
    }
    data.images = std::move(scored);
    data.newestSelection = latestSelection(*project);
    data.state = DifficultyState::Ready;
    return data;
}

} // namespace semiprune::ui

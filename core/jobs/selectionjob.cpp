#include "selectionjob.h"

#include "common/error.h"
#include "jobcontext.h"
#include "pipelinesettings.h"
#include "scoring/scores.h"
#include "selection/coveragecentric.h"
#include "selection/diversecoverage.h"
#include "selection/dualbeta.h"
#include "selection/hardcutoff.h"
#include "selection/randomselection.h"
#include "storage/classtable.h"
#include "storage/database.h"
#include "storage/project.h"
#include "storage/resulttables.h"
#include "storage/runtable.h"
#include "storage/statement.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QSet>

namespace semiprune {

namespace {

const char *reasonName(SelectionReason reason)
{
    switch (reason) {
    case SelectionReason::Kept:
        return "kept";
    case SelectionReason::DroppedHard:
        return "dropped-hard";
    case SelectionReason::DroppedEasy:
        return "dropped-easy";
    case SelectionReason::DroppedNotSampled:
        return "not-sampled";
    case SelectionReason::DroppedCovered:
        return "covered";
    }
    return "unknown";
}

std::vector<double> inOrder(
    const QHash<ImageId, double> &values, const std::vector<ImageId> &images, const QString &kind)
{
    std::vector<double> ordered;
    ordered.reserve(images.size());
    for (ImageId image : images) {
        const auto value = values.constFind(image);
        if (value == values.cend())
            throw Error(
                QCoreApplication::translate("SelectionJob", "The %1 scores are incomplete: run the pipeline again.")
                    .arg(kind));
        ordered.push_back(*value);
    }
    return ordered;
}

// The names of the run's classes that have images but none kept, in the run's class order.
QStringList classesWithoutKept(
    Database &db, const std::vector<ClassId> &classes, const std::vector<int> &labels, const Selection &selection)
{
    std::vector<int> present(classes.size(), 0), kept(classes.size(), 0);
    for (int label : labels) {
        if (label >= 0 && std::size_t(label) < classes.size())
            ++present[std::size_t(label)];
    }
    for (int image : selection.kept) {
        const int label = labels[std::size_t(image)];
        if (label >= 0 && std::size_t(label) < classes.size())
            ++kept[std::size_t(label)];
    }
    QStringList names;
    ClassTable table(db);
    for (std::size_t c = 0; c < classes.size(); ++c) {
        if (present[c] > 0 && kept[c] == 0) {
            const auto record = table.find(classes[c]);
            names << (record ? record->name : QString::number(classes[c].value));
        }
    }
    return names;
}

} // namespace

std::vector<bool> humanLabeledMask(Database &db, const std::vector<ImageId> &images)
{
    QSet<qint64> seed;
    Statement query = db.prepare("SELECT image_id FROM labels");
    while (query.step())
        seed.insert(query.int64(0));
    std::vector<bool> mask;
    for (ImageId image : images)
        mask.push_back(seed.contains(image.value));
    return mask;
}

Selection selectByScore(const PipelineSettings &settings, const std::vector<double> &scores,
    const std::vector<int> &labels, double beta, const std::vector<bool> &forced)
{
    const HardEnd end = hardEndOf(parseScoreKind(settings.score));
    switch (settings.selector) {
    case SelectorKind::HardCutoff:
        return selectHardCutoff(scores, end, settings.keepRatio, beta, forced);
    case SelectorKind::ClassAwareCutoff:
        return selectClassAwareHardCutoff(scores, labels, end, settings.keepRatio, beta, forced);
    case SelectorKind::Ccs:
        return selectCoverageCentric(scores, end, settings.keepRatio, beta, settings.training.seed, forced);
    default:
        throw Error(QCoreApplication::translate("SelectionJob", "%1 does not rank by one score with a cutoff.")
                        .arg(selectorKindName(settings.selector)));
    }
}

RunId dynamicsRunOf(Database &db, RunId scoresRun)
{
    const auto scoresRecord = RunTable(db).find(scoresRun);
    if (!scoresRecord || scoresRecord->state != RunState::Finished)
        throw Error(
            QCoreApplication::translate("SelectionJob", "Run %1 is not a finished scores run.").arg(scoresRun.value));
    return scoresRecord->parent;
}

std::vector<double> scoresInOrder(
    Database &db, RunId scoresRun, const QString &kind, const std::vector<ImageId> &images)
{
    return inOrder(ScoreTable(db).forRun(scoresRun, kind), images, kind);
}

QString defaultSelectionName(const PipelineSettings &settings)
{
    return QStringLiteral("%1-keep%2").arg(selectorKindName(settings.selector)).arg(qRound(settings.keepRatio * 100));
}

SelectionOutcome selectFrom(Project &project, const PipelineSettings &settings, RunId scoresRun, JobContext &job)
{
    settings.validate();
    Database &db = project.db();
    RunTable runs(db);
    const RunId dynamicsRun = dynamicsRunOf(db, scoresRun);
    const std::vector<ImageId> images = runs.images(dynamicsRun);
    const std::vector<int> labels = runs.imageLabels(dynamicsRun);
    ScoreTable scores(db);
    const std::vector<bool> forced = settings.forceSeed ? humanLabeledMask(db, images) : std::vector<bool> {};
    const ScoreKind kind = parseScoreKind(settings.score);
    const double beta = settings.effectiveBeta();

    job.beginPhase(QCoreApplication::translate("SelectionJob", "Selecting the coreset"), 1);
    Selection selection;
    switch (settings.selector) {
    case SelectorKind::HardCutoff:
    case SelectorKind::ClassAwareCutoff:
    case SelectorKind::Ccs:
        selection = selectByScore(
            settings, inOrder(scores.forRun(scoresRun, settings.score), images, settings.score), labels, beta, forced);
        break;
    case SelectorKind::DualBeta:
        selection
            = selectDualBeta(inOrder(scores.forRun(scoresRun, QStringLiteral("dual")), images, QStringLiteral("dual")),
                inOrder(scores.forRun(scoresRun, QStringLiteral("dual_confidence")), images,
                    QStringLiteral("dual_confidence")),
                settings.keepRatio, settings.training.seed, forced);
        break;
    case SelectorKind::Random:
        selection = selectRandom(int(images.size()), settings.keepRatio, settings.training.seed, forced);
        break;
    case SelectorKind::Diverse: {
        const FeatureMatrix features = FeatureTable(db).load(dynamicsRun);
        if (features.count() != int(images.size()))
            throw Error(QCoreApplication::translate("SelectionJob",
                "Run %1 stored no image features (it was made by an older version): run the pipeline again "
                "to use the diversity selector.")
                            .arg(dynamicsRun.value));
        selection = selectDiverseCoverage(inOrder(scores.forRun(scoresRun, settings.score), images, settings.score),
            hardEndOf(kind), features, labels, settings.keepRatio, beta, forced);
        break;
    }
    }

    std::vector<SelectionItem> items(images.size());
    for (size_t i = 0; i < images.size(); ++i)
        items[i] = SelectionItem { images[i], selection.reasons[i] == SelectionReason::Kept,
            QLatin1String(reasonName(selection.reasons[i])), -1 };
    for (size_t rank = 0; rank < selection.kept.size(); ++rank)
        items[size_t(selection.kept[rank])].rank = int(rank);

    SelectionRecord record;
    record.run = scoresRun;
    record.name = settings.selectionName.isEmpty() ? defaultSelectionName(settings) : settings.selectionName;
    record.method = selectorKindName(settings.selector);
    record.keepRatio = settings.keepRatio;
    record.beta = settings.selector == SelectorKind::DualBeta || settings.selector == SelectorKind::Random ? -1 : beta;
    record.parameters = settings.toJson();
    Transaction transaction(db);
    const qint64 id = SelectionTable(db).save(record, items);
    transaction.commit();
    job.finishPhase();
    SelectionOutcome outcome { id, record.name, qint64(selection.kept.size()), qint64(images.size()), record.beta, {} };
    outcome.classesWithoutKept = classesWithoutKept(db, runs.classes(dynamicsRun), labels, selection);
    return outcome;
}

} // namespace semiprune

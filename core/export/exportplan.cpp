#include "exportplan.h"

#include "common/error.h"
#include "exportoptions.h"
#include "jobs/jobcontext.h"
#include "storage/classtable.h"
#include "storage/database.h"
#include "storage/imagetable.h"
#include "storage/labeltable.h"
#include "storage/project.h"
#include "storage/runtable.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>

#include <algorithm>

#include <sys/stat.h>

namespace semiprune {

namespace {

SelectionRecord findSelection(Database &db, const QString &name)
{
    const std::vector<SelectionRecord> selections = SelectionTable(db).all();
    if (selections.empty())
        throw Error(QCoreApplication::translate("Export",
            "The project has no selection yet: select a coreset first, or export all labeled images instead."));
    if (name.isEmpty()) {
        // A selection saved again under its name gets a new row, so the highest id is the newest.
        return *std::max_element(
            selections.begin(), selections.end(), [](const SelectionRecord &a, const SelectionRecord &b) {
                return std::make_pair(a.createdAtMs, a.id) < std::make_pair(b.createdAtMs, b.id);
            });
    }
    QStringList names;
    for (const SelectionRecord &selection : selections) {
        if (selection.name == name)
            return selection;
        names << selection.name;
    }
    throw Error(QCoreApplication::translate("Export", "There is no selection named \"%1\"; the project has: %2.")
                    .arg(name, names.join(QStringLiteral(", "))));
}

bool fileExists(const QString &path)
{
    struct stat info;
    return ::stat(QFile::encodeName(path).constData(), &info) == 0;
}

struct Candidate {
    ImageId image;
    bool inSelection = false;
    int rank = -1;
};

} // namespace

QString exportSplitName(ExportSplit split)
{
    switch (split) {
    case ExportSplit::None:
        return {};
    case ExportSplit::Train:
        return QStringLiteral("train");
    case ExportSplit::Val:
        return QStringLiteral("val");
    }
    return {};
}

ExportPlan planExport(Project &project, const ExportOptions &options, JobContext &job)
{
    // Otherwise every image would be reported missing, which hides the one thing to fix.
    if (!project.datasetRootExists())
        throw Error(QCoreApplication::translate("Export",
            "The image folder %1 is not there (moved, or a disk not mounted): point the project to its "
            "new place first.")
                        .arg(project.datasetRoot()));
    Database &db = project.db();
    ExportPlan plan;
    job.beginPhase(QCoreApplication::translate("Export", "Planning the export"), 0);

    QHash<ClassId, int> classIndex;
    for (const ClassRecord &c : ClassTable(db).all()) {
        classIndex.insert(c.id, int(plan.classes.size()));
        plan.classes.push_back(ExportClass { c.id, c.name, {} });
    }

    RunTable runs(db);
    std::vector<Candidate> candidates;
    const std::vector<ImageRecord> images = ImageTable(db).all();
    if (options.scope == ExportScope::Selection) {
        plan.selection = findSelection(db, options.selectionName);
        plan.scoresRun = plan.selection->run;
        for (const SelectionItem &item : SelectionTable(db).items(plan.selection->id)) {
            if (item.kept)
                candidates.push_back(Candidate { item.image, true, item.rank });
        }
    } else {
        if (const auto scores = runs.latestFinished(QStringLiteral("scores")))
            plan.scoresRun = scores->id;
        for (const ImageRecord &image : images)
            candidates.push_back(Candidate { image.id, false, -1 });
    }
    plan.candidates = qint64(candidates.size());

    // Pseudo-labels only where they may be used; the manifest still shows them beside human labels.
    QHash<ImageId, PredictionRecord> predictions;
    if (const auto pseudo = runs.latestFinished(QStringLiteral("pseudo-label"))) {
        plan.pseudoLabelRun = pseudo->id;
        for (PredictionRecord &p : PredictionTable(db).forRun(pseudo->id))
            predictions.insert(p.image, std::move(p));
    }
    QHash<ImageId, LabelRecord> labels;
    for (const LabelRecord &label : LabelTable(db).all())
        labels.insert(label.image, label);
    std::array<QHash<ImageId, double>, kExportScoreKinds.size()> scores;
    if (plan.scoresRun.isValid()) {
        ScoreTable table(db);
        for (size_t k = 0; k < kExportScoreKinds.size(); ++k)
            scores[k] = table.forRun(plan.scoresRun, QLatin1String(kExportScoreKinds[k]));
    }
    QHash<ImageId, const ImageRecord *> imageById;
    imageById.reserve(qsizetype(images.size()));
    for (const ImageRecord &image : images)
        imageById.insert(image.id, &image);

    const bool pseudoAllowed = options.scope != ExportScope::AllLabeled && !options.humanOnly;
    for (size_t i = 0; i < candidates.size(); ++i) {
        if (i % 1024 == 0)
            job.checkCancelled();
        const Candidate &candidate = candidates[i];
        const ImageRecord *image = imageById.value(candidate.image);
        if (!image)
            continue; // removed from the project since the selection was made: not an image any more
        ExportEntry entry;
        entry.image = image->id;
        entry.originalPath = image->path;
        entry.inSelection = candidate.inSelection;
        entry.rank = candidate.rank;
        const auto prediction = predictions.constFind(image->id);
        if (prediction != predictions.cend() && classIndex.contains(prediction->classId)) {
            entry.pseudoClassIndex = classIndex.value(prediction->classId);
            entry.confidence = prediction->confidence;
        }
        const auto label = labels.constFind(image->id);
        if (label != labels.cend() && classIndex.contains(label->classId)) {
            entry.classIndex = classIndex.value(label->classId);
            entry.labelSource = labelSourceName(label->source);
        } else if (entry.pseudoClassIndex >= 0 && pseudoAllowed) {
            entry.classIndex = entry.pseudoClassIndex;
            entry.labelSource = QStringLiteral("pseudo");
        } else {
            ++(entry.pseudoClassIndex >= 0 ? plan.skippedNotHuman : plan.skippedUnlabeled);
            continue;
        }
        if (image->status == ImageStatus::Unreadable) {
            ++plan.skippedUnreadable;
            continue;
        }
        // A missing mark from the last rescan may be stale (the file came back): the disk decides.
        if (!fileExists(project.absoluteImagePath(image->path))) {
            plan.missingSources << image->path;
            continue;
        }
        for (size_t k = 0; k < kExportScoreKinds.size(); ++k) {
            const auto value = scores[k].constFind(image->id);
            if (value != scores[k].cend())
                entry.scores[k] = *value;
        }
        plan.entries.push_back(std::move(entry));
    }

    // Which classes the project's images have, as the export would label them, against the classes
    // the export holds: what a selection dropped.
    std::vector<char> present(plan.classes.size(), 0), exported(plan.classes.size(), 0);
    for (const ImageRecord &image : images) {
        if (image.status == ImageStatus::Unreadable)
            continue;
        const auto label = labels.constFind(image.id);
        int cls = -1;
        if (label != labels.cend())
            cls = classIndex.value(label->classId, -1);
        else if (const auto prediction = predictions.constFind(image.id);
                 prediction != predictions.cend() && pseudoAllowed)
            cls = classIndex.value(prediction->classId, -1);
        if (cls >= 0)
            present[size_t(cls)] = 1;
    }
    for (const ExportEntry &entry : plan.entries)
        exported[size_t(entry.classIndex)] = 1;
    for (size_t c = 0; c < plan.classes.size(); ++c)
        if (present[c] && !exported[c])
            plan.classesWithoutImages << plan.classes[c].name;

    if (plan.entries.empty()) {
        QString why;
        if (plan.candidates == 0)
            why = options.scope == ExportScope::Selection
                ? QCoreApplication::translate("Export", "the selection keeps no images")
                : QCoreApplication::translate("Export", "the project has no images");
        else if (!plan.missingSources.isEmpty())
            why = QCoreApplication::translate(
                "Export", "%n image file(s) are gone from the image folder", nullptr, int(plan.missingSources.size()));
        else if (plan.skippedNotHuman > 0)
            why = QCoreApplication::translate("Export", "no image has a human label (%1 have only a pseudo-label)")
                      .arg(plan.skippedNotHuman);
        else if (plan.skippedUnreadable > 0)
            why = QCoreApplication::translate("Export", "the labeled images are unreadable");
        else
            why = QCoreApplication::translate(
                "Export", "no image has a label yet: label some, or pseudo-label the rest");
        throw Error(QCoreApplication::translate("Export", "Nothing to export: %1.").arg(why));
    }
    return plan;
}

} // namespace semiprune

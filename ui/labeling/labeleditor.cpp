#include "labeleditor.h"

#include "common/error.h"
#include "grid/imagegridmodel.h"
#include "labelcommand.h"
#include "storage/classtable.h"
#include "storage/labeltable.h"
#include "storage/project.h"
#include "storage/transaction.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QUndoStack>

namespace semiprune::ui {

namespace {
Q_LOGGING_CATEGORY(lcLabels, "semiprune.labels")
}

LabelEditor::LabelEditor(Project &project, ImageGridModel *model, QObject *parent)
    : QObject(parent), m_project(project), m_model(model), m_undo(new QUndoStack(this))
{
    m_classes = ClassTable(m_project.db()).all();
}

std::optional<ClassRecord> LabelEditor::classById(ClassId id) const
{
    for (const ClassRecord &record : m_classes) {
        if (record.id == id)
            return record;
    }
    return std::nullopt;
}

std::optional<ClassRecord> LabelEditor::classForKey(const QString &key) const
{
    if (key.isEmpty())
        return std::nullopt;
    for (const ClassRecord &record : m_classes) {
        if (record.hotkey.compare(key, Qt::CaseInsensitive) == 0)
            return record;
    }
    return std::nullopt;
}

bool LabelEditor::assign(const std::vector<ImageId> &images, ClassId classId)
{
    const std::optional<ClassRecord> target = classById(classId);
    if (!target || images.empty())
        return false;
    std::vector<LabelChange> changes;
    changes.reserve(images.size());
    const auto &classes = m_model->gridData().classes;
    for (ImageId image : images) {
        const GridRow *found = m_model->findImage(image);
        if (!found)
            continue;
        const GridRow &r = *found;
        LabelChange change;
        change.image = image;
        if (r.labelClass >= 0) {
            change.before = classes[size_t(r.labelClass)].id;
            change.beforeSource = r.labelSource;
        }
        if (change.before == classId)
            continue; // already so: nothing to save or undo
        change.after = classId;
        // The model knows the seed, so a bulk needs no query per image (sourceForNewLabel's rule);
        // a label that contradicts the image's pseudo-label corrects it: an override.
        const bool contradicts = r.pseudoClass >= 0 && classes[size_t(r.pseudoClass)].id != classId;
        change.afterSource = r.inSeed ? LabelSource::Seed : (contradicts ? LabelSource::Override : LabelSource::Manual);
        changes.push_back(change);
    }
    const int count = int(changes.size());
    const QString text = count == 1 ? tr("Label an image as %1").arg(target->name)
                                    : tr("Label %Ln images as %1", nullptr, count).arg(target->name);
    return push(std::move(changes), text);
}

bool LabelEditor::clear(const std::vector<ImageId> &images)
{
    std::vector<LabelChange> changes;
    const auto &classes = m_model->gridData().classes;
    for (ImageId image : images) {
        const GridRow *found = m_model->findImage(image);
        if (!found || found->labelClass < 0)
            continue;
        const GridRow &r = *found;
        changes.push_back(
            LabelChange { image, classes[size_t(r.labelClass)].id, r.labelSource, ClassId(), LabelSource::Manual });
    }
    const int count = int(changes.size());
    return push(std::move(changes),
        count == 1 ? tr("Clear the label of an image") : tr("Clear the labels of %Ln images", nullptr, count));
}

bool LabelEditor::push(std::vector<LabelChange> changes, const QString &text)
{
    if (changes.empty())
        return false;
    try {
        write(changes, true);
    } catch (const Error &failure) {
        Q_EMIT problem(tr("Cannot Save the Labels"), failure.message());
        return false;
    }
    m_undo->push(new LabelCommand(this, std::move(changes), text));
    return true;
}

void LabelEditor::write(const std::vector<LabelChange> &changes, bool forward)
{
    QElapsedTimer timer;
    timer.start();
    const qint64 now = currentTimeMs();
    {
        Transaction transaction(m_project.db());
        LabelTable labels(m_project.db());
        for (const LabelChange &change : changes) {
            const ClassId target = forward ? change.after : change.before;
            if (target.isValid())
                labels.set(change.image, target, forward ? change.afterSource : change.beforeSource, now);
            else
                labels.clear(change.image);
        }
        transaction.commit();
    }
    const double saveMs = timer.nsecsElapsed() / 1e6;

    std::vector<ImageGridModel::LabelUpdate> updates;
    updates.reserve(changes.size());
    qint64 labeledDelta = 0;
    qint64 seedDelta = 0;
    for (const LabelChange &change : changes) {
        const ClassId from = forward ? change.before : change.after;
        const ClassId to = forward ? change.after : change.before;
        updates.push_back({ change.image, to, forward ? change.afterSource : change.beforeSource });
        const int delta = int(to.isValid()) - int(from.isValid());
        labeledDelta += delta;
        if (const GridRow *row = m_model->findImage(change.image); row && row->inSeed)
            seedDelta += delta;
    }
    m_model->applyLabels(updates);
    m_lastWriteMs = timer.nsecsElapsed() / 1e6;
    qCDebug(lcLabels, "wrote %zu labels: saved in %.1f ms, shown in %.1f ms", changes.size(), saveMs, m_lastWriteMs);
    if (labeledDelta != 0 || seedDelta != 0)
        Q_EMIT labelCountsChanged(labeledDelta, seedDelta);
    if (!forward) {
        std::vector<ImageId> images;
        images.reserve(changes.size());
        for (const LabelChange &change : changes)
            images.push_back(change.image);
        Q_EMIT labelsUndone(images);
    }
}

void LabelEditor::reportStaleCommand(const QString &command, const QString &reason)
{
    Q_EMIT problem(tr("Cannot Undo or Redo"),
        tr("\"%1\" can no longer be applied because the project changed: %2 The step was removed "
           "from the undo history.")
            .arg(command, reason));
}

std::optional<ClassRecord> LabelEditor::addClass(const QString &name)
{
    try {
        ClassRecord record = ClassTable(m_project.db()).add(name.trimmed());
        reloadClasses();
        return record;
    } catch (const Error &failure) {
        Q_EMIT problem(tr("Cannot Add the Class"), failure.message());
        return std::nullopt;
    }
}

bool LabelEditor::renameClass(ClassId id, const QString &name)
{
    try {
        ClassTable(m_project.db()).rename(id, name.trimmed());
    } catch (const Error &failure) {
        Q_EMIT problem(tr("Cannot Rename the Class"), failure.message());
        return false;
    }
    reloadClasses();
    return true;
}

bool LabelEditor::setHotkey(ClassId id, const QString &key)
{
    try {
        ClassTable(m_project.db()).setHotkey(id, key);
    } catch (const Error &failure) {
        Q_EMIT problem(tr("Cannot Set the Hotkey"), failure.message());
        return false;
    }
    reloadClasses();
    return true;
}

void LabelEditor::reloadClasses()
{
    m_classes = ClassTable(m_project.db()).all();
    std::vector<GridClass> grid;
    grid.reserve(m_classes.size());
    for (const ClassRecord &record : m_classes) {
        const QColor color(record.color);
        grid.push_back(GridClass { record.id, record.name, color.isValid() ? color : QColor(Qt::gray) });
    }
    m_model->setClasses(std::move(grid));
    Q_EMIT classesChanged();
}

} // namespace semiprune::ui

#pragma once

#include "labelchange.h"
#include "storage/records.h"

#include <QObject>

#include <optional>
#include <vector>

class QUndoStack;

namespace semiprune {
class Project;
}

namespace semiprune::ui {

class ImageGridModel;

// Every label and class edit of an open project goes through here: each is saved at once in one
// transaction (a bulk of 10,000 labels takes a few ms, so the user never waits), mirrored into the
// grid model (dataChanged for the changed rows only), and pushed on the project's undo stack.
//
// Thread rules: GUI thread only; uses the project's main connection.
class LabelEditor final : public QObject {
    Q_OBJECT

public:
    LabelEditor(Project &project, ImageGridModel *model, QObject *parent = nullptr);

    Project &project() const { return m_project; }
    ImageGridModel *model() const { return m_model; }
    QUndoStack *undoStack() const { return m_undo; }

    // Labels the images with the class (one undo step). Returns false and reports a problem
    // when nothing could be saved.
    bool assign(const std::vector<ImageId> &images, ClassId classId);
    // Removes the human labels of the images (one undo step).
    bool clear(const std::vector<ImageId> &images);

    const std::vector<ClassRecord> &classes() const { return m_classes; }
    std::optional<ClassRecord> classById(ClassId id) const;
    // The class whose hotkey is `key` (case-insensitive), if any.
    std::optional<ClassRecord> classForKey(const QString &key) const;
    std::optional<ClassRecord> addClass(const QString &name);
    bool renameClass(ClassId id, const QString &name);
    // Refuses a hotkey another class has, with the reason reported.
    bool setHotkey(ClassId id, const QString &key);
    // Reads the classes again (after a change elsewhere, such as a seed draw).
    void reloadClasses();

    // Writes changes forward (after) or backward (before) in one transaction and updates the model.
    // Throws Error, leaving the project and the model as they were, when it cannot be written.
    void write(const std::vector<LabelChange> &changes, bool forward);
    // Called by a command that could not be undone or redone and was dropped.
    void reportStaleCommand(const QString &command, const QString &reason);

    // How long the last write took (the save and the model update), for measurements.
    double lastWriteMs() const { return m_lastWriteMs; }

Q_SIGNALS:
    void classesChanged();
    // Human labels added (positive) or removed overall, and of those among seed images.
    void labelCountsChanged(qint64 labeledDelta, qint64 seedLabeledDelta);
    // An undo put back the labels these images had before an edit (a view that walks images one
    // at a time returns to them).
    void labelsUndone(const std::vector<semiprune::ImageId> &images);
    // Something the user should read: the title and an actionable message.
    void problem(const QString &title, const QString &message);

private:
    bool push(std::vector<LabelChange> changes, const QString &text);

    Project &m_project;
    ImageGridModel *m_model;
    QUndoStack *m_undo;
    std::vector<ClassRecord> m_classes;
    double m_lastWriteMs = 0;
};

} // namespace semiprune::ui

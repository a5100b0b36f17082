#pragma once

#include "imagedetails.h"

#include <QDockWidget>

class QFormLayout;
class QLabel;

namespace semiprune {
class Project;
}

namespace semiprune::ui {

class ImagePreview;
class LabelEditor;

// The inspector: everything known about the current image of the grid. A large preview (decoded
// off the GUI thread), the file's path, size and format, the human label with where it came from,
// the pseudo-label with its confidence and the most likely classes, each difficulty score with the
// direction that means "hard", and whether the newest selection keeps or prunes it and why. An image
// that cannot be read, or that vanished since the import, says so instead of showing nothing.
//
// Thread rules: GUI thread only; reads the project on the GUI thread (a few primary-key lookups
// per image), and only while the dock is visible.
class InspectorDock final : public QDockWidget {
    Q_OBJECT

public:
    explicit InspectorDock(QWidget *parent = nullptr);

    // The project whose images are shown; nullptr when none is open. The editor gives the class
    // names and colours and reports label edits.
    void setProject(Project *project, LabelEditor *editor);
    // The runs' results changed (a project opened, a run ended): read which runs to show again.
    void reloadResults();
    // Shows an image (an invalid id: nothing is current).
    void showImage(ImageId image);
    ImageId currentImage() const { return m_image; }
    // Reads the current image again (its label changed).
    void refresh();

    const ImageDetails &details() const { return m_details; }
    ImagePreview *preview() const { return m_preview; }

private:
    QLabel *addRow(QFormLayout *form, const QString &title, const QString &objectName);
    void showDetails();
    void showNothing(const QString &message);
    QString className(ClassId id) const;
    QString selectionText() const;
    QString auditText() const; // the audit's issues of the shown image
    void setProblem(const QString &text);
    void showDecodeProblem();

    Project *m_project = nullptr;
    LabelEditor *m_editor = nullptr;
    ResultRuns m_runs;
    ImageId m_image;
    ImageDetails m_details;
    bool m_stale = false; // an image arrived while hidden
    ImageId m_revealed; // the image whose folders the person asked to see ("show folder")

    ImagePreview *m_preview;
    QLabel *m_problem;
    QLabel *m_path;
    QLabel *m_size;
    QLabel *m_label;
    QLabel *m_pseudo;
    QLabel *m_top;
    QLabel *m_scores;
    QLabel *m_selection;
    QLabel *m_audit;
};

} // namespace semiprune::ui

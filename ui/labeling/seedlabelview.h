#pragma once

#include "dataset/seeddraw.h"

#include <QImage>
#include <QWidget>

#include <vector>

class QGridLayout;
class QLabel;
class QPushButton;

namespace semiprune::ui {

class LabelEditor;

// The focused seed-labeling view: one seed image large (tiny images scaled up by whole factors with
// nearest-neighbour, so pixels stay crisp), a button per class, and a keyboard loop: a class's
// hotkey labels and moves on to the next unlabeled image, S skips ("not sure") and draws a
// replacement, N makes a new class and labels with it, Left/Backspace and Right move, Escape leaves.
// Labels go through the editor, so they save at once and undo like every other label edit.
//
// Thread rules: GUI thread only. Decodes the shown image on the GUI thread (one image at a time).
class SeedLabelView final : public QWidget {
    Q_OBJECT

public:
    explicit SeedLabelView(LabelEditor *editor, const QString &datasetRoot, QWidget *parent = nullptr);

    // Reads the pending seed items and shows the first unlabeled one. False when there are none.
    bool start();

    int position() const { return m_position; }
    int itemCount() const { return int(m_items.size()); }
    ImageId currentImage() const;
    QString progressText() const;

    bool labelCurrent(ClassId classId);
    void skipCurrent();
    void newClassForCurrent();
    void goTo(int position);

Q_SIGNALS:
    void closeRequested();
    // Every seed image has a label now.
    void finished();
    // The current image left the seed; `replaced` says whether another was drawn in its place.
    void skipped(bool replaced);
    // Another image is shown (the inspector follows it).
    void currentImageChanged(semiprune::ImageId image);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void reloadItems();
    void rebuildButtons();
    void showCurrent();
    void updateImage();
    int nextUnlabeled(int from) const;
    int labeledCount() const;

    LabelEditor *m_editor;
    QString m_root;
    std::vector<SeedItem> m_items;
    int m_position = 0;
    QImage m_image;
    QLabel *m_progress;
    QLabel *m_picture;
    QLabel *m_caption;
    QWidget *m_buttonBar;
    QGridLayout *m_buttons;
    QPushButton *m_back;
    QPushButton *m_next;
    QPushButton *m_skip;
    QPushButton *m_newClass;
    QPushButton *m_done;
};

} // namespace semiprune::ui

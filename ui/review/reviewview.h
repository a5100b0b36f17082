#pragma once

#include "reviewqueue.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;

namespace semiprune::ui {

class ImagePreview;
class LabelEditor;

// The review of pseudo-labels, one image large at a time, least confident or hardest (lowest AUM)
// first. Enter or Space accepts the model's class (a human label: "manual", or "seed" for a seed
// image); a class's hotkey, or 1-9 for the classes in order, gives another class (saved as an
// "override"). Either moves on to the next image; Left/Backspace and Right step back and forward,
// Escape leaves. Every decision goes through the label editor: saved at once, undone with Ctrl+Z.
// "Run again with my corrections" asks for a new run, which trains on the reviewed labels.
//
// Thread rules: GUI thread only; the image decodes off the GUI thread (ImagePreview).
class ReviewView final : public QWidget {
    Q_OBJECT

public:
    explicit ReviewView(LabelEditor *editor, const QString &datasetRoot, QWidget *parent = nullptr);

    // Builds the queue from the pseudo-labels not yet reviewed. False when there are none.
    bool start(ReviewOrder order);
    void setOrder(ReviewOrder order);
    ReviewOrder order() const { return m_order; }

    int position() const { return m_position; }
    int itemCount() const { return int(m_items.size()); }
    const std::vector<ImageId> &items() const { return m_items; }
    ImageId currentImage() const;
    QString progressText() const;
    ImagePreview *preview() const { return m_preview; }

    // Accepts the current pseudo-label and moves on.
    bool acceptCurrent();
    // Labels the current image with another class and moves on.
    bool relabelCurrent(ClassId classId);
    void goTo(int position);

Q_SIGNALS:
    void closeRequested();
    void runAgainRequested();
    // The image shown changed (for the inspector).
    void currentImageChanged(ImageId image);
    // The last image of the queue was decided.
    void finished();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    bool decide(ClassId classId);
    void rebuildButtons();
    void showCurrent();
    int reviewedCount() const;

    LabelEditor *m_editor;
    QString m_root;
    ReviewOrder m_order = ReviewOrder::LeastConfident;
    std::vector<ImageId> m_items;
    int m_position = 0;

    QLabel *m_progress;
    QComboBox *m_orderBox;
    ImagePreview *m_preview;
    QLabel *m_caption;
    QLabel *m_keys;
    QWidget *m_buttonBar;
    QGridLayout *m_buttons;
    QPushButton *m_accept;
    QPushButton *m_back;
    QPushButton *m_next;
    QPushButton *m_runAgain;
    QPushButton *m_done;
};

} // namespace semiprune::ui

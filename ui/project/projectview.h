#pragma once

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QSlider;

namespace semiprune {
class Project;
}

namespace semiprune::ui {

class ImageGridModel;
class ImageGridView;
class ThumbnailLoader;

// The page of an open project: the thumbnail grid with its size slider, and a banner when the
// project cannot show everything (image folder gone, read-only file).
//
// Thread rules: GUI thread only. Owns the thumbnail loader, whose destructor waits for the decodes
// in flight, so destroying the view stops all of its background work.
class ProjectView final : public QWidget
{
    Q_OBJECT

public:
    // Loads the rows from `project` (one query per table) on the calling thread.
    explicit ProjectView(Project &project, QWidget *parent = nullptr);
    ~ProjectView() override;

    ImageGridModel *model() const { return m_model; }
    ImageGridView *gridView() const { return m_view; }
    ThumbnailLoader *loader() const { return m_loader; }

    // How long loading the rows took, for the status bar and for measurements.
    double loadSeconds() const { return m_loadSeconds; }

    void setThumbnailSize(int logicalPixels);
    int thumbnailSize() const;

    static constexpr int kMinThumbnailSize = 48;
    static constexpr int kMaxThumbnailSize = 256;
    static constexpr int kDefaultThumbnailSize = 96;

Q_SIGNALS:
    // Forwarded from the model: images found unreadable or gone while making thumbnails.
    void problemsFoundChanged(int unreadable, int missing);

private:
    QWidget *makeToolBar();
    QWidget *makeBanner(Project &project);
    void updateCountLabel();

    QString m_modeNote;

    ThumbnailLoader *m_loader;
    ImageGridModel *m_model;
    ImageGridView *m_view;
    QSlider *m_sizeSlider = nullptr;
    QLabel *m_countLabel = nullptr;
    double m_loadSeconds = 0;
    QElapsedTimer m_sinceOpen;
    bool m_firstScreenLogged = false;
};

} // namespace semiprune::ui

#pragma once

#include "grid/gridarrangement.h"
#include "review/reviewqueue.h"

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QComboBox;
class QSlider;
class QStackedWidget;

namespace semiprune {
class Project;
}

namespace semiprune::ui {

class GridFilterBar;
class GridLabeling;
class ImageGridModel;
class ImageGridView;
class LabelEditor;
class ReviewView;
class SeedLabelView;
class ThumbnailLoader;

// The page of an open project: the thumbnail grid with its size slider, and a banner when the
// project cannot show everything (image folder gone, read-only file).
//
// Thread rules: GUI thread only. Owns the thumbnail loader, whose destructor waits for the decodes
// in flight, so destroying the view stops all of its background work.
class ProjectView final : public QWidget {
    Q_OBJECT

public:
    // Loads the rows from `project` (one query per table) on the calling thread.
    explicit ProjectView(Project &project, QWidget *parent = nullptr);
    ~ProjectView() override;

    ImageGridModel *model() const { return m_model; }
    ImageGridView *gridView() const { return m_view; }
    ThumbnailLoader *loader() const { return m_loader; }
    LabelEditor *labelEditor() const { return m_editor; }
    GridLabeling *gridLabeling() const { return m_gridLabeling; }
    SeedLabelView *seedView() const { return m_seedView; }
    ReviewView *reviewView() const { return m_reviewView; }

    // "Label Seed…": continues with the pending seed images, or asks how many to draw and draws them.
    void labelSeed();
    // Draws `count` more seed images (a random rng seed) and shows the seed view; reports a problem
    // (too few images left) through the label editor.
    bool drawAndLabelSeed(int count);
    // "Label More Images…": asks how many, then labelSuggested().
    void labelMore();
    // Adds the `count` images the newest run suggests labeling next (uncertain pseudo-labels spread
    // over the proxy's features, never one labeled or already in the seed) to the seed and shows
    // the seed view; reports a problem (no run yet) through the label editor.
    bool labelSuggested(int count);
    // Shows the seed view on the pending seed images; false when there are none.
    bool showSeedView();
    void showGrid();
    bool isSeedViewShown() const;
    // Shows the review of pseudo-labels; false (with a hint through the editor) when none waits.
    bool showReview(ReviewOrder order);
    bool isReviewShown() const;

    // Shows the newest run's pseudo-labels in the grid; returns a line about the newest selection
    // for the status bar (empty when there is none) and its counts (kept -1 when there is none).
    QString reloadRunResults(qint64 *kept = nullptr, qint64 *total = nullptr);
    // While a training run goes, thumbnails decode on one thread only, leaving the cores to it.
    void setTrainingRunning(bool running);
    // Sorts and filters the grid (over the row vector, no proxy model) and updates the combo boxes
    // and the filter bar.
    void setArrangement(const GridArrangement &arrangement);
    // Sets the sort and the label-state filter, keeping the other filters.
    void setArrangement(GridSort sort, GridFilter filter);
    GridArrangement arrangement() const;
    GridFilterBar *filterBar() const { return m_filterBar; }

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
    // A seed draw (or a skip's replacement) added this many images to the seed; 0 after a skip
    // that found no replacement.
    void seedDrawn(int count);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *makeToolBar();
    void showCountText();
    QWidget *makeBanner(Project &project);
    void updateCountLabel();
    void updateDifficultyLimits();
    int seedCountSuggestion(int *low, int *high) const;

    QString m_modeNote;
    QString m_countText;

    ThumbnailLoader *m_loader;
    ImageGridModel *m_model;
    ImageGridView *m_view;
    LabelEditor *m_editor;
    GridLabeling *m_gridLabeling;
    int m_loaderThreads = 0;
    QStackedWidget *m_pages = nullptr;
    QWidget *m_gridPage = nullptr;
    SeedLabelView *m_seedView = nullptr;
    ReviewView *m_reviewView = nullptr;
    QSlider *m_sizeSlider = nullptr;
    QComboBox *m_sortBox = nullptr;
    QComboBox *m_filterBox = nullptr;
    GridFilterBar *m_filterBar = nullptr;
    QLabel *m_countLabel = nullptr;
    double m_loadSeconds = 0;
    QElapsedTimer m_sinceOpen;
    bool m_firstScreenLogged = false;
};

} // namespace semiprune::ui

#pragma once

#include "gridarrangement.h"
#include "griddata.h"
#include "thumbnailrequest.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPixmap>

#include <vector>

namespace semiprune::ui {

class ThumbnailLoader;

// The images of a project as a flat list for the thumbnail grid. Rows are a plain vector loaded in one
// go (loadGridData); nothing per row is computed until a view asks for that row.
//
// data(Qt::DecorationRole) is a cache lookup only: a miss queues a request with the loader and
// returns the placeholder; the arrival emits dataChanged for that row. The view tells the model its
// visible range (setVisibleRange) so the loader works on what is on screen first and drops the rest.
//
// Thread rules: GUI thread only, like every item model.
class ImageGridModel final : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        ImageIdRole = Qt::UserRole + 1, // qint64
        RelativePathRole, // QString
        StatusRole, // int (ImageStatus), as the project records it
        ThumbnailStateRole, // int (ThumbnailState)
        ProblemRole, // QString: why the image is unreadable or missing
        LabelClassIdRole, // qint64, 0 without a human label
        LabelNameRole, // QString
        LabelColorRole, // QColor
        LabelSourceRole, // QString (seed, manual, override, import)
        InSeedRole, // bool
        PseudoNameRole, // QString: the pseudo-label's class, empty without one
        PseudoColorRole, // QColor
        PseudoConfidenceRole, // double in [0, 1]
    };
    enum class ThumbnailState { Pending, Ready, Unreadable, Missing };
    Q_ENUM(ThumbnailState)

    explicit ImageGridModel(ThumbnailLoader *loader, QObject *parent = nullptr);

    void setGridData(GridData data);
    const GridData &gridData() const { return m_data; }
    // A row as shown (after sorting and filtering).
    const GridRow &gridRow(int row) const { return m_data.rows[size_t(m_visible[size_t(row)])]; }
    // The shown row of an image; -1 when it is filtered out or not in the project.
    int rowOfImage(ImageId image) const;
    // Any image of the project, shown or filtered out; nullptr when there is no such image.
    const GridRow *findImage(ImageId image) const;

    // Sorting and filtering run over the row vector (arrangeRows) and reset the model.
    void setArrangement(const GridArrangement &arrangement);
    // Sets the sort and the label-state filter, keeping the other filters.
    void setArrangement(GridSort sort, GridFilter filter);
    const GridArrangement &arrangement() const { return m_arrangement; }
    GridSort sort() const { return m_arrangement.sort; }
    GridFilter filter() const { return m_arrangement.filters.state; }
    // The newest difficulty scores (AUM) per image, for sorting and the tooltip.
    void setDifficulty(const QHash<ImageId, double> &scores);
    // What the newest selection did with each image (images not in the hash: RowFate::None).
    void setSelectionFates(const QHash<ImageId, RowFate> &fates);

    // Label edits, applied in memory after the project saved them: emits dataChanged for the
    // changed rows only (one signal per run of adjacent rows).
    struct LabelUpdate {
        ImageId image;
        ClassId classId; // invalid: no human label
        LabelSource source = LabelSource::Manual;
    };
    void applyLabels(const std::vector<LabelUpdate> &updates);
    // The classes changed (added, renamed, recolored, removed): rows keep their class by id.
    void setClasses(std::vector<GridClass> classes);
    int classIndexOf(ClassId id) const;
    // Images that joined or left the seed (a seed draw, a skip).
    void setInSeed(const std::vector<ImageId> &images, bool inSeed);
    // The pseudo-labels of the latest run (class and confidence per image); replaces the previous ones.
    struct PseudoLabel {
        ImageId image;
        ClassId classId;
        float confidence = 0;
    };
    void setPseudoLabels(const std::vector<PseudoLabel> &labels);
    // Human labels per class index, counted over the rows in memory.
    std::vector<qint64> labelCounts() const;
    // Per class: human labels (and how many of those are seed images), pseudo-labels of images
    // without a human label, and images the newest selection keeps (by their human label, else
    // their pseudo-label).
    struct ClassCounts {
        qint64 human = 0;
        qint64 seed = 0;
        qint64 pseudo = 0;
        qint64 kept = 0;
    };
    std::vector<ClassCounts> classCounts() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The size thumbnails are made at, in device pixels (rounded up to one of a few steps, so the
    // caches hold few variants). Rows come back Pending until the new size arrives; meanwhile the
    // previous size is shown.
    void setThumbnailSize(int devicePixels);
    int thumbnailSize() const { return m_size; }
    static int thumbnailSizeFor(int devicePixels);

    // What a miss shows until the thumbnail arrives (the delegate draws it).
    void setPlaceholder(const QPixmap &placeholder) { m_placeholder = placeholder; }

    // Rows first..last are on screen: the loader makes them first, then one screen ahead in the
    // direction of the scroll, and drops queued work outside that window.
    void setVisibleRange(int first, int last);

    // Images found unreadable, or gone, while making thumbnails (the import reads headers only, and
    // files may vanish after it): not in the project's counts yet.
    int unreadableFound() const { return m_unreadableFound; }
    int missingFound() const { return m_missingFound; }

Q_SIGNALS:
    void problemsFoundChanged(int unreadable, int missing);
    // New pseudo-labels or a new selection: what classCounts() counts beyond the human labels.
    void resultsChanged();

private:
    struct Problem {
        QString text;
        bool missing = false;
    };

    ThumbnailState stateOf(int row) const;
    QString problemOf(int row) const;
    QString toolTipOf(int row) const;
    ThumbnailRequest requestFor(int row) const;
    bool wantsThumbnail(int row) const;
    void onThumbnailReady(qint64 imageId, int size);
    void onThumbnailFailed(qint64 imageId, int size, const QString &problem, bool missing);
    // Takes storage indexes; signals the shown rows among them.
    void emitRowsChanged(const std::vector<int> &storage, const QList<int> &roles);
    void rebuildVisible();
    // After values that sorting or filtering read changed: arranges again when they matter.
    void rearrangeIfAffected();

    ThumbnailLoader *m_loader;
    GridData m_data;
    QHash<qint64, int> m_rowOf; // image -> index into m_data.rows
    std::vector<int> m_visible; // shown row -> index into m_data.rows
    std::vector<int> m_visibleRowOf; // index into m_data.rows -> shown row, or -1
    GridArrangement m_arrangement;
    QHash<qint64, Problem> m_problems;
    QPixmap m_placeholder;
    int m_size = 128;
    int m_previousSize = 0;
    int m_lastFirst = 0;
    int m_unreadableFound = 0;
    int m_missingFound = 0;
};

} // namespace semiprune::ui

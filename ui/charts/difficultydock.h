#pragma once

#include "difficultydata.h"
#include "grid/gridfilters.h"
#include "selectionpreview.h"

#include <QDockWidget>
#include <QSet>

class QLabel;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace semiprune {
class Project;
}

namespace semiprune::ui {

class ClassBalanceChart;
class DataMapView;
class HistogramChart;
class SelectionControls;

// The "Difficulty" dock: the AUM histogram with the hard cutoff and the kept band, driven by the
// keep ratio and beta controls; a live preview of the selection (kept and dropped, per class)
// before anything is stored; Save stores it through the selection job. Further tabs: class balance,
// the confidence of the pseudo-labels, and the data map. Clicking a histogram bar or picking points
// on the map asks the grid to show those images (the signals below; the window connects them).
//
// The data is read once per run (reload) into plain vectors; a control change recomputes the
// preview over them, debounced so a slider drag recomputes at most every kDebounceMs.
//
// Thread rules: GUI thread only; reads and writes the project on this thread.
class DifficultyDock final : public QDockWidget {
    Q_OBJECT

public:
    static constexpr int kDebounceMs = 40;
    static constexpr int kHistogramBins = 40;

    explicit DifficultyDock(QWidget *parent = nullptr);

    // The open project (nullptr: none); reloads.
    void setProject(Project *project);
    // Reads the newest scores again (after a run).
    void reload();
    // Shows data read elsewhere (reload's second half; tests give synthetic data).
    void setData(DifficultyData data);
    // While a run writes to the project, saving waits.
    void setRunActive(bool active);

    const DifficultyData &data() const { return m_data; }
    const SelectionPreview &preview() const { return m_preview; }
    double lastPreviewMs() const { return m_lastPreviewMs; }
    QString emptyText() const;
    QString summaryText() const;
    QString messageText() const;
    bool isShowingCharts() const;

    SelectionControls *controls() const { return m_controls; }
    HistogramChart *difficultyChart() const { return m_difficultyChart; }
    HistogramChart *confidenceChart() const { return m_confidenceChart; }
    ClassBalanceChart *classChart() const { return m_classChart; }
    DataMapView *dataMap() const { return m_dataMap; }
    QTabWidget *tabs() const { return m_tabs; }

public Q_SLOTS:
    // Recomputes the preview now (the debounce timer ends here).
    void recomputePreview();
    // Stores the previewed selection; false (with the reason shown) when the settings are out of
    // range or the job fails.
    bool saveSelection();
    // Chooses beta for the keep ratio on the project's own human labels (in the background, with
    // progress and Cancel) and sets it in the controls; false (with the reason shown) when tuning
    // was refused, failed or cancelled.
    bool tuneBeta();

Q_SIGNALS:
    void difficultyRangeChosen(const semiprune::ui::ValueRange &range);
    void confidenceRangeChosen(const semiprune::ui::ValueRange &range);
    void imagesPicked(const QSet<qint64> &images);
    // A selection was stored: the grid and the status bar show the newest one.
    void selectionSaved(const QString &name);

private:
    QWidget *makeContent();
    void showData();
    void scheduleRecompute();
    // `details` is the message's tooltip (none unless given, so an older one never lingers).
    void setMessage(const QString &text, const QString &details = QString());
    void updateSaveButton();
    // The data map repaints thousands of markers: updated only while its tab shows.
    void updateDataMapLayers();

    Project *m_project = nullptr;
    DifficultyData m_data;
    SelectionPreview m_preview;
    double m_lastPreviewMs = 0;
    bool m_runActive = false;
    bool m_dataMapStale = true;

    QTimer *m_debounce;
    QStackedWidget *m_pages;
    QLabel *m_empty;
    SelectionControls *m_controls = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_message = nullptr;
    QTabWidget *m_tabs = nullptr;
    HistogramChart *m_difficultyChart = nullptr;
    HistogramChart *m_confidenceChart = nullptr;
    ClassBalanceChart *m_classChart = nullptr;
    DataMapView *m_dataMap = nullptr;
    QLabel *m_dataMapEmpty = nullptr;
    QStackedWidget *m_dataMapPages = nullptr;
};

} // namespace semiprune::ui

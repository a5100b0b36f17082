#pragma once

#include "pipelinerunner.h"

#include <QDockWidget>

#include <QElapsedTimer>
#include <QHash>
#include <optional>

class QLabel;
class QLineSeries;
class QChart;
class QChartView;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QValueAxis;

namespace semiprune {
class Project;
}

namespace semiprune::ui {

// The "Runs" dock: the running pipeline's stage, a progress bar with the time left, Cancel (which
// stops after the current training step, and says so), a live loss chart fed by the metric points
// as they arrive, and the project's run history (kind, state, start, duration, device, key metrics).
// Owns the PipelineRunner, so the run lives as long as the window's dock and not a project view.
//
// Thread rules: GUI thread only; the runner queues everything it reports to this thread.
class RunsPanel final : public QDockWidget {
    Q_OBJECT

public:
    explicit RunsPanel(QWidget *parent = nullptr);

    // The open project (nullptr: none). Cancels and waits for a run of the previous one first.
    void setProject(Project *project);
    PipelineRunner *runner() const { return m_runner; }

    // Asks for the settings and starts; false when cancelled or refused.
    bool askAndStart();
    bool start(const PipelineSettings &settings);
    // Cancels a run and waits for it to end (closing the window or the project).
    void cancelAndWait();
    void refreshHistory();

    // Between runs, the line at the top says what the newest results are: how right the
    // pseudo-labels are (against reference labels, where there are some), what the newest
    // selection keeps, per class at the extremes, and any class it keeps nothing of.
    void showNewestResult();

    QTreeWidget *history() const { return m_history; }
    QString stageText() const;
    int chartPointCount() const;
    int accuracyPointCount() const;
    // The settings of the newest interrupted or cancelled training run, which "Resume" starts again
    // (from its checkpoint); empty when there is nothing to resume.
    bool canResume() const { return m_resumable.has_value(); }
    bool resume();
    // The settings of the project's newest run, which the run dialog starts from; empty for a
    // project that never ran (the dialog then shows the defaults).
    std::optional<PipelineSettings> lastSettings() const;

Q_SIGNALS:
    // A run ended; the grid reloads pseudo-labels and the status bar shows the selection.
    void runEnded(semiprune::ui::PipelineRunner::Outcome outcome, const QString &message);
    void runningChanged(bool running);

private:
    QWidget *makeChart();
    void clearChart();
    void showStoredCurves();
    void onStarted();
    void onProgress(const QString &phase, qint64 done, qint64 total, double etaSeconds);
    void onMetric(const QString &stage, const QString &name, qint64 step, double value);
    void onFinished(PipelineRunner::Outcome outcome, const QString &message);

    Project *m_project = nullptr;
    PipelineRunner *m_runner;
    QLabel *m_stage;
    QProgressBar *m_progress;
    QLabel *m_eta;
    QPushButton *m_cancel;
    QPushButton *m_resume;
    QChart *m_chart;
    QChartView *m_chartView;
    QValueAxis *m_xAxis;
    QValueAxis *m_yAxis;
    QValueAxis *m_accuracyAxis;
    QHash<QString, QLineSeries *> m_series;
    QLineSeries *m_accuracy = nullptr;
    std::optional<PipelineSettings> m_resumable;
    QString m_phase;
    double m_maxY = 0;
    qint64 m_maxX = 4;
    QTreeWidget *m_history;
};

} // namespace semiprune::ui

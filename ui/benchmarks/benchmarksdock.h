#pragma once

#include "benchmark/benchmarkreport.h"

#include <QDockWidget>

#include <vector>

class QComboBox;
class QLabel;
class QTableWidget;
class QTextBrowser;

namespace semiprune {
class Project;
}

namespace semiprune::ui {

// The "Benchmarks" dock: the benchmark reports stored in the open project (`semiprune benchmark`
// stores each as a run of kind "benchmark"; its project is the benchmark.semiprune in the output
// folder). One report at a time: accuracy per method and pruning rate (mean ± std over the seeds,
// the best per rate in bold, random's row for comparison), and the whole report below it (the
// chosen parameters per seed, the diagnostics, the time, every setting). A benchmark that stopped
// before its end has no report yet and says how to finish it.
//
// Thread rules: GUI thread only; reads the project on this thread.
class BenchmarksDock final : public QDockWidget {
    Q_OBJECT

public:
    explicit BenchmarksDock(QWidget *parent = nullptr);

    // The open project (nullptr: none); reads its benchmark runs again.
    void setProject(Project *project);
    // Shows one report directly (what setProject does for the chosen run).
    void showReport(const BenchmarkReport &report);

    int reportCount() const { return int(m_reports.size()); }
    const QTableWidget *table() const { return m_table; }
    QString detailsMarkdown() const;
    QString messageText() const;

private:
    void showRun(int index);
    void showMessage(const QString &text);

    std::vector<std::pair<QString, QJsonObject>> m_reports; // title, report JSON; newest first
    QComboBox *m_choice;
    QLabel *m_message;
    QTableWidget *m_table;
    QTextBrowser *m_details;
    QString m_markdown;
};

} // namespace semiprune::ui

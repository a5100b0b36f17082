#pragma once

#include "export/exportreport.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace semiprune {
class Project;
}

namespace semiprune::ui {

class JobRunner;
class PathEdit;

// File > Export…: which images (the newest selection, a named one, every labeled image, or only
// those a person labeled), where to (a new or empty folder, or an old export to replace), how
// (copy, hard link or symbolic link) and an optional stratified train/val split. The export runs
// as a background job with progress and Cancel; the dialog stays open with the reason when it
// cannot start or fails, and closes when the export is complete (report() says what it did).
//
// Thread rules: GUI thread only. The export opens its own connection to the project file on the
// job's worker thread; the dialog reads the selections' names on the GUI thread.
class ExportDialog final : public QDialog {
    Q_OBJECT

public:
    enum class Source { NewestSelection, NamedSelection, AllLabeled, HumanOnly };

    ExportDialog(Project &project, QWidget *parent = nullptr);
    ~ExportDialog() override;

    // The options as the form says them.
    ExportOptions options() const;
    // Checks the form and runs the export; false (with the reason shown in the dialog) when it
    // was refused, failed or was cancelled.
    bool startExport();
    const std::optional<ExportReport> &report() const { return m_report; }
    QString problem() const;

    // A message for the end of an export: counts per split, what was skipped, and a button that
    // opens the folder. Not modal to the event loop (open(), not exec()).
    static void showResult(QWidget *parent, const ExportReport &report);
    static QString summaryText(const ExportReport &report);

private:
    void updateEnabled();
    void setProblem(const QString &text);
    void saveChoices() const;
    // For a selection: when it keeps no image of a class the project has, asks whether to export
    // anyway (false: not confirmed, the reason shown as the problem).
    bool confirmDroppedClasses(const ExportOptions &chosen);

    QString m_projectFile;
    bool m_hasSelection = false;
    JobRunner *m_runner;
    QComboBox *m_source;
    QComboBox *m_selection;
    PathEdit *m_target;
    QCheckBox *m_overwrite;
    QComboBox *m_mode;
    QCheckBox *m_split;
    QDoubleSpinBox *m_fraction;
    QSpinBox *m_seed;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    std::optional<ExportReport> m_report;
};

} // namespace semiprune::ui

#pragma once

#include "jobs/pipelinesettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace semiprune::ui {

// "Run SemiPrune…": the settings that matter in sight (labeled images and classes in use, FixMatch
// steps, proxy epochs, keep ratio, selector, beta with its default, device, threads), the rest in an
// Advanced group. Starts from PipelineSettings' defaults (the Runs dock gives it the project's last
// settings); names the settings that differ from the defaults, with Restore Defaults; checks the
// settings as they are typed and shows why a value cannot work, with Start off until it can.
//
// Thread rules: GUI thread only.
class RunSettingsDialog final : public QDialog {
    Q_OBJECT

public:
    // `labeled` and `classes`: what the run will learn from, shown at the top.
    RunSettingsDialog(qint64 labeled, int classes, qint64 images, QWidget *parent = nullptr);

    void setSettings(const PipelineSettings &settings);
    PipelineSettings settings() const;
    // The project's training resolution in pixels, 0 for automatic (a project setting, not a run's:
    // the caller reads and stores it).
    void setTrainingResolution(int pixels);
    int trainingResolution() const;

    void accept() override;

private:
    QWidget *makeAdvanced();
    void updateBetaHint();
    // Checks the settings as they are typed (Start is off while they cannot work, the reason shown)
    // and names those that differ from the defaults.
    void updateState();

    QSpinBox *m_steps;
    QSpinBox *m_epochs;
    QDoubleSpinBox *m_keep;
    QComboBox *m_selector;
    QDoubleSpinBox *m_beta;
    QLabel *m_betaHint;
    QComboBox *m_device;
    QSpinBox *m_threads;
    QSpinBox *m_batch;
    QSpinBox *m_mu;
    QDoubleSpinBox *m_threshold;
    QComboBox *m_thresholdMode;
    QCheckBox *m_alignDistribution;
    QComboBox *m_score;
    QComboBox *m_resolution;
    QComboBox *m_model;
    QComboBox *m_precision;
    QSpinBox *m_imageMemory;
    QSpinBox *m_seed;
    QCheckBox *m_flip;
    QCheckBox *m_forceSeed;
    QString m_selectionName;
    QLabel *m_differences = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace semiprune::ui

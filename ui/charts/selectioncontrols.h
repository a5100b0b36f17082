#pragma once

#include "selectionpreview.h"

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QLineEdit;
class QPushButton;
class QSlider;

namespace semiprune::ui {

// The controls of the previewed selection: keep ratio (slider and number), beta (the default for
// the ratio, or a number), per class, keep the seed, and the name to save it under; "Tune β" asks
// for beta to be chosen on the project's own labels.
//
// Slider drags emit settingsChanged at every step; the dock debounces.
//
// Thread rules: GUI thread only.
class SelectionControls final : public QWidget {
    Q_OBJECT

public:
    explicit SelectionControls(QWidget *parent = nullptr);

    PreviewSettings settings() const;
    // Shows `settings` without emitting settingsChanged.
    void setSettings(const PreviewSettings &settings);
    // The name typed, or the default one ("cutoff-keep30") when none is.
    QString selectionName() const;
    void setSaveEnabled(bool enabled, const QString &why = QString());

    QSlider *keepSlider() const { return m_keepSlider; }
    QDoubleSpinBox *keepBox() const { return m_keepBox; }
    QDoubleSpinBox *betaBox() const { return m_betaBox; }
    QCheckBox *defaultBeta() const { return m_defaultBeta; }
    QLineEdit *nameEdit() const { return m_name; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *tuneButton() const { return m_tune; }

Q_SIGNALS:
    void settingsChanged();
    void saveRequested();
    // "Tune β": choose beta on the project's own labels.
    void tuneRequested();

private:
    void showDefaultBeta();
    void updateNamePlaceholder();

    QSlider *m_keepSlider;
    QDoubleSpinBox *m_keepBox;
    QCheckBox *m_defaultBeta;
    QDoubleSpinBox *m_betaBox;
    QCheckBox *m_perClass;
    QCheckBox *m_forceSeed;
    QLineEdit *m_name;
    QPushButton *m_save;
    QPushButton *m_tune;
};

} // namespace semiprune::ui

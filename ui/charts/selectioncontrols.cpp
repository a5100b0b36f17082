#include "selectioncontrols.h"

#include "jobs/pipelinesettings.h"
#include "jobs/selectionjob.h"
#include "selection/budget.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>

#include <cmath>

namespace semiprune::ui {

SelectionControls::SelectionControls(QWidget *parent)
    : QWidget(parent), m_keepSlider(new QSlider(Qt::Horizontal, this)), m_keepBox(new QDoubleSpinBox(this)),
      m_defaultBeta(new QCheckBox(tr("Default"), this)), m_betaBox(new QDoubleSpinBox(this)),
      m_perClass(new QCheckBox(tr("Within each class"), this)),
      m_forceSeed(new QCheckBox(tr("Keep the labeled seed"), this)), m_name(new QLineEdit(this)),
      m_save(new QPushButton(tr("Save Selection"), this)), m_tune(new QPushButton(tr("Tune β…"), this))
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(4);

    m_keepSlider->setObjectName(QStringLiteral("keepRatioSlider"));
    m_keepSlider->setRange(1, 99);
    m_keepSlider->setPageStep(5);
    m_keepBox->setObjectName(QStringLiteral("keepRatioBox"));
    m_keepBox->setRange(0.01, 0.99);
    m_keepBox->setSingleStep(0.01);
    m_keepBox->setDecimals(2);
    m_keepBox->setKeyboardTracking(false);
    auto *keepLabel = new QLabel(tr("&Keep ratio r:"), this);
    keepLabel->setBuddy(m_keepBox);
    keepLabel->setToolTip(tr("The share of the images the coreset keeps"));
    grid->addWidget(keepLabel, 0, 0);
    grid->addWidget(m_keepSlider, 0, 1);
    grid->addWidget(m_keepBox, 0, 2);

    m_betaBox->setObjectName(QStringLiteral("betaBox"));
    // Up to 0.99 on purpose: a value beyond 1 - r is refused with the reason, not clamped silently.
    m_betaBox->setRange(0.0, 0.99);
    m_betaBox->setSingleStep(0.01);
    m_betaBox->setDecimals(2);
    m_betaBox->setKeyboardTracking(false);
    m_defaultBeta->setObjectName(QStringLiteral("defaultBeta"));
    m_defaultBeta->setChecked(true);
    m_defaultBeta->setToolTip(tr("The hard-cutoff rate the method chose for this keep ratio"));
    auto *betaLabel = new QLabel(tr("Hard cutoff &β:"), this);
    betaLabel->setBuddy(m_betaBox);
    betaLabel->setToolTip(tr("The share of the images dropped as too hard (likely ambiguous or mislabeled)"));
    auto *betaRow = new QHBoxLayout;
    betaRow->addWidget(m_defaultBeta);
    betaRow->addStretch(1);
    grid->addWidget(betaLabel, 1, 0);
    grid->addLayout(betaRow, 1, 1);
    grid->addWidget(m_betaBox, 1, 2);

    auto *options = new QHBoxLayout;
    m_perClass->setToolTip(tr("Apply the cutoff and the budget within each class, keeping the class proportions"));
    m_forceSeed->setToolTip(tr("Keep every human-labeled image, whatever its score"));
    options->addWidget(m_perClass);
    options->addWidget(m_forceSeed);
    options->addStretch(1);
    grid->addLayout(options, 2, 0, 1, 3);

    m_name->setObjectName(QStringLiteral("selectionName"));
    m_name->setClearButtonEnabled(true);
    m_name->setAccessibleName(tr("Selection name"));
    m_save->setObjectName(QStringLiteral("saveSelection"));
    m_save->setToolTip(tr("Store this selection in the project under the name, replacing one of the same name"));
    m_tune->setObjectName(QStringLiteral("tuneBeta"));
    m_tune->setToolTip(tr("Choose β on your own labels: part of them is held out, short models train on the "
                          "coreset of every candidate β and are measured on it (a few minutes)"));
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_name, 1);
    saveRow->addWidget(m_tune);
    saveRow->addWidget(m_save);
    grid->addLayout(saveRow, 3, 0, 1, 3);
    grid->setColumnStretch(1, 1);

    connect(m_keepSlider, &QSlider::valueChanged, this, [this](int percent) {
        const QSignalBlocker blocker(m_keepBox);
        m_keepBox->setValue(percent / 100.0);
        showDefaultBeta();
        updateNamePlaceholder();
        Q_EMIT settingsChanged();
    });
    connect(m_keepBox, &QDoubleSpinBox::valueChanged, this, [this](double ratio) {
        const QSignalBlocker blocker(m_keepSlider);
        m_keepSlider->setValue(qRound(ratio * 100));
        showDefaultBeta();
        updateNamePlaceholder();
        Q_EMIT settingsChanged();
    });
    connect(m_defaultBeta, &QCheckBox::toggled, this, [this] {
        showDefaultBeta();
        Q_EMIT settingsChanged();
    });
    connect(m_betaBox, &QDoubleSpinBox::valueChanged, this, &SelectionControls::settingsChanged);
    connect(m_perClass, &QCheckBox::toggled, this, [this] {
        updateNamePlaceholder();
        Q_EMIT settingsChanged();
    });
    connect(m_forceSeed, &QCheckBox::toggled, this, &SelectionControls::settingsChanged);
    connect(m_save, &QPushButton::clicked, this, &SelectionControls::saveRequested);
    connect(m_tune, &QPushButton::clicked, this, &SelectionControls::tuneRequested);
    connect(m_name, &QLineEdit::returnPressed, this, &SelectionControls::saveRequested);
    setSettings(PreviewSettings {});
}

PreviewSettings SelectionControls::settings() const
{
    PreviewSettings settings;
    settings.keepRatio = m_keepBox->value();
    settings.beta = m_defaultBeta->isChecked() ? -1 : m_betaBox->value();
    settings.perClass = m_perClass->isChecked();
    settings.forceSeed = m_forceSeed->isChecked();
    return settings;
}

void SelectionControls::setSettings(const PreviewSettings &settings)
{
    const QSignalBlocker b1(m_keepSlider);
    const QSignalBlocker b2(m_keepBox);
    const QSignalBlocker b3(m_defaultBeta);
    const QSignalBlocker b4(m_betaBox);
    const QSignalBlocker b5(m_perClass);
    const QSignalBlocker b6(m_forceSeed);
    m_keepBox->setValue(settings.keepRatio);
    m_keepSlider->setValue(qRound(settings.keepRatio * 100));
    m_defaultBeta->setChecked(settings.beta < 0);
    if (settings.beta >= 0)
        m_betaBox->setValue(settings.beta);
    m_perClass->setChecked(settings.perClass);
    m_forceSeed->setChecked(settings.forceSeed);
    showDefaultBeta();
    updateNamePlaceholder();
}

void SelectionControls::showDefaultBeta()
{
    const bool useDefault = m_defaultBeta->isChecked();
    m_betaBox->setEnabled(!useDefault);
    if (useDefault) {
        const QSignalBlocker blocker(m_betaBox);
        const double ratio = m_keepBox->value();
        m_betaBox->setValue(ratio > 0 && ratio < 1 ? defaultBetaFor(ratio) : 0.0);
    }
}

void SelectionControls::updateNamePlaceholder()
{
    PipelineSettings pipeline;
    pipeline.selector = m_perClass->isChecked() ? SelectorKind::ClassAwareCutoff : SelectorKind::HardCutoff;
    pipeline.keepRatio = m_keepBox->value();
    m_name->setPlaceholderText(defaultSelectionName(pipeline));
}

QString SelectionControls::selectionName() const
{
    const QString typed = m_name->text().trimmed();
    return typed.isEmpty() ? m_name->placeholderText() : typed;
}

void SelectionControls::setSaveEnabled(bool enabled, const QString &why)
{
    m_save->setEnabled(enabled);
    m_tune->setEnabled(enabled);
    m_save->setToolTip(
        enabled ? tr("Store this selection in the project under the name, replacing one of the same name") : why);
}

} // namespace semiprune::ui

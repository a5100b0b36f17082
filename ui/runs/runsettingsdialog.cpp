#include "runsettingsdialog.h"

#include "common/error.h"
#include "learning/precision.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace semiprune::ui {

namespace {

QSpinBox *spin(int low, int high, const QString &name)
{
    auto *box = new QSpinBox;
    box->setRange(low, high);
    box->setObjectName(name);
    return box;
}

// A spin box whose minimum shows as a word ("default") and that goes back to it when emptied:
// Qt's own box reverts an emptied field to the last number, so "default" could not be typed.
class DefaultingSpinBox final : public QDoubleSpinBox {
public:
    DefaultingSpinBox()
    {
        // Leaving an emptied field shows what it now means.
        connect(this, &QAbstractSpinBox::editingFinished, this, [this] {
            if (value() == minimum())
                lineEdit()->setText(specialValueText());
        });
    }

protected:
    QValidator::State validate(QString &input, int &pos) const override
    {
        if (input.trimmed().isEmpty())
            return QValidator::Acceptable;
        return QDoubleSpinBox::validate(input, pos);
    }
    double valueFromText(const QString &text) const override
    {
        if (text.trimmed().isEmpty() || text == specialValueText())
            return minimum();
        return QDoubleSpinBox::valueFromText(text);
    }
    void fixup(QString &input) const override
    {
        if (input.trimmed().isEmpty())
            input = specialValueText();
        else
            QDoubleSpinBox::fixup(input);
    }
};

QDoubleSpinBox *realSpin(
    double low, double high, double step, int decimals, const QString &name, QDoubleSpinBox *box = new QDoubleSpinBox)
{
    box->setRange(low, high);
    box->setSingleStep(step);
    box->setDecimals(decimals);
    box->setObjectName(name);
    return box;
}

} // namespace

RunSettingsDialog::RunSettingsDialog(qint64 labeled, int classes, qint64 images, QWidget *parent)
    : QDialog(parent), m_steps(spin(1, 1000000, QStringLiteral("sslSteps"))),
      m_epochs(spin(1, 1000, QStringLiteral("proxyEpochs"))),
      m_keep(realSpin(0.01, 0.99, 0.05, 2, QStringLiteral("keepRatio"))), m_selector(new QComboBox),
      // One step below 0 reads "default": the next step up is a real 0 (drop none).
      m_beta(realSpin(-0.01, 0.99, 0.01, 2, QStringLiteral("beta"), new DefaultingSpinBox)), m_betaHint(new QLabel),
      m_device(new QComboBox), m_threads(spin(0, 1024, QStringLiteral("threads"))),
      m_batch(spin(1, 4096, QStringLiteral("batchSize"))), m_mu(spin(1, 64, QStringLiteral("mu"))),
      m_threshold(realSpin(0.0, 1.0, 0.01, 2, QStringLiteral("threshold"))), m_thresholdMode(new QComboBox),
      m_alignDistribution(new QCheckBox(tr("Align to the seed's class shares"))), m_score(new QComboBox),
      m_resolution(new QComboBox), m_model(new QComboBox), m_precision(new QComboBox),
      m_imageMemory(spin(0, 1048576, QStringLiteral("imageMemory"))),
      m_seed(spin(0, 2147483647, QStringLiteral("seed"))), m_flip(new QCheckBox(tr("Random horizontal flips"))),
      m_forceSeed(new QCheckBox(tr("Always keep the human-labeled images")))
{
    setWindowTitle(tr("Run SemiPrune"));
    setObjectName(QStringLiteral("runSettingsDialog"));
    const QLocale locale;
    // Both forms through tr() with %n: right in English without a translation loaded.
    const QString learns = classes == 1
        ? tr("Learns from <b>%1</b> labeled images in <b>%Ln</b> class and %2 unlabeled ones.", nullptr, classes)
        : tr("Learns from <b>%1</b> labeled images in <b>%Ln</b> classes and %2 unlabeled ones.", nullptr, classes);
    auto *inUse = new QLabel(learns.arg(locale.toString(labeled), locale.toString(images - labeled)));
    inUse->setObjectName(QStringLiteral("runInUse"));
    inUse->setWordWrap(true);

    m_selector->setObjectName(QStringLiteral("selector"));
    m_selector->addItem(tr("Hard cutoff (keep the hardest)"), int(SelectorKind::HardCutoff));
    m_selector->addItem(tr("Class-aware cutoff"), int(SelectorKind::ClassAwareCutoff));
    m_selector->addItem(tr("Coverage-centric (CCS)"), int(SelectorKind::Ccs));
    m_selector->addItem(tr("Dual beta"), int(SelectorKind::DualBeta));
    m_selector->addItem(tr("Diverse (difficulty and coverage, D2)"), int(SelectorKind::Diverse));
    m_selector->addItem(tr("Random"), int(SelectorKind::Random));
    m_device->setObjectName(QStringLiteral("device"));
    m_device->addItem(tr("Automatic (GPU when there is one)"), int(DeviceChoice::Auto));
    m_device->addItem(tr("CPU"), int(DeviceChoice::Cpu));
    m_device->addItem(tr("CUDA GPU"), int(DeviceChoice::Cuda));
    m_beta->setSpecialValueText(tr("default"));
    m_threads->setSpecialValueText(tr("all %1 cores").arg(QThread::idealThreadCount()));
    m_keep->setToolTip(tr("The share of the images the coreset keeps."));
    m_beta->setToolTip(tr("The share of the hardest images dropped first, as likely mislabeled."));

    auto *form = new QFormLayout;
    form->addRow(tr("FixMatch steps:"), m_steps);
    form->addRow(tr("Proxy epochs:"), m_epochs);
    form->addRow(tr("Keep ratio:"), m_keep);
    form->addRow(tr("Selector:"), m_selector);
    auto *betaRow = new QHBoxLayout;
    betaRow->addWidget(m_beta);
    betaRow->addWidget(m_betaHint, 1);
    form->addRow(tr("Beta (hardest dropped):"), betaRow);
    form->addRow(tr("Device:"), m_device);
    form->addRow(tr("Threads:"), m_threads);

    m_buttons
        = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Start"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("startRun"));
    m_buttons->button(QDialogButtonBox::RestoreDefaults)->setObjectName(QStringLiteral("restoreDefaults"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RunSettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RunSettingsDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        const QString name = m_selectionName;
        setSettings(PipelineSettings());
        m_selectionName = name;
    });
    m_differences = new QLabel;
    m_problem = new QLabel;
    m_differences->setObjectName(QStringLiteral("settingsDifferences"));
    m_differences->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("settingsProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828"));

    auto *layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetFixedSize); // follows Advanced opening and closing
    layout->addWidget(inUse);
    layout->addLayout(form);
    layout->addWidget(makeAdvanced());
    layout->addWidget(m_differences);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_keep, &QDoubleSpinBox::valueChanged, this, &RunSettingsDialog::updateBetaHint);
    connect(m_beta, &QDoubleSpinBox::valueChanged, this, &RunSettingsDialog::updateBetaHint);
    // Every change re-checks the settings and what differs from the defaults, as it is typed.
    for (QSpinBox *box : findChildren<QSpinBox *>())
        connect(box, &QSpinBox::valueChanged, this, &RunSettingsDialog::updateState);
    for (QDoubleSpinBox *box : findChildren<QDoubleSpinBox *>())
        connect(box, &QDoubleSpinBox::valueChanged, this, &RunSettingsDialog::updateState);
    for (QComboBox *box : findChildren<QComboBox *>())
        connect(box, &QComboBox::currentIndexChanged, this, &RunSettingsDialog::updateState);
    for (QCheckBox *box : findChildren<QCheckBox *>())
        connect(box, &QCheckBox::toggled, this, &RunSettingsDialog::updateState);
    setSettings(PipelineSettings());
}

void RunSettingsDialog::updateState()
{
    const PipelineSettings now = settings();
    QString problem;
    try {
        now.validate();
    } catch (const Error &failure) {
        problem = failure.message();
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());

    // What a person would start without noticing: the settings that are not the defaults.
    const QJsonObject mine = now.toJson();
    const QJsonObject defaults = PipelineSettings().toJson();
    const std::pair<const char *, QString> named[] = { { "ssl_steps", tr("FixMatch steps") },
        { "proxy_epochs", tr("proxy epochs") }, { "keep_ratio", tr("keep ratio") }, { "selector", tr("selector") },
        { "beta", tr("beta") }, { "device", tr("device") }, { "threads", tr("threads") },
        { "batch_size", tr("batch size") }, { "mu", tr("mu") }, { "threshold", tr("confidence threshold") },
        { "threshold_mode", tr("threshold per class") }, { "distribution_alignment", tr("alignment") },
        { "score", tr("score") }, { "model", tr("network") }, { "precision", tr("precision") },
        { "image_memory_mib", tr("memory for images") }, { "seed", tr("random seed") }, { "allow_flip", tr("flips") },
        { "force_seed", tr("keeping the human-labeled images") } };
    QStringList differing;
    for (const auto &[key, name] : named)
        if (mine.value(QLatin1String(key)) != defaults.value(QLatin1String(key)))
            differing << name;
    m_differences->setText(differing.isEmpty() ? tr("All settings are the defaults.")
                                               : tr("Not the defaults: %1.").arg(differing.join(QStringLiteral(", "))));
    m_buttons->button(QDialogButtonBox::RestoreDefaults)->setEnabled(!differing.isEmpty());
}

QWidget *RunSettingsDialog::makeAdvanced()
{
    auto *group = new QGroupBox(tr("Advanced"));
    group->setObjectName(QStringLiteral("advancedGroup"));
    group->setCheckable(true);
    group->setChecked(false);
    auto *inner = new QWidget(group);
    // Two columns: in one, the open group made the dialog taller than an 800-pixel screen.
    auto *columns = new QHBoxLayout(inner);
    columns->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    auto *second = new QFormLayout;
    columns->addLayout(form);
    columns->addSpacing(12);
    columns->addLayout(second);
    m_score->setObjectName(QStringLiteral("score"));
    for (const QString &score :
        { QStringLiteral("aum"), QStringLiteral("forgetting"), QStringLiteral("el2n"), QStringLiteral("dual") })
        m_score->addItem(score, score);
    form->addRow(tr("Batch size:"), m_batch);
    form->addRow(tr("Unlabeled per labeled (mu):"), m_mu);
    form->addRow(tr("Confidence threshold:"), m_threshold);
    m_thresholdMode->setObjectName(QStringLiteral("thresholdMode"));
    m_thresholdMode->addItem(tr("The same for every class"), int(ThresholdMode::Fixed));
    m_thresholdMode->addItem(tr("Per class, as it is learnt (FlexMatch)"), int(ThresholdMode::FlexMatch));
    m_thresholdMode->setToolTip(tr("FlexMatch lowers the threshold for classes the network has not learnt yet, so "
                                   "they get pseudo-labels early; it rises to the confidence threshold as they are "
                                   "learnt."));
    form->addRow(tr("Threshold:"), m_thresholdMode);
    m_alignDistribution->setObjectName(QStringLiteral("alignDistribution"));
    m_alignDistribution->setToolTip(tr("Reweights FixMatch's predictions on the unlabeled images so that on average "
                                       "they follow the class shares of the labeled seed before pseudo-labels are "
                                       "taken, so the classes learnt first do not take over."));
    form->addRow(QString(), m_alignDistribution);
    form->addRow(tr("Score:"), m_score);
    m_resolution->setObjectName(QStringLiteral("trainingResolution"));
    m_resolution->addItem(tr("Automatic (native up to 32 px)"), 0);
    for (int pixels : { 32, 64, 96, 128, 224 })
        m_resolution->addItem(tr("%1 x %1 px").arg(pixels), pixels);
    m_resolution->setToolTip(
        tr("The size images are trained at. Larger sizes see finer detail and train more slowly."));
    m_model->setObjectName(QStringLiteral("model"));
    m_model->addItem(tr("Automatic (small CNN up to 32 px, ResNet-18 above)"), int(ModelKind::Auto));
    m_model->addItem(tr("Small CNN"), int(ModelKind::SmallCnn));
    m_model->addItem(tr("ResNet-18"), int(ModelKind::ResNet18));
    m_precision->setObjectName(QStringLiteral("precision"));
    const bool nativeBFloat16 = detectPrecisionSupport().cpuBFloat16;
    m_precision->addItem(nativeBFloat16 ? tr("Automatic (bfloat16 on this processor)")
                                        : tr("Automatic (float32: this processor has no bfloat16)"),
        int(Precision::Auto));
    m_precision->addItem(tr("float32"), int(Precision::Float32));
    m_precision->addItem(tr("bfloat16"), int(Precision::BFloat16));
    m_precision->setToolTip(tr("bfloat16 trains about twice as fast on processors that compute it natively "
                               "(AVX512-BF16); weights, losses and scores stay float32."));
    m_imageMemory->setSuffix(tr(" MiB"));
    m_imageMemory->setSingleStep(256);
    m_imageMemory->setSpecialValueText(tr("a quarter of the memory"));
    m_imageMemory->setToolTip(
        tr("Decoded images beyond this are kept in a file beside the project and read as needed."));
    form->addRow(tr("Training resolution:"), m_resolution);
    second->addRow(tr("Network:"), m_model);
    second->addRow(tr("Precision:"), m_precision);
    second->addRow(tr("Memory for images:"), m_imageMemory);
    second->addRow(tr("Random seed:"), m_seed);
    second->addRow(QString(), m_flip);
    second->addRow(QString(), m_forceSeed);
    auto *layout = new QVBoxLayout(group);
    layout->addWidget(inner);
    inner->setVisible(false);
    connect(group, &QGroupBox::toggled, inner, &QWidget::setVisible);
    return group;
}

void RunSettingsDialog::updateBetaHint()
{
    PipelineSettings probe;
    probe.keepRatio = m_keep->value();
    probe.beta = -1;
    m_betaHint->setText(tr("default for this keep ratio: %1").arg(QLocale().toString(probe.effectiveBeta(), 'f', 2)));
}

void RunSettingsDialog::setSettings(const PipelineSettings &s)
{
    m_steps->setValue(s.training.sslSteps);
    m_epochs->setValue(s.training.proxyEpochs);
    m_keep->setValue(s.keepRatio);
    m_selector->setCurrentIndex(std::max(0, m_selector->findData(int(s.selector))));
    m_beta->setValue(s.beta < 0 ? m_beta->minimum() : s.beta);
    m_device->setCurrentIndex(std::max(0, m_device->findData(int(s.training.device))));
    m_threads->setValue(s.training.threads);
    m_batch->setValue(s.training.sslBatch);
    m_mu->setValue(s.training.mu);
    m_threshold->setValue(s.training.threshold);
    m_thresholdMode->setCurrentIndex(std::max(0, m_thresholdMode->findData(int(s.training.thresholdMode))));
    m_alignDistribution->setChecked(s.training.alignDistribution);
    m_score->setCurrentIndex(std::max(0, m_score->findData(s.score)));
    m_model->setCurrentIndex(std::max(0, m_model->findData(int(s.training.model))));
    m_precision->setCurrentIndex(std::max(0, m_precision->findData(int(s.training.precision))));
    m_imageMemory->setValue(s.training.imageMemoryMiB);
    m_seed->setValue(int(s.training.seed));
    m_flip->setChecked(s.training.allowFlip);
    m_forceSeed->setChecked(s.forceSeed);
    m_selectionName = s.selectionName;
    updateBetaHint();
    updateState();
}

PipelineSettings RunSettingsDialog::settings() const
{
    PipelineSettings s;
    s.training.sslSteps = m_steps->value();
    s.training.proxyEpochs = m_epochs->value();
    s.keepRatio = m_keep->value();
    s.selector = SelectorKind(m_selector->currentData().toInt());
    s.beta = m_beta->value() < 0 ? -1 : m_beta->value();
    s.training.device = DeviceChoice(m_device->currentData().toInt());
    s.training.threads = m_threads->value();
    s.training.sslBatch = m_batch->value();
    s.training.mu = m_mu->value();
    s.training.threshold = m_threshold->value();
    s.training.thresholdMode = ThresholdMode(m_thresholdMode->currentData().toInt());
    s.training.alignDistribution = m_alignDistribution->isChecked();
    s.score = m_score->currentData().toString();
    s.training.model = ModelKind(m_model->currentData().toInt());
    s.training.precision = Precision(m_precision->currentData().toInt());
    s.training.imageMemoryMiB = m_imageMemory->value();
    s.training.seed = quint64(m_seed->value());
    s.training.allowFlip = m_flip->isChecked();
    s.forceSeed = m_forceSeed->isChecked();
    s.selectionName = m_selectionName;
    return s;
}

void RunSettingsDialog::setTrainingResolution(int pixels)
{
    int index = m_resolution->findData(pixels);
    if (index < 0) { // a size set elsewhere (the command line): shown as it is
        m_resolution->addItem(tr("%1 x %1 px").arg(pixels), pixels);
        index = m_resolution->count() - 1;
    }
    m_resolution->setCurrentIndex(index);
}

int RunSettingsDialog::trainingResolution() const
{
    return m_resolution->currentData().toInt();
}

void RunSettingsDialog::accept()
{
    try {
        settings().validate();
    } catch (const Error &failure) {
        QMessageBox::warning(this, tr("Cannot Start the Run"), failure.message());
        return;
    }
    QDialog::accept();
}

} // namespace semiprune::ui

#include "exportdialog.h"

#include "common/error.h"
#include "common/pathedit.h"
#include "export/exporter.h"
#include "export/exportplan.h"
#include "jobs/jobcontext.h"
#include "jobs/jobrunner.h"
#include "storage/project.h"
#include "storage/resulttables.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace semiprune::ui {

namespace {

const QString kTargetSetting = QStringLiteral("export/lastTarget");
const QString kModeSetting = QStringLiteral("export/mode");
const QString kFractionSetting = QStringLiteral("export/valFraction");

bool isNonEmptyFolder(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return false;
    if (!info.isDir())
        return true; // a file is in the way: refuse it like a full folder
    return !QDir(path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
}

} // namespace

ExportDialog::ExportDialog(Project &project, QWidget *parent)
    : QDialog(parent), m_projectFile(project.filePath()), m_runner(new JobRunner(this, this)),
      m_source(new QComboBox(this)), m_selection(new QComboBox(this)),
      m_target(new PathEdit(PathEdit::Kind::NewFolder, tr("Export Into"), this)),
      m_overwrite(new QCheckBox(tr("Replace what is in the folder (an earlier export)"), this)),
      m_mode(new QComboBox(this)), m_split(new QCheckBox(tr("Split into train/ and val/, stratified by class"), this)),
      m_fraction(new QDoubleSpinBox(this)), m_seed(new QSpinBox(this)), m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export the Dataset"));
    m_source->setObjectName(QStringLiteral("exportSource"));
    m_selection->setObjectName(QStringLiteral("exportSelection"));
    m_target->setObjectName(QStringLiteral("exportTarget"));
    m_overwrite->setObjectName(QStringLiteral("exportOverwrite"));
    m_mode->setObjectName(QStringLiteral("exportMode"));
    m_split->setObjectName(QStringLiteral("exportSplit"));
    m_fraction->setObjectName(QStringLiteral("exportValFraction"));
    m_seed->setObjectName(QStringLiteral("exportSplitSeed"));
    m_problem->setObjectName(QStringLiteral("exportProblem"));

    std::vector<SelectionRecord> selections = SelectionTable(project.db()).all();
    std::sort(selections.begin(), selections.end(),
        [](const SelectionRecord &a, const SelectionRecord &b) { return a.createdAtMs > b.createdAtMs; });
    m_hasSelection = !selections.empty();
    for (const SelectionRecord &selection : selections) {
        m_selection->addItem(
            tr("%1 (keeps %2 of %3)")
                .arg(selection.name, QLocale().toString(selection.kept), QLocale().toString(selection.total)),
            selection.name);
    }
    m_source->addItem(tr("The newest selection's kept images"), int(Source::NewestSelection));
    m_source->addItem(tr("A selection's kept images"), int(Source::NamedSelection));
    m_source->addItem(tr("Every labeled image (human or pseudo-label)"), int(Source::AllLabeled));
    m_source->addItem(tr("Only images a person labeled"), int(Source::HumanOnly));
    m_source->setCurrentIndex(m_hasSelection ? 0 : 2);

    m_target->setPlaceholderText(tr("A new or empty folder"));
    m_target->setPath(QSettings().value(kTargetSetting).toString());
    m_mode->addItem(tr("Copy the images"), int(ExportMode::Copy));
    m_mode->addItem(tr("Hard links (no space; same disk as the images)"), int(ExportMode::HardLink));
    m_mode->addItem(tr("Symbolic links (break if the images move)"), int(ExportMode::SymLink));
    m_mode->setCurrentIndex(std::max(0, m_mode->findData(QSettings().value(kModeSetting, 0).toInt())));
    m_fraction->setRange(0.01, 0.9);
    m_fraction->setSingleStep(0.05);
    m_fraction->setDecimals(2);
    m_fraction->setValue(QSettings().value(kFractionSetting, 0.2).toDouble());
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setToolTip(tr("The same seed gives the same split of the same images."));
    for (QComboBox *box : { m_source, m_selection, m_mode }) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(28);
    }

    m_problem->setWordWrap(true);
    m_problem->setContentsMargins(8, 6, 8, 6);
    m_problem->setStyleSheet(QStringLiteral("QLabel#exportProblem { background: #fde8e6; color: #8a1c12;"
                                            " border: 1px solid #f2b8b1; border-radius: 4px; }"));
    m_problem->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Images:"), m_source);
    form->addRow(tr("&Selection:"), m_selection);
    form->addRow(tr("&Folder:"), m_target);
    form->addRow(QString(), m_overwrite);
    form->addRow(tr("&Mode:"), m_mode);
    form->addRow(QString(), m_split);
    auto *splitRow = new QHBoxLayout;
    splitRow->addWidget(new QLabel(tr("Share for val:"), this));
    splitRow->addWidget(m_fraction);
    splitRow->addSpacing(12);
    splitRow->addWidget(new QLabel(tr("Seed:"), this));
    splitRow->addWidget(m_seed);
    splitRow->addStretch(1);
    form->addRow(QString(), splitRow);

    auto *note = new QLabel(tr("Writes one folder per class with the images under their original names, "
                               "manifest.csv (labels, sources, scores) and summary.json. A folder that is "
                               "not empty is left alone unless you choose to replace it."),
        this);
    note->setWordWrap(true);
    QPushButton *exportButton = m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    exportButton->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (startExport())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_source, &QComboBox::currentIndexChanged, this, &ExportDialog::updateEnabled);
    connect(m_split, &QCheckBox::toggled, this, &ExportDialog::updateEnabled);
    connect(m_target, &PathEdit::pathChanged, this, [this] { setProblem(QString()); });
    connect(m_overwrite, &QCheckBox::toggled, this, [this] { setProblem(QString()); });
    updateEnabled();
}

ExportDialog::~ExportDialog() = default;

void ExportDialog::updateEnabled()
{
    const auto source = Source(m_source->currentData().toInt());
    m_selection->setEnabled(source == Source::NamedSelection && m_hasSelection);
    m_fraction->setEnabled(m_split->isChecked());
    m_seed->setEnabled(m_split->isChecked());
}

ExportOptions ExportDialog::options() const
{
    ExportOptions options;
    options.target = m_target->path();
    switch (Source(m_source->currentData().toInt())) {
    case Source::NewestSelection:
        options.scope = ExportScope::Selection;
        break;
    case Source::NamedSelection:
        options.scope = ExportScope::Selection;
        options.selectionName = m_selection->currentData().toString();
        break;
    case Source::AllLabeled:
        options.scope = ExportScope::All;
        break;
    case Source::HumanOnly:
        options.scope = ExportScope::AllLabeled;
        options.humanOnly = true;
        break;
    }
    options.mode = ExportMode(m_mode->currentData().toInt());
    options.valFraction = m_split->isChecked() ? m_fraction->value() : 0;
    options.splitSeed = quint64(m_seed->value());
    options.overwrite = m_overwrite->isChecked();
    return options;
}

QString ExportDialog::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void ExportDialog::setProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    // The dialog grows to hold the message (wrapped at its width); kept at its size, the layout
    // squashed the form's rows instead.
    if (!text.isEmpty() && layout()) {
        layout()->activate();
        const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                         : layout()->totalSizeHint().height();
        if (needed > height())
            resize(width(), needed);
    }
}

bool ExportDialog::confirmDroppedClasses(const ExportOptions &chosen)
{
    QStringList dropped;
    const QString projectFile = m_projectFile;
    const JobOutcome checked
        = m_runner->run(tr("Checking the selection"), [&dropped, &chosen, projectFile](JobContext &job) {
              const std::unique_ptr<Project> project = Project::open(projectFile);
              dropped = planExport(*project, chosen, job).classesWithoutImages;
          });
    // A plan that fails here fails the export too, which says why.
    if (!checked.finished() || dropped.isEmpty())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("A Class Would Be Missing"),
        tr("The selection keeps no image of %1, though the project has images of it. A model trained on this "
           "export will never predict it.")
            .arg(dropped.join(QStringLiteral(", "))),
        QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("droppedClassesBox"));
    box.setInformativeText(tr("Keep more images, or select with the class-aware cutoff, to keep every class."));
    QPushButton *anyway = box.addButton(tr("Export Anyway"), QMessageBox::AcceptRole);
    anyway->setObjectName(QStringLiteral("exportAnyway"));
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == anyway)
        return true;
    setProblem(tr("Not exported: the selection keeps no image of %1.").arg(dropped.join(QStringLiteral(", "))));
    return false;
}

bool ExportDialog::startExport()
{
    const ExportOptions chosen = options();
    const auto source = Source(m_source->currentData().toInt());
    if ((source == Source::NewestSelection || source == Source::NamedSelection) && !m_hasSelection) {
        setProblem(tr("There is no selection yet: run SemiPrune first, or export every labeled image."));
        return false;
    }
    try {
        chosen.validate();
    } catch (const Error &failure) {
        setProblem(failure.message());
        return false;
    }
    // Said here, before any work, in the words of the form; the exporter refuses it too.
    if (!chosen.overwrite && isNonEmptyFolder(chosen.target)) {
        setProblem(tr("%1 is not empty. Choose a new or empty folder, or tick \"Replace what is in the folder\" "
                      "to replace an earlier export (it is removed only once the new one is complete).")
                       .arg(QDir::toNativeSeparators(chosen.target)));
        return false;
    }
    setProblem(QString());
    const QString projectFile = m_projectFile;
    if (chosen.scope == ExportScope::Selection && !confirmDroppedClasses(chosen))
        return false;
    saveChoices();

    ExportReport report;
    const JobOutcome outcome = m_runner->run(tr("Exporting"), [&report, &chosen, projectFile](JobContext &job) {
        // The worker's own connection: a connection belongs to the thread that opened it.
        const std::unique_ptr<Project> project = Project::open(projectFile);
        report = exportDataset(*project, chosen, job);
    });
    if (outcome.status == JobOutcome::Status::Cancelled) {
        setProblem(tr("The export was cancelled; nothing was written to the folder."));
        return false;
    }
    if (!outcome.finished()) {
        setProblem(outcome.message);
        return false;
    }
    m_report = report;
    return true;
}

void ExportDialog::saveChoices() const
{
    QSettings settings;
    settings.setValue(kTargetSetting, m_target->path());
    settings.setValue(kModeSetting, m_mode->currentData().toInt());
    settings.setValue(kFractionSetting, m_fraction->value());
}

QString ExportDialog::summaryText(const ExportReport &report)
{
    const QLocale locale;
    QString text = tr("Exported %Ln images", nullptr, int(report.exported));
    text += QLatin1Char(' ') + tr("in %Ln classes", nullptr, int(report.classes.size()));
    if (report.valFraction > 0) {
        qint64 train = 0;
        qint64 val = 0;
        for (const ExportClassCount &count : report.classes) {
            train += count.train;
            val += count.val;
        }
        text += QLatin1Char(' ') + tr("(%1 train, %2 val)").arg(locale.toString(train), locale.toString(val));
    }
    text += QLatin1Char(' ') + tr("in %1 s.").arg(locale.toString(report.seconds, 'f', 1));
    QStringList skipped;
    if (report.skippedUnlabeled > 0)
        skipped << tr("%Ln without a label", nullptr, int(report.skippedUnlabeled));
    if (report.skippedNotHuman > 0)
        skipped << tr("%Ln with only a pseudo-label", nullptr, int(report.skippedNotHuman));
    if (report.skippedUnreadable > 0)
        skipped << tr("%Ln unreadable", nullptr, int(report.skippedUnreadable));
    if (!report.missingSources.isEmpty())
        skipped << tr("%Ln deleted since the import", nullptr, int(report.missingSources.size()));
    if (!skipped.isEmpty())
        text += QLatin1Char('\n') + tr("Left out: %1.").arg(skipped.join(QStringLiteral(", ")));
    if (report.renamed > 0)
        text += QLatin1Char('\n')
            + tr("%Ln files were renamed to keep same-named images apart (see manifest.csv).", nullptr,
                int(report.renamed));
    if (!report.leftover.isEmpty())
        text += QLatin1Char('\n') + tr("The old export could not be removed: %1").arg(report.leftover);
    return text;
}

void ExportDialog::showResult(QWidget *parent, const ExportReport &report)
{
    auto *box = new QMessageBox(
        QMessageBox::Information, tr("Export Complete"), summaryText(report), QMessageBox::Close, parent);
    box->setObjectName(QStringLiteral("exportResultBox"));
    box->setInformativeText(QDir::toNativeSeparators(report.target));
    QPushButton *open = box->addButton(tr("&Open Folder"), QMessageBox::ActionRole);
    open->setObjectName(QStringLiteral("exportOpenFolder"));
    const QString target = report.target;
    connect(open, &QPushButton::clicked, box, [target] { QDesktopServices::openUrl(QUrl::fromLocalFile(target)); });
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace semiprune::ui

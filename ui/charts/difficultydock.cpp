#include "difficultydock.h"

#include "classbalancechart.h"
#include "common/error.h"
#include "datamapview.h"
#include "histogramchart.h"
#include "jobs/jobcontext.h"
#include "jobs/jobrunner.h"
#include "jobs/pipelinesettings.h"
#include "jobs/selectionjob.h"
#include "pipeline/selectiontuning.h"
#include "runs/runresults.h"
#include "selection/budget.h"
#include "selectioncontrols.h"
#include "storage/project.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace semiprune::ui {

namespace {

Q_LOGGING_CATEGORY(lcDifficultyDock, "semiprune.difficultydock")

const QColor kHardColor(0xc6, 0x28, 0x28);
const QColor kKeptColor(0x2e, 0x7d, 0x32);
const QColor kEasyColor(0x90, 0xa4, 0xae);
const QColor kScoredColor(0x54, 0x6e, 0x7a);

// The layer of each image in the charts: 0 dropped as too hard, 1 kept, 2 dropped otherwise.
int layerOf(SelectionReason reason)
{
    switch (reason) {
    case SelectionReason::DroppedHard:
        return 0;
    case SelectionReason::Kept:
        return 1;
    case SelectionReason::DroppedEasy:
    case SelectionReason::DroppedNotSampled:
    case SelectionReason::DroppedCovered:
        return 2;
    }
    return 2;
}

QLabel *makeNote(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setMargin(16);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

DifficultyDock::DifficultyDock(QWidget *parent)
    : QDockWidget(tr("Difficulty"), parent), m_debounce(new QTimer(this)), m_pages(new QStackedWidget(this)),
      m_empty(makeNote(m_pages))
{
    setObjectName(QStringLiteral("difficultyDock"));
    m_empty->setObjectName(QStringLiteral("difficultyEmpty"));
    m_pages->addWidget(m_empty);
    m_pages->addWidget(makeContent());
    setWidget(m_pages);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &DifficultyDock::recomputePreview);
    showData();
}

QWidget *DifficultyDock::makeContent()
{
    auto *content = new QWidget(m_pages);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(6);

    m_controls = new SelectionControls(content);
    layout->addWidget(m_controls);
    m_summary = new QLabel(content);
    m_summary->setObjectName(QStringLiteral("previewSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);
    m_message = new QLabel(content);
    m_message->setObjectName(QStringLiteral("previewMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();
    layout->addWidget(m_message);

    m_tabs = new QTabWidget(content);
    m_tabs->setDocumentMode(true);
    m_difficultyChart = new HistogramChart(tr("AUM (low: hard)"), m_tabs);
    m_difficultyChart->setObjectName(QStringLiteral("difficultyHistogram"));
    m_difficultyChart->setToolTip(tr("Click a bar to show its images in the grid"));
    m_tabs->addTab(m_difficultyChart, tr("Difficulty"));
    m_classChart = new ClassBalanceChart(m_tabs);
    m_classChart->setObjectName(QStringLiteral("classBalance"));
    m_tabs->addTab(m_classChart, tr("Classes"));
    m_confidenceChart = new HistogramChart(tr("Pseudo-label confidence"), m_tabs);
    m_confidenceChart->setObjectName(QStringLiteral("confidenceHistogram"));
    m_confidenceChart->setToolTip(tr("Click a bar to show its images in the grid"));
    m_confidenceChart->setLayers({ tr("Pseudo-labels") }, { QColor(0x5c, 0x6b, 0xc0) });
    m_tabs->addTab(m_confidenceChart, tr("Confidence"));
    m_dataMapPages = new QStackedWidget(m_tabs);
    m_dataMap = new DataMapView(m_dataMapPages);
    m_dataMap->setObjectName(QStringLiteral("dataMap"));
    m_dataMap->setLayers({ tr("Too hard"), tr("Kept"), tr("Too easy") }, { kHardColor, kKeptColor, kEasyColor });
    m_dataMapEmpty = makeNote(m_dataMapPages);
    m_dataMapEmpty->setText(tr("This run stored no training dynamics, so there is no data map. Runs of this "
                               "version store them; run the pipeline again to see it."));
    m_dataMapPages->addWidget(m_dataMap);
    m_dataMapPages->addWidget(m_dataMapEmpty);
    m_tabs->addTab(m_dataMapPages, tr("Data Map"));
    layout->addWidget(m_tabs, 1);

    connect(m_controls, &SelectionControls::settingsChanged, this, &DifficultyDock::scheduleRecompute);
    connect(m_controls, &SelectionControls::saveRequested, this, &DifficultyDock::saveSelection);
    connect(m_controls, &SelectionControls::tuneRequested, this, &DifficultyDock::tuneBeta);
    connect(m_difficultyChart, &HistogramChart::rangeChosen, this, &DifficultyDock::difficultyRangeChosen);
    connect(m_confidenceChart, &HistogramChart::rangeChosen, this, &DifficultyDock::confidenceRangeChosen);
    connect(m_dataMap, &DataMapView::imagesPicked, this, &DifficultyDock::imagesPicked);
    connect(m_tabs, &QTabWidget::currentChanged, this, &DifficultyDock::updateDataMapLayers);
    return content;
}

void DifficultyDock::setProject(Project *project)
{
    m_project = project;
    reload();
}

void DifficultyDock::reload()
{
    QElapsedTimer timer;
    timer.start();
    try {
        m_data = loadDifficultyData(m_project);
    } catch (const Error &error) {
        m_data = DifficultyData {};
        m_data.state = DifficultyState::NoScores;
        qCWarning(lcDifficultyDock, "cannot read the scores: %s", qPrintable(error.message()));
    }
    qCInfo(lcDifficultyDock, "loaded %d scored images in %.1f ms", m_data.imageCount(), timer.nsecsElapsed() / 1e6);
    showData();
}

void DifficultyDock::setData(DifficultyData data)
{
    m_data = std::move(data);
    showData();
}

void DifficultyDock::setRunActive(bool active)
{
    m_runActive = active;
    updateSaveButton();
}

QString DifficultyDock::emptyText() const
{
    switch (m_data.state) {
    case DifficultyState::NoProject:
        return tr("Open a project to see how hard its images are.");
    case DifficultyState::NoRun:
        return tr("No run yet. Label a seed (Edit ▸ Label Seed…), then run the pipeline (Run ▸ Run SemiPrune…). "
                  "When it has finished, this shows how hard every image is, how sure its pseudo-label is, and "
                  "a preview of the coreset you can adjust and save.");
    case DifficultyState::NoScores:
        return tr("No difficulty scores yet: no run has finished scoring the images. Run the pipeline "
                  "(Run ▸ Run SemiPrune…) to its end; the charts appear when it has finished.");
    case DifficultyState::Ready:
        break;
    }
    return QString();
}

bool DifficultyDock::isShowingCharts() const
{
    return m_pages->currentIndex() == 1;
}

void DifficultyDock::showData()
{
    if (m_data.state != DifficultyState::Ready) {
        m_debounce->stop();
        m_empty->setText(emptyText());
        m_pages->setCurrentIndex(0);
        return;
    }
    m_pages->setCurrentIndex(1);
    if (m_data.newestSelection && m_data.newestSelection->keepRatio > 0 && m_data.newestSelection->keepRatio < 1) {
        // Start from the newest selection, so the preview first shows what is stored.
        PreviewSettings settings;
        settings.keepRatio = m_data.newestSelection->keepRatio;
        // A stored beta equal to the default for its ratio was the default: keep following it.
        const double beta = m_data.newestSelection->beta;
        settings.beta = beta >= 0 && std::abs(beta - defaultBetaFor(settings.keepRatio)) > 1e-9 ? beta : -1;
        settings.perClass = m_data.newestSelection->method == selectorKindName(SelectorKind::ClassAwareCutoff);
        settings.forceSeed = m_data.newestSelection->parameters.value(QStringLiteral("forceSeed")).toBool();
        m_controls->setSettings(settings);
    }

    QStringList classNames;
    for (const ChartClass &cls : m_data.classes)
        classNames << cls.name;
    m_classChart->setClasses(classNames);
    m_classChart->setCounts(m_data.seedPerClass, m_data.pseudoPerClass);

    ValueRange probability;
    probability.low = 0;
    probability.high = 1;
    const Histogram confidence = Histogram::build(
        m_data.pseudoConfidences, kHistogramBins, 1, [](int) { return 0; }, probability);
    m_confidenceChart->setHistogram(confidence);
    m_confidenceChart->setTitle(confidence.isEmpty()
            ? tr("No pseudo-labels yet")
            : tr("Pseudo-labels by confidence (%1)").arg(QLocale().toString(qint64(m_data.pseudoConfidences.size()))));

    const bool hasMap = !m_data.meanConfidence.empty();
    m_dataMapPages->setCurrentIndex(hasMap ? 0 : 1);
    if (hasMap) {
        m_dataMap->setPoints(m_data.images, m_data.variability, m_data.meanConfidence);
        m_dataMap->chart()->setTitle(m_dataMap->drawnCount() < m_dataMap->imageCount()
                ? tr("%1 of %2 images drawn, all pickable")
                      .arg(QLocale().toString(m_dataMap->drawnCount()), QLocale().toString(m_dataMap->imageCount()))
                : tr("%1 images").arg(QLocale().toString(m_dataMap->imageCount())));
    }
    recomputePreview();
}

void DifficultyDock::scheduleRecompute()
{
    m_debounce->start();
}

void DifficultyDock::recomputePreview()
{
    m_debounce->stop();
    if (m_data.state != DifficultyState::Ready)
        return;
    QElapsedTimer timer;
    timer.start();
    m_preview = previewSelection(m_data, m_controls->settings());
    const QLocale locale;

    if (m_preview.isValid()) {
        m_difficultyChart->setLayers(
            { tr("Too hard"), tr("Kept"), tr("Too easy") }, { kHardColor, kKeptColor, kEasyColor });
        const std::vector<SelectionReason> &reasons = m_preview.reasons;
        m_difficultyChart->setHistogram(
            Histogram::build(m_data.aum, kHistogramBins, 3, [&reasons](int i) { return layerOf(reasons[size_t(i)]); }));
        m_difficultyChart->setBand(m_preview.keptLow, m_preview.keptHigh, tr("Kept band"));
        m_difficultyChart->setMarker(m_preview.cutoffScore, tr("Hard cutoff"));
        m_difficultyChart->setTitle(std::isnan(m_preview.cutoffScore)
                ? tr("Difficulty: no hard cutoff (β = 0)")
                : tr("Difficulty: hard cutoff at AUM %1").arg(locale.toString(m_preview.cutoffScore, 'f', 2)));
        m_classChart->setKept(m_preview.keptPerClass);
    } else {
        m_difficultyChart->setLayers({ tr("Scored images") }, { kScoredColor });
        m_difficultyChart->setHistogram(Histogram::build(m_data.aum, kHistogramBins, 1, [](int) { return 0; }));
        m_difficultyChart->setBand(std::nan(""), std::nan(""), QString());
        m_difficultyChart->setMarker(std::nan(""), QString());
        m_difficultyChart->setTitle(tr("Difficulty"));
        m_classChart->setKept({});
    }
    m_dataMapStale = true;
    updateDataMapLayers();
    m_lastPreviewMs = timer.nsecsElapsed() / 1e6;
    qCDebug(lcDifficultyDock, "preview of %d images in %.1f ms", m_data.imageCount(), m_lastPreviewMs);

    if (m_preview.isValid()) {
        const int total = m_data.imageCount();
        m_summary->setText(tr("Keeps %1 of %2 images (%3 %) · drops %4 as too hard (β = %5) and %6 as too easy")
                               .arg(locale.toString(m_preview.kept), locale.toString(total),
                                   locale.toString(100.0 * m_preview.kept / std::max(1, total), 'f', 1),
                                   locale.toString(m_preview.droppedHard), locale.toString(m_preview.beta, 'f', 2),
                                   locale.toString(m_preview.droppedEasy)));
        setMessage(QString());
    } else {
        m_summary->setText(tr("No preview."));
        setMessage(m_preview.problem);
    }
    updateSaveButton();
}

void DifficultyDock::updateDataMapLayers()
{
    if (!m_dataMapStale || m_tabs->currentWidget() != m_dataMapPages || m_data.meanConfidence.empty())
        return;
    // Without a valid preview every point is drawn as "dropped otherwise" (gray).
    std::vector<int> layers(m_data.images.size(), 2);
    for (size_t i = 0; i < m_preview.reasons.size() && i < layers.size(); ++i)
        layers[i] = layerOf(m_preview.reasons[i]);
    m_dataMap->setLayerOf(layers);
    m_dataMapStale = false;
}

void DifficultyDock::setMessage(const QString &text, const QString &details)
{
    m_message->setText(text);
    m_message->setToolTip(details);
    m_message->setVisible(!text.isEmpty());
    m_message->setStyleSheet(QStringLiteral("color: #c62828;"));
}

QString DifficultyDock::summaryText() const
{
    return m_summary->text();
}

QString DifficultyDock::messageText() const
{
    return m_message->text();
}

void DifficultyDock::updateSaveButton()
{
    if (!m_controls)
        return;
    if (m_runActive)
        m_controls->setSaveEnabled(false, tr("A run is writing to the project: save when it has finished."));
    else if (m_project && m_project->isReadOnly())
        m_controls->setSaveEnabled(false, tr("The project file is read-only."));
    else
        m_controls->setSaveEnabled(m_data.state == DifficultyState::Ready);
}

bool DifficultyDock::saveSelection()
{
    if (!m_project || m_data.state != DifficultyState::Ready)
        return false;
    const PreviewSettings preview = m_controls->settings();
    const QString problem = previewProblem(preview);
    if (!problem.isEmpty()) {
        setMessage(problem);
        return false;
    }
    if (m_runActive) {
        setMessage(tr("A run is writing to the project: save the selection when it has finished."));
        return false;
    }
    SelectionOutcome outcome;
    try {
        PipelineSettings settings = PipelineSettings::fromJson(m_data.runSettings);
        settings.selector = preview.perClass ? SelectorKind::ClassAwareCutoff : SelectorKind::HardCutoff;
        settings.score = QStringLiteral("aum");
        settings.keepRatio = preview.keepRatio;
        settings.beta = preview.beta;
        settings.forceSeed = preview.forceSeed;
        settings.selectionName = m_controls->selectionName();
        JobContext job;
        outcome = selectFrom(*m_project, settings, m_data.scoresRun, job);
    } catch (const Error &error) {
        setMessage(tr("The selection was not saved: %1").arg(error.message()));
        return false;
    }
    m_data.newestSelection = latestSelection(*m_project);
    // A selection that drops a whole class is saved (the person asked for it) but never silently.
    setMessage(outcome.classesWithoutKept.isEmpty()
            ? QString()
            : tr("Saved, but it keeps no image of %1: a model trained on it cannot learn that. Keep more images or "
                 "lower beta.")
                  .arg(outcome.classesWithoutKept.join(QStringLiteral(", "))));
    m_summary->setText(
        tr("Saved \"%1\": keeps %2 of %3 images.")
            .arg(outcome.selectionName, QLocale().toString(outcome.kept), QLocale().toString(outcome.total)));
    Q_EMIT selectionSaved(outcome.selectionName);
    return true;
}

bool DifficultyDock::tuneBeta()
{
    if (!m_project || m_data.state != DifficultyState::Ready)
        return false;
    const PreviewSettings preview = m_controls->settings();
    if (m_runActive) {
        setMessage(tr("A run is writing to the project: tune when it has finished."));
        return false;
    }
    PipelineSettings settings;
    try {
        settings = PipelineSettings::fromJson(m_data.runSettings);
    } catch (const Error &error) {
        setMessage(error.message());
        return false;
    }
    settings.selector = preview.perClass ? SelectorKind::ClassAwareCutoff : SelectorKind::HardCutoff;
    settings.score = QStringLiteral("aum");
    settings.keepRatio = preview.keepRatio;
    settings.beta = -1;
    // On a worker thread with its own connection to the project file; nothing is written.
    const QString projectFile = m_project->filePath();
    const RunId scoresRun = m_data.scoresRun;
    TuningOutcome tuned;
    JobRunner runner(window());
    const JobOutcome outcome = runner.run(tr("Tuning β on Your Labels"), [&](JobContext &job) {
        const std::unique_ptr<Project> project = Project::open(projectFile);
        tuned = semiprune::tuneBeta(*project, settings, scoresRun, TuningSettings(), job);
    });
    if (!outcome.finished()) {
        setMessage(outcome.status == JobOutcome::Status::Cancelled ? tr("Tuning was cancelled; β is as it was.")
                                                                   : tr("β was not tuned: %1").arg(outcome.message));
        return false;
    }
    PreviewSettings chosen = preview;
    chosen.beta = tuned.chosenBeta;
    m_controls->setSettings(chosen);
    recomputePreview();
    QStringList rows;
    for (const TuningCandidate &candidate : tuned.candidates)
        rows << tr("β %1: %2 % right")
                    .arg(
                        QLocale().toString(candidate.beta, 'f', 1), QLocale().toString(candidate.mean() * 100, 'f', 1));
    setMessage(tuned.summary, rows.join(QLatin1Char('\n')));
    return true;
}

} // namespace semiprune::ui

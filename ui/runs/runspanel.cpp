#include "runspanel.h"

#include "runsettingsdialog.h"

#include "common/error.h"
#include "pipeline/trainingset.h"
#include "runresults.h"
#include "storage/project.h"
#include "storage/projectsummary.h"
#include "storage/resulttables.h"
#include "storage/runtable.h"
#include "storage/selectionclasses.h"

#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

namespace semiprune::ui {

namespace {

QString durationText(double seconds)
{
    if (seconds < 0)
        return QString();
    const int s = qRound(seconds);
    if (s < 60)
        return RunsPanel::tr("%1 s").arg(s);
    if (s < 3600)
        return RunsPanel::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return RunsPanel::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QString stageTitle(const QString &stage)
{
    if (stage == QLatin1String("ssl"))
        return RunsPanel::tr("FixMatch loss by step");
    if (stage == QLatin1String("dynamics"))
        return RunsPanel::tr("Proxy training loss by epoch");
    return RunsPanel::tr("%1 loss").arg(stage);
}

// The history shows what a run was and how it ended in words; the project stores identifiers.
QString runKindText(const QString &kind)
{
    if (kind == QLatin1String("ssl"))
        return RunsPanel::tr("FixMatch");
    if (kind == QLatin1String("pseudo-label"))
        return RunsPanel::tr("pseudo-labels");
    if (kind == QLatin1String("dynamics"))
        return RunsPanel::tr("proxy training");
    if (kind == QLatin1String("scores"))
        return RunsPanel::tr("scores");
    if (kind == QLatin1String("select") || kind == QLatin1String("selection"))
        return RunsPanel::tr("selection");
    return kind;
}

QString runStateText(RunState state)
{
    switch (state) {
    case RunState::Running:
        return RunsPanel::tr("running");
    case RunState::Finished:
        return RunsPanel::tr("finished");
    case RunState::Failed:
        return RunsPanel::tr("failed");
    case RunState::Cancelled:
        return RunsPanel::tr("cancelled");
    case RunState::Interrupted:
        return RunsPanel::tr("interrupted");
    }
    return runStateName(state);
}

// The result a person looks for first: how right the pseudo-labels are (where reference labels exist),
// then whatever else the run measured, timing details last.
QString keyMetrics(const QJsonObject &metrics)
{
    QStringList parts;
    const QLocale locale;
    if (const QJsonValue accuracy = metrics.value(QLatin1String("pseudo_label_accuracy")); accuracy.isDouble())
        parts << RunsPanel::tr("pseudo-labels %1 % right").arg(locale.toString(accuracy.toDouble() * 100.0, 'f', 1));
    for (auto it = metrics.constBegin(); it != metrics.constEnd() && parts.size() < 3; ++it) {
        const QString &key = it.key();
        // Timing details ("data_wait_s") say little about the result.
        if (key == QLatin1String("pseudo_label_accuracy") || key.endsWith(QLatin1String("_s"))
            || key.contains(QLatin1String("wait")) || key.contains(QLatin1String("per_second")))
            continue;
        if (it.value().isDouble())
            parts << QStringLiteral("%1 %2").arg(it.key(), locale.toString(it.value().toDouble(), 'g', 3));
    }
    return parts.join(QStringLiteral(", "));
}

// Every metric of a run, one per line, for the Key metrics column's tooltip.
QString allMetrics(const QJsonObject &metrics)
{
    QStringList lines;
    const QLocale locale;
    for (auto it = metrics.constBegin(); it != metrics.constEnd(); ++it) {
        if (it.value().isDouble())
            lines << QStringLiteral("%1: %2").arg(it.key(), locale.toString(it.value().toDouble(), 'g', 4));
        else if (it.value().isString())
            lines << QStringLiteral("%1: %2").arg(it.key(), it.value().toString());
    }
    return lines.join(QLatin1Char('\n'));
}

// What the newest pseudo-labels and selection came to, in a sentence or three; empty when the
// project has neither.
QString newestResultText(Project &project)
{
    const QLocale locale;
    QStringList sentences;
    const std::optional<RunRecord> pseudoLabels = RunTable(project.db()).latestFinished(QStringLiteral("pseudo-label"));
    if (pseudoLabels) {
        const QJsonValue accuracy = pseudoLabels->metrics.value(QLatin1String("pseudo_label_accuracy"));
        sentences << (accuracy.isDouble() ? RunsPanel::tr("Pseudo-labels %1 % right (against the reference labels).")
                                                .arg(locale.toString(accuracy.toDouble() * 100.0, 'f', 1))
                                          : RunsPanel::tr("Pseudo-labels ready (no reference labels to check them)."));
    }
    if (const std::optional<SelectionRecord> selection = latestSelection(project)) {
        QString line = RunsPanel::tr("Selection \"%1\" keeps %2 of %3 images")
                           .arg(selection->name.toHtmlEscaped(), locale.toString(selection->kept),
                               locale.toString(selection->total));
        const std::vector<SelectionClassCount> counts = selectionClassCounts(project.db(), selection->id);
        if (counts.size() > 1) {
            const auto [fewest, most] = std::minmax_element(counts.begin(), counts.end(),
                [](const SelectionClassCount &a, const SelectionClassCount &b) { return a.kept < b.kept; });
            line += RunsPanel::tr(", from %1 (%2) to %3 (%4) per class")
                        .arg(locale.toString(fewest->kept), fewest->name.toHtmlEscaped(), locale.toString(most->kept),
                            most->name.toHtmlEscaped());
        }
        sentences << line + QLatin1Char('.');
        const QStringList dropped = droppedClasses(counts);
        if (!dropped.isEmpty())
            sentences << QStringLiteral("<b>%1</b>")
                             .arg(RunsPanel::tr("No image kept of: %1.")
                                      .arg(dropped.join(QStringLiteral(", ")).toHtmlEscaped()));
    }
    return sentences.join(QLatin1Char(' '));
}

} // namespace

RunsPanel::RunsPanel(QWidget *parent)
    : QDockWidget(tr("Runs"), parent), m_runner(new PipelineRunner(this)),
      m_stage(new QLabel(tr("No run in progress."))), m_progress(new QProgressBar), m_eta(new QLabel),
      m_cancel(new QPushButton(tr("Cancel"))), m_resume(new QPushButton(tr("Resume"))), m_chart(new QChart),
      m_chartView(new QChartView(m_chart)), m_xAxis(new QValueAxis), m_yAxis(new QValueAxis),
      m_accuracyAxis(new QValueAxis), m_history(new QTreeWidget)
{
    setObjectName(QStringLiteral("runsPanel"));
    m_stage->setObjectName(QStringLiteral("runStage"));
    m_stage->setWordWrap(true);
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_eta->setObjectName(QStringLiteral("runEta"));
    m_cancel->setObjectName(QStringLiteral("runCancel"));
    m_cancel->setEnabled(false);
    m_cancel->setToolTip(tr("Stops after the current training step; finished stages stay reusable."));
    m_resume->setObjectName(QStringLiteral("runResume"));
    m_resume->setVisible(false);
    m_resume->setToolTip(tr("Starts the interrupted run again with its settings, from its last checkpoint."));
    m_history->setObjectName(QStringLiteral("runHistory"));
    m_history->setRootIsDecorated(false);
    m_history->setUniformRowHeights(true);
    m_history->setHeaderLabels({ tr("Kind"), tr("State"), tr("Started"), tr("Took"), tr("Device"), tr("Key metrics") });
    m_history->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(6, 6, 6, 6);
    topLayout->addWidget(m_stage);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_progress, 1);
    bar->addWidget(m_eta);
    bar->addWidget(m_cancel);
    bar->addWidget(m_resume);
    topLayout->addLayout(bar);
    topLayout->addWidget(makeChart(), 1);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(top);
    splitter->addWidget(m_history);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setWidget(splitter);

    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_runner->cancel();
        m_cancel->setEnabled(false);
        m_stage->setText(tr("Cancelling: the run stops after the current training step…"));
    });
    connect(m_resume, &QPushButton::clicked, this, &RunsPanel::resume);
    connect(m_runner, &PipelineRunner::started, this, &RunsPanel::onStarted);
    connect(m_runner, &PipelineRunner::progressed, this, &RunsPanel::onProgress);
    connect(m_runner, &PipelineRunner::metricArrived, this, &RunsPanel::onMetric);
    connect(m_runner, &PipelineRunner::finished, this, &RunsPanel::onFinished);
}

QWidget *RunsPanel::makeChart()
{
    m_chart->legend()->hide();
    m_chart->setTitle(tr("Loss"));
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->addAxis(m_xAxis, Qt::AlignBottom);
    m_chart->addAxis(m_yAxis, Qt::AlignLeft);
    m_chart->addAxis(m_accuracyAxis, Qt::AlignRight);
    m_accuracyAxis->setRange(0, 100);
    m_accuracyAxis->setLabelFormat(QStringLiteral("%d %"));
    m_accuracyAxis->setTitleText(tr("Accuracy"));
    m_accuracyAxis->setVisible(false);
    m_xAxis->setLabelFormat(QStringLiteral("%d"));
    // At least 4 steps wide: the axis has 5 whole-number ticks, which would repeat on a shorter range.
    m_xAxis->setRange(0, 4);
    m_yAxis->setRange(0, 1);
    m_chartView->setObjectName(QStringLiteral("lossChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(160);
    return m_chartView;
}

void RunsPanel::setProject(Project *project)
{
    cancelAndWait();
    m_project = project;
    // Nothing of the previous project stays: its last stage text, progress and curves.
    m_phase.clear();
    m_stage->setText(tr("No run in progress."));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_eta->clear();
    m_cancel->setEnabled(false);
    clearChart();
    showStoredCurves();
    refreshHistory();
    showNewestResult();
}

void RunsPanel::showNewestResult()
{
    if (!m_project || m_runner->isRunning())
        return;
    const QString text = newestResultText(*m_project);
    m_stage->setText(text.isEmpty() ? tr("No run in progress.") : text);
}

void RunsPanel::clearChart()
{
    for (QLineSeries *series : std::as_const(m_series)) {
        m_chart->removeSeries(series);
        delete series;
    }
    m_series.clear();
    if (m_accuracy) {
        m_chart->removeSeries(m_accuracy);
        delete m_accuracy;
        m_accuracy = nullptr;
    }
    m_accuracyAxis->setVisible(false);
    m_chart->legend()->hide();
    m_chart->setTitle(tr("Loss"));
    m_maxY = 0;
    m_maxX = 4;
    m_xAxis->setRange(0, double(m_maxX));
    m_yAxis->setRange(0, 1);
}

void RunsPanel::showStoredCurves()
{
    if (!m_project)
        return;
    // The newest training run's curves, as they were drawn while it ran.
    RunTable runs(m_project->db());
    std::vector<RunRecord> all = runs.all();
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
        if (it->kind != QLatin1String("ssl") && it->kind != QLatin1String("dynamics"))
            continue;
        for (const char *name : { "loss", "pseudo_label_accuracy", "train_accuracy" })
            for (const auto &[step, value] : runs.metricPoints(it->id, QLatin1String(name)))
                onMetric(it->kind, QLatin1String(name), step, value);
        return;
    }
}

std::optional<PipelineSettings> RunsPanel::lastSettings() const
{
    if (!m_project)
        return std::nullopt;
    std::vector<RunRecord> all = RunTable(m_project->db()).all();
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
        if (it->kind != QLatin1String("ssl") && it->kind != QLatin1String("pseudo-label")
            && it->kind != QLatin1String("dynamics") && it->kind != QLatin1String("scores"))
            continue;
        try {
            PipelineSettings settings = PipelineSettings::fromJson(it->parameters);
            settings.selectionName.clear(); // a name is for one selection
            return settings;
        } catch (const Error &) {
            return std::nullopt; // settings this version cannot read: the defaults
        }
    }
    return std::nullopt;
}

bool RunsPanel::askAndStart()
{
    if (!m_project || m_runner->isRunning())
        return false;
    const ProjectSummary summary = summarizeProject(*m_project);
    RunSettingsDialog dialog(summary.trainableLabeled, summary.trainableClasses, summary.trainable, this);
    // The project's last settings, not the defaults: Start without a look repeats the last run.
    if (const auto last = lastSettings())
        dialog.setSettings(*last);
    dialog.setTrainingResolution(trainingResolutionSetting(*m_project));
    if (dialog.exec() != QDialog::Accepted)
        return false;
    if (dialog.trainingResolution() != trainingResolutionSetting(*m_project)) {
        try {
            setTrainingResolution(*m_project, dialog.trainingResolution());
        } catch (const Error &failure) {
            QMessageBox::warning(this, tr("Cannot Start the Run"), failure.message());
            return false;
        }
    }
    return start(dialog.settings());
}

bool RunsPanel::start(const PipelineSettings &settings)
{
    if (!m_project)
        return false;
    clearChart();
    show();
    raise();
    return m_runner->start(m_project->filePath(), settings);
}

void RunsPanel::cancelAndWait()
{
    if (!m_runner->isRunning())
        return;
    m_runner->cancel();
    m_runner->wait();
    QCoreApplication::sendPostedEvents(m_runner); // deliver the end, so the history is right
}

void RunsPanel::onStarted()
{
    m_phase.clear();
    m_stage->setText(tr("Starting…"));
    m_progress->setRange(0, 0);
    m_eta->clear();
    m_cancel->setEnabled(true);
    m_resume->setVisible(false);
    Q_EMIT runningChanged(true);
}

void RunsPanel::onProgress(const QString &phase, qint64 done, qint64 total, double etaSeconds)
{
    if (m_runner->isCancelling())
        return;
    if (phase != m_phase) { // a new stage: its run row exists now
        m_phase = phase;
        refreshHistory();
    }
    const QLocale locale;
    m_stage->setText(total > 0 ? tr("%1: %2 of %3").arg(phase, locale.toString(done), locale.toString(total)) : phase);
    if (total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(1000.0 * double(done) / double(total)));
    } else {
        m_progress->setRange(0, 0);
    }
    m_eta->setText(etaSeconds >= 0 ? tr("%1 left").arg(durationText(etaSeconds)) : QString());
}

void RunsPanel::onMetric(const QString &stage, const QString &name, qint64 step, double value)
{
    const bool accuracy = name == QLatin1String("pseudo_label_accuracy") || name == QLatin1String("train_accuracy");
    if (name != QLatin1String("loss") && !accuracy)
        return;
    QLineSeries *series = m_series.value(stage);
    if (!series) {
        clearChart(); // one stage at a time: steps and epochs do not share an axis
        series = new QLineSeries;
        series->setName(stage);
        m_chart->addSeries(series);
        series->attachAxis(m_xAxis);
        series->attachAxis(m_yAxis);
        m_series.insert(stage, series);
        m_chart->setTitle(stageTitle(stage));
    }
    if (accuracy) {
        if (!m_accuracy) {
            m_accuracy = new QLineSeries;
            m_accuracy->setName(
                name == QLatin1String("train_accuracy") ? tr("Training accuracy") : tr("Pseudo-label accuracy"));
            m_chart->addSeries(m_accuracy);
            m_accuracy->attachAxis(m_xAxis);
            m_accuracy->attachAxis(m_accuracyAxis);
            m_accuracyAxis->setVisible(true);
            series->setName(tr("Loss"));
            m_chart->legend()->show();
            m_chart->legend()->setAlignment(Qt::AlignBottom);
        }
        m_accuracy->append(double(step), value * 100.0);
        m_maxX = std::max(m_maxX, step);
        m_xAxis->setRange(0, double(m_maxX));
        return;
    }
    series->append(double(step), value);
    m_maxX = std::max(m_maxX, step);
    m_maxY = std::max(m_maxY, value);
    m_xAxis->setRange(0, double(m_maxX));
    m_yAxis->setRange(0, m_maxY * 1.05 + 1e-9);
}

void RunsPanel::onFinished(PipelineRunner::Outcome outcome, const QString &message)
{
    m_cancel->setEnabled(false);
    m_progress->setRange(0, 1000);
    m_eta->clear();
    switch (outcome) {
    case PipelineRunner::Outcome::Finished: {
        m_progress->setValue(1000);
        m_stage->setText(tr("Finished.") + QLatin1Char(' ') + newestResultText(*m_project));
        break;
    }
    case PipelineRunner::Outcome::Cancelled:
        m_progress->setValue(0);
        m_stage->setText(tr("Cancelled. Starting again resumes from the last checkpoint."));
        break;
    case PipelineRunner::Outcome::Failed:
        m_progress->setValue(0);
        m_stage->setText(tr("Failed: %1").arg(message));
        break;
    }
    refreshHistory();
    Q_EMIT runningChanged(false);
    Q_EMIT runEnded(outcome, message);
}

void RunsPanel::refreshHistory()
{
    m_history->clear();
    m_resumable.reset();
    m_resume->setVisible(false);
    if (!m_project)
        return;
    const QLocale locale;
    std::vector<RunRecord> runs = RunTable(m_project->db()).all();
    std::sort(runs.begin(), runs.end(), [](const RunRecord &a, const RunRecord &b) { return a.id.value > b.id.value; });
    for (const RunRecord &run : runs) {
        auto *item = new QTreeWidgetItem(m_history);
        item->setText(0, runKindText(run.kind));
        item->setText(1, runStateText(run.state));
        item->setText(2, locale.toString(QDateTime::fromMSecsSinceEpoch(run.startedAtMs), QLocale::ShortFormat));
        item->setText(3, run.finishedAtMs > 0 ? durationText(run.activeSeconds()) : QString());
        item->setText(4, run.device);
        item->setText(5, keyMetrics(run.metrics));
        item->setToolTip(5, allMetrics(run.metrics));
        item->setData(0, Qt::UserRole, run.id.value);
        if (run.state == RunState::Failed || run.state == RunState::Cancelled || run.state == RunState::Interrupted)
            item->setForeground(1, QColor(0xc6, 0x28, 0x28));
    }
    // The newest training run, if it stopped before its end, can go on where it stopped.
    for (const RunRecord &run : runs) {
        if (run.kind != QLatin1String("ssl") && run.kind != QLatin1String("dynamics"))
            continue;
        if (run.state == RunState::Cancelled || run.state == RunState::Interrupted) {
            try {
                m_resumable = PipelineSettings::fromJson(run.parameters);
            } catch (const Error &) {
                m_resumable.reset(); // settings this version cannot read: start anew from the dialog
            }
        }
        break;
    }
    m_resume->setVisible(m_resumable.has_value() && !m_runner->isRunning());
}

QString RunsPanel::stageText() const
{
    return m_stage->text();
}

int RunsPanel::accuracyPointCount() const
{
    return m_accuracy ? int(m_accuracy->count()) : 0;
}

bool RunsPanel::resume()
{
    if (!m_resumable || m_runner->isRunning())
        return false;
    const PipelineSettings settings = *m_resumable;
    return start(settings);
}

int RunsPanel::chartPointCount() const
{
    int count = 0;
    for (const QLineSeries *series : m_series)
        count += int(series->count());
    return count;
}

} // namespace semiprune::ui

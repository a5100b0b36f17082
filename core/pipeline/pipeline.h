#pragma once

#include "common/ids.h"
#include "jobs/pipelinesettings.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace semiprune {

class DistributedGroup;
class JobContext;
class Project;
struct TrainingSet;
struct TuningOutcome;
struct TuningSettings;

enum class PipelineStage { Ssl, PseudoLabel, Dynamics, Scores, Select };
QString pipelineStageName(PipelineStage stage);
PipelineStage pipelineStageFromName(const QString &name); // throws Error

struct PipelineResult {
    RunId sslRun; // invalid when skipped (fully labeled data)
    RunId dynamicsRun;
    RunId scoresRun;
    qint64 selectionId = 0;
    QString selectionName;
    qint64 kept = 0;
    qint64 total = 0;
    double pseudoLabelAccuracy = -1; // against hidden reference labels, where there are any
    QStringList classesWithoutKept; // classes the selection keeps no image of (see SelectionOutcome)
    bool reusedSsl = false;
    bool reusedDynamics = false;
    bool resumed = false;
    double seconds = 0;
};

// The method of method.md, stage by stage, on a project: FixMatch on the labeled seed and every
// unlabeled image, pseudo-labels, proxy training recording training dynamics, difficulty scores,
// and a coreset selection. A stage whose inputs and settings match a finished run is reused; one
// that was interrupted or cancelled resumes from its last checkpoint. With every image labeled,
// FixMatch and pseudo-labels are skipped (supervised pruning). Every run is recorded in the project
// with its settings, device, threads, timing and metrics.
//
// Thread rules: run on one worker thread with the project opened there; the JobContext may be
// cancelled from any thread; the metric callback runs on the worker.
class Pipeline final {
public:
    using MetricCallback = std::function<void(const QString &stage, const QString &name, qint64 step, double value)>;

    Pipeline(Project &project, PipelineSettings settings, JobContext &job);
    ~Pipeline();

    void setMetricCallback(MetricCallback callback);
    // Rank 0 of a distributed run: FixMatch and the proxy run train data-parallel with the group's
    // other ranks (which run followLeader); everything else, and every write, stays here.
    void setDistributedGroup(std::shared_ptr<DistributedGroup> group);

    // Runs every stage up to and including `last`. Takes the project's run lock for its duration.
    PipelineResult run(PipelineStage last = PipelineStage::Select);

    // Stage 6 alone, from the newest finished scores: cheap, for trying keep ratios and selectors.
    // With `tuning`, beta is first chosen on the project's own labels (tuneBeta, minutes of
    // training), and its outcome goes to *tuned when given.
    PipelineResult selectOnly(const TuningSettings *tuning = nullptr, TuningOutcome *tuned = nullptr);

private:
    struct Stages;
    Project &m_project;
    PipelineSettings m_settings;
    JobContext &m_job;
    MetricCallback m_metric;
    std::shared_ptr<DistributedGroup> m_group;
};

} // namespace semiprune

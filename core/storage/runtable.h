#pragma once

#include "common/ids.h"

#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace semiprune {

class Database;

enum class RunState { Running, Finished, Failed, Cancelled, Interrupted };
QString runStateName(RunState state);
RunState runStateFromName(const QString &name);

struct RunRecord {
    RunId id;
    QString kind; // ssl, pseudo-label, dynamics, scores, select, pipeline
    RunState state = RunState::Running;
    QJsonObject parameters;
    QString fingerprint; // equal fingerprints: same inputs and settings, so results can be reused
    QString device;
    int threads = 0;
    QString precision = QStringLiteral("float32"); // the arithmetic used: "float32" or "bfloat16"
    qint64 ownerPid = 0;
    qint64 startedAtMs = 0;
    qint64 finishedAtMs = 0;
    qint64 pausedMs = 0; // time between stops and resumes, not spent on the run
    qint64 lastProgressAtMs = 0; // 0: no progress recorded yet
    qint64 progress = 0;
    qint64 total = 0;
    QJsonObject metrics;
    QString message;
    RunId parent;

    // Seconds spent running, pauses before resumes excluded; 0 while unfinished.
    double activeSeconds() const;
};

// Runs of the learning jobs and their bookkeeping. Same thread rules as its Database.
class RunTable final {
public:
    explicit RunTable(Database &db);

    RunId start(const RunRecord &run);
    void setProgress(RunId id, qint64 progress, qint64 total);
    void setMetrics(RunId id, const QJsonObject &metrics);
    void finish(RunId id, RunState state, const QString &message = {});
    // As finish(), but records the run as stopped at finishedAtMs instead of now.
    void finishAt(RunId id, RunState state, const QString &message, qint64 finishedAtMs);
    // Marks an interrupted or cancelled run as running again in this process (resuming it); the
    // time since it stopped is recorded as a pause.
    void revive(RunId id);
    void addMetricPoints(RunId id, const QString &name, const std::vector<std::pair<qint64, double>> &points);
    std::vector<std::pair<qint64, double>> metricPoints(RunId id, const QString &name);

    std::optional<RunRecord> find(RunId id);
    std::vector<RunRecord> all();
    // The newest run of this kind and fingerprint in one of the given states.
    std::optional<RunRecord> latest(
        const QString &kind, const QString &fingerprint, const std::vector<RunState> &states);
    std::optional<RunRecord> latestFinished(const QString &kind);

    // Runs still marked running whose process is gone (killed, crashed) become interrupted, as
    // stopped when they last reported progress.
    int markAbandonedRunsInterrupted();

    // The images a run trained on (its per-image data is in this order) and the classes of its model.
    void setImages(RunId id, const std::vector<ImageId> &images, const std::vector<int> &labels);
    std::vector<ImageId> images(RunId id);
    std::vector<int> imageLabels(RunId id);
    void setClasses(RunId id, const std::vector<ClassId> &classes);
    std::vector<ClassId> classes(RunId id);

private:
    Database &m_db;
};

} // namespace semiprune

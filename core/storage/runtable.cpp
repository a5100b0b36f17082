#include "runtable.h"

#include "common/error.h"
#include "database.h"
#include "labeltable.h"
#include "statement.h"
#include "transaction.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace semiprune {

namespace {

constexpr const char *kColumns
    = "id, kind, state, parameters, fingerprint, device, threads, owner_pid, started_at, "
      "finished_at, progress, total, metrics, message, parent_id, paused_ms, last_progress_at, precision";

QString toText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject fromText(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

RunRecord fromRow(const Statement &row)
{
    RunRecord run;
    run.id = RunId(row.int64(0));
    run.kind = row.text(1);
    run.state = runStateFromName(row.text(2));
    run.parameters = fromText(row.text(3));
    run.fingerprint = row.text(4);
    run.device = row.text(5);
    run.threads = row.integer(6);
    run.ownerPid = row.int64(7);
    run.startedAtMs = row.int64(8);
    run.finishedAtMs = row.int64(9);
    run.progress = row.int64(10);
    run.total = row.int64(11);
    run.metrics = fromText(row.text(12));
    run.message = row.text(13);
    run.parent = RunId(row.isNull(14) ? 0 : row.int64(14));
    run.pausedMs = row.int64(15);
    run.lastProgressAtMs = row.isNull(16) ? 0 : row.int64(16);
    run.precision = row.text(17);
    return run;
}

bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

} // namespace

QString runStateName(RunState state)
{
    switch (state) {
    case RunState::Running:
        return QStringLiteral("running");
    case RunState::Finished:
        return QStringLiteral("finished");
    case RunState::Failed:
        return QStringLiteral("failed");
    case RunState::Cancelled:
        return QStringLiteral("cancelled");
    case RunState::Interrupted:
        return QStringLiteral("interrupted");
    }
    return {};
}

RunState runStateFromName(const QString &name)
{
    for (RunState state :
        { RunState::Running, RunState::Finished, RunState::Failed, RunState::Cancelled, RunState::Interrupted }) {
        if (runStateName(state) == name)
            return state;
    }
    throw Error(QCoreApplication::translate("RunTable", "Unknown run state \"%1\".").arg(name));
}

double RunRecord::activeSeconds() const
{
    const qint64 active = finishedAtMs - startedAtMs - pausedMs;
    return finishedAtMs > 0 && active > 0 ? active / 1000.0 : 0.0;
}

RunTable::RunTable(Database &db) : m_db(db) { }

RunId RunTable::start(const RunRecord &run)
{
    Statement insert = m_db.prepare("INSERT INTO runs(kind, state, parameters, fingerprint, device, threads, "
                                    "owner_pid, started_at, total, parent_id, precision) "
                                    "VALUES(?1, 'running', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    insert.bind(1, run.kind)
        .bind(2, toText(run.parameters))
        .bind(3, run.fingerprint)
        .bind(4, run.device)
        .bind(5, run.threads)
        .bind(6, qint64(::getpid()))
        .bind(7, currentTimeMs())
        .bind(8, run.total);
    if (run.parent.isValid())
        insert.bind(9, run.parent.value);
    else
        insert.bindNull(9);
    insert.bind(10, run.precision);
    insert.run();
    return RunId(m_db.lastInsertRowId());
}

void RunTable::setProgress(RunId id, qint64 progress, qint64 total)
{
    Statement update = m_db.prepare("UPDATE runs SET progress = ?1, total = ?2, last_progress_at = ?3 WHERE id = ?4");
    update.bind(1, progress).bind(2, total).bind(3, currentTimeMs()).bind(4, id.value).run();
}

void RunTable::setMetrics(RunId id, const QJsonObject &metrics)
{
    Statement update = m_db.prepare("UPDATE runs SET metrics = ?1 WHERE id = ?2");
    update.bind(1, toText(metrics)).bind(2, id.value).run();
}

void RunTable::finish(RunId id, RunState state, const QString &message)
{
    finishAt(id, state, message, currentTimeMs());
}

void RunTable::finishAt(RunId id, RunState state, const QString &message, qint64 finishedAtMs)
{
    Statement update
        = m_db.prepare("UPDATE runs SET state = ?1, finished_at = ?2, message = ?3, owner_pid = NULL WHERE id = ?4");
    update.bind(1, runStateName(state)).bind(2, finishedAtMs);
    if (message.isEmpty())
        update.bindNull(3);
    else
        update.bind(3, message);
    update.bind(4, id.value).run();
}

void RunTable::revive(RunId id)
{
    Statement update
        = m_db.prepare("UPDATE runs SET state = 'running', "
                       "paused_ms = paused_ms + max(0, ?1 - coalesce(finished_at, ?1)), last_progress_at = ?1, "
                       "finished_at = NULL, message = NULL, owner_pid = ?2 WHERE id = ?3");
    update.bind(1, currentTimeMs()).bind(2, qint64(::getpid())).bind(3, id.value).run();
}

void RunTable::addMetricPoints(RunId id, const QString &name, const std::vector<std::pair<qint64, double>> &points)
{
    Statement insert
        = m_db.prepare("INSERT OR REPLACE INTO run_metrics(run_id, name, step, value) VALUES(?1, ?2, ?3, ?4)");
    for (const auto &[step, value] : points) {
        insert.reset();
        insert.bind(1, id.value).bind(2, name).bind(3, step).bind(4, value).run();
    }
}

std::vector<std::pair<qint64, double>> RunTable::metricPoints(RunId id, const QString &name)
{
    Statement query = m_db.prepare("SELECT step, value FROM run_metrics WHERE run_id = ?1 AND name = ?2 ORDER BY step");
    query.bind(1, id.value).bind(2, name);
    std::vector<std::pair<qint64, double>> points;
    while (query.step())
        points.emplace_back(query.int64(0), query.real(1));
    return points;
}

std::optional<RunRecord> RunTable::find(RunId id)
{
    Statement query = m_db.prepare((QByteArray("SELECT ") + kColumns + " FROM runs WHERE id = ?1").constData());
    if (!query.bind(1, id.value).step())
        return std::nullopt;
    return fromRow(query);
}

std::vector<RunRecord> RunTable::all()
{
    Statement query = m_db.prepare((QByteArray("SELECT ") + kColumns + " FROM runs ORDER BY id").constData());
    std::vector<RunRecord> runs;
    while (query.step())
        runs.push_back(fromRow(query));
    return runs;
}

std::optional<RunRecord> RunTable::latest(
    const QString &kind, const QString &fingerprint, const std::vector<RunState> &states)
{
    Statement query = m_db.prepare(
        (QByteArray("SELECT ") + kColumns + " FROM runs WHERE kind = ?1 AND fingerprint = ?2 ORDER BY id DESC")
            .constData());
    query.bind(1, kind).bind(2, fingerprint);
    while (query.step()) {
        const RunRecord run = fromRow(query);
        if (std::find(states.begin(), states.end(), run.state) != states.end())
            return run;
    }
    return std::nullopt;
}

std::optional<RunRecord> RunTable::latestFinished(const QString &kind)
{
    Statement query = m_db.prepare((
        QByteArray("SELECT ") + kColumns + " FROM runs WHERE kind = ?1 AND state = 'finished' ORDER BY id DESC LIMIT 1")
                                       .constData());
    if (!query.bind(1, kind).step())
        return std::nullopt;
    return fromRow(query);
}

int RunTable::markAbandonedRunsInterrupted()
{
    // A killed run stopped at its last sign of life, not now: the time since then is a pause if it resumes.
    std::vector<std::pair<RunId, qint64>> abandoned;
    {
        Statement query = m_db.prepare("SELECT id, owner_pid, max(started_at, coalesce(last_progress_at, started_at)) "
                                       "FROM runs WHERE state = 'running'");
        while (query.step()) {
            if (!processAlive(query.int64(1)))
                abandoned.emplace_back(RunId(query.int64(0)), query.int64(2));
        }
    }
    const QString message = QCoreApplication::translate("RunTable", "the process running it ended unexpectedly");
    for (const auto &[id, stoppedAtMs] : abandoned)
        finishAt(id, RunState::Interrupted, message, stoppedAtMs);
    return int(abandoned.size());
}

void RunTable::setImages(RunId id, const std::vector<ImageId> &images, const std::vector<int> &labels)
{
    Statement insert = m_db.prepare("INSERT INTO run_images(run_id, position, image_id, label) VALUES(?1, ?2, ?3, ?4)");
    for (size_t i = 0; i < images.size(); ++i) {
        insert.reset();
        insert.bind(1, id.value)
            .bind(2, qint64(i))
            .bind(3, images[i].value)
            .bind(4, i < labels.size() ? labels[i] : -1)
            .run();
    }
}

std::vector<ImageId> RunTable::images(RunId id)
{
    Statement query = m_db.prepare("SELECT image_id FROM run_images WHERE run_id = ?1 ORDER BY position");
    query.bind(1, id.value);
    std::vector<ImageId> images;
    while (query.step())
        images.emplace_back(query.int64(0));
    return images;
}

std::vector<int> RunTable::imageLabels(RunId id)
{
    Statement query = m_db.prepare("SELECT label FROM run_images WHERE run_id = ?1 ORDER BY position");
    query.bind(1, id.value);
    std::vector<int> labels;
    while (query.step())
        labels.push_back(query.integer(0));
    return labels;
}

void RunTable::setClasses(RunId id, const std::vector<ClassId> &classes)
{
    Statement insert = m_db.prepare("INSERT INTO run_classes(run_id, position, class_id) VALUES(?1, ?2, ?3)");
    for (size_t i = 0; i < classes.size(); ++i) {
        insert.reset();
        insert.bind(1, id.value).bind(2, qint64(i)).bind(3, classes[i].value).run();
    }
}

std::vector<ClassId> RunTable::classes(RunId id)
{
    Statement query = m_db.prepare("SELECT class_id FROM run_classes WHERE run_id = ?1 ORDER BY position");
    query.bind(1, id.value);
    std::vector<ClassId> classes;
    while (query.step())
        classes.emplace_back(query.int64(0));
    return classes;
}

} // namespace semiprune

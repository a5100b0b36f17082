#include "scoringjob.h"

#include "common/error.h"
#include "jobcontext.h"
#include "pipelinesettings.h"
#include "scoring/scores.h"
#include "scoring/trainingdynamics.h"
#include "storage/database.h"
#include "storage/project.h"
#include "storage/resulttables.h"
#include "storage/runtable.h"
#include "storage/transaction.h"

#include <QCoreApplication>

namespace semiprune {

RunId computeScoresFor(Project &project, const PipelineSettings &settings, RunId dynamicsRun, JobContext &job)
{
    Database &db = project.db();
    RunTable runs(db);
    const QString fingerprint = QStringLiteral("dynamics:%1").arg(dynamicsRun.value);
    if (const auto done = runs.latest(QStringLiteral("scores"), fingerprint, { RunState::Finished }))
        return done->id;

    const std::vector<ImageId> images = runs.images(dynamicsRun);
    const std::vector<QByteArray> epochs = DynamicsTable(db).epochs(dynamicsRun);
    if (images.empty() || epochs.empty())
        throw Error(
            QCoreApplication::translate("ScoringJob", "Run %1 recorded no training dynamics.").arg(dynamicsRun.value));

    RunRecord record;
    record.kind = QStringLiteral("scores");
    record.parameters = settings.toJson();
    record.fingerprint = fingerprint;
    record.parent = dynamicsRun;
    record.device = QStringLiteral("cpu"); // plain arithmetic over the stored dynamics
    record.threads = 1;
    record.total = 4;
    const RunId run = runs.start(record);
    try {
        job.beginPhase(QCoreApplication::translate("ScoringJob", "Scoring difficulty"), 4);
        TrainingDynamics dynamics(int(images.size()));
        for (const QByteArray &epoch : epochs)
            dynamics.appendSerializedEpoch(epoch);

        Transaction transaction(db);
        ScoreTable scores(db);
        int done = 0;
        for (ScoreKind kind : { ScoreKind::Aum, ScoreKind::Forgetting, ScoreKind::El2n, ScoreKind::Dual }) {
            job.checkCancelled();
            if (kind == ScoreKind::Dual && dynamics.epochCount() < 2)
                continue; // DUAL needs a window of two epochs at least
            scores.set(run, scoreKindName(kind), images, computeScores(dynamics, kind));
            job.advance(++done);
        }
        if (dynamics.epochCount() >= 2) {
            const DualParameters dual = defaultDualParameters(dynamics.epochCount());
            scores.set(run, QStringLiteral("dual_confidence"), images, dualMeanConfidence(dynamics, dual.horizon));
        }
        runs.setProgress(run, 4, 4);
        runs.setMetrics(run,
            QJsonObject { { QStringLiteral("images"), int(images.size()) },
                { QStringLiteral("epochs"), dynamics.epochCount() } });
        runs.finish(run, RunState::Finished);
        transaction.commit();
        job.finishPhase();
    } catch (const JobCancelled &) {
        runs.finish(run, RunState::Cancelled);
        throw;
    } catch (const Error &error) {
        runs.finish(run, RunState::Failed, error.message());
        throw;
    }
    return run;
}

} // namespace semiprune

#include "pipeline.h"

#include "common/error.h"
#include "distributed/distributedgroup.h"
#include "jobs/jobcontext.h"
#include "jobs/pipelinesettings.h"
#include "jobs/runlock.h"
#include "jobs/scoringjob.h"
#include "jobs/selectionjob.h"
#include "learning/engineruntime.h"
#include "learning/fixmatchtrainer.h"
#include "learning/model.h"
#include "learning/precision.h"
#include "learning/predictions.h"
#include "learning/supervisedtrainer.h"
#include "learning/trainerconfigs.h"
#include "learning/trainingfollower.h"
#include "runfiles.h"
#include "scoring/trainingdynamics.h"
#include "selectiontuning.h"
#include "storage/database.h"
#include "storage/project.h"
#include "storage/resulttables.h"
#include "storage/runtable.h"
#include "storage/statement.h"
#include "storage/transaction.h"
#include "trainingset.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSet>

namespace semiprune {

namespace {

QString fingerprintOf(const QJsonObject &inputs)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(inputs).toJson(QJsonDocument::Compact), QCryptographicHash::Sha1)
            .toHex());
}

QString hashOfInts(const std::vector<qint64> &values)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(
        QByteArrayView(reinterpret_cast<const char *>(values.data()), qsizetype(values.size() * sizeof(qint64))));
    return QString::fromLatin1(hash.result().toHex());
}

// Buffers metric points and writes them in one transaction every so often, not a row per commit.
class MetricWriter {
public:
    MetricWriter(Database &db, RunId run) : m_db(db), m_run(run) { }
    void add(const QString &name, qint64 step, double value) { m_points[name].emplace_back(step, value); }
    void flush()
    {
        Transaction transaction(m_db);
        RunTable runs(m_db);
        for (auto it = m_points.begin(); it != m_points.end(); ++it)
            runs.addMetricPoints(m_run, it.key(), it.value());
        transaction.commit();
        m_points.clear();
    }

private:
    Database &m_db;
    RunId m_run;
    QHash<QString, std::vector<std::pair<qint64, double>>> m_points;
};

} // namespace

QString pipelineStageName(PipelineStage stage)
{
    switch (stage) {
    case PipelineStage::Ssl:
        return QStringLiteral("ssl");
    case PipelineStage::PseudoLabel:
        return QStringLiteral("pseudo-label");
    case PipelineStage::Dynamics:
        return QStringLiteral("dynamics");
    case PipelineStage::Scores:
        return QStringLiteral("scores");
    case PipelineStage::Select:
        return QStringLiteral("select");
    }
    return {};
}

PipelineStage pipelineStageFromName(const QString &name)
{
    for (PipelineStage stage : { PipelineStage::Ssl, PipelineStage::PseudoLabel, PipelineStage::Dynamics,
             PipelineStage::Scores, PipelineStage::Select }) {
        if (pipelineStageName(stage) == name)
            return stage;
    }
    throw Error(QCoreApplication::translate(
        "Pipeline", "Unknown stage \"%1\": use ssl, pseudo-label, dynamics, scores or select.")
                    .arg(name));
}

struct Pipeline::Stages {
    Project &project;
    Database &db;
    const PipelineSettings &settings;
    JobContext &job;
    const MetricCallback &metric;
    std::shared_ptr<DistributedGroup> group;
    TrainingSet set;
    PipelineResult result;
    Precision precision = Precision::Float32; // resolved for the network and this processor

    void emitMetric(const QString &stage, const QString &name, qint64 step, double value) const
    {
        if (metric)
            metric(stage, name, step, value);
    }

    QJsonObject imagesAndShape() const
    {
        std::vector<qint64> ids;
        for (ImageId id : set.images)
            ids.push_back(id.value);
        return QJsonObject { { QStringLiteral("images"), hashOfInts(ids) },
            { QStringLiteral("width"), set.bank->width() }, { QStringLiteral("height"), set.bank->height() },
            { QStringLiteral("channels"), set.bank->channels() } };
    }

    // The network is part of a stage's inputs only when chosen by hand: "auto" follows the shape,
    // which the inputs hold already.
    void insertModelChoice(QJsonObject &inputs) const
    {
        if (settings.training.model != ModelKind::Auto)
            inputs.insert(QStringLiteral("model"), modelKindName(settings.training.model));
        // Float32 adds nothing, so the runs recorded before precision existed keep matching.
        if (precision != Precision::Float32)
            inputs.insert(QStringLiteral("precision"), precisionName(precision));
    }

    QString labelsHash(const std::vector<int> &labels) const
    {
        std::vector<qint64> values;
        for (size_t i = 0; i < labels.size(); ++i)
            values.push_back(labels[i] < 0 ? -1 : set.classes[size_t(labels[i])].value);
        return hashOfInts(values);
    }

    RunRecord newRun(const QString &kind, const QString &fingerprint, qint64 total) const
    {
        RunRecord run;
        run.kind = kind;
        run.parameters = settings.toJson();
        if (group && group->size() > 1) // trained data-parallel; only the run's speed depends on it
            run.parameters.insert(QStringLiteral("ranks"), group->size());
        run.fingerprint = fingerprint;
        run.device = EngineRuntime::deviceName(settings.training.device);
        run.threads = EngineRuntime::threads();
        run.precision = precisionName(precision);
        run.total = total;
        return run;
    }

    // Starts a run, or revives an interrupted one with the same fingerprint whose checkpoint is there.
    RunId startOrResume(const RunRecord &record, const std::function<void(const QString &)> &loadCheckpoint)
    {
        RunTable runs(db);
        const auto old = runs.latest(
            record.kind, record.fingerprint, { RunState::Interrupted, RunState::Cancelled, RunState::Failed });
        if (old && RunFiles::hasCheckpoint(project, old->id)) {
            loadCheckpoint(RunFiles::checkpointPath(project, old->id));
            runs.revive(old->id);
            result.resumed = true;
            return old->id;
        }
        return runs.start(record);
    }

    // Runs `body` for a run; records failure or cancellation on the way out.
    template<typename Body> void guarded(RunId run, Body body)
    {
        try {
            body();
        } catch (const JobCancelled &) {
            RunTable(db).finish(run, RunState::Cancelled,
                QCoreApplication::translate("Pipeline", "cancelled; resumes from the last checkpoint"));
            throw;
        } catch (const Error &error) {
            RunTable(db).finish(run, RunState::Failed, error.message());
            throw;
        } catch (const std::exception &error) {
            RunTable(db).finish(run, RunState::Failed, QString::fromLocal8Bit(error.what()));
            throw;
        }
    }

    void finishRun(RunId run, const QJsonObject &metrics, qint64 progress, qint64 total)
    {
        Transaction transaction(db);
        RunTable runs(db);
        runs.setProgress(run, progress, total);
        runs.setMetrics(run, metrics);
        runs.finish(run, RunState::Finished);
        transaction.commit();
        RunFiles::removeCheckpoint(project, run);
    }

    bool hasReferenceLabels() const
    {
        return std::any_of(
            set.referenceLabels.begin(), set.referenceLabels.end(), [](int label) { return label >= 0; });
    }

    // Stage 2. Returns the run whose model makes the pseudo-labels.
    RunId ssl()
    {
        std::vector<int> labeled, labels;
        for (size_t i = 0; i < set.humanLabels.size(); ++i) {
            if (set.humanLabels[i] >= 0) {
                labeled.push_back(int(i));
                labels.push_back(set.humanLabels[i]);
            }
        }
        QJsonObject inputs = imagesAndShape();
        inputs.insert(QStringLiteral("labels"), labelsHash(set.humanLabels));
        // The last two are absent from the settings' JSON under the method's rule (inserting an
        // absent value inserts nothing), so fingerprints of runs made before they existed still match.
        for (const char *key : { "ssl_steps", "batch_size", "mu", "threshold", "seed", "allow_flip", "threshold_mode",
                 "distribution_alignment" })
            inputs.insert(QLatin1String(key), settings.toJson().value(QLatin1String(key)));
        insertModelChoice(inputs);
        const QString fingerprint = fingerprintOf(inputs);

        RunTable runs(db);
        if (const auto done = runs.latest(QStringLiteral("ssl"), fingerprint, { RunState::Finished });
            done && !ModelTable(db).load(done->id).isEmpty()) {
            result.reusedSsl = true;
            result.sslRun = done->id;
            return done->id;
        }

        FixMatchTrainer trainer(
            *set.bank, labeled, labels, int(set.classes.size()), fixMatchConfigFor(settings.training));
        if (hasReferenceLabels())
            trainer.setReferenceLabels(set.referenceLabels);
        trainer.setDistributedGroup(group);

        const RunId run = startOrResume(newRun(QStringLiteral("ssl"), fingerprint, settings.training.sslSteps),
            [&](const QString &path) { trainer.loadCheckpoint(path); });
        trainer.setCheckpointPath(RunFiles::checkpointPath(project, run)); // named after the run, known only now
        runs.setProgress(run, trainer.step(), settings.training.sslSteps);
        result.sslRun = run;
        guarded(run, [&] {
            MetricWriter writer(db, run);
            FixMatchMetrics last;
            job.beginPhase(QCoreApplication::translate("Pipeline", "Semi-supervised training (FixMatch)"),
                settings.training.sslSteps, trainer.step());
            trainer.setCancelFlag(job.cancelFlag());
            trainer.setMetricsCallback([&](const FixMatchMetrics &m) {
                last = m;
                job.advance(m.step);
                if (m.step % 10 == 0 || m.step == m.totalSteps) {
                    writer.add(QStringLiteral("loss"), m.step, m.totalLoss);
                    writer.add(QStringLiteral("supervised_loss"), m.step, m.supervisedLoss);
                    writer.add(QStringLiteral("unsupervised_loss"), m.step, m.unsupervisedLoss);
                    writer.add(QStringLiteral("mask_rate"), m.step, m.maskRate);
                    emitMetric(QStringLiteral("ssl"), QStringLiteral("loss"), m.step, m.totalLoss);
                    emitMetric(QStringLiteral("ssl"), QStringLiteral("mask_rate"), m.step, m.maskRate);
                }
                if (m.step % 200 == 0) {
                    writer.flush();
                    RunTable(db).setProgress(run, m.step, m.totalSteps);
                }
            });
            trainer.setAccuracyCallback([&](int step, double accuracy) {
                writer.add(QStringLiteral("pseudo_label_accuracy"), step, accuracy);
                emitMetric(QStringLiteral("ssl"), QStringLiteral("pseudo_label_accuracy"), step, accuracy);
            });
            const TrainingOutcome outcome = trainer.run();
            writer.flush();
            if (outcome == TrainingOutcome::Cancelled)
                throw JobCancelled();
            job.finishPhase();
            ModelTable(db).save(run, trainer.emaModel().toBytes());
            finishRun(run,
                QJsonObject { { QStringLiteral("images_per_second"), last.imagesPerSecond },
                    { QStringLiteral("data_wait_share"), last.dataWaitShare },
                    { QStringLiteral("final_loss"), last.totalLoss }, { QStringLiteral("mask_rate"), last.maskRate },
                    { QStringLiteral("labeled"), int(labeled.size()) } },
                settings.training.sslSteps, settings.training.sslSteps);
        });
        return run;
    }

    // Stage 3: pseudo-labels from the SSL model; human labels win. Returns the label per bank image.
    std::vector<int> pseudoLabels(RunId sslRun)
    {
        RunTable runs(db);
        const QString fingerprint = QStringLiteral("ssl:%1").arg(sslRun.value);
        std::vector<int> labels(set.images.size(), -1);
        if (const auto done = runs.latest(QStringLiteral("pseudo-label"), fingerprint, { RunState::Finished })) {
            QHash<ImageId, int> classIndex;
            for (size_t c = 0; c < set.classes.size(); ++c)
                classIndex.insert(ImageId(set.classes[c].value), int(c));
            QHash<ImageId, int> predicted;
            for (const PredictionRecord &p : PredictionTable(db).forRun(done->id))
                predicted.insert(p.image, classIndex.value(ImageId(p.classId.value), -1));
            bool complete = true;
            for (size_t i = 0; i < set.images.size(); ++i) {
                labels[i] = set.humanLabels[i] >= 0 ? set.humanLabels[i] : predicted.value(set.images[i], -1);
                complete = complete && labels[i] >= 0;
            }
            if (complete) {
                result.pseudoLabelAccuracy = done->metrics.value(QStringLiteral("pseudo_label_accuracy")).toDouble(-1);
                return labels;
            }
        }

        const RunId run = runs.start(newRun(QStringLiteral("pseudo-label"), fingerprint, qint64(set.images.size())));
        guarded(run, [&] {
            job.beginPhase(
                QCoreApplication::translate("Pipeline", "Pseudo-labeling every image"), qint64(set.images.size()));
            const QByteArray bytes = ModelTable(db).load(sslRun);
            if (bytes.isEmpty())
                throw Error(
                    QCoreApplication::translate("Pipeline", "FixMatch run %1 saved no model: run the pipeline again.")
                        .arg(sslRun.value));
            Model model = Model::fromBytes(bytes, settings.training.device);
            model.setPrecision(precision);
            const Predictions predictions = predictTogether(model, *set.bank, group.get());
            job.checkCancelled();
            Transaction transaction(db);
            // The probabilities are in this order; whoever shows them needs it.
            RunTable(db).setClasses(run, set.classes);
            PredictionTable table(db);
            const int classes = predictions.classCount();
            for (int i = 0; i < predictions.count(); ++i) {
                const int label = predictions.argmax(i);
                const float *row = predictions.row(i);
                table.add(run,
                    PredictionRecord { set.images[size_t(i)], set.classes[size_t(label)], predictions.confidence(i),
                        std::vector<float>(row, row + classes) });
                labels[size_t(i)] = set.humanLabels[size_t(i)] >= 0 ? set.humanLabels[size_t(i)] : label;
            }
            transaction.commit();
            job.finishPhase();
            // Accuracy of the pseudo-labels on the images without a human label, where references exist.
            std::vector<int> reference(set.referenceLabels);
            for (size_t i = 0; i < reference.size(); ++i) {
                if (set.humanLabels[i] >= 0)
                    reference[i] = -1;
            }
            result.pseudoLabelAccuracy = predictions.accuracy(reference);
            QJsonObject metrics { { QStringLiteral("images"), predictions.count() } };
            if (result.pseudoLabelAccuracy >= 0)
                metrics.insert(QStringLiteral("pseudo_label_accuracy"), result.pseudoLabelAccuracy);
            finishRun(run, metrics, predictions.count(), predictions.count());
        });
        return labels;
    }

    // Stage 4: proxy training from scratch, recording per-image training dynamics every epoch.
    RunId dynamics(const std::vector<int> &labels)
    {
        QJsonObject inputs = imagesAndShape();
        inputs.insert(QStringLiteral("labels"), labelsHash(labels));
        for (const char *key : { "proxy_epochs", "seed", "allow_flip" })
            inputs.insert(QLatin1String(key), settings.toJson().value(QLatin1String(key)));
        insertModelChoice(inputs);
        const QString fingerprint = fingerprintOf(inputs);
        RunTable runs(db);
        DynamicsTable table(db);
        if (const auto done = runs.latest(QStringLiteral("dynamics"), fingerprint, { RunState::Finished }); done
            && table.epochCount(done->id) == settings.training.proxyEpochs
            && (!selectorNeedsFeatures(settings.selector) || FeatureTable(db).has(done->id))) {
            result.reusedDynamics = true;
            result.dynamicsRun = done->id;
            return done->id;
        }

        SupervisedTrainer trainer(*set.bank, {}, labels, int(set.classes.size()), proxyConfigFor(settings.training));
        trainer.setDistributedGroup(group);
        bool resumed = false;
        const RunId run = startOrResume(
            newRun(QStringLiteral("dynamics"), fingerprint, settings.training.proxyEpochs), [&](const QString &path) {
                trainer.loadCheckpoint(path);
                resumed = true;
            });
        trainer.setCheckpointPath(RunFiles::checkpointPath(project, run));
        if (resumed) {
            table.removeFrom(run, trainer.completedEpochs()); // recomputed, identically
            runs.setProgress(run, trainer.completedEpochs(), settings.training.proxyEpochs);
        } else {
            Transaction transaction(db);
            runs.setImages(run, set.images, labels);
            runs.setClasses(run, set.classes);
            transaction.commit();
        }
        result.dynamicsRun = run;
        guarded(run, [&] {
            MetricWriter writer(db, run);
            SupervisedMetrics last;
            const qint64 totalSteps = qint64(settings.training.proxyEpochs);
            job.beginPhase(QCoreApplication::translate("Pipeline", "Proxy training, recording training dynamics"),
                totalSteps, trainer.completedEpochs());
            trainer.setCancelFlag(job.cancelFlag());
            double lossSum = 0, accuracySum = 0;
            int batches = 0;
            trainer.setMetricsCallback([&](const SupervisedMetrics &m) {
                last = m;
                lossSum += m.loss;
                accuracySum += m.accuracy;
                ++batches;
            });
            trainer.setEpochCallback([&](int epoch, const std::vector<EpochRecord> &records) {
                TrainingDynamics one(int(records.size()));
                one.appendEpoch(records);
                const double loss = batches ? lossSum / batches : 0, accuracy = batches ? accuracySum / batches : 0;
                writer.add(QStringLiteral("loss"), epoch, loss);
                writer.add(QStringLiteral("train_accuracy"), epoch, accuracy);
                {
                    Transaction transaction(db);
                    DynamicsTable(db).addEpoch(run, epoch, one.serializeEpoch(0));
                    RunTable(db).setProgress(run, epoch + 1, settings.training.proxyEpochs);
                    transaction.commit();
                }
                writer.flush();
                emitMetric(QStringLiteral("dynamics"), QStringLiteral("loss"), epoch, loss);
                emitMetric(QStringLiteral("dynamics"), QStringLiteral("train_accuracy"), epoch, accuracy);
                lossSum = accuracySum = 0;
                batches = 0;
                job.advance(epoch + 1);
            });
            const TrainingOutcome outcome = trainer.run();
            if (outcome == TrainingOutcome::Cancelled)
                throw JobCancelled();
            // What the proxy network sees in each image: a few seconds of inference, kept for the
            // diversity selector and for finding similar images.
            FeatureTable(db).save(run, trainer.model().embed(*set.bank).normalized());
            job.finishPhase();
            finishRun(run,
                QJsonObject { { QStringLiteral("images_per_second"), last.imagesPerSecond },
                    { QStringLiteral("data_wait_share"), last.dataWaitShare },
                    { QStringLiteral("final_loss"), last.loss } },
                settings.training.proxyEpochs, settings.training.proxyEpochs);
        });
        return run;
    }
};

Pipeline::Pipeline(Project &project, PipelineSettings settings, JobContext &job)
    : m_project(project), m_settings(std::move(settings)), m_job(job)
{
}

Pipeline::~Pipeline() = default;

void Pipeline::setMetricCallback(MetricCallback callback)
{
    m_metric = std::move(callback);
}

void Pipeline::setDistributedGroup(std::shared_ptr<DistributedGroup> group)
{
    m_group = std::move(group);
}

PipelineResult Pipeline::run(PipelineStage last)
{
    QElapsedTimer timer;
    timer.start();
    m_settings.validate();
    if (m_project.isReadOnly())
        throw Error(QCoreApplication::translate("Pipeline", "%1 is read-only: runs cannot be recorded in it.")
                        .arg(m_project.filePath()));
    RunLock lock(m_project.filePath());
    EngineRuntime::prepare(m_settings.training.threads);
    // Fails now, not after loading, for a missing CUDA or a missing bfloat16.
    checkPrecisionSupported(m_settings.training.precision, m_settings.training.device);
    RunTable(m_project.db()).markAbandonedRunsInterrupted();

    const qint64 imageMemory = imageMemoryBudget(m_settings.training);
    Stages stages { m_project, m_project.db(), m_settings, m_job, m_metric, m_group,
        loadTrainingSet(m_project, m_job, imageMemory), {} };
    TrainingSet &set = stages.set;
    stages.precision = resolvePrecision(m_settings.training.precision,
        resolveModelKind(m_settings.training.model, set.bank->width(), set.bank->height()), m_settings.training.device);
    if (set.labeledCount() == 0)
        throw Error(QCoreApplication::translate(
            "Pipeline", "No image is labeled yet: label a seed first (at least two classes)."));
    if (set.classes.size() < 2)
        throw Error(QCoreApplication::translate(
            "Pipeline", "Only one class (\"%1\") is labeled: label images of at least two classes.")
                        .arg(set.classNames.front()));

    std::vector<int> labels;
    if (set.fullyLabeled()) {
        labels = set.humanLabels; // supervised pruning: no pseudo-labels needed
    } else {
        const RunId sslRun = stages.ssl();
        if (last == PipelineStage::Ssl) {
            stages.result.seconds = timer.elapsed() / 1000.0;
            return stages.result;
        }
        labels = stages.pseudoLabels(sslRun);
    }
    if (last == PipelineStage::PseudoLabel) {
        stages.result.seconds = timer.elapsed() / 1000.0;
        return stages.result;
    }
    stages.dynamics(labels);
    PipelineResult result = stages.result;
    if (last == PipelineStage::Dynamics) {
        result.seconds = timer.elapsed() / 1000.0;
        return result;
    }
    // Scores and selection read what the dynamics run stored, the same path a later re-selection takes.
    result.scoresRun = computeScoresFor(m_project, m_settings, result.dynamicsRun, m_job);
    if (last == PipelineStage::Select) {
        const SelectionOutcome selected = selectFrom(m_project, m_settings, result.scoresRun, m_job);
        result.selectionId = selected.selectionId;
        result.selectionName = selected.selectionName;
        result.kept = selected.kept;
        result.total = selected.total;
        result.classesWithoutKept = selected.classesWithoutKept;
    }
    result.seconds = timer.elapsed() / 1000.0;
    return result;
}

namespace {

// The project's newest finished scores run; throws Error (run the pipeline first) when there is none.
RunId newestScoresRun(Project &project)
{
    const auto scores = RunTable(project.db()).latestFinished(QStringLiteral("scores"));
    if (!scores)
        throw Error(
            QCoreApplication::translate("Pipeline", "There are no difficulty scores yet: run the pipeline first."));
    return scores->id;
}

} // namespace

PipelineResult Pipeline::selectOnly(const TuningSettings *tuning, TuningOutcome *tuned)
{
    m_settings.validate();
    if (m_project.isReadOnly())
        throw Error(QCoreApplication::translate("Pipeline", "%1 is read-only: selections cannot be saved in it.")
                        .arg(m_project.filePath()));
    const RunId scores = newestScoresRun(m_project);
    PipelineSettings settings = m_settings;
    if (tuning) {
        const TuningOutcome outcome = tuneBeta(m_project, m_settings, scores, *tuning, m_job);
        settings.beta = outcome.chosenBeta;
        if (tuned)
            *tuned = outcome;
    }
    const SelectionOutcome selected = selectFrom(m_project, settings, scores, m_job);
    PipelineResult result;
    result.scoresRun = scores;
    result.selectionId = selected.selectionId;
    result.selectionName = selected.selectionName;
    result.kept = selected.kept;
    result.total = selected.total;
    result.classesWithoutKept = selected.classesWithoutKept;
    return result;
}

} // namespace semiprune

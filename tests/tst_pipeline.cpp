// The whole method on a project: FixMatch, pseudo-labels, dynamics, scores and selection, with
// reuse, cancellation, the run lock and bad settings. Tiny synthetic images, CPU, seconds.

#include "testsupport.h"

#include "common/error.h"
#include "dataset/folderimporter.h"
#include "jobs/jobcontext.h"
#include "jobs/labelsuggestionjob.h"
#include "jobs/runlock.h"
#include "learning/model.h"
#include "learning/precision.h"
#include "learning/predictions.h"
#include "learning/supervisedtrainer.h"
#include "pipeline/pipeline.h"
#include "pipeline/selectiontuning.h"
#include "pipeline/trainingset.h"
#include "storage/classtable.h"
#include "storage/database.h"
#include "storage/imagetable.h"
#include "storage/labeltable.h"
#include "storage/project.h"
#include "storage/resulttables.h"
#include "storage/runtable.h"
#include "storage/statement.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace semiprune;

namespace {

constexpr int kPerClass = 24;
using testsupport::kClasses;
using testsupport::pattern;

PipelineSettings tinySettings()
{
    PipelineSettings settings;
    settings.training.sslSteps = 30;
    settings.training.sslBatch = 8;
    settings.training.mu = 2;
    settings.training.proxyEpochs = 4;
    settings.keepRatio = 0.5;
    settings.training.threads = 2;
    settings.training.device = DeviceChoice::Cpu;
    settings.training.precision = Precision::Float32; // the same arithmetic on every machine
    return settings;
}

} // namespace

class TestPipeline final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;
    int m_counter = 0;

    // A project with hidden reference labels and `labeledPerClass` seed labels per class.
    std::unique_ptr<Project> project(int labeledPerClass, int classesLabeled = 3)
    {
        auto p = Project::create(m_dir.filePath(QStringLiteral("p%1.semiprune").arg(++m_counter)), m_root);
        JobContext job;
        ImportOptions options;
        options.labelMode = LabelMode::Hidden;
        importFolder(*p, options, job);
        ClassTable classes(p->db());
        LabelTable labels(p->db());
        ImageTable images(p->db());
        for (int c = 0; c < classesLabeled; ++c) {
            const ClassId id = classes.add(QLatin1String(kClasses[c])).id;
            for (int i = 0; i < labeledPerClass; ++i) {
                const auto image
                    = images.findByPath(QStringLiteral("%1/%2.png").arg(QLatin1String(kClasses[c])).arg(i));
                labels.set(image->id, id, LabelSource::Seed, 1);
            }
        }
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_root = m_dir.filePath(QStringLiteral("images"));
        for (int c = 0; c < 3; ++c) {
            for (int i = 0; i < kPerClass; ++i) {
                const QString path = m_root + QStringLiteral("/%1/%2.png").arg(QLatin1String(kClasses[c])).arg(i);
                QDir().mkpath(QFileInfo(path).absolutePath());
                QVERIFY(cv::imwrite(path.toStdString(), pattern(c, i)));
            }
        }
    }

    void runsEveryStageAndRecordsIt()
    {
        auto p = project(3);
        JobContext job;
        QStringList stagesSeen;
        Pipeline pipeline(*p, tinySettings(), job);
        pipeline.setMetricCallback([&](const QString &stage, const QString &, qint64, double) {
            if (!stagesSeen.contains(stage))
                stagesSeen << stage;
        });
        const PipelineResult result = pipeline.run();
        QVERIFY(result.sslRun.isValid());
        QVERIFY(result.dynamicsRun.isValid());
        QVERIFY(result.scoresRun.isValid());
        QCOMPARE(stagesSeen, (QStringList { QStringLiteral("ssl"), QStringLiteral("dynamics") }));
        QCOMPARE(result.total, qint64(3 * kPerClass));
        QCOMPARE(result.kept, qint64(3 * kPerClass / 2));
        QVERIFY2(result.pseudoLabelAccuracy > 0.5, qPrintable(QString::number(result.pseudoLabelAccuracy)));

        Database &db = p->db();
        for (const RunRecord &run : RunTable(db).all()) {
            QCOMPARE(run.state, RunState::Finished);
            QCOMPARE(run.device, QStringLiteral("cpu"));
        }
        QCOMPARE(DynamicsTable(db).epochCount(result.dynamicsRun), 4);
        QCOMPARE(ScoreTable(db).kinds(result.scoresRun),
            (QStringList { QStringLiteral("aum"), QStringLiteral("dual"), QStringLiteral("dual_confidence"),
                QStringLiteral("el2n"), QStringLiteral("forgetting") }));
        QCOMPARE(ScoreTable(db).forRun(result.scoresRun, QStringLiteral("aum")).size(), 3 * kPerClass);
        Statement predictions = db.prepare("SELECT count(*) FROM predictions");
        predictions.step();
        QCOMPARE(predictions.integer(0), 3 * kPerClass);
        QVERIFY(!RunTable(db).metricPoints(result.sslRun, QStringLiteral("loss")).empty());
        const auto selection = SelectionTable(db).findByName(result.selectionName);
        QVERIFY(selection);
        QCOMPARE(selection->kept, result.kept);
        QVERIFY(!QDir(p->filePath() + QStringLiteral(".runs")).entryList(QDir::Files).size()); // checkpoints cleaned up

        // A second run with the same inputs reuses FixMatch and the dynamics; a new ratio re-selects.
        PipelineSettings again = tinySettings();
        again.keepRatio = 0.25;
        JobContext job2;
        const PipelineResult second = Pipeline(*p, again, job2).run();
        QVERIFY(second.reusedSsl);
        QVERIFY(second.reusedDynamics);
        QCOMPARE(second.kept, qint64(3 * kPerClass / 4));

        // Selection alone, every selector, exact budget.
        for (SelectorKind kind : { SelectorKind::HardCutoff, SelectorKind::ClassAwareCutoff, SelectorKind::Ccs,
                 SelectorKind::DualBeta, SelectorKind::Random, SelectorKind::Diverse }) {
            PipelineSettings settings = tinySettings();
            settings.selector = kind;
            settings.keepRatio = 0.3;
            settings.forceSeed = true;
            JobContext selectJob;
            const PipelineResult selected = Pipeline(*p, settings, selectJob).selectOnly();
            QCOMPARE(selected.kept, qint64(std::floor(0.3 * 3 * kPerClass)));
            const auto items = SelectionTable(db).items(selected.selectionId);
            LabelTable labels(db);
            for (const SelectionItem &item : items) {
                if (labels.find(item.image))
                    QVERIFY2(item.kept, "a forced seed image was dropped");
            }
        }

        // The proxy run stored what its network sees in every image, one unit-length row each.
        const FeatureMatrix features = FeatureTable(db).load(result.dynamicsRun);
        QCOMPARE(features.count(), 3 * kPerClass);
        QCOMPARE(features.dimension, 128); // the small CNN's pooled activations
        // A selection that keeps no image of a class says which one; the diverse selector keeps every class.
        PipelineSettings tiny = tinySettings();
        tiny.keepRatio = 1.0 / (3 * kPerClass) + 1e-9; // one image
        tiny.beta = 0;
        JobContext oneJob;
        const PipelineResult one = Pipeline(*p, tiny, oneJob).selectOnly();
        QCOMPARE(one.kept, qint64(1));
        QCOMPARE(one.classesWithoutKept.size(), 2);
        tiny.selector = SelectorKind::Diverse;
        tiny.keepRatio = 3.0 / (3 * kPerClass) + 1e-9; // three images, one per class by the floor
        JobContext diverseJob;
        QVERIFY(Pipeline(*p, tiny, diverseJob).selectOnly().classesWithoutKept.isEmpty());

        // What to label next: unlabeled images only, as many as asked.
        const std::vector<LabelSuggestion> next = suggestLabels(*p, 5);
        QCOMPARE(int(next.size()), 5);
        for (const LabelSuggestion &suggestion : next)
            QVERIFY2(!LabelTable(db).find(suggestion.image), qPrintable(suggestion.path));
    }

    void overrideIsTrainedOnByTheNextRun()
    {
        auto p = project(3);
        Database &db = p->db();
        JobContext job;
        const PipelineResult first = Pipeline(*p, tinySettings(), job).run();
        const auto pseudoRun = RunTable(db).latestFinished(QStringLiteral("pseudo-label"));
        QVERIFY(pseudoRun);
        // The probabilities' class order is recorded, so the window can name the likely classes.
        const std::vector<ClassId> pseudoClasses = RunTable(db).classes(pseudoRun->id);
        QCOMPARE(int(pseudoClasses.size()), 3);

        // Correct the pseudo-label of an unlabeled image, as the review does: a human label, "override".
        const ImageId image = ImageTable(db).findByPath(QStringLiteral("dots/20.png"))->id;
        const std::optional<PredictionRecord> predicted = PredictionTable(db).find(pseudoRun->id, image);
        QVERIFY(predicted);
        const ClassId corrected = predicted->classId == pseudoClasses[0] ? pseudoClasses[1] : pseudoClasses[0];
        LabelTable(db).set(image, corrected, LabelSource::Override, 2);

        JobContext again;
        const PipelineResult second = Pipeline(*p, tinySettings(), again).run();
        // A changed label changes the stages' inputs: nothing trained on the old labels is reused.
        QVERIFY(!second.reusedSsl);
        QVERIFY(!second.reusedDynamics);
        QVERIFY(second.sslRun != first.sslRun);
        QVERIFY(second.dynamicsRun != first.dynamicsRun);
        // The proxy model trained on the override, not on the old pseudo-label.
        const std::vector<ImageId> images = RunTable(db).images(second.dynamicsRun);
        const std::vector<int> labels = RunTable(db).imageLabels(second.dynamicsRun);
        const std::vector<ClassId> classes = RunTable(db).classes(second.dynamicsRun);
        const auto at = std::find(images.begin(), images.end(), image);
        QVERIFY(at != images.end());
        const int label = labels[size_t(at - images.begin())];
        QVERIFY(label >= 0 && size_t(label) < classes.size());
        QCOMPARE(classes[size_t(label)], corrected);
    }

    void fullyLabeledDataSkipsFixMatch()
    {
        auto p = project(kPerClass);
        JobContext job;
        const PipelineResult result = Pipeline(*p, tinySettings(), job).run();
        QVERIFY(!result.sslRun.isValid());
        QVERIFY(result.dynamicsRun.isValid());
        QCOMPARE(result.kept, qint64(3 * kPerClass / 2));
    }

    void cancelLeavesAConsistentProjectAndResumes()
    {
        auto p = project(3);
        JobContext job;
        int steps = 0;
        qint64 cancelledAt = 0;
        Pipeline pipeline(*p, tinySettings(), job);
        pipeline.setMetricCallback([&](const QString &stage, const QString &, qint64 step, double) {
            if (stage == QLatin1String("ssl") && ++steps == 2) {
                job.cancel();
                cancelledAt = step;
            }
        });
        QVERIFY_THROWS_EXCEPTION(JobCancelled, pipeline.run());
        const auto runs = RunTable(p->db()).all();
        QCOMPARE(runs.size(), size_t(1));
        QCOMPARE(runs[0].state, RunState::Cancelled);
        Statement check = p->db().prepare("PRAGMA integrity_check");
        check.step();
        QCOMPARE(check.text(0), QStringLiteral("ok"));

        QTest::qSleep(1200); // a pause between the stop and the resume, not counted as run time
        JobProgress firstFixMatchReport;
        bool reported = false;
        JobContext again([&](const JobProgress &progress) {
            if (!reported && progress.phase.contains(QLatin1String("FixMatch"))) {
                firstFixMatchReport = progress;
                reported = true;
            }
        });
        const PipelineResult result = Pipeline(*p, tinySettings(), again).run(PipelineStage::Ssl);
        QVERIFY(result.resumed);
        // The resumed phase starts at the checkpoint's step, so its ETA ignores the work done before.
        QVERIFY(reported);
        QVERIFY(cancelledAt > 0);
        QCOMPARE(firstFixMatchReport.done, cancelledAt);
        QCOMPARE(result.sslRun, runs[0].id);
        const RunRecord resumed = *RunTable(p->db()).find(runs[0].id);
        QCOMPARE(resumed.state, RunState::Finished);
        QVERIFY2(resumed.pausedMs >= 1200, qPrintable(QString::number(resumed.pausedMs)));
        QVERIFY(resumed.activeSeconds() * 1000 <= double(resumed.finishedAtMs - resumed.startedAtMs - 1200));
    }

    void aResumedPhaseEstimatesFromItsOwnPace()
    {
        JobProgress last;
        JobContext job([&](const JobProgress &progress) { last = progress; });
        job.beginPhase(QStringLiteral("training"), 100, 90);
        QCOMPARE(last.done, qint64(90));
        QCOMPARE(last.etaSeconds, -1.0); // nothing done in this run yet: unknown
        QTest::qSleep(150);
        job.advance(95);
        QCOMPARE(last.done, qint64(95));
        // 5 steps took the elapsed time, 5 remain: the ETA is about the elapsed time, not 5/95 of it.
        QVERIFY2(last.etaSeconds > 0.9 * last.elapsedSeconds && last.etaSeconds < 1.1 * last.elapsedSeconds,
            qPrintable(QStringLiteral("ETA %1 s after %2 s").arg(last.etaSeconds).arg(last.elapsedSeconds)));
    }

    void decodedImagesBeyondTheBudgetArePagedFromAFile()
    {
        auto p = project(3);
        JobContext job;
        const TrainingSet inMemory = loadTrainingSet(*p, job, qint64(1) << 30);
        QVERIFY(inMemory.residentInMemory);
        QVERIFY(!inMemory.bank->isFileBacked());
        const QDir runs(p->filePath() + QStringLiteral(".runs"));
        {
            const TrainingSet paged = loadTrainingSet(*p, job, 1000); // far below 72 images of 12x12
            QVERIFY(!paged.residentInMemory);
            QVERIFY(paged.bank->isFileBacked());
            QCOMPARE(runs.entryList({ QStringLiteral("decoded-images-*.bin") }, QDir::Files).size(), 1);
            QCOMPARE(paged.images, inMemory.images);
            QCOMPARE(paged.bank->count(), inMemory.bank->count());
            const std::size_t bytes = std::size_t(inMemory.bank->count()) * inMemory.bank->imageBytes();
            QVERIFY(std::equal(inMemory.bank->data(), inMemory.bank->data() + bytes, paged.bank->data()));

            // Training reads the same pixels either way: the same seed gives the same model.
            SupervisedConfig config;
            config.epochs = 1;
            config.batchSize = 16;
            config.threads = 1;
            config.device = DeviceChoice::Cpu;
            config.recordDynamics = false;
            std::vector<int> labels;
            for (size_t i = 0; i < inMemory.referenceLabels.size(); ++i)
                labels.push_back(int(i % 3));
            SupervisedTrainer fromMemory(*inMemory.bank, {}, labels, 3, config);
            SupervisedTrainer fromFile(*paged.bank, {}, labels, 3, config);
            QCOMPARE(fromMemory.run(), TrainingOutcome::Completed);
            QCOMPARE(fromFile.run(), TrainingOutcome::Completed);
            QCOMPARE(fromFile.predict(*paged.bank).probabilities(), fromMemory.predict(*inMemory.bank).probabilities());
        }
        QVERIFY2(runs.entryList({ QStringLiteral("decoded-images-*.bin") }, QDir::Files).isEmpty(),
            "the file outlived its bank");

        // A budget too small for the images is a run setting like any other.
        PipelineSettings settings = tinySettings();
        settings.training.sslSteps = 5;
        settings.training.proxyEpochs = 1;
        settings.training.imageMemoryMiB = -1;
        QVERIFY_THROWS_EXCEPTION(Error, settings.validate());
    }

    void mixedSizesAndChannelsTrainTogether()
    {
        // Known labels, so the pipeline goes the supervised way; every odd kind of image at once.
        const QString root = m_dir.filePath(QStringLiteral("mixed"));
        for (const char *cls : { "a", "b" })
            QDir().mkpath(root + QLatin1Char('/') + QLatin1String(cls));
        const auto write = [&](const QString &name, const cv::Mat &image) {
            QVERIFY(cv::imwrite((root + QLatin1Char('/') + name).toStdString(), image));
        };
        for (int i = 0; i < 6; ++i) {
            write(QStringLiteral("a/gray-%1.png").arg(i), cv::Mat(20, 30, CV_8UC1, cv::Scalar(40 + i)));
            write(QStringLiteral("a/color-%1.jpg").arg(i), cv::Mat(24, 40, CV_8UC3, cv::Scalar(200, 30, 10 + i)));
            write(QStringLiteral("b/alpha-%1.png").arg(i), cv::Mat(50, 50, CV_8UC4, cv::Scalar(10, 200, 30, 128 + i)));
            write(QStringLiteral("b/deep-%1.png").arg(i), cv::Mat(16, 16, CV_16UC1, cv::Scalar(60000 - 100 * i)));
        }
        // A PNG whose header reads fine but whose pixel data is cut off: found at decoding time.
        write(QStringLiteral("b/cut.png"), cv::Mat(64, 64, CV_8UC3, cv::Scalar(1, 2, 3)));
        {
            QFile cut(root + QStringLiteral("/b/cut.png"));
            QVERIFY(cut.open(QIODevice::ReadWrite));
            QVERIFY(cut.resize(60));
        }
        auto p = Project::create(m_dir.filePath(QStringLiteral("mixed.semiprune")), root);
        JobContext job;
        ImportOptions options;
        options.labelMode = LabelMode::Known;
        importFolder(*p, options, job);

        const TrainingShape shape = trainingShapeOf(*p);
        QCOMPARE(shape.width, 32); // sizes differ: the default resolution
        QCOMPARE(shape.channels, 3);
        const TrainingSet set = loadTrainingSet(*p, job);
        QCOMPARE(set.bank->count(), 24);
        QCOMPARE(set.unreadableSkipped, 1);
        QVERIFY(set.fullyLabeled());
        QCOMPARE(ImageTable(p->db()).findByPath(QStringLiteral("b/cut.png"))->status, ImageStatus::Unreadable);

        PipelineSettings settings = tinySettings();
        settings.training.proxyEpochs = 2;
        JobContext run;
        const PipelineResult result = Pipeline(*p, settings, run).run();
        QCOMPARE(result.total, qint64(24));
        QCOMPARE(result.kept, qint64(12));
    }

    // An image deleted after the import, before training decodes it: missing with its reason (what
    // a rescan would say), left out, and the run goes on; put back unchanged, a rescan takes it in.
    void anImageDeletedAfterImportIsMissingAtTraining()
    {
        const QString root = m_dir.filePath(QStringLiteral("deleted"));
        for (int c = 0; c < 2; ++c) {
            for (int i = 0; i < 6; ++i) {
                const QString path = root + QStringLiteral("/%1/%2.png").arg(QLatin1String(kClasses[c])).arg(i);
                QDir().mkpath(QFileInfo(path).absolutePath());
                QVERIFY(cv::imwrite(path.toStdString(), pattern(c, i)));
            }
        }
        auto p = Project::create(m_dir.filePath(QStringLiteral("deleted.semiprune")), root);
        JobContext job;
        ImportOptions options;
        options.labelMode = LabelMode::Known;
        importFolder(*p, options, job);

        const QString victim = root + QStringLiteral("/bars/3.png");
        const QByteArray bytes = testsupport::readFile(victim);
        const QDateTime modified = QFileInfo(victim).lastModified();
        QVERIFY(QFile::remove(victim));
        const TrainingSet set = loadTrainingSet(*p, job);
        QCOMPARE(set.bank->count(), 11);
        QCOMPARE(set.unreadableSkipped, 1);
        const ImageRecord gone = *ImageTable(p->db()).findByPath(QStringLiteral("bars/3.png"));
        QCOMPARE(gone.status, ImageStatus::Missing);
        QCOMPARE(gone.message, QStringLiteral("the file is no longer in the image folder"));
        QVERIFY(LabelTable(p->db()).find(gone.id)); // the label stays

        PipelineSettings settings = tinySettings();
        settings.training.proxyEpochs = 2;
        JobContext run;
        QCOMPARE(Pipeline(*p, settings, run).run().total, qint64(11));

        testsupport::writeFile(victim, bytes);
        {
            QFile file(victim);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.setFileTime(modified, QFileDevice::FileModificationTime));
        }
        JobContext rescan;
        QCOMPARE(importFolder(*p, ImportOptions {}, rescan).restored, qint64(1));
        QCOMPARE(ImageTable(p->db()).findByPath(QStringLiteral("bars/3.png"))->status, ImageStatus::Ok);
        QCOMPARE(loadTrainingSet(*p, job).bank->count(), 12);
    }

    void trainingResolutionIsAProjectSetting()
    {
        auto p = project(3);
        QCOMPARE(trainingResolutionSetting(*p), 0);
        QCOMPARE(trainingShapeOf(*p).width, 12); // native: every image is 12x12
        QCOMPARE(trainingShapeOf(*p).channels, 1);
        setTrainingResolution(*p, 48);
        QCOMPARE(trainingResolutionSetting(*p), 48);
        QCOMPARE(trainingShapeOf(*p).width, 48);
        QCOMPARE(trainingShapeOf(*p).height, 48);
        QCOMPARE(resolveModelKind(ModelKind::Auto, 48, 48), ModelKind::ResNet18);
        QVERIFY_THROWS_EXCEPTION(Error, setTrainingResolution(*p, 4));
        QVERIFY_THROWS_EXCEPTION(Error, setTrainingResolution(*p, 4096));
        QCOMPARE(trainingResolutionSetting(*p), 48);
        setTrainingResolution(*p, 0);
        QCOMPARE(trainingShapeOf(*p).width, 12);

        // The model can be chosen by hand; a chosen model is part of what a finished run is reused for.
        PipelineSettings settings = tinySettings();
        QVERIFY_THROWS_EXCEPTION(Error, modelKindFromName(QStringLiteral("vgg")));
        settings = tinySettings();
        settings.training.sslSteps = 4;
        JobContext job;
        const PipelineResult first = Pipeline(*p, settings, job).run(PipelineStage::Ssl);
        QVERIFY(first.seconds > 0); // timed even when the pipeline stops early
        QCOMPARE(
            Model::fromBytes(ModelTable(p->db()).load(first.sslRun), DeviceChoice::Cpu).kind(), ModelKind::SmallCnn);
        settings.training.model = ModelKind::ResNet18;
        JobContext again;
        const PipelineResult second = Pipeline(*p, settings, again).run(PipelineStage::Ssl);
        QVERIFY(!second.reusedSsl);
        QCOMPARE(
            Model::fromBytes(ModelTable(p->db()).load(second.sslRun), DeviceChoice::Cpu).kind(), ModelKind::ResNet18);
    }

    // The arithmetic a run used is recorded with it, and a stage trained in another precision is not
    // taken for this one; float32 runs keep the fingerprints of runs recorded before precision existed.
    void precisionIsRecordedAndTellsStagesApart()
    {
        auto p = project(3);
        JobContext job;
        PipelineSettings settings = tinySettings();
        settings.training.precision = Precision::Auto;
        setPrecisionSupportForTesting(PrecisionSupport { true });
        const PipelineResult first = Pipeline(*p, settings, job).run();
        setPrecisionSupportForTesting(std::nullopt);
        RunTable runs(p->db());
        QCOMPARE(runs.find(first.sslRun)->precision, QStringLiteral("bfloat16"));
        QCOMPARE(runs.find(first.dynamicsRun)->precision, QStringLiteral("bfloat16"));
        QCOMPARE(runs.find(first.sslRun)->parameters.value(QStringLiteral("precision")).toString(),
            QStringLiteral("auto")); // what was asked for, beside what was used

        settings.training.precision = Precision::Float32;
        const PipelineResult second = Pipeline(*p, settings, job).run();
        QVERIFY(!second.reusedSsl && !second.reusedDynamics);
        QVERIFY(second.sslRun != first.sslRun);
        QCOMPARE(runs.find(second.sslRun)->precision, QStringLiteral("float32"));
        const PipelineResult third = Pipeline(*p, settings, job).run();
        QVERIFY(third.reusedSsl && third.reusedDynamics);
    }

    // "Tune on my labels": a share of each class's human labels is held out, every candidate beta's
    // coreset of the other images trains a short model measured on them, and nothing is stored.
    void tuningHoldsOutHumanLabelsAndStoresNothing()
    {
        auto p = project(10);
        JobContext job;
        const PipelineResult result = Pipeline(*p, tinySettings(), job).run();
        const int selections = int(SelectionTable(p->db()).all().size());
        TuningSettings tuning;
        tuning.epochs = 1;
        tuning.minSteps = 4; // a test of the protocol, not of the models
        tuning.seeds = 1;
        const TuningOutcome outcome = tuneBeta(*p, tinySettings(), result.scoresRun, tuning, job);
        QCOMPARE(outcome.heldOut, 9); // 3 of each class's 10 human labels
        QCOMPARE(outcome.pool, 3 * kPerClass - 9);
        QCOMPARE(int(outcome.candidates.size()), 5); // beta 0, 0.1, ..., 0.4 for r = 0.5
        for (const TuningCandidate &candidate : outcome.candidates) {
            QCOMPARE(candidate.kept, outcome.pool / 2); // r of the pool, the held-out images never in it
            QCOMPARE(int(candidate.accuracies.size()), 1);
            QVERIFY(candidate.mean() >= 0 && candidate.mean() <= 1);
        }
        QVERIFY(outcome.best >= 0 && outcome.methodDefault >= 0);
        const double chosen
            = outcome.candidates[size_t(outcome.distinguishable ? outcome.best : outcome.methodDefault)].beta;
        QCOMPARE(outcome.chosenBeta, chosen);
        QVERIFY(!outcome.summary.isEmpty());
        QVERIFY(outcome.noise > 0);
        QCOMPARE(int(SelectionTable(p->db()).all().size()), selections);
        QCOMPARE(outcome.toJson().value(QStringLiteral("candidates")).toArray().size(), 5);

        // Too few human labels to hold any out: the message says how many are needed.
        auto few = project(5);
        const PipelineResult fewResult = Pipeline(*few, tinySettings(), job).run();
        try {
            tuneBeta(*few, tinySettings(), fewResult.scoresRun, tuning, job);
            QFAIL("tuning with 5 labels per class was not refused");
        } catch (const Error &error) {
            QVERIFY2(error.message().contains(QLatin1String("at least 10 human labels per class")),
                qPrintable(error.message()));
        }
        // A selector without a beta.
        PipelineSettings dual = tinySettings();
        dual.selector = SelectorKind::DualBeta;
        QVERIFY_THROWS_EXCEPTION(Error, tuneBeta(*p, dual, result.scoresRun, tuning, job));
    }

    void refusesWhatCannotWork()
    {
        const auto message = [](Project &project, PipelineSettings settings) {
            JobContext job;
            try {
                Pipeline(project, settings, job).run();
            } catch (const Error &error) {
                return error.message();
            }
            return QString();
        };
        auto unlabeled = project(0, 0);
        QVERIFY(message(*unlabeled, tinySettings()).contains(QStringLiteral("No image is labeled")));
        auto oneClass = project(3, 1);
        QVERIFY(message(*oneClass, tinySettings()).contains(QStringLiteral("Only one class")));
        auto p = project(3);
        PipelineSettings zero = tinySettings();
        zero.training.proxyEpochs = 0;
        QVERIFY(message(*p, zero).contains(QStringLiteral("epoch")));
        PipelineSettings badBeta = tinySettings();
        badBeta.keepRatio = 0.3;
        badBeta.beta = 0.7;
        QVERIFY(message(*p, badBeta).contains(QStringLiteral("beta")));
        PipelineSettings badKeep = tinySettings();
        badKeep.keepRatio = 1.0;
        QVERIFY(message(*p, badKeep).contains(QStringLiteral("keep ratio")));
        PipelineSettings bfloat16 = tinySettings();
        bfloat16.training.precision = Precision::BFloat16;
        setPrecisionSupportForTesting(PrecisionSupport { false });
        QVERIFY(message(*p, bfloat16).contains(QStringLiteral("AVX512-BF16")));
        setPrecisionSupportForTesting(std::nullopt);
        PipelineSettings cuda = tinySettings();
        cuda.training.device = DeviceChoice::Cuda;
        if (!message(*p, cuda).isEmpty())
            QVERIFY(message(*p, cuda).contains(QStringLiteral("CUDA")));
        {
            RunLock busy(p->filePath());
            QVERIFY(message(*p, tinySettings()).contains(QStringLiteral("already")));
        }
        JobContext job;
        QVERIFY_THROWS_EXCEPTION(Error, Pipeline(*p, tinySettings(), job).selectOnly()); // no scores yet
        QVERIFY(RunTable(p->db()).all().empty());
    }
};

QTEST_GUILESS_MAIN(TestPipeline)
#include "tst_pipeline.moc"

#include "command.h"
#include "distributedrun.h"
#include "output.h"
#include "support.h"
#include "trainingoptions.h"

#include "common/error.h"
#include "distributed/distributedgroup.h"
#include "jobs/pipelinesettings.h"
#include "learning/model.h"
#include "pipeline/pipeline.h"
#include "pipeline/selectiontuning.h"
#include "pipeline/trainingset.h"
#include "storage/database.h"
#include "storage/project.h"
#include "storage/resulttables.h"
#include "storage/runtable.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace semiprune::cli {

namespace {

void addSettingOptions(QCommandLineParser &parser, bool training)
{
    const PipelineSettings d;
    parser.addOptions({ jsonOption(),
        QCommandLineOption(QStringLiteral("selector"),
            QCoreApplication::translate("cli", "cutoff (default), class-cutoff, ccs, dual-beta, diverse or random."),
            QStringLiteral("name")),
        QCommandLineOption(QStringLiteral("score"),
            QCoreApplication::translate("cli", "The score to rank by: aum (default), forgetting, el2n, dual."),
            QStringLiteral("name")),
        QCommandLineOption(QStringLiteral("keep"),
            QCoreApplication::translate("cli", "Keep ratio r in (0, 1) (default %1).").arg(d.keepRatio),
            QStringLiteral("r")),
        QCommandLineOption(QStringLiteral("beta"),
            QCoreApplication::translate(
                "cli", "Hard-cutoff rate, 0 <= beta < 1 - r (default: the method's value for r)."),
            QStringLiteral("beta")),
        QCommandLineOption(QStringLiteral("force-seed"),
            QCoreApplication::translate("cli", "Always keep the images labeled by hand (the seed).")),
        QCommandLineOption(QStringLiteral("name"),
            QCoreApplication::translate("cli", "Name of the stored selection (default: method and ratio)."),
            QStringLiteral("name")),
        QCommandLineOption(QStringLiteral("seed"),
            QCoreApplication::translate("cli", "Random seed (default %1).").arg(d.training.seed),
            QStringLiteral("integer")) });
    if (training)
        TrainingOptions().addTo(parser);
}

PipelineSettings settingsFrom(const QCommandLineParser &parser, bool training)
{
    PipelineSettings s;
    if (parser.isSet(QStringLiteral("selector")))
        s.selector = selectorKindFromName(parser.value(QStringLiteral("selector")));
    if (parser.isSet(QStringLiteral("score")))
        s.score = parser.value(QStringLiteral("score"));
    s.keepRatio = doubleOption(parser, QStringLiteral("keep"), s.keepRatio);
    s.beta = doubleOption(parser, QStringLiteral("beta"), s.beta);
    if (parser.isSet(QStringLiteral("beta")) && s.beta < 0)
        throw Error(QCoreApplication::translate("cli", "beta must satisfy 0 <= beta < 1 - keep ratio (asked for %1).")
                        .arg(s.beta));
    s.forceSeed = parser.isSet(QStringLiteral("force-seed"));
    s.selectionName = parser.value(QStringLiteral("name"));
    s.training.seed = seedOption(parser, QStringLiteral("seed"), s.training.seed);
    if (training)
        s.training = TrainingOptions().read(parser, s.training);
    s.validate();
    return s;
}

void printResult(const PipelineResult &result, bool json, const QJsonObject &tuning = {})
{
    if (json) {
        QJsonObject object { { QStringLiteral("ssl_run"), result.sslRun.value },
            { QStringLiteral("dynamics_run"), result.dynamicsRun.value },
            { QStringLiteral("scores_run"), result.scoresRun.value },
            { QStringLiteral("selection"), result.selectionName }, { QStringLiteral("kept"), result.kept },
            { QStringLiteral("total"), result.total },
            { QStringLiteral("pseudo_label_accuracy"), result.pseudoLabelAccuracy },
            { QStringLiteral("reused_ssl"), result.reusedSsl },
            { QStringLiteral("reused_dynamics"), result.reusedDynamics }, { QStringLiteral("resumed"), result.resumed },
            { QStringLiteral("seconds"), result.seconds },
            { QStringLiteral("classes_without_kept_images"), QJsonArray::fromStringList(result.classesWithoutKept) } };
        if (!tuning.isEmpty())
            object.insert(QStringLiteral("tuning"), tuning);
        printJson(object);
        return;
    }
    if (result.reusedSsl || result.reusedDynamics)
        printLine(QCoreApplication::translate("cli", "Reused finished runs: %1%2")
                      .arg(result.reusedSsl ? QCoreApplication::translate("cli", "FixMatch ") : QString(),
                          result.reusedDynamics ? QCoreApplication::translate("cli", "training dynamics") : QString()));
    if (result.resumed)
        printLine(QCoreApplication::translate("cli", "Resumed an interrupted run from its last checkpoint."));
    if (result.pseudoLabelAccuracy >= 0)
        printLine(QCoreApplication::translate("cli", "Pseudo-label accuracy against the hidden reference labels: %1 %")
                      .arg(result.pseudoLabelAccuracy * 100, 0, 'f', 1));
    if (!result.selectionName.isEmpty())
        printLine(QCoreApplication::translate("cli", "Selection \"%1\": keeps %2 of %3 images.")
                      .arg(result.selectionName)
                      .arg(result.kept)
                      .arg(result.total));
    if (!result.classesWithoutKept.isEmpty())
        printError(
            QCoreApplication::translate("cli",
                "Warning: the selection keeps no image of %1; a model trained on it cannot learn %2. Keep more images, "
                "lower beta or choose the diverse selector, which keeps every class.")
                .arg(result.classesWithoutKept.join(QStringLiteral(", ")))
                .arg(result.classesWithoutKept.size() == 1 ? QCoreApplication::translate("cli", "that class")
                                                           : QCoreApplication::translate("cli", "those classes")));
    printLine(QCoreApplication::translate("cli", "Done in %1 s.").arg(result.seconds, 0, 'f', 1));
}

Command stageCommand(const QString &name, const QString &summary, PipelineStage last)
{
    return Command { name, summary, QStringLiteral("PROJECT"),
        [](QCommandLineParser &parser) { addSettingOptions(parser, true); },
        [name, last](QCommandLineParser &parser) {
            const QString file = positional(parser, 0, QCoreApplication::translate("cli", "the project file"));
            expectPositionals(parser, 1);
            const PipelineSettings settings = settingsFrom(parser, true);
            // One rank of a distributed run when the launch variables say so (README, "Past one
            // machine"): every rank must run this command with these settings on this project.
            const auto group = joinFromEnvironment(
                QStringLiteral("%1 %2 %3")
                    .arg(name, QFileInfo(file).fileName(),
                        QString::fromUtf8(QJsonDocument(settings.toJson()).toJson(QJsonDocument::Compact))));
            if (group && !group->isLeader()) {
                followRun(group, file, settings);
                return 0;
            }
            const auto project = openProject(file);
            const bool json = parser.isSet(QStringLiteral("json"));
            PipelineResult result;
            const auto work = [&] {
                runWithProgress(json, [&](JobContext &job) {
                    Pipeline pipeline(*project, settings, job);
                    pipeline.setDistributedGroup(group);
                    result = pipeline.run(last);
                });
            };
            if (group)
                leadRun(*group, work);
            else
                work();
            printResult(result, json);
            return 0;
        },
        true };
}

Command select()
{
    return Command { QStringLiteral("select"),
        QCoreApplication::translate("cli", "Select a coreset from the newest difficulty scores (fast; no training)."),
        QStringLiteral("PROJECT"),
        [](QCommandLineParser &parser) {
            addSettingOptions(parser, false);
            parser.addOptions({ QCommandLineOption(QStringLiteral("tune"),
                                    QCoreApplication::translate("cli",
                                        "Choose beta on your own labels first: hold out %1 % of each class's human "
                                        "labels, train short models on every candidate's coreset, keep the best "
                                        "where it beats the default by more than the noise.")
                                        .arg(qRound(TuningSettings().heldOutShare * 100))),
                QCommandLineOption(QStringLiteral("tune-epochs"),
                    QCoreApplication::translate("cli", "Epochs of each tuning model (default %1).")
                        .arg(TuningSettings().epochs),
                    QStringLiteral("n")) });
        },
        [](QCommandLineParser &parser) {
            const QString file = positional(parser, 0, QCoreApplication::translate("cli", "the project file"));
            expectPositionals(parser, 1);
            const PipelineSettings settings = settingsFrom(parser, false);
            const bool tune = parser.isSet(QStringLiteral("tune"));
            if (tune && parser.isSet(QStringLiteral("beta")))
                throw UsageError { QCoreApplication::translate("cli", "--tune chooses beta: leave out --beta.") };
            TuningSettings tuning;
            tuning.epochs = intOption(parser, QStringLiteral("tune-epochs"), tuning.epochs);
            if (tuning.epochs < 1)
                throw UsageError { QCoreApplication::translate("cli", "--tune-epochs must be at least 1.") };
            const auto project = openProject(file);
            const bool json = parser.isSet(QStringLiteral("json"));
            PipelineResult result;
            TuningOutcome tuned;
            QElapsedTimer timer;
            timer.start();
            runWithProgress(json, [&](JobContext &job) {
                result = Pipeline(*project, settings, job).selectOnly(tune ? &tuning : nullptr, &tuned);
            });
            result.seconds = timer.elapsed() / 1000.0;
            if (tune && !json) {
                printLine(QCoreApplication::translate("cli", "Tuning on %1 held-out human labels (%2 pool images):")
                              .arg(tuned.heldOut)
                              .arg(tuned.pool));
                for (const TuningCandidate &candidate : tuned.candidates)
                    printLine(
                        QCoreApplication::translate("cli", "  beta %1: %2 % right, %3 images kept%4")
                            .arg(candidate.beta, 0, 'f', 1)
                            .arg(candidate.mean() * 100, 0, 'f', 1)
                            .arg(candidate.kept)
                            .arg(candidate.beta == tuned.chosenBeta ? QCoreApplication::translate("cli", "  <- chosen")
                                                                    : QString()));
                printLine(tuned.summary);
            }
            printResult(result, json, tune ? tuned.toJson() : QJsonObject());
            return 0;
        } };
}

Command runs()
{
    return Command { QStringLiteral("runs"),
        QCoreApplication::translate("cli", "List the runs and selections recorded in a project."),
        QStringLiteral("PROJECT"), [](QCommandLineParser &parser) { parser.addOptions({ jsonOption() }); },
        [](QCommandLineParser &parser) {
            const auto project
                = openProject(positional(parser, 0, QCoreApplication::translate("cli", "the project file")));
            expectPositionals(parser, 1);
            Database &db = project->db();
            if (!project->isReadOnly())
                RunTable(db).markAbandonedRunsInterrupted();
            QJsonArray runArray, selectionArray;
            for (const RunRecord &run : RunTable(db).all()) {
                runArray.append(
                    QJsonObject { { QStringLiteral("id"), run.id.value }, { QStringLiteral("kind"), run.kind },
                        { QStringLiteral("state"), runStateName(run.state) }, { QStringLiteral("device"), run.device },
                        { QStringLiteral("threads"), run.threads }, { QStringLiteral("progress"), run.progress },
                        { QStringLiteral("total"), run.total }, { QStringLiteral("started_at"), run.startedAtMs },
                        { QStringLiteral("finished_at"), run.finishedAtMs },
                        { QStringLiteral("active_seconds"), run.activeSeconds() },
                        { QStringLiteral("metrics"), run.metrics }, { QStringLiteral("parameters"), run.parameters },
                        { QStringLiteral("message"), run.message } });
            }
            for (const SelectionRecord &s : SelectionTable(db).all()) {
                selectionArray.append(
                    QJsonObject { { QStringLiteral("name"), s.name }, { QStringLiteral("method"), s.method },
                        { QStringLiteral("keep_ratio"), s.keepRatio }, { QStringLiteral("beta"), s.beta },
                        { QStringLiteral("kept"), s.kept }, { QStringLiteral("total"), s.total } });
            }
            if (parser.isSet(QStringLiteral("json"))) {
                printJson(QJsonObject {
                    { QStringLiteral("runs"), runArray }, { QStringLiteral("selections"), selectionArray } });
                return 0;
            }
            for (const QJsonValue &value : runArray) {
                const QJsonObject r = value.toObject();
                const qint64 started = r[QStringLiteral("started_at")].toInteger(),
                             finished = r[QStringLiteral("finished_at")].toInteger();
                printLine(QStringLiteral("#%1 %2 %3 %4/%5 %6 %7 s  %8")
                              .arg(r[QStringLiteral("id")].toInteger(), 4)
                              .arg(r[QStringLiteral("kind")].toString().leftJustified(12),
                                  r[QStringLiteral("state")].toString().leftJustified(11))
                              .arg(r[QStringLiteral("progress")].toInteger())
                              .arg(r[QStringLiteral("total")].toInteger())
                              .arg(r[QStringLiteral("device")].toString())
                              .arg(finished > 0 ? (finished - started) / 1000.0 : 0.0, 0, 'f', 1)
                              .arg(r[QStringLiteral("message")].toString()));
            }
            for (const QJsonValue &value : selectionArray) {
                const QJsonObject s = value.toObject();
                printLine(QCoreApplication::translate("cli", "selection %1: %2, keep %3, kept %4 of %5")
                              .arg(s[QStringLiteral("name")].toString(), s[QStringLiteral("method")].toString())
                              .arg(s[QStringLiteral("keep_ratio")].toDouble())
                              .arg(s[QStringLiteral("kept")].toInteger())
                              .arg(s[QStringLiteral("total")].toInteger()));
            }
            if (runArray.isEmpty())
                printLine(QCoreApplication::translate("cli", "No runs yet."));
            return 0;
        } };
}

} // namespace

Command config()
{
    return Command { QStringLiteral("config"),
        QCoreApplication::translate("cli", "Show or change the project's training settings."),
        QStringLiteral("PROJECT"),
        [](QCommandLineParser &parser) {
            parser.addOptions({ jsonOption(),
                QCommandLineOption(QStringLiteral("training-resolution"),
                    QCoreApplication::translate("cli",
                        "Square size images are trained at, 8-512 px, or \"auto\": native for small images "
                        "of one size (IDX data), 32 px otherwise."),
                    QStringLiteral("pixels|auto")) });
        },
        [](QCommandLineParser &parser) {
            const auto project
                = openProject(positional(parser, 0, QCoreApplication::translate("cli", "the project file")));
            expectPositionals(parser, 1);
            if (parser.isSet(QStringLiteral("training-resolution"))) {
                const QString value = parser.value(QStringLiteral("training-resolution"));
                bool ok = value == QLatin1String("auto");
                const int pixels = ok ? 0 : value.toInt(&ok);
                if (!ok)
                    throw UsageError { QCoreApplication::translate(
                        "cli", "--training-resolution takes a number of pixels or \"auto\", not \"%1\"")
                                           .arg(value) };
                setTrainingResolution(*project, pixels);
            }
            const int setting = trainingResolutionSetting(*project);
            const TrainingShape shape = trainingShapeOf(*project);
            const QString model = modelKindName(resolveModelKind(ModelKind::Auto, shape.width, shape.height));
            if (parser.isSet(QStringLiteral("json"))) {
                printJson(QJsonObject { { QStringLiteral("training_resolution"),
                                            setting == 0 ? QStringLiteral("auto") : QString::number(setting) },
                    { QStringLiteral("width"), shape.width }, { QStringLiteral("height"), shape.height },
                    { QStringLiteral("channels"), shape.channels }, { QStringLiteral("model"), model } });
                return 0;
            }
            printLine(QCoreApplication::translate("cli", "Training resolution: %1")
                          .arg(setting == 0 ? QCoreApplication::translate("cli", "automatic")
                                            : QCoreApplication::translate("cli", "%1 px").arg(setting)));
            printLine(
                QCoreApplication::translate("cli", "Images are trained at %1 x %2 px, %3; the automatic model is %4.")
                    .arg(shape.width)
                    .arg(shape.height)
                    .arg(shape.channels == 1 ? QCoreApplication::translate("cli", "gray")
                                             : QCoreApplication::translate("cli", "color"),
                        model));
            return 0;
        } };
}

std::vector<Command> learningCommands()
{
    return { config(),
        stageCommand(QStringLiteral("pipeline"),
            QCoreApplication::translate(
                "cli", "Run every stage: FixMatch, pseudo-labels, dynamics, scores, selection."),
            PipelineStage::Select),
        stageCommand(QStringLiteral("ssl"),
            QCoreApplication::translate(
                "cli", "Train the semi-supervised model (FixMatch) on the seed and unlabeled images."),
            PipelineStage::Ssl),
        stageCommand(QStringLiteral("pseudo-label"),
            QCoreApplication::translate("cli", "Pseudo-label every image (runs FixMatch first if needed)."),
            PipelineStage::PseudoLabel),
        stageCommand(QStringLiteral("dynamics"),
            QCoreApplication::translate(
                "cli", "Train the proxy model on the (pseudo-)labels, recording training dynamics."),
            PipelineStage::Dynamics),
        stageCommand(QStringLiteral("scores"),
            QCoreApplication::translate("cli", "Score every image's difficulty (AUM, forgetting, EL2N, DUAL)."),
            PipelineStage::Scores),
        select(), runs() };
}

} // namespace semiprune::cli

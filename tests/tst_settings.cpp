// The training settings type and the pipeline settings around it: the names of the enums, the JSON
// that runs are stored with (stage fingerprints hash it, so it is pinned to the letter), and what
// validation refuses.

#include "testsupport.h"

#include "common/error.h"
#include "jobs/pipelinesettings.h"
#include "jobs/trainingsettings.h"

#include <QJsonDocument>
#include <QtTest>

namespace semiprune {

using testsupport::errorOf;

namespace {

QByteArray compact(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

} // namespace

class TestSettings final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void enumNamesRoundTrip()
    {
        for (ModelKind kind : { ModelKind::Auto, ModelKind::SmallCnn, ModelKind::ResNet18 })
            QCOMPARE(modelKindFromName(modelKindName(kind)), kind);
        for (DeviceChoice device : { DeviceChoice::Auto, DeviceChoice::Cpu, DeviceChoice::Cuda })
            QCOMPARE(deviceChoiceFromName(deviceChoiceName(device)), device);
        QCOMPARE(modelKindName(ModelKind::SmallCnn), QStringLiteral("small-cnn"));
        QCOMPARE(deviceChoiceName(DeviceChoice::Cuda), QStringLiteral("cuda"));
        for (Precision precision : { Precision::Auto, Precision::Float32, Precision::BFloat16 })
            QCOMPARE(precisionFromName(precisionName(precision)), precision);
        QCOMPARE(precisionName(Precision::BFloat16), QStringLiteral("bfloat16"));
        QCOMPARE(errorOf([] { precisionFromName(QStringLiteral("fp16")); }),
            QStringLiteral("Unknown precision \"fp16\": use auto, float32 or bfloat16."));
        // An unknown name is refused with the choices, never taken as "auto".
        QCOMPARE(errorOf([] { modelKindFromName(QStringLiteral("vgg")); }),
            QStringLiteral("Unknown model \"vgg\": use auto, small-cnn or resnet-18."));
        QCOMPARE(errorOf([] { deviceChoiceFromName(QStringLiteral("tpu")); }),
            QStringLiteral("Unknown device \"tpu\": use auto, cpu or cuda."));
        QVERIFY(!errorOf([] { deviceChoiceFromName(QStringLiteral("CPU")); }).isEmpty()); // names are exact
        for (ThresholdMode mode : { ThresholdMode::Fixed, ThresholdMode::FlexMatch })
            QCOMPARE(thresholdModeFromName(thresholdModeName(mode)), mode);
        QCOMPARE(thresholdModeName(ThresholdMode::FlexMatch), QStringLiteral("flexmatch"));
        QCOMPARE(errorOf([] { thresholdModeFromName(QStringLiteral("freematch")); }),
            QStringLiteral("Unknown threshold mode \"freematch\": use fixed or flexmatch."));
    }

    // The stored form of the defaults, as every version before the settings type wrote it, with the
    // keys added since (precision, whose fingerprints name it only when it is not float32; the
    // threshold mode, written only when it is not the fixed rule of older runs).
    void storedJsonIsPinned()
    {
        QCOMPARE(compact(PipelineSettings().toJson()),
            QByteArray("{\"allow_flip\":true,\"batch_size\":32,\"beta\":-1,\"device\":\"auto\",\"force_seed\":false,"
                       "\"image_memory_mib\":0,\"keep_ratio\":0.3,\"model\":\"auto\",\"mu\":3,"
                       "\"precision\":\"auto\",\"proxy_epochs\":15,"
                       "\"score\":\"aum\",\"seed\":\"1\",\"selection_name\":\"\",\"selector\":\"cutoff\","
                       "\"ssl_steps\":1500,\"threads\":0,\"threshold\":0.95,\"threshold_mode\":\"flexmatch\"}"));
        TrainingSettings training;
        training.seed = 18446744073709551615ull; // 64 bits survive: stored as a string
        training.device = DeviceChoice::Cpu;
        training.model = ModelKind::ResNet18;
        const QJsonObject json = training.toJson();
        QCOMPARE(json.value(QStringLiteral("seed")).toString(), QStringLiteral("18446744073709551615"));
        QCOMPARE(json.value(QStringLiteral("device")).toString(), QStringLiteral("cpu"));
        QCOMPARE(json.value(QStringLiteral("model")).toString(), QStringLiteral("resnet-18"));
    }

    void jsonRoundTrips()
    {
        PipelineSettings s;
        s.training.sslSteps = 77;
        s.training.sslBatch = 9;
        s.training.mu = 5;
        s.training.threshold = 0.9;
        s.training.proxyEpochs = 4;
        s.training.seed = 123456789012345ull;
        s.training.threads = 3;
        s.training.device = DeviceChoice::Cpu;
        s.training.model = ModelKind::SmallCnn;
        s.training.allowFlip = false;
        s.training.precision = Precision::BFloat16;
        s.training.imageMemoryMiB = 640;
        s.training.thresholdMode = ThresholdMode::FlexMatch;
        s.training.alignDistribution = true;
        s.selector = SelectorKind::DualBeta;
        s.score = QStringLiteral("el2n");
        s.keepRatio = 0.2;
        s.beta = 0.25;
        s.forceSeed = true;
        s.selectionName = QStringLiteral("mine");
        const PipelineSettings back = PipelineSettings::fromJson(s.toJson());
        QCOMPARE(compact(back.toJson()), compact(s.toJson()));
        QCOMPARE(back.training.model, ModelKind::SmallCnn);
        QCOMPARE(back.training.precision, Precision::BFloat16);
        QCOMPARE(back.training.thresholdMode, ThresholdMode::FlexMatch);
        QVERIFY(back.training.alignDistribution);
        // Under the method's rule the two keys are absent, so stored runs and fingerprints keep their shape.
        TrainingSettings plain;
        plain.thresholdMode = ThresholdMode::Fixed;
        plain.alignDistribution = false;
        QVERIFY(!plain.toJson().contains(QStringLiteral("threshold_mode")));
        QVERIFY(!plain.toJson().contains(QStringLiteral("distribution_alignment")));
        // Absent, they mean the fixed rule without alignment, whatever the defaults say: that is what
        // runs stored without them did.
        TrainingSettings adaptive;
        adaptive.thresholdMode = ThresholdMode::FlexMatch;
        adaptive.alignDistribution = true;
        QCOMPARE(TrainingSettings::fromJson(QJsonObject {}, adaptive).thresholdMode, ThresholdMode::Fixed);
        QVERIFY(!TrainingSettings::fromJson(QJsonObject {}, adaptive).alignDistribution);
        // Settings stored before precision existed read as auto.
        QCOMPARE(TrainingSettings::fromJson(QJsonObject {}).precision, Precision::Auto);
        QCOMPARE(back.training.seed, 123456789012345ull);

        // Missing keys keep the given defaults; a stored device this version does not know is refused.
        TrainingSettings defaults;
        defaults.sslSteps = 3693;
        QCOMPARE(TrainingSettings::fromJson(QJsonObject { { QStringLiteral("mu"), 7 } }, defaults).sslSteps, 3693);
        QCOMPARE(TrainingSettings::fromJson(QJsonObject { { QStringLiteral("mu"), 7 } }).mu, 7);
        QVERIFY(!errorOf([] {
            TrainingSettings::fromJson(QJsonObject { { QStringLiteral("device"), QStringLiteral("tpu") } });
        }).isEmpty());
    }

    void validationRefusesWhatCannotWork()
    {
        QVERIFY(errorOf([] { TrainingSettings().validate(); }).isEmpty());
        QVERIFY(errorOf([] { PipelineSettings().validate(); }).isEmpty());
        const auto refused = [](auto change, const char *word) {
            TrainingSettings s;
            change(s);
            const QString message = errorOf([&] { s.validate(); });
            if (!message.contains(QLatin1String(word)))
                qWarning() << "message:" << message;
            return message.contains(QLatin1String(word));
        };
        QVERIFY(refused([](TrainingSettings &s) { s.sslSteps = 0; }, "step"));
        QVERIFY(refused([](TrainingSettings &s) { s.sslBatch = 1; }, "batch"));
        QVERIFY(refused([](TrainingSettings &s) { s.mu = 65; }, "mu"));
        QVERIFY(refused([](TrainingSettings &s) { s.threshold = 0; }, "threshold"));
        QVERIFY(refused([](TrainingSettings &s) { s.proxyEpochs = 0; }, "epoch"));
        QVERIFY(refused([](TrainingSettings &s) { s.threads = -1; }, "thread"));
        QVERIFY(refused([](TrainingSettings &s) { s.imageMemoryMiB = -1; }, "memory"));
        // The pipeline checks its training part too.
        PipelineSettings pipeline;
        pipeline.training.sslSteps = 0;
        QVERIFY(errorOf([&] { pipeline.validate(); }).contains(QLatin1String("step")));
        pipeline = PipelineSettings();
        pipeline.score = QStringLiteral("loss");
        QVERIFY(errorOf([&] { pipeline.validate(); }).contains(QLatin1String("Unknown score")));
    }
};

} // namespace semiprune

QTEST_APPLESS_MAIN(semiprune::TestSettings)
#include "tst_settings.moc"

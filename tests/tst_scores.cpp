// Training dynamics storage and the difficulty scores of method.md stage 5. Expected values are
// worked out by hand in the comments; the probabilities are multiples of 1/16, exact in float16,
// so the stored values equal the written ones.

#include "testsupport.h"

#include "common/error.h"
#include "scoring/scores.h"
#include "scoring/trainingdynamics.h"

#include <QtTest>

#include <cmath>

namespace semiprune {

using testsupport::errorOf;

namespace {

// Builds dynamics from one row of records per image (rows are image-major for readability; the
// store is epoch-major).
TrainingDynamics fromRows(const std::vector<std::vector<EpochRecord>> &rows)
{
    TrainingDynamics dynamics(int(rows.size()));
    const std::size_t epochs = rows.empty() ? 0 : rows.front().size();
    for (std::size_t t = 0; t < epochs; ++t) {
        std::vector<EpochRecord> epoch;
        for (const auto &row : rows)
            epoch.push_back(row[t]);
        dynamics.appendEpoch(epoch);
    }
    return dynamics;
}

// Two-class records from confidence trajectories pi_t = p_t(y): the other class has 1 - pi,
// ||p - onehot(y)|| = sqrt(2) (1 - pi), right when pi > 1/2.
TrainingDynamics fromConfidences(const std::vector<std::vector<float>> &trajectories)
{
    std::vector<std::vector<EpochRecord>> rows;
    for (const auto &pi : trajectories) {
        std::vector<EpochRecord> row;
        for (float p : pi)
            row.push_back({ p, 1.0f - p, float(std::sqrt(2.0) * (1.0 - p)), std::uint8_t(p > 0.5f) });
        rows.push_back(row);
    }
    return fromRows(rows);
}

TrainingDynamics fromCorrectness(const QList<int> &correct)
{
    std::vector<EpochRecord> row;
    for (int c : correct)
        row.push_back({ c ? 0.75f : 0.25f, c ? 0.25f : 0.75f, 0.5f, std::uint8_t(c) });
    return fromRows({ row });
}

// The message of the Error `call` throws, or an empty string when it throws nothing.
QByteArray validBlob()
{
    TrainingDynamics dynamics = fromRows({ { { 0.5f, 0.25f, 1.0f, 1 } }, { { 0.125f, 0.75f, 1.25f, 0 } } });
    return dynamics.serializeEpoch(0);
}

} // namespace

class TestScores final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void storesRecordsPerImageAndEpoch();
    void roundsProbabilitiesToFloat16();
    void rejectsWrongEpochSize();
    void rejectsImpossibleValues_data();
    void rejectsImpossibleValues();
    void rejectsNegativeImageCount();
    void serializesEpochToFixedLayout();
    void serializationRoundTripsExactly();
    void rejectsCorruptBlobs_data();
    void rejectsCorruptBlobs();
    void rejectsSerializingMissingEpoch();

    void hardEndIsExplicitPerScore();
    void scoreNamesRoundTrip();
    void rejectsUnknownScoreName();
    void ranksHardestFirstWithTiesInIndexOrder();
    void rejectsNonFiniteScoresInRanking();

    void aumSumsMargins();
    void aumSpansMinusEToE();
    void forgettingCountsRightToWrong_data();
    void forgettingCountsRightToWrong();
    void el2nSumsFirstEpochs();
    void el2nDefaultEpochs_data();
    void el2nDefaultEpochs();
    void rejectsBadEl2nEpochs();
    void dualAveragesWindows();
    void dualOfFlatTrajectoryIsZero();
    void dualAcrossImageBlocks();
    void dualDefaultParameters_data();
    void dualDefaultParameters();
    void rejectsBadDualParameters();
    void dualMeanConfidenceOverHorizon();
    void computeScoresUsesDefaults();
    void scoresNeedEpochs();
    void scoresSurviveSerialization();
};

void TestScores::storesRecordsPerImageAndEpoch()
{
    const TrainingDynamics dynamics = fromRows({
        { { 0.5f, 0.25f, 0.75f, 1 }, { 0.625f, 0.125f, 0.5f, 1 } },
        { { 0.0625f, 0.875f, 1.25f, 0 }, { 0.25f, 0.5f, 1.0f, 0 } },
        { { 1.0f, 0.0f, 0.0f, 1 }, { 0.9375f, 0.0625f, 0.0625f, 1 } },
    });
    QCOMPARE(dynamics.imageCount(), 3);
    QCOMPARE(dynamics.epochCount(), 2);
    const EpochRecord r = dynamics.record(1, 1);
    QCOMPARE(r.labelProb, 0.25f);
    QCOMPARE(r.maxOtherProb, 0.5f);
    QCOMPARE(r.el2n, 1.0f);
    QCOMPARE(int(r.correct), 0);
    QCOMPARE(dynamics.record(2, 0).labelProb, 1.0f);
    QCOMPARE(dynamics.record(0, 1).labelProb, 0.625f);
    QCOMPARE(dynamics.record(2, 1).el2n, 0.0625f);
}

void TestScores::roundsProbabilitiesToFloat16()
{
    // 0.1 is not a float16; the nearest is 0x2E66 = 2^-4 * (1 + 614/1024) = 0.0999755859375.
    const TrainingDynamics dynamics = fromRows({ { { 0.1f, 0.0f, 0.0f, 0 } } });
    QCOMPARE(double(dynamics.record(0, 0).labelProb), 0.0999755859375);
}

void TestScores::rejectsWrongEpochSize()
{
    TrainingDynamics dynamics(3);
    QVERIFY_THROWS_EXCEPTION(Error, dynamics.appendEpoch(std::vector<EpochRecord>(2)));
    QVERIFY_THROWS_EXCEPTION(Error, dynamics.appendEpoch(std::vector<EpochRecord>(4)));
    QCOMPARE(dynamics.epochCount(), 0);
    dynamics.appendEpoch(std::vector<EpochRecord>(3));
    QCOMPARE(dynamics.epochCount(), 1);
}

void TestScores::rejectsImpossibleValues_data()
{
    QTest::addColumn<float>("labelProb");
    QTest::addColumn<float>("maxOtherProb");
    QTest::addColumn<float>("el2n");
    QTest::addColumn<int>("correct");
    const float nan = std::nanf("");
    QTest::newRow("NaN label probability") << nan << 0.5f << 0.5f << 1;
    QTest::newRow("label probability above 1") << 1.5f << 0.0f << 0.5f << 1;
    QTest::newRow("negative other probability") << 0.5f << -0.25f << 0.5f << 1;
    QTest::newRow("infinite el2n") << 0.5f << 0.5f << float(INFINITY) << 0;
    QTest::newRow("el2n above sqrt 2") << 0.5f << 0.5f << 2.0f << 0;
    QTest::newRow("correct is 2") << 0.5f << 0.25f << 0.5f << 2;
}

void TestScores::rejectsImpossibleValues()
{
    QFETCH(float, labelProb);
    QFETCH(float, maxOtherProb);
    QFETCH(float, el2n);
    QFETCH(int, correct);
    TrainingDynamics dynamics(2);
    const std::vector<EpochRecord> epoch
        = { { 0.5f, 0.5f, 0.5f, 0 }, { labelProb, maxOtherProb, el2n, std::uint8_t(correct) } };
    const QString message = errorOf([&] { dynamics.appendEpoch(epoch); });
    QVERIFY2(message.contains(QStringLiteral("image 1")), qPrintable(message));
    QCOMPARE(dynamics.epochCount(), 0);
}

void TestScores::rejectsNegativeImageCount()
{
    QVERIFY_THROWS_EXCEPTION(Error, TrainingDynamics(-1));
}

void TestScores::serializesEpochToFixedLayout()
{
    // Header "SPTD", version 1, 2 images, then per image three little-endian float16 and one byte:
    // 0.5 = 0x3800, 0.25 = 0x3400, 1.0 = 0x3C00, 0.125 = 0x3000, 0.75 = 0x3A00, 1.25 = 0x3D00.
    const QByteArray expected = QByteArray::fromHex("53505444"
                                                    "01000000"
                                                    "02000000"
                                                    "0038"
                                                    "0034"
                                                    "003c"
                                                    "01"
                                                    "0030"
                                                    "003a"
                                                    "003d"
                                                    "00");
    QCOMPARE(validBlob(), expected);
}

void TestScores::serializationRoundTripsExactly()
{
    std::vector<std::vector<EpochRecord>> rows;
    for (int image = 0; image < 50; ++image) {
        std::vector<EpochRecord> row;
        for (int t = 0; t < 4; ++t) {
            const float p = float((image * 7 + t * 13) % 100) / 99.0f; // not float16-exact on purpose
            row.push_back({ p, (1.0f - p) / 3.0f, 0.3f + p, std::uint8_t((image + t) % 2) });
        }
        rows.push_back(row);
    }
    const TrainingDynamics live = fromRows(rows);
    TrainingDynamics reloaded(50);
    for (int t = 0; t < live.epochCount(); ++t)
        reloaded.appendSerializedEpoch(live.serializeEpoch(t));
    QCOMPARE(reloaded.epochCount(), 4);
    for (int t = 0; t < 4; ++t) {
        QCOMPARE(reloaded.serializeEpoch(t), live.serializeEpoch(t));
        for (int image = 0; image < 50; ++image) {
            const EpochRecord a = live.record(image, t);
            const EpochRecord b = reloaded.record(image, t);
            QCOMPARE(b.labelProb, a.labelProb);
            QCOMPARE(b.maxOtherProb, a.maxOtherProb);
            QCOMPARE(b.el2n, a.el2n);
            QCOMPARE(b.correct, a.correct);
        }
    }
}

void TestScores::rejectsCorruptBlobs_data()
{
    QTest::addColumn<QByteArray>("blob");
    const QByteArray valid = validBlob();
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("truncated") << valid.left(valid.size() - 1);
    QTest::newRow("trailing byte") << valid + '\0';
    QByteArray magic = valid;
    magic[0] = 'X';
    QTest::newRow("wrong magic") << magic;
    QByteArray version = valid;
    version[4] = 2;
    QTest::newRow("other version") << version;
    QByteArray count = valid;
    count[8] = 3;
    QTest::newRow("other image count") << count;
    QByteArray correct = valid;
    correct[12 + 6] = 2;
    QTest::newRow("correct is 2") << correct;
    QByteArray nan = valid;
    nan[12] = 0x00; // float16 0x7E00 is NaN
    nan[13] = 0x7e;
    QTest::newRow("NaN probability") << nan;
}

void TestScores::rejectsCorruptBlobs()
{
    QFETCH(QByteArray, blob);
    TrainingDynamics dynamics(2);
    QVERIFY_THROWS_EXCEPTION(Error, dynamics.appendSerializedEpoch(blob));
    QCOMPARE(dynamics.epochCount(), 0);
}

void TestScores::rejectsSerializingMissingEpoch()
{
    const TrainingDynamics dynamics = fromConfidences({ { 0.5f, 0.5f } });
    QVERIFY_THROWS_EXCEPTION(Error, dynamics.serializeEpoch(2));
    QVERIFY_THROWS_EXCEPTION(Error, dynamics.serializeEpoch(-1));
}

void TestScores::hardEndIsExplicitPerScore()
{
    QCOMPARE(hardEndOf(ScoreKind::Aum), HardEnd::Low);
    QCOMPARE(hardEndOf(ScoreKind::Forgetting), HardEnd::High);
    QCOMPARE(hardEndOf(ScoreKind::El2n), HardEnd::High);
    QCOMPARE(hardEndOf(ScoreKind::Dual), HardEnd::High);
}

void TestScores::scoreNamesRoundTrip()
{
    for (ScoreKind kind : { ScoreKind::Aum, ScoreKind::Forgetting, ScoreKind::El2n, ScoreKind::Dual })
        QCOMPARE(parseScoreKind(scoreKindName(kind)), kind);
    QCOMPARE(scoreKindName(ScoreKind::Aum), QStringLiteral("aum"));
    QCOMPARE(scoreKindName(ScoreKind::El2n), QStringLiteral("el2n"));
    QCOMPARE(parseScoreKind(QStringLiteral(" AUM ")), ScoreKind::Aum);
    QCOMPARE(parseScoreKind(QStringLiteral("Dual")), ScoreKind::Dual);
}

void TestScores::rejectsUnknownScoreName()
{
    const QString message = errorOf([] { parseScoreKind(QStringLiteral("margin")); });
    QVERIFY2(message.contains(QStringLiteral("\"margin\"")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("aum, forgetting, el2n, dual")), qPrintable(message));
}

void TestScores::ranksHardestFirstWithTiesInIndexOrder()
{
    const std::vector<double> scores = { 0.5, -1.0, 0.5, 2.0, -1.0 };
    QCOMPARE(hardestFirst(scores, HardEnd::Low), (std::vector<int> { 1, 4, 0, 2, 3 }));
    QCOMPARE(hardestFirst(scores, HardEnd::High), (std::vector<int> { 3, 0, 2, 1, 4 }));
    QVERIFY(hardestFirst({}, HardEnd::Low).empty());
}

void TestScores::rejectsNonFiniteScoresInRanking()
{
    QVERIFY_THROWS_EXCEPTION(Error, hardestFirst({ 1.0, std::nan(""), 0.0 }, HardEnd::Low));
    QVERIFY_THROWS_EXCEPTION(Error, hardestFirst({ 1.0, -INFINITY }, HardEnd::High));
}

void TestScores::aumSumsMargins()
{
    const TrainingDynamics dynamics = fromRows({
        // margins 0.75-0.125 = 0.625, 0.5-0.25 = 0.25, 0.875-0.0625 = 0.8125: AUM 1.6875
        { { 0.75f, 0.125f, 0, 1 }, { 0.5f, 0.25f, 0, 1 }, { 0.875f, 0.0625f, 0, 1 } },
        // margins -0.25, -0.625, 0: AUM -0.875 (likely mislabeled)
        { { 0.25f, 0.5f, 0, 0 }, { 0.125f, 0.75f, 0, 0 }, { 0.5f, 0.5f, 0, 0 } },
    });
    const std::vector<double> aum = aumScores(dynamics);
    QCOMPARE(aum.size(), std::size_t(2));
    QCOMPARE(aum[0], 1.6875);
    QCOMPARE(aum[1], -0.875);
}

void TestScores::aumSpansMinusEToE()
{
    const TrainingDynamics dynamics = fromRows({
        { { 1.0f, 0.0f, 0, 1 }, { 1.0f, 0.0f, 0, 1 }, { 1.0f, 0.0f, 0, 1 } },
        { { 0.0f, 1.0f, 0, 0 }, { 0.0f, 1.0f, 0, 0 }, { 0.0f, 1.0f, 0, 0 } },
    });
    QCOMPARE(aumScores(dynamics), (std::vector<double> { 3.0, -3.0 }));
}

void TestScores::forgettingCountsRightToWrong_data()
{
    QTest::addColumn<QList<int>>("correct");
    QTest::addColumn<double>("events");
    QTest::newRow("right then wrong") << QList<int> { 1, 0 } << 1.0;
    QTest::newRow("wrong at epoch 0 is no event") << QList<int> { 0, 1, 1 } << 0.0;
    QTest::newRow("always right") << QList<int> { 1, 1, 1 } << 0.0;
    QTest::newRow("never learned") << QList<int> { 0, 0, 0 } << 0.0;
    QTest::newRow("single epoch right") << QList<int> { 1 } << 0.0;
    QTest::newRow("single epoch wrong") << QList<int> { 0 } << 0.0;
    QTest::newRow("alternating from right") << QList<int> { 1, 0, 1, 0, 1, 0 } << 3.0;
    QTest::newRow("alternating from wrong") << QList<int> { 0, 1, 0, 1, 0 } << 2.0;
    QTest::newRow("learned late, forgotten at the end") << QList<int> { 0, 0, 1, 1, 0 } << 1.0;
    QTest::newRow("wrong to right is no event") << QList<int> { 0, 1, 1, 1 } << 0.0;
}

void TestScores::forgettingCountsRightToWrong()
{
    QFETCH(QList<int>, correct);
    QFETCH(double, events);
    QCOMPARE(forgettingScores(fromCorrectness(correct)), std::vector<double> { events });
}

void TestScores::el2nSumsFirstEpochs()
{
    const TrainingDynamics dynamics = fromRows({
        { { 0.5f, 0.5f, 0.5f, 0 }, { 0.5f, 0.5f, 0.25f, 0 }, { 0.5f, 0.5f, 1.0f, 0 }, { 0.5f, 0.5f, 0.125f, 0 } },
        { { 1.0f, 0.0f, 0.0f, 1 }, { 1.0f, 0.0f, 0.0f, 1 }, { 0.5f, 0.5f, 0.75f, 0 }, { 1.0f, 0.0f, 0.0f, 1 } },
    });
    QCOMPARE(el2nScores(dynamics, 1), (std::vector<double> { 0.5, 0.0 }));
    QCOMPARE(el2nScores(dynamics, 2), (std::vector<double> { 0.75, 0.0 })); // 0.5 + 0.25
    QCOMPARE(el2nScores(dynamics, 4), (std::vector<double> { 1.875, 0.75 })); // 0.5 + 0.25 + 1 + 0.125
}

void TestScores::el2nDefaultEpochs_data()
{
    // max(1, round(E / 10)) with halves rounded up.
    QTest::addColumn<int>("epochs");
    QTest::addColumn<int>("expected");
    QTest::newRow("1") << 1 << 1;
    QTest::newRow("4 (round 0.4 = 0, at least 1)") << 4 << 1;
    QTest::newRow("5 (round 0.5 = 1)") << 5 << 1;
    QTest::newRow("14") << 14 << 1;
    QTest::newRow("15 (round 1.5 = 2)") << 15 << 2;
    QTest::newRow("20") << 20 << 2;
    QTest::newRow("25 (round 2.5 = 3)") << 25 << 3;
    QTest::newRow("30") << 30 << 3;
    QTest::newRow("200 (paper)") << 200 << 20;
}

void TestScores::el2nDefaultEpochs()
{
    QFETCH(int, epochs);
    QFETCH(int, expected);
    QCOMPARE(defaultEl2nEpochs(epochs), expected);
}

void TestScores::rejectsBadEl2nEpochs()
{
    const TrainingDynamics dynamics = fromConfidences({ { 0.5f, 0.75f, 0.25f } });
    QVERIFY_THROWS_EXCEPTION(Error, el2nScores(dynamics, 0));
    QVERIFY_THROWS_EXCEPTION(Error, el2nScores(dynamics, 4));
}

void TestScores::dualAveragesWindows()
{
    // pi = 0.5, 0.75, 0.25, 1.0. Each window scores 10 * population std * (1 - mean).
    const TrainingDynamics dynamics = fromConfidences({ { 0.5f, 0.75f, 0.25f, 1.0f }, { 0.25f, 0.25f, 0.75f, 0.75f } });

    // J = 2, T = 4: windows (0.5, 0.75): mean 0.625, std 0.125 -> 1.25 * 0.375 = 0.46875;
    // (0.75, 0.25): mean 0.5, std 0.25 -> 2.5 * 0.5 = 1.25; (0.25, 1): mean 0.625, std 0.375 ->
    // 3.75 * 0.375 = 1.40625. Mean 3.125 / 3 = 1.041666...
    // Second image: (0.25, 0.25) -> 0; (0.25, 0.75) -> 2.5 * 0.5 = 1.25; (0.75, 0.75) -> 0: 1.25 / 3.
    std::vector<double> dual = dualScores(dynamics, { 2, 4 });
    QCOMPARE(dual[0], 3.125 / 3.0);
    QCOMPARE(dual[1], 1.25 / 3.0);

    // T = 3 stops after the first three epochs: (0.46875 + 1.25) / 2.
    QCOMPARE(dualScores(dynamics, { 2, 3 })[0], 0.859375);

    // J = 3, T = 4: (0.5, 0.75, 0.25): mean 0.5, variance (0 + 1/16 + 1/16) / 3 = 1/24, std 0.2041241
    // -> 10 * 0.2041241 * 0.5 = 1.0206207; (0.75, 0.25, 1): mean 2/3, squared deviations
    // (1/144 + 25/144 + 16/144) / 3 = 14/144, std sqrt(14) / 12 = 0.3118048 -> 10 * 0.3118048 / 3 =
    // 1.0393493. Mean 1.029985. (The sample std, dividing by J - 1, would give 1.25 for the first
    // window alone.)
    QVERIFY(qAbs(dualScores(dynamics, { 3, 4 })[0] - 1.0299850001317652) < 1e-12);

    // J = T = 4: one window, mean 0.625, variance (1/64 + 1/64 + 9/64 + 9/64) / 4 = 5/64, std
    // 0.2795085 -> 10 * 0.2795085 * 0.375 = 1.0481569.
    QVERIFY(qAbs(dualScores(dynamics, { 4, 4 })[0] - 1.0481568644530266) < 1e-12);
}

void TestScores::dualOfFlatTrajectoryIsZero()
{
    const TrainingDynamics dynamics = fromConfidences({ { 0.3f, 0.3f, 0.3f, 0.3f }, { 1.0f, 1.0f, 1.0f, 1.0f } });
    QCOMPARE(dualScores(dynamics, { 2, 4 }), (std::vector<double> { 0.0, 0.0 }));
    QCOMPARE(dualScores(dynamics, { 3, 4 }), (std::vector<double> { 0.0, 0.0 }));
}

void TestScores::dualAcrossImageBlocks()
{
    // More images than one gather block (1024), so block boundaries and the last partial block are
    // exercised; image i follows pattern i % 3 with the scores worked out in dualAveragesWindows.
    const std::vector<std::vector<float>> patterns
        = { { 0.5f, 0.75f, 0.25f, 1.0f }, { 0.25f, 0.25f, 0.75f, 0.75f }, { 0.3f, 0.3f, 0.3f, 0.3f } };
    const std::vector<double> expected = { 3.125 / 3.0, 1.25 / 3.0, 0.0 };
    std::vector<std::vector<float>> trajectories;
    for (int image = 0; image < 2500; ++image)
        trajectories.push_back(patterns[std::size_t(image % 3)]);
    const std::vector<double> dual = dualScores(fromConfidences(trajectories), { 2, 4 });
    QCOMPARE(dual.size(), std::size_t(2500));
    for (int image = 0; image < 2500; ++image)
        QCOMPARE(dual[std::size_t(image)], expected[std::size_t(image % 3)]);
}

void TestScores::dualDefaultParameters_data()
{
    // J = max(2, round(E / 20)), halves rounded up; T = clamp(3 J, J, E).
    QTest::addColumn<int>("epochs");
    QTest::addColumn<int>("window");
    QTest::addColumn<int>("horizon");
    QTest::newRow("2") << 2 << 2 << 2;
    QTest::newRow("5 (quick benchmark)") << 5 << 2 << 5;
    QTest::newRow("10") << 10 << 2 << 6;
    QTest::newRow("15 (the default proxy run)") << 15 << 2 << 6;
    QTest::newRow("20") << 20 << 2 << 6;
    QTest::newRow("30") << 30 << 2 << 6;
    QTest::newRow("50") << 50 << 3 << 9;
    QTest::newRow("100") << 100 << 5 << 15;
    QTest::newRow("200 (paper)") << 200 << 10 << 30;
}

void TestScores::dualDefaultParameters()
{
    QFETCH(int, epochs);
    QFETCH(int, window);
    QFETCH(int, horizon);
    const DualParameters parameters = defaultDualParameters(epochs);
    QCOMPARE(parameters.window, window);
    QCOMPARE(parameters.horizon, horizon);
}

void TestScores::rejectsBadDualParameters()
{
    const TrainingDynamics dynamics = fromConfidences({ { 0.5f, 0.75f, 0.25f, 1.0f } });
    QVERIFY_THROWS_EXCEPTION(Error, dualScores(dynamics, { 1, 4 }));
    QVERIFY_THROWS_EXCEPTION(Error, dualScores(dynamics, { 3, 2 }));
    QVERIFY_THROWS_EXCEPTION(Error, dualScores(dynamics, { 2, 5 }));
    QVERIFY_THROWS_EXCEPTION(Error, defaultDualParameters(1));
    QVERIFY_THROWS_EXCEPTION(Error, defaultDualParameters(0));
    const QString message = errorOf([&] { dualScores(dynamics, { 3, 2 }); });
    QVERIFY2(
        message.contains(QStringLiteral("J = 3")) && message.contains(QStringLiteral("T = 2")), qPrintable(message));
}

void TestScores::dualMeanConfidenceOverHorizon()
{
    const TrainingDynamics dynamics = fromConfidences({ { 0.5f, 0.75f, 0.25f, 1.0f } });
    QCOMPARE(dualMeanConfidence(dynamics, 2), std::vector<double> { 0.625 }); // (0.5 + 0.75) / 2
    QCOMPARE(dualMeanConfidence(dynamics, 3), std::vector<double> { 0.5 }); // 1.5 / 3
    QVERIFY_THROWS_EXCEPTION(Error, dualMeanConfidence(dynamics, 0));
    QVERIFY_THROWS_EXCEPTION(Error, dualMeanConfidence(dynamics, 5));
}

void TestScores::computeScoresUsesDefaults()
{
    const TrainingDynamics dynamics = fromConfidences({ { 0.5f, 0.75f, 0.25f, 1.0f } });
    QCOMPARE(computeScores(dynamics, ScoreKind::Aum), aumScores(dynamics));
    QCOMPARE(computeScores(dynamics, ScoreKind::Forgetting), std::vector<double> { 1.0 }); // right 0.75, wrong 0.25
    // E = 4: EL2N over max(1, round(0.4)) = 1 epoch: sqrt(2) * 0.5 rounded to float16.
    QCOMPARE(computeScores(dynamics, ScoreKind::El2n), el2nScores(dynamics, 1));
    // E = 4: J = 2, T = clamp(3 J = 6, 2, 4) = 4: windows (0.5, 0.75) -> 0.46875, (0.75, 0.25) -> 1.25
    // and (0.25, 1.0) -> 1.40625, mean 3.125 / 3.
    QCOMPARE(computeScores(dynamics, ScoreKind::Dual), dualScores(dynamics, { 2, 4 }));
    QVERIFY(std::abs(computeScores(dynamics, ScoreKind::Dual)[0] - 3.125 / 3) < 1e-12);
}

void TestScores::scoresNeedEpochs()
{
    const TrainingDynamics empty(3);
    QVERIFY_THROWS_EXCEPTION(Error, aumScores(empty));
    QVERIFY_THROWS_EXCEPTION(Error, forgettingScores(empty));
    QVERIFY_THROWS_EXCEPTION(Error, el2nScores(empty, 1));
    QVERIFY_THROWS_EXCEPTION(Error, dualScores(empty, { 2, 2 }));
    QVERIFY_THROWS_EXCEPTION(Error, dualMeanConfidence(empty, 1));
    for (ScoreKind kind : { ScoreKind::Aum, ScoreKind::Forgetting, ScoreKind::El2n, ScoreKind::Dual })
        QVERIFY_THROWS_EXCEPTION(Error, computeScores(empty, kind));
}

void TestScores::scoresSurviveSerialization()
{
    std::vector<std::vector<float>> trajectories;
    for (int image = 0; image < 40; ++image) {
        std::vector<float> pi;
        for (int t = 0; t < 20; ++t)
            pi.push_back(float(std::fmod(0.37 * image + 0.11 * t * t, 1.0)));
        trajectories.push_back(pi);
    }
    const TrainingDynamics live = fromConfidences(trajectories);
    TrainingDynamics reloaded(live.imageCount());
    for (int t = 0; t < live.epochCount(); ++t)
        reloaded.appendSerializedEpoch(live.serializeEpoch(t));
    for (ScoreKind kind : { ScoreKind::Aum, ScoreKind::Forgetting, ScoreKind::El2n, ScoreKind::Dual })
        QVERIFY(computeScores(reloaded, kind) == computeScores(live, kind)); // bit-identical
}

} // namespace semiprune

QTEST_APPLESS_MAIN(semiprune::TestScores)
#include "tst_scores.moc"

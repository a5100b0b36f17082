// The coreset selectors of method.md stage 6 and the generator they draw with. Hand examples give
// exact kept lists and reasons; the samplers are also checked statistically over many seeds.

#include "testsupport.h"

#include "common/error.h"
#include "common/random.h"
#include "selection/budget.h"
#include "selection/coveragecentric.h"
#include "selection/diversecoverage.h"
#include "selection/dualbeta.h"
#include "selection/hardcutoff.h"
#include "selection/labelsuggestion.h"
#include "selection/randomselection.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <set>

namespace semiprune {

using testsupport::errorOf;

namespace {

using Reasons = std::vector<SelectionReason>;
constexpr SelectionReason K = SelectionReason::Kept;
constexpr SelectionReason H = SelectionReason::DroppedHard;
constexpr SelectionReason E = SelectionReason::DroppedEasy;
constexpr SelectionReason S = SelectionReason::DroppedNotSampled;

// Every selection must agree with itself: kept images distinct, and exactly they have reason Kept.
bool consistent(const Selection &selection, int imageCount)
{
    if (selection.reasons.size() != std::size_t(imageCount))
        return false;
    const std::set<int> kept(selection.kept.begin(), selection.kept.end());
    if (kept.size() != selection.kept.size())
        return false;
    for (int image = 0; image < imageCount; ++image)
        if ((selection.reasons[std::size_t(image)] == K) != (kept.count(image) == 1))
            return false;
    return true;
}

std::set<int> keptSet(const Selection &selection)
{
    return { selection.kept.begin(), selection.kept.end() };
}

int keptAmong(const Selection &selection, int first, int last)
{
    return int(std::count_if(
        selection.kept.begin(), selection.kept.end(), [&](int image) { return image >= first && image <= last; }));
}

// AUM-like scores for the cutoff examples. Ranked low to high (hardest first for AUM):
// 1 (-2), 4 (-1), 3 (0.5), 8 (0.5, tie after 3), 6 (1.5), 7 (2), 0 (3), 5 (4), 2 (5), 9 (6).
const std::vector<double> kCutoffScores = { 3.0, -2.0, 5.0, 0.5, -1.0, 4.0, 1.5, 2.0, 0.5, 6.0 };

// The CCS example: images 0 and 1 are the two hardest (AUM), the rest span [0, 3] in three strata
// of width 1: {2}, {3, 4, 5}, {6, ..., 11}. No score sits on an inner stratum boundary.
const std::vector<double> kCcsScores = { -5.0, -4.0, 0.0, 1.1, 1.5, 1.9, 2.1, 2.2, 2.5, 2.8, 2.9, 3.0 };

} // namespace

class TestSelection final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rngMatchesReferenceSequence();
    void rngBoundedDrawsAreInRangeAndEven();
    void rngUniformIsInUnitInterval();
    void rngPartialShuffleSamples();

    void budgetCounts_data();
    void budgetCounts();
    void budgetRejectsBadRatios_data();
    void budgetRejectsBadRatios();
    void defaultBetaAtPaperPoints();
    void defaultBetaInterpolatesAndClamps();
    void defaultBetaStaysBelowOneMinusR();

    void hardCutoffOnHandExample();
    void hardCutoffHighEnd();
    void hardCutoffWithoutBeta();
    void hardCutoffKeepsForcedImages();
    void hardCutoffKeepsAllForcedBeyondBudget();
    void hardCutoffRejectsBadInputs();
    void classAwareCutoffKeepsProportions();
    void classAwareCutoffDistributesLeftover();
    void classAwareCutoffProportionsAtScale();
    void classAwareCutoffKeepsForcedImages();
    void classAwareCutoffRejectsWrongLabelCount();

    void ccsAllocatesStrata();
    void ccsSelectsOnHandExample();
    void ccsSamplesUniformlyInsideStratum();
    void ccsKeepsForcedImages();
    void ccsIsReproducible();
    void ccsRejectsBadInputs();

    void dualBetaShapeOnHandExample();
    void dualBetaWeightsOnHandExample();
    void dualBetaNeverDrawsZeroWeight();
    void dualBetaFallsBackToUniformOnZeroWeights();
    void dualBetaDrawsProportionallyWithoutReplacement();
    void dualBetaKeepsForcedImages();
    void dualBetaIsReproducible();
    void dualBetaRejectsBadInputs();

    void randomKeepsExactCount();
    void randomIsReproducibleAndUniform();
    void randomKeepsForcedImages();
    void randomRejectsBadInputs();

    void generatorsDrawAsBefore();

    void diverseKeepsExactCountAndDropsHardZone();
    void diverseCoversEveryPlantedCluster();
    void diverseRespectsClassFloor();
    void diverseKeepsForcedImagesAndIsReproducible();
    void diverseRejectsBadInputs();

    void suggestionsAreUncertainSpreadAndNeverLabeled();
};

namespace {

// `clusters` tight groups of `perCluster` images in a 16-dimensional feature space, each around its
// own direction. Image i belongs to cluster i / perCluster.
FeatureMatrix plantedClusters(int clusters, int perCluster, std::uint64_t seed)
{
    SelectionRng rng(seed);
    FeatureMatrix features;
    features.dimension = 16;
    for (int c = 0; c < clusters; ++c) {
        for (int i = 0; i < perCluster; ++i) {
            for (int d = 0; d < features.dimension; ++d) {
                const double centre = d == c % features.dimension ? 4.0 : (d == (c * 7 + 3) % 16 ? 2.0 : 0.0);
                features.values.push_back(float(centre + 0.2 * (rng.uniform() - 0.5)));
            }
        }
    }
    return features;
}

} // namespace

// Draws of each generator of the one family (common/random.h), pinned from the two generators the
// data side and the engine each had before they became one family: reproducible results stay
// bit-identical only while these do.
void TestSelection::generatorsDrawAsBefore()
{
    SelectionRng data(7);
    QCOMPARE(data.next(), 0xb358faf74ef9765aULL);
    QCOMPARE(data.next(), 0x475c3d964f482cd2ULL);
    QCOMPARE(data.next(), 0xd6f1d349952c7996ULL);
    for (std::uint64_t expected : { 4, 4, 1, 6, 6 })
        QCOMPARE(data.below(10), expected);
    QCOMPARE(data.uniform(), 0.40370652610252655);
    QCOMPARE(data.uniform(), 0.15181610733412043);
    std::vector<int> items { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
    data.partialShuffle(items, 4);
    QCOMPARE(items, (std::vector<int> { 3, 8, 0, 6, 4, 5, 2, 7, 1, 9 }));

    TrainingRng engine(7);
    QCOMPARE(engine.next(), 0xb358faf74ef9765aULL); // the same generator underneath
    QCOMPARE(engine.next(), 0x475c3d964f482cd2ULL);
    QCOMPARE(engine.next(), 0xd6f1d349952c7996ULL);
    for (std::uint64_t expected : { 9, 9, 8, 0, 1 }) // Lemire's rule: other integers than the data side's
        QCOMPARE(engine.below(10), expected);
    QCOMPARE(engine.normal(), 0.5882808046444099);
    QCOMPARE(engine.normal(), -0.14201819214651945);
    QCOMPARE(engine.uniform(), 0.93896559871560303);
    for (int expected : { 9, 6, 6 })
        QCOMPARE(engine.between(3, 9), expected);
    for (int k = 0; k < 3; ++k)
        QVERIFY(!engine.coin());
    QCOMPARE(engine.nextU32(), 574244293u);
    TrainingRng derived = TrainingRng::derived(5, 11, 2);
    QCOMPARE(derived.next(), 0xf5dc7adba09d1251ULL);
    QCOMPARE(derived.next(), 0xc9c8c2ca2c43a3abULL);
    items = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
    engine.shuffle(items.begin(), items.end());
    QCOMPARE(items, (std::vector<int> { 2, 3, 6, 7, 0, 4, 9, 8, 5, 1 }));

    // The hash the grid's shuffled order and the data map's sample use.
    QCOMPARE(mix64(0), 0xe220a8397b1dcdafULL);
    QCOMPARE(mix64(1), 0x910a2dec89025cc1ULL);
    QCOMPARE(mix64(12345), 0x22118258a9d111a0ULL);
}

void TestSelection::diverseKeepsExactCountAndDropsHardZone()
{
    const int n = 200;
    const FeatureMatrix features = plantedClusters(5, 40, 3);
    std::vector<double> aum(n);
    for (int i = 0; i < n; ++i)
        aum[std::size_t(i)] = double((i * 37) % n); // a permutation: image 0 is the hardest
    const std::vector<int> classes(n, 0);
    for (double keep : { 0.1, 0.3, 0.7 }) {
        const Selection selection = selectDiverseCoverage(aum, HardEnd::Low, features, classes, keep, 0.1);
        QVERIFY(consistent(selection, n));
        QCOMPARE(int(selection.kept.size()), floorCount(keep, n));
        // The 20 hardest are dropped as too hard, whatever their neighbours.
        for (int i = 0; i < n; ++i) {
            const bool inHardZone = aum[std::size_t(i)] < 20;
            QCOMPARE(selection.reasons[std::size_t(i)] == SelectionReason::DroppedHard, inHardZone);
            if (!inHardZone && selection.reasons[std::size_t(i)] != K)
                QCOMPARE(selection.reasons[std::size_t(i)], SelectionReason::DroppedCovered);
        }
    }
}

void TestSelection::diverseCoversEveryPlantedCluster()
{
    // Five clusters of 40; the hard images all sit in cluster 0. The hard cutoff keeping 10 %
    // (20 images) takes them all from cluster 0; the diversity selector reaches every cluster.
    const int n = 200;
    const FeatureMatrix features = plantedClusters(5, 40, 11);
    std::vector<double> aum(n);
    for (int i = 0; i < n; ++i)
        aum[std::size_t(i)] = i < 40 ? -5.0 + i * 0.01 : 5.0 + i * 0.01;
    const std::vector<int> classes(n, 0);
    const Selection cutoff = selectHardCutoff(aum, HardEnd::Low, 0.1, 0.0);
    QCOMPARE(keptAmong(cutoff, 0, 39), 20);
    const Selection diverse = selectDiverseCoverage(aum, HardEnd::Low, features, classes, 0.1, 0.0);
    QCOMPARE(int(diverse.kept.size()), 20);
    for (int c = 0; c < 5; ++c)
        QVERIFY2(keptAmong(diverse, c * 40, c * 40 + 39) >= 2,
            qPrintable(QStringLiteral("cluster %1: %2").arg(c).arg(keptAmong(diverse, c * 40, c * 40 + 39))));
    // Still led by difficulty: the hard cluster keeps more than the easiest one.
    QVERIFY(keptAmong(diverse, 0, 39) > keptAmong(diverse, 160, 199));
}

void TestSelection::diverseRespectsClassFloor()
{
    // Class 1 (images 150-199) is the easiest and sits in one cluster with class 0's easy images:
    // without a floor it could vanish; with the default floor it keeps at least half its share.
    const int n = 200;
    const FeatureMatrix features = plantedClusters(2, 100, 5);
    std::vector<double> aum(n);
    std::vector<int> classes(n, 0);
    for (int i = 0; i < n; ++i) {
        aum[std::size_t(i)] = i;
        classes[std::size_t(i)] = i >= 150 ? 1 : 0;
    }
    const Selection floored = selectDiverseCoverage(aum, HardEnd::Low, features, classes, 0.2, 0.0);
    QCOMPARE(int(floored.kept.size()), 40);
    // 50 images of class 1, r = 0.2: floor(0.5 * 0.2 * 50) = 5.
    QVERIFY(keptAmong(floored, 150, 199) >= 5);
    DiverseCoverageOptions noFloor;
    noFloor.classFloor = 0;
    const Selection free = selectDiverseCoverage(aum, HardEnd::Low, features, classes, 0.2, 0.0, {}, noFloor);
    QCOMPARE(int(free.kept.size()), 40);
    QVERIFY(keptAmong(free, 150, 199) <= keptAmong(floored, 150, 199));
    // A class of one image keeps it, even when it is the easiest of all.
    std::vector<int> lone(n, 0);
    lone[199] = 3;
    QVERIFY(keptSet(selectDiverseCoverage(aum, HardEnd::Low, features, lone, 0.1, 0.0)).count(199));
}

void TestSelection::diverseKeepsForcedImagesAndIsReproducible()
{
    const int n = 120;
    const FeatureMatrix features = plantedClusters(4, 30, 9);
    std::vector<double> aum(n);
    for (int i = 0; i < n; ++i)
        aum[std::size_t(i)] = std::sin(i * 1.7);
    std::vector<int> classes(n);
    for (int i = 0; i < n; ++i)
        classes[std::size_t(i)] = i % 3;
    std::vector<bool> forced(n, false);
    forced[5] = forced[77] = true;
    const Selection first = selectDiverseCoverage(aum, HardEnd::Low, features, classes, 0.25, 0.1, forced);
    QVERIFY(consistent(first, n));
    QCOMPARE(int(first.kept.size()), 30);
    QCOMPARE(first.kept[0], 5);
    QCOMPARE(first.kept[1], 77);
    const Selection second = selectDiverseCoverage(aum, HardEnd::Low, features, classes, 0.25, 0.1, forced);
    QCOMPARE(second.kept, first.kept);
    QCOMPARE(second.reasons, first.reasons);
}

void TestSelection::diverseRejectsBadInputs()
{
    const FeatureMatrix features = plantedClusters(2, 5, 1);
    const std::vector<double> aum(10, 1.0);
    const std::vector<int> classes(10, 0);
    QVERIFY(errorOf([&] {
        selectDiverseCoverage(aum, HardEnd::Low, features, classes, 0.3, 0.7);
    }).contains(QLatin1String("beta")));
    QVERIFY(!errorOf([&] { selectDiverseCoverage(aum, HardEnd::Low, features, classes, 1.0, 0.0); }).isEmpty());
    QVERIFY(!errorOf([&] {
        selectDiverseCoverage(aum, HardEnd::Low, features.rows({ 0, 1, 2 }), classes, 0.3, 0.0);
    }).isEmpty());
    QVERIFY(!errorOf([&] { selectDiverseCoverage(aum, HardEnd::Low, features, { 0, 1 }, 0.3, 0.0); }).isEmpty());
    DiverseCoverageOptions bad;
    bad.neighbours = 0;
    QVERIFY(
        !errorOf([&] { selectDiverseCoverage(aum, HardEnd::Low, features, classes, 0.3, 0.0, {}, bad); }).isEmpty());
    std::vector<double> nan = aum;
    nan[3] = std::nan("");
    QVERIFY(!errorOf([&] { selectDiverseCoverage(nan, HardEnd::Low, features, classes, 0.3, 0.0); }).isEmpty());
}

void TestSelection::rngMatchesReferenceSequence()
{
    // xoshiro256** seeded by splitmix64, from an independent Python implementation of both.
    SelectionRng zero(0);
    QCOMPARE(zero.next(), 0x99ec5f36cb75f2b4ULL);
    QCOMPARE(zero.next(), 0xbf6e1f784956452aULL);
    QCOMPARE(zero.next(), 0x1a5f849d4933e6e0ULL);
    SelectionRng answer(42);
    QCOMPARE(answer.next(), 0x15780b2e0c2ec716ULL);
    QCOMPARE(answer.next(), 0x6104d9866d113a7eULL);
}

void TestSelection::rngBoundedDrawsAreInRangeAndEven()
{
    SelectionRng rng(7);
    std::vector<int> histogram(7, 0);
    for (int i = 0; i < 70000; ++i) {
        const std::uint64_t value = rng.below(7);
        QVERIFY(value < 7);
        ++histogram[std::size_t(value)];
    }
    for (int count : histogram)
        QVERIFY2(count > 9500 && count < 10500, qPrintable(QString::number(count)));
    QCOMPARE(rng.below(1), std::uint64_t(0));
}

void TestSelection::rngUniformIsInUnitInterval()
{
    SelectionRng rng(3);
    double sum = 0.0;
    for (int i = 0; i < 10000; ++i) {
        const double u = rng.uniform();
        QVERIFY(u >= 0.0 && u < 1.0);
        sum += u;
    }
    QVERIFY(qAbs(sum / 10000 - 0.5) < 0.02);
}

void TestSelection::rngPartialShuffleSamples()
{
    SelectionRng rng(11);
    std::vector<int> items = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
    rng.partialShuffle(items, 4);
    std::vector<int> sorted = items;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(sorted, (std::vector<int> { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }));
}

void TestSelection::budgetCounts_data()
{
    QTest::addColumn<int>("imageCount");
    QTest::addColumn<double>("keepRatio");
    QTest::addColumn<double>("beta");
    QTest::addColumn<int>("keepCount");
    QTest::addColumn<int>("hardDropCount");
    QTest::newRow("10, r 0.3, beta 0.2") << 10 << 0.3 << 0.2 << 3 << 2;
    QTest::newRow("0.29 * 100 is 29, not 28") << 100 << 0.29 << 0.0 << 29 << 0;
    QTest::newRow("10, r 0.7, beta 0.1") << 10 << 0.7 << 0.1 << 7 << 1;
    QTest::newRow("floors: 7, r 0.5, beta 0.2") << 7 << 0.5 << 0.2 << 3 << 1;
    QTest::newRow("empty pool") << 0 << 0.5 << 0.1 << 0 << 0;
}

void TestSelection::budgetCounts()
{
    QFETCH(int, imageCount);
    QFETCH(double, keepRatio);
    QFETCH(double, beta);
    QFETCH(int, keepCount);
    QFETCH(int, hardDropCount);
    const Budget budget = Budget::of(imageCount, keepRatio, beta);
    QCOMPARE(budget.keepCount, keepCount);
    QCOMPARE(budget.hardDropCount, hardDropCount);
}

void TestSelection::budgetRejectsBadRatios_data()
{
    QTest::addColumn<double>("keepRatio");
    QTest::addColumn<double>("beta");
    QTest::addColumn<QString>("named");
    QTest::newRow("beta = 1 - r") << 0.3 << 0.7 << QStringLiteral("beta = 0.7");
    QTest::newRow("beta above 1 - r") << 0.3 << 0.8 << QStringLiteral("r = 0.3");
    QTest::newRow("negative beta") << 0.5 << -0.1 << QStringLiteral("beta = -0.1");
    QTest::newRow("r = 0") << 0.0 << 0.1 << QStringLiteral("r = 0");
    QTest::newRow("r = 1") << 1.0 << 0.0 << QStringLiteral("r = 1");
    QTest::newRow("NaN r") << std::nan("") << 0.1 << QStringLiteral("r = nan");
    QTest::newRow("NaN beta") << 0.5 << std::nan("") << QStringLiteral("beta = nan");
}

void TestSelection::budgetRejectsBadRatios()
{
    QFETCH(double, keepRatio);
    QFETCH(double, beta);
    QFETCH(QString, named);
    const QString message = errorOf([&] { Budget::of(100, keepRatio, beta); });
    QVERIFY2(message.contains(named), qPrintable(message));
    // Every selector goes through the same check.
    const std::vector<double> scores(20, 1.0);
    QVERIFY_THROWS_EXCEPTION(Error, selectHardCutoff(scores, HardEnd::Low, keepRatio, beta));
    QVERIFY_THROWS_EXCEPTION(
        Error, selectClassAwareHardCutoff(scores, std::vector<int>(20, 0), HardEnd::Low, keepRatio, beta));
    QVERIFY_THROWS_EXCEPTION(Error, selectCoverageCentric(scores, HardEnd::Low, keepRatio, beta, 1));
}

void TestSelection::defaultBetaAtPaperPoints()
{
    QCOMPARE(defaultBetaFor(0.7), 0.1);
    QCOMPARE(defaultBetaFor(0.5), 0.2);
    QCOMPARE(defaultBetaFor(0.3), 0.4);
    QCOMPARE(defaultBetaFor(0.2), 0.5);
    QCOMPARE(defaultBetaFor(0.1), 0.6);
}

void TestSelection::defaultBetaInterpolatesAndClamps()
{
    QCOMPARE(defaultBetaFor(0.4), 0.3); // halfway between 0.3 -> 0.4 and 0.5 -> 0.2
    QCOMPARE(defaultBetaFor(0.6), 0.15); // halfway between 0.5 -> 0.2 and 0.7 -> 0.1
    QCOMPARE(defaultBetaFor(0.15), 0.55);
    QCOMPARE(defaultBetaFor(0.05), 0.6); // below the table
    QCOMPARE(defaultBetaFor(0.8), 0.1); // above the table, (1 - r) / 2 = 0.1 still allows it
    QCOMPARE(defaultBetaFor(0.9), 0.05); // (1 - 0.9) / 2
    QCOMPARE(defaultBetaFor(0.95), 0.025);
    QVERIFY_THROWS_EXCEPTION(Error, defaultBetaFor(0.0));
    QVERIFY_THROWS_EXCEPTION(Error, defaultBetaFor(1.0));
}

void TestSelection::defaultBetaStaysBelowOneMinusR()
{
    for (int permille = 1; permille < 1000; ++permille) {
        const double r = permille / 1000.0;
        const double beta = defaultBetaFor(r);
        QVERIFY2(beta >= 0.0 && beta < 1.0 - r, qPrintable(QStringLiteral("r %1 beta %2").arg(r).arg(beta)));
        Budget::of(1000, r, beta); // accepted by the selectors
    }
}

void TestSelection::hardCutoffOnHandExample()
{
    // N = 10, r = 0.3, beta = 0.2: drop the 2 hardest (1, 4), keep the next 3 (3, 8, 6), drop the rest.
    const Selection selection = selectHardCutoff(kCutoffScores, HardEnd::Low, 0.3, 0.2);
    QCOMPARE(selection.kept, (std::vector<int> { 3, 8, 6 }));
    QCOMPARE(selection.reasons, (Reasons { E, H, E, K, H, E, K, E, K, E }));
    QVERIFY(consistent(selection, 10));
}

void TestSelection::hardCutoffHighEnd()
{
    // High = hard: ranked 9, 2, 5, 0, 7, 6, 3, 8, 4, 1; drop 9 and 2, keep 5, 0, 7.
    const Selection selection = selectHardCutoff(kCutoffScores, HardEnd::High, 0.3, 0.2);
    QCOMPARE(selection.kept, (std::vector<int> { 5, 0, 7 }));
    QCOMPARE(selection.reasons, (Reasons { K, E, H, E, E, K, E, K, E, H }));
}

void TestSelection::hardCutoffWithoutBeta()
{
    // beta = 0 keeps the hardest 3: the coreset of ambiguous images method.md warns about.
    const Selection selection = selectHardCutoff(kCutoffScores, HardEnd::Low, 0.3, 0.0);
    QCOMPARE(selection.kept, (std::vector<int> { 1, 4, 3 }));
}

void TestSelection::hardCutoffKeepsForcedImages()
{
    // Forced: 4 (inside the hard zone) and 2 (at the easy end). Budget 3, two of it forced, so one
    // place is left: the cutoff zone stays at positions 0-1 (image 1 is dropped, 4 kept), then 3 is
    // kept and everything easier dropped.
    std::vector<bool> forced(10, false);
    forced[4] = forced[2] = true;
    const Selection selection = selectHardCutoff(kCutoffScores, HardEnd::Low, 0.3, 0.2, forced);
    QCOMPARE(selection.kept, (std::vector<int> { 2, 4, 3 }));
    QCOMPARE(selection.reasons, (Reasons { E, H, K, K, K, E, E, E, E, E }));
    QVERIFY(consistent(selection, 10));
}

void TestSelection::hardCutoffKeepsAllForcedBeyondBudget()
{
    std::vector<bool> forced(10, false);
    forced[0] = forced[5] = forced[7] = forced[9] = true;
    const Selection selection = selectHardCutoff(kCutoffScores, HardEnd::Low, 0.3, 0.2, forced);
    QCOMPARE(selection.kept, (std::vector<int> { 0, 5, 7, 9 }));
    QCOMPARE(selection.reasons, (Reasons { K, H, E, E, H, K, E, K, E, K }));
}

void TestSelection::hardCutoffRejectsBadInputs()
{
    QVERIFY_THROWS_EXCEPTION(Error, selectHardCutoff(kCutoffScores, HardEnd::Low, 0.3, 0.2, std::vector<bool>(9)));
    std::vector<double> scores = kCutoffScores;
    scores[3] = std::nan("");
    QVERIFY_THROWS_EXCEPTION(Error, selectHardCutoff(scores, HardEnd::Low, 0.3, 0.2));
    QVERIFY(selectHardCutoff({}, HardEnd::Low, 0.3, 0.2).kept.empty());
}

void TestSelection::classAwareCutoffKeepsProportions()
{
    // Class 0: images 0-5 (AUM 0.1 ... 0.6), class 1: images 6-9 (AUM 0.9, 0.8, 0.7, 1.0), all of
    // class 1 easier than class 0. r = 0.5, beta = 0.2.
    const std::vector<double> scores = { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.9, 0.8, 0.7, 1.0 };
    const std::vector<int> labels = { 0, 0, 0, 0, 0, 0, 1, 1, 1, 1 };

    // The global cutoff drops 0 and 1 and keeps 2, 3, 4, 5, 8: class 1, 40 % of the pool, gets one
    // of the five places.
    const Selection global = selectHardCutoff(scores, HardEnd::Low, 0.5, 0.2);
    QCOMPARE(global.kept, (std::vector<int> { 2, 3, 4, 5, 8 }));
    QCOMPARE(keptAmong(global, 6, 9), 1);

    // Per class: class 0 drops floor(1.2) = 1 (image 0) and keeps floor(3) = 3 (1, 2, 3); class 1,
    // ranked 8, 7, 6, 9, drops floor(0.8) = 0 and keeps 2 (8, 7). 3 : 2 as in the pool, 5 in all.
    const Selection aware = selectClassAwareHardCutoff(scores, labels, HardEnd::Low, 0.5, 0.2);
    QCOMPARE(aware.kept, (std::vector<int> { 1, 2, 3, 8, 7 }));
    QCOMPARE(aware.reasons, (Reasons { H, K, K, K, E, E, E, K, K, E }));
    QVERIFY(consistent(aware, 10));
}

void TestSelection::classAwareCutoffDistributesLeftover()
{
    // Classes 7 (images 0-4), 2 (5-7) and 4 (8, 9); High = hard; r = 0.5, beta = 0.2, budget 5.
    // Floors: class 7 2.5 -> 2, class 2 1.5 -> 1, class 4 1 -> 1: 4 places, one left over. The
    // remainders 0.5, 0.5, 0 tie between classes 7 and 2; the smaller id, 2, gets it.
    // Hard drops: class 7 floor(1.0) = 1 (image 0), class 2 floor(0.6) = 0, class 4 floor(0.4) = 0.
    const std::vector<double> scores = { 5.0, 4.0, 3.0, 2.0, 1.0, 2.5, 1.5, 0.5, 4.5, 0.2 };
    const std::vector<int> labels = { 7, 7, 7, 7, 7, 2, 2, 2, 4, 4 };
    const Selection selection = selectClassAwareHardCutoff(scores, labels, HardEnd::High, 0.5, 0.2);
    // Kept: class 7 -> 1, 2; class 2 -> 5, 6; class 4 -> 8; listed hardest first over all classes.
    QCOMPARE(selection.kept, (std::vector<int> { 8, 1, 2, 5, 6 }));
    QCOMPARE(selection.reasons, (Reasons { H, K, K, E, E, K, K, E, K, E }));
}

void TestSelection::classAwareCutoffProportionsAtScale()
{
    // 600 images of class 3 and 400 of class 5, the class-5 images all harder. r = 0.3, beta = 0.2:
    // 180 and 120 kept, 120 and 80 dropped as hard.
    SelectionRng rng(5);
    std::vector<double> scores;
    std::vector<int> labels;
    for (int image = 0; image < 1000; ++image) {
        const bool minority = image % 5 < 2;
        labels.push_back(minority ? 5 : 3);
        scores.push_back(rng.uniform() + (minority ? -10.0 : 0.0));
    }
    const Selection selection = selectClassAwareHardCutoff(scores, labels, HardEnd::Low, 0.3, 0.2);
    QCOMPARE(int(selection.kept.size()), 300);
    int keptMinority = 0;
    int hardMinority = 0;
    for (int image = 0; image < 1000; ++image) {
        keptMinority += labels[std::size_t(image)] == 5 && selection.reasons[std::size_t(image)] == K;
        hardMinority += labels[std::size_t(image)] == 5 && selection.reasons[std::size_t(image)] == H;
    }
    QCOMPARE(keptMinority, 120);
    QCOMPARE(hardMinority, 80);
    QCOMPARE(int(std::count(selection.reasons.begin(), selection.reasons.end(), H)), 200);
}

void TestSelection::classAwareCutoffKeepsForcedImages()
{
    // The proportions example with image 9 (class 1, the easiest) forced: it takes one of class 1's
    // two places, so only 8 is chosen there; class 0 is unchanged.
    const std::vector<double> scores = { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.9, 0.8, 0.7, 1.0 };
    const std::vector<int> labels = { 0, 0, 0, 0, 0, 0, 1, 1, 1, 1 };
    std::vector<bool> forced(10, false);
    forced[9] = true;
    const Selection selection = selectClassAwareHardCutoff(scores, labels, HardEnd::Low, 0.5, 0.2, forced);
    QCOMPARE(selection.kept, (std::vector<int> { 9, 1, 2, 3, 8 }));
    QCOMPARE(selection.reasons, (Reasons { H, K, K, K, E, E, E, E, K, K }));
}

void TestSelection::classAwareCutoffRejectsWrongLabelCount()
{
    QVERIFY_THROWS_EXCEPTION(
        Error, selectClassAwareHardCutoff(kCutoffScores, std::vector<int>(9, 0), HardEnd::Low, 0.3, 0.2));
}

void TestSelection::ccsAllocatesStrata()
{
    // Counts 5, 0, 1, 3, 10 and budget 8, visited by count: stratum 1 (0): min(0, 8/5) = 0, 8 left;
    // stratum 2 (1): min(1, 8/4) = 1, 7 left; stratum 3 (3): min(3, 7/3) = 2, 5 left; stratum 0 (5):
    // min(5, 5/2) = 2, 3 left; stratum 4 (10): min(10, 3/1) = 3.
    QCOMPARE(allocateStrata({ 5, 0, 1, 3, 10 }, 8), (std::vector<int> { 2, 0, 1, 2, 3 }));
    // Equal counts are visited in stratum order: 7/3 = 2, 5/2 = 2, 3.
    QCOMPARE(allocateStrata({ 4, 4, 4 }, 7), (std::vector<int> { 2, 2, 3 }));
    QCOMPARE(allocateStrata({ 2, 3 }, 10), (std::vector<int> { 2, 3 }));
    QCOMPARE(allocateStrata({ 2, 3 }, 0), (std::vector<int> { 0, 0 }));
}

void TestSelection::ccsSelectsOnHandExample()
{
    // N = 12, r = 0.5 (budget 6), beta = 0.2 (drop 2: images 0, 1), 3 strata over [0, 3]:
    // counts 1, 3, 6 -> quotas min(1, 6/3) = 1, min(3, 5/2) = 2, min(6, 3) = 3.
    const Selection selection = selectCoverageCentric(kCcsScores, HardEnd::Low, 0.5, 0.2, 2024, {}, 3);
    QVERIFY(consistent(selection, 12));
    QCOMPARE(int(selection.kept.size()), 6);
    QCOMPARE(selection.kept.front(), 2); // the smallest stratum is visited first and kept whole
    QCOMPARE(keptAmong(selection, 3, 5), 2);
    QCOMPARE(keptAmong(selection, 6, 11), 3);
    QCOMPARE(selection.reasons[0], H);
    QCOMPARE(selection.reasons[1], H);
    for (int image = 2; image < 12; ++image)
        QVERIFY(selection.reasons[std::size_t(image)] == K || selection.reasons[std::size_t(image)] == S);
}

void TestSelection::ccsSamplesUniformlyInsideStratum()
{
    // Each of the six images of the top stratum is kept with probability 3/6.
    std::vector<int> hits(12, 0);
    for (std::uint64_t seed = 0; seed < 2000; ++seed)
        for (int image : selectCoverageCentric(kCcsScores, HardEnd::Low, 0.5, 0.2, seed, {}, 3).kept)
            ++hits[std::size_t(image)];
    QCOMPARE(hits[2], 2000);
    for (int image = 6; image < 12; ++image)
        QVERIFY2(hits[std::size_t(image)] > 900 && hits[std::size_t(image)] < 1100,
            qPrintable(QString::number(hits[std::size_t(image)])));
    for (int image = 3; image < 6; ++image) // 2 of 3
        QVERIFY(hits[std::size_t(image)] > 1230 && hits[std::size_t(image)] < 1430);
}

void TestSelection::ccsKeepsForcedImages()
{
    // Force 0 (hard zone) and 6 (top stratum): 4 places left, strata now 1, 3, 5 ->
    // min(1, 4/3) = 1, min(3, 3/2) = 1, min(5, 2) = 2.
    std::vector<bool> forced(12, false);
    forced[0] = forced[6] = true;
    const Selection selection = selectCoverageCentric(kCcsScores, HardEnd::Low, 0.5, 0.2, 9, forced, 3);
    QVERIFY(consistent(selection, 12));
    QCOMPARE(int(selection.kept.size()), 6);
    QCOMPARE(selection.kept[0], 0);
    QCOMPARE(selection.kept[1], 6);
    QCOMPARE(selection.kept[2], 2);
    QCOMPARE(keptAmong(selection, 3, 5), 1);
    QCOMPARE(keptAmong(selection, 7, 11), 2);
    QCOMPARE(selection.reasons[1], H);
}

void TestSelection::ccsIsReproducible()
{
    SelectionRng rng(1);
    std::vector<double> scores;
    for (int image = 0; image < 1000; ++image)
        scores.push_back(rng.uniform() * rng.uniform());
    const Selection a = selectCoverageCentric(scores, HardEnd::High, 0.3, 0.1, 77);
    const Selection b = selectCoverageCentric(scores, HardEnd::High, 0.3, 0.1, 77);
    const Selection c = selectCoverageCentric(scores, HardEnd::High, 0.3, 0.1, 78);
    QCOMPARE(a.kept, b.kept);
    QCOMPARE(int(a.kept.size()), 300);
    QVERIFY(keptSet(a) != keptSet(c));
    QCOMPARE(int(std::count(a.reasons.begin(), a.reasons.end(), H)), 100);
}

void TestSelection::ccsRejectsBadInputs()
{
    QVERIFY_THROWS_EXCEPTION(Error, selectCoverageCentric(kCcsScores, HardEnd::Low, 0.5, 0.2, 1, {}, 0));
    QVERIFY_THROWS_EXCEPTION(Error, selectCoverageCentric(kCcsScores, HardEnd::Low, 0.5, 0.2, 1, std::vector<bool>(3)));
    // One distinct score is one stratum, not a division by zero.
    const Selection flat = selectCoverageCentric(std::vector<double>(10, 1.0), HardEnd::Low, 0.5, 0.0, 1);
    QCOMPARE(int(flat.kept.size()), 5);
}

void TestSelection::dualBetaShapeOnHandExample()
{
    // Images 0-9 have the highest DUAL scores and mu alternating 0.5 / 0.7, so the anchor is 0.6;
    // images 10 and 11 (DUAL 0.01, mu 0.9) are outside the top 10.
    std::vector<double> dual;
    std::vector<double> mu;
    for (int image = 0; image < 10; ++image) {
        dual.push_back(1.0 + image);
        mu.push_back(image % 2 ? 0.7 : 0.5);
    }
    dual.insert(dual.end(), { 0.01, 0.01 });
    mu.insert(mu.end(), { 0.9, 0.9 });

    // r = 0.5, c = 1: beta = 15 * 0.4 * (1 - 0.5) = 3, alpha = 13.
    DualBetaShape shape = dualBetaShape(dual, mu, 0.5, 1.0);
    QCOMPARE(shape.anchor, 0.6);
    QCOMPARE(shape.beta, 3.0);
    QCOMPARE(shape.alpha, 13.0);
    // c = 4: 1 - 0.5^4 = 0.9375, beta = 15 * 0.4 * 0.9375 = 5.625, alpha = 10.375.
    shape = dualBetaShape(dual, mu, 0.5);
    QCOMPARE(shape.beta, 5.625);
    QCOMPARE(shape.alpha, 10.375);
    // Fewer than 10 images: all of them make the anchor.
    QCOMPARE(dualBetaShape({ 1.0, 2.0 }, { 0.2, 0.4 }, 0.5).anchor, 0.3);
}

void TestSelection::dualBetaWeightsOnHandExample()
{
    // Ten anchor images (DUAL 10, mu 0.6) outrank four probes, so the anchor is 0.6 and with r = 0.5,
    // c = 1 the density is Beta(13, 3): x^12 (1 - x)^2 / B(13, 3), B(13, 3) = 12! 2! / 15! = 1 / 1365.
    // Probe 0, mu 0.5: 1365 / 2^14 = 0.08331298828125, times DUAL 2 -> 0.1666259765625.
    // Probe 1, mu 0.7: 1365 * 0.7^12 * 0.09 = 1.7004021326, times DUAL 1.
    // Probe 2, mu 0 is clamped to 1e-6: 1365 * 1e-72 * (1 - 1e-6)^2, times DUAL 3: tiny but positive.
    // Probe 3, DUAL 0: weight 0 whatever mu.
    std::vector<double> dual = { 2.0, 1.0, 3.0, 0.0 };
    std::vector<double> mu = { 0.5, 0.7, 0.0, 0.6 };
    for (int i = 0; i < 10; ++i) {
        dual.push_back(10.0);
        mu.push_back(0.6);
    }
    const std::vector<double> weights = dualBetaWeights(dual, mu, 0.5, 1.0);
    QVERIFY(qAbs(weights[0] - 0.1666259765625) < 1e-12);
    QVERIFY(qAbs(weights[1] - 1.7004021326428487) < 1e-12);
    QVERIFY(weights[2] > 0.0 && qAbs(weights[2] / (3.0 * 1365e-72) - 1.0) < 1e-5);
    QCOMPARE(weights[3], 0.0);
}

void TestSelection::dualBetaNeverDrawsZeroWeight()
{
    // Images 0-7 have flat confidence (DUAL 0); 12 positive-weight images cover the budget of 10.
    std::vector<double> dual(20, 0.0);
    std::vector<double> mu(20, 0.6);
    for (int image = 8; image < 20; ++image)
        dual[std::size_t(image)] = 0.1 * image;
    for (std::uint64_t seed = 0; seed < 300; ++seed) {
        const Selection selection = selectDualBeta(dual, mu, 0.5, seed);
        QVERIFY(consistent(selection, 20));
        QCOMPARE(int(selection.kept.size()), 10);
        QCOMPARE(keptAmong(selection, 0, 7), 0);
    }
}

void TestSelection::dualBetaFallsBackToUniformOnZeroWeights()
{
    // Only images 15-19 have weight: all 5 are drawn first, then 5 of the 15 zero-weight images
    // uniformly, each with probability 1/3.
    std::vector<double> dual(20, 0.0);
    std::vector<double> mu(20, 0.5);
    for (int image = 15; image < 20; ++image)
        dual[std::size_t(image)] = 1.0;
    std::vector<int> hits(20, 0);
    for (std::uint64_t seed = 0; seed < 1500; ++seed) {
        const Selection selection = selectDualBeta(dual, mu, 0.5, seed);
        QCOMPARE(int(selection.kept.size()), 10);
        const std::set<int> firstFive(selection.kept.begin(), selection.kept.begin() + 5);
        QCOMPARE(firstFive, (std::set<int> { 15, 16, 17, 18, 19 }));
        for (int image : selection.kept)
            ++hits[std::size_t(image)];
    }
    for (int image = 0; image < 15; ++image)
        QVERIFY2(hits[std::size_t(image)] > 400 && hits[std::size_t(image)] < 600,
            qPrintable(QString::number(hits[std::size_t(image)])));
}

void TestSelection::dualBetaDrawsProportionallyWithoutReplacement()
{
    // Equal mu, so the weights are proportional to DUAL.
    // Two images, weights 3 : 1, one draw: the first is kept with probability 3/4.
    int first = 0;
    for (std::uint64_t seed = 0; seed < 4000; ++seed)
        first += selectDualBeta({ 3.0, 1.0 }, { 0.5, 0.5 }, 0.5, seed).kept.front() == 0;
    QVERIFY2(first > 2880 && first < 3120, qPrintable(QString::number(first))); // 3000 +- 4.4 sigma

    // Three images, weights 1 : 2 : 3, two draws (r = 0.7). The weight-1 image is left out when the
    // draws are 2 then 3 (2/6 * 3/4 = 1/4) or 3 then 2 (3/6 * 2/3 = 1/3): probability 7/12, where
    // inclusion proportional to weight would leave it out with probability 1 - 2/6 = 2/3.
    int leftOut = 0;
    for (std::uint64_t seed = 0; seed < 6000; ++seed) {
        const Selection selection = selectDualBeta({ 1.0, 2.0, 3.0 }, { 0.5, 0.5, 0.5 }, 0.7, seed);
        QCOMPARE(int(selection.kept.size()), 2);
        leftOut += selection.reasons[0] == S;
    }
    QVERIFY2(leftOut > 3320 && leftOut < 3680, qPrintable(QString::number(leftOut))); // 3500 +- 4.7 sigma
}

void TestSelection::dualBetaKeepsForcedImages()
{
    std::vector<double> dual(20, 1.0);
    const std::vector<double> mu(20, 0.5);
    dual[3] = 0.0; // zero weight, but forced
    std::vector<bool> forced(20, false);
    forced[3] = forced[12] = true;
    const Selection selection = selectDualBeta(dual, mu, 0.25, 5, forced);
    QVERIFY(consistent(selection, 20));
    QCOMPARE(int(selection.kept.size()), 5);
    QCOMPARE(selection.kept[0], 3);
    QCOMPARE(selection.kept[1], 12);
}

void TestSelection::dualBetaIsReproducible()
{
    SelectionRng rng(2);
    std::vector<double> dual;
    std::vector<double> mu;
    for (int image = 0; image < 500; ++image) {
        dual.push_back(rng.uniform());
        mu.push_back(rng.uniform());
    }
    const Selection a = selectDualBeta(dual, mu, 0.2, 10);
    QCOMPARE(selectDualBeta(dual, mu, 0.2, 10).kept, a.kept);
    QCOMPARE(int(a.kept.size()), 100);
    QVERIFY(keptSet(selectDualBeta(dual, mu, 0.2, 11)) != keptSet(a));
}

void TestSelection::dualBetaRejectsBadInputs()
{
    const std::vector<double> dual = { 1.0, 2.0, 3.0 };
    const std::vector<double> mu = { 0.5, 0.5, 0.5 };
    QVERIFY_THROWS_EXCEPTION(Error, selectDualBeta({ 1.0, -1.0, 3.0 }, mu, 0.5, 1));
    QVERIFY_THROWS_EXCEPTION(Error, selectDualBeta(dual, { 0.5, std::nan(""), 0.5 }, 0.5, 1));
    QVERIFY_THROWS_EXCEPTION(Error, selectDualBeta(dual, { 0.5, 0.5 }, 0.5, 1));
    QVERIFY_THROWS_EXCEPTION(Error, selectDualBeta(dual, mu, 1.0, 1));
    QVERIFY_THROWS_EXCEPTION(Error, selectDualBeta(dual, mu, 0.5, 1, {}, 0.0));
    QVERIFY_THROWS_EXCEPTION(Error, dualBetaShape({}, {}, 0.5));
    QVERIFY(selectDualBeta({}, {}, 0.5, 1).kept.empty());
}

void TestSelection::randomKeepsExactCount()
{
    const Selection selection = selectRandom(1000, 0.29, 3);
    QVERIFY(consistent(selection, 1000));
    QCOMPARE(int(selection.kept.size()), 290);
    QCOMPARE(int(std::count(selection.reasons.begin(), selection.reasons.end(), S)), 710);
    QVERIFY(selectRandom(0, 0.5, 3).kept.empty());
}

void TestSelection::randomIsReproducibleAndUniform()
{
    QCOMPARE(selectRandom(100, 0.3, 8).kept, selectRandom(100, 0.3, 8).kept);
    QVERIFY(keptSet(selectRandom(100, 0.3, 8)) != keptSet(selectRandom(100, 0.3, 9)));
    std::vector<int> hits(10, 0);
    for (std::uint64_t seed = 0; seed < 3000; ++seed)
        for (int image : selectRandom(10, 0.3, seed).kept)
            ++hits[std::size_t(image)];
    for (int count : hits) // 900 expected, sigma 25
        QVERIFY2(count > 800 && count < 1000, qPrintable(QString::number(count)));
}

void TestSelection::randomKeepsForcedImages()
{
    std::vector<bool> forced(50, false);
    forced[7] = forced[31] = true;
    const Selection selection = selectRandom(50, 0.2, 4, forced);
    QVERIFY(consistent(selection, 50));
    QCOMPARE(int(selection.kept.size()), 10);
    QCOMPARE(selection.kept[0], 7);
    QCOMPARE(selection.kept[1], 31);
}

void TestSelection::randomRejectsBadInputs()
{
    QVERIFY_THROWS_EXCEPTION(Error, selectRandom(10, 0.0, 1));
    QVERIFY_THROWS_EXCEPTION(Error, selectRandom(10, 1.0, 1));
    QVERIFY_THROWS_EXCEPTION(Error, selectRandom(10, 0.5, 1, std::vector<bool>(11)));
    QVERIFY_THROWS_EXCEPTION(Error, selectRandom(-1, 0.5, 1));
}

void TestSelection::suggestionsAreUncertainSpreadAndNeverLabeled()
{
    // Four clusters of 30. Every image of cluster 0 is the most uncertain, but a batch of 4 should
    // not be spent there alone: after the most uncertain, the next come from the other clusters.
    const int n = 120;
    const FeatureMatrix features = plantedClusters(4, 30, 21);
    std::vector<double> margins(n);
    for (int i = 0; i < n; ++i)
        margins[std::size_t(i)] = i < 30 ? 0.01 + i * 0.001 : 0.1 + (i % 30) * 0.01;
    std::vector<bool> labeled(n, false);
    labeled[0] = labeled[1] = labeled[45] = true;
    const std::vector<int> picked = suggestImagesToLabel(margins, features, labeled, 4, 30);
    QCOMPARE(int(picked.size()), 4);
    for (int image : picked)
        QVERIFY2(!labeled[std::size_t(image)], "a labeled image was suggested");
    std::set<int> clusters;
    for (int image : picked)
        clusters.insert(image / 30);
    QVERIFY2(clusters.size() >= 3, qPrintable(QString::number(clusters.size())));
    // With the candidates cut to the most uncertain (factor 1: four of them), all come from cluster 0.
    for (int image : suggestImagesToLabel(margins, features, labeled, 4, 1))
        QVERIFY(image >= 2 && image < 30);
    // Never more than the unlabeled images; bad input is refused.
    std::vector<bool> almost(n, true);
    almost[7] = false;
    QCOMPARE(suggestImagesToLabel(margins, features, almost, 10), std::vector<int> { 7 });
    QVERIFY(!errorOf([&] { suggestImagesToLabel(margins, features, labeled, 0); }).isEmpty());
    QVERIFY(!errorOf([&] { suggestImagesToLabel(margins, features, std::vector<bool>(3), 2); }).isEmpty());
}

} // namespace semiprune

QTEST_APPLESS_MAIN(semiprune::TestSelection)
#include "tst_selection.moc"

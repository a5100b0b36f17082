// Image features and the nearest-neighbour graph built on them: the stored form, and that the HNSW
// index answers as an exact search would on data of the tested size.

#include "testsupport.h"

#include "common/error.h"
#include "common/random.h"
#include "similarity/featurematrix.h"
#include "similarity/knngraph.h"

#include <QtTest>

#include <algorithm>
#include <cmath>

namespace semiprune {

using testsupport::errorOf;

namespace {

FeatureMatrix randomFeatures(int count, int dimension, std::uint64_t seed)
{
    SelectionRng rng(seed);
    FeatureMatrix features;
    features.dimension = dimension;
    for (int i = 0; i < count * dimension; ++i)
        features.values.push_back(float(rng.uniform() * 2.0 - 1.0));
    return features;
}

// The k nearest by an exact scan over every pair: the reference the index is checked against.
std::vector<int> exactNeighbours(const FeatureMatrix &unit, int image, int k)
{
    std::vector<std::pair<double, int>> all;
    for (int j = 0; j < unit.count(); ++j) {
        if (j == image)
            continue;
        double squares = 0;
        for (int d = 0; d < unit.dimension; ++d) {
            const double diff = double(unit.row(image)[d]) - unit.row(j)[d];
            squares += diff * diff;
        }
        all.push_back({ squares, j });
    }
    std::sort(all.begin(), all.end());
    std::vector<int> nearest;
    for (int n = 0; n < k; ++n)
        nearest.push_back(all[std::size_t(n)].second);
    return nearest;
}

} // namespace

class TestSimilarity final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void featuresRoundTripAsHalfFloats()
    {
        FeatureMatrix features = randomFeatures(7, 5, 1);
        features.values[3] = 1.0e6f; // beyond half precision: clamped, not infinite
        const FeatureMatrix back = FeatureMatrix::fromBytes(features.toBytes());
        QCOMPARE(back.dimension, 5);
        QCOMPARE(back.count(), 7);
        QCOMPARE(back.values[3], 65504.0f);
        for (std::size_t i = 0; i < features.values.size(); ++i) {
            if (i != 3)
                QVERIFY(std::abs(back.values[i] - features.values[i]) < 1e-3f);
        }
        QCOMPARE(features.toBytes().size(), 8 + 35 * 2);
        // Bytes that are no feature matrix are refused with a message.
        QVERIFY(!errorOf([] { FeatureMatrix::fromBytes("nonsense"); }).isEmpty());
        QByteArray truncated = features.toBytes();
        truncated.chop(3);
        QVERIFY(!errorOf([&] { FeatureMatrix::fromBytes(truncated); }).isEmpty());
    }

    void normalizedRowsHaveUnitLength()
    {
        FeatureMatrix features = randomFeatures(4, 3, 2);
        std::fill(features.values.begin() + 3, features.values.begin() + 6, 0.0f); // row 1 is zero
        const FeatureMatrix unit = features.normalized();
        for (int i : { 0, 2, 3 }) {
            double squares = 0;
            for (int d = 0; d < 3; ++d)
                squares += double(unit.row(i)[d]) * unit.row(i)[d];
            QVERIFY(std::abs(squares - 1.0) < 1e-6);
        }
        QCOMPARE(unit.row(1)[0], 0.0f);
        const FeatureMatrix picked = features.rows({ 3, 0 });
        QCOMPARE(picked.count(), 2);
        QCOMPARE(picked.row(0)[2], features.row(3)[2]);
    }

    void graphMatchesAnExactSearch()
    {
        const FeatureMatrix features = randomFeatures(600, 24, 7);
        const int k = 10;
        const KnnGraph graph = KnnGraph::build(features, k);
        QCOMPARE(graph.count(), 600);
        const FeatureMatrix unit = features.normalized();
        int found = 0;
        for (int i = 0; i < graph.count(); ++i) {
            const std::vector<int> exact = exactNeighbours(unit, i, k);
            QCOMPARE(int(graph.neighbours(i).size()), k);
            for (const KnnGraph::Neighbour &n : graph.neighbours(i)) {
                QVERIFY(n.image != i);
                found += std::count(exact.begin(), exact.end(), n.image) ? 1 : 0;
            }
            // Nearest first.
            for (std::size_t j = 1; j < graph.neighbours(i).size(); ++j)
                QVERIFY(graph.neighbours(i)[j - 1].distance <= graph.neighbours(i)[j].distance);
        }
        const double recall = double(found) / (600.0 * k);
        QVERIFY2(recall > 0.99, qPrintable(QString::number(recall)));
    }

    void graphIsDeterministicAndUndirected()
    {
        const FeatureMatrix features = randomFeatures(300, 8, 3);
        const KnnGraph a = KnnGraph::build(features, 5);
        const KnnGraph b = KnnGraph::build(features, 5);
        for (int i = 0; i < a.count(); ++i) {
            QCOMPARE(a.neighbours(i).size(), b.neighbours(i).size());
            for (std::size_t j = 0; j < a.neighbours(i).size(); ++j)
                QCOMPARE(a.neighbours(i)[j].image, b.neighbours(i)[j].image);
        }
        const auto both = a.undirected();
        for (int i = 0; i < a.count(); ++i) {
            for (const KnnGraph::Neighbour &n : a.neighbours(i)) {
                const auto &back = both[std::size_t(n.image)];
                QVERIFY(
                    std::any_of(back.begin(), back.end(), [&](const KnnGraph::Neighbour &m) { return m.image == i; }));
            }
        }
        // Small graphs: k is capped, one image has no neighbour, and k < 1 is refused.
        QCOMPARE(int(KnnGraph::build(randomFeatures(3, 4, 1), 10).neighbours(0).size()), 2);
        QCOMPARE(int(KnnGraph::build(randomFeatures(1, 4, 1), 10).neighbours(0).size()), 0);
        QVERIFY(!errorOf([] { KnnGraph::build(randomFeatures(5, 4, 1), 0); }).isEmpty());
    }
};

} // namespace semiprune

QTEST_APPLESS_MAIN(semiprune::TestSimilarity)
#include "tst_similarity.moc"

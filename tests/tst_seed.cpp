// Drawing the seed to label: reproducible, never repeating, balanced on request, skips replaced.

#include "testsupport.h"

#include "common/error.h"
#include "dataset/folderimporter.h"
#include "dataset/seeddraw.h"
#include "jobs/jobcontext.h"
#include "storage/classtable.h"
#include "storage/imagetable.h"
#include "storage/labeltable.h"
#include "storage/project.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace semiprune;

class TestSeed final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;
    int m_counter = 0;

    std::unique_ptr<Project> project()
    {
        auto p = Project::create(m_dir.filePath(QStringLiteral("p%1.semiprune").arg(++m_counter)), m_root);
        JobContext job;
        ImportOptions options;
        options.labelMode = LabelMode::Hidden;
        importFolder(*p, options, job);
        return p;
    }

    static QSet<qint64> ids(const std::vector<ImageId> &images)
    {
        QSet<qint64> set;
        for (ImageId id : images)
            set.insert(id.value);
        return set;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_root = m_dir.filePath(QStringLiteral("images"));
        // 3 classes of 20, 20 and 10 training images, plus test images that must never be drawn.
        const int sizes[] = { 20, 20, 10 };
        for (int c = 0; c < 3; ++c)
            for (int i = 0; i < sizes[c]; ++i)
                testsupport::writeImage(m_root + QStringLiteral("/train/class%1/%2.png").arg(c).arg(i), 4, 4, 1, i);
        for (int i = 0; i < 5; ++i)
            testsupport::writeImage(m_root + QStringLiteral("/test/class0/t%1.png").arg(i), 4, 4, 1, i);
        testsupport::writeFile(m_root + QStringLiteral("/train/class0/broken.png"), "broken");
    }

    void theSameSeedDrawsTheSameImages()
    {
        auto a = project();
        auto b = project();
        const auto first = drawSeed(a->db(), 12, 42, false).images;
        const auto second = drawSeed(b->db(), 12, 42, false).images;
        QCOMPARE(first.size(), size_t(12));
        QVERIFY(first == second);
        auto c = project();
        QVERIFY(drawSeed(c->db(), 12, 43, false).images != first);
    }

    void drawsOnlyEligibleImagesAndNeverRepeats()
    {
        auto p = project();
        ImageTable images(p->db());
        ClassTable classes(p->db());
        const ImageId labeled = images.findByPath(QStringLiteral("train/class1/3.png"))->id;
        LabelTable(p->db()).set(labeled, classes.add(QStringLiteral("x")).id, LabelSource::Manual, 1);

        QSet<qint64> seen;
        for (int round = 0; round < 7; ++round) {
            const auto drawn = ids(drawSeed(p->db(), 7, quint64(round), false).images);
            QCOMPARE(drawn.size(), 7);
            QVERIFY(!drawn.intersects(seen));
            seen.unite(drawn);
        }
        QCOMPARE(seen.size(), 49); // 50 readable training images, one labeled
        QVERIFY(!seen.contains(labeled.value));
        for (const ImageRecord &image : images.all()) {
            if (image.split == Split::Test || image.status != ImageStatus::Ok)
                QVERIFY(!seen.contains(image.id.value));
        }
        QVERIFY_THROWS_EXCEPTION(Error, drawSeed(p->db(), 1, 9, false));
        QCOMPARE(seedItems(p->db()).size(), size_t(49));
    }

    void refusesImpossibleCounts()
    {
        auto p = project();
        QVERIFY_THROWS_EXCEPTION(Error, drawSeed(p->db(), 0, 1, false));
        QVERIFY_THROWS_EXCEPTION(Error, drawSeed(p->db(), 51, 1, false));
        QVERIFY(seedItems(p->db()).empty());
    }

    void balancedDrawTakesEqualSharesPerClass()
    {
        auto p = project();
        ImageTable images(p->db());
        const auto names = images.referenceClassNames();
        const auto drawn = drawSeed(p->db(), 9, 5, true).images;
        QHash<QString, int> perClass;
        for (ImageId id : drawn)
            ++perClass[names.value(images.find(id)->referenceClass)];
        QCOMPARE(perClass.value(QStringLiteral("class0")), 3);
        QCOMPARE(perClass.value(QStringLiteral("class1")), 3);
        QCOMPARE(perClass.value(QStringLiteral("class2")), 3);
        // class2 has 10 images: 3 drawn, 7 left; a balanced draw of 24 needs 8 of each.
        QVERIFY_THROWS_EXCEPTION(Error, drawSeed(p->db(), 24, 6, true));
    }

    void skippingDrawsAReplacement()
    {
        auto p = project();
        const auto drawn = drawSeed(p->db(), 3, 11, false).images;
        const auto replacement = skipSeedImage(p->db(), drawn[1], 11);
        QVERIFY(replacement);
        QVERIFY(!ids(drawn).contains(replacement->value));
        const auto items = seedItems(p->db());
        QCOMPARE(items.size(), size_t(4));
        QVERIFY(items[1].skipped);
        QCOMPARE(items.back().image, *replacement);
        // A skipped image is never drawn again.
        const auto rest = ids(drawSeed(p->db(), 46, 12, false).images);
        QVERIFY(!rest.contains(drawn[1].value));
        QVERIFY_THROWS_EXCEPTION(Error, skipSeedImage(p->db(), ImageId(999999), 1));
    }
};

QTEST_APPLESS_MAIN(TestSeed)
#include "tst_seed.moc"

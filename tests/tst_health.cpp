// Data health: image fingerprints, exact and near copies, split leaks, and the duplicates command.

#include "common/error.h"
#include "common/random.h"
#include "dataset/folderimporter.h"
#include "health/duplicates.h"
#include "health/fingerprinting.h"
#include "health/imagehash.h"
#include "health/imagequality.h"
#include "health/similarimages.h"
#include "imagecopies.h"
#include "jobs/jobcontext.h"
#include "storage/imagetable.h"
#include "storage/project.h"
#include "storage/resulttables.h"
#include "storage/runtable.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <set>

using namespace semiprune;
using namespace imagecopies;

namespace {

// A 64 x 64 color scene: a gradient with a few random shapes, different for every seed.
cv::Mat scene(std::uint64_t seed)
{
    TrainingRng rng(seed);
    cv::Mat image(64, 64, CV_8UC3);
    const cv::Vec3d from(rng.uniform(0, 255), rng.uniform(0, 255), rng.uniform(0, 255));
    const cv::Vec3d to(rng.uniform(0, 255), rng.uniform(0, 255), rng.uniform(0, 255));
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x) {
            const double t = (x + y) / 126.0;
            const cv::Vec3d c = from * (1 - t) + to * t;
            image.at<cv::Vec3b>(y, x) = cv::Vec3b(
                cv::saturate_cast<uchar>(c[0]), cv::saturate_cast<uchar>(c[1]), cv::saturate_cast<uchar>(c[2]));
        }
    for (int shape = 0; shape < 4; ++shape) {
        const cv::Scalar color(rng.uniform(0, 255), rng.uniform(0, 255), rng.uniform(0, 255));
        const cv::Point center(rng.between(8, 56), rng.between(8, 56));
        const int size = rng.between(5, 16);
        if (shape % 2 == 0)
            cv::circle(image, center, size, color, cv::FILLED);
        else
            cv::rectangle(
                image, center - cv::Point(size, size / 2), center + cv::Point(size, size / 2), color, cv::FILLED);
    }
    return image;
}

void write(const QString &path, const cv::Mat &image, std::vector<int> params = {})
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QVERIFY2(cv::imwrite(path.toStdString(), image, params), qPrintable(path));
}

std::vector<HashedImage> hashed(const std::vector<cv::Mat> &images, const std::vector<Split> &splits = {})
{
    std::vector<HashedImage> out;
    for (std::size_t i = 0; i < images.size(); ++i)
        out.push_back(HashedImage { qint64(i + 1), splits.empty() ? Split::Train : splits[i], hashImage(images[i]) });
    return out;
}

} // namespace

class TestHealth : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pixelHashFollowsPixelsNotFiles()
    {
        QTemporaryDir dir;
        const cv::Mat image = scene(1);
        write(dir.filePath(QStringLiteral("a.png")), image);
        write(dir.filePath(QStringLiteral("a.bmp")), image);
        write(dir.filePath(QStringLiteral("a.jpg")), image, { cv::IMWRITE_JPEG_QUALITY, 95 });
        const auto load = [&](const char *name) {
            return cv::imread(dir.filePath(QLatin1String(name)).toStdString(), cv::IMREAD_UNCHANGED);
        };
        const ImageHash png = hashImage(load("a.png"));
        // The same pixels in another format: the same hash.
        QCOMPARE(hashImage(load("a.bmp")).pixels, png.pixels);
        // A lossy re-save changes pixels, not what the image looks like.
        const ImageHash jpeg = hashImage(load("a.jpg"));
        QVERIFY(jpeg.pixels != png.pixels);
        QVERIFY(thumbnailDistance(jpeg, png) <= kDefaultNearDistance);
        // Brightness and contrast are taken out; a negative is as far as it gets.
        cv::Mat stretched;
        image.convertTo(stretched, -1, 0.5, 60);
        QVERIFY(thumbnailDistance(hashImage(stretched), png) < 0.05f);
        cv::Mat negative = cv::Scalar::all(255) - image;
        QVERIFY(thumbnailDistance(hashImage(negative), png) > 1.9f);
        QVERIFY(thumbnailDistance(hashImage(scene(2)), png) > 0.3f);
        // A gray image stored as color with three equal channels is the gray image.
        cv::Mat gray;
        cv::cvtColor(image, gray, cv::COLOR_BGR2GRAY);
        cv::Mat grayAsColor;
        cv::cvtColor(gray, grayAsColor, cv::COLOR_GRAY2BGR);
        QCOMPARE(hashImage(grayAsColor).pixels, hashImage(gray).pixels);
        // One pixel changed is other pixels; an image of another size is another image.
        cv::Mat touched = image.clone();
        touched.at<cv::Vec3b>(10, 10)[0] ^= 1;
        QVERIFY(hashImage(touched).pixels != png.pixels);
        QVERIFY(hashImage(image.reshape(3, 32)).pixels != png.pixels); // 128 x 32, same bytes
        // Tiny images hash too.
        // Tiny and blank images hash too, and have no structure to compare.
        const cv::Mat dot(1, 1, CV_8UC1, cv::Scalar(7));
        QCOMPARE(hashImage(dot).pixels, hashImage(dot.clone()).pixels);
        QVERIFY(!hashImage(dot).hasStructure());
        QVERIFY(!hashImage(cv::Mat(50, 80, CV_8UC3, cv::Scalar(10, 200, 30))).hasStructure());
        QCOMPARE(thumbnailDistance(hashImage(dot), hashImage(dot)), 2.0f);
        QVERIFY(png.hasStructure());
    }

    // Planted copies of each kind are found at the default distance; different scenes never pair.
    void plantedCopiesAreFoundAndDifferentImagesAreNot()
    {
        std::vector<cv::Mat> images;
        for (int i = 0; i < 60; ++i)
            images.push_back(scene(100 + std::uint64_t(i)));
        const std::vector<std::pair<const char *, cv::Mat>> copies = {
            { "exact", images[0].clone() },
            { "jpeg q80", jpeg(images[1], 80) },
            { "resized to 48 px", resized(images[2], 0.75) },
            { "resized to 128 px", resized(images[3], 2.0) },
            { "brightened by 12", brightened(images[4], 12) },
            { "darkened by 12", brightened(images[5], -12) },
        };
        // A crop moves the whole picture against its frame: found with a wider distance.
        const cv::Mat crop = cropped(images[6], 1);
        for (const auto &[kind, copy] : copies)
            images.push_back(copy);
        images.push_back(crop);
        const int cropIndex = int(images.size()) - 1;
        const DuplicateReport report = findDuplicates(hashed(images));
        float closestUnrelated = 2.0f;
        for (int a = 0; a < 60; ++a)
            for (int b = a + 1; b < 60; ++b)
                closestUnrelated = std::min(closestUnrelated,
                    thumbnailDistance(hashImage(images[std::size_t(a)]), hashImage(images[std::size_t(b)])));
        for (std::size_t c = 0; c < copies.size(); ++c)
            qInfo("%s: %.3f from its original", copies[c].first,
                double(thumbnailDistance(hashImage(images[c]), hashImage(copies[c].second))));
        qInfo("closest pair of different scenes: %.3f", double(closestUnrelated));
        QVERIFY(closestUnrelated > kDefaultNearDistance);
        for (std::size_t c = 0; c < copies.size(); ++c)
            QVERIFY2(together(report, int(c), int(60 + c)), copies[c].first);
        QCOMPARE(int(report.exactGroups.size()), 1);
        QCOMPARE(report.exactGroups.front().members, std::vector<int>({ 0, 60 }));
        // No group holds two of the 60 distinct scenes.
        for (const auto *groups : { &report.exactGroups, &report.nearGroups })
            for (const DuplicateGroup &group : *groups) {
                int originals = 0;
                for (int member : group.members)
                    originals += member < 60;
                QCOMPARE(originals, 1);
            }
        QCOMPARE(report.redundantImages, qint64(copies.size()));
        QVERIFY(report.leaks.empty()); // all in train
        qInfo("cropped by 1 px: %.3f from its original",
            double(thumbnailDistance(hashImage(images[6]), hashImage(crop))));
        QVERIFY(!together(report, 6, cropIndex));
        const DuplicateReport wide = findDuplicates(hashed(images), 0.15f);
        QVERIFY(together(wide, 6, cropIndex));
        QCOMPARE(wide.redundantImages, qint64(copies.size() + 1));

        // Distance 0 keeps the exact copies and those with the very same thumbnail shape.
        const DuplicateReport strict = findDuplicates(hashed(images), 0.0f);
        QVERIFY(together(strict, 0, 60));
        QVERIFY(!together(strict, 1, 61)); // the JPEG copy's thumbnail moved a little
        QVERIFY(strict.redundantImages < report.redundantImages);
        QVERIFY_THROWS_EXCEPTION(Error, findDuplicates(hashed(images), 0.6f));
        QVERIFY_THROWS_EXCEPTION(Error, findDuplicates(hashed(images), -0.1f));
    }

    // Many identical blank images are one exact group, never a near group; a chain of gradually
    // changing images is not one group: every member is within the distance of the group's first.
    void blankImagesAndChains()
    {
        std::vector<cv::Mat> images;
        for (int i = 0; i < 300; ++i)
            images.push_back(cv::Mat(16, 16, CV_8UC1, cv::Scalar(0)));
        images.push_back(cv::Mat(16, 16, CV_8UC1, cv::Scalar(255))); // blank too, other pixels
        const DuplicateReport blank = findDuplicates(hashed(images));
        QCOMPARE(int(blank.exactGroups.size()), 1);
        QCOMPARE(int(blank.exactGroups.front().members.size()), 300);
        QVERIFY(blank.nearGroups.empty());
        QCOMPARE(blank.redundantImages, qint64(299));

        // A bright square sliding one pixel per image: neighbours are close, the ends are not.
        std::vector<cv::Mat> chain;
        for (int i = 0; i < 20; ++i) {
            cv::Mat image(64, 64, CV_8UC1, cv::Scalar(30));
            cv::rectangle(image, cv::Rect(8 + i, 20, 24, 24), cv::Scalar(220), cv::FILLED);
            chain.push_back(image);
        }
        const std::vector<HashedImage> hashes = hashed(chain);
        const DuplicateReport report = findDuplicates(hashes, 0.25f);
        for (const DuplicateGroup &group : report.nearGroups)
            for (int member : group.members)
                QVERIFY(
                    thumbnailDistance(hashes[std::size_t(group.members.front())].hash, hashes[std::size_t(member)].hash)
                    <= 0.25f);
        QVERIFY(thumbnailDistance(hashes.front().hash, hashes.back().hash) > 0.25f);
        QVERIFY(report.nearGroups.size() > 1);
    }

    // Planted defects are flagged with the issue they are; clean scenes with none.
    void auditFlagsPlantedDefects()
    {
        const auto issuesOf = [](const cv::Mat &image, bool colorSet = true) {
            return qualityIssues(measureQuality(image), image.cols, image.rows, colorSet);
        };
        for (int i = 0; i < 40; ++i) {
            const cv::Mat image = scene(700 + std::uint64_t(i));
            QVERIFY2(issuesOf(image).isEmpty(), qPrintable(QString::number(i)));
        }
        const cv::Mat image = scene(800);
        cv::Mat blurred;
        cv::GaussianBlur(image, blurred, cv::Size(), 3.0);
        QVERIFY(issuesOf(blurred).contains(QualityIssue::Blurry));
        cv::Mat dark;
        image.convertTo(dark, -1, 0.15, 0);
        QVERIFY(issuesOf(dark).contains(QualityIssue::Dark));
        cv::Mat bright;
        image.convertTo(bright, -1, 0.15, 220);
        QVERIFY(issuesOf(bright).contains(QualityIssue::Overexposed));
        cv::Mat noise(200, 300, CV_8UC3);
        cv::randu(noise, cv::Scalar::all(0), cv::Scalar::all(256));
        QCOMPARE(issuesOf(noise), QList<QualityIssue>({ QualityIssue::Noise }));
        const cv::Mat strip = imagecopies::resized(image, 1.0).reshape(3, 1).colRange(0, 200).clone();
        QVERIFY(issuesOf(strip).contains(QualityIssue::OddAspect));
        QVERIFY(issuesOf(strip).contains(QualityIssue::OddSize)); // one pixel high
        const cv::Mat blank(64, 64, CV_8UC3, cv::Scalar(90, 90, 90));
        QVERIFY(issuesOf(blank).contains(QualityIssue::LowInformation));
        QVERIFY(!issuesOf(blank).contains(QualityIssue::Blurry)); // nothing there to be sharp
        cv::Mat gray;
        cv::cvtColor(image, gray, cv::COLOR_BGR2GRAY);
        QCOMPARE(issuesOf(gray), QList<QualityIssue>({ QualityIssue::GrayInColor }));
        QVERIFY(issuesOf(gray, false).isEmpty()); // in a gray data set it is not odd
        QCOMPARE(qualityIssueName(QualityIssue::LowInformation), QStringLiteral("low-information"));
    }

    // With a finished proxy run that stored features, "more like this" uses them.
    void similarImagesUseTheNewestRunsFeatures()
    {
        // Rows 0-3 on one side, 4-5 on the other; the given rows are never returned.
        FeatureMatrix features;
        features.dimension = 2;
        features.values = { 1, 0, 0.9f, 0.1f, 0.8f, 0.3f, 0.95f, 0.0f, 0, 1, -0.1f, 1 };
        const FeatureMatrix unit = features.normalized();
        const auto nearest = nearestRows(unit, { 0 }, 3);
        QCOMPARE(int(nearest.size()), 3);
        QCOMPARE(nearest[0].first, 3); // the same direction as row 0
        QCOMPARE(nearest[0].second, 0.0f);
        QCOMPARE(nearest[1].first, 1);
        QCOMPARE(nearest[2].first, 2);
        // Near any of several given rows.
        const auto either = nearestRows(unit, { 0, 4 }, 2);
        QCOMPARE(either[0].first, 3);
        QCOMPARE(either[1].first, 5);
        QCOMPARE(int(nearestRows(unit, { 0 }, 100).size()), 5);

        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("images"));
        for (int i = 0; i < 6; ++i)
            write(root + QStringLiteral("/img%1.png").arg(i), scene(900 + std::uint64_t(i)));
        auto project = Project::create(dir.filePath(QStringLiteral("f.semiprune")), root);
        JobContext job;
        importFolder(*project, ImportOptions {}, job);
        Database &db = project->db();
        std::vector<ImageId> ids;
        for (int i = 0; i < 6; ++i)
            ids.push_back(ImageTable(db).findByPath(QStringLiteral("img%1.png").arg(i))->id);
        RunTable runs(db);
        RunRecord proxy;
        proxy.kind = QStringLiteral("dynamics");
        proxy.fingerprint = QStringLiteral("test");
        const RunId run = runs.start(proxy);
        runs.setImages(run, ids, std::vector<int>(6, 0));
        FeatureTable(db).save(run, features);
        runs.finish(run, RunState::Finished);
        const SimilarImages found = findSimilarImages(*project, { ids[0] }, 2, job);
        QCOMPARE(found.source, SimilarImages::Source::Features);
        QCOMPARE(found.run, run);
        QCOMPARE(int(found.images.size()), 2);
        QCOMPARE(found.images[0].image, ids[3]);
        QCOMPARE(found.images[1].image, ids[1]);
        QVERIFY_THROWS_EXCEPTION(Error, findSimilarImages(*project, { ids[0] }, 0, job));
        QVERIFY_THROWS_EXCEPTION(Error, findSimilarImages(*project, {}, 3, job));
    }

    void leaksAreHeldOutImagesWithATrainingCopy()
    {
        std::vector<cv::Mat> images;
        std::vector<Split> splits;
        for (int i = 0; i < 20; ++i) {
            images.push_back(scene(300 + std::uint64_t(i)));
            splits.push_back(i < 15 ? Split::Train : (i < 18 ? Split::Test : Split::Val));
        }
        images.push_back(images[3].clone()); // 20: exact copy of a training image, in test
        splits.push_back(Split::Test);
        images.push_back(jpeg(images[4], 85)); // 21: near copy in val
        splits.push_back(Split::Val);
        images.push_back(images[16].clone()); // 22: a copy within test: no leak
        splits.push_back(Split::Test);
        const DuplicateReport report = findDuplicates(hashed(images, splits));
        QCOMPARE(int(report.leaks.size()), 2);
        QCOMPARE(report.leaks[0].heldOut, 20);
        QCOMPARE(report.leaks[0].train, 3);
        QCOMPARE(report.leaks[0].distance, 0);
        QCOMPARE(report.leaks[1].heldOut, 21);
        QCOMPARE(report.leaks[1].train, 4);
        QVERIFY(report.leaks[1].distance > 0 && report.leaks[1].distance <= kDefaultNearDistance);
    }

    // A project: fingerprints are stored, reused while files are unchanged, redone when one changes;
    // undecodable images are reported, not fatal; the command prints the groups as JSON.
    void projectFingerprintsAndCommand()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("images"));
        for (int i = 0; i < 6; ++i)
            write(root + QStringLiteral("/train/scene%1.png").arg(i), scene(500 + std::uint64_t(i)));
        write(root + QStringLiteral("/train/copy.bmp"), scene(500));
        write(root + QStringLiteral("/test/leak.jpg"), scene(501), { cv::IMWRITE_JPEG_QUALITY, 90 });
        write(root + QStringLiteral("/test/other.png"), scene(599));
        write(root + QStringLiteral("/train/tiny.png"), cv::Mat(1, 1, CV_8UC1, cv::Scalar(3)));
        cv::Mat deep(20, 20, CV_16UC1, cv::Scalar(40000));
        write(root + QStringLiteral("/train/deep.png"), deep);
        // A PNG cut short: its header reads, its pixels do not.
        {
            std::vector<uchar> bytes;
            cv::imencode(".png", scene(7), bytes);
            QFile file(root + QStringLiteral("/train/cut.png"));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(reinterpret_cast<const char *>(bytes.data()), qint64(bytes.size() / 2));
        }
        const QString projectFile = dir.filePath(QStringLiteral("health.semiprune"));
        {
            auto project = Project::create(projectFile, root);
            JobContext job;
            importFolder(*project, ImportOptions {}, job);
            const FingerprintReport first = fingerprintImages(*project, job);
            QCOMPARE(first.measured, qint64(11));
            QCOMPARE(first.reused, qint64(0));
            QCOMPARE(first.undecodable, qint64(1));
            QCOMPARE(first.problems.front().first, QStringLiteral("train/cut.png"));
            QCOMPARE(int(first.images.size()), 11);
            const FingerprintReport again = fingerprintImages(*project, job);
            QCOMPARE(again.measured, qint64(0));
            QCOMPARE(again.undecodable, qint64(1)); // tried again: it may have been repaired
            QCOMPARE(again.reused, qint64(11));
        }
        const QStringList arguments { QStringLiteral("duplicates"), projectFile, QStringLiteral("--json") };
        QProcess cli;
        cli.start(qEnvironmentVariable("SEMIPRUNE_CLI"), arguments);
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 0);
        const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        QCOMPARE(json.value(QStringLiteral("images")).toInt(), 11);
        QCOMPARE(json.value(QStringLiteral("reused")).toInt(), 11);
        QCOMPARE(json.value(QStringLiteral("undecodable")).toInt(), 1);
        QCOMPARE(json.value(QStringLiteral("max_distance")).toDouble(), double(kDefaultNearDistance));
        const QJsonArray exact = json.value(QStringLiteral("exact_groups")).toArray();
        QCOMPARE(exact.size(), 1);
        QStringList exactPaths;
        for (const QJsonValue &image : exact.at(0).toObject().value(QStringLiteral("images")).toArray())
            exactPaths << image.toObject().value(QStringLiteral("path")).toString();
        QCOMPARE(exactPaths, QStringList({ QStringLiteral("train/copy.bmp"), QStringLiteral("train/scene0.png") }));
        const QJsonArray leaks = json.value(QStringLiteral("leaks")).toArray();
        QCOMPARE(leaks.size(), 1);
        const QJsonObject leak = leaks.at(0).toObject();
        QCOMPARE(leak.value(QStringLiteral("image")).toObject().value(QStringLiteral("path")).toString(),
            QStringLiteral("test/leak.jpg"));
        QCOMPARE(leak.value(QStringLiteral("image")).toObject().value(QStringLiteral("split")).toString(),
            QStringLiteral("test"));
        QCOMPARE(leak.value(QStringLiteral("train_copy")).toObject().value(QStringLiteral("path")).toString(),
            QStringLiteral("train/scene1.png"));
        QCOMPARE(json.value(QStringLiteral("redundant_images")).toInt(), 2);

        // The audit of the same project: the one-pixel image and the flat 16-bit one.
        cli.start(
            qEnvironmentVariable("SEMIPRUNE_CLI"), { QStringLiteral("audit"), projectFile, QStringLiteral("--json") });
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 0);
        const QJsonObject audit = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        QCOMPARE(audit.value(QStringLiteral("images")).toInt(), 11);
        QVERIFY(audit.value(QStringLiteral("color_set")).toBool());
        QVERIFY(audit.value(QStringLiteral("thresholds")).toObject().contains(QStringLiteral("blurry_sharpness")));
        QMap<QString, QStringList> issuesByPath;
        for (const QJsonValue &value : audit.value(QStringLiteral("flagged")).toArray()) {
            QStringList issues;
            for (const QJsonValue &issue : value.toObject().value(QStringLiteral("issues")).toArray())
                issues << issue.toString();
            issuesByPath.insert(value.toObject().value(QStringLiteral("path")).toString(), issues);
        }
        QCOMPARE(
            issuesByPath.keys(), QStringList({ QStringLiteral("train/deep.png"), QStringLiteral("train/tiny.png") }));
        QCOMPARE(issuesByPath.value(QStringLiteral("train/tiny.png")),
            QStringList({ QStringLiteral("dark"), QStringLiteral("low-information"), QStringLiteral("odd-size"),
                QStringLiteral("gray-in-color") }));
        QCOMPARE(issuesByPath.value(QStringLiteral("train/deep.png")),
            QStringList({ QStringLiteral("low-information"), QStringLiteral("gray-in-color") }));
        QCOMPARE(audit.value(QStringLiteral("counts")).toObject().value(QStringLiteral("gray-in-color")).toInt(), 2);

        // More like this, before any run: by thumbnails; the JPEG copy of scene 1 comes first.
        cli.start(qEnvironmentVariable("SEMIPRUNE_CLI"),
            { QStringLiteral("similar"), projectFile, QStringLiteral("train/scene1.png"), QStringLiteral("--count"),
                QStringLiteral("3"), QStringLiteral("--json") });
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 0);
        const QJsonObject similar = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        QCOMPARE(similar.value(QStringLiteral("source")).toString(), QStringLiteral("thumbnails"));
        const QJsonArray nearest = similar.value(QStringLiteral("images")).toArray();
        QCOMPARE(nearest.size(), 3);
        QCOMPARE(nearest.at(0).toObject().value(QStringLiteral("path")).toString(), QStringLiteral("test/leak.jpg"));
        QVERIFY(nearest.at(0).toObject().value(QStringLiteral("distance")).toDouble()
            < nearest.at(1).toObject().value(QStringLiteral("distance")).toDouble());
        // The undecodable image cannot be compared: a clear error, exit 1.
        cli.start(qEnvironmentVariable("SEMIPRUNE_CLI"),
            { QStringLiteral("similar"), projectFile, QStringLiteral("train/cut.png") });
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY(cli.readAllStandardError().contains("train/cut.png cannot be read"));

        // A distance outside 0-0.5 is a usage error.
        cli.start(qEnvironmentVariable("SEMIPRUNE_CLI"),
            { QStringLiteral("duplicates"), projectFile, QStringLiteral("--max-distance"), QStringLiteral("0.7") });
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY(cli.readAllStandardError().contains("--max-distance"));
    }
};

QTEST_GUILESS_MAIN(TestHealth)
#include "tst_health.moc"

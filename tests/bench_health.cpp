// Duplicate detection on Fashion-MNIST: how long the search over 70,000 stored fingerprints takes,
// what the data set itself holds (copies within it, test images with a copy in train), and the recall
// per kind of planted copy at several distances, with the false pairs among unrelated originals.
// Not a test: built with SEMIPRUNE_BUILD_BENCHMARKS, never run by ctest.
//
//   bench_health [--data DIR (default /usr/share/datasets/fashion-mnist)] [--originals N (default 2000)]

#include "dataset/idxfile.h"
#include "health/duplicates.h"
#include "health/imagehash.h"
#include "health/imagequality.h"
#include "imagecopies.h"

#include <QString>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <set>
#include <string>
#include <vector>

using namespace semiprune;
using namespace imagecopies;

namespace {

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::vector<cv::Mat> readImages(const QString &path)
{
    const IdxArray array = readIdxFile(path);
    std::vector<cv::Mat> images;
    for (qint64 i = 0; i < array.itemCount(); ++i)
        images.push_back(cv::Mat(
            array.dims[1], array.dims[2], CV_8UC1, const_cast<char *>(array.data.constData() + i * array.itemSize()))
                             .clone());
    return images;
}

constexpr float kDistances[] = { 0.04f, 0.08f, 0.12f };

} // namespace

int main(int argc, char **argv)
{
    QString data = QStringLiteral("/usr/share/datasets/fashion-mnist");
    int originals = 2000;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--data" && i + 1 < argc)
            data = QString::fromLocal8Bit(argv[++i]);
        else if (a == "--originals" && i + 1 < argc)
            originals = std::max(10, std::atoi(argv[++i]));
        else {
            std::fprintf(stderr, "unknown argument %s\n", a.c_str());
            return 2;
        }
    }
    const std::vector<cv::Mat> train = readImages(data + QStringLiteral("/train-images-idx3-ubyte.gz"));
    const std::vector<cv::Mat> test = readImages(data + QStringLiteral("/t10k-images-idx3-ubyte.gz"));

    // 1. The whole data set: hashing from decoded pixels, then the search over stored hashes.
    std::vector<HashedImage> all;
    auto start = std::chrono::steady_clock::now();
    for (const cv::Mat &image : train)
        all.push_back(HashedImage { qint64(all.size()), Split::Train, hashImage(image) });
    for (const cv::Mat &image : test)
        all.push_back(HashedImage { qint64(all.size()), Split::Test, hashImage(image) });
    std::printf("fingerprints of %zu images (decoded pixels in memory): %.2f s\n", all.size(), secondsSince(start));
    std::size_t blank = 0;
    for (const HashedImage &image : all)
        blank += !image.hash.hasStructure();
    for (float distance : { 0.0f, 0.04f, 0.08f, 0.12f }) {
        start = std::chrono::steady_clock::now();
        const DuplicateReport report = findDuplicates(all, distance);
        const double seconds = secondsSince(start);
        std::size_t exactImages = 0, nearImages = 0;
        for (const DuplicateGroup &g : report.exactGroups)
            exactImages += g.members.size();
        for (const DuplicateGroup &g : report.nearGroups)
            nearImages += g.members.size();
        std::printf("distance %.2f: search %.2f s; exact: %zu groups of %zu images; near: %zu groups of %zu images "
                    "(largest %zu); redundant %lld; test images with a copy in train: %zu\n",
            double(distance), seconds, report.exactGroups.size(), exactImages, report.nearGroups.size(), nearImages,
            report.nearGroups.empty() ? std::size_t(0) : report.nearGroups.front().members.size(),
            static_cast<long long>(report.redundantImages), report.leaks.size());
    }
    std::printf("images without structure (never near copies): %zu\n", blank);

    // 2. Planted copies: the first `originals` test images (in train), one copy of each kind of each
    // (in test, so every found copy is also a found leak).
    struct Kind {
        const char *name;
        std::function<cv::Mat(const cv::Mat &)> make;
    };
    const std::vector<Kind> kinds = {
        { "exact re-save (PNG pixels)", [](const cv::Mat &m) { return m.clone(); } },
        { "JPEG quality 90", [](const cv::Mat &m) { return jpeg(m, 90); } },
        { "JPEG quality 75", [](const cv::Mat &m) { return jpeg(m, 75); } },
        { "resized x2 (56 px)", [](const cv::Mat &m) { return resized(m, 2.0); } },
        { "resized x0.75 (21 px)", [](const cv::Mat &m) { return resized(m, 0.75); } },
        { "brightened +20", [](const cv::Mat &m) { return brightened(m, 20); } },
        { "darkened -20", [](const cv::Mat &m) { return brightened(m, -20); } },
        { "cropped 1 px each side", [](const cv::Mat &m) { return cropped(m, 1); } },
        { "cropped 2 px each side", [](const cv::Mat &m) { return cropped(m, 2); } },
    };
    originals = std::min<int>(originals, int(test.size()));
    std::vector<HashedImage> planted;
    for (int i = 0; i < originals; ++i)
        planted.push_back(HashedImage { i, Split::Train, hashImage(test[std::size_t(i)]) });
    for (const Kind &kind : kinds)
        for (int i = 0; i < originals; ++i)
            planted.push_back(
                HashedImage { qint64(planted.size()), Split::Test, hashImage(kind.make(test[std::size_t(i)])) });
    // How far each original's nearest other original is (a measurement, so every pair is compared).
    std::vector<float> nearest;
    for (int i = 0; i < originals; ++i) {
        float closest = 2.0f;
        for (int j = 0; j < originals; ++j)
            if (j != i)
                closest
                    = std::min(closest, thumbnailDistance(planted[std::size_t(i)].hash, planted[std::size_t(j)].hash));
        nearest.push_back(closest);
    }
    std::sort(nearest.begin(), nearest.end());
    std::printf("\nnearest other original: 1 %% of the originals within %.3f, 5 %% within %.3f, median %.3f\n",
        double(nearest[nearest.size() / 100]), double(nearest[nearest.size() / 20]),
        double(nearest[nearest.size() / 2]));
    std::printf("\nplanted: %d originals (train) and %zu copies of each of %zu kinds (test)\n", originals,
        std::size_t(originals), kinds.size());
    std::printf("%-28s", "recall of the copies at distance");
    for (float distance : kDistances)
        std::printf("  %6.2f", double(distance));
    std::printf("\n");
    std::vector<DuplicateReport> reports;
    for (float distance : kDistances)
        reports.push_back(findDuplicates(planted, distance));
    for (std::size_t k = 0; k < kinds.size(); ++k) {
        std::printf("%-28s", kinds[k].name);
        for (const DuplicateReport &report : reports) {
            int found = 0;
            for (int i = 0; i < originals; ++i)
                found += together(report, i, originals * int(k + 1) + i);
            std::printf("  %5.1f%%", 100.0 * found / originals);
        }
        std::printf("\n");
    }
    // Pairs of originals joined: unrelated images (or the data set's own copies) in one group.
    std::printf("%-28s", "originals joined to another");
    for (const DuplicateReport &report : reports) {
        std::set<int> joined;
        for (const auto *groups : { &report.exactGroups, &report.nearGroups })
            for (const DuplicateGroup &group : *groups) {
                std::vector<int> members;
                for (int m : group.members)
                    if (m < originals)
                        members.push_back(m);
                if (members.size() > 1)
                    joined.insert(members.begin(), members.end());
            }
        std::printf("  %5.1f%%", 100.0 * double(joined.size()) / originals);
    }
    std::printf("\n%-28s", "leaks found (of all copies)");
    for (const DuplicateReport &report : reports)
        std::printf("  %5.1f%%", 100.0 * double(report.leaks.size()) / double(originals * int(kinds.size())));
    std::printf("\n");

    // 3. The audit: how many clean images each issue flags, and the recall of planted defects.
    std::vector<std::pair<const char *, std::function<cv::Mat(const cv::Mat &)>>> defects = {
        { "blurred (Gaussian, sigma 1.5)",
            [](const cv::Mat &m) {
                cv::Mat out;
                cv::GaussianBlur(m, out, cv::Size(), 1.5);
                return out;
            } },
        { "darkened (x0.15)",
            [](const cv::Mat &m) {
                cv::Mat out;
                m.convertTo(out, -1, 0.15, 0);
                return out;
            } },
        { "overexposed (x0.2 + 220)",
            [](const cv::Mat &m) {
                cv::Mat out;
                m.convertTo(out, -1, 0.2, 220);
                return out;
            } },
        { "noise only",
            [](const cv::Mat &m) {
                cv::Mat out(m.size(), m.type());
                cv::randu(out, 0, 256);
                return out;
            } },
        { "1 x 200 strip", [](const cv::Mat &m) { return resized(m, 1.0).reshape(1, 1).colRange(0, 200).clone(); } },
    };
    const auto issuesOf
        = [](const cv::Mat &image) { return qualityIssues(measureQuality(image), image.cols, image.rows, false); };
    const auto quantiles = [](const char *what, std::vector<float> values) {
        std::sort(values.begin(), values.end());
        const auto at = [&](double q) { return double(values[std::size_t(q * double(values.size() - 1))]); };
        std::printf("  %-28s 0.1 %% %.3f  1 %% %.3f  5 %% %.3f  median %.3f  99 %% %.3f\n", what, at(0.001), at(0.01),
            at(0.05), at(0.5), at(0.99));
    };
    std::vector<float> sharpness, structure, entropy, brightest, darkest;
    for (const cv::Mat &image : train) {
        const ImageQuality q = measureQuality(image);
        sharpness.push_back(q.sharpness);
        structure.push_back(q.structure);
        entropy.push_back(q.entropy);
        brightest.push_back(q.brightest);
        darkest.push_back(q.darkest);
    }
    std::printf("\nclean training images:\n");
    quantiles("sharpness", sharpness);
    quantiles("structure", structure);
    quantiles("entropy", entropy);
    quantiles("brightest", brightest);
    quantiles("darkest", darkest);
    for (std::size_t d : { std::size_t(0), std::size_t(3) }) {
        std::vector<float> values;
        for (int i = 0; i < originals; ++i) {
            const ImageQuality q = measureQuality(defects[d].second(test[std::size_t(i)]));
            values.push_back(d == 0 ? q.sharpness : q.structure);
        }
        quantiles(defects[d].first, values);
    }
    std::vector<int> flagged(8, 0);
    int anyFlag = 0;
    for (const cv::Mat &image : train) {
        const QList<QualityIssue> issues = issuesOf(image);
        anyFlag += !issues.isEmpty();
        for (QualityIssue issue : issues)
            ++flagged[std::size_t(issue)];
    }
    std::printf("\naudit of the %zu clean training images: %d flagged (%.2f %%):", train.size(), anyFlag,
        100.0 * anyFlag / double(train.size()));
    for (int issue = 0; issue < 8; ++issue)
        if (flagged[std::size_t(issue)] > 0)
            std::printf(
                " %s %d", qualityIssueName(QualityIssue(issue)).toUtf8().constData(), flagged[std::size_t(issue)]);
    std::printf("\n");
    const std::vector<QualityIssue> expected = { QualityIssue::Blurry, QualityIssue::Dark, QualityIssue::Overexposed,
        QualityIssue::Noise, QualityIssue::OddAspect };
    cv::RNG noiseSeed(1);
    cv::theRNG() = noiseSeed;
    for (std::size_t d = 0; d < defects.size(); ++d) {
        int found = 0, any = 0;
        for (int i = 0; i < originals; ++i) {
            const QList<QualityIssue> issues = issuesOf(defects[d].second(test[std::size_t(i)]));
            found += issues.contains(expected[d]);
            any += !issues.isEmpty();
        }
        std::printf("%-32s flagged %s: %5.1f %%, flagged at all: %5.1f %%\n", defects[d].first,
            qualityIssueName(expected[d]).toUtf8().constData(), 100.0 * found / originals, 100.0 * any / originals);
    }
    return 0;
}

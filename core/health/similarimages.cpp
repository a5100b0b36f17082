#include "health/similarimages.h"

#include "common/error.h"
#include "health/fingerprinting.h"
#include "storage/imagetable.h"
#include "storage/project.h"
#include "storage/resulttables.h"
#include "storage/runtable.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <cmath>

namespace semiprune {

std::vector<std::pair<int, float>> nearestRows(const FeatureMatrix &unit, const std::vector<int> &given, int count)
{
    const int n = unit.count();
    const std::size_t d = std::size_t(unit.dimension);
    std::vector<bool> isGiven(std::size_t(n), false);
    for (int row : given)
        isGiven[std::size_t(row)] = true;
    std::vector<std::pair<int, float>> all;
    all.reserve(std::size_t(n));
    for (int row = 0; row < n; ++row) {
        if (isGiven[std::size_t(row)])
            continue;
        float nearest = 2.0f;
        for (int query : given) {
            const float *a = unit.row(row);
            const float *b = unit.row(query);
            float squared = 0.0f;
            for (std::size_t k = 0; k < d; ++k)
                squared += (a[k] - b[k]) * (a[k] - b[k]);
            nearest = std::min(nearest, std::sqrt(squared));
        }
        all.emplace_back(row, nearest);
    }
    const auto closer = [](const std::pair<int, float> &a, const std::pair<int, float> &b) {
        return a.second != b.second ? a.second < b.second : a.first < b.first;
    };
    const std::size_t keep = std::min(all.size(), std::size_t(std::max(0, count)));
    std::partial_sort(all.begin(), all.begin() + qint64(keep), all.end(), closer);
    all.resize(keep);
    return all;
}

namespace {

QString pathOf(Database &db, ImageId image)
{
    const auto record = ImageTable(db).find(image);
    return record ? record->path : QStringLiteral("#%1").arg(image.value);
}

} // namespace

SimilarImages findSimilarImages(Project &project, const std::vector<ImageId> &given, int count, JobContext &job)
{
    if (count < 1)
        throw Error(
            QCoreApplication::translate("Similar", "Ask for at least one similar image (asked for %1).").arg(count));
    if (given.empty())
        throw Error(QCoreApplication::translate("Similar", "Give at least one image to find similar ones to."));
    Database &db = project.db();
    SimilarImages result;
    std::vector<ImageId> rows; // the image of each row of `unit`
    FeatureMatrix unit;

    RunTable runs(db);
    const auto proxy = runs.latestFinished(QStringLiteral("dynamics"));
    const FeatureMatrix features = proxy ? FeatureTable(db).load(proxy->id) : FeatureMatrix();
    if (!features.isEmpty()) {
        result.source = SimilarImages::Source::Features;
        result.run = proxy->id;
        rows = runs.images(proxy->id);
        unit = features.normalized();
    } else {
        const FingerprintReport health = fingerprintImages(project, job);
        unit.dimension = ImageHash::kThumbnailSide * ImageHash::kThumbnailSide;
        for (const MeasuredImage &image : health.images) {
            const auto shape = image.hash.shape(); // zeros without structure: 1 from everything
            rows.push_back(ImageId { image.id });
            unit.values.insert(unit.values.end(), shape.begin(), shape.end());
        }
    }

    QHash<ImageId, int> rowOf;
    for (std::size_t i = 0; i < rows.size(); ++i)
        rowOf.insert(rows[i], int(i));
    std::vector<int> givenRows;
    for (ImageId image : given) {
        const auto row = rowOf.constFind(image);
        if (row == rowOf.constEnd())
            throw Error(result.source == SimilarImages::Source::Features
                    ? QCoreApplication::translate(
                        "Similar", "%1 was not in the newest run (#%2): run the pipeline again to include it.")
                          .arg(pathOf(db, image))
                          .arg(result.run.value)
                    : QCoreApplication::translate("Similar", "%1 cannot be read, so nothing can be compared with it.")
                          .arg(pathOf(db, image)));
        givenRows.push_back(*row);
    }
    for (const auto &[row, distance] : nearestRows(unit, givenRows, count))
        result.images.push_back(SimilarImage { rows[std::size_t(row)], distance });
    return result;
}

} // namespace semiprune

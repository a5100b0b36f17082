#include "health/imagehash.h"

#include <QCryptographicHash>

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstring>
#include <numeric>

namespace semiprune {

namespace {

constexpr int kCells = ImageHash::kThumbnailSide * ImageHash::kThumbnailSide;

// A 3-channel image whose channels agree everywhere is a gray image saved as color.
bool isGrayInColor(const cv::Mat &image)
{
    if (image.channels() != 3)
        return false;
    for (int y = 0; y < image.rows; ++y) {
        const cv::Vec3b *row = image.ptr<cv::Vec3b>(y);
        for (int x = 0; x < image.cols; ++x)
            if (row[x][0] != row[x][1] || row[x][1] != row[x][2])
                return false;
    }
    return true;
}

std::uint64_t pixelHash(const cv::Mat &image)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const std::int32_t shape[3] = { image.cols, image.rows, image.channels() };
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(shape), sizeof shape));
    const qsizetype rowBytes = qsizetype(image.cols) * image.channels();
    for (int y = 0; y < image.rows; ++y)
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(image.ptr(y)), rowBytes));
    const QByteArray digest = hash.result();
    std::uint64_t value = 0;
    std::memcpy(&value, digest.constData(), sizeof value);
    return value;
}

} // namespace

bool ImageHash::hasStructure() const
{
    const double mean = std::accumulate(thumbnail.begin(), thumbnail.end(), 0.0) / kCells;
    double variance = 0.0;
    for (std::uint8_t value : thumbnail)
        variance += (value - mean) * (value - mean);
    return variance / kCells >= 1.0;
}

std::array<float, ImageHash::kThumbnailSide * ImageHash::kThumbnailSide> ImageHash::shape() const
{
    std::array<float, kCells> out {};
    if (!hasStructure())
        return out;
    const double mean = std::accumulate(thumbnail.begin(), thumbnail.end(), 0.0) / kCells;
    double squares = 0.0;
    for (int i = 0; i < kCells; ++i) {
        out[std::size_t(i)] = float(thumbnail[std::size_t(i)] - mean);
        squares += double(out[std::size_t(i)]) * out[std::size_t(i)];
    }
    const float scale = float(1.0 / std::sqrt(squares));
    for (float &value : out)
        value *= scale;
    return out;
}

ImageHash hashImage(const cv::Mat &image)
{
    ImageHash hash;
    if (image.empty())
        return hash;
    cv::Mat gray;
    if (image.channels() == 1)
        gray = image;
    else
        cv::cvtColor(image, gray, cv::COLOR_BGR2GRAY);
    hash.pixels = pixelHash(isGrayInColor(image) ? gray : image);
    cv::Mat small;
    cv::resize(gray, small, cv::Size(ImageHash::kThumbnailSide, ImageHash::kThumbnailSide), 0, 0, cv::INTER_AREA);
    for (int y = 0; y < small.rows; ++y)
        std::memcpy(hash.thumbnail.data() + y * small.cols, small.ptr(y), std::size_t(small.cols));
    return hash;
}

float thumbnailDistance(const ImageHash &a, const ImageHash &b)
{
    if (!a.hasStructure() || !b.hasStructure())
        return 2.0f;
    const auto x = a.shape();
    const auto y = b.shape();
    double squares = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i)
        squares += double(x[i] - y[i]) * (x[i] - y[i]);
    return float(std::sqrt(squares));
}

} // namespace semiprune

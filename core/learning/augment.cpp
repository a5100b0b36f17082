#include "learning/augment.h"

#include "common/random.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace semiprune {

namespace {

const cv::Scalar FillGray = cv::Scalar::all(127);

// Scratch images reused across calls on the same thread: augmentation runs per image, thousands of
// times per second, and must not allocate each time.
cv::Mat &scratch(int which)
{
    thread_local cv::Mat buffers[3];
    return buffers[which];
}

void warp(cv::Mat &image, const cv::Matx23d &matrix)
{
    cv::Mat &out = scratch(1);
    cv::warpAffine(image, out, matrix, image.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, FillGray);
    out.copyTo(image);
}

void applyLut(cv::Mat &image, const uchar (&table)[256])
{
    // A LUT on a 1-channel table applies to every channel alike.
    const cv::Mat lut(1, 256, CV_8U, const_cast<uchar *>(table));
    cv::LUT(image, lut, image);
}

void autoContrast(cv::Mat &image)
{
    const int channels = image.channels();
    cv::Mat lut(1, 256, CV_MAKETYPE(CV_8U, channels));
    for (int c = 0; c < channels; ++c) {
        int lo = 255, hi = 0;
        for (int y = 0; y < image.rows; ++y) {
            const uchar *row = image.ptr<uchar>(y);
            for (int x = 0; x < image.cols; ++x) {
                lo = std::min<int>(lo, row[x * channels + c]);
                hi = std::max<int>(hi, row[x * channels + c]);
            }
        }
        for (int v = 0; v < 256; ++v) {
            const int mapped = hi > lo ? int(std::lround((v - lo) * 255.0 / (hi - lo))) : v;
            lut.ptr<uchar>(0)[v * channels + c] = cv::saturate_cast<uchar>(mapped);
        }
    }
    cv::LUT(image, lut, image);
}

void equalize(cv::Mat &image)
{
    if (image.channels() == 1) {
        cv::equalizeHist(image, scratch(1));
        scratch(1).copyTo(image);
        return;
    }
    thread_local std::vector<cv::Mat> planes;
    cv::split(image, planes);
    for (cv::Mat &plane : planes)
        cv::equalizeHist(plane, plane);
    cv::merge(planes, image);
}

double grayMean(const cv::Mat &image)
{
    const cv::Scalar m = cv::mean(image);
    if (image.channels() == 1)
        return m[0];
    return 0.114 * m[0] + 0.587 * m[1] + 0.299 * m[2]; // BGR, as PIL's "L" conversion weighs RGB
}

} // namespace

void weakAugment(const cv::Mat &source, cv::Mat &target, TrainingRng &rng, bool allowFlip)
{
    const int padY = int(std::lround(0.125 * source.rows));
    const int padX = int(std::lround(0.125 * source.cols));
    cv::Mat &padded = scratch(0);
    // Reflect without repeating the edge pixel, as torchvision's padding_mode="reflect".
    cv::copyMakeBorder(source, padded, padY, padY, padX, padX, cv::BORDER_REFLECT_101);
    const int offsetY = rng.between(0, 2 * padY);
    const int offsetX = rng.between(0, 2 * padX);
    const bool flip = allowFlip && rng.coin();
    const cv::Mat crop = padded(cv::Rect(offsetX, offsetY, source.cols, source.rows));
    if (flip)
        cv::flip(crop, target, 1);
    else
        crop.copyTo(target);
}

void strongAugment(const cv::Mat &source, cv::Mat &target, TrainingRng &rng, bool allowFlip)
{
    weakAugment(source, target, rng, allowFlip);
    for (int i = 0; i < 2; ++i) {
        // Always draw the same three numbers per operation, whichever it is, so the stream position
        // does not depend on the operation drawn.
        const auto op = RandAugmentOp(rng.below(RandAugmentOpCount));
        const double magnitude = rng.uniform();
        const bool negative = rng.coin();
        applyRandAugmentOp(target, op, magnitude, negative);
    }
    cutout(target, rng);
}

void applyRandAugmentOp(cv::Mat &image, RandAugmentOp op, double magnitude, bool negative)
{
    const double sign = negative ? -1.0 : 1.0;
    // Enhancement factor as in RandAugment: 1 +- 0.9 m, i.e. [0.1, 1.9].
    const double factor = 1.0 + sign * 0.9 * magnitude;
    const double cx = (image.cols - 1) * 0.5;
    const double cy = (image.rows - 1) * 0.5;
    switch (op) {
    case RandAugmentOp::Identity:
        return;
    case RandAugmentOp::AutoContrast:
        autoContrast(image);
        return;
    case RandAugmentOp::Equalize:
        equalize(image);
        return;
    case RandAugmentOp::Rotate: {
        const cv::Mat m = cv::getRotationMatrix2D(cv::Point2f(float(cx), float(cy)), sign * 30.0 * magnitude, 1.0);
        warp(image, cv::Matx23d(m));
        return;
    }
    case RandAugmentOp::Solarize: {
        // Threshold 256 - 256 m: m = 0 leaves the image alone, m = 1 inverts it.
        const int threshold = 256 - int(std::lround(256.0 * magnitude));
        uchar table[256];
        for (int v = 0; v < 256; ++v)
            table[v] = uchar(v >= threshold ? 255 - v : v);
        applyLut(image, table);
        return;
    }
    case RandAugmentOp::Posterize: {
        const int bits = 8 - int(std::lround(4.0 * magnitude)); // keep 4..8 bits
        const auto mask = uchar(0xff << (8 - bits));
        uchar table[256];
        for (int v = 0; v < 256; ++v)
            table[v] = uchar(v & mask);
        applyLut(image, table);
        return;
    }
    case RandAugmentOp::Contrast: {
        const double mean = grayMean(image);
        image.convertTo(image, -1, factor, (1.0 - factor) * mean);
        return;
    }
    case RandAugmentOp::Brightness:
        image.convertTo(image, -1, factor, 0.0);
        return;
    case RandAugmentOp::Sharpness: {
        // PIL's SMOOTH kernel is the "degenerate" image; blend away from or towards it.
        static const cv::Matx33f kernel(
            1 / 13.f, 1 / 13.f, 1 / 13.f, 1 / 13.f, 5 / 13.f, 1 / 13.f, 1 / 13.f, 1 / 13.f, 1 / 13.f);
        cv::Mat &smooth = scratch(2);
        cv::filter2D(image, smooth, -1, kernel, cv::Point(-1, -1), 0.0, cv::BORDER_REPLICATE);
        cv::addWeighted(image, factor, smooth, 1.0 - factor, 0.0, image);
        return;
    }
    case RandAugmentOp::ShearX: {
        const double s = sign * 0.3 * magnitude;
        warp(image, cv::Matx23d(1, s, -s * cy, 0, 1, 0));
        return;
    }
    case RandAugmentOp::ShearY: {
        const double s = sign * 0.3 * magnitude;
        warp(image, cv::Matx23d(1, 0, 0, s, 1, -s * cx));
        return;
    }
    case RandAugmentOp::TranslateX:
        warp(image, cv::Matx23d(1, 0, sign * 0.3 * magnitude * image.cols, 0, 1, 0));
        return;
    case RandAugmentOp::TranslateY:
        warp(image, cv::Matx23d(1, 0, 0, 0, 1, sign * 0.3 * magnitude * image.rows));
        return;
    }
}

void cutout(cv::Mat &image, TrainingRng &rng)
{
    const int shorter = std::min(image.rows, image.cols);
    const int side = std::max(1, int(std::lround(shorter * rng.uniform(0.25, 0.5))));
    const int centerY = int(rng.below(std::uint64_t(image.rows)));
    const int centerX = int(rng.below(std::uint64_t(image.cols)));
    const cv::Rect square(centerX - side / 2, centerY - side / 2, side, side);
    const cv::Rect clipped = square & cv::Rect(0, 0, image.cols, image.rows);
    if (!clipped.empty())
        image(clipped).setTo(FillGray);
}

} // namespace semiprune

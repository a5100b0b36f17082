#include "health/imagequality.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace semiprune {

namespace {

constexpr int kLongestSide = 256;

// The gray value below which `share` of the pixels lie, 0-1.
float percentile(const std::array<double, 256> &histogram, double total, double share)
{
    double seen = 0;
    for (int level = 0; level < 256; ++level) {
        seen += histogram[std::size_t(level)];
        if (seen >= share * total)
            return float(level) / 255.0f;
    }
    return 1.0f;
}

} // namespace

ImageQuality measureQuality(const cv::Mat &image)
{
    ImageQuality q;
    if (image.empty())
        return q;
    cv::Mat gray;
    if (image.channels() == 1) {
        gray = image;
        q.gray = true;
    } else {
        cv::cvtColor(image, gray, cv::COLOR_BGR2GRAY);
        std::vector<cv::Mat> planes;
        cv::split(image, planes);
        q.gray = cv::countNonZero(planes[0] != planes[1]) == 0 && cv::countNonZero(planes[1] != planes[2]) == 0;
    }
    const int longer = std::max(gray.cols, gray.rows);
    if (longer > kLongestSide) {
        const double scale = double(kLongestSide) / longer;
        cv::resize(gray, gray, cv::Size(), scale, scale, cv::INTER_AREA);
    }

    std::array<double, 256> histogram {};
    for (int y = 0; y < gray.rows; ++y) {
        const uchar *row = gray.ptr<uchar>(y);
        for (int x = 0; x < gray.cols; ++x)
            ++histogram[row[x]];
    }
    const double total = double(gray.total());
    q.darkest = percentile(histogram, total, 0.01);
    q.brightest = percentile(histogram, total, 0.99);
    for (double count : histogram)
        if (count > 0)
            q.entropy -= float(count / total * std::log2(count / total));

    cv::Scalar mean, deviation;
    cv::meanStdDev(gray, mean, deviation);
    const double variance = deviation[0] * deviation[0];
    if (variance > 0 && gray.cols >= 3 && gray.rows >= 3) {
        cv::Mat laplacian;
        cv::Laplacian(gray, laplacian, CV_32F);
        cv::Scalar lapMean, lapDeviation;
        cv::meanStdDev(laplacian, lapMean, lapDeviation);
        q.sharpness = float(lapDeviation[0] * lapDeviation[0] / variance);
        cv::Mat thumbnail;
        cv::resize(gray, thumbnail, cv::Size(8, 8), 0, 0, cv::INTER_AREA);
        cv::Scalar thumbMean, thumbDeviation;
        cv::meanStdDev(thumbnail, thumbMean, thumbDeviation);
        q.structure = float(thumbDeviation[0] / deviation[0]);
    }
    return q;
}

QList<QualityIssue> qualityIssues(
    const ImageQuality &q, int width, int height, bool colorSet, const QualityThresholds &t)
{
    QList<QualityIssue> issues;
    const bool flat = q.entropy < t.lowEntropy;
    if (q.brightest < t.darkBrightest)
        issues << QualityIssue::Dark;
    if (q.darkest > t.overexposedDarkest)
        issues << QualityIssue::Overexposed;
    if (flat)
        issues << QualityIssue::LowInformation;
    // Blur and noise say nothing about an image without content, and nothing at a few pixels.
    const bool measurable = !flat && std::min(width, height) >= t.smallestSide;
    if (measurable && q.sharpness < t.blurrySharpness)
        issues << QualityIssue::Blurry;
    if (measurable && q.structure < t.noiseStructure)
        issues << QualityIssue::Noise;
    if (std::min(width, height) < t.smallestSide || std::max(width, height) > t.largestSide)
        issues << QualityIssue::OddSize;
    if (std::min(width, height) > 0 && double(std::max(width, height)) / std::min(width, height) > t.oddAspect)
        issues << QualityIssue::OddAspect;
    if (colorSet && q.gray)
        issues << QualityIssue::GrayInColor;
    return issues;
}

QString qualityIssueName(QualityIssue issue)
{
    switch (issue) {
    case QualityIssue::Dark:
        return QStringLiteral("dark");
    case QualityIssue::Overexposed:
        return QStringLiteral("overexposed");
    case QualityIssue::Blurry:
        return QStringLiteral("blurry");
    case QualityIssue::LowInformation:
        return QStringLiteral("low-information");
    case QualityIssue::Noise:
        return QStringLiteral("noise");
    case QualityIssue::OddSize:
        return QStringLiteral("odd-size");
    case QualityIssue::OddAspect:
        return QStringLiteral("odd-aspect");
    case QualityIssue::GrayInColor:
        return QStringLiteral("gray-in-color");
    }
    return {};
}

} // namespace semiprune

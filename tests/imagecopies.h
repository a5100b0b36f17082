#pragma once
// Altered copies of an image, as people make them: re-encoded, resized, brightened, cropped. For the
// duplicate tests and their benchmark. Header-only, test-only.

#include "health/duplicates.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <vector>

namespace imagecopies {

inline cv::Mat jpeg(const cv::Mat &image, int quality)
{
    std::vector<uchar> bytes;
    cv::imencode(".jpg", image, bytes, { cv::IMWRITE_JPEG_QUALITY, quality });
    return cv::imdecode(bytes, cv::IMREAD_UNCHANGED);
}

// Scaled by `factor` (area averaging when shrinking).
inline cv::Mat resized(const cv::Mat &image, double factor)
{
    cv::Mat out;
    cv::resize(image, out, cv::Size(), factor, factor, factor < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
    return out;
}

// Every pixel plus `by` (negative: darker), saturated.
inline cv::Mat brightened(const cv::Mat &image, double by)
{
    cv::Mat out;
    image.convertTo(out, -1, 1.0, by);
    return out;
}

// `border` pixels cut from every side.
inline cv::Mat cropped(const cv::Mat &image, int border)
{
    return image(cv::Rect(border, border, image.cols - 2 * border, image.rows - 2 * border)).clone();
}

// Whether a report puts images a and b in one group (exact or near).
inline bool together(const semiprune::DuplicateReport &report, int a, int b)
{
    for (const auto *groups : { &report.exactGroups, &report.nearGroups })
        for (const semiprune::DuplicateGroup &group : *groups)
            if (std::count(group.members.begin(), group.members.end(), a)
                && std::count(group.members.begin(), group.members.end(), b))
                return true;
    return false;
}

} // namespace imagecopies

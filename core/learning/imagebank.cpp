#include "learning/imagebank.h"

#include "common/error.h"

#include <QCoreApplication>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <algorithm>

namespace semiprune {

ImageBank::ImageBank(int width, int height, int channels)
    : m_width(width), m_height(height), m_channels(channels)
{
    if (width < 8 || height < 8)
        throw Error(QCoreApplication::translate("Training", "The training image size %1x%2 is too small: use at least 8x8 pixels.")
                        .arg(width).arg(height));
    if (channels != 1 && channels != 3)
        throw Error(QCoreApplication::translate("Training", "Images for training must be gray (1 channel) or colour (3 channels), "
                                   "not %1 channels.").arg(channels));
}

void ImageBank::reserve(int images)
{
    m_pixels.reserve(std::size_t(images) * imageBytes());
}

int ImageBank::add(const cv::Mat &image)
{
    if (image.empty())
        throw Error(QCoreApplication::translate("Training", "An empty image cannot be added for training."));
    cv::Mat source = image;
    if (source.depth() == CV_16U)
        source.convertTo(source, CV_MAKETYPE(CV_8U, source.channels()), 1.0 / 257.0);
    else if (source.depth() != CV_8U)
        throw Error(QCoreApplication::translate("Training", "Only 8- and 16-bit images can be used for training."));

    cv::Mat converted;
    const int in = source.channels();
    if (in == m_channels) {
        converted = source;
    } else if (m_channels == 1 && in == 3) {
        cv::cvtColor(source, converted, cv::COLOR_BGR2GRAY);
    } else if (m_channels == 1 && in == 4) {
        cv::cvtColor(source, converted, cv::COLOR_BGRA2GRAY);
    } else if (m_channels == 3 && in == 1) {
        cv::cvtColor(source, converted, cv::COLOR_GRAY2BGR);
    } else if (m_channels == 3 && in == 4) {
        cv::cvtColor(source, converted, cv::COLOR_BGRA2BGR);
    } else {
        throw Error(QCoreApplication::translate("Training", "Images with %1 channels cannot be used for training.").arg(in));
    }

    const std::size_t offset = m_pixels.size();
    m_pixels.resize(offset + imageBytes());
    // Resize straight into the bank's storage: no temporary per image.
    cv::Mat target(m_height, m_width, CV_MAKETYPE(CV_8U, m_channels), m_pixels.data() + offset);
    if (converted.cols == m_width && converted.rows == m_height)
        converted.copyTo(target);
    else
        cv::resize(converted, target, target.size(), 0, 0, cv::INTER_AREA);
    return count() - 1;
}

int ImageBank::addRaw(const std::uint8_t *pixels)
{
    m_pixels.insert(m_pixels.end(), pixels, pixels + imageBytes());
    return count() - 1;
}

cv::Mat ImageBank::view(int index) const
{
    // OpenCV has no const Mat header; callers get it for reading only (see the header comment).
    return cv::Mat(m_height, m_width, CV_MAKETYPE(CV_8U, m_channels),
                   const_cast<std::uint8_t *>(image(index)));
}

void ImageBank::statistics(std::vector<double> &mean, double &stddev) const
{
    mean.assign(std::size_t(m_channels), 0.0);
    stddev = 1.0;
    if (m_pixels.empty())
        return;
    std::vector<double> sum(std::size_t(m_channels), 0.0);
    std::vector<double> squares(std::size_t(m_channels), 0.0);
    for (std::size_t i = 0; i < m_pixels.size(); ++i) {
        const double v = m_pixels[i];
        sum[i % std::size_t(m_channels)] += v;
        squares[i % std::size_t(m_channels)] += v * v;
    }
    const double perChannel = double(m_pixels.size()) / m_channels;
    double variance = 0.0;
    for (std::size_t c = 0; c < mean.size(); ++c) {
        mean[c] = sum[c] / perChannel;
        variance += squares[c] / perChannel - mean[c] * mean[c];
    }
    variance /= m_channels;
    // A constant bank (a test, a blank set) must not divide by zero.
    stddev = std::max(std::sqrt(std::max(variance, 0.0)), 1.0);
}

} // namespace semiprune

#include "learning/imagebank.h"

#include "common/error.h"

#include <QCoreApplication>
#include <QFile>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace semiprune {

ImageBank::ImageBank(int width, int height, int channels) : m_width(width), m_height(height), m_channels(channels)
{
    if (width < 8 || height < 8)
        throw Error(QCoreApplication::translate(
            "Training", "The training image size %1x%2 is too small: use at least 8x8 pixels.")
                        .arg(width)
                        .arg(height));
    if (channels != 1 && channels != 3)
        throw Error(QCoreApplication::translate("Training",
            "Images for training must be gray (1 channel) or colour (3 channels), "
            "not %1 channels.")
                        .arg(channels));
}

ImageBank::ImageBank(int width, int height, int channels, const QString &spillFile) : ImageBank(width, height, channels)
{
    m_file = std::make_unique<QFile>(spillFile);
    if (!m_file->open(QIODevice::ReadWrite | QIODevice::Truncate))
        throw Error(QCoreApplication::translate("Training", "Cannot write the decoded-image file %1: %2")
                        .arg(spillFile, m_file->errorString()));
}

ImageBank::~ImageBank()
{
    if (m_file) {
        if (m_mapped)
            m_file->unmap(const_cast<uchar *>(m_mapped));
        m_file->close();
        m_file->remove();
    }
}

void ImageBank::reserve(int images)
{
    if (!m_file)
        m_pixels.reserve(std::size_t(images) * imageBytes());
}

void ImageBank::finishAdding()
{
    if (!m_file || m_mapped || m_count == 0)
        return;
    m_pixels = {};
    if (!m_file->flush())
        throw Error(QCoreApplication::translate("Training", "Cannot write the decoded-image file %1: %2")
                        .arg(m_file->fileName(), m_file->errorString()));
    m_mapped = m_file->map(0, qint64(m_count) * qint64(imageBytes()));
    if (!m_mapped)
        throw Error(QCoreApplication::translate("Training", "Cannot map the decoded-image file %1: %2")
                        .arg(m_file->fileName(), m_file->errorString()));
}

std::uint8_t *ImageBank::slotForNewImage()
{
    if (m_mapped)
        throw Error(QStringLiteral("Images cannot be added to a bank that is finished."));
    if (m_file) {
        m_pixels.resize(imageBytes());
        return m_pixels.data();
    }
    const std::size_t offset = m_pixels.size();
    m_pixels.resize(offset + imageBytes());
    return m_pixels.data() + offset;
}

int ImageBank::commitNewImage()
{
    if (m_file
        && m_file->write(reinterpret_cast<const char *>(m_pixels.data()), qint64(imageBytes())) != qint64(imageBytes()))
        throw Error(
            QCoreApplication::translate("Training", "Cannot write the decoded-image file %1 (is the disk full?): %2")
                .arg(m_file->fileName(), m_file->errorString()));
    return m_count++;
}

int ImageBank::add(const cv::Mat &image)
{
    convert(image, slotForNewImage());
    return commitNewImage();
}

void ImageBank::convert(const cv::Mat &image, std::uint8_t *pixels) const
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
        throw Error(
            QCoreApplication::translate("Training", "Images with %1 channels cannot be used for training.").arg(in));
    }

    // Resize straight into the target: no temporary per image.
    cv::Mat target(m_height, m_width, CV_MAKETYPE(CV_8U, m_channels), pixels);
    if (converted.cols == m_width && converted.rows == m_height)
        converted.copyTo(target);
    else
        cv::resize(converted, target, target.size(), 0, 0, cv::INTER_AREA);
}

int ImageBank::addRaw(const std::uint8_t *pixels)
{
    std::copy(pixels, pixels + imageBytes(), slotForNewImage());
    return commitNewImage();
}

cv::Mat ImageBank::view(int index) const
{
    // OpenCV has no const Mat header; callers get it for reading only (see the header comment).
    return cv::Mat(m_height, m_width, CV_MAKETYPE(CV_8U, m_channels), const_cast<std::uint8_t *>(image(index)));
}

void ImageBank::statistics(std::vector<double> &mean, double &stddev) const
{
    mean.assign(std::size_t(m_channels), 0.0);
    stddev = 1.0;
    if (m_count == 0)
        return;
    std::vector<double> sum(std::size_t(m_channels), 0.0);
    std::vector<double> squares(std::size_t(m_channels), 0.0);
    const std::uint8_t *pixels = data();
    const std::size_t size = std::size_t(m_count) * imageBytes();
    for (std::size_t i = 0; i < size; ++i) {
        const double v = pixels[i];
        sum[i % std::size_t(m_channels)] += v;
        squares[i % std::size_t(m_channels)] += v * v;
    }
    const double perChannel = double(size) / m_channels;
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

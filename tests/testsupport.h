#pragma once

// Small helpers the tests share: making tiny images and files on the fly, so no test depends on
// data outside the repository.

#include "common/error.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

namespace testsupport {

// The message of the semiprune::Error that `call` throws, or an empty string when it throws none.
template<typename Call> QString errorOf(Call call)
{
    try {
        call();
    } catch (const semiprune::Error &error) {
        return error.message();
    }
    return {};
}

inline void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(path.section(QLatin1Char('/'), 0, -2));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write test file");
    file.write(bytes);
}

// A small image with a pattern that depends on `seed`, written in the format of the extension.
inline void writeImage(const QString &path, int width, int height, int channels, int seed = 0)
{
    QDir().mkpath(path.section(QLatin1Char('/'), 0, -2));
    cv::Mat image(height, width, channels == 1 ? CV_8UC1 : (channels == 4 ? CV_8UC4 : CV_8UC3));
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < channels; ++c)
                image.ptr<uchar>(y)[x * channels + c] = uchar((x * 7 + y * 13 + c * 29 + seed * 31) & 0xff);
    std::vector<uchar> encoded;
    const QByteArray extension = "." + path.section(QLatin1Char('.'), -1).toUtf8();
    if (!cv::imencode(extension.constData(), image, encoded))
        qFatal("cannot encode test image");
    writeFile(path, QByteArray(reinterpret_cast<const char *>(encoded.data()), int(encoded.size())));
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// The learning tests' classes: three easily told apart 12x12 gray patterns (bars, columns, dots)
// with per-image jitter and noise, which a tiny network learns in seconds.
inline const char *const kClasses[] = { "bars", "columns", "dots" };

inline cv::Mat pattern(int cls, int index)
{
    cv::Mat image(12, 12, CV_8UC1, cv::Scalar(20));
    const int phase = index % 3;
    for (int y = 0; y < 12; ++y)
        for (int x = 0; x < 12; ++x) {
            bool on = false;
            if (cls == 0)
                on = (y + phase) % 4 < 2;
            if (cls == 1)
                on = (x + phase) % 4 < 2;
            if (cls == 2)
                on = (x + phase) % 4 == 0 && (y + phase) % 4 == 0;
            image.at<uchar>(y, x) = uchar(on ? 220 : 20) + uchar((x * 31 + y * 17 + index * 13) % 25);
        }
    return image;
}

} // namespace testsupport

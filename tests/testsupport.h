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

} // namespace testsupport

#include "imagedecoder.h"

#include "imagefile.h"
#include "imageheader.h"

#include <QCoreApplication>
#include <QFile>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace semiprune {

namespace {

DecodedImage failure(const QString &problem)
{
    DecodedImage result;
    result.problem = problem;
    return result;
}

// libjpeg can decode at 1/2, 1/4 or 1/8 scale far faster than at full size.
int jpegReductionFor(const ImageHeader &header, int maxSide)
{
    if (header.format != ImageFormat::Jpeg || maxSide <= 0)
        return 1;
    const int longest = std::max(header.width, header.height);
    int factor = 1;
    while (factor < 8 && longest / (factor * 2) >= maxSide)
        factor *= 2;
    return factor;
}

int imreadFlags(ColorMode color, int reduction, bool sourceIsGray)
{
    const bool gray = color == ColorMode::Gray || (color == ColorMode::Keep && sourceIsGray);
    switch (reduction) {
    case 2:
        return gray ? cv::IMREAD_REDUCED_GRAYSCALE_2 : cv::IMREAD_REDUCED_COLOR_2;
    case 4:
        return gray ? cv::IMREAD_REDUCED_GRAYSCALE_4 : cv::IMREAD_REDUCED_COLOR_4;
    case 8:
        return gray ? cv::IMREAD_REDUCED_GRAYSCALE_8 : cv::IMREAD_REDUCED_COLOR_8;
    default:
        return gray ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR;
    }
}

} // namespace

DecodedImage decodeImage(const QString &path, const DecodeOptions &options)
{
    QFile file;
    const ImageFileOpening opened = openImageFile(path, file);
    if (!opened.ok) {
        DecodedImage result = failure(opened.problem);
        result.vanished = opened.vanished;
        return result;
    }
    const QByteArray bytes = file.readAll();
    if (bytes.size() != file.size())
        return failure(QCoreApplication::translate("ImageDecoder", "the file could not be read completely"));

    const ImageHeader header = parseImageHeader(bytes.left(4 * 1024 * 1024), bytes.size());
    if (!header.valid)
        return failure(header.problem);
    if (qint64(header.width) * header.height > options.maxPixels) {
        return failure(QCoreApplication::translate(
            "ImageDecoder", "the image is too large (%1 x %2 pixels; the limit is %3 megapixels)")
                           .arg(header.width)
                           .arg(header.height)
                           .arg(options.maxPixels / (1024 * 1024)));
    }

    const bool sourceIsGray = header.channels <= 2;
    const int reduction = jpegReductionFor(header, options.maxSide);
    cv::Mat pixels;
    try {
        const cv::Mat buffer(1, int(bytes.size()), CV_8UC1, const_cast<char *>(bytes.constData()));
        pixels = cv::imdecode(buffer, imreadFlags(options.color, reduction, sourceIsGray));
    } catch (const cv::Exception &error) {
        return failure(QCoreApplication::translate("ImageDecoder", "the %1 data is corrupt (%2)")
                           .arg(imageFormatName(header.format), QString::fromStdString(error.msg).trimmed()));
    }
    if (pixels.empty())
        return failure(QCoreApplication::translate("ImageDecoder", "the %1 data is corrupt or truncated")
                           .arg(imageFormatName(header.format)));

    if (options.maxSide > 0) {
        const int longest = std::max(pixels.cols, pixels.rows);
        if (longest > options.maxSide) {
            const double scale = double(options.maxSide) / longest;
            const cv::Size size(
                std::max(1, int(pixels.cols * scale + 0.5)), std::max(1, int(pixels.rows * scale + 0.5)));
            cv::Mat resized;
            cv::resize(pixels, resized, size, 0, 0, cv::INTER_AREA);
            pixels = resized;
        }
    }
    DecodedImage result;
    result.pixels = pixels;
    result.originalWidth = header.width;
    result.originalHeight = header.height;
    return result;
}

} // namespace semiprune

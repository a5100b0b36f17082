#pragma once

#include <QString>

#include <opencv2/core/mat.hpp>

namespace semiprune {

// Refuses images above this many pixels before any large allocation: a hostile header claiming
// 50,000 x 50,000 would otherwise ask for gigabytes. 256 megapixels by default.
constexpr qint64 kDefaultMaxPixels = qint64(256) * 1024 * 1024;

enum class ColorMode { Gray, Color, Keep }; // Keep: gray stays 1 channel, the rest becomes 3 (BGR)

struct DecodeOptions {
    ColorMode color = ColorMode::Keep;
    qint64 maxPixels = kDefaultMaxPixels;
    int maxSide = 0; // > 0: shrink (never enlarge) so the longer side fits, decoding reduced where possible
};

struct DecodedImage {
    cv::Mat pixels; // 8 bits per channel, 1 or 3 channels; empty when decoding failed
    QString problem; // why decoding failed
    bool vanished = false; // failed because the file is gone
    int originalWidth = 0;
    int originalHeight = 0;
    bool ok() const { return !pixels.empty(); }
};

// Decodes an image file with OpenCV from its bytes (so any file name works, non-UTF-8 ones too).
// 16-bit, alpha, palette and CMYK images come out as 8-bit gray or BGR; EXIF orientation is applied.
// Never throws; thread-safe (a free function with no shared state).
DecodedImage decodeImage(const QString &path, const DecodeOptions &options = {});

} // namespace semiprune

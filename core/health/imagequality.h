#pragma once

#include <opencv2/core/mat.hpp>

#include <QString>
#include <QStringList>

namespace semiprune {

// Measures of one decoded image that tell broken, useless or odd images from the rest (the image
// audit). All come from the gray image at most 256 pixels on its longer side, so they do not depend
// on the resolution and cost little more than the decode.
struct ImageQuality {
    float darkest = 0; // 1st percentile of gray, 0-1: high when even the darkest pixels are bright
    float brightest = 0; // 99th percentile of gray, 0-1: low when even the brightest pixels are dim
    float sharpness = 0; // variance of the Laplacian over the variance of the image: low when blurred
    float entropy = 0; // of the gray histogram, bits (0-8): low for images with few gray levels
    // Standard deviation of the 8 x 8 thumbnail over that of the image: what survives averaging.
    // Pictures keep most of their contrast at low resolution; noise loses nearly all of it.
    float structure = 0;
    bool gray = false; // one channel, or three equal ones
};

ImageQuality measureQuality(const cv::Mat &image); // 8-bit, 1 or 3 channels; thread-safe

// What the audit flags, with the documented thresholds (docs/data-health.md).
enum class QualityIssue { Dark, Overexposed, Blurry, LowInformation, Noise, OddSize, OddAspect, GrayInColor };

struct QualityThresholds {
    float darkBrightest = 0.25f; // dark: even the brightest 1 % is below a quarter of white
    float overexposedDarkest = 0.80f; // overexposed: even the darkest 1 % is above 80 % of white
    float blurrySharpness = 0.15f;
    float lowEntropy = 1.0f; // bits: two or so gray levels in use
    float noiseStructure = 0.40f;
    int smallestSide = 16; // px: odd size below it
    int largestSide = 20000; // px: or above it
    double oddAspect = 5.0; // longer side over shorter side
};

// The issues of one image. `width`/`height` as imported; `colorSet`: most of the project's images are
// color, so a gray one is odd.
QList<QualityIssue> qualityIssues(
    const ImageQuality &quality, int width, int height, bool colorSet, const QualityThresholds &thresholds = {});

// "dark", "overexposed", "blurry", "low-information", "noise", "odd-size", "odd-aspect",
// "gray-in-color": the names the command line and JSON use.
QString qualityIssueName(QualityIssue issue);

} // namespace semiprune

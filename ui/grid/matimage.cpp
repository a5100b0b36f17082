#include "matimage.h"

namespace semiprune::ui {

QImage imageFromMat(const cv::Mat &pixels)
{
    if (pixels.empty() || pixels.depth() != CV_8U)
        return {};
    QImage::Format format = QImage::Format_Invalid;
    switch (pixels.channels()) {
    case 1:
        format = QImage::Format_Grayscale8;
        break;
    case 3:
        format = QImage::Format_BGR888;
        break;
    case 4:
        format = QImage::Format_ARGB32;
        break; // BGRA in memory on little-endian machines
    default:
        return {};
    }
    const QImage view(pixels.data, pixels.cols, pixels.rows, qsizetype(pixels.step), format);
    return view.copy();
}

} // namespace semiprune::ui

#pragma once

#include <QImage>

#include <opencv2/core/mat.hpp>

namespace semiprune::ui {

// A deep copy of an 8-bit gray or BGR(A) matrix as a QImage (Grayscale8, BGR888 or ARGB32).
// Safe on any thread: QImage, unlike QPixmap, may be made off the GUI thread.
QImage imageFromMat(const cv::Mat &pixels);

} // namespace semiprune::ui

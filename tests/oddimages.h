#pragma once

// Writers for image files that OpenCV does not write, made with libpng and libjpeg directly:
// palette PNGs, CMYK JPEGs, progressive JPEGs and JPEGs with an EXIF orientation. Test-only.

#include <QByteArray>
#include <QString>

namespace oddimages {

// A `width` x `height` PNG with a 4-colour palette (colour type 3).
bool writePalettePng(const QString &path, int width, int height);
// A JPEG with 4 components in Adobe CMYK; `progressive` makes a progressive one (any component count).
bool writeJpeg(const QString &path, int width, int height, int components, bool progressive);
// `jpeg` with an EXIF APP1 segment carrying `orientation` (1-8) inserted after its SOI marker.
QByteArray withExifOrientation(const QByteArray &jpeg, int orientation);

} // namespace oddimages

#pragma once

#include <QString>

class QFile;

namespace semiprune {

enum class ImageFormat { Unknown, Png, Jpeg, Bmp, Webp, Tiff, Pnm };

QString imageFormatName(ImageFormat format);
// The format the file name's extension promises (Unknown for anything else).
ImageFormat imageFormatFromExtension(const QString &fileName);
bool hasImageExtension(const QString &fileName);

// What a file's first bytes say about the image inside, read without decoding the pixels.
struct ImageHeader {
    ImageFormat format = ImageFormat::Unknown;
    int width = 0;
    int height = 0;
    int channels = 0; // as stored: 1 gray, 2 gray+alpha, 3 color, 4 color+alpha (or CMYK)
    int bitDepth = 0; // bits per channel
    bool valid = false;
    QString problem; // why the header is not valid; empty when it is
};

// Reads the header of the image file at `path`. Never throws: an unreadable or unrecognized file
// gives valid == false with the reason. The format is taken from the content, not the extension.
// JPEG sizes account for the EXIF orientation, as decoding applies it.
ImageHeader readImageHeader(const QString &path);
// The same from a file just opened for reading (see openImageFile).
ImageHeader readImageHeader(QFile &file);
ImageHeader parseImageHeader(const QByteArray &leadingBytes, qint64 fileSize);

} // namespace semiprune

#include "oddimages.h"

#include <QFile>

#include <cstdio>
#include <vector>

#include <jpeglib.h>
#include <png.h>

namespace oddimages {

namespace {

struct File {
    explicit File(const QString &path) : handle(std::fopen(QFile::encodeName(path).constData(), "wb")) { }
    ~File()
    {
        if (handle)
            std::fclose(handle);
    }
    std::FILE *handle;
};

} // namespace

bool writePalettePng(const QString &path, int width, int height)
{
    File file(path);
    if (!file.handle)
        return false;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png_create_info_struct(png);
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_init_io(png, file.handle);
    png_set_IHDR(png, info, png_uint_32(width), png_uint_32(height), 8, PNG_COLOR_TYPE_PALETTE, PNG_INTERLACE_NONE,
        PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_color palette[4] = { { 0, 0, 0 }, { 255, 0, 0 }, { 0, 255, 0 }, { 0, 0, 255 } };
    png_set_PLTE(png, info, palette, 4);
    png_write_info(png, info);
    std::vector<png_byte> row(static_cast<std::size_t>(width));
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x)
            row[std::size_t(x)] = png_byte((x + y) % 4);
        png_write_row(png, row.data());
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return true;
}

bool writeJpeg(const QString &path, int width, int height, int components, bool progressive)
{
    File file(path);
    if (!file.handle)
        return false;
    jpeg_compress_struct jpeg;
    jpeg_error_mgr errors;
    jpeg.err = jpeg_std_error(&errors);
    jpeg_create_compress(&jpeg);
    jpeg_stdio_dest(&jpeg, file.handle);
    jpeg.image_width = JDIMENSION(width);
    jpeg.image_height = JDIMENSION(height);
    jpeg.input_components = components;
    jpeg.in_color_space = components == 4 ? JCS_CMYK : components == 3 ? JCS_RGB : JCS_GRAYSCALE;
    jpeg_set_defaults(&jpeg);
    if (components == 4)
        jpeg_set_colorspace(&jpeg, JCS_CMYK);
    if (progressive)
        jpeg_simple_progression(&jpeg);
    jpeg_start_compress(&jpeg, TRUE);
    std::vector<JSAMPLE> row(std::size_t(width) * std::size_t(components));
    for (int y = 0; y < height; ++y) {
        for (std::size_t i = 0; i < row.size(); ++i)
            row[i] = JSAMPLE((i * 7 + std::size_t(y) * 13) % 256);
        JSAMPROW rows[1] = { row.data() };
        jpeg_write_scanlines(&jpeg, rows, 1);
    }
    jpeg_finish_compress(&jpeg);
    jpeg_destroy_compress(&jpeg);
    return true;
}

QByteArray withExifOrientation(const QByteArray &jpeg, int orientation)
{
    // APP1 "Exif\0\0", a big-endian TIFF header, one IFD with one entry: tag 0x0112 (Orientation),
    // type SHORT, count 1, the value in the first two bytes of the value field.
    QByteArray tiff("MM\x00\x2a\x00\x00\x00\x08", 8);
    tiff.append("\x00\x01", 2);
    tiff.append("\x01\x12\x00\x03\x00\x00\x00\x01", 8);
    tiff.append(char(0)).append(char(orientation)).append("\x00\x00", 2);
    tiff.append("\x00\x00\x00\x00", 4); // no next IFD
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    const int length = int(payload.size()) + 2;
    QByteArray segment("\xff\xe1", 2);
    segment.append(char(length >> 8)).append(char(length & 0xff)).append(payload);
    return jpeg.left(2) + segment + jpeg.mid(2);
}

} // namespace oddimages

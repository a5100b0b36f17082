#include "imageheader.h"

#include "imagefile.h"

#include <QCoreApplication>
#include <QFile>

#include <optional>

namespace semiprune {

namespace {

// Bounds-checked reads from the leading bytes of a file; a read past the end sets `short`.
class ByteReader {
public:
    explicit ByteReader(const QByteArray &bytes) : m_bytes(bytes) { }

    bool has(qint64 offset, qint64 count) const { return offset >= 0 && offset + count <= m_bytes.size(); }
    quint8 u8(qint64 offset) const { return has(offset, 1) ? quint8(m_bytes[offset]) : fail(); }
    quint16 u16be(qint64 o) const { return quint16(u8(o) << 8 | u8(o + 1)); }
    quint16 u16le(qint64 o) const { return quint16(u8(o + 1) << 8 | u8(o)); }
    quint32 u24le(qint64 o) const { return quint32(u8(o + 2)) << 16 | quint32(u8(o + 1)) << 8 | u8(o); }
    quint32 u32be(qint64 o) const { return quint32(u16be(o)) << 16 | u16be(o + 2); }
    quint32 u32le(qint64 o) const { return quint32(u16le(o + 2)) << 16 | u16le(o); }
    bool startsWith(qint64 offset, const char *magic) const
    {
        const qint64 length = qint64(qstrlen(magic));
        return has(offset, length) && m_bytes.mid(offset, length) == QByteArray(magic, length);
    }
    bool ranShort() const { return m_short; }
    qint64 size() const { return m_bytes.size(); }

private:
    quint8 fail() const
    {
        m_short = true;
        return 0;
    }
    const QByteArray &m_bytes;
    mutable bool m_short = false;
};

ImageHeader invalid(ImageFormat format, const QString &problem)
{
    ImageHeader header;
    header.format = format;
    header.problem = problem;
    return header;
}

ImageHeader sized(ImageFormat format, qint64 width, qint64 height, int channels, int bitDepth)
{
    if (width <= 0 || height <= 0 || width > 1 << 30 || height > 1 << 30)
        return invalid(format,
            QCoreApplication::translate("ImageHeader", "the header gives an impossible size (%1 x %2)")
                .arg(width)
                .arg(height));
    // Found by fuzzing: a TIFF may claim 0 or 65,535 samples of 0 or 65,535 bits.
    if (channels < 1 || channels > 8 || bitDepth < 1 || bitDepth > 32)
        return invalid(format,
            QCoreApplication::translate(
                "ImageHeader", "the header gives an impossible pixel format (%1 channels of %2 bits)")
                .arg(channels)
                .arg(bitDepth));
    ImageHeader header;
    header.format = format;
    header.width = int(width);
    header.height = int(height);
    header.channels = channels;
    header.bitDepth = bitDepth;
    header.valid = true;
    return header;
}

ImageHeader parsePng(const ByteReader &in)
{
    if (!in.startsWith(12, "IHDR"))
        return invalid(ImageFormat::Png, QCoreApplication::translate("ImageHeader", "PNG without an IHDR chunk"));
    const int bitDepth = in.u8(24);
    int channels = 0;
    switch (in.u8(25)) {
    case 0:
        channels = 1;
        break;
    case 2:
        channels = 3;
        break;
    case 3:
        channels = 3;
        break; // palette, decoded to color
    case 4:
        channels = 2;
        break;
    case 6:
        channels = 4;
        break;
    default:
        return invalid(ImageFormat::Png, QCoreApplication::translate("ImageHeader", "PNG with an unknown color type"));
    }
    return sized(ImageFormat::Png, in.u32be(16), in.u32be(20), channels, bitDepth);
}

// Reads one IFD entry's value (SHORT or LONG) from a TIFF structure starting at `base`.
struct TiffCursor {
    const ByteReader &in;
    qint64 base;
    bool little;
    quint16 u16(qint64 o) const { return little ? in.u16le(base + o) : in.u16be(base + o); }
    quint32 u32(qint64 o) const { return little ? in.u32le(base + o) : in.u32be(base + o); }
    quint32 entryValue(qint64 entry) const { return u16(entry + 2) == 3 ? u16(entry + 8) : u32(entry + 8); }
};

std::optional<TiffCursor> tiffAt(const ByteReader &in, qint64 base)
{
    if (in.startsWith(base, "II*\0"))
        return TiffCursor { in, base, true };
    if (in.startsWith(base, "MM\0*"))
        return TiffCursor { in, base, false };
    return std::nullopt;
}

ImageHeader parseTiff(const ByteReader &in)
{
    const TiffCursor tiff = *tiffAt(in, 0);
    const qint64 ifd = tiff.u32(4);
    const int entries = tiff.u16(ifd);
    qint64 width = 0, height = 0;
    int channels = 1, bitDepth = 8;
    for (int i = 0; i < entries && !in.ranShort(); ++i) {
        const qint64 entry = ifd + 2 + 12 * i;
        switch (tiff.u16(entry)) {
        case 256:
            width = tiff.entryValue(entry);
            break;
        case 257:
            height = tiff.entryValue(entry);
            break;
        case 258: // with several samples the value is an offset to per-sample depths: all equal in practice
            if (tiff.u32(entry + 4) == 1)
                bitDepth = int(tiff.entryValue(entry));
            else
                bitDepth = tiff.u16(qint64(tiff.u32(entry + 8)));
            break;
        case 277:
            channels = int(tiff.entryValue(entry));
            break;
        default:
            break;
        }
    }
    return sized(ImageFormat::Tiff, width, height, channels, bitDepth);
}

// EXIF orientations 5-8 rotate by 90 degrees: the decoded image has width and height swapped.
bool exifSwapsAxes(const ByteReader &in, qint64 app1Data)
{
    if (!in.startsWith(app1Data, "Exif\0\0"))
        return false;
    const auto tiff = tiffAt(in, app1Data + 6);
    if (!tiff)
        return false;
    const qint64 ifd = tiff->u32(4);
    const int entries = tiff->u16(ifd);
    for (int i = 0; i < entries && !in.ranShort(); ++i) {
        const qint64 entry = ifd + 2 + 12 * i;
        if (tiff->u16(entry) == 0x0112) {
            const int orientation = tiff->u16(entry + 8);
            return orientation >= 5 && orientation <= 8;
        }
    }
    return false;
}

ImageHeader parseJpeg(const ByteReader &in)
{
    bool swap = false;
    qint64 offset = 2;
    while (in.has(offset, 4)) {
        if (in.u8(offset) != 0xFF)
            return invalid(
                ImageFormat::Jpeg, QCoreApplication::translate("ImageHeader", "JPEG with a broken marker structure"));
        const quint8 marker = in.u8(offset + 1);
        if (marker == 0xFF) { // fill byte
            ++offset;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // markers without a length
            offset += 2;
            continue;
        }
        const qint64 length = in.u16be(offset + 2);
        if (length < 2)
            return invalid(
                ImageFormat::Jpeg, QCoreApplication::translate("ImageHeader", "JPEG with a broken segment length"));
        const bool startOfFrame
            = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (startOfFrame) {
            const int precision = in.u8(offset + 4);
            const qint64 height = in.u16be(offset + 5);
            const qint64 width = in.u16be(offset + 7);
            const int components = in.u8(offset + 9);
            if (in.ranShort())
                break;
            return swap ? sized(ImageFormat::Jpeg, height, width, components, precision)
                        : sized(ImageFormat::Jpeg, width, height, components, precision);
        }
        if (marker == 0xE1)
            swap = exifSwapsAxes(in, offset + 4) || swap;
        if (marker == 0xD9 || marker == 0xDA)
            return invalid(
                ImageFormat::Jpeg, QCoreApplication::translate("ImageHeader", "JPEG without a frame header"));
        offset += 2 + length;
    }
    ImageHeader header = invalid(
        ImageFormat::Jpeg, QCoreApplication::translate("ImageHeader", "the file ends before the JPEG frame header"));
    header.bitDepth = -1; // tells the reader that more bytes may help
    return header;
}

ImageHeader parseBmp(const ByteReader &in)
{
    const quint32 infoSize = in.u32le(14);
    if (infoSize == 12)
        return sized(ImageFormat::Bmp, in.u16le(18), in.u16le(20), in.u16le(24) == 32 ? 4 : 3, 8);
    if (infoSize < 40)
        return invalid(ImageFormat::Bmp, QCoreApplication::translate("ImageHeader", "BMP with an unknown header"));
    const qint64 width = qint32(in.u32le(18));
    const qint64 height = qint32(in.u32le(22)); // negative: stored top-down
    const int bitsPerPixel = in.u16le(28);
    return sized(ImageFormat::Bmp, width, height < 0 ? -height : height, bitsPerPixel == 32 ? 4 : 3, 8);
}

ImageHeader parseWebp(const ByteReader &in)
{
    if (in.startsWith(12, "VP8 ")) {
        if (in.u8(23) != 0x9D || in.u8(24) != 0x01 || in.u8(25) != 0x2A)
            return invalid(
                ImageFormat::Webp, QCoreApplication::translate("ImageHeader", "WebP with a broken VP8 frame"));
        return sized(ImageFormat::Webp, in.u16le(26) & 0x3FFF, in.u16le(28) & 0x3FFF, 3, 8);
    }
    if (in.startsWith(12, "VP8L")) {
        if (in.u8(20) != 0x2F)
            return invalid(
                ImageFormat::Webp, QCoreApplication::translate("ImageHeader", "WebP with a broken lossless header"));
        const quint32 bits = in.u32le(21);
        const bool alpha = bits >> 28 & 1;
        return sized(ImageFormat::Webp, (bits & 0x3FFF) + 1, (bits >> 14 & 0x3FFF) + 1, alpha ? 4 : 3, 8);
    }
    if (in.startsWith(12, "VP8X")) {
        const bool alpha = in.u8(20) & 0x10;
        return sized(ImageFormat::Webp, qint64(in.u24le(24)) + 1, qint64(in.u24le(27)) + 1, alpha ? 4 : 3, 8);
    }
    return invalid(ImageFormat::Webp, QCoreApplication::translate("ImageHeader", "WebP with an unknown chunk"));
}

ImageHeader parsePnm(const QByteArray &bytes)
{
    const char kind = bytes.size() > 1 ? bytes[1] : 0;
    const bool bitmap = kind == '1' || kind == '4';
    const int channels = (kind == '3' || kind == '6') ? 3 : 1;
    qint64 values[3] = { 0, 0, 1 };
    const int needed = bitmap ? 2 : 3;
    int found = 0;
    qint64 i = 2;
    while (found < needed && i < bytes.size()) {
        const char c = bytes[i];
        if (c == '#') { // a comment runs to the end of the line
            while (i < bytes.size() && bytes[i] != '\n')
                ++i;
        } else if (c >= '0' && c <= '9') {
            qint64 value = 0;
            while (i < bytes.size() && bytes[i] >= '0' && bytes[i] <= '9' && value < (qint64(1) << 40))
                value = value * 10 + (bytes[i++] - '0');
            values[found++] = value;
            continue;
        } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            return invalid(ImageFormat::Pnm, QCoreApplication::translate("ImageHeader", "PNM with a malformed header"));
        }
        ++i;
    }
    if (found < needed)
        return invalid(
            ImageFormat::Pnm, QCoreApplication::translate("ImageHeader", "the file ends inside the PNM header"));
    if (values[2] < 1 || values[2] > 65535)
        return invalid(
            ImageFormat::Pnm, QCoreApplication::translate("ImageHeader", "PNM with an invalid maximum value"));
    return sized(ImageFormat::Pnm, values[0], values[1], channels, bitmap ? 1 : (values[2] > 255 ? 16 : 8));
}

} // namespace

QString imageFormatName(ImageFormat format)
{
    switch (format) {
    case ImageFormat::Png:
        return QStringLiteral("PNG");
    case ImageFormat::Jpeg:
        return QStringLiteral("JPEG");
    case ImageFormat::Bmp:
        return QStringLiteral("BMP");
    case ImageFormat::Webp:
        return QStringLiteral("WebP");
    case ImageFormat::Tiff:
        return QStringLiteral("TIFF");
    case ImageFormat::Pnm:
        return QStringLiteral("PNM");
    case ImageFormat::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

ImageFormat imageFormatFromExtension(const QString &fileName)
{
    const QString suffix = fileName.section(QLatin1Char('.'), -1).toLower();
    if (suffix == QLatin1String("png"))
        return ImageFormat::Png;
    if (suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg") || suffix == QLatin1String("jpe"))
        return ImageFormat::Jpeg;
    if (suffix == QLatin1String("bmp") || suffix == QLatin1String("dib"))
        return ImageFormat::Bmp;
    if (suffix == QLatin1String("webp"))
        return ImageFormat::Webp;
    if (suffix == QLatin1String("tif") || suffix == QLatin1String("tiff"))
        return ImageFormat::Tiff;
    if (suffix == QLatin1String("pgm") || suffix == QLatin1String("ppm") || suffix == QLatin1String("pbm")
        || suffix == QLatin1String("pnm"))
        return ImageFormat::Pnm;
    return ImageFormat::Unknown;
}

bool hasImageExtension(const QString &fileName)
{
    return fileName.contains(QLatin1Char('.')) && imageFormatFromExtension(fileName) != ImageFormat::Unknown;
}

ImageHeader parseImageHeader(const QByteArray &bytes, qint64 fileSize)
{
    if (fileSize == 0)
        return invalid(ImageFormat::Unknown, QCoreApplication::translate("ImageHeader", "the file is empty (0 bytes)"));
    const ByteReader in(bytes);
    ImageHeader header;
    if (in.startsWith(0, "\x89PNG\r\n\x1a\n"))
        header = parsePng(in);
    else if (in.startsWith(0, "\xFF\xD8\xFF"))
        header = parseJpeg(in);
    else if (in.startsWith(0, "BM") && in.has(0, 26))
        header = parseBmp(in);
    else if (in.startsWith(0, "RIFF") && in.startsWith(8, "WEBP"))
        header = parseWebp(in);
    else if (in.startsWith(0, "II*\0") || in.startsWith(0, "MM\0*"))
        header = parseTiff(in);
    else if (bytes.size() >= 2 && bytes[0] == 'P' && bytes[1] >= '1' && bytes[1] <= '6')
        header = parsePnm(bytes);
    else
        return invalid(
            ImageFormat::Unknown, QCoreApplication::translate("ImageHeader", "not an image in a supported format"));
    if (in.ranShort() && header.bitDepth != -1) {
        header = invalid(header.format,
            QCoreApplication::translate("ImageHeader", "the file is truncated inside the %1 header")
                .arg(imageFormatName(header.format)));
    }
    return header;
}

ImageHeader readImageHeader(const QString &path)
{
    QFile file;
    const ImageFileOpening opened = openImageFile(path, file);
    if (!opened.ok)
        return invalid(ImageFormat::Unknown, opened.problem);
    return readImageHeader(file);
}

ImageHeader readImageHeader(QFile &file)
{
    const qint64 fileSize = file.size();
    // Most headers sit in the first bytes; a JPEG's frame header can follow a large EXIF block.
    QByteArray bytes = file.read(4096);
    ImageHeader header = parseImageHeader(bytes, fileSize);
    if (header.bitDepth == -1 && bytes.size() < fileSize) {
        bytes += file.read(4 * 1024 * 1024 - bytes.size());
        header = parseImageHeader(bytes, fileSize);
    }
    if (header.bitDepth == -1)
        header.bitDepth = 0;
    return header;
}

} // namespace semiprune

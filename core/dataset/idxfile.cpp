#include "idxfile.h"

#include "common/error.h"

#include <QCoreApplication>
#include <QFile>

#include <zlib.h>

#include <limits>

namespace semiprune {

namespace {

// The largest array accepted: far above any real IDX data set, far below what would exhaust memory.
constexpr qint64 kMaxDataBytes = qint64(8) * 1024 * 1024 * 1024;
constexpr int kUnsignedByte = 0x08;

QString typeName(int code)
{
    switch (code) {
    case 0x08:
        return QStringLiteral("unsigned byte");
    case 0x09:
        return QStringLiteral("signed byte");
    case 0x0B:
        return QStringLiteral("short");
    case 0x0C:
        return QStringLiteral("int");
    case 0x0D:
        return QStringLiteral("float");
    case 0x0E:
        return QStringLiteral("double");
    default:
        return QStringLiteral("0x%1").arg(code, 2, 16, QLatin1Char('0'));
    }
}

QByteArray gunzip(const QByteArray &compressed, const QString &name)
{
    z_stream stream {};
    if (inflateInit2(&stream, 15 + 16) != Z_OK) // 16: expect a gzip wrapper
        throw Error(QCoreApplication::translate("IdxFile", "%1: cannot start decompression.").arg(name));
    QByteArray output;
    output.resize(qMax<qsizetype>(compressed.size() * 4, 1 << 16));
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    stream.avail_in = uInt(compressed.size());
    int rc = Z_OK;
    qint64 produced = 0;
    while (rc != Z_STREAM_END) {
        if (produced == output.size()) {
            if (output.size() > kMaxDataBytes) {
                inflateEnd(&stream);
                throw Error(
                    QCoreApplication::translate("IdxFile", "%1: decompresses to more than %2 GB; not an IDX file.")
                        .arg(name)
                        .arg(kMaxDataBytes >> 30));
            }
            output.resize(output.size() * 2);
        }
        stream.next_out = reinterpret_cast<Bytef *>(output.data() + produced);
        stream.avail_out = uInt(qMin<qint64>(output.size() - produced, 1 << 30));
        const uInt before = stream.avail_out;
        rc = inflate(&stream, Z_NO_FLUSH);
        produced += before - stream.avail_out;
        if (rc == Z_BUF_ERROR && stream.avail_in == 0) {
            inflateEnd(&stream);
            throw Error(QCoreApplication::translate("IdxFile", "%1: the gzip data is truncated.").arg(name));
        }
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
            inflateEnd(&stream);
            throw Error(QCoreApplication::translate("IdxFile", "%1: the gzip data is corrupt.").arg(name));
        }
    }
    inflateEnd(&stream);
    output.resize(produced);
    return output;
}

} // namespace

qint64 IdxArray::itemSize() const
{
    qint64 size = 1;
    for (size_t i = 1; i < dims.size(); ++i)
        size *= dims[i];
    return size;
}

IdxArray parseIdx(const QByteArray &bytes, const QString &name)
{
    if (bytes.size() < 4)
        throw Error(QCoreApplication::translate("IdxFile", "%1: too short to be an IDX file (%2 bytes).")
                        .arg(name)
                        .arg(bytes.size()));
    const auto byte = [&](qint64 i) { return int(quint8(bytes[i])); };
    if (byte(0) != 0 || byte(1) != 0) {
        throw Error(QCoreApplication::translate(
            "IdxFile", "%1: wrong magic number (the file starts with %2 %3, an IDX file with 00 00).")
                        .arg(name)
                        .arg(byte(0), 2, 16, QLatin1Char('0'))
                        .arg(byte(1), 2, 16, QLatin1Char('0')));
    }
    if (byte(2) != kUnsignedByte)
        throw Error(QCoreApplication::translate(
            "IdxFile", "%1: elements of type %2 are not supported (images and labels are unsigned bytes).")
                        .arg(name, typeName(byte(2))));
    const int dimensionCount = byte(3);
    if (dimensionCount < 1 || dimensionCount > 4)
        throw Error(QCoreApplication::translate("IdxFile", "%1: %2 dimensions; IDX images have 3 and labels 1.")
                        .arg(name)
                        .arg(dimensionCount));
    const qint64 headerSize = 4 + 4 * qint64(dimensionCount);
    if (bytes.size() < headerSize)
        throw Error(QCoreApplication::translate("IdxFile", "%1: the file ends inside its header.").arg(name));

    IdxArray array;
    qint64 expected = 1;
    for (int i = 0; i < dimensionCount; ++i) {
        const qint64 offset = 4 + 4 * i;
        const qint64 dim
            = qint64(byte(offset)) << 24 | byte(offset + 1) << 16 | byte(offset + 2) << 8 | byte(offset + 3);
        if (dim <= 0 || dim > std::numeric_limits<int>::max())
            throw Error(QCoreApplication::translate("IdxFile", "%1: dimension %2 has an impossible size (%3).")
                            .arg(name)
                            .arg(i + 1)
                            .arg(dim));
        array.dims.push_back(int(dim));
        // Compared before multiplying: the product of four 31-bit sizes overflows 64 bits (found by fuzzing).
        if (dim > kMaxDataBytes / expected)
            throw Error(QCoreApplication::translate("IdxFile", "%1: the header claims more than %2 GB of data.")
                            .arg(name)
                            .arg(kMaxDataBytes >> 30));
        expected *= dim;
        if (expected > kMaxDataBytes)
            throw Error(QCoreApplication::translate("IdxFile", "%1: the header claims more than %2 GB of data.")
                            .arg(name)
                            .arg(kMaxDataBytes >> 30));
    }
    const qint64 available = bytes.size() - headerSize;
    if (available < expected) {
        throw Error(QCoreApplication::translate(
            "IdxFile", "%1: truncated: the header promises %2 bytes of data, the file has %3.")
                        .arg(name)
                        .arg(expected)
                        .arg(available));
    }
    if (available > expected) {
        throw Error(QCoreApplication::translate(
            "IdxFile", "%1: %2 unexpected bytes after the data; the dimensions in the header are wrong.")
                        .arg(name)
                        .arg(available - expected));
    }
    array.data = bytes.mid(headerSize);
    return array;
}

IdxArray readIdxFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QCoreApplication::translate("IdxFile", "Cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > kMaxDataBytes)
        throw Error(QCoreApplication::translate("IdxFile", "%1 is larger than %2 GB; not an IDX file.")
                        .arg(path)
                        .arg(kMaxDataBytes >> 30));
    QByteArray bytes = file.readAll();
    const bool gzipped = bytes.size() >= 2 && quint8(bytes[0]) == 0x1f && quint8(bytes[1]) == 0x8b;
    if (gzipped)
        bytes = gunzip(bytes, path);
    return parseIdx(bytes, path);
}

} // namespace semiprune

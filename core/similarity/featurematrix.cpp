#include "similarity/featurematrix.h"

#include "common/error.h"

#include <QCoreApplication>
#include <QFloat16>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace semiprune {

namespace {

constexpr char kMagic[4] = { 'S', 'P', 'F', '1' };

} // namespace

FeatureMatrix FeatureMatrix::normalized() const
{
    FeatureMatrix result = *this;
    const int n = count();
    for (int i = 0; i < n; ++i) {
        float *row = result.values.data() + std::size_t(i) * std::size_t(dimension);
        double squares = 0;
        for (int d = 0; d < dimension; ++d)
            squares += double(row[d]) * row[d];
        if (squares <= 0)
            continue;
        const float scale = float(1.0 / std::sqrt(squares));
        for (int d = 0; d < dimension; ++d)
            row[d] *= scale;
    }
    return result;
}

FeatureMatrix FeatureMatrix::rows(const std::vector<int> &images) const
{
    FeatureMatrix result;
    result.dimension = dimension;
    result.values.reserve(images.size() * std::size_t(dimension));
    for (int image : images)
        result.values.insert(result.values.end(), row(image), row(image) + dimension);
    return result;
}

QByteArray FeatureMatrix::toBytes() const
{
    QByteArray bytes(int(sizeof(kMagic) + sizeof(qint32) + values.size() * sizeof(quint16)), Qt::Uninitialized);
    char *out = bytes.data();
    std::memcpy(out, kMagic, sizeof(kMagic));
    qToLittleEndian<qint32>(dimension, out + sizeof(kMagic));
    char *data = out + sizeof(kMagic) + sizeof(qint32);
    for (std::size_t i = 0; i < values.size(); ++i) {
        quint16 half = 0;
        // Half precision ends at 65504: larger activations are clamped rather than stored as infinite.
        const qfloat16 value(std::clamp(values[i], -65504.0f, 65504.0f));
        std::memcpy(&half, static_cast<const void *>(&value), sizeof(half));
        qToLittleEndian<quint16>(half, data + i * sizeof(quint16));
    }
    return bytes;
}

FeatureMatrix FeatureMatrix::fromBytes(const QByteArray &bytes)
{
    const auto fail
        = [] { throw Error(QCoreApplication::translate("Features", "The stored image features are damaged.")); };
    const qsizetype header = qsizetype(sizeof(kMagic) + sizeof(qint32));
    if (bytes.size() < header || std::memcmp(bytes.constData(), kMagic, sizeof(kMagic)) != 0)
        fail();
    FeatureMatrix matrix;
    matrix.dimension = qFromLittleEndian<qint32>(bytes.constData() + sizeof(kMagic));
    const qsizetype payload = bytes.size() - header;
    if (matrix.dimension <= 0 || payload % qsizetype(sizeof(quint16)) != 0
        || (payload / qsizetype(sizeof(quint16))) % matrix.dimension != 0)
        fail();
    const char *data = bytes.constData() + header;
    matrix.values.resize(std::size_t(payload) / sizeof(quint16));
    for (std::size_t i = 0; i < matrix.values.size(); ++i) {
        const quint16 half = qFromLittleEndian<quint16>(data + i * sizeof(quint16));
        qfloat16 value;
        std::memcpy(static_cast<void *>(&value), &half, sizeof(half));
        const float f = float(value);
        if (!std::isfinite(f))
            fail();
        matrix.values[i] = f;
    }
    return matrix;
}

} // namespace semiprune

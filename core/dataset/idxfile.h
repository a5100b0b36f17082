#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace semiprune {

// An array from an MNIST-style IDX file: unsigned bytes with up to four dimensions.
struct IdxArray {
    std::vector<int> dims;
    QByteArray data; // row-major, dims[0] items

    qint64 itemCount() const { return dims.empty() ? 0 : dims[0]; }
    qint64 itemSize() const;
};

// Reads an IDX file, raw or gzip-compressed (recognized by content, not by name). Only unsigned-byte
// data is accepted (images idx3, labels idx1). Throws Error naming the file and what is wrong: a wrong
// magic number, an unsupported element type, impossible dimensions, truncated data or extra bytes.
IdxArray readIdxFile(const QString &path);

// Parses IDX bytes already in memory (used by readIdxFile and by the tests).
IdxArray parseIdx(const QByteArray &bytes, const QString &nameForMessages);

} // namespace semiprune

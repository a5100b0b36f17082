#pragma once

#include "exportoptions.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace semiprune {

// Puts one image into an export folder: a plain buffered copy (no fsync per file: the export is
// renamed into place only once complete, so a crash leaves a partial folder, never a half export), a
// hard link or a symbolic link. Paths are in the local 8-bit encoding (QFile::encodeName), built once
// by the caller. Not thread-safe: one per thread (it owns the copy buffer).
class FileTransfer final {
public:
    explicit FileTransfer(ExportMode mode);

    // Returns false when the source is gone (deleted since import: the caller reports it and goes
    // on); throws Error with a message a user can act on for anything else (a full or read-only
    // disk, a hard link across file systems, no permission). Never replaces an existing target.
    bool transfer(const QByteArray &source, const QByteArray &target);

    qint64 bytesCopied() const { return m_bytesCopied; }

private:
    bool copy(const QByteArray &source, const QByteArray &target);
    bool hardLink(const QByteArray &source, const QByteArray &target);

    ExportMode m_mode;
    std::vector<char> m_buffer;
    qint64 m_bytesCopied = 0;
};

// The message for a failed write into the export (errno `error`): what went wrong and what to do.
QString exportWriteError(int error, const QString &path);

} // namespace semiprune

#include "filetransfer.h"

#include "common/error.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace semiprune {

namespace {

QString errorText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QString decoded(const QByteArray &path)
{
    return QFile::decodeName(path);
}

// Closes a descriptor on every path out of a function, so an exception does not leak it.
class FileDescriptor final {
public:
    explicit FileDescriptor(int fd) : m_fd(fd) { }
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;
    int get() const { return m_fd; }
    // close() reports late write errors (NFS, quotas): a copy is good only when it succeeds.
    int release()
    {
        const int result = ::close(m_fd);
        m_fd = -1;
        return result;
    }

private:
    int m_fd;
};

constexpr size_t kCopyBufferBytes = 1 << 20;

} // namespace

QString exportWriteError(int error, const QString &path)
{
    switch (error) {
    case ENOSPC:
    case EDQUOT:
        return QCoreApplication::translate(
            "Export", "The disk is full (or over its quota) writing %1: free some space or export to another disk.")
            .arg(path);
    case EROFS:
        return QCoreApplication::translate(
            "Export", "%1 is on a read-only file system: choose a target folder on a writable disk.")
            .arg(path);
    case EACCES:
    case EPERM:
        return QCoreApplication::translate(
            "Export", "No permission to write %1: choose a target folder you may write to.")
            .arg(path);
    case ENOTDIR:
        return QCoreApplication::translate("Export", "Cannot write %1: a part of that path is a file, not a folder.")
            .arg(path);
    default:
        return QCoreApplication::translate("Export", "Cannot write %1: %2.").arg(path, errorText(error));
    }
}

FileTransfer::FileTransfer(ExportMode mode) : m_mode(mode) { }

bool FileTransfer::transfer(const QByteArray &source, const QByteArray &target)
{
    switch (m_mode) {
    case ExportMode::Copy:
        return copy(source, target);
    case ExportMode::HardLink:
        return hardLink(source, target);
    case ExportMode::SymLink:
        if (::symlink(source.constData(), target.constData()) != 0)
            throw Error(exportWriteError(errno, decoded(target)));
        return true;
    }
    return false;
}

bool FileTransfer::hardLink(const QByteArray &source, const QByteArray &target)
{
    if (::link(source.constData(), target.constData()) == 0)
        return true;
    const int error = errno;
    // The target's folder was made by the export, so a missing path is the source.
    if (error == ENOENT)
        return false;
    if (error == EXDEV) {
        throw Error(QCoreApplication::translate("Export",
            "Cannot hard-link %1: the export folder is on another file system than the images. "
            "Use copy mode (or symbolic links), or export to the images' disk.")
                        .arg(decoded(source)));
    }
    if (error == EPERM || error == EMLINK || error == EOPNOTSUPP) {
        throw Error(QCoreApplication::translate("Export",
            "Cannot hard-link %1 into %2: %3 (the file system may not support hard links, or may not "
            "allow linking files you do not own). Use copy mode instead.")
                        .arg(decoded(source), decoded(target), errorText(error)));
    }
    throw Error(exportWriteError(error, decoded(target)));
}

bool FileTransfer::copy(const QByteArray &source, const QByteArray &target)
{
    FileDescriptor in(::open(source.constData(), O_RDONLY | O_CLOEXEC));
    if (in.get() < 0) {
        if (errno == ENOENT)
            return false;
        throw Error(QCoreApplication::translate("Export", "Cannot read the image %1: %2.")
                        .arg(decoded(source), errorText(errno)));
    }
    struct stat info;
    if (::fstat(in.get(), &info) != 0)
        throw Error(QCoreApplication::translate("Export", "Cannot read the image %1: %2.")
                        .arg(decoded(source), errorText(errno)));
    // O_EXCL: an export never replaces a file, even one that appeared behind its back.
    FileDescriptor out(::open(target.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
    if (out.get() < 0)
        throw Error(exportWriteError(errno, decoded(target)));
    if (m_buffer.empty())
        m_buffer.resize(kCopyBufferBytes);
    for (;;) {
        const ssize_t got = ::read(in.get(), m_buffer.data(), m_buffer.size());
        if (got < 0) {
            if (errno == EINTR)
                continue;
            throw Error(QCoreApplication::translate("Export", "Cannot read the image %1: %2.")
                            .arg(decoded(source), errorText(errno)));
        }
        if (got == 0)
            break;
        for (ssize_t written = 0; written < got;) {
            const ssize_t put = ::write(out.get(), m_buffer.data() + written, size_t(got - written));
            if (put < 0) {
                if (errno == EINTR)
                    continue;
                throw Error(exportWriteError(errno, decoded(target)));
            }
            written += put;
        }
        m_bytesCopied += got;
    }
    // The copy keeps the image's modification time: thumbnail caches and sync tools key on it.
    const struct timespec times[2] = { info.st_atim, info.st_mtim };
    ::futimens(out.get(), times);
    if (out.release() != 0)
        throw Error(exportWriteError(errno, decoded(target)));
    return true;
}

} // namespace semiprune

#include "imagefile.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace semiprune {

namespace {

ImageFileOpening failure(const QString &problem, bool vanished = false)
{
    ImageFileOpening result;
    result.vanished = vanished;
    result.problem = problem;
    return result;
}

ImageFileOpening openFailure(const QByteArray &nativePath, int error)
{
    switch (error) {
    case ENOENT:
    case ENOTDIR: {
        // A link left pointing at nothing is still there; anything else is gone, or a folder
        // above it is (or became a file).
        struct stat link;
        if (::lstat(nativePath.constData(), &link) == 0 && S_ISLNK(link.st_mode))
            return failure(QCoreApplication::translate("ImageFile", "a symbolic link to nothing"));
        return failure(goneFileReason(), true);
    }
    case ELOOP:
        return failure(QCoreApplication::translate("ImageFile", "a symbolic link in a loop"));
    case EACCES:
    case EPERM:
        return failure(QCoreApplication::translate("ImageFile", "permission denied"));
    default:
        return failure(QString::fromLocal8Bit(std::strerror(error)));
    }
}

} // namespace

QString goneFileReason()
{
    return QCoreApplication::translate("ImageFile", "the file is no longer in the image folder");
}

QString notARegularFileReason()
{
    return QCoreApplication::translate("ImageFile", "not a regular file (a pipe, socket or device)");
}

ImageFileOpening openImageFile(const QString &path, QFile &file)
{
    const QByteArray nativePath = QFile::encodeName(path);
    // O_NONBLOCK: opening a pipe for reading returns at once instead of waiting for a writer, so it
    // can be refused below; it changes nothing for a regular file.
    int fd = -1;
    do {
        fd = ::open(nativePath.constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return openFailure(nativePath, errno);

    struct stat info;
    if (::fstat(fd, &info) != 0) {
        const int error = errno;
        ::close(fd);
        return failure(QString::fromLocal8Bit(std::strerror(error)));
    }
    if (S_ISDIR(info.st_mode)) {
        ::close(fd);
        return failure(QCoreApplication::translate("ImageFile", "a folder, not an image file"));
    }
    if (!S_ISREG(info.st_mode)) {
        ::close(fd);
        return failure(notARegularFileReason());
    }
    if (const int flags = ::fcntl(fd, F_GETFL); flags >= 0)
        ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return failure(file.errorString());
    }
    ImageFileOpening result;
    result.ok = true;
    result.size = qint64(info.st_size);
    // As QFileInfo::lastModified() counts it, so an unchanged file compares equal to its listing.
    result.mtimeMs = qint64(info.st_mtim.tv_sec) * 1000 + info.st_mtim.tv_nsec / 1000000;
    return result;
}

} // namespace semiprune

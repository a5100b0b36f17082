#include "stagingfolder.h"

#include "common/error.h"
#include "filetransfer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstdio>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace semiprune {

namespace {

QByteArray encoded(const QString &path)
{
    return QFile::encodeName(path);
}

// The path with every part that exists resolved (links, "..") and the rest appended: a target
// named through a link must still be recognized as lying inside the image folder.
QString resolved(const QString &path)
{
    QString existing = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    QStringList rest;
    while (!QFileInfo::exists(existing) && existing != QLatin1String("/")) {
        const qsizetype slash = existing.lastIndexOf(QLatin1Char('/'));
        rest.prepend(existing.mid(slash + 1));
        existing = slash > 0 ? existing.left(slash) : QStringLiteral("/");
    }
    QString result = QFileInfo(existing).canonicalFilePath();
    for (const QString &part : rest)
        result += (result.endsWith(QLatin1Char('/')) ? QString() : QStringLiteral("/")) + part;
    return result;
}

bool isInside(const QString &path, const QString &folder)
{
    return path == folder || path.startsWith(folder.endsWith(QLatin1Char('/')) ? folder : folder + QLatin1Char('/'));
}

// QDir::mkpath without the reason; this one says why (a file in the way, a read-only disk).
void makePath(const QString &path)
{
    struct stat info;
    if (::stat(encoded(path).constData(), &info) == 0) {
        if (!S_ISDIR(info.st_mode))
            throw Error(
                QCoreApplication::translate("Export", "Cannot create the export there: %1 is a file, not a folder.")
                    .arg(path));
        return;
    }
    const QString parent = QFileInfo(path).path();
    if (parent != path)
        makePath(parent);
    if (::mkdir(encoded(path).constData(), 0777) != 0 && errno != EEXIST)
        throw Error(exportWriteError(errno, path));
}

bool isEmptyFolder(const QString &path)
{
    return QDir(path).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

} // namespace

StagingFolder::StagingFolder(const QString &target, bool overwrite, const QStringList &protectedPaths)
    : m_target(QDir::cleanPath(QFileInfo(target).absoluteFilePath()))
{
    checkTarget(overwrite, protectedPaths);
    makePath(QFileInfo(m_target).path());
    removeAbandonedSiblings();
    m_path = makeSibling(QStringLiteral("partial"));
}

StagingFolder::~StagingFolder()
{
    if (!m_committed && !m_path.isEmpty())
        QDir(m_path).removeRecursively(); // removes links, never what they point to
}

void StagingFolder::checkTarget(bool overwrite, const QStringList &protectedPaths) const
{
    const QFileInfo info(m_target);
    if (info.fileName().isEmpty())
        throw Error(
            QCoreApplication::translate("Export", "%1 cannot hold an export: name a folder in it.").arg(m_target));
    if (info.isSymLink())
        throw Error(
            QCoreApplication::translate("Export", "%1 is a symbolic link: give the folder it points to instead.")
                .arg(m_target));
    if (info.exists() && !info.isDir())
        throw Error(QCoreApplication::translate(
            "Export", "%1 is a file, not a folder: choose a new or empty folder for the export.")
                        .arg(m_target));
    const bool filled = info.exists() && !isEmptyFolder(m_target);
    const QString target = resolved(m_target);
    for (const QString &kept : protectedPaths) {
        if (kept.isEmpty())
            continue;
        const QString place = resolved(kept);
        if (isInside(target, place))
            throw Error(QCoreApplication::translate(
                "Export", "The export cannot go into %1: SemiPrune never writes into the image folder or the project.")
                            .arg(kept));
        if (filled && isInside(place, target))
            throw Error(QCoreApplication::translate(
                "Export", "%1 holds %2: an export there would replace it. Choose another folder.")
                            .arg(m_target, kept));
    }
    if (!filled)
        return;
    if (!overwrite)
        throw Error(QCoreApplication::translate(
            "Export", "%1 is not empty: choose a new or empty folder, or overwrite an earlier export.")
                        .arg(m_target));
    if (!QFileInfo(m_target + QStringLiteral("/manifest.csv")).isFile()
        || !QFileInfo(m_target + QStringLiteral("/summary.json")).isFile())
        throw Error(QCoreApplication::translate("Export",
            "%1 is not empty and is not an earlier export (it has no manifest.csv and summary.json): "
            "only an earlier export is overwritten. Choose a new or empty folder.")
                        .arg(m_target));
}

QString StagingFolder::makeSibling(const QString &infix) const
{
    const QFileInfo info(m_target);
    static const char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (int attempt = 0; attempt < 100; ++attempt) {
        QString suffix;
        for (int i = 0; i < 6; ++i)
            suffix += QLatin1Char(letters[QRandomGenerator::global()->bounded(int(sizeof(letters) - 1))]);
        // The process id lets a later export tell an abandoned folder from one still being written.
        const QString path = QStringLiteral("%1/.%2.%3-%4-%5")
                                 .arg(info.path(), info.fileName(), infix)
                                 .arg(QCoreApplication::applicationPid())
                                 .arg(suffix);
        // mkdir applies the umask, so the export gets the user's usual permissions.
        if (::mkdir(encoded(path).constData(), 0777) == 0)
            return path;
        if (errno != EEXIST)
            throw Error(exportWriteError(errno, info.path())); // the hidden name would mean nothing to a user
    }
    throw Error(QCoreApplication::translate("Export", "Cannot create a working folder beside %1.").arg(m_target));
}

void StagingFolder::removeAbandonedSiblings() const
{
    // ".<name>.partial-<pid>-<random>" of a process that is gone: an export killed before its end.
    const QFileInfo info(m_target);
    const QString prefix = QStringLiteral(".%1.partial-").arg(info.fileName());
    const QDir parent(info.path());
    for (const QString &name :
        parent.entryList({ prefix + QLatin1Char('*') }, QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const qint64 pid = name.mid(prefix.size()).section(QLatin1Char('-'), 0, 0).toLongLong(&ok);
        if (!ok || pid <= 0 || pid == QCoreApplication::applicationPid())
            continue;
        if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
            QDir(parent.filePath(name)).removeRecursively(); // removes links, never what they point to
    }
}

void StagingFolder::removeOld(const QString &path)
{
    m_replacedOld = true;
    if (!QDir(path).removeRecursively())
        m_leftover = path;
}

void StagingFolder::commit()
{
    const QByteArray from = encoded(m_path);
    const QByteArray to = encoded(m_target);
    const bool replacing = QFileInfo(m_target).isDir() && !isEmptyFolder(m_target);
    if (!replacing) {
        // rename() replaces an empty folder and refuses a non-empty one: if something filled the
        // target while the export ran, it is left alone.
        if (std::rename(from.constData(), to.constData()) != 0) {
            if (errno == ENOTEMPTY || errno == EEXIST)
                throw Error(QCoreApplication::translate(
                    "Export", "%1 was filled by something else while the export ran: it was left as it was.")
                                .arg(m_target));
            throw Error(exportWriteError(errno, m_target));
        }
        m_committed = true;
        return;
    }
#ifdef RENAME_EXCHANGE
    // One atomic swap: at every moment the target is either the old export or the new one.
    if (::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_EXCHANGE) == 0) {
        m_committed = true;
        removeOld(m_path);
        return;
    }
    if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
        throw Error(exportWriteError(errno, m_target));
#endif
    // No swap on this file system: move the old export aside, the new one in, and the old one back
    // if that fails.
    const QString aside = makeSibling(QStringLiteral("old"));
    if (std::rename(to.constData(), encoded(aside).constData()) != 0) {
        const int error = errno;
        ::rmdir(encoded(aside).constData());
        throw Error(exportWriteError(error, m_target));
    }
    if (std::rename(from.constData(), to.constData()) != 0) {
        const int error = errno;
        std::rename(encoded(aside).constData(), to.constData());
        throw Error(exportWriteError(error, m_target));
    }
    m_committed = true;
    removeOld(aside);
}

} // namespace semiprune

#include "folderscan.h"

#include "common/error.h"
#include "imaging/imagefile.h"
#include "imaging/imageheader.h"
#include "jobs/jobcontext.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <algorithm>

#include <ftw.h>

namespace semiprune {

namespace {

std::optional<Split> splitFolder(const QString &name)
{
    const QString lower = name.toLower();
    if (lower == QLatin1String("train") || lower == QLatin1String("training"))
        return Split::Train;
    if (lower == QLatin1String("val") || lower == QLatin1String("valid") || lower == QLatin1String("validation"))
        return Split::Val;
    if (lower == QLatin1String("test") || lower == QLatin1String("testing"))
        return Split::Test;
    return std::nullopt;
}

// Paths (relative, as bytes) of the image-named entries whose names are not valid UTF-8. Qt's
// directory listing drops such names without a word, so they are looked for with the C library.
thread_local std::vector<QByteArray> *t_undecodable = nullptr;
thread_local qsizetype t_rootLength = 0;

int collectUndecodable(const char *path, const struct stat *, int type, struct FTW *where)
{
    const char *name = path + where->base;
    if (name[0] == '.' && where->level > 0)
        return type == FTW_D ? FTW_SKIP_SUBTREE : FTW_CONTINUE; // hidden, as in the main scan
    if (type == FTW_D || type == FTW_DNR)
        return FTW_CONTINUE;
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString decoded = utf8(QByteArrayView(name));
    if (utf8.hasError() && hasImageExtension(decoded))
        t_undecodable->push_back(QByteArray(path + t_rootLength + 1));
    return FTW_CONTINUE;
}

std::vector<QByteArray> undecodableImageNames(const QString &root)
{
    std::vector<QByteArray> found;
    const QByteArray rootBytes = QFile::encodeName(root);
    t_undecodable = &found;
    t_rootLength = rootBytes.size();
    // FTW_PHYS: links are not followed, as in the main scan.
    nftw(rootBytes.constData(), collectUndecodable, 32, FTW_PHYS | FTW_ACTIONRETVAL);
    t_undecodable = nullptr;
    return found;
}

} // namespace

FolderScan scanFolder(const QString &root, JobContext &job)
{
    const QFileInfo rootInfo(root);
    if (!rootInfo.exists())
        throw Error(QCoreApplication::translate("FolderScan", "The image folder %1 does not exist.").arg(root));
    if (!rootInfo.isDir())
        throw Error(QCoreApplication::translate("FolderScan", "%1 is not a folder.").arg(root));
    if (!rootInfo.isReadable() || !rootInfo.isExecutable())
        throw Error(QCoreApplication::translate("FolderScan", "The image folder %1 cannot be read (permission denied).")
                        .arg(root));

    job.beginPhase(QCoreApplication::translate("FolderScan", "Scanning folders"), 0);
    const QDir rootDir(rootInfo.absoluteFilePath());
    FolderScan scan;
    // System lists what Files leaves out (dangling links, pipes, devices) so that none is skipped
    // silently; the checks below keep them from ever being opened.
    QDirIterator it(
        rootDir.absolutePath(), QDir::Files | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    qint64 seen = 0;
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        if (++seen % 4096 == 0) {
            job.checkCancelled();
            job.advance(qint64(scan.files.size()));
        }
        const QString relative = rootDir.relativeFilePath(info.absoluteFilePath());
        if (relative.startsWith(QLatin1Char('.')) || relative.contains(QLatin1String("/.")))
            continue; // hidden files and folders, our own temporary folders among them
        if (!hasImageExtension(info.fileName()))
            continue;
        ScannedFile file;
        file.path = relative;
        if (info.isSymLink() && !info.exists()) {
            file.problem = QCoreApplication::translate("FolderScan", "a symbolic link to nothing, or in a loop");
        } else if (info.isDir()) {
            continue; // a link to a folder: not followed
        } else if (!info.isFile()) {
            file.problem = notARegularFileReason();
        } else {
            file.size = info.size();
            file.mtimeMs = info.lastModified().toMSecsSinceEpoch();
        }
        scan.files.push_back(file);
    }
    for (const QByteArray &bytes : undecodableImageNames(rootDir.absolutePath())) {
        ScannedFile file;
        file.path = QFile::decodeName(bytes);
        file.problem = QCoreApplication::translate(
            "FolderScan", "the file name is not valid UTF-8, so it cannot be opened by name: rename the file");
        scan.files.push_back(file);
    }
    std::sort(scan.files.begin(), scan.files.end(),
        [](const ScannedFile &a, const ScannedFile &b) { return a.path < b.path; });

    // Split layout only when every top-level folder that holds images is a split name.
    bool allTopLevelAreSplits = false;
    for (const ScannedFile &file : scan.files) {
        const qsizetype slash = file.path.indexOf(QLatin1Char('/'));
        if (slash < 0)
            continue;
        if (!splitFolder(file.path.left(slash))) {
            allTopLevelAreSplits = false;
            break;
        }
        allTopLevelAreSplits = true;
    }
    scan.hasSplitFolders = allTopLevelAreSplits;

    for (ScannedFile &file : scan.files) {
        QStringList parts = file.path.split(QLatin1Char('/'));
        parts.removeLast(); // the file name
        if (scan.hasSplitFolders && !parts.isEmpty())
            file.split = *splitFolder(parts.takeFirst());
        if (!parts.isEmpty()) {
            file.folderClass = parts.first();
            scan.hasClassFolders = true;
        }
    }
    job.finishPhase();
    return scan;
}

} // namespace semiprune

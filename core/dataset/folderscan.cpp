#include "folderscan.h"

#include "common/error.h"
#include "imaging/imageheader.h"
#include "jobs/jobcontext.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

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

} // namespace

FolderScan scanFolder(const QString &root, JobContext &job)
{
    const QFileInfo rootInfo(root);
    if (!rootInfo.exists())
        throw Error(QCoreApplication::translate("FolderScan", "The image folder %1 does not exist.").arg(root));
    if (!rootInfo.isDir())
        throw Error(QCoreApplication::translate("FolderScan", "%1 is not a folder.").arg(root));
    if (!rootInfo.isReadable() || !rootInfo.isExecutable())
        throw Error(QCoreApplication::translate("FolderScan", "The image folder %1 cannot be read (permission denied).").arg(root));

    job.beginPhase(QCoreApplication::translate("FolderScan", "Scanning folders"), 0);
    const QDir rootDir(rootInfo.absoluteFilePath());
    FolderScan scan;
    QDirIterator it(rootDir.absolutePath(), QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
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
        file.size = info.size();
        file.mtimeMs = info.lastModified().toMSecsSinceEpoch();
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

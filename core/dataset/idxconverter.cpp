#include "idxconverter.h"

#include "classnames.h"
#include "common/error.h"
#include "idxfile.h"
#include "jobs/jobcontext.h"
#include "jobs/workerpool.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>

#include <opencv2/imgcodecs.hpp>

#include <atomic>
#include <numeric>

namespace semiprune {

namespace {

struct LoadedPart {
    IdxPart part;
    IdxArray images;
    IdxArray labels;
    int rows = 0;
    int cols = 0;
    int channels = 1;
};

LoadedPart load(const IdxPart &part)
{
    LoadedPart loaded { part, readIdxFile(part.imagesPath), {}, 0, 0, 1 };
    const auto &dims = loaded.images.dims;
    if (dims.size() != 3 && !(dims.size() == 4 && (dims[3] == 1 || dims[3] == 3)))
        throw Error(QCoreApplication::translate(
            "IdxConverter", "%1: an images file has 3 dimensions (count, rows, columns), this one has %2.")
                        .arg(part.imagesPath)
                        .arg(dims.size()));
    loaded.rows = dims[1];
    loaded.cols = dims[2];
    loaded.channels = dims.size() == 4 ? dims[3] : 1;
    if (qint64(loaded.rows) * loaded.cols > 16384LL * 16384LL)
        throw Error(
            QCoreApplication::translate("IdxConverter", "%1: images of %2 x %3 pixels are not plausible for IDX data.")
                .arg(part.imagesPath)
                .arg(loaded.cols)
                .arg(loaded.rows));
    if (!part.labelsPath.isEmpty()) {
        loaded.labels = readIdxFile(part.labelsPath);
        if (loaded.labels.dims.size() != 1)
            throw Error(
                QCoreApplication::translate("IdxConverter", "%1: a labels file has 1 dimension, this one has %2.")
                    .arg(part.labelsPath)
                    .arg(loaded.labels.dims.size()));
        if (loaded.labels.itemCount() != loaded.images.itemCount())
            throw Error(QCoreApplication::translate("IdxConverter", "%1 has %2 images but %3 has %4 labels.")
                            .arg(part.imagesPath)
                            .arg(loaded.images.itemCount())
                            .arg(part.labelsPath)
                            .arg(loaded.labels.itemCount()));
    }
    return loaded;
}

void ensureEmptyTarget(const QString &out)
{
    const QFileInfo info(out);
    if (info.exists() && !info.isDir())
        throw Error(QCoreApplication::translate("IdxConverter", "%1 exists and is not a folder.").arg(out));
    if (info.isDir() && !QDir(out).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
        throw Error(QCoreApplication::translate(
            "IdxConverter", "The folder %1 is not empty: choose an empty or new folder for the converted images.")
                        .arg(out));
    if (!QFileInfo(info.absolutePath()).isDir())
        throw Error(QCoreApplication::translate("IdxConverter", "Cannot create %1: the folder %2 does not exist.")
                        .arg(out, info.absolutePath()));
}

} // namespace

IdxConversionReport convertIdxToFolder(
    const std::vector<IdxPart> &parts, const QString &out, QStringList classNames, JobContext &job)
{
    QElapsedTimer timer;
    timer.start();
    if (parts.empty())
        throw Error(QCoreApplication::translate("IdxConverter", "No IDX files given."));
    ensureEmptyTarget(out);

    job.beginPhase(QCoreApplication::translate("IdxConverter", "Reading IDX files"), qint64(parts.size()));
    std::vector<LoadedPart> loaded;
    QSet<int> splitsSeen;
    int maxLabel = -1;
    for (const IdxPart &part : parts) {
        if (splitsSeen.contains(int(part.split)))
            throw Error(QCoreApplication::translate("IdxConverter", "Two IDX parts are both for the %1 split.")
                            .arg(splitName(part.split)));
        splitsSeen.insert(int(part.split));
        loaded.push_back(load(part));
        for (char label : loaded.back().labels.data)
            maxLabel = std::max(maxLabel, int(quint8(label)));
        job.advance(qint64(loaded.size()));
    }

    if (classNames.isEmpty())
        classNames = presetClassNamesForPath(parts.front().imagesPath);
    if (classNames.isEmpty() || classNames.size() <= maxLabel) {
        if (!classNames.isEmpty())
            throw Error(QCoreApplication::translate(
                "IdxConverter", "The labels go up to %1 but only %2 class names were given.")
                            .arg(maxLabel)
                            .arg(classNames.size()));
        for (int i = 0; i <= maxLabel; ++i)
            classNames << QString::number(i);
    }
    QStringList folders;
    QHash<QString, QString> renamed;
    for (const QString &name : classNames) {
        QString folder = safeFolderName(name);
        while (folders.contains(folder, Qt::CaseInsensitive))
            folder += QLatin1Char('_');
        folders << folder;
        if (folder != name)
            renamed.insert(folder, name);
    }

    const QFileInfo target(out);
    const QString temporary = target.absolutePath() + QStringLiteral("/.%1.partial").arg(target.fileName());
    QDir(temporary).removeRecursively();
    if (!QDir().mkpath(temporary))
        throw Error(QCoreApplication::translate("IdxConverter", "Cannot create the folder %1.").arg(temporary));

    IdxConversionReport report;
    try {
        const bool nested = parts.size() > 1;
        for (const LoadedPart &part : loaded) {
            const QString splitRoot = nested ? temporary + QLatin1Char('/') + splitName(part.part.split) : temporary;
            const bool labeled = !part.labels.data.isEmpty();
            for (const QString &folder : (labeled ? folders : QStringList { QString() }))
                QDir().mkpath(splitRoot + QLatin1Char('/') + folder);

            const qint64 count = part.images.itemCount();
            const qint64 itemSize = part.images.itemSize();
            const int digits = int(QString::number(count - 1).size());
            job.beginPhase(
                QCoreApplication::translate("IdxConverter", "Writing %1 images").arg(splitName(part.part.split)),
                count);
            std::atomic<qint64> written { 0 };
            std::atomic<bool> failed { false };
            QString failure;
            std::vector<qint64> indices(static_cast<size_t>(count));
            std::iota(indices.begin(), indices.end(), 0);
            // PNG encoding is the cost here: both cores share it.
            QtConcurrent::blockingMap(workerPool(), indices, [&](qint64 index) {
                if (failed.load() || job.isCancelled())
                    return;
                const int type = part.channels == 3 ? CV_8UC3 : CV_8UC1;
                const cv::Mat image(
                    part.rows, part.cols, type, const_cast<char *>(part.images.data.constData() + index * itemSize));
                std::vector<uchar> png;
                cv::imencode(".png", image, png, { cv::IMWRITE_PNG_COMPRESSION, 1 });
                const QString folder = labeled ? folders[int(quint8(part.labels.data[index]))] : QString();
                const QString fileName = QStringLiteral("%1_%2.png")
                                             .arg(splitName(part.part.split))
                                             .arg(index, digits, 10, QLatin1Char('0'));
                QFile file(splitRoot + QLatin1Char('/') + (folder.isEmpty() ? QString() : folder + QLatin1Char('/'))
                    + fileName);
                if (!file.open(QIODevice::WriteOnly)
                    || file.write(reinterpret_cast<const char *>(png.data()), qint64(png.size()))
                        != qint64(png.size())) {
                    if (!failed.exchange(true))
                        failure = QCoreApplication::translate("IdxConverter", "Cannot write %1: %2")
                                      .arg(file.fileName(), file.errorString());
                    return;
                }
                const qint64 done = ++written;
                if (done % 1024 == 0)
                    job.advance(done);
            });
            job.checkCancelled();
            if (failed.load())
                throw Error(failure);
            job.finishPhase();
            report.imagesWritten += written.load();
        }
        if (!renamed.isEmpty())
            writeClassNamesFile(temporary, renamed);
        if (QFileInfo(out).isDir())
            QDir(out).removeRecursively(); // empty, checked above
        if (!QDir().rename(temporary, out))
            throw Error(
                QCoreApplication::translate("IdxConverter", "Cannot move the converted images into %1.").arg(out));
    } catch (...) {
        QDir(temporary).removeRecursively();
        throw;
    }
    report.classNames = classNames;
    report.seconds = timer.elapsed() / 1000.0;
    return report;
}

} // namespace semiprune

#include "benchmark/benchmarksource.h"

#include "common/error.h"
#include "dataset/classnames.h"
#include "dataset/folderscan.h"
#include "dataset/idxfile.h"
#include "imaging/imagedecoder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <map>

namespace semiprune {

BenchmarkSource BenchmarkSource::fromFolder(const QString &root, JobContext &job)
{
    const QFileInfo info(root);
    if (!info.isDir())
        throw Error(QCoreApplication::translate("Benchmark", "%1 is not a folder.").arg(root));
    const FolderScan scan = scanFolder(root, job);
    if (!scan.hasClassFolders || scan.hasSplitFolders)
        throw Error(QCoreApplication::translate(
            "Benchmark", "%1 must hold one sub-folder per class with the images in it (an ImageFolder tree).")
                        .arg(root));
    const QHash<QString, QString> realNames = readClassNamesFile(root);
    std::map<QString, std::vector<const ScannedFile *>> byClass;
    for (const ScannedFile &file : scan.files) {
        if (!file.folderClass.isEmpty() && file.problem.isEmpty())
            byClass[realNames.value(file.folderClass, file.folderClass)].push_back(&file);
    }
    BenchmarkSource source;
    source.m_origin = info.canonicalFilePath();
    const QDir dir(source.m_origin);
    for (const auto &[name, files] : byClass) {
        const int label = int(source.m_classNames.size());
        source.m_classNames << name;
        for (const ScannedFile *file : files) {
            source.m_files.push_back(QFileInfo(dir.filePath(file->path)).canonicalFilePath());
            source.m_labels.push_back(label);
        }
    }
    if (source.m_classNames.size() < 2)
        throw Error(
            QCoreApplication::translate("Benchmark", "%1 has fewer than two class folders with readable images.")
                .arg(root));
    return source;
}

BenchmarkSource BenchmarkSource::fromIdx(const QString &imagesPath, const QString &labelsPath, QStringList classNames)
{
    const IdxArray images = readIdxFile(imagesPath);
    const IdxArray labels = readIdxFile(labelsPath);
    if (images.dims.size() != 3 || labels.dims.size() != 1)
        throw Error(QCoreApplication::translate("Benchmark", "%1 must hold images (idx3) and %2 labels (idx1).")
                        .arg(imagesPath, labelsPath));
    if (images.itemCount() != labels.itemCount())
        throw Error(QCoreApplication::translate("Benchmark", "%1 has %2 images but %3 has %4 labels.")
                        .arg(imagesPath)
                        .arg(images.itemCount())
                        .arg(labelsPath)
                        .arg(labels.itemCount()));
    BenchmarkSource source;
    source.m_origin = QFileInfo(imagesPath).canonicalFilePath();
    source.m_height = images.dims[1];
    source.m_width = images.dims[2];
    source.m_pixels = images.data;
    int maxLabel = 0;
    for (qint64 i = 0; i < labels.itemCount(); ++i) {
        source.m_labels.push_back(int(quint8(labels.data[int(i)])));
        maxLabel = std::max(maxLabel, source.m_labels.back());
    }
    if (classNames.isEmpty())
        classNames = presetClassNamesForPath(imagesPath);
    if (classNames.isEmpty()) {
        for (int c = 0; c <= maxLabel; ++c)
            classNames << QString::number(c);
    }
    if (maxLabel >= classNames.size())
        throw Error(QCoreApplication::translate("Benchmark", "%1 has label %2, but only %3 class names are known.")
                        .arg(labelsPath)
                        .arg(maxLabel)
                        .arg(classNames.size()));
    source.m_classNames = classNames;
    return source;
}

std::vector<int> BenchmarkSource::countsPerClass() const
{
    std::vector<int> counts(std::size_t(m_classNames.size()), 0);
    for (int label : m_labels)
        ++counts[std::size_t(label)];
    return counts;
}

QString BenchmarkSource::identity(int index) const
{
    if (!m_files.empty())
        return m_files[std::size_t(index)];
    return m_origin + QLatin1Char('#') + QString::number(index);
}

QString BenchmarkSource::describe() const
{
    return m_origin;
}

cv::Mat BenchmarkSource::image(int index) const
{
    if (!m_files.empty()) {
        const DecodedImage decoded = decodeImage(m_files[std::size_t(index)]);
        if (!decoded.ok())
            throw Error(QCoreApplication::translate("Benchmark", "%1 cannot be read: %2")
                            .arg(m_files[std::size_t(index)], decoded.problem));
        return decoded.pixels;
    }
    const std::size_t size = std::size_t(m_width) * m_height;
    cv::Mat view(m_height, m_width, CV_8UC1, const_cast<char *>(m_pixels.constData()) + size * std::size_t(index));
    return view.clone();
}

QString BenchmarkSource::writeTo(int index, const QString &targetWithoutExtension) const
{
    if (!m_files.empty()) {
        const QString &file = m_files[std::size_t(index)];
        const QString suffix = QFileInfo(file).suffix();
        const QString target
            = suffix.isEmpty() ? targetWithoutExtension : targetWithoutExtension + QLatin1Char('.') + suffix;
        if (!QFile::copy(file, target))
            throw Error(QCoreApplication::translate("Benchmark", "%1 cannot be copied to %2.").arg(file, target));
        return target;
    }
    const QString target = targetWithoutExtension + QStringLiteral(".png");
    if (!cv::imwrite(target.toStdString(), image(index)))
        throw Error(QCoreApplication::translate("Benchmark", "%1 cannot be written.").arg(target));
    return target;
}

void requireSameClasses(const BenchmarkSource &train, const BenchmarkSource &test)
{
    if (train.classNames() == test.classNames())
        return;
    QStringList onlyTrain, onlyTest;
    for (const QString &name : train.classNames())
        if (!test.classNames().contains(name))
            onlyTrain << name;
    for (const QString &name : test.classNames())
        if (!train.classNames().contains(name))
            onlyTest << name;
    throw Error(QCoreApplication::translate(
        "Benchmark", "The test set's classes differ from the training set's: only in training: %1; only in test: %2.")
                    .arg(onlyTrain.isEmpty() ? QStringLiteral("-") : onlyTrain.join(QStringLiteral(", ")),
                        onlyTest.isEmpty() ? QStringLiteral("-") : onlyTest.join(QStringLiteral(", "))));
}

} // namespace semiprune

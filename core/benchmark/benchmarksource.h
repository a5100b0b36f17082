#pragma once

#include <QString>
#include <QStringList>

#include <opencv2/core.hpp>

#include <vector>

namespace semiprune {

class JobContext;

// One labeled split of a benchmark data set (its training or its test part): an ImageFolder tree
// (one sub-folder per class) or a pair of IDX files. Knows each image's class, where it comes from
// (its identity, used to prove that test images never reach training) and how to read it.
//
// Thread rules: a plain value; image() may be called from several threads at once.
class BenchmarkSource final {
public:
    // Class names are the sub-folder names (the names file beside them when a converter wrote one),
    // sorted. Throws Error for a missing folder or one without class sub-folders.
    static BenchmarkSource fromFolder(const QString &root, JobContext &job);
    // Class names: `classNames` when given, a known preset for the file (Fashion-MNIST, MNIST),
    // else the label numbers. Throws Error for unreadable files or counts that do not match.
    static BenchmarkSource fromIdx(const QString &imagesPath, const QString &labelsPath, QStringList classNames = {});

    int count() const { return int(m_labels.size()); }
    const QStringList &classNames() const { return m_classNames; }
    const std::vector<int> &labels() const { return m_labels; }
    int label(int index) const { return m_labels[std::size_t(index)]; }
    std::vector<int> countsPerClass() const;
    // Where the image comes from: the canonical file path, or the IDX file with the item number.
    QString identity(int index) const;
    QString describe() const; // the folder or the images file, for the report

    // The decoded pixels (8 bits, 1 or 3 channels); throws Error when the image cannot be read.
    cv::Mat image(int index) const;
    // Places the image at `target` + its extension (a copy of the file, or a PNG for IDX data) and
    // returns the path written. Throws Error when it cannot be written.
    QString writeTo(int index, const QString &targetWithoutExtension) const;

private:
    QString m_origin;
    QStringList m_classNames;
    std::vector<int> m_labels;
    std::vector<QString> m_files; // folder data: absolute, canonical paths
    QByteArray m_pixels; // IDX data: every image, row-major
    int m_width = 0;
    int m_height = 0;
};

// Throws Error, naming the differences, when the test split's classes are not the training
// split's classes.
void requireSameClasses(const BenchmarkSource &train, const BenchmarkSource &test);

} // namespace semiprune

#pragma once

#include "learning/imagebank.h"

#include <QFile> // ImageBank moves a std::unique_ptr<QFile>

#include <QSet>
#include <QString>
#include <QStringList>

#include <vector>

namespace semiprune {

class BenchmarkSource;
class JobContext;
struct CoresetModel;

// Decodes images of a benchmark source into a bank at the training shape.
ImageBank decodeBank(const BenchmarkSource &source, const std::vector<int> &indices, int width, int height,
    int channels, JobContext &job);

// Throws Error naming the first of `identities` (pool or validation sources) that is an image of
// the test split: a benchmark checks this before it writes or trains anything.
void requireNoTestImages(const BenchmarkSource &test, const QStringList &identities, const QString &what);

// The test split of a benchmark, kept where training cannot reach it: the bank is private and the
// only thing it answers is a trained model's accuracy. Whatever trains is handed its bank first
// (requireNotTestBank), so the test images cannot become training data by a slip of the code.
//
// Thread rules: one thread.
class HeldOutTestSet final {
public:
    HeldOutTestSet(const BenchmarkSource &test, int width, int height, int channels, JobContext &job);

    int count() const { return m_bank.count(); }
    // Throws Error when `bank` is the test bank: trainers and the beta search call this with
    // whatever they are about to learn from.
    void requireNotTestBank(const ImageBank &bank) const;
    // Top-1 accuracy of a trained model on the test images; labelMap turns the source's labels
    // into the model's class indices.
    double accuracyOf(const CoresetModel &model, const std::vector<int> &labelMap) const;
    // The best of the model's epochs on the test images (CoresetModel::bestEpochEvaluate): an
    // optimistic figure, reported beside the final epoch's and never used to choose anything.
    // finalAccuracy: accuracyOf()'s answer for the same model.
    double bestEpochAccuracyOf(const CoresetModel &model, const std::vector<int> &labelMap, double finalAccuracy) const;

private:
    std::vector<int> mappedLabels(const std::vector<int> &labelMap) const;

    ImageBank m_bank;
    std::vector<int> m_labels; // the source's labels
};

} // namespace semiprune

#include "benchmark/heldouttestset.h"

#include "benchmark/benchmarksource.h"
#include "benchmark/coresettrainer.h"
#include "common/error.h"
#include "jobs/jobcontext.h"

#include <QCoreApplication>

namespace semiprune {

ImageBank decodeBank(const BenchmarkSource &source, const std::vector<int> &indices, int width, int height,
    int channels, JobContext &job)
{
    ImageBank bank(width, height, channels);
    bank.reserve(int(indices.size()));
    for (int index : indices) {
        if (job.isCancelled())
            throw JobCancelled();
        bank.add(source.image(index));
    }
    bank.finishAdding();
    return bank;
}

namespace {

std::vector<int> allIndices(int count)
{
    std::vector<int> indices(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        indices[std::size_t(i)] = i;
    return indices;
}

} // namespace

void requireNoTestImages(const BenchmarkSource &test, const QStringList &identities, const QString &what)
{
    QSet<QString> testImages;
    for (int i = 0; i < test.count(); ++i)
        testImages.insert(test.identity(i));
    for (const QString &identity : identities) {
        if (testImages.contains(identity))
            throw Error(QCoreApplication::translate("Benchmark",
                "The test image %1 is also in the %2: test images must never be trained on or used to choose beta.")
                            .arg(identity, what));
    }
}

HeldOutTestSet::HeldOutTestSet(const BenchmarkSource &test, int width, int height, int channels, JobContext &job)
    : m_bank(decodeBank(test, allIndices(test.count()), width, height, channels, job)), m_labels(test.labels())
{
}

void HeldOutTestSet::requireNotTestBank(const ImageBank &bank) const
{
    if (&bank == &m_bank)
        throw Error(
            QCoreApplication::translate("Benchmark", "Internal error: the test images were about to be trained on."));
}

std::vector<int> HeldOutTestSet::mappedLabels(const std::vector<int> &labelMap) const
{
    std::vector<int> labels;
    labels.reserve(m_labels.size());
    for (int label : m_labels)
        labels.push_back(labelMap[std::size_t(label)]);
    return labels;
}

double HeldOutTestSet::accuracyOf(const CoresetModel &model, const std::vector<int> &labelMap) const
{
    return model.evaluate(m_bank, mappedLabels(labelMap));
}

double HeldOutTestSet::bestEpochAccuracyOf(
    const CoresetModel &model, const std::vector<int> &labelMap, double finalAccuracy) const
{
    return model.bestEpochEvaluate(m_bank, mappedLabels(labelMap), finalAccuracy);
}

} // namespace semiprune

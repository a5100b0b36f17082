#include "benchmark/coresettrainer.h"

#include "benchmark/benchmarksettings.h"
#include "benchmark/heldouttestset.h"
#include "jobs/jobcontext.h"
#include "learning/supervisedtrainer.h"
#include "learning/trainerconfigs.h"

#include <QDir>

#include <algorithm>

namespace semiprune {

namespace {

QString epochFile(const QString &folder, int epoch)
{
    return QDir(folder).filePath(QStringLiteral("epoch-%1.pt").arg(epoch));
}

} // namespace

CoresetTrainer::CoresetTrainer(const ImageBank &bank, const std::vector<int> &trueLabels, int classCount,
    const BenchmarkSettings &settings, const HeldOutTestSet &testSet, JobContext &job)
    : m_bank(bank), m_labels(trueLabels), m_classCount(classCount), m_settings(settings), m_job(job)
{
    testSet.requireNotTestBank(bank); // the one place every benchmark model learns from
}

double CoresetModel::evaluate(const ImageBank &bank, const std::vector<int> &labels) const
{
    if (onlyClass < 0)
        return model.evaluate(bank, labels);
    int counted = 0, right = 0;
    for (int label : labels) {
        if (label < 0)
            continue;
        ++counted;
        right += label == onlyClass ? 1 : 0;
    }
    return counted ? double(right) / counted : 0.0;
}

double CoresetModel::bestEpochEvaluate(
    const ImageBank &bank, const std::vector<int> &labels, double finalAccuracy) const
{
    double best = finalAccuracy;
    for (qsizetype epoch = 0; epoch + 1 < epochFiles.size(); ++epoch) // the last file is the final model
        best = std::max(best, Model::load(epochFiles[epoch], device).evaluate(bank, labels));
    return best;
}

CoresetModel CoresetModel::fromFolder(const QString &folder, int epochs, int onlyClass, DeviceChoice device)
{
    if (onlyClass >= 0)
        return CoresetModel { Model(), onlyClass, {}, device };
    QStringList files;
    for (int epoch = 1; epoch <= epochs; ++epoch)
        files << epochFile(folder, epoch);
    return CoresetModel { Model::load(files.back(), device), -1, files, device }; // load() names a missing file
}

CoresetModel CoresetTrainer::train(
    const std::vector<int> &indices, double keepRatio, std::uint64_t seed, const QString &epochFolder)
{
    m_lastImagesPerSecond = 0;
    const SupervisedConfig config = coresetConfigFor(
        m_settings.training, m_settings.finalEpochs, BenchmarkSettings::finalBatchFor(keepRatio), seed);
    std::vector<int> labels;
    labels.reserve(indices.size());
    for (int index : indices)
        labels.push_back(m_labels[std::size_t(index)]);
    if (!labels.empty()
        && std::all_of(labels.begin(), labels.end(), [&](int label) { return label == labels.front(); }))
        return CoresetModel { Model(), labels.front(), {}, config.device };
    SupervisedTrainer trainer(m_bank, indices, std::move(labels), m_classCount, config);
    trainer.setCancelFlag(m_job.cancelFlag());
    double imagesPerSecond = 0;
    trainer.setMetricsCallback([&](const SupervisedMetrics &m) { imagesPerSecond = m.imagesPerSecond; });
    QStringList epochFiles;
    if (!epochFolder.isEmpty()) {
        trainer.setEpochCallback([&](int epoch, const std::vector<EpochRecord> &) {
            epochFiles << epochFile(epochFolder, epoch + 1);
            trainer.model().save(epochFiles.back());
        });
    }
    if (trainer.run() == TrainingOutcome::Cancelled)
        throw JobCancelled();
    m_lastImagesPerSecond = imagesPerSecond;
    return CoresetModel { trainer.model(), -1, epochFiles, config.device };
}

} // namespace semiprune

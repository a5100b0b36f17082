#pragma once

#include "learning/model.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace semiprune {

class HeldOutTestSet;
class ImageBank;
class JobContext;
struct BenchmarkSettings;

// A model trained on a coreset. A coreset whose images all have one class (a hard cutoff can make
// one from a tiny pool) cannot train a classifier: it stands for the constant prediction of that
// class, which is what any model trained on it would answer.
struct CoresetModel
{
    Model model;
    int onlyClass = -1;
    // Top-1 accuracy against labels (one per bank image; entries < 0 skipped).
    double evaluate(const ImageBank &bank, const std::vector<int> &labels) const;
};

// Stage 7's training: a fresh network on a subset of a bank with the subset's true labels, the
// proxy recipe (SGD with Nesterov momentum, cosine decay, crop and flip), the same number of epochs
// for every keep ratio and the batch size that ratio calls for. Keeps the throughput it measured.
//
// Thread rules: one worker thread.
class CoresetTrainer final
{
public:
    CoresetTrainer(const ImageBank &bank, const std::vector<int> &trueLabels, int classCount,
                   const BenchmarkSettings &settings, const HeldOutTestSet &testSet, JobContext &job);

    // indices: images of the bank; keepRatio chooses the batch size. Throws JobCancelled on cancel.
    CoresetModel train(const std::vector<int> &indices, double keepRatio, std::uint64_t seed);

    double meanImagesPerSecond() const { return m_trainings ? m_imagesPerSecondSum / m_trainings : 0.0; }
    double seconds() const { return m_seconds; }

private:
    const ImageBank &m_bank;
    const std::vector<int> &m_labels;
    int m_classCount;
    const BenchmarkSettings &m_settings;
    JobContext &m_job;
    double m_imagesPerSecondSum = 0;
    int m_trainings = 0;
    double m_seconds = 0;
};

ModelKind benchmarkModelKind(const QString &name);
DeviceChoice benchmarkDeviceChoice(const QString &name);

} // namespace semiprune

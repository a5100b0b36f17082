#pragma once

#include "learning/model.h"

#include <QString>
#include <QStringList>

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
struct CoresetModel {
    Model model;
    int onlyClass = -1;
    // The model after each epoch, in order (the last is `model`), when the training kept them.
    QStringList epochFiles;
    DeviceChoice device = DeviceChoice::Auto; // where the epoch files are loaded to

    // Top-1 accuracy against labels (one per bank image; entries < 0 skipped).
    double evaluate(const ImageBank &bank, const std::vector<int> &labels) const;
    // The highest accuracy any epoch's model reaches on these labels: optimistic by construction,
    // since the epoch is chosen on the very labels it is measured on. finalAccuracy is evaluate()'s
    // answer for the same labels (the last epoch is not measured twice). Without epoch files, that.
    double bestEpochEvaluate(const ImageBank &bank, const std::vector<int> &labels, double finalAccuracy) const;

    // A model that train() kept in `folder`; throws Error when its files are missing.
    static CoresetModel fromFolder(const QString &folder, int epochs, int onlyClass, DeviceChoice device);
};

// Stage 7's training: a fresh network on a subset of a bank with the subset's true labels, the
// proxy recipe (SGD with Nesterov momentum, cosine decay, crop and flip), the same number of epochs
// for every keep ratio and the batch size that ratio calls for. Keeps the throughput it measured.
//
// Thread rules: one worker thread.
class CoresetTrainer final {
public:
    CoresetTrainer(const ImageBank &bank, const std::vector<int> &trueLabels, int classCount,
        const BenchmarkSettings &settings, const HeldOutTestSet &testSet, JobContext &job);

    // indices: images of the bank; keepRatio chooses the batch size. With an epochFolder, the model
    // after every epoch is saved there (epochFiles). Throws JobCancelled on cancel.
    CoresetModel train(
        const std::vector<int> &indices, double keepRatio, std::uint64_t seed, const QString &epochFolder = {});

    // Training throughput of the last train() (0 when it needed no training).
    double lastImagesPerSecond() const { return m_lastImagesPerSecond; }

private:
    const ImageBank &m_bank;
    const std::vector<int> &m_labels;
    int m_classCount;
    const BenchmarkSettings &m_settings;
    JobContext &m_job;
    double m_lastImagesPerSecond = 0;
};

} // namespace semiprune

#pragma once

// Tiny synthetic data and settings for the tests that train networks (tst_engine, tst_distributed).

#include "common/random.h"
#include "learning/fixmatchtrainer.h"
#include "learning/imagebank.h"
#include "learning/model.h"
#include "learning/supervisedtrainer.h"

#include <QtGlobal>

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

namespace semiprune {

// Four classes of 16x16 gray shapes at random places, sizes and contrast, over noise: a horizontal
// bar, a vertical bar, a hollow square and a filled disc.
struct ShapeSet {
    ImageBank bank { 16, 16, 1 };
    std::vector<int> labels;
};

inline ShapeSet makeShapes(int count, std::uint64_t seed, int side = 16)
{
    ShapeSet set { ImageBank(side, side, 1), {} };
    TrainingRng rng(seed);
    cv::Mat image(side, side, CV_8UC1);
    for (int i = 0; i < count; ++i) {
        const int cls = i % 4;
        const double background = rng.uniform(20, 90);
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < side; ++x)
                image.at<uchar>(y, x) = cv::saturate_cast<uchar>(background + rng.normal() * 18.0);
        const cv::Scalar ink = cv::Scalar::all(rng.uniform(150, 250));
        const int cx = rng.between(5, side - 6);
        const int cy = rng.between(5, side - 6);
        const int r = rng.between(3, 4);
        switch (cls) {
        case 0:
            cv::rectangle(image, cv::Point(cx - r - 1, cy - 1), cv::Point(cx + r + 1, cy), ink, cv::FILLED);
            break;
        case 1:
            cv::rectangle(image, cv::Point(cx - 1, cy - r - 1), cv::Point(cx, cy + r + 1), ink, cv::FILLED);
            break;
        case 2:
            cv::rectangle(image, cv::Point(cx - r, cy - r), cv::Point(cx + r, cy + r), ink, 1);
            break;
        default:
            cv::circle(image, cv::Point(cx, cy), r - 1, ink, cv::FILLED);
            break;
        }
        set.bank.add(image);
        set.labels.push_back(cls);
    }
    return set;
}

// One LibTorch thread unless SEMIPRUNE_TEST_THREADS says otherwise: the tensors here are tiny, and on
// a CI machine shared with other jobs OpenMP threads that spin-wait for a descheduled sibling made the
// tests 2-3 times slower than one thread.
inline int testThreads()
{
    bool ok = false;
    const int threads = qEnvironmentVariableIntValue("SEMIPRUNE_TEST_THREADS", &ok);
    return ok && threads > 0 ? threads : 1;
}

inline FixMatchConfig tinyFixMatch(int steps)
{
    FixMatchConfig c;
    c.batchSize = 8;
    c.mu = 4;
    c.steps = steps;
    c.device = DeviceChoice::Cpu;
    c.threads = testThreads();
    c.evaluateEvery = 0;
    c.checkpointEvery = 0;
    return c;
}

inline SupervisedConfig tinySupervised(int epochs)
{
    SupervisedConfig c;
    c.epochs = epochs;
    c.batchSize = 32;
    c.learningRate = 0.05;
    c.device = DeviceChoice::Cpu;
    c.threads = testThreads();
    return c;
}

inline std::vector<float> flatParameters(const Model &model, const ImageBank &probe)
{
    // The probabilities on a fixed probe are a function of every parameter and buffer.
    return model.predict(probe).probabilities();
}

inline float maxDifference(const std::vector<float> &a, const std::vector<float> &b)
{
    if (a.size() != b.size())
        return INFINITY;
    float worst = 0.0f;
    for (std::size_t i = 0; i < a.size(); ++i)
        worst = std::max(worst, std::abs(a[i] - b[i]));
    return worst;
}

// A labeled seed of `perClass` images of each class from the first images of a set.
inline void seedOf(const ShapeSet &set, int perClass, std::vector<int> &indices, std::vector<int> &labels)
{
    std::vector<int> taken(4, 0);
    for (int i = 0; i < set.bank.count(); ++i) {
        const int cls = set.labels[std::size_t(i)];
        if (taken[std::size_t(cls)] < perClass) {
            ++taken[std::size_t(cls)];
            indices.push_back(i);
            labels.push_back(cls);
        }
    }
}

} // namespace semiprune

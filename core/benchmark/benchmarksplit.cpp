#include "benchmark/benchmarksplit.h"

#include "benchmark/benchmarksettings.h"
#include "benchmark/benchmarksource.h"
#include "common/error.h"
#include "common/random.h"

#include <QCoreApplication>

#include <algorithm>

namespace semiprune {

int balancedShare(int total, int classes)
{
    return (total + classes - 1) / classes;
}

BenchmarkSplit carveSplit(const BenchmarkSource &train, const BenchmarkSettings &settings)
{
    const int classes = int(train.classNames().size());
    std::vector<std::vector<int>> byClass(static_cast<std::size_t>(classes));
    for (int i = 0; i < train.count(); ++i)
        byClass[std::size_t(train.label(i))].push_back(i);

    // Equal validation shares; the remainder goes one each to the first classes.
    SelectionRng rng(settings.training.seed * 7919 + 17);
    BenchmarkSplit split;
    std::vector<int> rest;
    for (int c = 0; c < classes; ++c) {
        auto &images = byClass[std::size_t(c)];
        const int share = settings.validationSize / classes + (c < settings.validationSize % classes ? 1 : 0);
        if (int(images.size()) < share) {
            throw Error(QCoreApplication::translate(
                "Benchmark", "Class \"%1\" has %2 training images, too few for its %3 images of the validation split.")
                            .arg(train.classNames()[c])
                            .arg(images.size())
                            .arg(share));
        }
        rng.partialShuffle(images, std::size_t(share));
        split.validation.insert(split.validation.end(), images.begin(), images.begin() + share);
        rest.insert(rest.end(), images.begin() + share, images.end());
    }
    std::sort(rest.begin(), rest.end());
    if (settings.poolSize > 0 && settings.poolSize < int(rest.size())) {
        rng.partialShuffle(rest, std::size_t(settings.poolSize));
        rest.resize(std::size_t(settings.poolSize));
    } else if (settings.poolSize > int(rest.size())) {
        throw Error(QCoreApplication::translate("Benchmark",
            "A pool of %1 images was asked for, but only %2 training images remain after the validation split.")
                        .arg(settings.poolSize)
                        .arg(rest.size()));
    }
    split.pool = rest;
    std::sort(split.pool.begin(), split.pool.end());
    std::sort(split.validation.begin(), split.validation.end());

    std::vector<int> poolCounts(std::size_t(classes), 0);
    for (int i : split.pool)
        ++poolCounts[std::size_t(train.label(i))];
    const int seedShare = balancedShare(settings.seedBudget, classes) * settings.repetitions;
    for (int c = 0; c < classes; ++c) {
        if (poolCounts[std::size_t(c)] <= seedShare) {
            throw Error(QCoreApplication::translate("Benchmark",
                "Class \"%1\" has %2 images in the pool, too few for class-balanced seeds of %3 images "
                "in %4 repetitions (%5 of that class, and some left unlabeled).")
                            .arg(train.classNames()[c])
                            .arg(poolCounts[std::size_t(c)])
                            .arg(settings.seedBudget)
                            .arg(settings.repetitions)
                            .arg(seedShare));
        }
    }
    return split;
}

} // namespace semiprune

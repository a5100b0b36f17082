#pragma once

#include <vector>

namespace semiprune {

class BenchmarkSource;
struct BenchmarkSettings;

// How a benchmark divides the training split: a class-balanced labeled validation split (to choose
// beta on, never the test set) and the pool the method prunes, a uniform random subset of the rest
// when the settings ask for fewer images. Indices into the training source, ascending.
struct BenchmarkSplit {
    std::vector<int> validation;
    std::vector<int> pool;
};

// Deterministic for the settings' first seed. Throws Error, before any training, when a class has
// too few images for its share of the validation split, or the pool too few of a class for the
// class-balanced seeds of every repetition (each repetition draws a new seed).
BenchmarkSplit carveSplit(const BenchmarkSource &train, const BenchmarkSettings &settings);

// Images of every class a class-balanced draw of `total` over `classes` classes needs at most.
int balancedShare(int total, int classes);

} // namespace semiprune

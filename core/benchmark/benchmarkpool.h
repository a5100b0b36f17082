#pragma once

#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace semiprune {

class BenchmarkJournal;
class BenchmarkSource;
class JobContext;
class Project;

// The benchmark's pool as a user would bring it: the training images `pool` (indices of `train`)
// written to <output>/pool as an ImageFolder tree and imported into <output>/benchmark.semiprune
// with their labels hidden, the classes in the data set's order. Once the journal records the pool,
// a resumed benchmark opens the project instead; before that, whatever a stop left of the pool and
// the project is made again. Throws JobCancelled on cancel and Error when a file cannot be written.
std::unique_ptr<Project> openOrWritePool(const BenchmarkSource &train, const std::vector<int> &pool,
    const QString &outputFolder, BenchmarkJournal &journal, JobContext &job,
    const std::function<void(const QString &line)> &log);

} // namespace semiprune

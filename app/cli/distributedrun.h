#pragma once

#include <QString>

#include <functional>
#include <memory>

namespace semiprune {
class DistributedGroup;
struct PipelineSettings;
}

namespace semiprune::cli {

// The group this process is a rank of, joined from the launch variables (WORLD_SIZE, RANK, ...;
// LaunchEnvironment), or nullptr for a plain run (no WORLD_SIZE, or a world of one). `agreement`
// is what every rank must run alike: the command and its settings.
std::shared_ptr<DistributedGroup> joinFromEnvironment(const QString &agreement);

// Rank 0: runs `work`, then releases the other ranks, or tells them why it failed.
void leadRun(DistributedGroup &group, const std::function<void()> &work);

// Every other rank: opens the project read-only, decodes its images when rank 0 first asks for a
// training, and trains in step with rank 0 until it is done. Writes nothing; prints only errors.
void followRun(
    const std::shared_ptr<DistributedGroup> &group, const QString &projectFile, const PipelineSettings &settings);

} // namespace semiprune::cli

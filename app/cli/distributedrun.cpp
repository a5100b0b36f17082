#include "distributedrun.h"

#include "output.h"

#include "common/error.h"
#include "distributed/distributedgroup.h"
#include "distributed/launchenvironment.h"
#include "jobs/jobcontext.h"
#include "jobs/pipelinesettings.h"
#include "learning/trainingfollower.h"
#include "pipeline/trainingset.h"
#include "storage/project.h"

#include <QCoreApplication>

#include <optional>

namespace semiprune::cli {

std::shared_ptr<DistributedGroup> joinFromEnvironment(const QString &agreement)
{
    const std::optional<LaunchEnvironment> environment = LaunchEnvironment::fromProcess();
    if (!environment || environment->worldSize == 1)
        return nullptr;
    return DistributedGroup::join(*environment, agreement);
}

void leadRun(DistributedGroup &group, const std::function<void()> &work)
{
    // The followers wait for orders as long as rank 0 needs: whatever ends this run must tell them.
    const auto tellFollowers = [&](const QString &reason) {
        try {
            abortFollowers(group, reason);
        } catch (const Error &) {
            // They are gone already (the reason this run failed, most likely).
        }
    };
    try {
        work();
    } catch (const Error &error) {
        tellFollowers(error.message());
        throw;
    } catch (const JobCancelled &) {
        tellFollowers(QCoreApplication::translate("Distributed", "the run was cancelled."));
        throw;
    } catch (const std::exception &error) {
        tellFollowers(QString::fromLocal8Bit(error.what()).section(QLatin1Char('\n'), 0, 0));
        throw;
    }
    releaseFollowers(group);
}

void followRun(
    const std::shared_ptr<DistributedGroup> &group, const QString &projectFile, const PipelineSettings &settings)
{
    const auto project = Project::openForReading(projectFile);
    std::optional<TrainingSet> set;
    runWithProgress(true, [&](JobContext &job) {
        followLeader(
            group,
            [&]() -> const ImageBank & {
                set = loadTrainingSet(*project, job, imageMemoryBudget(settings.training));
                return *set->bank;
            },
            job.cancelFlag());
    });
}

} // namespace semiprune::cli

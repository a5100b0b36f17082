#pragma once

#include "common/ids.h"

namespace semiprune {

class JobContext;
class Project;
struct PipelineSettings;

// Stage 5: AUM, forgetting, EL2N and DUAL (and DUAL's mean confidence) for every image of a
// finished dynamics run, stored as a "scores" run. Reuses an earlier scores run of the same
// dynamics. Returns the scores run.
RunId computeScoresFor(Project &project, const PipelineSettings &settings, RunId dynamicsRun, JobContext &job);

} // namespace semiprune

#pragma once

#include "common/ids.h"
#include "selection/selection.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace semiprune {

class Database;
class JobContext;
class Project;
struct PipelineSettings;

struct SelectionOutcome {
    qint64 selectionId = 0;
    QString selectionName;
    qint64 kept = 0;
    qint64 total = 0;
    double beta = -1;
    // The classes (by the labels the proxy run trained on) of which the selection keeps no image:
    // a coreset that drops a class silently is a coreset nobody should trust, so callers say so.
    QStringList classesWithoutKept;
};

// Stage 6: selects a coreset from a scores run with the settings' selector, keep ratio and beta
// (the default beta for the keep ratio when none is given), optionally forcing every human-labeled
// image in,
// and stores it under a name (replacing an older selection of that name).
SelectionOutcome selectFrom(Project &project, const PipelineSettings &settings, RunId scoresRun, JobContext &job);

// The default name of a selection: method and keep ratio, e.g. "cutoff-keep30".
QString defaultSelectionName(const PipelineSettings &settings);

// The proxy (dynamics) run a finished scores run scored; throws Error when scoresRun is not one.
RunId dynamicsRunOf(Database &db, RunId scoresRun);

// One flag per image: whether a person labeled it (the seed, and any other).
std::vector<bool> humanLabeledMask(Database &db, const std::vector<ImageId> &images);

// The selectors that rank by settings.score with a hard cutoff (the cutoff, the class-aware cutoff
// and CCS), with `beta` and the settings' keep ratio, over scores and labels in image order;
// `forced`: empty or a flag per image kept whatever its score. Throws Error for another selector.
Selection selectByScore(const PipelineSettings &settings, const std::vector<double> &scores,
    const std::vector<int> &labels, double beta, const std::vector<bool> &forced = {});

// A scores run's values of one kind ("aum", ...) in the order of `images`; throws Error when an
// image has none.
std::vector<double> scoresInOrder(
    Database &db, RunId scoresRun, const QString &kind, const std::vector<ImageId> &images);

} // namespace semiprune

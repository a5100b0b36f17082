#include "jobs/labelsuggestionjob.h"

#include "common/error.h"
#include "selection/labelsuggestion.h"
#include "storage/imagetable.h"
#include "storage/labeltable.h"
#include "storage/project.h"
#include "storage/resulttables.h"
#include "storage/runtable.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace semiprune {

namespace {

double marginOf(const std::vector<float> &probabilities)
{
    float first = 0, second = 0;
    for (float p : probabilities) {
        if (p > first) {
            second = first;
            first = p;
        } else if (p > second) {
            second = p;
        }
    }
    return double(first) - double(second);
}

} // namespace

std::vector<LabelSuggestion> suggestLabels(Project &project, int count)
{
    Database &db = project.db();
    RunTable runs(db);
    const auto dynamics = runs.latestFinished(QStringLiteral("dynamics"));
    const auto pseudo = runs.latestFinished(QStringLiteral("pseudo-label"));
    const FeatureMatrix features = dynamics ? FeatureTable(db).load(dynamics->id) : FeatureMatrix();
    if (!dynamics || !pseudo || features.isEmpty())
        throw Error(QCoreApplication::translate("LabelSuggestion",
            "There is no finished run with pseudo-labels and image features yet: run the pipeline first, then "
            "ask which images to label next."));
    const std::vector<ImageId> images = runs.images(dynamics->id);
    QHash<ImageId, double> margins;
    for (const PredictionRecord &p : PredictionTable(db).forRun(pseudo->id, true))
        margins.insert(p.image, marginOf(p.probabilities));
    LabelTable labelTable(db);
    std::vector<double> margin;
    std::vector<bool> labeled;
    for (ImageId image : images) {
        // An image without a pseudo-label has a human label (the pipeline labels every other one).
        margin.push_back(margins.value(image, 1.0));
        labeled.push_back(labelTable.find(image).has_value());
    }
    ImageTable imageTable(db);
    std::vector<LabelSuggestion> suggestions;
    for (int index : suggestImagesToLabel(margin, features, labeled, count)) {
        const ImageId image = images[std::size_t(index)];
        const auto record = imageTable.find(image);
        suggestions.push_back(LabelSuggestion { image, record ? record->path : QString(), margin[std::size_t(index)] });
    }
    return suggestions;
}

} // namespace semiprune

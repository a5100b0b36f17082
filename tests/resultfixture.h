#pragma once

// A tiny project with everything a finished pipeline leaves behind, written through core's tables:
// twelve 16x16 images, three classes, a seed and an override, pseudo-labels with probabilities,
// the four difficulty scores and a selection. The numbers follow simple rules of the image's index
// (below), so a test can say what the inspector, the review and the export must show.
//
//   image i (img00..img11): pseudo-label class i % 3 with confidence 0.30 + 0.05 i; the next class
//   gets 70 % of the rest and the last one 30 %. AUM 5 - i, forgetting i % 4, EL2N 0.1 i,
//   DUAL 0.01 i. Selection "fixture": even i kept (rank i / 2), odd i >= 9 dropped as hard, other
//   odd i dropped as easy. Human labels: img00 Coat (seed), img01 Shirt (seed), img02 Bag (override).

#include "testsupport.h"

#include "dataset/folderimporter.h"
#include "jobs/jobcontext.h"
#include "storage/classtable.h"
#include "storage/imagetable.h"
#include "storage/labeltable.h"
#include "storage/project.h"
#include "storage/resulttables.h"
#include "storage/runtable.h"
#include "storage/transaction.h"

#include <QDateTime>

namespace testsupport {

constexpr int kFixtureImages = 12;

inline QString fixtureImageName(int i)
{
    return QStringLiteral("img%1.png").arg(i, 2, 10, QLatin1Char('0'));
}

inline void writeResultFixture(const QString &projectFile, const QString &imageFolder)
{
    using namespace semiprune;
    for (int i = 0; i < kFixtureImages; ++i)
        writeImage(imageFolder + QLatin1Char('/') + fixtureImageName(i), 16, 16, 3, i);
    std::unique_ptr<Project> project = Project::create(projectFile, imageFolder);
    JobContext job;
    importFolder(*project, ImportOptions(), job);
    Database &db = project->db();
    ClassTable classTable(db);
    const std::vector<ClassId> classes { classTable.add(QStringLiteral("Coat")).id,
        classTable.add(QStringLiteral("Shirt")).id, classTable.add(QStringLiteral("Bag")).id };
    ImageTable images(db);
    std::vector<ImageId> ids;
    for (int i = 0; i < kFixtureImages; ++i)
        ids.push_back(images.findByPath(fixtureImageName(i))->id);

    Transaction transaction(db);
    LabelTable labels(db);
    labels.set(ids[0], classes[0], LabelSource::Seed, 1);
    labels.set(ids[1], classes[1], LabelSource::Seed, 1);
    labels.set(ids[2], classes[2], LabelSource::Override, 1);

    RunTable runs(db);
    RunRecord pseudo;
    pseudo.kind = QStringLiteral("pseudo-label");
    pseudo.fingerprint = QStringLiteral("fixture");
    const RunId pseudoRun = runs.start(pseudo);
    runs.setClasses(pseudoRun, classes);
    PredictionTable predictions(db);
    for (int i = 0; i < kFixtureImages; ++i) {
        const int c = i % 3;
        const float confidence = 0.30f + 0.05f * float(i);
        std::vector<float> probabilities(3);
        probabilities[size_t(c)] = confidence;
        probabilities[size_t((c + 1) % 3)] = (1 - confidence) * 0.7f;
        probabilities[size_t((c + 2) % 3)] = (1 - confidence) * 0.3f;
        predictions.add(pseudoRun, PredictionRecord { ids[size_t(i)], classes[size_t(c)], confidence, probabilities });
    }
    runs.finish(pseudoRun, RunState::Finished);

    RunRecord scores;
    scores.kind = QStringLiteral("scores");
    scores.fingerprint = QStringLiteral("fixture");
    const RunId scoresRun = runs.start(scores);
    std::vector<double> aum, forgetting, el2n, dual;
    for (int i = 0; i < kFixtureImages; ++i) {
        aum.push_back(5.0 - i);
        forgetting.push_back(i % 4);
        el2n.push_back(0.1 * i);
        dual.push_back(0.01 * i);
    }
    ScoreTable scoreTable(db);
    scoreTable.set(scoresRun, QStringLiteral("aum"), ids, aum);
    scoreTable.set(scoresRun, QStringLiteral("forgetting"), ids, forgetting);
    scoreTable.set(scoresRun, QStringLiteral("el2n"), ids, el2n);
    scoreTable.set(scoresRun, QStringLiteral("dual"), ids, dual);
    runs.finish(scoresRun, RunState::Finished);

    SelectionRecord selection;
    selection.run = scoresRun;
    selection.name = QStringLiteral("fixture");
    selection.method = QStringLiteral("hard-cutoff");
    selection.keepRatio = 0.5;
    selection.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    selection.kept = kFixtureImages / 2;
    selection.total = kFixtureImages;
    std::vector<SelectionItem> items;
    for (int i = 0; i < kFixtureImages; ++i) {
        const bool kept = i % 2 == 0;
        items.push_back(SelectionItem { ids[size_t(i)], kept,
            kept ? QStringLiteral("kept") : (i >= 9 ? QStringLiteral("dropped-hard") : QStringLiteral("dropped-easy")),
            kept ? i / 2 : -1 });
    }
    SelectionTable(db).save(selection, items);
    transaction.commit();
}

} // namespace testsupport

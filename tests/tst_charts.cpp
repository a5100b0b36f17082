// The Difficulty dock and the grid's filters: the selection preview follows the controls with exact
// counts, an out-of-range beta is refused and nothing is saved, histogram bars and data-map picks
// filter the grid to the right images, the browse presets and filter combinations arrange hand-made
// rows as expected, and the figures the GUI spec sets (100k rows arranged, 60k previewed) hold.

#include "testsupport.h"

#include "charts/chartgridlink.h"
#include "charts/classbalancechart.h"
#include "charts/datamapview.h"
#include "charts/difficultydata.h"
#include "charts/difficultydock.h"
#include "charts/histogram.h"
#include "charts/histogramchart.h"
#include "charts/selectioncontrols.h"
#include "charts/selectionpreview.h"
#include "dataset/folderimporter.h"
#include "grid/browsepreset.h"
#include "grid/gridarrangement.h"
#include "grid/imagegridmodel.h"
#include "grid/imagegridview.h"
#include "inspector/inspectordock.h"
#include "jobs/jobcontext.h"
#include "jobs/pipelinesettings.h"
#include "labeling/gridcontextmenu.h"
#include "mainwindow/mainwindow.h"
#include "project/browseactions.h"
#include "project/projectview.h"
#include "runs/runspanel.h"
#include "scoring/trainingdynamics.h"
#include "selection/budget.h"
#include "storage/classtable.h"
#include "storage/imagetable.h"
#include "storage/labeltable.h"
#include "storage/project.h"
#include "storage/resulttables.h"
#include "storage/runtable.h"
#include "storage/transaction.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <random>

using namespace semiprune;
using namespace semiprune::ui;

namespace {

constexpr int kImages = 20;

// Synthetic scores for kImages images: AUM floor(i / 3) (ties, so bars hold several images), two
// classes alternating, image 0 and 1 human-labeled.
DifficultyData syntheticData(int count = kImages)
{
    DifficultyData data;
    data.state = DifficultyState::Ready;
    data.classes = { ChartClass { QStringLiteral("cat"), Qt::red }, ChartClass { QStringLiteral("dog"), Qt::blue } };
    for (int i = 0; i < count; ++i) {
        data.images.push_back(ImageId { i + 1 });
        data.aum.push_back(double(i / 3));
        data.labels.push_back(i % 2);
        data.humanLabeled.push_back(i < 2);
        data.meanConfidence.push_back(float(i) / float(count));
        data.variability.push_back(0.1f + 0.01f * float(i % 5));
    }
    data.epochs = 2;
    data.seedPerClass = { 1, 1 };
    data.pseudoPerClass = { 9, 9 };
    return data;
}

std::vector<qint64> shownIds(const ImageGridModel &model)
{
    std::vector<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.push_back(model.gridRow(row).id.value);
    return ids;
}

std::vector<qint64> sorted(std::vector<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

GridRow handRow(qint64 id, double difficulty, int pseudoClass, float confidence, RowFate fate, int labelClass = -1)
{
    GridRow row;
    row.id = ImageId { id };
    row.fileName = QStringLiteral("img%1.png").arg(id);
    row.path = row.fileName;
    row.difficulty = difficulty;
    row.pseudoClass = pseudoClass;
    row.pseudoConfidence = confidence;
    row.fate = fate;
    row.labelClass = labelClass;
    if (labelClass >= 0)
        row.inSeed = true;
    return row;
}

// Six rows: ids 1..6, a mix of scored and unscored, pseudo-labeled and seed, kept and dropped.
GridData handRows()
{
    const double none = std::nan("");
    GridData data;
    data.classes = { GridClass { ClassId { 1 }, QStringLiteral("cat"), Qt::red },
        GridClass { ClassId { 2 }, QStringLiteral("dog"), Qt::blue } };
    data.rows.push_back(handRow(1, 0.50, 0, 0.90f, RowFate::Kept));
    data.rows.push_back(handRow(2, -0.80, 1, 0.40f, RowFate::DroppedHard));
    data.rows.push_back(handRow(3, none, 0, 0.20f, RowFate::None));
    data.rows.push_back(handRow(4, 0.95, -1, 0.0f, RowFate::DroppedEasy, 1));
    data.rows.push_back(handRow(5, -0.10, 1, 0.70f, RowFate::Kept));
    data.rows.push_back(handRow(6, -0.95, 0, 0.60f, RowFate::DroppedHard));
    return data;
}

std::vector<qint64> arrangedIds(const GridData &data, const GridArrangement &arrangement)
{
    std::vector<qint64> ids;
    for (int row : arrangeRows(data, arrangement, {}))
        ids.push_back(data.rows[size_t(row)].id.value);
    return ids;
}

} // namespace

class TestCharts final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void histogramRangesHoldTheirValues();
    void histogramStaysWithinItsLimits();
    void previewCountsFollowControls();
    void previewRefusesBetaOutOfRange();
    void betaOutOfRangeSavesNothing();
    void savedSelectionMatchesPreview();
    void difficultyBarFiltersGrid();
    void confidenceBarFiltersGrid();
    void dataMapPickFiltersGrid();
    void dataMapPicksUndrawnImages();
    void keepFilterIsRememberedOnReopen();
    void tuningExplainsARefusal();
    void emptyStatesSayWhatToDo();
    void presetsArrangeHandMadeRows();
    void filtersCombine();
    void fileNameSortIsNatural();
    void arrangingHundredThousandRowsIsFast();
    void previewOfSixtyThousandIsFast();
    void windowWiresDockAndPresets();
    void screenshotWithRealData();

private:
    // A project of kImages tiny images with classes, two seed labels, pseudo-labels, training
    // dynamics over two epochs, and AUM scores floor(i / 3) in the dynamics run's order.
    std::unique_ptr<Project> makeScoredProject(const QString &name, std::vector<ImageId> *order);

    QTemporaryDir m_dir;
};

std::unique_ptr<Project> TestCharts::makeScoredProject(const QString &name, std::vector<ImageId> *order)
{
    const QString images = m_dir.filePath(name + QStringLiteral("-images"));
    for (int i = 0; i < kImages; ++i)
        testsupport::writeImage(images + QStringLiteral("/img%1.png").arg(i, 2, 10, QLatin1Char('0')), 4, 4, 1, i);
    auto project = Project::create(m_dir.filePath(name + QStringLiteral(".semiprune")), images);
    JobContext job;
    ImportOptions options;
    options.labelMode = LabelMode::Hidden;
    if (importFolder(*project, options, job).added != kImages)
        qFatal("import failed");

    Database &db = project->db();
    std::vector<ImageId> ids;
    for (const ImageRecord &image : ImageTable(db).all())
        ids.push_back(image.id);
    std::sort(ids.begin(), ids.end());
    Transaction transaction(db);
    ClassTable classes(db);
    const ClassId cat = classes.add(QStringLiteral("cat")).id;
    const ClassId dog = classes.add(QStringLiteral("dog")).id;
    LabelTable labels(db);
    labels.set(ids[0], cat, LabelSource::Seed, 1);
    labels.set(ids[1], dog, LabelSource::Seed, 1);

    RunTable runs(db);
    RunRecord pseudoRun;
    pseudoRun.kind = QStringLiteral("pseudo-label");
    const RunId pseudo = runs.start(pseudoRun);
    PredictionTable predictions(db);
    std::vector<int> runLabels;
    for (int i = 0; i < kImages; ++i) {
        runLabels.push_back(i % 2);
        // Confidence 0.05 i: images 0..19 spread over [0, 0.95].
        predictions.add(pseudo, PredictionRecord { ids[size_t(i)], i % 2 ? dog : cat, 0.05f * float(i), {} });
    }
    runs.finish(pseudo, RunState::Finished);

    RunRecord dynamicsRecord;
    dynamicsRecord.kind = QStringLiteral("dynamics");
    const RunId dynamics = runs.start(dynamicsRecord);
    // The run's order differs from the id order, as after a shuffle.
    std::vector<ImageId> runOrder(ids.rbegin(), ids.rend());
    runs.setImages(dynamics, runOrder, runLabels);
    runs.setClasses(dynamics, { cat, dog });
    TrainingDynamics trainingDynamics(kImages);
    for (int epoch = 0; epoch < 2; ++epoch) {
        std::vector<EpochRecord> records(kImages);
        for (int i = 0; i < kImages; ++i)
            records[size_t(i)] = EpochRecord { 0.25f + 0.5f * float(epoch) * float(i % 2), 0.1f, 0.5f, 1 };
        trainingDynamics.appendEpoch(records);
    }
    DynamicsTable dynamicsTable(db);
    for (int epoch = 0; epoch < 2; ++epoch)
        dynamicsTable.addEpoch(dynamics, epoch, trainingDynamics.serializeEpoch(epoch));
    runs.finish(dynamics, RunState::Finished);

    RunRecord scoresRecord;
    scoresRecord.kind = QStringLiteral("scores");
    scoresRecord.parent = dynamics;
    scoresRecord.parameters = PipelineSettings {}.toJson();
    const RunId scores = runs.start(scoresRecord);
    std::vector<double> aum;
    for (int i = 0; i < kImages; ++i)
        aum.push_back(double(i / 3));
    ScoreTable(db).set(scores, QStringLiteral("aum"), runOrder, aum);
    runs.finish(scores, RunState::Finished);
    transaction.commit();
    *order = runOrder;
    return project;
}

void TestCharts::histogramRangesHoldTheirValues()
{
    std::vector<double> values;
    for (int i = 0; i < 200; ++i)
        values.push_back(std::sin(i * 0.37) * 3.1 + (i % 7) * 0.01);
    values.push_back(std::nan(""));
    const Histogram histogram = Histogram::build(values, 17, 2, [](int i) { return i % 2; });
    QVERIFY(histogram.binCount() <= 17 && histogram.binCount() >= 8);
    QVERIFY(histogram.low() <= -3.1 && histogram.high() >= 3.1);
    int counted = 0;
    for (int bin = 0; bin < histogram.binCount(); ++bin)
        counted += histogram.total(bin);
    QCOMPARE(counted, 200); // NaN left out
    for (size_t i = 0; i + 1 < values.size(); ++i) {
        const int bin = histogram.binOf(values[i]);
        QVERIFY(bin >= 0);
        // In its own bar's range and in no other.
        for (int other = 0; other < histogram.binCount(); ++other)
            QCOMPARE(histogram.rangeOf(other).contains(values[i]), other == bin);
    }
    // The largest value is in the last bar (closed at the top).
    const double largest = *std::max_element(values.begin(), values.end() - 1);
    // Bars after the largest value's (added so the axis gets round labels) are empty.
    for (int bin = histogram.binOf(largest) + 1; bin < histogram.binCount(); ++bin)
        QCOMPARE(histogram.total(bin), 0);
    QVERIFY(histogram.rangeOf(histogram.binCount() - 1).includeHigh);
    // Round edges: the width is 1, 2, 2.5 or 5 times a power of ten; here 6.2 / 17 gives 0.5.
    QCOMPARE(histogram.binWidth(), 0.5);
}

void TestCharts::histogramStaysWithinItsLimits()
{
    // Confidences from 0.3 to 1 in 30 bars: width 0.025 gives 28 bars, and the round count the
    // axis wants (30) must not run past 1.
    std::vector<double> values;
    for (int i = 0; i <= 70; ++i)
        values.push_back(0.3 + i * 0.01);
    ValueRange probability;
    probability.low = 0;
    probability.high = 1;
    const Histogram limited = Histogram::build(
        values, 30, 1, [](int) { return 0; }, probability);
    QCOMPARE(limited.high(), 1.0);
    QVERIFY(limited.low() < 0.3 && limited.low() >= 0);
    QCOMPARE(limited.binCount() % 5, 0);
    int counted = 0;
    for (int bin = 0; bin < limited.binCount(); ++bin)
        counted += limited.total(bin);
    QCOMPARE(counted, int(values.size()));
    // Without limits the same values pad at the top.
    const Histogram open = Histogram::build(values, 30, 1, [](int) { return 0; });
    QVERIFY(open.high() > 1.0);
}

void TestCharts::previewCountsFollowControls()
{
    DifficultyDock dock;
    dock.setData(syntheticData());
    PreviewSettings settings;
    settings.keepRatio = 0.5;
    settings.beta = 0.2;
    dock.controls()->setSettings(settings);
    dock.recomputePreview();
    // 20 images: floor(0.2 * 20) = 4 hardest dropped, floor(0.5 * 20) = 10 kept, 6 easiest dropped.
    QCOMPARE(dock.preview().droppedHard, 4);
    QCOMPARE(dock.preview().kept, 10);
    QCOMPARE(dock.preview().droppedEasy, 6);
    QCOMPARE(dock.preview().keptPerClass, (std::vector<int> { 5, 5 }));
    QCOMPARE(dock.preview().cutoffScore, 1.0); // images 0..3 have AUM 0, 0, 0, 1
    QCOMPARE(dock.preview().keptLow, 1.0);
    QCOMPARE(dock.preview().keptHigh, 4.0); // images 4..13: AUM 1..4
    QVERIFY2(dock.summaryText().contains(QStringLiteral("10")), qPrintable(dock.summaryText()));
    // The histogram stacks the same counts.
    const Histogram &histogram = dock.difficultyChart()->histogram();
    QCOMPARE(histogram.layerCount(), 3);
    int layerTotals[3] = { 0, 0, 0 };
    for (int layer = 0; layer < 3; ++layer)
        for (int bin = 0; bin < histogram.binCount(); ++bin)
            layerTotals[layer] += histogram.count(layer, bin);
    QCOMPARE(layerTotals[0], 4);
    QCOMPARE(layerTotals[1], 10);
    QCOMPARE(layerTotals[2], 6);
    QCOMPARE(dock.classChart()->value(2, 0), 5.0);

    // The slider: r = 0.3 with the default beta for it (0.4): 8 hard, 6 kept, 6 easy. Debounced.
    dock.controls()->defaultBeta()->setChecked(true);
    dock.controls()->keepSlider()->setValue(30);
    QCOMPARE(dock.controls()->betaBox()->value(), defaultBetaFor(0.3));
    QTRY_COMPARE(dock.preview().kept, 6);
    QCOMPARE(dock.preview().droppedHard, 8);
    QCOMPARE(dock.preview().droppedEasy, 6);

    // Keeping the seed forces images 0 and 1 (inside the cutoff zone) in; the budget stays 6.
    PreviewSettings seeded = dock.controls()->settings();
    seeded.forceSeed = true;
    dock.controls()->setSettings(seeded);
    dock.recomputePreview();
    QCOMPARE(dock.preview().kept, 6);
    QCOMPARE(dock.preview().reasons[0], SelectionReason::Kept);
    QCOMPARE(dock.preview().reasons[1], SelectionReason::Kept);
    QCOMPARE(dock.preview().droppedHard, 6);
}

void TestCharts::previewRefusesBetaOutOfRange()
{
    DifficultyDock dock;
    dock.setData(syntheticData());
    dock.controls()->keepBox()->setValue(0.7);
    dock.controls()->defaultBeta()->setChecked(false);
    dock.controls()->betaBox()->setValue(0.31); // above 1 - r = 0.3
    dock.recomputePreview();
    QVERIFY(!dock.preview().isValid());
    QVERIFY2(dock.messageText().contains(QStringLiteral("out of range")), qPrintable(dock.messageText()));
    QVERIFY(dock.messageText().contains(QStringLiteral("0.30")));
    QCOMPARE(dock.difficultyChart()->histogram().layerCount(), 1); // no kept band without a preview
    dock.controls()->betaBox()->setValue(0.29);
    dock.recomputePreview();
    QVERIFY(dock.preview().isValid());
    QVERIFY(dock.messageText().isEmpty());
}

void TestCharts::betaOutOfRangeSavesNothing()
{
    std::vector<ImageId> order;
    auto project = makeScoredProject(QStringLiteral("refuse"), &order);
    DifficultyDock dock;
    dock.setProject(project.get());
    QVERIFY(dock.isShowingCharts());
    PreviewSettings settings;
    settings.keepRatio = 0.5;
    settings.beta = 0.6;
    dock.controls()->setSettings(settings);
    QVERIFY(!dock.saveSelection());
    QVERIFY2(dock.messageText().contains(QStringLiteral("out of range")), qPrintable(dock.messageText()));
    QVERIFY(SelectionTable(project->db()).all().empty());
}

void TestCharts::savedSelectionMatchesPreview()
{
    std::vector<ImageId> order;
    auto project = makeScoredProject(QStringLiteral("save"), &order);
    DifficultyDock dock;
    dock.setProject(project.get());
    QCOMPARE(dock.data().imageCount(), kImages);
    QCOMPARE(dock.data().images, order);
    // Dynamics: class 0 images give p = 0.25 both epochs; class 1: 0.25 then 0.75.
    QCOMPARE(dock.data().meanConfidence[0], 0.25f);
    QCOMPARE(dock.data().variability[0], 0.0f);
    QCOMPARE(dock.data().meanConfidence[1], 0.5f);
    QCOMPARE(dock.data().variability[1], 0.25f);
    PreviewSettings settings;
    settings.keepRatio = 0.5;
    settings.beta = 0.2;
    dock.controls()->setSettings(settings);
    dock.recomputePreview();
    QSignalSpy saved(&dock, &DifficultyDock::selectionSaved);
    QVERIFY(dock.saveSelection());
    QCOMPARE(saved.count(), 1);
    const auto stored = SelectionTable(project->db()).findByName(QStringLiteral("cutoff-keep50"));
    QVERIFY(stored);
    QCOMPARE(stored->kept, qint64(dock.preview().kept));
    QCOMPARE(stored->beta, 0.2);
    const std::vector<SelectionItem> items = SelectionTable(project->db()).items(stored->id);
    QCOMPARE(int(items.size()), kImages);
    QHash<qint64, SelectionItem> byImage;
    for (const SelectionItem &item : items)
        byImage.insert(item.image.value, item);
    for (size_t i = 0; i < order.size(); ++i)
        QCOMPARE(byImage.value(order[i].value).kept, dock.preview().reasons[i] == SelectionReason::Kept);
}

void TestCharts::difficultyBarFiltersGrid()
{
    std::vector<ImageId> order;
    auto project = makeScoredProject(QStringLiteral("bars"), &order);
    ProjectView view(*project);
    DifficultyDock dock;
    dock.setProject(project.get());
    linkChartsToGrid(&dock, &view);
    const Histogram &histogram = dock.difficultyChart()->histogram();
    QCOMPARE(histogram.low(), 0.0);
    QCOMPARE(histogram.high(), 6.0);
    // The first bar holds AUM 0: run positions 0..2.
    dock.difficultyChart()->chooseBin(0);
    QCOMPARE(sorted(shownIds(*view.model())), sorted({ order[0].value, order[1].value, order[2].value }));
    QCOMPARE(view.model()->sort(), GridSort::Difficulty);
    // The last bar is closed at the top: AUM 6 is positions 18 and 19.
    dock.difficultyChart()->chooseBin(histogram.binCount() - 1);
    QCOMPARE(sorted(shownIds(*view.model())), sorted({ order[18].value, order[19].value }));
    // A bar with nothing in it shows nothing.
    dock.difficultyChart()->chooseBin(1);
    QCOMPARE(view.model()->rowCount(), 0);
    // The other filters stay: class "dog" (index 1, the pseudo-label of odd ids) with AUM 0. Run
    // positions 0 and 2 are the ids of rank 19 and 17.
    GridArrangement arrangement = view.arrangement();
    arrangement.filters.classIndex = 1;
    view.setArrangement(arrangement);
    dock.difficultyChart()->chooseBin(0);
    QCOMPARE(sorted(shownIds(*view.model())), sorted({ order[0].value, order[2].value }));
}

void TestCharts::confidenceBarFiltersGrid()
{
    std::vector<ImageId> order;
    auto project = makeScoredProject(QStringLiteral("confidence"), &order);
    ProjectView view(*project);
    DifficultyDock dock;
    dock.setProject(project.get());
    linkChartsToGrid(&dock, &view);
    const Histogram &histogram = dock.confidenceChart()->histogram();
    QCOMPARE(histogram.total(0), 1); // confidence 0: the image of id rank 0
    const ValueRange first = histogram.rangeOf(0);
    // Seed images have a human label and show under "Pseudo-labeled" no more, but a confidence
    // filter covers every row with a pseudo-label.
    dock.confidenceChart()->chooseBin(histogram.binOf(double(0.95f)));
    std::vector<qint64> ids = sorted(shownIds(*view.model()));
    QCOMPARE(ids.size(), size_t(1));
    QCOMPARE(view.model()->gridRow(0).pseudoConfidence, 0.95f);
    QVERIFY(!first.includeHigh);
    // The bar of confidence 0.05 holds that one image.
    dock.confidenceChart()->chooseBin(histogram.binOf(double(0.05f)));
    QCOMPARE(view.model()->rowCount(), 1);
    QCOMPARE(view.model()->gridRow(0).pseudoConfidence, 0.05f);
}

void TestCharts::dataMapPickFiltersGrid()
{
    std::vector<ImageId> order;
    auto project = makeScoredProject(QStringLiteral("map"), &order);
    ProjectView view(*project);
    DifficultyDock dock;
    dock.setProject(project.get());
    linkChartsToGrid(&dock, &view);
    // An earlier bar (AUM 0: run positions 0..2) does not narrow a pick made afterwards.
    dock.difficultyChart()->chooseBin(0);
    QCOMPARE(view.model()->rowCount(), 3);
    // Class 1 images (odd run positions) sit at (0.25, 0.5); class 0 at (0, 0.25).
    dock.dataMap()->pickRect(QRectF(QPointF(0.2, 0.45), QPointF(0.3, 0.55)));
    std::vector<qint64> expected;
    for (size_t i = 1; i < order.size(); i += 2)
        expected.push_back(order[i].value);
    QCOMPARE(sorted(shownIds(*view.model())), sorted(expected));
    QVERIFY(view.model()->arrangement().filters.images);
    QVERIFY(!view.model()->arrangement().filters.difficulty.isBounded());
    // A bar chosen after a pick replaces it.
    dock.difficultyChart()->chooseBin(0);
    QVERIFY(!view.model()->arrangement().filters.images);
    QCOMPARE(view.model()->rowCount(), 3);
    dock.dataMap()->pickRect(QRectF(QPointF(0.2, 0.45), QPointF(0.3, 0.55)));
    // A click picks the nearest image only: one of the even run positions at (0, 0.25).
    dock.resize(500, 700);
    dock.tabs()->setCurrentIndex(3);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    const ImageId near = dock.dataMap()->imageNear(QPointF(0.001, 0.251), 20);
    QVERIFY(near.isValid());
    QCOMPARE((std::find(order.begin(), order.end(), near) - order.begin()) % 2, 0);
    QVERIFY(!dock.dataMap()->imageNear(QPointF(0.12, 0.9), 20).isValid());

    // A rectangle dragged with the mouse over the lower part of the plot (from just left of the
    // axis, as those images have variability 0) picks the images whose mean confidence is below
    // 0.4: the even run positions.
    DataMapView *map = dock.dataMap();
    const QRectF plot = map->chart()->plotArea();
    const QPoint from = map->mapFromScene(
        map->chart()->mapToScene(QPointF(plot.left() - 3, plot.center().y() + plot.height() * 0.1)));
    const QPoint to = map->mapFromScene(map->chart()->mapToScene(plot.bottomRight() - QPointF(1, 1)));
    QSignalSpy picked(map, &DataMapView::imagesPicked);
    QTest::mousePress(map->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(map->viewport(), (from + to) / 2);
    QTest::mouseMove(map->viewport(), to);
    QTest::mouseRelease(map->viewport(), Qt::LeftButton, {}, to);
    QCOMPARE(picked.count(), 1);
    std::vector<qint64> even;
    for (size_t i = 0; i < order.size(); i += 2)
        even.push_back(order[i].value);
    QCOMPARE(sorted(shownIds(*view.model())), sorted(even));
}

// "Tune β" with too few human labels to hold any out: the dock says how many are needed, and β
// stays as it was.
void TestCharts::tuningExplainsARefusal()
{
    std::vector<ImageId> order;
    auto project = makeScoredProject(QStringLiteral("tune"), &order);
    DifficultyDock dock;
    dock.setProject(project.get());
    PreviewSettings settings;
    settings.keepRatio = 0.5;
    settings.beta = 0.2;
    dock.controls()->setSettings(settings);
    QVERIFY(dock.controls()->tuneButton()->isEnabled());
    QVERIFY(!dock.tuneBeta());
    QVERIFY2(dock.messageText().contains(QLatin1String("human labels per class")), qPrintable(dock.messageText()));
    QCOMPARE(dock.controls()->settings().beta, 0.2);
}

void TestCharts::keepFilterIsRememberedOnReopen()
{
    std::vector<ImageId> order;
    auto project = makeScoredProject(QStringLiteral("remember"), &order);
    {
        DifficultyDock dock;
        dock.setProject(project.get());
        QVERIFY(dock.saveSelection());
    }
    {
        ProjectView view(*project);
        GridArrangement arrangement = view.arrangement();
        arrangement.sort = GridSort::Difficulty;
        arrangement.filters.keep = KeepFilter::DroppedHard;
        view.setArrangement(arrangement);
    }
    {
        ProjectView reopened(*project);
        QCOMPARE(reopened.arrangement().sort, GridSort::Difficulty);
        QCOMPARE(reopened.arrangement().filters.keep, KeepFilter::DroppedHard);
    }
    {
        // A project without a selection does not take the selection filter: it would hide all.
        auto unscored = Project::create(m_dir.filePath(QStringLiteral("unscored.semiprune")), m_dir.path());
        ProjectView other(*unscored);
        QCOMPARE(other.arrangement().filters.keep, KeepFilter::Any);
        QCOMPARE(other.arrangement().sort, GridSort::Difficulty);
    }
    {
        ProjectView reopened(*project);
        // Back to the defaults, so that the views the other tests make start unfiltered.
        reopened.setArrangement(GridArrangement());
    }
    ProjectView fresh(*project);
    QCOMPARE(fresh.arrangement().filters.keep, KeepFilter::Any);
}

void TestCharts::dataMapPicksUndrawnImages()
{
    DataMapView map;
    const int count = 60000;
    std::vector<ImageId> images;
    std::vector<float> x;
    std::vector<float> y;
    for (int i = 0; i < count; ++i) {
        images.push_back(ImageId { i + 1 });
        x.push_back(float(i % 100) / 200.0f);
        y.push_back(float(i / 100) / 600.0f);
    }
    QElapsedTimer timer;
    timer.start();
    map.setPoints(images, x, y);
    map.setLayerOf(std::vector<int>(size_t(count), 1));
    qInfo("data map of %d points set in %.1f ms, %d drawn", count, timer.nsecsElapsed() / 1e6, map.drawnCount());
    QCOMPARE(map.drawnCount(), DataMapView::kMaxDrawn);
    QCOMPARE(map.imagesIn(QRectF(-1, -1, 3, 3)).size(), count);
    // x in [0, 0.1] holds i % 100 <= 20: 21 of every 100.
    QCOMPARE(map.imagesIn(QRectF(0, -1, 0.1001, 3)).size(), 21 * 600);
}

void TestCharts::emptyStatesSayWhatToDo()
{
    DifficultyDock dock;
    dock.setProject(nullptr);
    QVERIFY(!dock.isShowingCharts());
    QVERIFY(dock.emptyText().contains(QStringLiteral("Open a project")));

    const QString images = m_dir.filePath(QStringLiteral("empty-images"));
    testsupport::writeImage(images + QStringLiteral("/a.png"), 4, 4, 1);
    auto project = Project::create(m_dir.filePath(QStringLiteral("empty.semiprune")), images);
    dock.setProject(project.get());
    QVERIFY(!dock.isShowingCharts());
    QVERIFY2(dock.emptyText().contains(QStringLiteral("No run yet")), qPrintable(dock.emptyText()));

    RunRecord failed;
    failed.kind = QStringLiteral("ssl");
    RunTable runs(project->db());
    runs.finish(runs.start(failed), RunState::Failed, QStringLiteral("stopped"));
    dock.reload();
    QVERIFY(!dock.isShowingCharts());
    QVERIFY2(dock.emptyText().contains(QStringLiteral("No difficulty scores yet")), qPrintable(dock.emptyText()));
    QVERIFY(!dock.saveSelection());
}

void TestCharts::presetsArrangeHandMadeRows()
{
    const GridData data = handRows();
    QCOMPARE(
        arrangedIds(data, presetArrangement(BrowsePreset::Everything)), (std::vector<qint64> { 1, 2, 3, 4, 5, 6 }));
    // Scored rows only, by AUM.
    QCOMPARE(arrangedIds(data, presetArrangement(BrowsePreset::Hardest)), (std::vector<qint64> { 6, 2, 5, 1, 4 }));
    QCOMPARE(arrangedIds(data, presetArrangement(BrowsePreset::Easiest)), (std::vector<qint64> { 4, 1, 5, 2, 6 }));
    // Pseudo-labeled rows without a human label, least confident first.
    QCOMPARE(
        arrangedIds(data, presetArrangement(BrowsePreset::LeastConfident)), (std::vector<qint64> { 3, 2, 6, 5, 1 }));
    QCOMPARE(arrangedIds(data, presetArrangement(BrowsePreset::DroppedByCutoff)), (std::vector<qint64> { 6, 2 }));
    QCOMPARE(arrangedIds(data, presetArrangement(BrowsePreset::Kept)), (std::vector<qint64> { 5, 1 }));
    // A preset starts from no filter: the previous class filter does not linger.
    QCOMPARE(presetArrangement(BrowsePreset::Kept).filters.classIndex, -1);
    QVERIFY(!presetTitle(BrowsePreset::DroppedByCutoff).isEmpty());
}

void TestCharts::filtersCombine()
{
    const GridData data = handRows();
    GridArrangement arrangement;
    arrangement.filters.classIndex = 0; // cat: pseudo-label 0 (1, 3, 6) and human label 0 (none)
    QCOMPARE(arrangedIds(data, arrangement), (std::vector<qint64> { 1, 3, 6 }));
    arrangement.filters.classIndex = 1; // dog: human label 1 (4) wins over a missing pseudo-label
    QCOMPARE(arrangedIds(data, arrangement), (std::vector<qint64> { 2, 4, 5 }));
    arrangement.filters.keep = KeepFilter::Pruned;
    QCOMPARE(arrangedIds(data, arrangement), (std::vector<qint64> { 2, 4 }));
    arrangement.filters.keep = KeepFilter::DroppedEasy;
    QCOMPARE(arrangedIds(data, arrangement), (std::vector<qint64> { 4 }));
    arrangement.filters.keep = KeepFilter::Any;
    arrangement.filters.confidence = ValueRange { 0.5, 1.0, true }; // 4 has no pseudo-label: out
    QCOMPARE(arrangedIds(data, arrangement), (std::vector<qint64> { 5 }));

    arrangement = {};
    arrangement.filters.difficulty = ValueRange { -1.0, 0.5, false }; // half-open: 1 (0.5) out, 3 unscored out
    QCOMPARE(arrangedIds(data, arrangement), (std::vector<qint64> { 2, 5, 6 }));
    arrangement.filters.difficulty.includeHigh = true;
    QCOMPARE(arrangedIds(data, arrangement), (std::vector<qint64> { 1, 2, 5, 6 }));
    arrangement.filters.images = std::make_shared<const QSet<qint64>>(QSet<qint64> { 1, 3, 6 });
    QCOMPARE(arrangedIds(data, arrangement), (std::vector<qint64> { 1, 6 }));
    arrangement.filters.state = GridFilter::Pseudo;
    arrangement.sort = GridSort::Confidence;
    QCOMPARE(arrangedIds(data, arrangement), (std::vector<qint64> { 6, 1 }));
    arrangement.filters.state = GridFilter::Seed; // neither 1 nor 6 is in the seed
    QVERIFY(arrangedIds(data, arrangement).empty());
    QVERIFY(arrangement.filters.isActive());
    QVERIFY(!GridFilters {}.isActive());

    // Random: the same seed, the same order; every row once.
    GridArrangement shuffled;
    shuffled.sort = GridSort::Random;
    shuffled.shuffleSeed = 7;
    const std::vector<qint64> once = arrangedIds(data, shuffled);
    QCOMPARE(arrangedIds(data, shuffled), once);
    QCOMPARE(sorted(once), (std::vector<qint64> { 1, 2, 3, 4, 5, 6 }));
}

void TestCharts::fileNameSortIsNatural()
{
    GridData data;
    const QStringList names { QStringLiteral("b10.png"), QStringLiteral("B2.png"), QStringLiteral("a.png"),
        QStringLiteral("b02.png"), QStringLiteral("b1x.png"), QStringLiteral("b.png") };
    for (int i = 0; i < names.size(); ++i) {
        GridRow row;
        row.id = ImageId { i + 1 };
        row.fileName = names.at(i);
        data.rows.push_back(row);
    }
    GridArrangement arrangement;
    arrangement.sort = GridSort::FileName;
    // Digits by value, case ignored; equal names ordered by their spelling.
    QCOMPARE(arrangedIds(data, arrangement), (std::vector<qint64> { 3, 6, 5, 2, 4, 1 }));
}

void TestCharts::arrangingHundredThousandRowsIsFast()
{
    GridData data;
    for (int c = 0; c < 10; ++c)
        data.classes.push_back(GridClass { ClassId { c + 1 }, QStringLiteral("class %1").arg(c), Qt::gray });
    std::mt19937 random(5);
    const int count = 100000;
    data.rows.reserve(count);
    for (int i = 0; i < count; ++i) {
        GridRow row;
        row.id = ImageId { i + 1 };
        row.fileName = QStringLiteral("img_%1.png").arg(random() % 1000000);
        row.difficulty = i % 11 == 0 ? std::nan("") : double(random() % 20001) / 1000.0 - 10.0;
        row.pseudoClass = int(random() % 10);
        row.pseudoConfidence = float(random() % 1001) / 1000.0f;
        row.labelClass = i % 50 == 0 ? int(random() % 10) : -1;
        row.fate = RowFate(random() % 4);
        data.rows.push_back(std::move(row));
    }
    GridFilters combined;
    combined.classIndex = 3;
    combined.keep = KeepFilter::Pruned;
    combined.confidence = ValueRange { 0.2, 0.9, true };
    combined.difficulty = ValueRange { -5, 5, true };
    // Each figure is the best of three runs: the machine running the tests is shared, and a guard
    // that fails whenever another build runs guards nothing.
    double worst = 0;
    for (GridSort sort : { GridSort::Loaded, GridSort::FileName, GridSort::Class, GridSort::Difficulty,
             GridSort::DifficultyDescending, GridSort::Confidence, GridSort::Random }) {
        for (bool filtered : { false, true }) {
            GridArrangement arrangement;
            arrangement.sort = sort;
            if (filtered)
                arrangement.filters = combined;
            double best = 1e9;
            size_t shown = 0;
            for (int run = 0; run < 3; ++run) {
                QElapsedTimer timer;
                timer.start();
                shown = arrangeRows(data, arrangement, {}).size();
                best = std::min(best, timer.nsecsElapsed() / 1e6);
            }
            worst = std::max(worst, best);
            qInfo("100k rows, sort %d, %s: %zu shown in %.1f ms", int(sort), filtered ? "filtered" : "unfiltered",
                shown, best);
            QVERIFY(shown > 0);
        }
    }
    // The product's limit is 200 ms (met with room on an idle 2-core machine: see the figures printed
    // above); the guard is four times that, because tests share the machine with other tests and
    // builds. It still catches what matters: a slip to quadratic work or a per-row allocation.
    QVERIFY2(worst < 800, qPrintable(QStringLiteral("slowest arrangement took %1 ms").arg(worst)));
}

void TestCharts::previewOfSixtyThousandIsFast()
{
    DifficultyData data = syntheticData(0);
    std::mt19937 random(3);
    const int count = 60000;
    for (int i = 0; i < count; ++i) {
        data.images.push_back(ImageId { i + 1 });
        data.aum.push_back(double(random() % 30001) / 1000.0 - 15.0);
        data.labels.push_back(int(random() % 2));
        data.humanLabeled.push_back(i % 100 == 0);
        data.meanConfidence.push_back(float(random() % 1000) / 1000.0f);
        data.variability.push_back(float(random() % 500) / 1000.0f);
    }
    PreviewSettings settings;
    settings.keepRatio = 0.3;
    settings.forceSeed = true;
    double worstCore = 0;
    for (bool perClass : { false, true }) {
        settings.perClass = perClass;
        QElapsedTimer timer;
        timer.start();
        const SelectionPreview preview = previewSelection(data, settings);
        worstCore = std::max(worstCore, timer.nsecsElapsed() / 1e6);
        QVERIFY(preview.isValid());
        QVERIFY(preview.kept >= floorCount(0.3, count));
    }
    DifficultyDock dock;
    dock.resize(480, 700);
    dock.setData(data);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    // Every recomputation follows a real change of the keep ratio; per ratio the best of three
    // rounds (see above), then the worst over the ratios.
    const auto timeChanges = [&dock](const std::vector<double> &ratios) {
        std::vector<double> best(ratios.size(), 1e9);
        for (int round = 0; round < 3; ++round) {
            for (size_t i = 0; i < ratios.size(); ++i) {
                dock.controls()->keepBox()->setValue(ratios[i]);
                QElapsedTimer timer;
                timer.start();
                dock.recomputePreview();
                best[i] = std::min(best[i], timer.nsecsElapsed() / 1e6);
            }
        }
        return *std::max_element(best.begin(), best.end());
    };
    const double worstDock = timeChanges({ 0.2, 0.5, 0.7 });
    dock.tabs()->setCurrentIndex(3);
    const double worstMap = timeChanges({ 0.25, 0.45 });
    QElapsedTimer paint;
    paint.start();
    dock.grab();
    qInfo("the dock with the 60k data map painted in %.1f ms", paint.nsecsElapsed() / 1e6);
    qInfo("60k preview: selector %.1f ms, with the charts' update %.1f ms, with the data map shown %.1f ms "
          "(worst of runs)",
        worstCore, worstDock, worstMap);
    // The limit is 50 ms per control change; the guard is four times that, as above.
    QVERIFY2(worstDock < 200, qPrintable(QStringLiteral("a control change took %1 ms").arg(worstDock)));
    QVERIFY2(worstMap < 200,
        qPrintable(QStringLiteral("a control change with the data map shown took %1 ms").arg(worstMap)));
}

void TestCharts::windowWiresDockAndPresets()
{
    std::vector<ImageId> order;
    auto project = makeScoredProject(QStringLiteral("window"), &order);
    const QString file = project->filePath();
    project.reset();
    MainWindow window;
    QString error;
    QVERIFY2(window.openProject(file, &error), qPrintable(error));
    DifficultyDock *dock = window.difficultyDock();
    QVERIFY(dock->isShowingCharts());
    BrowseActions *browse = window.browseActions();
    QVERIFY(browse->action(BrowsePreset::Hardest)->isEnabled());
    QCOMPARE(browse->action(BrowsePreset::Kept)->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+K")));
    ImageGridModel *model = window.projectView()->model();

    // No selection yet: the kept preset shows nothing and says why.
    QSignalSpy applied(browse, &BrowseActions::applied);
    browse->apply(BrowsePreset::Kept);
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(applied.last().at(0).toString().contains(QStringLiteral("No selection")));

    // Saving in the dock reaches the grid: kept and dropped images by the new selection.
    PreviewSettings settings;
    settings.keepRatio = 0.5;
    settings.beta = 0.2;
    dock->controls()->setSettings(settings);
    QVERIFY(dock->saveSelection());
    browse->apply(BrowsePreset::Kept);
    QCOMPARE(model->rowCount(), 10);
    browse->apply(BrowsePreset::DroppedByCutoff);
    // The 4 hardest: run positions 0..3 (AUM 0, 0, 0, 1), hardest first.
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->gridRow(3).id, order[3]);
    QCOMPARE(model->gridRow(3).difficulty, 1.0);
    browse->apply(BrowsePreset::Hardest);
    QCOMPARE(model->rowCount(), kImages);
    QCOMPARE(model->gridRow(kImages - 1).difficulty, 6.0);

    // A histogram bar clicked in the window's dock filters the window's grid.
    dock->difficultyChart()->chooseBin(dock->difficultyChart()->histogram().binOf(6.0));
    QCOMPARE(sorted(shownIds(*model)), sorted({ order[18].value, order[19].value }));
    browse->apply(BrowsePreset::Everything);
    QCOMPARE(model->rowCount(), kImages);
    window.closeProject();
    QVERIFY(!dock->isShowingCharts());
    QVERIFY(!browse->action(BrowsePreset::Hardest)->isEnabled());
}

// Not a check: renders the dock of a real project for the documentation when
// SEMIPRUNE_SCREENSHOT_PROJECT names a scored project and SEMIPRUNE_SCREENSHOT_OUT a PNG file.
void TestCharts::screenshotWithRealData()
{
    const QString projectFile = qEnvironmentVariable("SEMIPRUNE_SCREENSHOT_PROJECT");
    const QString out = qEnvironmentVariable("SEMIPRUNE_SCREENSHOT_OUT");
    if (projectFile.isEmpty() || out.isEmpty())
        QSKIP("set SEMIPRUNE_SCREENSHOT_PROJECT and SEMIPRUNE_SCREENSHOT_OUT to render the screenshot");
    MainWindow window;
    window.resize(1280, 800);
    QString error;
    QVERIFY2(window.openProject(projectFile, &error), qPrintable(error));
    DifficultyDock *dock = window.difficultyDock();
    dock->show();
    dock->raise();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(dock->isShowingCharts());
    // Two tabs side by side: the histogram with the preview, and the data map.
    window.resizeDocks({ dock }, { 560 }, Qt::Horizontal);
    qInfo("the project view's minimum width: %d px", window.projectView()->minimumSizeHint().width());
    const Histogram &shown = dock->difficultyChart()->histogram();
    qInfo("AUM histogram: %d bars of %g over [%g, %g]; cutoff %g, kept [%g, %g]", shown.binCount(), shown.binWidth(),
        shown.low(), shown.high(), dock->preview().cutoffScore, dock->preview().keptLow, dock->preview().keptHigh);
    const auto *valueAxis = qobject_cast<QValueAxis *>(dock->difficultyChart()->chart()->axes(Qt::Horizontal).at(1));
    qInfo("value axis [%g, %g]", valueAxis->min(), valueAxis->max());
    dock->tabs()->setCurrentIndex(0);
    QTest::qWait(200);
    const QPixmap histogram = dock->grab();
    dock->tabs()->setCurrentIndex(3);
    QTest::qWait(200);
    const QPixmap map = dock->grab();
    QPixmap both(histogram.width() + map.width() + 12, std::max(histogram.height(), map.height()));
    both.fill(Qt::white);
    QPainter painter(&both);
    painter.drawPixmap(0, 0, histogram);
    painter.drawPixmap(histogram.width() + 12, 0, map);
    painter.end();
    QVERIFY(both.save(out));
    for (int tab : { 1, 2 }) {
        dock->tabs()->setCurrentIndex(tab);
        QTest::qWait(100);
        dock->grab().save(out + QStringLiteral(".tab%1.png").arg(tab));
    }
    dock->tabs()->setCurrentIndex(0);
    window.browseActions()->apply(BrowsePreset::DroppedByCutoff);
    QTest::qWait(500);
    window.grab().save(out + QStringLiteral(".window.png"));
    window.runsPanel()->show();
    window.runsPanel()->raise();
    QTest::qWait(300);
    window.grab().save(out + QStringLiteral(".runs.png"));

    // The inspector on the hardest image, and the right-click menu over it.
    ProjectView *view = window.projectView();
    view->setArrangement(GridArrangement { GridSort::Difficulty, GridFilters(), 0 });
    window.inspector()->show();
    window.inspector()->raise();
    ImageGridView *grid = view->gridView();
    grid->setCurrentIndex(view->model()->index(1));
    QTest::qWait(500);
    window.grab().save(out + QStringLiteral(".inspector.png"));
    if (auto *menus = view->findChild<GridContextMenu *>()) {
        QMenu *menu = menus->menuAt(grid->visualRect(view->model()->index(1)).center());
        menu->popup(grid->viewport()->mapToGlobal(grid->visualRect(view->model()->index(1)).center()));
        auto *labelAs = menu->findChild<QMenu *>(QStringLiteral("gridLabelAs"));
        labelAs->popup(menu->mapToGlobal(menu->actionGeometry(labelAs->menuAction()).topRight()));
        QTest::qWait(300);
        QPixmap both(menu->width() + labelAs->width(), std::max(menu->height(), labelAs->height()));
        both.fill(Qt::white);
        QPainter painter(&both);
        painter.drawPixmap(0, 0, menu->grab());
        painter.drawPixmap(menu->width(), menu->actionGeometry(labelAs->menuAction()).top(), labelAs->grab());
        painter.end();
        both.save(out + QStringLiteral(".menu.png"));
        labelAs->close();
        menu->close();
    }
    QVERIFY(view->showReview(ReviewOrder::Hardest));
    QTest::qWait(500);
    window.grab().save(out + QStringLiteral(".review.png"));
    if (view->showSeedView()) {
        QTest::qWait(500);
        window.grab().save(out + QStringLiteral(".seed.png"));
    }
}

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"

#include "projectview.h"

#include "common/error.h"
#include "dataset/seeddraw.h"
#include "grid/griddata.h"
#include "grid/gridfilterbar.h"
#include "grid/imagegridmodel.h"
#include "grid/imagegridview.h"
#include "grid/thumbnailloader.h"
#include "jobs/labelsuggestionjob.h"
#include "labeling/gridcontextmenu.h"
#include "labeling/gridlabeling.h"
#include "labeling/labeleditor.h"
#include "labeling/seedlabelview.h"
#include "review/reviewview.h"
#include "runs/runresults.h"
#include "storage/project.h"
#include "storage/resulttables.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalBlocker>
#include <QSlider>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace semiprune::ui {

namespace {

Q_LOGGING_CATEGORY(lcProjectView, "semiprune.projectview")

const QString kSizeSetting = QStringLiteral("grid/thumbnailSize");
const QString kSortSetting = QStringLiteral("grid/sort");
const QString kFilterSetting = QStringLiteral("grid/filter");
const QString kKeepSetting = QStringLiteral("grid/keep");

} // namespace

ProjectView::ProjectView(Project &project, QWidget *parent)
    : QWidget(parent), m_loader(new ThumbnailLoader(project.thumbnailCachePath(), this)),
      m_model(new ImageGridModel(m_loader, this)), m_view(new ImageGridView(this)),
      m_editor(new LabelEditor(project, m_model, this)), m_gridLabeling(new GridLabeling(m_editor, m_view, this))
{
    m_sinceOpen.start();
    m_view->setObjectName(QStringLiteral("imageGrid"));
    m_model->setGridData(loadGridData(project));
    m_loadSeconds = m_sinceOpen.nsecsElapsed() / 1e9;
    qCInfo(lcProjectView, "loaded %d rows in %.3f s", m_model->rowCount(), m_loadSeconds);

    if (project.labelMode() == LabelMode::Hidden)
        m_modeNote = tr("reference labels hidden for evaluation; shown in a shuffled order");
    else if (project.labelMode() == LabelMode::Known)
        m_modeNote = tr("labels known from the class folders");

    const int size = std::clamp(
        QSettings().value(kSizeSetting, kDefaultThumbnailSize).toInt(), kMinThumbnailSize, kMaxThumbnailSize);
    m_view->setThumbnailSize(size);
    m_view->setGridModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    if (QWidget *banner = makeBanner(project))
        layout->addWidget(banner);
    m_pages = new QStackedWidget(this);
    m_gridPage = new QWidget(m_pages);
    auto *gridLayout = new QVBoxLayout(m_gridPage);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    gridLayout->setSpacing(0);
    gridLayout->addWidget(makeToolBar());
    m_filterBar = new GridFilterBar(m_gridPage);
    m_filterBar->setClasses(m_model->gridData().classes);
    m_filterBar->addTrailingWidget(m_countLabel);
    gridLayout->addWidget(m_filterBar);
    connect(m_filterBar, &GridFilterBar::filtersChanged, this, [this](const GridFilters &filters) {
        GridArrangement arrangement = m_model->arrangement();
        arrangement.filters = filters;
        setArrangement(arrangement);
    });
    connect(
        m_editor, &LabelEditor::classesChanged, this, [this] { m_filterBar->setClasses(m_model->gridData().classes); });
    gridLayout->addWidget(m_view, 1);
    m_seedView = new SeedLabelView(m_editor, project.datasetRoot(), m_pages);
    m_reviewView = new ReviewView(m_editor, project.datasetRoot(), m_pages);
    m_pages->addWidget(m_gridPage);
    m_pages->addWidget(m_seedView);
    m_pages->addWidget(m_reviewView);
    layout->addWidget(m_pages, 1);
    new GridContextMenu(m_gridLabeling, m_view, project.datasetRoot(), this);
    connect(m_seedView, &SeedLabelView::closeRequested, this, &ProjectView::showGrid);
    connect(m_seedView, &SeedLabelView::skipped, this, [this](bool replaced) { Q_EMIT seedDrawn(replaced ? 1 : 0); });
    connect(m_reviewView, &ReviewView::closeRequested, this, &ProjectView::showGrid);
    m_model->setPseudoLabels(latestPseudoLabels(project));
    m_model->setDifficulty(latestDifficulty(project));
    const QHash<ImageId, RowFate> fates = latestSelectionFates(project);
    m_model->setSelectionFates(fates);
    updateDifficultyLimits();
    // The arrangement the user chose last time (the combo boxes follow through setArrangement).
    // The selection filter only where there is a selection: elsewhere it would hide every image.
    const QSettings settings;
    const int sort = settings.value(kSortSetting, int(GridSort::Loaded)).toInt();
    const int filter = settings.value(kFilterSetting, int(GridFilter::All)).toInt();
    const int keep
        = fates.isEmpty() ? int(KeepFilter::Any) : settings.value(kKeepSetting, int(KeepFilter::Any)).toInt();
    if (m_sortBox->findData(sort) >= 0 && m_filterBox->findData(filter) >= 0 && keep >= int(KeepFilter::Any)
        && keep <= int(KeepFilter::DroppedEasy)
        && (sort != int(GridSort::Loaded) || filter != int(GridFilter::All) || keep != int(KeepFilter::Any))) {
        GridArrangement arrangement = m_model->arrangement();
        arrangement.sort = GridSort(sort);
        arrangement.filters.state = GridFilter(filter);
        arrangement.filters.keep = KeepFilter(keep);
        setArrangement(arrangement);
    }
    m_sizeSlider->setValue(size);
    updateCountLabel();

    connect(m_model, &ImageGridModel::problemsFoundChanged, this, &ProjectView::problemsFoundChanged);
    // One line for whoever measures: how long until the first screen of thumbnails was complete.
    connect(m_loader, &ThumbnailLoader::idle, this, [this] {
        if (m_firstScreenLogged)
            return;
        m_firstScreenLogged = true;
        const ThumbnailLoader::Statistics statistics = m_loader->statistics();
        qCInfo(lcProjectView,
            "first screen of thumbnails %.3f s after loading began (%lld decoded, %lld from the disk cache)",
            m_sinceOpen.nsecsElapsed() / 1e9, statistics.decoded, statistics.diskHits);
    });
    connect(m_model, &ImageGridModel::problemsFoundChanged, this, &ProjectView::updateCountLabel);
}

ProjectView::~ProjectView()
{
    delete m_gridLabeling;
    delete m_editor; // its undo commands refer to the model
    // The view and model go first (they call into the loader); the loader then waits for its workers.
    delete m_view;
    delete m_model;
    delete m_loader;
}

QString ProjectView::reloadRunResults(qint64 *kept, qint64 *total)
{
    Project &project = m_editor->project();
    m_model->setPseudoLabels(latestPseudoLabels(project));
    m_model->setDifficulty(latestDifficulty(project));
    m_model->setSelectionFates(latestSelectionFates(project));
    updateDifficultyLimits();
    const std::optional<SelectionRecord> selection = latestSelection(project);
    if (kept)
        *kept = selection ? selection->kept : -1;
    if (total)
        *total = selection ? selection->total : 0;
    if (!selection)
        return QString();
    return tr("Selection \"%1\" keeps %2 of %3 images")
        .arg(selection->name, QLocale().toString(selection->kept), QLocale().toString(selection->total));
}

void ProjectView::setArrangement(const GridArrangement &arrangement)
{
    QElapsedTimer timer;
    timer.start();
    const bool newSort = arrangement.sort != m_model->arrangement().sort;
    m_model->setArrangement(arrangement);
    // A new order starts at its top: "hardest first" kept at the old scroll position would put the
    // hardest images above the visible area.
    if (newSort)
        m_view->scrollToTop();
    qCInfo(lcProjectView, "arranged %d rows in %.1f ms", m_model->rowCount(), timer.nsecsElapsed() / 1e6);
    {
        const QSignalBlocker sortBlocker(m_sortBox);
        const QSignalBlocker filterBlocker(m_filterBox);
        m_sortBox->setCurrentIndex(m_sortBox->findData(int(arrangement.sort)));
        m_filterBox->setCurrentIndex(m_filterBox->findData(int(arrangement.filters.state)));
    }
    m_filterBar->setFilters(arrangement.filters);
    updateCountLabel();
    QSettings settings;
    settings.setValue(kSortSetting, int(arrangement.sort));
    settings.setValue(kFilterSetting, int(arrangement.filters.state));
    settings.setValue(kKeepSetting, int(arrangement.filters.keep));
}

void ProjectView::setArrangement(GridSort sort, GridFilter filter)
{
    GridArrangement arrangement = m_model->arrangement();
    arrangement.sort = sort;
    arrangement.filters.state = filter;
    setArrangement(arrangement);
}

GridArrangement ProjectView::arrangement() const
{
    return m_model->arrangement();
}

void ProjectView::setTrainingRunning(bool running)
{
    if (running && m_loaderThreads == 0) {
        m_loaderThreads = m_loader->maxThreadCount();
        m_loader->setMaxThreadCount(1);
    } else if (!running && m_loaderThreads > 0) {
        m_loader->setMaxThreadCount(m_loaderThreads);
        m_loaderThreads = 0;
    }
}

bool ProjectView::isSeedViewShown() const
{
    return m_pages->currentWidget() == m_seedView;
}

bool ProjectView::showSeedView()
{
    if (!m_seedView->start())
        return false;
    m_pages->setCurrentWidget(m_seedView);
    m_seedView->setFocus();
    return true;
}

bool ProjectView::showReview(ReviewOrder order)
{
    if (!m_reviewView->start(order)) {
        Q_EMIT m_editor->problem(tr("Nothing to Review"),
            tr("No pseudo-label waits for a review: every image with one is labeled by a person "
               "already, or no run has made pseudo-labels yet (Run > Run SemiPrune…)."));
        return false;
    }
    m_pages->setCurrentWidget(m_reviewView);
    m_reviewView->setFocus();
    return true;
}

bool ProjectView::isReviewShown() const
{
    return m_pages->currentWidget() == m_reviewView;
}

void ProjectView::showGrid()
{
    m_pages->setCurrentWidget(m_gridPage);
    m_view->setFocus();
}

int ProjectView::seedCountSuggestion(int *low, int *high) const
{
    const int images = m_model->rowCount();
    *low = std::max(1, images / 100);
    *high = std::max(1, images / 20);
    return std::min(100, std::max(1, images));
}

void ProjectView::labelSeed()
{
    // Continue where the user left off while drawn seed images wait for a label.
    for (const SeedItem &item : seedItems(m_editor->project().db())) {
        if (item.pending()) {
            showSeedView();
            return;
        }
    }
    int low = 0;
    int high = 0;
    const int suggestion = seedCountSuggestion(&low, &high);
    bool ok = false;
    const int count = QInputDialog::getInt(this, tr("Label Seed"),
        tr("How many images to draw for labeling (b)?\nFor %Ln images, 1–5 % is %1–%2.", nullptr, m_model->rowCount())
            .arg(low)
            .arg(high),
        suggestion, 1, std::max(1, m_model->rowCount()), 1, &ok);
    if (ok)
        drawAndLabelSeed(count);
}

bool ProjectView::drawAndLabelSeed(int count)
{
    SeedDrawResult result;
    try {
        result = drawSeed(m_editor->project().db(), count, QRandomGenerator::global()->generate64(), false);
    } catch (const Error &failure) {
        Q_EMIT m_editor->problem(tr("Cannot Draw the Seed"), failure.message());
        return false;
    }
    m_model->setInSeed(result.images, true);
    Q_EMIT seedDrawn(int(result.images.size()));
    return showSeedView();
}

void ProjectView::labelMore()
{
    bool ok = false;
    const int count = QInputDialog::getInt(this, tr("Label More Images"),
        tr("How many images to label next?\nThe newest run suggests those its pseudo-labels are least sure "
           "of, spread over the data."),
        20, 1, std::max(1, m_model->rowCount()), 1, &ok);
    if (ok)
        labelSuggested(count);
}

bool ProjectView::labelSuggested(int count)
{
    Project &project = m_editor->project();
    SeedDrawResult added;
    try {
        // Restored on leaving this block, before any message is shown.
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const auto restoreCursor = qScopeGuard([] { QApplication::restoreOverrideCursor(); });
        // Images waiting in the seed are not labeled yet, so the suggestions may hold them: ask for
        // enough to leave them out.
        int pending = 0;
        for (const SeedItem &item : seedItems(project.db()))
            pending += item.pending();
        std::vector<ImageId> suggested;
        for (const LabelSuggestion &suggestion : suggestLabels(project, count + pending))
            suggested.push_back(suggestion.image);
        added = addChosenToSeed(project.db(), suggested, count);
    } catch (const Error &failure) {
        Q_EMIT m_editor->problem(tr("Cannot Suggest Images"), failure.message());
        return false;
    }
    if (added.images.empty()) {
        Q_EMIT m_editor->problem(tr("Cannot Suggest Images"), tr("Every image the run could suggest is labeled."));
        return false;
    }
    m_model->setInSeed(added.images, true);
    Q_EMIT seedDrawn(int(added.images.size()));
    return showSeedView();
}

QWidget *ProjectView::makeToolBar()
{
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("gridToolBar"));
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(8);

    m_countLabel = new QLabel(bar);
    m_countLabel->setObjectName(QStringLiteral("gridCount"));
    // The line may be long (notes about the project); in a narrow window it gives way to the
    // controls instead of widening the window, and the tooltip keeps the whole of it.
    m_countLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_countLabel->setMinimumWidth(80);
    m_countLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_countLabel->installEventFilter(this);
    layout->addStretch(1);

    m_sortBox = new QComboBox(bar);
    m_sortBox->setObjectName(QStringLiteral("gridSort"));
    m_sortBox->addItem(tr("Import order"), int(GridSort::Loaded));
    m_sortBox->addItem(tr("File name"), int(GridSort::FileName));
    m_sortBox->addItem(tr("Class"), int(GridSort::Class));
    // Short names, whole in the box beside the docks; the tooltip says what they sort by.
    m_sortBox->addItem(tr("Hardest first"), int(GridSort::Difficulty));
    m_sortBox->addItem(tr("Easiest first"), int(GridSort::DifficultyDescending));
    m_sortBox->addItem(tr("Least sure first"), int(GridSort::Confidence));
    m_sortBox->setToolTip(tr("Hardest and easiest: by difficulty (AUM). Least sure: by the pseudo-label's "
                             "confidence."));
    m_sortBox->addItem(tr("Random"), int(GridSort::Random));
    m_filterBox = new QComboBox(bar);
    m_filterBox->setObjectName(QStringLiteral("gridFilter"));
    m_filterBox->addItem(tr("All images"), int(GridFilter::All));
    m_filterBox->addItem(tr("Unlabeled"), int(GridFilter::Unlabeled));
    m_filterBox->addItem(tr("Seed"), int(GridFilter::Seed));
    m_filterBox->addItem(tr("Pseudo-labeled"), int(GridFilter::Pseudo));
    m_filterBox->addItem(tr("Overridden"), int(GridFilter::Overridden));
    m_filterBox->addItem(tr("Unreadable or missing"), int(GridFilter::Unreadable));
    for (QComboBox *box : { m_sortBox, m_filterBox }) {
        // Sized by a few characters, not the longest entry, so the window's minimum width stays small.
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(14);
    }
    auto *sortLabel = new QLabel(tr("Sort:"), bar);
    sortLabel->setBuddy(m_sortBox);
    auto *filterLabel = new QLabel(tr("Show:"), bar);
    filterLabel->setBuddy(m_filterBox);
    layout->addWidget(filterLabel);
    layout->addWidget(m_filterBox);
    layout->addWidget(sortLabel);
    layout->addWidget(m_sortBox);
    layout->addSpacing(12);
    const auto arrange = [this] {
        GridArrangement arrangement = m_model->arrangement();
        arrangement.sort = GridSort(m_sortBox->currentData().toInt());
        arrangement.filters.state = GridFilter(m_filterBox->currentData().toInt());
        // Choosing "Random" again deals a new shuffle.
        if (arrangement.sort == GridSort::Random)
            arrangement.shuffleSeed = QRandomGenerator::global()->generate64();
        setArrangement(arrangement);
    };
    connect(m_sortBox, &QComboBox::currentIndexChanged, this, arrange);
    connect(m_filterBox, &QComboBox::currentIndexChanged, this, arrange);

    auto *sizeLabel = new QLabel(tr("Thumbnail size"), bar);
    m_sizeSlider = new QSlider(Qt::Horizontal, bar);
    m_sizeSlider->setObjectName(QStringLiteral("thumbnailSizeSlider"));
    m_sizeSlider->setRange(kMinThumbnailSize, kMaxThumbnailSize);
    m_sizeSlider->setSingleStep(8);
    m_sizeSlider->setPageStep(32);
    m_sizeSlider->setMinimumWidth(80);
    m_sizeSlider->setMaximumWidth(160);
    m_sizeSlider->setToolTip(tr("Thumbnail size (Ctrl+scroll wheel also works in the grid)"));
    m_sizeSlider->setAccessibleName(tr("Thumbnail size"));
    sizeLabel->setBuddy(m_sizeSlider);
    layout->addWidget(sizeLabel);
    layout->addWidget(m_sizeSlider);
    connect(m_sizeSlider, &QSlider::valueChanged, this, &ProjectView::setThumbnailSize);
    connect(m_view, &ImageGridView::zoomRequested, this,
        [this](int steps) { setThumbnailSize(thumbnailSize() + steps * 16); });
    return bar;
}

QWidget *ProjectView::makeBanner(Project &project)
{
    QString text;
    if (!project.datasetRootExists()) {
        text = tr("The image folder %1 is not there: thumbnails cannot be shown. If it moved, point the project "
                  "to its new place.")
                   .arg(project.datasetRoot());
    } else if (project.isReadOnly()) {
        text = tr("This project file is read-only: you can browse it, but changes cannot be saved.");
    }
    if (text.isEmpty())
        return nullptr;
    auto *banner = new QLabel(text, this);
    banner->setObjectName(QStringLiteral("projectBanner"));
    banner->setWordWrap(true);
    banner->setContentsMargins(12, 8, 12, 8);
    banner->setStyleSheet(QStringLiteral("QLabel#projectBanner { background: #fff4d6; color: #5c4400;"
                                         " border-bottom: 1px solid #e8cf8a; }"));
    return banner;
}

void ProjectView::setThumbnailSize(int logicalPixels)
{
    const int size = std::clamp(logicalPixels, kMinThumbnailSize, kMaxThumbnailSize);
    if (m_sizeSlider->value() != size)
        m_sizeSlider->setValue(size); // comes back here through valueChanged
    if (m_view->thumbnailSize() == size)
        return;
    m_view->setThumbnailSize(size);
    QSettings().setValue(kSizeSetting, size);
}

int ProjectView::thumbnailSize() const
{
    return m_view->thumbnailSize();
}

void ProjectView::updateDifficultyLimits()
{
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (const GridRow &row : m_model->gridData().rows) {
        if (!std::isnan(row.difficulty)) {
            low = std::min(low, row.difficulty);
            high = std::max(high, row.difficulty);
        }
    }
    m_filterBar->setDifficultyLimits(low, high);
}

void ProjectView::updateCountLabel()
{
    const int rows = m_model->rowCount();
    const int all = int(m_model->gridData().rows.size());
    QString text = rows == 1 ? tr("%Ln image", nullptr, rows) : tr("%Ln images", nullptr, rows);
    if (rows != all) // short: it shares a row with the filters
        text = tr("%1 of %2 images").arg(QLocale().toString(rows), QLocale().toString(all));
    if (!m_modeNote.isEmpty())
        text += QStringLiteral(" · ") + m_modeNote;
    if (const int unreadable = m_model->unreadableFound())
        text += QStringLiteral(" · ") + tr("%Ln more found unreadable while making thumbnails", nullptr, unreadable);
    if (const int missing = m_model->missingFound())
        text += QStringLiteral(" · ") + tr("%Ln more missing since the import", nullptr, missing);
    m_countText = text;
    m_countLabel->setToolTip(text);
    showCountText();
}

void ProjectView::showCountText()
{
    // Elided to the width the toolbar leaves it; the tooltip has the whole line.
    m_countLabel->setText(m_countLabel->fontMetrics().elidedText(m_countText, Qt::ElideRight, m_countLabel->width()));
}

bool ProjectView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_countLabel && event->type() == QEvent::Resize)
        showCountText();
    return QWidget::eventFilter(watched, event);
}

} // namespace semiprune::ui

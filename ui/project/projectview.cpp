#include "projectview.h"

#include "grid/griddata.h"
#include "grid/imagegridmodel.h"
#include "grid/imagegridview.h"
#include "grid/thumbnailloader.h"
#include "storage/project.h"

#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QLabel>
#include <QLoggingCategory>
#include <QSettings>
#include <QSlider>
#include <QVBoxLayout>

namespace semiprune::ui {

namespace {

Q_LOGGING_CATEGORY(lcProjectView, "semiprune.projectview")

const QString kSizeSetting = QStringLiteral("grid/thumbnailSize");

} // namespace

ProjectView::ProjectView(Project &project, QWidget *parent)
    : QWidget(parent),
      m_loader(new ThumbnailLoader(project.thumbnailCachePath(), this)),
      m_model(new ImageGridModel(m_loader, this)),
      m_view(new ImageGridView(this))
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

    const int size = std::clamp(QSettings().value(kSizeSetting, kDefaultThumbnailSize).toInt(), kMinThumbnailSize,
                                kMaxThumbnailSize);
    m_view->setThumbnailSize(size);
    m_view->setGridModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    if (QWidget *banner = makeBanner(project))
        layout->addWidget(banner);
    layout->addWidget(makeToolBar());
    layout->addWidget(m_view, 1);
    m_sizeSlider->setValue(size);
    updateCountLabel();

    connect(m_model, &ImageGridModel::problemsFoundChanged, this, &ProjectView::problemsFoundChanged);
    // One line for whoever measures: how long until the first screen of thumbnails was complete.
    connect(m_loader, &ThumbnailLoader::idle, this, [this] {
        if (m_firstScreenLogged)
            return;
        m_firstScreenLogged = true;
        const ThumbnailLoader::Statistics statistics = m_loader->statistics();
        qCInfo(lcProjectView, "first screen of thumbnails %.3f s after loading began (%lld decoded, %lld from the disk cache)",
               m_sinceOpen.nsecsElapsed() / 1e9, statistics.decoded, statistics.diskHits);
    });
    connect(m_model, &ImageGridModel::problemsFoundChanged, this, &ProjectView::updateCountLabel);
}

ProjectView::~ProjectView()
{
    // The view and model go first (they call into the loader); the loader then waits for its workers.
    delete m_view;
    delete m_model;
    delete m_loader;
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
    layout->addWidget(m_countLabel);
    layout->addStretch(1);

    auto *sizeLabel = new QLabel(tr("Thumbnail size"), bar);
    m_sizeSlider = new QSlider(Qt::Horizontal, bar);
    m_sizeSlider->setObjectName(QStringLiteral("thumbnailSizeSlider"));
    m_sizeSlider->setRange(kMinThumbnailSize, kMaxThumbnailSize);
    m_sizeSlider->setSingleStep(8);
    m_sizeSlider->setPageStep(32);
    m_sizeSlider->setFixedWidth(160);
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
                  "to its new place.").arg(project.datasetRoot());
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

void ProjectView::updateCountLabel()
{
    const int rows = m_model->rowCount();
    QString text = rows == 1 ? tr("%Ln image", nullptr, rows) : tr("%Ln images", nullptr, rows);
    if (!m_modeNote.isEmpty())
        text += QStringLiteral(" · ") + m_modeNote;
    if (const int unreadable = m_model->unreadableFound())
        text += QStringLiteral(" · ") + tr("%Ln more found unreadable while making thumbnails", nullptr, unreadable);
    if (const int missing = m_model->missingFound())
        text += QStringLiteral(" · ") + tr("%Ln more missing since the import", nullptr, missing);
    m_countLabel->setText(text);
}

} // namespace semiprune::ui

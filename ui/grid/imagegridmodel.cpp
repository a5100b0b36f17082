#include "imagegridmodel.h"

#include "thumbnailloader.h"

#include <QLocale>

#include <array>

namespace semiprune::ui {

namespace {

constexpr std::array<int, 8> kSizeSteps{64, 96, 128, 192, 256, 384, 512, 768};

} // namespace

ImageGridModel::ImageGridModel(ThumbnailLoader *loader, QObject *parent)
    : QAbstractListModel(parent), m_loader(loader)
{
    connect(m_loader, &ThumbnailLoader::thumbnailReady, this, &ImageGridModel::onThumbnailReady);
    connect(m_loader, &ThumbnailLoader::thumbnailFailed, this, &ImageGridModel::onThumbnailFailed);
}

void ImageGridModel::setGridData(GridData data)
{
    beginResetModel();
    m_loader->cancelAll();
    m_data = std::move(data);
    m_problems.clear();
    m_unreadableFound = 0;
    m_missingFound = 0;
    m_rowOf.clear();
    m_rowOf.reserve(qsizetype(m_data.rows.size()));
    for (size_t row = 0; row < m_data.rows.size(); ++row)
        m_rowOf.insert(m_data.rows[row].id.value, int(row));
    m_lastFirst = 0;
    endResetModel();
    Q_EMIT problemsFoundChanged(0, 0);
}

int ImageGridModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_data.rows.size());
}

int ImageGridModel::thumbnailSizeFor(int devicePixels)
{
    for (int step : kSizeSteps) {
        if (step >= devicePixels)
            return step;
    }
    return kSizeSteps.back();
}

void ImageGridModel::setThumbnailSize(int devicePixels)
{
    const int size = thumbnailSizeFor(devicePixels);
    if (size == m_size)
        return;
    m_previousSize = m_size;
    m_size = size;
    m_loader->cancelAll();
    if (!m_data.rows.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DecorationRole, ThumbnailStateRole});
}

bool ImageGridModel::wantsThumbnail(int row) const
{
    const GridRow &r = m_data.rows[size_t(row)];
    return r.status == ImageStatus::Ok && !m_problems.contains(r.id.value)
           && !m_loader->pixmap(ThumbnailId{r.id.value, m_size});
}

ImageGridModel::ThumbnailState ImageGridModel::stateOf(int row) const
{
    const GridRow &r = m_data.rows[size_t(row)];
    if (r.status == ImageStatus::Missing)
        return ThumbnailState::Missing;
    if (r.status == ImageStatus::Unreadable)
        return ThumbnailState::Unreadable;
    const auto problem = m_problems.constFind(r.id.value);
    if (problem != m_problems.cend())
        return problem->missing ? ThumbnailState::Missing : ThumbnailState::Unreadable;
    return m_loader->pixmap(ThumbnailId{r.id.value, m_size}) ? ThumbnailState::Ready : ThumbnailState::Pending;
}

QString ImageGridModel::problemOf(int row) const
{
    const GridRow &r = m_data.rows[size_t(row)];
    const auto problem = m_problems.constFind(r.id.value);
    if (problem != m_problems.cend())
        return problem->text;
    if (r.status == ImageStatus::Missing)
        return tr("The file is missing.");
    if (r.status == ImageStatus::Unreadable)
        return r.message.isEmpty() ? tr("The image cannot be read.") : r.message;
    return {};
}

ThumbnailRequest ImageGridModel::requestFor(int row) const
{
    const GridRow &r = m_data.rows[size_t(row)];
    return ThumbnailRequest{r.id, m_data.datasetRoot + QLatin1Char('/') + r.path, r.path, m_size};
}

QVariant ImageGridModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const GridRow &r = m_data.rows[size_t(row)];
    const GridClass *label = r.labelClass >= 0 ? &m_data.classes[size_t(r.labelClass)] : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        return r.fileName;
    case Qt::DecorationRole: {
        if (const QPixmap *pixmap = m_loader->pixmap(ThumbnailId{r.id.value, m_size}))
            return *pixmap;
        if (!wantsThumbnail(row))
            return {};
        m_loader->request(requestFor(row));
        // While the thumbnail size changes, the old one is better than a placeholder.
        if (m_previousSize > 0) {
            if (const QPixmap *previous = m_loader->pixmap(ThumbnailId{r.id.value, m_previousSize}))
                return *previous;
        }
        return m_placeholder;
    }
    case Qt::ToolTipRole:
        return toolTipOf(row);
    case ImageIdRole:
        return r.id.value;
    case RelativePathRole:
        return r.path;
    case StatusRole:
        return int(r.status);
    case ThumbnailStateRole:
        return int(stateOf(row));
    case ProblemRole:
        return problemOf(row);
    case LabelClassIdRole:
        return label ? label->id.value : qint64(0);
    case LabelNameRole:
        return label ? label->name : QString();
    case LabelColorRole:
        return label ? label->color : QColor();
    case LabelSourceRole:
        return label ? labelSourceName(r.labelSource) : QString();
    case InSeedRole:
        return r.inSeed;
    default:
        return {};
    }
}

QString ImageGridModel::toolTipOf(int row) const
{
    const GridRow &r = m_data.rows[size_t(row)];
    const QLocale locale;
    QString tip = QStringLiteral("<b>%1</b>").arg(r.path.toHtmlEscaped());
    if (r.width > 0)
        tip += QStringLiteral("<br>") + tr("%1 × %2 pixels, %3").arg(r.width).arg(r.height).arg(locale.formattedDataSize(r.fileSize));
    tip += QStringLiteral("<br>") + tr("Split: %1").arg(splitName(r.split));
    if (r.labelClass >= 0) {
        tip += QStringLiteral("<br>")
               + tr("Label: %1 (%2)").arg(m_data.classes[size_t(r.labelClass)].name.toHtmlEscaped(),
                                          labelSourceName(r.labelSource));
    }
    if (r.inSeed)
        tip += QStringLiteral("<br>") + tr("In the seed");
    const ThumbnailState state = stateOf(row);
    if (state == ThumbnailState::Unreadable)
        tip += QStringLiteral("<br><font color=\"#c62828\">") + tr("Unreadable: %1").arg(problemOf(row).toHtmlEscaped())
               + QStringLiteral("</font>");
    else if (state == ThumbnailState::Missing)
        tip += QStringLiteral("<br><font color=\"#c62828\">") + problemOf(row).toHtmlEscaped() + QStringLiteral("</font>");
    else if (!r.message.isEmpty())
        tip += QStringLiteral("<br>") + r.message.toHtmlEscaped();
    return tip;
}

QHash<int, QByteArray> ImageGridModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(ImageIdRole, "imageId");
    names.insert(RelativePathRole, "relativePath");
    names.insert(StatusRole, "status");
    names.insert(ThumbnailStateRole, "thumbnailState");
    names.insert(ProblemRole, "problem");
    names.insert(LabelClassIdRole, "labelClassId");
    names.insert(LabelNameRole, "labelName");
    names.insert(LabelColorRole, "labelColor");
    names.insert(LabelSourceRole, "labelSource");
    names.insert(InSeedRole, "inSeed");
    return names;
}

void ImageGridModel::setVisibleRange(int first, int last)
{
    const int count = rowCount();
    if (count == 0) {
        m_loader->setWanted({});
        return;
    }
    first = std::clamp(first, 0, count - 1);
    last = std::clamp(last, first, count - 1);
    const int screen = last - first + 1;
    const bool scrollingUp = first < m_lastFirst;
    m_lastFirst = first;

    std::vector<ThumbnailRequest> wanted;
    wanted.reserve(size_t(screen) * 2);
    for (int row = first; row <= last; ++row) {
        if (wantsThumbnail(row))
            wanted.push_back(requestFor(row));
    }
    if (scrollingUp) {
        for (int row = first - 1; row >= std::max(0, first - screen); --row) {
            if (wantsThumbnail(row))
                wanted.push_back(requestFor(row));
        }
    } else {
        for (int row = last + 1; row <= std::min(count - 1, last + screen); ++row) {
            if (wantsThumbnail(row))
                wanted.push_back(requestFor(row));
        }
    }
    m_loader->setWanted(wanted);
}

void ImageGridModel::onThumbnailReady(qint64 imageId, int size)
{
    if (size != m_size)
        return;
    const int row = m_rowOf.value(imageId, -1);
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row), {Qt::DecorationRole, ThumbnailStateRole});
}

void ImageGridModel::onThumbnailFailed(qint64 imageId, int size, const QString &problem, bool missing)
{
    const int row = m_rowOf.value(imageId, -1);
    if (row < 0 || m_problems.contains(imageId))
        return;
    m_problems.insert(imageId, Problem{problem, missing});
    ++(missing ? m_missingFound : m_unreadableFound);
    Q_EMIT dataChanged(index(row), index(row),
                       {Qt::DecorationRole, Qt::ToolTipRole, ThumbnailStateRole, ProblemRole});
    Q_EMIT problemsFoundChanged(m_unreadableFound, m_missingFound);
}

} // namespace semiprune::ui

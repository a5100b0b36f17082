#include "imagegridmodel.h"

#include "thumbnailloader.h"

#include <QLocale>

#include <algorithm>
#include <array>
#include <cmath>

namespace semiprune::ui {

namespace {

constexpr std::array<int, 8> kSizeSteps { 64, 96, 128, 192, 256, 384, 512, 768 };

} // namespace

ImageGridModel::ImageGridModel(ThumbnailLoader *loader, QObject *parent) : QAbstractListModel(parent), m_loader(loader)
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
    rebuildVisible();
    endResetModel();
    Q_EMIT problemsFoundChanged(0, 0);
}

int ImageGridModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
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
    if (!m_visible.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), { Qt::DecorationRole, ThumbnailStateRole });
}

bool ImageGridModel::wantsThumbnail(int row) const
{
    const GridRow &r = gridRow(row);
    return r.status == ImageStatus::Ok && !m_problems.contains(r.id.value)
        && !m_loader->pixmap(ThumbnailId { r.id.value, m_size });
}

ImageGridModel::ThumbnailState ImageGridModel::stateOf(int row) const
{
    const GridRow &r = gridRow(row);
    if (r.status == ImageStatus::Missing)
        return ThumbnailState::Missing;
    if (r.status == ImageStatus::Unreadable)
        return ThumbnailState::Unreadable;
    const auto problem = m_problems.constFind(r.id.value);
    if (problem != m_problems.cend())
        return problem->missing ? ThumbnailState::Missing : ThumbnailState::Unreadable;
    return m_loader->pixmap(ThumbnailId { r.id.value, m_size }) ? ThumbnailState::Ready : ThumbnailState::Pending;
}

QString ImageGridModel::problemOf(int row) const
{
    const GridRow &r = gridRow(row);
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
    const GridRow &r = gridRow(row);
    return ThumbnailRequest { r.id, m_data.datasetRoot + QLatin1Char('/') + r.path, r.path, m_size };
}

QVariant ImageGridModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const GridRow &r = gridRow(row);
    const GridClass *label = r.labelClass >= 0 ? &m_data.classes[size_t(r.labelClass)] : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        return r.fileName;
    case Qt::DecorationRole: {
        if (const QPixmap *pixmap = m_loader->pixmap(ThumbnailId { r.id.value, m_size }))
            return *pixmap;
        if (!wantsThumbnail(row))
            return {};
        m_loader->request(requestFor(row));
        // While the thumbnail size changes, the old one is better than a placeholder.
        if (m_previousSize > 0) {
            if (const QPixmap *previous = m_loader->pixmap(ThumbnailId { r.id.value, m_previousSize }))
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
    case PseudoNameRole:
        return r.pseudoClass >= 0 ? m_data.classes[size_t(r.pseudoClass)].name : QString();
    case PseudoColorRole:
        return r.pseudoClass >= 0 ? m_data.classes[size_t(r.pseudoClass)].color : QColor();
    case PseudoConfidenceRole:
        return double(r.pseudoConfidence);
    default:
        return {};
    }
}

QString ImageGridModel::toolTipOf(int row) const
{
    const GridRow &r = gridRow(row);
    const QLocale locale;
    QString tip = QStringLiteral("<b>%1</b>").arg(m_data.shownPath(r).toHtmlEscaped());
    if (r.width > 0)
        tip += QStringLiteral("<br>")
            + tr("%1 × %2 pixels, %3").arg(r.width).arg(r.height).arg(locale.formattedDataSize(r.fileSize));
    tip += QStringLiteral("<br>") + tr("Split: %1").arg(splitName(r.split));
    if (r.labelClass >= 0) {
        tip += QStringLiteral("<br>")
            + tr("Label: %1 (%2)")
                  .arg(m_data.classes[size_t(r.labelClass)].name.toHtmlEscaped(), labelSourceName(r.labelSource));
    }
    if (r.pseudoClass >= 0) {
        tip += QStringLiteral("<br>")
            + tr("Pseudo-label: %1 (%2 % confident)")
                  .arg(m_data.classes[size_t(r.pseudoClass)].name.toHtmlEscaped())
                  .arg(qRound(r.pseudoConfidence * 100));
    }
    if (!std::isnan(r.difficulty))
        tip += QStringLiteral("<br>") + tr("Difficulty (AUM): %1").arg(QLocale().toString(r.difficulty, 'f', 3));
    if (r.inSeed)
        tip += QStringLiteral("<br>") + tr("In the seed");
    const ThumbnailState state = stateOf(row);
    if (state == ThumbnailState::Unreadable)
        tip += QStringLiteral("<br><font color=\"#c62828\">") + tr("Unreadable: %1").arg(problemOf(row).toHtmlEscaped())
            + QStringLiteral("</font>");
    else if (state == ThumbnailState::Missing)
        tip += QStringLiteral("<br><font color=\"#c62828\">") + problemOf(row).toHtmlEscaped()
            + QStringLiteral("</font>");
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
    names.insert(PseudoNameRole, "pseudoName");
    names.insert(PseudoColorRole, "pseudoColor");
    names.insert(PseudoConfidenceRole, "pseudoConfidence");
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

int ImageGridModel::classIndexOf(ClassId id) const
{
    for (size_t i = 0; i < m_data.classes.size(); ++i) {
        if (m_data.classes[i].id == id)
            return int(i);
    }
    return -1;
}

void ImageGridModel::applyLabels(const std::vector<LabelUpdate> &updates)
{
    std::vector<int> rows;
    rows.reserve(updates.size());
    for (const LabelUpdate &update : updates) {
        const int storage = m_rowOf.value(update.image.value, -1);
        if (storage < 0)
            continue;
        GridRow &r = m_data.rows[size_t(storage)];
        r.labelClass = update.classId.isValid() ? classIndexOf(update.classId) : -1;
        r.labelSource = update.source;
        rows.push_back(storage);
    }
    emitRowsChanged(rows, { LabelClassIdRole, LabelNameRole, LabelColorRole, LabelSourceRole, Qt::ToolTipRole });
}

void ImageGridModel::setClasses(std::vector<GridClass> classes)
{
    std::vector<int> remap(m_data.classes.size(), -1);
    for (size_t i = 0; i < m_data.classes.size(); ++i) {
        for (size_t j = 0; j < classes.size(); ++j) {
            if (classes[j].id == m_data.classes[i].id)
                remap[i] = int(j);
        }
    }
    m_data.classes = std::move(classes);
    std::vector<int> rows;
    for (size_t row = 0; row < m_data.rows.size(); ++row) {
        GridRow &r = m_data.rows[row];
        if (r.labelClass >= 0) {
            r.labelClass = remap[size_t(r.labelClass)];
            rows.push_back(int(row));
        }
    }
    emitRowsChanged(rows, { LabelClassIdRole, LabelNameRole, LabelColorRole, Qt::ToolTipRole });
}

void ImageGridModel::setInSeed(const std::vector<ImageId> &images, bool inSeed)
{
    std::vector<int> changed;
    for (ImageId image : images) {
        const int storage = m_rowOf.value(image.value, -1);
        if (storage >= 0 && m_data.rows[size_t(storage)].inSeed != inSeed) {
            m_data.rows[size_t(storage)].inSeed = inSeed;
            changed.push_back(storage);
        }
    }
    emitRowsChanged(changed, { InSeedRole, Qt::ToolTipRole });
}

void ImageGridModel::setPseudoLabels(const std::vector<PseudoLabel> &labels)
{
    std::vector<int> rows;
    for (size_t row = 0; row < m_data.rows.size(); ++row) {
        if (m_data.rows[row].pseudoClass >= 0) {
            m_data.rows[row].pseudoClass = -1;
            rows.push_back(int(row));
        }
    }
    for (const PseudoLabel &label : labels) {
        const int row = m_rowOf.value(label.image.value, -1);
        if (row < 0)
            continue;
        m_data.rows[size_t(row)].pseudoClass = classIndexOf(label.classId);
        m_data.rows[size_t(row)].pseudoConfidence = label.confidence;
        rows.push_back(row);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    emitRowsChanged(rows, { PseudoNameRole, PseudoColorRole, PseudoConfidenceRole, Qt::ToolTipRole });
    // Filters and sorts by class or confidence read the pseudo-labels.
    if (m_arrangement.sort != GridSort::Loaded || m_arrangement.filters.isActive())
        setArrangement(m_arrangement);
    Q_EMIT resultsChanged();
}

std::vector<qint64> ImageGridModel::labelCounts() const
{
    std::vector<qint64> counts(m_data.classes.size(), 0);
    for (const GridRow &r : m_data.rows) {
        if (r.labelClass >= 0)
            ++counts[size_t(r.labelClass)];
    }
    return counts;
}

std::vector<ImageGridModel::ClassCounts> ImageGridModel::classCounts() const
{
    std::vector<ClassCounts> counts(m_data.classes.size());
    for (const GridRow &r : m_data.rows) {
        if (r.labelClass >= 0) {
            ++counts[size_t(r.labelClass)].human;
            counts[size_t(r.labelClass)].seed += r.inSeed;
        } else if (r.pseudoClass >= 0) {
            ++counts[size_t(r.pseudoClass)].pseudo;
        }
        const int effective = r.labelClass >= 0 ? r.labelClass : r.pseudoClass;
        if (r.fate == RowFate::Kept && effective >= 0)
            ++counts[size_t(effective)].kept;
    }
    return counts;
}

int ImageGridModel::rowOfImage(ImageId image) const
{
    const int storage = m_rowOf.value(image.value, -1);
    return storage < 0 ? -1 : m_visibleRowOf[size_t(storage)];
}

const GridRow *ImageGridModel::findImage(ImageId image) const
{
    const int storage = m_rowOf.value(image.value, -1);
    return storage < 0 ? nullptr : &m_data.rows[size_t(storage)];
}

void ImageGridModel::rebuildVisible()
{
    m_visible
        = arrangeRows(m_data, m_arrangement, [this](const GridRow &r) { return m_problems.contains(r.id.value); });
    m_visibleRowOf.assign(m_data.rows.size(), -1);
    for (size_t row = 0; row < m_visible.size(); ++row)
        m_visibleRowOf[size_t(m_visible[row])] = int(row);
}

void ImageGridModel::setArrangement(const GridArrangement &arrangement)
{
    beginResetModel();
    m_loader->cancelAll();
    m_arrangement = arrangement;
    m_lastFirst = 0;
    rebuildVisible();
    endResetModel();
}

void ImageGridModel::setArrangement(GridSort sort, GridFilter filter)
{
    GridArrangement arrangement = m_arrangement;
    arrangement.sort = sort;
    arrangement.filters.state = filter;
    setArrangement(arrangement);
}

void ImageGridModel::rearrangeIfAffected()
{
    if (m_arrangement.sort != GridSort::Loaded || m_arrangement.filters.isActive())
        setArrangement(m_arrangement);
    else if (!m_visible.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), { Qt::ToolTipRole });
}

void ImageGridModel::setDifficulty(const QHash<ImageId, double> &scores)
{
    for (GridRow &r : m_data.rows)
        r.difficulty = scores.value(r.id, std::nan(""));
    rearrangeIfAffected();
}

void ImageGridModel::setSelectionFates(const QHash<ImageId, RowFate> &fates)
{
    for (GridRow &r : m_data.rows)
        r.fate = fates.value(r.id, RowFate::None);
    rearrangeIfAffected();
    Q_EMIT resultsChanged();
}

void ImageGridModel::emitRowsChanged(const std::vector<int> &storage, const QList<int> &roles)
{
    std::vector<int> rows;
    rows.reserve(storage.size());
    for (int s : storage) {
        if (s >= 0 && m_visibleRowOf[size_t(s)] >= 0)
            rows.push_back(m_visibleRowOf[size_t(s)]);
    }
    std::sort(rows.begin(), rows.end());
    size_t i = 0;
    while (i < rows.size()) {
        size_t j = i;
        while (j + 1 < rows.size() && rows[j + 1] <= rows[j] + 1)
            ++j;
        Q_EMIT dataChanged(index(rows[i]), index(rows[j]), roles);
        i = j + 1;
    }
}

void ImageGridModel::onThumbnailReady(qint64 imageId, int size)
{
    if (size != m_size)
        return;
    const int row = rowOfImage(ImageId(imageId));
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row), { Qt::DecorationRole, ThumbnailStateRole });
}

void ImageGridModel::onThumbnailFailed(qint64 imageId, int size, const QString &problem, bool missing)
{
    if (!m_rowOf.contains(imageId) || m_problems.contains(imageId))
        return;
    const int row = rowOfImage(ImageId(imageId));
    m_problems.insert(imageId, Problem { problem, missing });
    ++(missing ? m_missingFound : m_unreadableFound);
    if (row >= 0)
        Q_EMIT dataChanged(
            index(row), index(row), { Qt::DecorationRole, Qt::ToolTipRole, ThumbnailStateRole, ProblemRole });
    Q_EMIT problemsFoundChanged(m_unreadableFound, m_missingFound);
}

} // namespace semiprune::ui

#include "griddata.h"

#include "common/random.h"

#include "dataset/seeddraw.h"
#include "storage/classtable.h"
#include "storage/imagetable.h"
#include "storage/labeltable.h"
#include "storage/project.h"

#include <QHash>

#include <algorithm>

namespace semiprune::ui {

GridOrder defaultGridOrder(const Project &project)
{
    return project.labelMode() == LabelMode::Hidden ? GridOrder::Shuffled : GridOrder::Path;
}

GridData loadGridData(Project &project, GridOrder order)
{
    GridData data;
    data.datasetRoot = project.datasetRoot();
    data.foldersHidden = project.labelMode() == LabelMode::Hidden;

    QHash<qint64, int> classIndex;
    for (const ClassRecord &record : ClassTable(project.db()).all()) {
        classIndex.insert(record.id.value, int(data.classes.size()));
        QColor color(record.color);
        data.classes.push_back(GridClass { record.id, record.name, color.isValid() ? color : QColor(Qt::gray) });
    }

    std::vector<ImageRecord> images = ImageTable(project.db()).all();
    QHash<qint64, int> rowOf;
    rowOf.reserve(qsizetype(images.size()));
    data.rows.reserve(images.size());
    for (ImageRecord &image : images) {
        GridRow row;
        row.id = image.id;
        row.fileName = image.path.section(QLatin1Char('/'), -1);
        row.path = std::move(image.path);
        row.status = image.status;
        row.message = std::move(image.message);
        row.split = image.split;
        row.width = image.width;
        row.height = image.height;
        row.fileSize = image.fileSize;
        rowOf.insert(row.id.value, int(data.rows.size()));
        data.rows.push_back(std::move(row));
    }

    for (const LabelRecord &label : LabelTable(project.db()).all()) {
        const int row = rowOf.value(label.image.value, -1);
        const int cls = classIndex.value(label.classId.value, -1);
        if (row < 0 || cls < 0)
            continue;
        data.rows[size_t(row)].labelClass = cls;
        data.rows[size_t(row)].labelSource = label.source;
    }
    for (const SeedItem &item : seedItems(project.db())) {
        const int row = rowOf.value(item.image.value, -1);
        if (row >= 0 && !item.skipped)
            data.rows[size_t(row)].inSeed = true;
    }
    if (order == GridOrder::Shuffled) {
        std::sort(data.rows.begin(), data.rows.end(),
            [](const GridRow &a, const GridRow &b) { return mix64(quint64(a.id.value)) < mix64(quint64(b.id.value)); });
    }
    return data;
}

} // namespace semiprune::ui

#include "selectionclasses.h"

#include "classtable.h"
#include "database.h"
#include "runtable.h"
#include "statement.h"

#include <QHash>

namespace semiprune {

std::vector<SelectionClassCount> selectionClassCounts(Database &db, qint64 selectionId)
{
    const std::optional<RunRecord> pseudoLabels = RunTable(db).latestFinished(QStringLiteral("pseudo-label"));
    Statement query = db.prepare("SELECT coalesce(l.class_id, p.class_id) AS class, count(*), sum(s.kept) "
                                 "FROM selection_items s "
                                 "LEFT JOIN labels l ON l.image_id = s.image_id "
                                 "LEFT JOIN predictions p ON p.image_id = s.image_id AND p.run_id = ?2 "
                                 "WHERE s.selection_id = ?1 GROUP BY class");
    query.bind(1, selectionId).bind(2, pseudoLabels ? pseudoLabels->id.value : qint64(-1));
    QHash<qint64, std::pair<qint64, qint64>> byClass;
    while (query.step()) {
        if (!query.isNull(0))
            byClass.insert(query.int64(0), { query.int64(1), query.int64(2) });
    }
    std::vector<SelectionClassCount> counts;
    for (const ClassRecord &record : ClassTable(db).all()) {
        const auto found = byClass.constFind(record.id.value);
        if (found != byClass.constEnd())
            counts.push_back(SelectionClassCount { record.id, record.name, found->first, found->second });
    }
    return counts;
}

QStringList droppedClasses(const std::vector<SelectionClassCount> &counts)
{
    QStringList names;
    for (const SelectionClassCount &count : counts) {
        if (count.images > 0 && count.kept == 0)
            names << count.name;
    }
    return names;
}

} // namespace semiprune

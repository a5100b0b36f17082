#include "classtable.h"

#include "common/error.h"
#include "database.h"
#include "statement.h"

#include <QCoreApplication>

#include <array>

namespace semiprune {

namespace {

// Colors that stay distinct from each other and readable on light and dark backgrounds
// (the Tableau 10 palette, then a second round of further hues).
constexpr std::array<const char *, 20> kPalette = { "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
    "#e377c2", "#7f7f7f", "#bcbd22", "#17becf" };

ClassRecord fromRow(const Statement &row)
{
    ClassRecord record;
    record.id = ClassId(row.int64(0));
    record.name = row.text(1);
    record.color = row.text(2);
    record.hotkey = row.text(3);
    record.position = row.integer(4);
    return record;
}

QString validatedName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        throw Error(QCoreApplication::translate("ClassTable", "A class needs a name."));
    for (const QChar c : trimmed) {
        if (c.category() == QChar::Other_Control)
            throw Error(QCoreApplication::translate("ClassTable", "The class name \"%1\" contains control characters.")
                            .arg(trimmed.toHtmlEscaped()));
    }
    return trimmed;
}

} // namespace

ClassTable::ClassTable(Database &db) : m_db(db) { }

std::vector<ClassRecord> ClassTable::all()
{
    std::vector<ClassRecord> classes;
    Statement query = m_db.prepare("SELECT id, name, color, hotkey, position FROM classes ORDER BY position, id");
    while (query.step())
        classes.push_back(fromRow(query));
    return classes;
}

std::optional<ClassRecord> ClassTable::find(ClassId id)
{
    Statement query = m_db.prepare("SELECT id, name, color, hotkey, position FROM classes WHERE id = ?1");
    query.bind(1, id.value);
    if (!query.step())
        return std::nullopt;
    return fromRow(query);
}

std::optional<ClassRecord> ClassTable::findByName(const QString &name)
{
    Statement query = m_db.prepare("SELECT id, name, color, hotkey, position FROM classes WHERE name = ?1");
    query.bind(1, name.trimmed());
    if (!query.step())
        return std::nullopt;
    return fromRow(query);
}

ClassRecord ClassTable::add(const QString &name)
{
    const QString trimmed = validatedName(name);
    if (findByName(trimmed))
        throw Error(QCoreApplication::translate("ClassTable", "A class named \"%1\" exists already.").arg(trimmed));

    Statement count = m_db.prepare("SELECT count(*), coalesce(max(position) + 1, 0) FROM classes");
    count.step();
    const int existing = count.integer(0);
    const int position = count.integer(1);

    QString hotkey;
    if (existing < 10) {
        const QString candidate = QString::number((existing + 1) % 10);
        Statement taken = m_db.prepare("SELECT 1 FROM classes WHERE hotkey = ?1");
        if (!taken.bind(1, candidate).step())
            hotkey = candidate;
    }

    Statement insert = m_db.prepare("INSERT INTO classes(name, color, hotkey, position) VALUES(?1, ?2, ?3, ?4)");
    insert.bind(1, trimmed).bind(2, QString::fromLatin1(kPalette[size_t(existing) % kPalette.size()]));
    if (hotkey.isEmpty())
        insert.bindNull(3);
    else
        insert.bind(3, hotkey);
    insert.bind(4, position).run();
    return *find(ClassId(m_db.lastInsertRowId()));
}

ClassRecord ClassTable::ensure(const QString &name)
{
    if (auto existing = findByName(name))
        return *existing;
    return add(name);
}

void ClassTable::rename(ClassId id, const QString &name)
{
    const QString trimmed = validatedName(name);
    const auto clash = findByName(trimmed);
    if (clash && clash->id != id)
        throw Error(QCoreApplication::translate("ClassTable", "A class named \"%1\" exists already.").arg(trimmed));
    Statement update = m_db.prepare("UPDATE classes SET name = ?1 WHERE id = ?2");
    update.bind(1, trimmed).bind(2, id.value).run();
}

void ClassTable::setHotkey(ClassId id, const QString &hotkey)
{
    if (hotkey.size() > 1)
        throw Error(QCoreApplication::translate("ClassTable", "A hotkey is a single key, not \"%1\".").arg(hotkey));
    if (!hotkey.isEmpty()) {
        Statement taken = m_db.prepare("SELECT name FROM classes WHERE hotkey = ?1 AND id != ?2");
        if (taken.bind(1, hotkey).bind(2, id.value).step())
            throw Error(QCoreApplication::translate("ClassTable", "The key %1 is already the hotkey of \"%2\".")
                            .arg(hotkey, taken.text(0)));
    }
    Statement update = m_db.prepare("UPDATE classes SET hotkey = ?1 WHERE id = ?2");
    if (hotkey.isEmpty())
        update.bindNull(1);
    else
        update.bind(1, hotkey);
    update.bind(2, id.value).run();
}

void ClassTable::remove(ClassId id)
{
    Statement used = m_db.prepare("SELECT count(*) FROM labels WHERE class_id = ?1");
    used.bind(1, id.value).step();
    if (used.int64(0) > 0) {
        throw Error(QCoreApplication::translate(
            "ClassTable", "The class is still the label of %1 images: relabel or clear them first.")
                        .arg(used.int64(0)));
    }
    Statement remove = m_db.prepare("DELETE FROM classes WHERE id = ?1");
    remove.bind(1, id.value).run();
}

} // namespace semiprune

#pragma once

#include "records.h"

#include <optional>
#include <vector>

namespace semiprune {

class Database;

// The user's classes. Names are unique regardless of case; new classes get a distinct color and,
// for the first ten, the number keys 1-9 and 0 as hotkeys. Same thread rules as its Database.
class ClassTable final {
public:
    explicit ClassTable(Database &db);

    std::vector<ClassRecord> all();
    std::optional<ClassRecord> find(ClassId id);
    std::optional<ClassRecord> findByName(const QString &name);

    // Adds a class; throws Error for an empty name or one that exists already.
    ClassRecord add(const QString &name);
    // The class of that name, created if it does not exist yet.
    ClassRecord ensure(const QString &name);
    void rename(ClassId id, const QString &name);
    // Sets a single-key hotkey (empty clears it); throws Error when another class has it.
    void setHotkey(ClassId id, const QString &hotkey);
    // Removes a class; throws Error while images are labeled with it.
    void remove(ClassId id);

private:
    Database &m_db;
};

} // namespace semiprune

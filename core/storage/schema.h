#pragma once

#include <QStringList>

namespace semiprune {

class Database;

// The project file's schema: an ordered list of migrations, each run in its own transaction and
// recorded in PRAGMA user_version, so a file of any older version is brought forward step by step.
namespace schema {

int latestVersion();
int versionOf(Database &db);

// Brings the file to latestVersion(). Throws Error if the file comes from a newer version of the
// application (it is left untouched).
void migrate(Database &db);

// The tables of the latest schema that the file lacks (a damaged or hand-edited file); empty when
// every one is there.
QStringList missingTables(Database &db);

} // namespace schema
} // namespace semiprune

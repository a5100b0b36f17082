#pragma once

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

} // namespace schema
} // namespace semiprune

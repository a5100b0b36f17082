#include "database.h"

#include "statement.h"
#include "common/error.h"

#include <QCoreApplication>
#include <QFile>

#include <sqlite3.h>

namespace semiprune {

namespace {
constexpr int kBusyTimeoutMs = 10000;
}

Database::Database(const QString &path, Mode mode) : m_path(path), m_mode(mode)
{
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
    case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
    case Mode::ReadWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    }
    const QByteArray nativePath = QFile::encodeName(path);
    if (sqlite3_open_v2(nativePath.constData(), &m_db, flags, nullptr) != SQLITE_OK) {
        const QString reason = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("out of memory");
        sqlite3_close(m_db);
        m_db = nullptr;
        throw Error(QCoreApplication::translate("Database", "Cannot open %1: %2").arg(path, reason));
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, kBusyTimeoutMs);
    try {
        // Reading the schema is the first thing that touches the file: a non-database fails here.
        exec("PRAGMA foreign_keys = ON");
        {
            Statement check(*this, "SELECT count(*) FROM sqlite_master");
            check.step();
        }
        if (mode != Mode::ReadOnly) {
            exec("PRAGMA journal_mode = WAL");
            exec("PRAGMA synchronous = NORMAL");
        }
    } catch (...) {
        sqlite3_close(m_db);
        m_db = nullptr;
        throw;
    }
}

Database::~Database()
{
    if (m_db)
        sqlite3_close_v2(m_db);
}

void Database::exec(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        const QString reason = QString::fromUtf8(message ? message : sqlite3_errmsg(m_db));
        sqlite3_free(message);
        throw Error(QCoreApplication::translate("Database", "%1: %2").arg(m_path, reason));
    }
}

Statement Database::prepare(const char *sql)
{
    return Statement(*this, sql);
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

void Database::fail(const QString &what) const
{
    const int code = sqlite3_errcode(m_db);
    QString reason = QString::fromUtf8(sqlite3_errmsg(m_db));
    if ((code & 0xff) == SQLITE_NOTADB)
        reason = QCoreApplication::translate("Database", "not a SemiPrune project (not an SQLite database)");
    else if ((code & 0xff) == SQLITE_READONLY)
        reason = QCoreApplication::translate("Database", "the project file is read-only");
    throw Error(QCoreApplication::translate("Database", "%1: %2 failed: %3").arg(m_path, what, reason));
}

} // namespace semiprune

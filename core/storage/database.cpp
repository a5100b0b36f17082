#include "database.h"

#include "common/error.h"
#include "statement.h"

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
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    QByteArray nativePath = QFile::encodeName(path);
    if (mode == Mode::ReadOnly && !QFile::exists(path + QStringLiteral("-wal"))) {
        // No connection has the file open (the last one to close removes the log). A read-only
        // connection would otherwise create the -wal and -shm files beside it, which it can never
        // remove, or fail where the folder cannot be written: read the file as it stands instead.
        flags |= SQLITE_OPEN_URI;
        nativePath = "file:" + nativePath.toPercentEncoding("/") + "?mode=ro&immutable=1";
    }
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
    const int result = sqlite3_exec(m_db, sql, nullptr, nullptr, &message);
    if (result != SQLITE_OK) {
        const QString reason = QString::fromUtf8(message ? message : sqlite3_errmsg(m_db));
        sqlite3_free(message);
        // A read-only, damaged or foreign file says so in the words fail() uses for it, whichever
        // call met it first (a write on a read-only project fails at BEGIN IMMEDIATE).
        const int code = result & 0xff;
        if (code == SQLITE_READONLY || code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
            fail(QStringLiteral("\"%1\"").arg(QString::fromUtf8(sql)));
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

void Database::requireWritable() const
{
    if (m_mode == Mode::ReadOnly)
        throw Error(
            QCoreApplication::translate("Database", "%1 is read-only: changes cannot be saved in it.").arg(m_path));
}

void Database::fail(const QString &what) const
{
    const int code = sqlite3_errcode(m_db) & 0xff;
    const QString reason = QString::fromUtf8(sqlite3_errmsg(m_db));
    // What the user can act on comes first; the statement that hit it only helps for the rest.
    if (code == SQLITE_NOTADB)
        throw Error(QCoreApplication::translate("Database", "%1 is not a SemiPrune project (not an SQLite database).")
                        .arg(m_path));
    if (code == SQLITE_CORRUPT)
        throw Error(QCoreApplication::translate("Database", "%1 is damaged (%2). Restore it from a backup or a copy.")
                        .arg(m_path, reason));
    if (code == SQLITE_READONLY)
        throw Error(
            QCoreApplication::translate("Database", "%1 is read-only: changes cannot be saved in it.").arg(m_path));
    throw Error(QCoreApplication::translate("Database", "%1: %2 failed: %3").arg(m_path, what, reason));
}

} // namespace semiprune

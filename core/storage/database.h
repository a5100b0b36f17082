#pragma once

#include <QByteArray>
#include <QString>

struct sqlite3;

namespace semiprune {

class Statement;

// One SQLite connection. Thread rules: a Database belongs to the thread that opened it; every other
// thread opens its own connection to the same file (WAL lets readers and one writer work at once).
class Database final {
public:
    enum class Mode { ReadWrite, ReadWriteCreate, ReadOnly };

    // Opens the file and applies the connection settings every connection of the project needs
    // (WAL, foreign keys, busy timeout). Throws Error with the file name on failure.
    Database(const QString &path, Mode mode);
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const QString &path() const { return m_path; }
    bool isReadOnly() const { return m_mode == Mode::ReadOnly; }

    void exec(const char *sql);
    Statement prepare(const char *sql);
    qint64 lastInsertRowId() const;
    int changes() const;

    // Throws Error saying the file is read-only when this connection is.
    void requireWritable() const;
    // Throws Error describing the last failure of this connection, prefixed with what was attempted.
    [[noreturn]] void fail(const QString &what) const;

    sqlite3 *handle() const { return m_db; }

private:
    QString m_path;
    Mode m_mode;
    sqlite3 *m_db = nullptr;
};

} // namespace semiprune

#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

struct sqlite3_stmt;

namespace semiprune {

class Database;

// A prepared statement with bound parameters (1-based, as SQLite counts them). Reusable: step()
// until it returns false, then reset() and bind again. Same thread rules as its Database.
class Statement final {
public:
    Statement(Database &db, const char *sql);
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&) = delete;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, const QString &value);
    Statement &bind(int index, const QByteArray &blob);
    Statement &bind(int index, const void *data, int bytes);
    Statement &bindNull(int index);
    template<typename T> Statement &bind(int index, const std::optional<T> &value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }

    // Advances to the next row; false when done. Throws Error on failure.
    bool step();
    // Runs a statement that returns no rows.
    void run()
    {
        while (step()) { }
    }
    void reset();

    bool isNull(int column) const;
    qint64 int64(int column) const;
    int integer(int column) const { return int(int64(column)); }
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    const void *blobData(int column) const;
    int blobSize(int column) const;

private:
    Database *m_db;
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace semiprune

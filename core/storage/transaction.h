#pragma once

namespace semiprune {

class Database;

// RAII transaction: rolls back unless commit() was called, so an exception anywhere inside a bulk
// write leaves the project as it was. BEGIN IMMEDIATE takes the write lock up front, which turns a
// late "database is locked" into a wait at the start (the busy timeout covers it).
class Transaction final {
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit();

private:
    Database &m_db;
    bool m_open = true;
};

} // namespace semiprune

#include "transaction.h"

#include "database.h"

namespace semiprune {

Transaction::Transaction(Database &db) : m_db(db)
{
    // Refused before anything is done: a read-only connection could begin (an immutable one takes
    // no lock) and fail only at its first write.
    m_db.requireWritable();
    m_db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (m_open) {
        try {
            m_db.exec("ROLLBACK");
        } catch (...) {
            // A failed rollback leaves SQLite's own journal to undo the work when the file is next opened.
        }
    }
}

void Transaction::commit()
{
    m_db.exec("COMMIT");
    m_open = false;
}

} // namespace semiprune

#pragma once

#include "records.h"

#include <QHash>

#include <memory>

#include <optional>
#include <vector>

namespace semiprune {

class Database;
class Statement;

// The images of a project and the reference classes their folders name. Same thread rules as the
// Database it works on. Bulk callers wrap their calls in one Transaction.
class ImageTable final {
public:
    explicit ImageTable(Database &db);
    ~ImageTable();

    std::vector<ImageRecord> all();
    std::optional<ImageRecord> find(ImageId id);
    std::optional<ImageRecord> findByPath(const QString &relativePath);

    ImageId insert(const ImageRecord &image, qint64 addedAtMs);
    void update(const ImageRecord &image); // every column but the id and the time it was added
    void setStatus(ImageId id, ImageStatus status, const QString &message);

    ReferenceClassId ensureReferenceClass(const QString &name);
    QHash<ReferenceClassId, QString> referenceClassNames();

private:
    static ImageRecord fromRow(const Statement &row);

    Database &m_db;
    QHash<QString, ReferenceClassId> m_referenceCache;
    // Prepared once: an import inserts tens of thousands of rows through them.
    std::unique_ptr<Statement> m_insert;
    std::unique_ptr<Statement> m_update;
};

} // namespace semiprune

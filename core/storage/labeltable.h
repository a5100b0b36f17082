#pragma once

#include "records.h"

#include <QHash>

#include <memory>
#include <optional>
#include <vector>

namespace semiprune {

class Database;
class Statement;

// Human labels: at most one per image, with where it came from and when. Same thread rules as its
// Database. Bulk callers wrap their calls in one Transaction.
class LabelTable final {
public:
    explicit LabelTable(Database &db);
    ~LabelTable();

    std::optional<LabelRecord> find(ImageId image);
    std::vector<LabelRecord> all();
    QHash<ClassId, qint64> countsPerClass();

    // Sets or replaces the label of an image; throws Error if the image or class does not exist.
    void set(ImageId image, ClassId classId, LabelSource source, qint64 atMs);
    void clear(ImageId image);

private:
    Database &m_db;
    std::unique_ptr<Statement> m_upsert;
};

qint64 currentTimeMs();

} // namespace semiprune

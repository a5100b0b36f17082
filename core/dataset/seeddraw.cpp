#include "seeddraw.h"

#include "common/error.h"
#include "common/random.h"
#include "storage/database.h"
#include "storage/labeltable.h"
#include "storage/statement.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <map>

namespace semiprune {

namespace {

// Eligible images by ascending id (the order makes a draw reproducible), with their reference class.
std::vector<std::pair<ImageId, qint64>> eligibleImages(Database &db)
{
    Statement query = db.prepare("SELECT i.id, coalesce(i.reference_class_id, 0) FROM images i "
                                 "WHERE i.split = 'train' AND i.status = 0 "
                                 "AND NOT EXISTS (SELECT 1 FROM labels l WHERE l.image_id = i.id) "
                                 "AND NOT EXISTS (SELECT 1 FROM seed_items s WHERE s.image_id = i.id) ORDER BY i.id");
    std::vector<std::pair<ImageId, qint64>> images;
    while (query.step())
        images.emplace_back(ImageId(query.int64(0)), query.int64(1));
    return images;
}

// The first `count` entries of a partial Fisher-Yates shuffle: a uniform sample in random order.
template<typename T> std::vector<T> sample(std::vector<T> pool, size_t count, SelectionRng &rng)
{
    count = std::min(count, pool.size());
    for (size_t i = 0; i < count; ++i)
        std::swap(pool[i], pool[i + size_t(rng.below(pool.size() - i))]);
    pool.resize(count);
    return pool;
}

std::vector<ImageId> drawBalanced(const std::vector<std::pair<ImageId, qint64>> &eligible, int count, SelectionRng &rng)
{
    std::map<qint64, std::vector<ImageId>> byClass;
    for (const auto &[image, referenceClass] : eligible) {
        if (referenceClass > 0)
            byClass[referenceClass].push_back(image);
    }
    if (byClass.empty())
        throw Error(QCoreApplication::translate(
            "SeedDraw", "A class-balanced seed needs reference labels, and this project has none."));
    // Equal shares; the remainder goes to randomly chosen classes, one extra each.
    const int classCount = int(byClass.size());
    std::vector<int> shares(size_t(classCount), count / classCount);
    std::vector<int> order(static_cast<size_t>(classCount));
    for (int i = 0; i < classCount; ++i)
        order[size_t(i)] = i;
    for (int extra : sample(order, size_t(count % classCount), rng))
        ++shares[size_t(extra)];

    std::vector<ImageId> drawn;
    int index = 0;
    for (auto &[referenceClass, images] : byClass) {
        const int share = shares[size_t(index++)];
        if (int(images.size()) < share)
            throw Error(QCoreApplication::translate("SeedDraw",
                "A class-balanced seed of %1 needs %2 images of every class, but one class has "
                "only %3 unlabeled images left.")
                            .arg(count)
                            .arg(share)
                            .arg(images.size()));
        for (ImageId image : sample(images, size_t(share), rng))
            drawn.push_back(image);
    }
    return sample(drawn, drawn.size(), rng); // interleave the classes for labeling
}

int nextPosition(Database &db)
{
    Statement query = db.prepare("SELECT coalesce(max(position) + 1, 0) FROM seed_items");
    query.step();
    return query.integer(0);
}

void insertItems(Database &db, SeedDrawId draw, const std::vector<ImageId> &images)
{
    int position = nextPosition(db);
    Statement insert = db.prepare("INSERT INTO seed_items(image_id, draw_id, position) VALUES(?1, ?2, ?3)");
    for (ImageId image : images) {
        insert.reset();
        insert.bind(1, image.value).bind(2, draw.value).bind(3, position++).run();
    }
}

} // namespace

SeedDrawResult drawSeed(Database &db, int count, quint64 rngSeed, bool balanced)
{
    if (count < 1)
        throw Error(
            QCoreApplication::translate("SeedDraw", "A seed needs at least one image (asked for %1).").arg(count));
    Transaction transaction(db);
    const auto eligible = eligibleImages(db);
    if (qint64(count) > qint64(eligible.size())) {
        throw Error(QCoreApplication::translate("SeedDraw",
            "Asked for a seed of %1 images, but only %2 readable, unlabeled training images are "
            "left to draw from.")
                        .arg(count)
                        .arg(eligible.size()));
    }
    SelectionRng rng(rngSeed);
    std::vector<ImageId> images;
    if (balanced) {
        images = drawBalanced(eligible, count, rng);
    } else {
        std::vector<ImageId> ids;
        ids.reserve(eligible.size());
        for (const auto &entry : eligible)
            ids.push_back(entry.first);
        images = sample(std::move(ids), size_t(count), rng);
    }

    Statement record
        = db.prepare("INSERT INTO seed_draws(rng_seed, requested, balanced, created_at) VALUES(?1, ?2, ?3, ?4)");
    record.bind(1, qint64(rngSeed)).bind(2, count).bind(3, balanced ? 1 : 0).bind(4, currentTimeMs()).run();
    const SeedDrawId draw(db.lastInsertRowId());
    insertItems(db, draw, images);
    transaction.commit();
    return SeedDrawResult { draw, images };
}

SeedDrawResult addChosenToSeed(Database &db, const std::vector<ImageId> &images, int count)
{
    if (count < 1)
        throw Error(
            QCoreApplication::translate("SeedDraw", "A seed needs at least one image (asked for %1).").arg(count));
    Transaction transaction(db);
    QSet<qint64> eligible;
    for (const auto &entry : eligibleImages(db))
        eligible.insert(entry.first.value);
    std::vector<ImageId> chosen;
    for (ImageId image : images) {
        if (int(chosen.size()) == count)
            break;
        if (eligible.remove(image.value)) // once each
            chosen.push_back(image);
    }
    if (chosen.empty())
        return {};
    Statement record
        = db.prepare("INSERT INTO seed_draws(rng_seed, requested, balanced, created_at) VALUES(-1, ?1, 0, ?2)");
    record.bind(1, count).bind(2, currentTimeMs()).run();
    const SeedDrawId draw(db.lastInsertRowId());
    insertItems(db, draw, chosen);
    transaction.commit();
    return SeedDrawResult { draw, chosen };
}

std::optional<SeedDrawResult> findSeedDraw(Database &db, int count, quint64 rngSeed, bool balanced)
{
    Statement draw = db.prepare(
        "SELECT id FROM seed_draws WHERE rng_seed = ?1 AND requested = ?2 AND balanced = ?3 ORDER BY id LIMIT 1");
    if (!draw.bind(1, qint64(rngSeed)).bind(2, count).bind(3, balanced ? 1 : 0).step())
        return std::nullopt;
    SeedDrawResult result { SeedDrawId(draw.int64(0)), {} };
    Statement items = db.prepare("SELECT image_id FROM seed_items WHERE draw_id = ?1 ORDER BY position");
    items.bind(1, result.draw.value);
    while (items.step())
        result.images.emplace_back(items.int64(0));
    return result;
}

std::optional<ImageId> skipSeedImage(Database &db, ImageId image, quint64 rngSeed)
{
    Transaction transaction(db);
    Statement find = db.prepare("SELECT draw_id FROM seed_items WHERE image_id = ?1");
    if (!find.bind(1, image.value).step())
        throw Error(QCoreApplication::translate("SeedDraw", "Image %1 is not part of the seed.").arg(image.value));
    const SeedDrawId draw(find.int64(0));
    Statement skip = db.prepare("UPDATE seed_items SET skipped = 1 WHERE image_id = ?1");
    skip.bind(1, image.value).run();

    const auto eligible = eligibleImages(db);
    std::optional<ImageId> replacement;
    if (!eligible.empty()) {
        // Mixing the image id into the seed keeps successive skips from drawing the same position.
        SelectionRng rng(rngSeed ^ (quint64(image.value) * 0x9e3779b97f4a7c15ULL));
        replacement = eligible[size_t(rng.below(eligible.size()))].first;
        insertItems(db, draw, { *replacement });
    }
    transaction.commit();
    return replacement;
}

std::vector<SeedItem> seedItems(Database &db)
{
    Statement query
        = db.prepare("SELECT s.image_id, s.draw_id, s.position, s.skipped, coalesce(l.class_id, 0) FROM seed_items s "
                     "LEFT JOIN labels l ON l.image_id = s.image_id ORDER BY s.position");
    std::vector<SeedItem> items;
    while (query.step()) {
        items.push_back(SeedItem { ImageId(query.int64(0)), SeedDrawId(query.int64(1)), query.integer(2),
            query.integer(3) != 0, ClassId(query.int64(4)) });
    }
    return items;
}

} // namespace semiprune

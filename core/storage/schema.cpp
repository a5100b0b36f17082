#include "schema.h"

#include "common/error.h"
#include "database.h"
#include "statement.h"
#include "transaction.h"

#include <QCoreApplication>

#include <array>

namespace semiprune::schema {

namespace {

// Never edit a migration that has shipped: add a new one.
const std::array<const char *, 6> kMigrations = {
    // 1: the foundation: dataset, images, classes, human labels, seed draws.
    R"sql(
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE reference_classes (
        id   INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
    );

    CREATE TABLE images (
        id           INTEGER PRIMARY KEY,
        path         TEXT NOT NULL UNIQUE,      -- relative to the dataset root, '/' separated
        split        TEXT NOT NULL DEFAULT 'train' CHECK (split IN ('train', 'val', 'test')),
        format       TEXT,
        width        INTEGER,
        height       INTEGER,
        channels     INTEGER,
        bit_depth    INTEGER,
        file_size    INTEGER NOT NULL,
        mtime_ms     INTEGER NOT NULL,
        status       INTEGER NOT NULL DEFAULT 0 CHECK (status IN (0, 1, 2)), -- ok, unreadable, missing
        message      TEXT,                      -- why unreadable, or a warning (extension lies)
        reference_class_id INTEGER REFERENCES reference_classes(id),
        added_at     INTEGER NOT NULL
    );
    CREATE INDEX images_status ON images(status);

    CREATE TABLE classes (
        id       INTEGER PRIMARY KEY,
        name     TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
        color    TEXT NOT NULL,
        hotkey   TEXT UNIQUE,
        position INTEGER NOT NULL
    );

    CREATE TABLE labels (
        image_id   INTEGER PRIMARY KEY REFERENCES images(id) ON DELETE CASCADE,
        class_id   INTEGER NOT NULL REFERENCES classes(id) ON DELETE RESTRICT,
        source     TEXT NOT NULL CHECK (source IN ('seed', 'manual', 'override', 'import')),
        labeled_at INTEGER NOT NULL
    );
    CREATE INDEX labels_class ON labels(class_id);

    CREATE TABLE seed_draws (
        id         INTEGER PRIMARY KEY,
        rng_seed   INTEGER NOT NULL,
        requested  INTEGER NOT NULL,
        balanced   INTEGER NOT NULL,
        created_at INTEGER NOT NULL
    );

    CREATE TABLE seed_items (
        image_id INTEGER PRIMARY KEY REFERENCES images(id) ON DELETE CASCADE,
        draw_id  INTEGER NOT NULL REFERENCES seed_draws(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        skipped  INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX seed_items_draw ON seed_items(draw_id, position);
    )sql",

    // 2: the learning engine: runs with their parameters and metrics, trained models, predictions
    // (pseudo-labels), training dynamics, difficulty scores and selections. Resume checkpoints are
    // files beside the project (rewritten often, deleted when a run ends): see RunFiles.
    R"sql(
    CREATE TABLE runs (
        id          INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL,
        state       TEXT NOT NULL CHECK (state IN ('running', 'finished', 'failed', 'cancelled', 'interrupted')),
        parameters  TEXT NOT NULL,             -- JSON
        fingerprint TEXT NOT NULL,             -- what must match for a later run to reuse or resume this one
        device      TEXT,
        threads     INTEGER,
        owner_pid   INTEGER,
        started_at  INTEGER NOT NULL,
        finished_at INTEGER,
        progress    INTEGER NOT NULL DEFAULT 0, -- steps or epochs done
        total       INTEGER NOT NULL DEFAULT 0,
        metrics     TEXT NOT NULL DEFAULT '{}', -- JSON summary
        message     TEXT,
        parent_id   INTEGER REFERENCES runs(id) ON DELETE SET NULL
    );
    CREATE INDEX runs_kind ON runs(kind, state);

    CREATE TABLE run_metrics (
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        name   TEXT NOT NULL,
        step   INTEGER NOT NULL,
        value  REAL NOT NULL,
        PRIMARY KEY (run_id, name, step)
    ) WITHOUT ROWID;

    -- The images a run trained on, in the order its per-image blobs use.
    CREATE TABLE run_images (
        run_id   INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
        label    INTEGER,                      -- the class index trained on (-1: unlabeled)
        PRIMARY KEY (run_id, position)
    ) WITHOUT ROWID;

    CREATE TABLE run_classes (
        run_id   INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,             -- the class index inside the run's model
        class_id INTEGER NOT NULL REFERENCES classes(id),
        PRIMARY KEY (run_id, position)
    ) WITHOUT ROWID;

    CREATE TABLE models (
        run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
        data   BLOB NOT NULL
    );

    CREATE TABLE predictions (
        run_id        INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        image_id      INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
        class_id      INTEGER NOT NULL REFERENCES classes(id),
        confidence    REAL NOT NULL,
        probabilities BLOB NOT NULL,           -- float32 per class, in run_classes order
        PRIMARY KEY (run_id, image_id)
    ) WITHOUT ROWID;

    CREATE TABLE dynamics_epochs (
        run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        epoch   INTEGER NOT NULL,
        records BLOB NOT NULL,                 -- one record per run_images position
        PRIMARY KEY (run_id, epoch)
    ) WITHOUT ROWID;

    CREATE TABLE scores (
        run_id   INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        kind     TEXT NOT NULL,
        image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
        value    REAL NOT NULL,
        PRIMARY KEY (run_id, kind, image_id)
    ) WITHOUT ROWID;

    CREATE TABLE selections (
        id         INTEGER PRIMARY KEY,
        run_id     INTEGER REFERENCES runs(id) ON DELETE SET NULL,
        name       TEXT NOT NULL UNIQUE,
        method     TEXT NOT NULL,
        keep_ratio REAL NOT NULL,
        beta       REAL,
        parameters TEXT NOT NULL,
        created_at INTEGER NOT NULL
    );

    CREATE TABLE selection_items (
        selection_id INTEGER NOT NULL REFERENCES selections(id) ON DELETE CASCADE,
        image_id     INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
        kept         INTEGER NOT NULL,
        reason       TEXT NOT NULL,
        rank         INTEGER,                  -- order of choice among the kept
        PRIMARY KEY (selection_id, image_id)
    ) WITHOUT ROWID;
    )sql",

    // 3: a resumed run's time counts only while it ran. paused_ms sums the gaps between a stop and
    // the resume; last_progress_at tells when a killed run was last seen working.
    R"sql(
    ALTER TABLE runs ADD COLUMN paused_ms INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE runs ADD COLUMN last_progress_at INTEGER;
    )sql",

    // 4: what the proxy network sees in every image (its penultimate features), per training run, in
    // the run's image order: the diversity selector's neighbour graph and image similarity use them.
    R"sql(
    CREATE TABLE run_features (
        run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
        data   BLOB NOT NULL
    );
    )sql",

    // 5: the arithmetic a training or inference run used ("float32" or "bfloat16"). Runs recorded
    // before it existed were float32.
    R"sql(
    ALTER TABLE runs ADD COLUMN precision TEXT NOT NULL DEFAULT 'float32';
    )sql",

    // 6: what the health pass measured in every decoded image (core/health): two fingerprints for
    // exact and near copies and the image audit's measures, with the file's size and time they were
    // computed from, so a changed file is measured again.
    R"sql(
    CREATE TABLE image_health (
        image_id   INTEGER PRIMARY KEY REFERENCES images(id) ON DELETE CASCADE,
        file_size  INTEGER NOT NULL,
        mtime_ms   INTEGER NOT NULL,
        pixels     INTEGER NOT NULL,
        thumbnail  BLOB NOT NULL,
        darkest    REAL NOT NULL,
        brightest  REAL NOT NULL,
        sharpness  REAL NOT NULL,
        entropy    REAL NOT NULL,
        structure  REAL NOT NULL,
        gray       INTEGER NOT NULL
    );
    )sql",
};

} // namespace

int latestVersion()
{
    return int(kMigrations.size());
}

QStringList missingTables(Database &db)
{
    static const char *const tables[] = { "meta", "reference_classes", "images", "classes", "labels", "seed_draws",
        "seed_items", "runs", "run_metrics", "run_images", "run_classes", "models", "predictions", "dynamics_epochs",
        "scores", "selections", "selection_items" };
    QStringList missing;
    Statement query = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1");
    for (const char *table : tables) {
        query.reset();
        query.bind(1, QString::fromLatin1(table));
        query.step();
        if (query.integer(0) == 0)
            missing << QString::fromLatin1(table);
    }
    return missing;
}

int versionOf(Database &db)
{
    Statement query = db.prepare("PRAGMA user_version");
    query.step();
    return query.integer(0);
}

void migrate(Database &db)
{
    const int current = versionOf(db);
    if (current > latestVersion()) {
        throw Error(QCoreApplication::translate("Schema",
            "%1 was written by a newer version of SemiPrune Studio (project version %2, "
            "this application understands up to %3). Update the application to open it.")
                        .arg(db.path())
                        .arg(current)
                        .arg(latestVersion()));
    }
    for (int version = current + 1; version <= latestVersion(); ++version) {
        Transaction transaction(db);
        db.exec(kMigrations[size_t(version - 1)]);
        db.exec(QByteArray("PRAGMA user_version = " + QByteArray::number(version)).constData());
        transaction.commit();
    }
}

} // namespace semiprune::schema

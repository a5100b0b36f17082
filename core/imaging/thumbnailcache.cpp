#include "thumbnailcache.h"

#include "common/error.h"
#include "storage/database.h"
#include "storage/statement.h"
#include "storage/transaction.h"

#include <QFile>
#include <QLoggingCategory>

#include <opencv2/imgcodecs.hpp>

namespace semiprune {

namespace {

Q_LOGGING_CATEGORY(lcThumbnailCache, "semiprune.thumbnailcache")

constexpr int kSchemaVersion = 1;
constexpr int kTouchBatch = 64;
// A row costs more than its blob: the key, the index entries and the page overhead.
constexpr qint64 kRowOverhead = 96;
// Small images lose nothing worth the CPU to JPEG, and PNG keeps gray data exact.
constexpr int kPngMaxPixels = 128 * 128;

} // namespace

ThumbnailCache::ThumbnailCache(const QString &file, qint64 maxBytes) : m_file(file), m_maxBytes(maxBytes)
{
    try {
        open();
    } catch (const Error &error) {
        // Not a database, or damaged: the cache holds nothing that cannot be made again.
        qCWarning(lcThumbnailCache) << "replacing the thumbnail cache" << file << ":" << error.message();
        m_find.reset();
        m_put.reset();
        m_db.reset();
        removeFiles(file);
        open();
    }
}

ThumbnailCache::~ThumbnailCache()
{
    flush();
    // Statements must be finalized before their connection closes.
    m_find.reset();
    m_put.reset();
}

void ThumbnailCache::open()
{
    m_db = std::make_unique<Database>(m_file, Database::Mode::ReadWriteCreate);
    const auto version = [this] {
        Statement query = m_db->prepare("PRAGMA user_version");
        return query.step() ? query.integer(0) : 0;
    };
    if (version() != kSchemaVersion) {
        Transaction transaction(*m_db);
        if (version() != kSchemaVersion) { // another thread may have made it meanwhile
            m_db->exec("DROP TABLE IF EXISTS thumbnails");
            m_db->exec("CREATE TABLE thumbnails("
                       " path TEXT NOT NULL, size INTEGER NOT NULL,"
                       " file_size INTEGER NOT NULL, mtime_ms INTEGER NOT NULL,"
                       " data BLOB, problem TEXT, bytes INTEGER NOT NULL,"
                       " used_at INTEGER NOT NULL," // a counter, not a clock: a strict order of use
                       " PRIMARY KEY(path, size))");
            m_db->exec("CREATE INDEX thumbnails_used_at ON thumbnails(used_at)");
            m_db->exec("PRAGMA user_version = 1");
        }
        transaction.commit();
    }
    m_find = std::make_unique<Statement>(
        *m_db, "SELECT file_size, mtime_ms, data, problem FROM thumbnails WHERE path = ?1 AND size = ?2");
    m_put = std::make_unique<Statement>(*m_db,
        "INSERT INTO thumbnails(path, size, file_size, mtime_ms, data, problem, bytes, used_at)"
        " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, (SELECT coalesce(max(used_at), 0) + 1 FROM thumbnails))"
        " ON CONFLICT(path, size) DO UPDATE SET file_size = excluded.file_size,"
        " mtime_ms = excluded.mtime_ms, data = excluded.data, problem = excluded.problem,"
        " bytes = excluded.bytes, used_at = excluded.used_at");
}

void ThumbnailCache::removeFiles(const QString &file)
{
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
        QFile::remove(file + suffix);
}

std::optional<CachedThumbnail> ThumbnailCache::find(const ThumbnailKey &key)
{
    try {
        m_find->reset();
        m_find->bind(1, key.path).bind(2, key.size);
        if (!m_find->step())
            return std::nullopt;
        if (m_find->int64(0) != key.fileSize || m_find->int64(1) != key.mtimeMs) {
            m_find->reset();
            return std::nullopt; // another version of the file: the next store replaces the row
        }
        CachedThumbnail cached;
        if (m_find->isNull(2)) {
            cached.problem = m_find->text(3);
        } else {
            cached.pixels = decode(m_find->blob(2));
            if (cached.pixels.empty()) {
                m_find->reset();
                return std::nullopt;
            }
        }
        m_find->reset();
        m_touched.emplace_back(key.path, key.size);
        if (int(m_touched.size()) >= kTouchBatch)
            flush();
        return cached;
    } catch (const Error &error) {
        qCWarning(lcThumbnailCache) << error.message();
        return std::nullopt;
    }
}

void ThumbnailCache::store(const ThumbnailKey &key, const cv::Mat &pixels)
{
    const QByteArray data = encode(pixels);
    if (!data.isEmpty())
        put(key, data, QString());
}

void ThumbnailCache::storeUnreadable(const ThumbnailKey &key, const QString &problem)
{
    put(key, QByteArray(), problem.isEmpty() ? QStringLiteral("?") : problem);
}

void ThumbnailCache::put(const ThumbnailKey &key, const QByteArray &data, const QString &problem)
{
    const qint64 bytes = data.size() + key.path.size() * 2 + problem.size() * 2 + kRowOverhead;
    try {
        m_put->reset();
        m_put->bind(1, key.path).bind(2, key.size).bind(3, key.fileSize).bind(4, key.mtimeMs);
        if (data.isEmpty())
            m_put->bindNull(5).bind(6, problem);
        else
            m_put->bind(5, data).bindNull(6);
        m_put->bind(7, bytes);
        m_put->run();
        m_put->reset();
    } catch (const Error &error) {
        qCWarning(lcThumbnailCache) << error.message();
        return;
    }
    m_bytesSinceTrim += bytes;
    // Checking the total costs a scan of the index: do it every few percent of the cap.
    if (m_bytesSinceTrim > m_maxBytes / 32)
        trim();
}

void ThumbnailCache::flush()
{
    if (m_touched.empty() || !m_db)
        return;
    try {
        Transaction transaction(*m_db);
        Statement touch = m_db->prepare("UPDATE thumbnails SET used_at = (SELECT max(used_at) FROM thumbnails) + 1"
                                        " WHERE path = ?1 AND size = ?2");
        for (const auto &[path, size] : m_touched) {
            touch.reset();
            touch.bind(1, path).bind(2, size).run();
        }
        transaction.commit();
    } catch (const Error &error) {
        qCWarning(lcThumbnailCache) << error.message();
    }
    m_touched.clear();
}

void ThumbnailCache::trim()
{
    m_bytesSinceTrim = 0;
    try {
        const qint64 total = totalBytes();
        if (total <= m_maxBytes)
            return;
        const qint64 toFree = total - m_maxBytes * 9 / 10;
        Transaction transaction(*m_db);
        Statement oldest = m_db->prepare("SELECT path, size, bytes FROM thumbnails ORDER BY used_at");
        Statement remove = m_db->prepare("DELETE FROM thumbnails WHERE path = ?1 AND size = ?2");
        std::vector<std::pair<QString, int>> victims;
        qint64 freed = 0;
        while (freed < toFree && oldest.step()) {
            victims.emplace_back(oldest.text(0), oldest.integer(1));
            freed += oldest.int64(2);
        }
        oldest.reset();
        for (const auto &[path, size] : victims) {
            remove.reset();
            remove.bind(1, path).bind(2, size).run();
        }
        transaction.commit();
    } catch (const Error &error) {
        qCWarning(lcThumbnailCache) << error.message();
    }
}

void ThumbnailCache::clear()
{
    m_touched.clear();
    try {
        m_db->exec("DELETE FROM thumbnails");
    } catch (const Error &error) {
        qCWarning(lcThumbnailCache) << error.message();
    }
}

qint64 ThumbnailCache::totalBytes()
{
    Statement query = m_db->prepare("SELECT total(bytes) FROM thumbnails");
    return query.step() ? qint64(query.real(0)) : 0;
}

qint64 ThumbnailCache::count()
{
    Statement query = m_db->prepare("SELECT count(*) FROM thumbnails");
    return query.step() ? query.int64(0) : 0;
}

QByteArray ThumbnailCache::encode(const cv::Mat &pixels)
{
    if (pixels.empty() || pixels.depth() != CV_8U)
        return {};
    std::vector<uchar> bytes;
    try {
        const bool png = pixels.channels() == 1 || pixels.total() <= size_t(kPngMaxPixels);
        const bool ok = png ? cv::imencode(".png", pixels, bytes, { cv::IMWRITE_PNG_COMPRESSION, 3 })
                            : cv::imencode(".jpg", pixels, bytes, { cv::IMWRITE_JPEG_QUALITY, 88 });
        if (!ok)
            return {};
    } catch (const cv::Exception &) {
        return {};
    }
    return QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
}

cv::Mat ThumbnailCache::decode(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return {};
    try {
        const cv::Mat buffer(1, int(bytes.size()), CV_8UC1, const_cast<char *>(bytes.constData()));
        // Gray thumbnails were stored as 1-channel PNG and come back so; the rest as BGR.
        return cv::imdecode(buffer, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception &) {
        return {};
    }
}

} // namespace semiprune

#pragma once

#include <QString>

#include <opencv2/core/mat.hpp>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace semiprune {

class Database;
class Statement;

// What a thumbnail is cached under: the image's place and the state of its file, so an edited or
// replaced file (other size or modification time) misses instead of showing stale pixels.
struct ThumbnailKey {
    QString path; // relative to the dataset root
    qint64 fileSize = 0; // of the file as it is on disk now
    qint64 mtimeMs = 0;
    int size = 0; // the longest side the thumbnail was made for
};

struct CachedThumbnail {
    cv::Mat pixels; // 8-bit gray or BGR; empty when the image is known to be unreadable
    QString problem; // why it cannot be read
    bool isUnreadable() const { return pixels.empty(); }
};

// The disk cache of thumbnails: a separate SQLite file beside the project (project.thumbnailCachePath()),
// deletable at any time. Small encoded images (PNG for gray or small ones, JPEG for large color ones)
// and the reasons of unreadable files, with a size cap enforced by evicting the least recently used.
//
// Thread rules: like Database, one ThumbnailCache per thread (each has its own connection); any
// number of them may work on the same file at once. Never throws after construction: a cache that
// fails to read or write simply misses, since everything in it can be made again.
class ThumbnailCache final {
public:
    static constexpr qint64 kDefaultMaxBytes = qint64(512) * 1024 * 1024;

    // Opens or creates the cache file. A file that is not a cache of this version (or is corrupt) is
    // replaced. Throws Error when the file cannot be created at all (a read-only folder).
    explicit ThumbnailCache(const QString &file, qint64 maxBytes = kDefaultMaxBytes);
    ~ThumbnailCache();

    ThumbnailCache(const ThumbnailCache &) = delete;
    ThumbnailCache &operator=(const ThumbnailCache &) = delete;

    const QString &filePath() const { return m_file; }

    // The thumbnail stored under exactly this key; nothing when absent or made from another version
    // of the file.
    std::optional<CachedThumbnail> find(const ThumbnailKey &key);
    void store(const ThumbnailKey &key, const cv::Mat &pixels);
    void storeUnreadable(const ThumbnailKey &key, const QString &problem);

    // Writes pending last-use times. Called by the destructor; explicit calls make them visible sooner.
    void flush();
    // Evicts the least recently used thumbnails until the cache is under 90 % of its cap.
    void trim();
    void clear();

    qint64 totalBytes();
    qint64 count();

    // The encoding the cache uses, exposed for tests and for callers that ship bytes elsewhere.
    static QByteArray encode(const cv::Mat &pixels);
    static cv::Mat decode(const QByteArray &bytes);

private:
    void open();
    void put(const ThumbnailKey &key, const QByteArray &data, const QString &problem);
    static void removeFiles(const QString &file);

    QString m_file;
    qint64 m_maxBytes;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Statement> m_find;
    std::unique_ptr<Statement> m_put;
    std::vector<std::pair<QString, int>> m_touched; // hits whose last-use time is not written yet
    qint64 m_bytesSinceTrim = 0;
};

} // namespace semiprune

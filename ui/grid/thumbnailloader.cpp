#include "thumbnailloader.h"

#include "common/error.h"
#include "imaging/imagedecoder.h"
#include "imaging/thumbnailcache.h"
#include "matimage.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace semiprune::ui {

namespace {

Q_LOGGING_CATEGORY(lcThumbnails, "semiprune.thumbnails")

// 40k tiny (28 px) thumbnails, or a few screens of large color ones; the disk cache refills the rest fast.
constexpr qint64 kDefaultMemoryCacheKiB = 128 * 1024;

int defaultThreadCount()
{
    // Half the cores, one or two: decoding thumbnails must leave room for the GUI and for training.
    return std::clamp(QThread::idealThreadCount() / 2, 1, 2);
}

qsizetype costOf(const QPixmap &pixmap)
{
    return std::max<qsizetype>(1, qsizetype(pixmap.width()) * pixmap.height() * std::max(pixmap.depth(), 8) / 8 / 1024);
}

} // namespace

ThumbnailLoader::ThumbnailLoader(const QString &diskCacheFile, QObject *parent)
    : QObject(parent), m_diskCacheFile(diskCacheFile)
{
    m_pool.setObjectName(QStringLiteral("thumbnails"));
    m_pool.setMaxThreadCount(defaultThreadCount());
    m_pixmaps.setMaxCost(kDefaultMemoryCacheKiB);
    m_diskCacheBroken = diskCacheFile.isEmpty();
}

ThumbnailLoader::~ThumbnailLoader()
{
    {
        const QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_queue.clear();
        m_queued.clear();
    }
    m_pool.waitForDone();
}

const QPixmap *ThumbnailLoader::pixmap(ThumbnailId id) const
{
    return m_pixmaps.object(id);
}

void ThumbnailLoader::request(const ThumbnailRequest &request)
{
    const ThumbnailId id = thumbnailIdOf(request);
    if (m_pixmaps.contains(id))
        return;
    const QMutexLocker lock(&m_mutex);
    if (m_stopping || m_queued.contains(id) || m_inFlight.contains(id))
        return;
    m_urgent = std::min(m_urgent, m_queue.size());
    m_queue.insert(m_queue.begin() + qsizetype(m_urgent), request);
    ++m_urgent;
    m_queued.insert(id);
    startWorkersLocked();
}

void ThumbnailLoader::setWanted(const std::vector<ThumbnailRequest> &requests)
{
    const QMutexLocker lock(&m_mutex);
    if (m_stopping)
        return;
    m_queue.clear();
    m_queued.clear();
    m_urgent = 0;
    for (const ThumbnailRequest &request : requests) {
        const ThumbnailId id = thumbnailIdOf(request);
        if (m_inFlight.contains(id) || m_queued.contains(id) || m_pixmaps.contains(id))
            continue;
        m_queue.push_back(request);
        m_queued.insert(id);
    }
    startWorkersLocked();
}

void ThumbnailLoader::cancelAll()
{
    const QMutexLocker lock(&m_mutex);
    m_queue.clear();
    m_queued.clear();
    m_urgent = 0;
}

void ThumbnailLoader::clearMemoryCache()
{
    m_pixmaps.clear();
}

bool ThumbnailLoader::isPending(ThumbnailId id) const
{
    const QMutexLocker lock(&m_mutex);
    return m_queued.contains(id) || m_inFlight.contains(id);
}

int ThumbnailLoader::pendingCount() const
{
    const QMutexLocker lock(&m_mutex);
    return int(m_queue.size()) + int(m_inFlight.size());
}

ThumbnailLoader::Statistics ThumbnailLoader::statistics() const
{
    return Statistics { m_diskHits.load(), m_decoded.load(), m_failed.load() };
}

void ThumbnailLoader::setPaused(bool paused)
{
    const QMutexLocker lock(&m_mutex);
    m_paused = paused;
    if (!paused)
        startWorkersLocked();
}

bool ThumbnailLoader::isPaused() const
{
    const QMutexLocker lock(&m_mutex);
    return m_paused;
}

void ThumbnailLoader::setMemoryCacheLimit(qint64 kilobytes)
{
    m_pixmaps.setMaxCost(qsizetype(std::max<qint64>(kilobytes, 1024)));
}

void ThumbnailLoader::setMaxThreadCount(int threads)
{
    m_pool.setMaxThreadCount(std::clamp(threads, 1, 8));
}

void ThumbnailLoader::startWorkersLocked()
{
    while (!m_paused && !m_stopping && m_workers < m_pool.maxThreadCount() && size_t(m_workers) < m_queue.size()) {
        ++m_workers;
        // Each worker drains the queue and ends when it is empty: no thread sits idle holding a
        // connection, and the queue stays in one place where setWanted() can reorder it.
        QFuture<void> future = QtConcurrent::run(&m_pool, [this] { drain(); });
        Q_UNUSED(future)
    }
}

std::unique_ptr<ThumbnailCache> ThumbnailLoader::openDiskCache()
{
    if (m_diskCacheBroken)
        return nullptr;
    try {
        return std::make_unique<ThumbnailCache>(m_diskCacheFile);
    } catch (const Error &error) {
        // A read-only project folder, say: thumbnails still work, they are just not kept.
        qCWarning(lcThumbnails) << "thumbnails are not cached on disk:" << error.message();
        m_diskCacheBroken = true;
        return nullptr;
    }
}

void ThumbnailLoader::drain()
{
    std::unique_ptr<ThumbnailCache> cache = openDiskCache();
    for (;;) {
        ThumbnailRequest request;
        {
            const QMutexLocker lock(&m_mutex);
            if (m_stopping || m_paused || m_queue.empty()) {
                --m_workers;
                break;
            }
            request = std::move(m_queue.front());
            m_queue.pop_front();
            if (m_urgent > 0)
                --m_urgent;
            const ThumbnailId id = thumbnailIdOf(request);
            m_queued.remove(id);
            m_inFlight.insert(id);
        }
        Result result = make(request, cache.get());
        QMetaObject::invokeMethod(
            this, [this, result = std::move(result)]() mutable { deliver(std::move(result)); }, Qt::QueuedConnection);
    }
}

ThumbnailLoader::Result ThumbnailLoader::make(const ThumbnailRequest &request, ThumbnailCache *cache)
{
    Result result;
    result.id = thumbnailIdOf(request);
    // The file as it is now, not as the last import saw it: an edited file must not show stale pixels.
    const QFileInfo file(request.absolutePath);
    if (!file.exists()) {
        result.missing = true;
        result.problem
            = QCoreApplication::translate("ThumbnailLoader", "The file is missing: %1").arg(request.absolutePath);
        ++m_failed;
        return result;
    }
    const ThumbnailKey key { request.relativePath, file.size(), file.lastModified().toMSecsSinceEpoch(), request.size };
    if (cache) {
        if (std::optional<CachedThumbnail> cached = cache->find(key)) {
            ++m_diskHits;
            if (cached->isUnreadable())
                result.problem = cached->problem;
            else
                result.image = imageFromMat(cached->pixels);
            return result;
        }
    }
    DecodeOptions options;
    options.color = ColorMode::Keep;
    options.maxSide = request.size;
    const DecodedImage decoded = decodeImage(request.absolutePath, options);
    if (!decoded.ok()) {
        ++m_failed;
        result.problem = decoded.problem;
        if (cache)
            cache->storeUnreadable(key, decoded.problem);
        return result;
    }
    ++m_decoded;
    if (cache)
        cache->store(key, decoded.pixels);
    result.image = imageFromMat(decoded.pixels);
    return result;
}

void ThumbnailLoader::deliver(Result result)
{
    bool drained = false;
    {
        const QMutexLocker lock(&m_mutex);
        m_inFlight.remove(result.id);
        drained = m_queue.empty() && m_inFlight.isEmpty();
    }
    if (!result.image.isNull()) {
        auto *pixmap = new QPixmap(QPixmap::fromImage(std::move(result.image)));
        const qsizetype cost = costOf(*pixmap);
        m_pixmaps.insert(result.id, pixmap, cost);
        Q_EMIT thumbnailReady(result.id.image, result.id.size);
    } else {
        Q_EMIT thumbnailFailed(result.id.image, result.id.size, result.problem, result.missing);
    }
    if (drained)
        Q_EMIT idle();
}

} // namespace semiprune::ui

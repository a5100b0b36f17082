#pragma once

#include "thumbnailrequest.h"

#include <QCache>
#include <QImage>
#include <QMutex>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <deque>
#include <memory>
#include <vector>

namespace semiprune {
class ThumbnailCache;
}

namespace semiprune::ui {

// Makes thumbnails off the GUI thread and keeps the finished ones as pixmaps.
//
// Requests wait in one de-duplicated queue: those a paint asked for go first, then the window the
// view wants (visible rows, then one screen ahead); setWanted() drops whatever left that window.
// A few workers on the loader's own bounded pool (never the global one: a busy QtConcurrent user
// elsewhere cannot starve the grid, and the grid cannot take every core from training) take requests
// one at a time: the disk cache first (ThumbnailCache, one connection per worker), else decodeImage()
// reduced to the thumbnail size, storing the result (or the reason it is unreadable) on disk.
// Finished images come back to the GUI thread, become pixmaps in a cost-bounded QCache, and are
// announced with thumbnailReady().
//
// Two choices differ from docs/design.md on purpose. Instead of ref-counting each request, the
// view hands over its whole window at once (setWanted): one grid per loader has no second holder to
// count, and replacing the window drops stale work in one step. And no decoded-buffer cache sits
// between the pixmaps and the disk cache: a disk hit of a small PNG costs about as much as a copy.
//
// Thread rules: a GUI-thread object. Every public function and every signal belongs to the GUI thread;
// only the private worker side runs on the pool. The destructor drops the queue and waits for the
// few decodes in flight, so nothing outlives the loader.
class ThumbnailLoader final : public QObject {
    Q_OBJECT

public:
    struct Statistics {
        qint64 diskHits = 0;
        qint64 decoded = 0;
        qint64 failed = 0;
    };

    // diskCacheFile: the project's thumbnailCachePath(); empty for no disk cache.
    explicit ThumbnailLoader(const QString &diskCacheFile, QObject *parent = nullptr);
    ~ThumbnailLoader() override;

    // The finished pixmap, or nullptr. A lookup only: never blocks, never starts work.
    const QPixmap *pixmap(ThumbnailId id) const;
    // Queues one request ahead of the prefetched ones (a paint wants it now). Does nothing when the
    // thumbnail is in memory, queued or being made already.
    void request(const ThumbnailRequest &request);
    // Replaces the queue with these requests in this order (visible first, then the prefetch);
    // queued requests not among them are dropped. Work already in flight finishes.
    void setWanted(const std::vector<ThumbnailRequest> &requests);
    void cancelAll();
    void clearMemoryCache();

    bool isPending(ThumbnailId id) const; // queued or in flight
    int pendingCount() const;
    Statistics statistics() const;

    // Paused, requests queue up but nothing new starts (a training job wants the cores); the
    // decodes in flight finish. Resuming starts the queue where it stands.
    void setPaused(bool paused);
    bool isPaused() const;

    void setMemoryCacheLimit(qint64 kilobytes);
    void setMaxThreadCount(int threads);
    int maxThreadCount() const { return m_pool.maxThreadCount(); }

Q_SIGNALS:
    void thumbnailReady(qint64 imageId, int size);
    void thumbnailFailed(qint64 imageId, int size, const QString &problem, bool missing);
    // Nothing queued or in flight any more (after the last result of a burst).
    void idle();

private:
    struct Result {
        ThumbnailId id;
        QImage image;
        QString problem;
        bool missing = false;
    };

    void startWorkersLocked();
    void drain();
    std::unique_ptr<ThumbnailCache> openDiskCache();
    Result make(const ThumbnailRequest &request, ThumbnailCache *cache);
    void deliver(Result result);

    const QString m_diskCacheFile;
    QThreadPool m_pool;

    mutable QMutex m_mutex;
    std::deque<ThumbnailRequest> m_queue; // guarded by m_mutex
    size_t m_urgent = 0; // guarded: how many at the front came from a paint
    QSet<ThumbnailId> m_queued; // guarded
    QSet<ThumbnailId> m_inFlight; // guarded
    int m_workers = 0; // guarded
    bool m_stopping = false; // guarded
    bool m_paused = false; // guarded

    std::atomic<bool> m_diskCacheBroken { false };
    std::atomic<qint64> m_diskHits { 0 };
    std::atomic<qint64> m_decoded { 0 };
    std::atomic<qint64> m_failed { 0 };

    QCache<ThumbnailId, QPixmap> m_pixmaps; // GUI thread only; cost in KiB
};

} // namespace semiprune::ui

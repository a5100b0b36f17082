// The image grid's data side: the model (under QAbstractItemModelTester), thumbnails arriving,
// images found unreadable while decoding, the loader's queue, and the disk cache.

#include "testsupport.h"

#include "dataset/folderimporter.h"
#include "grid/griddata.h"
#include "grid/imagegriddelegate.h"
#include "grid/imagegridmodel.h"
#include "grid/imagegridview.h"
#include "grid/thumbnailloader.h"
#include "imaging/thumbnailcache.h"
#include "jobs/jobcontext.h"
#include "storage/classtable.h"
#include "storage/imagetable.h"
#include "storage/labeltable.h"
#include "storage/project.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QPixmap>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/core.hpp>

using namespace semiprune;
using namespace semiprune::ui;

namespace {

using State = ImageGridModel::ThumbnailState;

constexpr int kSize = 128; // one of the model's size steps, so requests are made at exactly this size

// A grid over a project: its own loader (so its own memory cache) and model.
struct Grid {
    explicit Grid(Project &project) : loader(project.thumbnailCachePath()), model(&loader)
    {
        model.setGridData(loadGridData(project));
        model.setThumbnailSize(kSize);
    }

    int row(const QString &path) const
    {
        for (int r = 0; r < model.rowCount(); ++r) {
            if (model.gridRow(r).path == path)
                return r;
        }
        return -1;
    }
    State state(int row) const { return State(model.index(row).data(ImageGridModel::ThumbnailStateRole).toInt()); }

    // Asks for every row and waits until the loader has nothing left to do.
    bool loadAll()
    {
        QSignalSpy idle(&loader, &ThumbnailLoader::idle);
        model.setVisibleRange(0, model.rowCount() - 1);
        return loader.pendingCount() == 0 || idle.wait(10000);
    }

    ThumbnailLoader loader;
    ImageGridModel model;
};

} // namespace

class TestGridModel final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_images;
    std::unique_ptr<Project> m_project;

    QString image(const QString &name) const { return m_images + QLatin1Char('/') + name; }

    void removeDiskCache()
    {
        for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
            QFile::remove(m_project->thumbnailCachePath() + suffix);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_images = m_dir.filePath(QStringLiteral("images"));
        testsupport::writeImage(image(QStringLiteral("a_gray.png")), 200, 100, 1, 1);
        testsupport::writeImage(image(QStringLiteral("b_color.jpg")), 64, 64, 3, 2);
        testsupport::writeImage(image(QStringLiteral("c_color.png")), 30, 40, 3, 3);
        // A valid header over truncated data: the import (headers only) takes it, decoding does not.
        testsupport::writeImage(image(QStringLiteral("d_truncated.png")), 120, 120, 3, 4);
        const QByteArray whole = testsupport::readFile(image(QStringLiteral("d_truncated.png")));
        testsupport::writeFile(image(QStringLiteral("d_truncated.png")), whole.left(whole.size() / 3));
        // No image at all: the import already records it as unreadable.
        testsupport::writeFile(image(QStringLiteral("e_garbage.png")), QByteArray("this is not a picture"));

        m_project = Project::create(m_dir.filePath(QStringLiteral("grid.semiprune")), m_images);
        JobContext job;
        importFolder(*m_project, ImportOptions(), job);
        const ClassRecord cat = ClassTable(m_project->db()).add(QStringLiteral("Cat"));
        const ImageId gray = ImageTable(m_project->db()).findByPath(QStringLiteral("a_gray.png"))->id;
        LabelTable(m_project->db()).set(gray, cat.id, LabelSource::Manual, 1000);
    }

    void rowsAndRolesPassTheModelTester()
    {
        Grid grid(*m_project);
        QAbstractItemModelTester tester(&grid.model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(grid.model.rowCount(), 5);

        const QModelIndex gray = grid.model.index(grid.row(QStringLiteral("a_gray.png")));
        QCOMPARE(gray.data(Qt::DisplayRole).toString(), QStringLiteral("a_gray.png"));
        QCOMPARE(gray.data(ImageGridModel::RelativePathRole).toString(), QStringLiteral("a_gray.png"));
        QCOMPARE(gray.data(ImageGridModel::LabelNameRole).toString(), QStringLiteral("Cat"));
        QVERIFY(gray.data(ImageGridModel::LabelColorRole).value<QColor>().isValid());
        QCOMPARE(gray.data(ImageGridModel::LabelSourceRole).toString(), QStringLiteral("manual"));
        QVERIFY(gray.data(ImageGridModel::ImageIdRole).toLongLong() > 0);
        QVERIFY(gray.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Cat")));

        const QModelIndex color = grid.model.index(grid.row(QStringLiteral("b_color.jpg")));
        QVERIFY(color.data(ImageGridModel::LabelNameRole).toString().isEmpty());
        QCOMPARE(color.data(ImageGridModel::LabelClassIdRole).toLongLong(), 0);

        const int garbage = grid.row(QStringLiteral("e_garbage.png"));
        QCOMPARE(grid.model.index(garbage).data(ImageGridModel::StatusRole).toInt(), int(ImageStatus::Unreadable));
        QCOMPARE(grid.state(garbage), State::Unreadable);
        QVERIFY(!grid.model.index(garbage).data(ImageGridModel::ProblemRole).toString().isEmpty());
        QVERIFY(grid.loadAll());
    }

    void classCountsFollowLabelsPseudoLabelsAndTheSelection()
    {
        Grid grid(*m_project);
        ImageGridModel &model = grid.model;
        const auto idOf = [&](const char *name) {
            return ImageId(
                model.index(grid.row(QString::fromLatin1(name))).data(ImageGridModel::ImageIdRole).toLongLong());
        };
        const int cat
            = model.index(grid.row(QStringLiteral("a_gray.png"))).data(ImageGridModel::LabelClassIdRole).toInt();
        const ClassId catId(
            model.index(grid.row(QStringLiteral("a_gray.png"))).data(ImageGridModel::LabelClassIdRole).toLongLong());
        const int catIndex = model.classIndexOf(catId);
        QVERIFY(cat > 0 && catIndex >= 0);
        auto counts = model.classCounts();
        QCOMPARE(counts[size_t(catIndex)].human, qint64(1));
        QCOMPARE(counts[size_t(catIndex)].pseudo, qint64(0));

        // Pseudo-labels count only where no person labeled; the selection counts by the label in force.
        QSignalSpy changed(&model, &ImageGridModel::resultsChanged);
        model.setPseudoLabels({ { idOf("a_gray.png"), catId, 0.9f }, { idOf("b_color.jpg"), catId, 0.6f } });
        QCOMPARE(changed.size(), 1);
        model.setSelectionFates({ { idOf("a_gray.png"), RowFate::Kept }, { idOf("b_color.jpg"), RowFate::Kept } });
        QCOMPARE(changed.size(), 2);
        counts = model.classCounts();
        QCOMPARE(counts[size_t(catIndex)].human, qint64(1));
        QCOMPARE(counts[size_t(catIndex)].pseudo, qint64(1));
        QCOMPARE(counts[size_t(catIndex)].kept, qint64(2));
    }

    void aMissReturnsThePlaceholderAndTheThumbnailArrives()
    {
        removeDiskCache();
        Grid grid(*m_project);
        QPixmap placeholder(8, 8);
        placeholder.fill(Qt::gray);
        grid.model.setPlaceholder(placeholder);
        const int row = grid.row(QStringLiteral("a_gray.png"));
        QCOMPARE(grid.state(row), State::Pending);

        QSignalSpy changed(&grid.model, &QAbstractItemModel::dataChanged);
        const QPixmap first = grid.model.index(row).data(Qt::DecorationRole).value<QPixmap>();
        QCOMPARE(first.cacheKey(), placeholder.cacheKey());
        QTRY_COMPARE_WITH_TIMEOUT(grid.state(row), State::Ready, 10000);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.constLast().at(0).toModelIndex().row(), row);

        // Reduced to the thumbnail size, aspect kept, never enlarged.
        const QPixmap thumbnail = grid.model.index(row).data(Qt::DecorationRole).value<QPixmap>();
        QCOMPARE(thumbnail.size(), QSize(128, 64));
        const int small = grid.row(QStringLiteral("c_color.png"));
        grid.model.index(small).data(Qt::DecorationRole);
        QTRY_COMPARE_WITH_TIMEOUT(grid.state(small), State::Ready, 10000);
        QCOMPARE(grid.model.index(small).data(Qt::DecorationRole).value<QPixmap>().size(), QSize(30, 40));
    }

    void aCorruptImageBecomesUnreadableWithItsReason()
    {
        Grid grid(*m_project);
        QSignalSpy found(&grid.model, &ImageGridModel::problemsFoundChanged);
        const int row = grid.row(QStringLiteral("d_truncated.png"));
        QCOMPARE(grid.model.index(row).data(ImageGridModel::StatusRole).toInt(), int(ImageStatus::Ok));
        QCOMPARE(grid.state(row), State::Pending);
        grid.model.index(row).data(Qt::DecorationRole);
        QTRY_COMPARE_WITH_TIMEOUT(grid.state(row), State::Unreadable, 10000);
        const QString problem = grid.model.index(row).data(ImageGridModel::ProblemRole).toString();
        QVERIFY(!problem.isEmpty());
        QVERIFY(grid.model.index(row).data(Qt::ToolTipRole).toString().contains(problem.toHtmlEscaped()));
        QVERIFY(grid.model.index(row).data(Qt::DecorationRole).isNull());
        QCOMPARE(grid.model.unreadableFound(), 1);
        QCOMPARE(grid.model.missingFound(), 0);
        QCOMPARE(found.size(), 1);
    }

    void theDiskCacheServesTheSecondLoad()
    {
        removeDiskCache();
        {
            Grid first(*m_project);
            QVERIFY(first.loadAll());
            QCOMPARE(first.loader.statistics().decoded, 3);
            QCOMPARE(first.loader.statistics().failed, 1); // the truncated one; the garbage one is never asked for
            QCOMPARE(first.loader.statistics().diskHits, 0);
        }
        Grid second(*m_project);
        QVERIFY(second.loadAll());
        QCOMPARE(second.loader.statistics().decoded, 0);
        QCOMPARE(second.loader.statistics().diskHits, 4); // the unreadable one is remembered too
        QCOMPARE(second.state(second.row(QStringLiteral("a_gray.png"))), State::Ready);
        QCOMPARE(second.state(second.row(QStringLiteral("d_truncated.png"))), State::Unreadable);
        QCOMPARE(second.model.index(second.row(QStringLiteral("a_gray.png")))
                     .data(Qt::DecorationRole)
                     .value<QPixmap>()
                     .size(),
            QSize(128, 64));
    }

    void aChangedFileMissesTheDiskCache()
    {
        {
            Grid warm(*m_project);
            QVERIFY(warm.loadAll());
        }
        // Another picture under the same name, with another size and modification time.
        const QString path = image(QStringLiteral("c_color.png"));
        testsupport::writeImage(path, 50, 20, 3, 9);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600), QFileDevice::FileModificationTime));
        file.close();

        Grid grid(*m_project);
        QVERIFY(grid.loadAll());
        QCOMPARE(grid.loader.statistics().decoded, 1);
        QCOMPARE(grid.loader.statistics().diskHits, 3);
        QCOMPARE(
            grid.model.index(grid.row(QStringLiteral("c_color.png"))).data(Qt::DecorationRole).value<QPixmap>().size(),
            QSize(50, 20));
    }

    void requestsAreDeduplicated()
    {
        removeDiskCache();
        Grid grid(*m_project);
        const QModelIndex index = grid.model.index(grid.row(QStringLiteral("a_gray.png")));
        QSignalSpy idle(&grid.loader, &ThumbnailLoader::idle);
        for (int i = 0; i < 5; ++i)
            index.data(Qt::DecorationRole);
        QVERIFY(grid.loader.pendingCount() <= 1);
        QVERIFY(idle.wait(10000));
        QCOMPARE(grid.loader.statistics().decoded, 1);
    }

    void queuedRequestsOutsideTheWindowAreDropped()
    {
        removeDiskCache();
        ThumbnailLoader loader { QString() }; // no disk cache: every request is a decode
        loader.setPaused(true);
        const ImageId id = ImageTable(m_project->db()).findByPath(QStringLiteral("a_gray.png"))->id;
        const auto request = [&](int size) {
            return ThumbnailRequest { id, image(QStringLiteral("a_gray.png")), QStringLiteral("a_gray.png"), size };
        };
        for (int size = 16; size < 216; ++size)
            loader.request(request(size));
        loader.request(request(16)); // again: still one request
        QCOMPARE(loader.pendingCount(), 200);
        // The view scrolled away: only one thumbnail is wanted now.
        loader.setWanted({ request(300) });
        QCOMPARE(loader.pendingCount(), 1);
        QVERIFY(loader.isPending(ThumbnailId { id.value, 300 }));
        QVERIFY(!loader.isPending(ThumbnailId { id.value, 16 }));
        QSignalSpy idle(&loader, &ThumbnailLoader::idle);
        loader.setPaused(false);
        QVERIFY(idle.wait(10000));
        QCOMPARE(loader.statistics().decoded, 1);
        QVERIFY(loader.pixmap(ThumbnailId { id.value, 300 }));
    }

    void aFileGoneSinceTheImportShowsAsMissing()
    {
        const QString path = image(QStringLiteral("b_color.jpg"));
        const QByteArray bytes = testsupport::readFile(path);
        QVERIFY(QFile::remove(path));
        Grid grid(*m_project);
        QSignalSpy found(&grid.model, &ImageGridModel::problemsFoundChanged);
        const int row = grid.row(QStringLiteral("b_color.jpg"));
        grid.model.index(row).data(Qt::DecorationRole);
        QTRY_COMPARE_WITH_TIMEOUT(grid.state(row), State::Missing, 10000);
        QCOMPARE(grid.model.missingFound(), 1);
        QCOMPARE(grid.model.unreadableFound(), 0);
        QCOMPARE(found.constLast().at(1).toInt(), 1);
        QVERIFY(
            grid.model.index(row).data(ImageGridModel::ProblemRole).toString().contains(QStringLiteral("b_color.jpg")));
        testsupport::writeFile(path, bytes);
    }

    void theCacheFileRoundTripsAndEvictsTheLeastRecentlyUsed()
    {
        const QString file = m_dir.filePath(QStringLiteral("unit.thumbs"));
        cv::Mat gray(20, 30, CV_8UC1);
        cv::randu(gray, 0, 255);
        {
            ThumbnailCache cache(file);
            const ThumbnailKey key { QStringLiteral("x/y.png"), 100, 5000, 64 };
            cache.store(key, gray);
            const std::optional<CachedThumbnail> hit = cache.find(key);
            QVERIFY(hit && !hit->isUnreadable());
            QCOMPARE(hit->pixels.channels(), 1);
            QCOMPARE(cv::norm(hit->pixels, gray, cv::NORM_INF), 0.0); // PNG: exact for gray
            QVERIFY(!cache.find(ThumbnailKey { key.path, 100, 5001, 64 })); // another mtime
            QVERIFY(!cache.find(ThumbnailKey { key.path, 101, 5000, 64 })); // another size
            QVERIFY(!cache.find(ThumbnailKey { key.path, 100, 5000, 128 })); // another thumbnail size
            cache.storeUnreadable(ThumbnailKey { QStringLiteral("bad.png"), 1, 1, 64 }, QStringLiteral("broken"));
            const std::optional<CachedThumbnail> bad = cache.find(ThumbnailKey { QStringLiteral("bad.png"), 1, 1, 64 });
            QVERIFY(bad && bad->isUnreadable());
            QCOMPARE(bad->problem, QStringLiteral("broken"));
        }
        // Capped at ~40 noisy thumbnails' worth; the first one stays because it keeps being used.
        QFile::remove(file);
        cv::Mat noisy(24, 24, CV_8UC3);
        cv::randu(noisy, 0, 255);
        const qint64 rowBytes = ThumbnailCache::encode(noisy).size() + 200;
        ThumbnailCache cache(file, rowBytes * 40);
        const auto key = [](int i) { return ThumbnailKey { QStringLiteral("img%1.png").arg(i), 1, 1, 64 }; };
        for (int i = 0; i < 400; ++i) {
            cache.store(key(i), noisy);
            QVERIFY(cache.find(key(0)));
            cache.flush();
        }
        cache.trim();
        QVERIFY(cache.totalBytes() <= rowBytes * 40);
        QVERIFY(cache.count() > 10);
        QVERIFY(cache.find(key(0)));
        QVERIFY(cache.find(key(399)));
        QVERIFY(!cache.find(key(1)));
    }

    void aDamagedCacheFileIsReplaced()
    {
        const QString file = m_dir.filePath(QStringLiteral("damaged.thumbs"));
        testsupport::writeFile(file, QByteArray(4096, 'x'));
        ThumbnailCache cache(file);
        QCOMPARE(cache.count(), 0);
    }

    // A steady scroll changes the position every frame; the view must still tell the model where it
    // is while the scroll goes on (so the loader works ahead of it), not only once it stops.
    void aSteadyScrollKeepsTheVisibleRangeCurrent()
    {
        GridData data;
        data.datasetRoot = m_dir.filePath(QStringLiteral("none"));
        for (int i = 0; i < 3000; ++i) {
            GridRow row;
            row.id = ImageId(i + 1);
            row.fileName = QStringLiteral("img_%1.png").arg(i);
            row.path = row.fileName; // no such file: rows become missing, which is enough here
            data.rows.push_back(row);
        }
        ThumbnailLoader loader { QString() }; // no disk cache
        ImageGridModel model(&loader);
        model.setGridData(std::move(data));
        ImageGridView view;
        view.setGridModel(&model);
        view.setThumbnailSize(48);
        view.resize(400, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_VERIFY(view.visibleRange().first == 0);

        QSignalSpy ranges(&view, &ImageGridView::visibleRangeChanged);
        QScrollBar *bar = view.verticalScrollBar();
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 10 * ImageGridView::kDebounceMs) { // a frame every 5 ms, never pausing
            bar->setValue(bar->value() + bar->singleStep());
            QTest::qWait(5);
        }
        QVERIFY2(ranges.size() >= 3, qPrintable(QStringLiteral("%1 updates during the scroll").arg(ranges.size())));
        // The last update of the burst follows the last position.
        QTest::qWait(3 * ImageGridView::kDebounceMs);
        const QModelIndex top = view.indexAt(QPoint(view.gridSize().width() / 2, 1)); // the first cell on screen
        QVERIFY(top.isValid());
        QVERIFY(top.row() > 0);
        QCOMPARE(view.visibleRange().first, top.row());
    }

    // The cells spread over the whole width, also when it is exactly a whole number of cells (where
    // QListView would wrap the last one and leave an empty band on the right).
    void theCellsFillTheWidth()
    {
        GridData data;
        data.datasetRoot = m_dir.filePath(QStringLiteral("none"));
        for (int i = 0; i < 200; ++i) {
            GridRow row;
            row.id = ImageId(i + 1);
            row.fileName = QStringLiteral("img_%1.png").arg(i);
            row.path = row.fileName;
            data.rows.push_back(row);
        }
        ThumbnailLoader loader { QString() };
        ImageGridModel model(&loader);
        model.setGridData(std::move(data));
        ImageGridView view;
        view.setGridModel(&model);
        view.setThumbnailSize(96);
        view.resize(500, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const int cell = view.gridDelegate()->cellSize(view.font()).width();
        const int extent = view.style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, view.verticalScrollBar());
        const int chrome = view.width() - view.maximumViewportSize().width();
        for (int columns : { 4, 5, 6 }) {
            view.resize(chrome + extent + columns * cell, 400); // exactly `columns` cells wide
            QTRY_COMPARE(view.viewport()->width(), columns * cell);
            // No empty band: a point half a cell from the right edge is on a cell of the first line.
            QTRY_VERIFY(view.indexAt(QPoint(view.viewport()->width() - cell / 2, 5)).isValid());
            const int shown = view.indexAt(QPoint(2, view.gridSize().height() + 5)).row(); // the second line's first
            QVERIFY(shown >= columns - 1);
            QVERIFY(shown * view.gridSize().width() >= view.viewport()->width() - shown); // spread over the width
        }
    }

    void cleanupTestCase() { m_project.reset(); }
};

QTEST_MAIN(TestGridModel)
#include "tst_gridmodel.moc"

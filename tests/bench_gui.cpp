// Benchmark (not a test): how the desktop application handles a 100,000-image project.
//
//   bench_gui FOLDER [--repeats N] [--run-seconds S] [--screenshot FILE] [--no-run] [--warm-only]
//             [--scroll-frames N]
//
// FOLDER keeps the benchmark project between invocations: the first one converts Fashion-MNIST's
// 70,000 images to PNG, adds 30,000 hard-linked copies of training images (same class folders, new
// names) and imports all 100,000 with the project's own importer, labeling a balanced seed of 100
// from the hidden reference classes. Later invocations reuse it.
//
// Then, in the real MainWindow:
//   open      time from openProject() to the first screen of thumbnails decoded and painted, cold
//             (thumbnail cache file deleted) and warm, N repeats each;
//   scroll    the grid from top to bottom through its scroll bar, once with every thumbnail in the
//             disk cache: a page per frame, then three cell rows per frame, then one cell row per
//             frame for 1,500 frames, paced at 60 Hz; each frame (events processed, viewport
//             repainted) is timed, in wall time and in the GUI thread's CPU time;
//   arrange   every sort key and a few filters through ProjectView::setArrangement, N repeats,
//             the call alone and the call plus the next repaint;
//   run       the GUI thread's longest gaps (a 5 ms timer) while a FixMatch run trains for S seconds,
//             then its cancel;
// with the resident memory after each phase. Run it under `xvfb-run -a -s "-screen 0 1600x1000x24"`
// for real X painting, or with QT_QPA_PLATFORM=offscreen.

#include "common/error.h"
#include "dataset/classnames.h"
#include "dataset/demoproject.h"
#include "dataset/folderimporter.h"
#include "dataset/idxconverter.h"
#include "dataset/labeling.h"
#include "dataset/seeddraw.h"
#include "grid/imagegridmodel.h"
#include "grid/imagegridview.h"
#include "grid/thumbnailloader.h"
#include "jobs/jobcontext.h"
#include "jobs/pipelinesettings.h"
#include "mainwindow/mainwindow.h"
#include "project/projectview.h"
#include "runs/pipelinerunner.h"
#include "runs/runspanel.h"
#include "storage/database.h"
#include "storage/imagetable.h"
#include "storage/project.h"
#include "storage/transaction.h"

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QScrollBar>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <functional>
#include <random>

#include <time.h>

#include <unistd.h>

using namespace semiprune;
using namespace semiprune::ui;

namespace {

constexpr int kCopies = 30000;
constexpr double kFrameBudgetMs = 1000.0 / 60.0;

// --- figures --------------------------------------------------------------------------------

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t at = std::min(values.size() - 1, size_t(p / 100.0 * double(values.size() - 1) + 0.5));
    return values[at];
}

double median(const std::vector<double> &values)
{
    return percentile(values, 50);
}

// VmHWM / VmRSS of this process in MiB.
double statusMiB(const char *key)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(key) + ':';
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

void printMemory(const char *phase)
{
    std::printf("memory after %-8s RSS %6.0f MiB, peak %6.0f MiB\n", phase, statusMiB("VmRSS"), statusMiB("VmHWM"));
    std::fflush(stdout);
}

void printLoad()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (file.open(QIODevice::ReadOnly))
        std::printf("load average: %s", file.readAll().constData());
}

void printSpread(const char *name, const std::vector<double> &ms)
{
    std::printf("%-34s p50 %7.2f  p95 %7.2f  p99 %7.2f  max %7.2f ms  (%zu samples)\n", name, percentile(ms, 50),
        percentile(ms, 95), percentile(ms, 99), percentile(ms, 100), ms.size());
}

// Processes events for `ms` milliseconds without blocking on any one of them.
void spin(double ms)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.nsecsElapsed() / 1e6 < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        QThread::usleep(200);
    }
}

// Processes events until `done` or the timeout; false on the timeout.
bool spinUntil(const std::function<bool()> &done, double timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.nsecsElapsed() / 1e6 > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        QThread::usleep(200);
    }
    return true;
}

// --- the project ------------------------------------------------------------------------------

// Hard-links the first kCopies training images again under new names in their class folders.
void addCopies(const QString &images)
{
    QStringList files;
    QDirIterator it(images + QStringLiteral("/train"), { QStringLiteral("train_*.png") }, QDir::Files,
        QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    if (files.size() < kCopies)
        throw Error(QStringLiteral("Only %1 training images to copy.").arg(files.size()));
    for (int i = 0; i < kCopies; ++i) {
        const QFileInfo source(files[i]);
        const QString target = source.absolutePath() + QStringLiteral("/copy_%1.png").arg(i, 5, 10, QLatin1Char('0'));
        if (::link(QFile::encodeName(files[i]).constData(), QFile::encodeName(target).constData()) != 0
            && !QFile::copy(files[i], target))
            throw Error(QStringLiteral("Cannot copy %1.").arg(files[i]));
    }
}

// Makes FOLDER/bench.semiprune once (under a temporary name until complete) and returns its path.
QString ensureProject(const QString &folder)
{
    const QString projectFile = folder + QStringLiteral("/bench.semiprune");
    if (QFileInfo::exists(projectFile))
        return projectFile;
    QDir().mkpath(folder);
    const QString images = folder + QStringLiteral("/images");
    JobContext job;
    QElapsedTimer clock;
    clock.start();
    if (!QFileInfo::exists(images)) {
        const QString source = fashionMnistDirectory() + QLatin1Char('/');
        convertIdxToFolder({ IdxPart { source + QStringLiteral("train-images-idx3-ubyte.gz"),
                                 source + QStringLiteral("train-labels-idx1-ubyte.gz"), Split::Train },
                               IdxPart { source + QStringLiteral("t10k-images-idx3-ubyte.gz"),
                                   source + QStringLiteral("t10k-labels-idx1-ubyte.gz"), Split::Test } },
            images, fashionMnistClassNames(), job);
        addCopies(images);
        std::printf(
            "made %s: 70,000 PNG + %d copies in %.1f s\n", qPrintable(images), kCopies, clock.elapsed() / 1000.0);
    }
    const QString partial = projectFile + QStringLiteral(".partial");
    for (const QString &leftover : { partial, partial + QStringLiteral("-wal"), partial + QStringLiteral("-shm") })
        QFile::remove(leftover);
    {
        clock.restart();
        std::unique_ptr<Project> project = Project::create(partial, images);
        ImportOptions options;
        options.labelMode = LabelMode::Hidden;
        const ImportReport report = importFolder(*project, options, job);
        std::printf("imported %lld images in %.1f s\n", report.added, report.seconds);
        // A balanced seed labeled with the hidden reference classes, as a user would label it.
        const SeedDrawResult seed = drawSeed(project->db(), 100, 7, true);
        Transaction transaction(project->db());
        ImageTable table(project->db());
        const QHash<ReferenceClassId, QString> names = table.referenceClassNames();
        for (const ImageId image : seed.images)
            labelImage(project->db(), image, names.value(table.find(image)->referenceClass), true);
        transaction.commit();
        project->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    if (!QFile::rename(partial, projectFile))
        throw Error(QStringLiteral("Cannot create %1.").arg(projectFile));
    QFile::remove(partial + QStringLiteral("-wal"));
    QFile::remove(partial + QStringLiteral("-shm"));
    return projectFile;
}

void removeThumbnailCache(const QString &projectFile)
{
    const QString cache = Project::open(projectFile)->thumbnailCachePath();
    for (const QString &file : { cache, cache + QStringLiteral("-wal"), cache + QStringLiteral("-shm") })
        QFile::remove(file);
}

// --- the window -------------------------------------------------------------------------------

bool rowsReady(const QAbstractItemModel *model, int first, int last)
{
    for (int row = first; row <= last; ++row) {
        if (model->index(row, 0).data(ImageGridModel::ThumbnailStateRole).toInt()
            == int(ImageGridModel::ThumbnailState::Pending))
            return false;
    }
    return true;
}

// Every row the view reported on screen at its last debounce has its thumbnail (or a known problem).
bool visibleThumbnailsReady(ImageGridView *view)
{
    const auto [first, last] = view->visibleRange();
    return first >= 0 && rowsReady(view->model(), first, last);
}

// The rows on screen now, from the scroll position (the view's own range follows after a debounce).
std::pair<int, int> rowsOnScreen(ImageGridView *view)
{
    const QSize cell = view->gridSize();
    const int columns = std::max(1, view->viewport()->width() / std::max(1, cell.width()));
    const int top = view->verticalScrollBar()->value();
    const int firstLine = top / cell.height();
    const int lastLine = (top + view->viewport()->height() - 1) / cell.height();
    const int count = view->model()->rowCount();
    return { std::min(count - 1, firstLine * columns), std::min(count - 1, (lastLine + 1) * columns - 1) };
}

double threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

// Milliseconds from openProject() to the first screen of thumbnails painted.
double openToFirstScreen(MainWindow &window, const QString &projectFile)
{
    window.closeProject();
    spin(50);
    QElapsedTimer clock;
    clock.start();
    QString error;
    if (!window.openProject(projectFile, &error))
        throw Error(error);
    ImageGridView *view = window.projectView()->gridView();
    if (!spinUntil([view] { return visibleThumbnailsReady(view); }, 60000))
        throw Error(QStringLiteral("The first screen of thumbnails did not arrive within a minute."));
    view->viewport()->repaint();
    return clock.nsecsElapsed() / 1e6;
}

struct ScrollFigures {
    std::vector<double> frameMs;
    std::vector<double> frameCpuMs; // the GUI thread's own CPU time in the frame
    int completeFrames = 0; // every visible thumbnail was in memory when the frame painted
};

// Scrolls from the top `step` pixels a frame, one frame per 1/60 s, to the bottom or for
// `maxFrames`; times each frame.
ScrollFigures scroll(ImageGridView *view, int step, int maxFrames)
{
    QScrollBar *bar = view->verticalScrollBar();
    bar->setValue(0);
    spin(100);
    ScrollFigures figures;
    QElapsedTimer pace;
    for (int value = 0;; value = std::min(bar->maximum(), value + step)) {
        pace.start();
        const double cpu = threadCpuMs();
        bar->setValue(value);
        QCoreApplication::processEvents();
        view->viewport()->repaint();
        figures.frameMs.push_back(pace.nsecsElapsed() / 1e6);
        figures.frameCpuMs.push_back(threadCpuMs() - cpu);
        const auto [first, last] = rowsOnScreen(view);
        figures.completeFrames += rowsReady(view->model(), first, last);
        if (value >= bar->maximum() || int(figures.frameMs.size()) >= maxFrames)
            break;
        spin(std::max(0.0, kFrameBudgetMs - pace.nsecsElapsed() / 1e6));
    }
    return figures;
}

// Scrolls a page at a time, waiting at each for its thumbnails: fills the disk cache.
double fillThumbnailCache(ImageGridView *view)
{
    QScrollBar *bar = view->verticalScrollBar();
    QElapsedTimer clock;
    clock.start();
    for (int value = 0;; value = std::min(bar->maximum(), value + bar->pageStep())) {
        bar->setValue(value);
        spin(ImageGridView::kDebounceMs + 5);
        spinUntil([view] { return visibleThumbnailsReady(view); }, 10000);
        if (value >= bar->maximum())
            break;
    }
    return clock.nsecsElapsed() / 1e9;
}

// Random difficulty scores for every image and pseudo-labels for nine in ten, so that every sort key
// and filter has values to work on (the benchmark's run is cancelled before it scores anything).
void fillScores(ImageGridModel *model)
{
    std::mt19937_64 rng(11);
    std::normal_distribution<double> aum(1.0, 2.0);
    std::uniform_real_distribution<float> confidence(0.3f, 1.0f);
    const GridData &data = model->gridData();
    QHash<ImageId, double> scores;
    std::vector<ImageGridModel::PseudoLabel> pseudo;
    for (size_t i = 0; i < data.rows.size(); ++i) {
        const GridRow &row = data.rows[i];
        scores.insert(row.id, aum(rng));
        if (i % 10 != 0 && row.labelClass < 0)
            pseudo.push_back({ row.id, data.classes[i % data.classes.size()].id, confidence(rng) });
    }
    model->setDifficulty(scores);
    model->setPseudoLabels(pseudo);
}

void timeArrangements(MainWindow &window, int repeats)
{
    ProjectView *view = window.projectView();
    struct Case {
        const char *name;
        GridArrangement arrangement;
    };
    std::vector<Case> cases;
    const std::pair<const char *, GridSort> sorts[] = { { "sort: loaded", GridSort::Loaded },
        { "sort: file name", GridSort::FileName }, { "sort: class", GridSort::Class },
        { "sort: difficulty", GridSort::Difficulty }, { "sort: difficulty desc.", GridSort::DifficultyDescending },
        { "sort: confidence", GridSort::Confidence }, { "sort: random", GridSort::Random } };
    for (const auto &[name, sort] : sorts) {
        GridArrangement arrangement;
        arrangement.sort = sort;
        arrangement.shuffleSeed = 5;
        cases.push_back({ name, arrangement });
    }
    const std::pair<const char *, GridFilter> states[] = { { "filter: unlabeled", GridFilter::Unlabeled },
        { "filter: seed", GridFilter::Seed }, { "filter: pseudo", GridFilter::Pseudo } };
    for (const auto &[name, state] : states) {
        GridArrangement arrangement;
        arrangement.filters.state = state;
        cases.push_back({ name, arrangement });
    }
    GridArrangement byClass;
    byClass.filters.classIndex = 3;
    cases.push_back({ "filter: class 3", byClass });
    GridArrangement hardPseudo;
    hardPseudo.sort = GridSort::Difficulty;
    hardPseudo.filters.state = GridFilter::Pseudo;
    hardPseudo.filters.confidence = ValueRange { 0.5, 0.9, true };
    hardPseudo.filters.difficulty = ValueRange { -1.0, 0.0, true };
    cases.push_back({ "difficulty + pseudo + 2 ranges", hardPseudo });

    std::printf("%-32s %9s %9s %12s %12s %7s\n", "arrangement (100k rows)", "best ms", "worst ms", "+paint best",
        "+paint worst", "rows");
    for (const Case &c : cases) {
        std::vector<double> call, painted;
        for (int r = 0; r < repeats; ++r) {
            view->setArrangement(GridArrangement());
            spin(50);
            QElapsedTimer clock;
            clock.start();
            view->setArrangement(c.arrangement);
            call.push_back(clock.nsecsElapsed() / 1e6);
            QCoreApplication::processEvents();
            view->gridView()->viewport()->repaint();
            painted.push_back(clock.nsecsElapsed() / 1e6);
        }
        std::printf("%-32s %9.1f %9.1f %12.1f %12.1f %7d\n", c.name, percentile(call, 0), percentile(call, 100),
            percentile(painted, 0), percentile(painted, 100), view->model()->rowCount());
    }
    view->setArrangement(GridArrangement());
}

// Every gap between turns of the GUI thread's event loop, seen by a 5 ms timer.
class StallProbe final : public QObject {
public:
    StallProbe()
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (m_clock.isValid())
                m_gaps.push_back(m_clock.nsecsElapsed() / 1e6);
            m_clock.start();
        });
        m_timer.start();
    }
    const std::vector<double> &gaps() const { return m_gaps; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    std::vector<double> m_gaps;
};

void measureRun(MainWindow &window, double seconds)
{
    RunsPanel *panel = window.runsPanel();
    PipelineSettings settings; // FixMatch with the defaults: B 32, mu 3, all cores
    settings.training.device = DeviceChoice::Cpu;
    bool ended = false;
    QString endMessage;
    QObject::connect(
        panel->runner(), &PipelineRunner::finished, &window, [&](PipelineRunner::Outcome, const QString &message) {
            ended = true;
            endMessage = message;
        });
    QString phase;
    qint64 steps = 0;
    QObject::connect(
        panel->runner(), &PipelineRunner::progressed, &window, [&](const QString &name, qint64 done, qint64) {
            phase = name;
            steps = done;
        });
    StallProbe probe;
    if (!panel->start(settings))
        throw Error(QStringLiteral("The run did not start."));
    spinUntil([&] { return ended; }, seconds * 1000);
    const std::vector<double> running = probe.gaps();
    std::printf("run: %.0f s of FixMatch, last progress \"%s\" %lld\n", seconds, qPrintable(phase), steps);
    QElapsedTimer cancel;
    cancel.start();
    panel->runner()->cancel();
    if (!spinUntil([&] { return ended; }, 300000))
        throw Error(QStringLiteral("The run did not end within 5 minutes of its cancel."));
    std::printf("cancel to end: %.2f s (%s)\n", cancel.nsecsElapsed() / 1e9, qPrintable(endMessage));
    printSpread("GUI-thread gaps while running", running);
    std::vector<double> all = probe.gaps();
    printSpread("GUI-thread gaps incl. cancel", all);
    const auto over = [](const std::vector<double> &gaps, double ms) {
        return std::count_if(gaps.begin(), gaps.end(), [ms](double gap) { return gap > ms; });
    };
    std::printf("gaps over 50 ms: %td while running, %td with the cancel; p99.9 %.1f ms\n", over(running, 50),
        over(all, 50), percentile(running, 99.9));
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the benchmark's settings never touch the user's
    QStringList args = app.arguments().mid(1);
    const auto option = [&args](const QString &name, const QString &fallback) {
        const qsizetype at = args.indexOf(name);
        if (at < 0 || at + 1 >= args.size())
            return fallback;
        const QString value = args[at + 1];
        args.remove(at, 2);
        return value;
    };
    const int repeats = std::max(1, option(QStringLiteral("--repeats"), QStringLiteral("3")).toInt());
    const double runSeconds = option(QStringLiteral("--run-seconds"), QStringLiteral("60")).toDouble();
    const QString screenshot = option(QStringLiteral("--screenshot"), QString());
    // Ends every scroll pass after this many frames (quick comparisons); the whole grid by default.
    const int scrollFrames = std::max(1, option(QStringLiteral("--scroll-frames"), QString::number(INT_MAX)).toInt());
    const bool run = !args.removeAll(QStringLiteral("--no-run"));
    // Keeps the thumbnail cache an earlier invocation filled: warm opens only, no pass to fill it.
    const bool warmOnly = args.removeAll(QStringLiteral("--warm-only")) > 0;
    if (args.isEmpty()) {
        std::fprintf(stderr,
            "usage: bench_gui FOLDER [--repeats N] [--run-seconds S] [--screenshot FILE] [--no-run] [--warm-only] "
            "[--scroll-frames N]\n");
        return 2;
    }
    try {
        const QString projectFile = ensureProject(QDir(args[0]).absolutePath());
        std::printf(
            "platform: %s, %d cores, ", qPrintable(QGuiApplication::platformName()), QThread::idealThreadCount());
        printLoad();
        printMemory("start");

        MainWindow window;
        window.resize(1280, 800);
        window.show();
        spin(300);

        std::vector<double> cold, warm;
        for (int r = 0; r < repeats; ++r) {
            if (!warmOnly) {
                window.closeProject();
                removeThumbnailCache(projectFile);
                cold.push_back(openToFirstScreen(window, projectFile));
            }
            warm.push_back(openToFirstScreen(window, projectFile));
            std::printf("open %d: cold %.0f ms, warm %.0f ms (rows loaded in %.0f ms)\n", r + 1,
                cold.empty() ? 0.0 : cold.back(), warm.back(), window.projectView()->loadSeconds() * 1000);
        }
        std::printf("open to first screen of thumbnails: cold median %.0f ms, warm median %.0f ms\n", median(cold),
            median(warm));
        printMemory("open");
        ImageGridView *view = window.projectView()->gridView();
        std::printf("grid: %d rows, %dx%d cells, page %d px\n", view->model()->rowCount(), view->gridSize().width(),
            view->gridSize().height(), view->verticalScrollBar()->pageStep());
        if (!screenshot.isEmpty())
            window.grab().save(screenshot);

        ThumbnailLoader *loader = window.projectView()->loader();
        const auto printLoader = [loader](const char *phase, double seconds) {
            const ThumbnailLoader::Statistics s = loader->statistics();
            std::printf("  thumbnails so far: %lld from the disk cache, %lld decoded; %s took %.1f s\n", s.diskHits,
                s.decoded, phase, seconds);
        };
        if (!warmOnly) {
            const double fillSeconds = fillThumbnailCache(view);
            std::printf("filling the disk cache (a page at a time, waiting for each): %.1f s\n", fillSeconds);
            printLoader("the fill", fillSeconds);
            printMemory("fill");
        }
        const int pageStep = view->verticalScrollBar()->pageStep();
        const int line = view->gridSize().height();
        struct Pass {
            const char *name;
            int step;
            int maxFrames;
        };
        const Pass passes[] = { { "scroll, a page a frame", pageStep, scrollFrames },
            { "scroll, 3 cell rows a frame", 3 * line, scrollFrames },
            { "scroll, 1 cell row a frame (1,500)", line, std::min(1500, scrollFrames) } };
        for (const auto &[name, step, maxFrames] : passes) {
            QElapsedTimer passClock;
            passClock.start();
            const ScrollFigures figures = scroll(view, step, maxFrames);
            printLoader(name, passClock.nsecsElapsed() / 1e9);
            printSpread(name, figures.frameMs);
            printSpread("  GUI-thread CPU time per frame", figures.frameCpuMs);
            const auto slow = std::count_if(
                figures.frameMs.begin(), figures.frameMs.end(), [](double ms) { return ms > kFrameBudgetMs; });
            const auto busy = std::count_if(
                figures.frameCpuMs.begin(), figures.frameCpuMs.end(), [](double ms) { return ms > kFrameBudgetMs; });
            std::printf("  frames over 16.7 ms: %.1f %% (over 16.7 ms of GUI-thread CPU: %td); "
                        "frames with every thumbnail ready: %.1f %%\n",
                100.0 * double(slow) / double(figures.frameMs.size()), busy,
                100.0 * figures.completeFrames / double(figures.frameMs.size()));
        }
        printMemory("scroll");

        fillScores(window.projectView()->model());
        timeArrangements(window, std::max(repeats, 5));
        printMemory("arrange");

        if (run) {
            view->verticalScrollBar()->setValue(0);
            measureRun(window, runSeconds);
            printMemory("run");
        }
        window.closeProject();
    } catch (const Error &error) {
        std::fprintf(stderr, "bench_gui: %s\n", qPrintable(error.message()));
        return 1;
    }
    return 0;
}

// Memory and time with a very large project: 1,000,000 image rows (no pixels), as the command line
// and the window hold them. Prints figures; not a test.
//
//   bench_rows [ROWS] [FOLDER]      (default 1000000 rows, a temporary folder)

#include "grid/griddata.h"
#include "storage/database.h"
#include "storage/imagetable.h"
#include "storage/project.h"
#include "storage/projectsummary.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

using namespace semiprune;

namespace {

// Resident and peak resident memory of this process, in MiB (Linux).
std::pair<double, double> residentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    double now = 0, peak = 0;
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                now = line.mid(6).trimmed().split(' ').first().toDouble() / 1024;
            if (line.startsWith("VmHWM:"))
                peak = line.mid(6).trimmed().split(' ').first().toDouble() / 1024;
        }
    }
    return { now, peak };
}

void report(const char *phase, const QElapsedTimer &timer)
{
    const auto [now, peak] = residentMiB();
    std::printf("%-34s %8.2f s   RSS %7.1f MiB   peak %7.1f MiB\n", phase, timer.nsecsElapsed() / 1e9, now, peak);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1000000;
    QTemporaryDir temporary;
    const QString folder = argc > 2 ? QString::fromLocal8Bit(argv[2]) : temporary.path();
    QDir().mkpath(folder + QStringLiteral("/images"));
    const QString file = folder + QStringLiteral("/rows.semiprune");
    QElapsedTimer timer;

    if (!QFile::exists(file)) {
        timer.start();
        auto project = Project::create(file, folder + QStringLiteral("/images"));
        Transaction transaction(project->db());
        ImageTable images(project->db());
        ImageRecord record;
        record.format = QStringLiteral("PNG");
        record.width = record.height = 28;
        record.channels = 1;
        record.bitDepth = 8;
        record.fileSize = 300;
        for (int i = 0; i < rows; ++i) {
            record.path = QStringLiteral("class-%1/image-%2.png").arg(i % 10).arg(i, 7, 10, QLatin1Char('0'));
            images.insert(record, 1);
        }
        transaction.commit();
        report("made the project", timer);
    }
    std::printf("%d image rows in %s (%.0f MiB)\n", rows, qPrintable(file), QFileInfo(file).size() / 1048576.0);

    timer.restart();
    auto project = Project::open(file);
    report("opened", timer);
    timer.restart();
    const ProjectSummary summary = summarizeProject(*project);
    report("summarized (what `info` shows)", timer);
    timer.restart();
    {
        const std::vector<ImageRecord> all = ImageTable(project->db()).all();
        report("every row as ImageRecord (core)", timer);
    }
    timer.restart();
    {
        const ui::GridData grid = ui::loadGridData(*project);
        report("the grid's rows (the window)", timer);
        std::printf("grid rows: %zu\n", grid.rows.size());
    }
    report("after releasing them", timer);
    return summary.images == rows ? 0 : 1;
}

// Benchmark (not a test): how fast a folder of images is imported into a new project.
//
//   bench_import [FOLDER] [--runs N]
//
// Without FOLDER, the Fashion-MNIST IDX files of Debian's dataset-fashion-mnist package are first
// converted into a temporary PNG folder (70,000 images, train/ and test/), and that conversion is
// timed too. Each run imports into a new project; the median of the runs is printed.

#include "common/error.h"
#include "dataset/classnames.h"
#include "dataset/demoproject.h"
#include "dataset/folderimporter.h"
#include "dataset/idxconverter.h"
#include "jobs/jobcontext.h"
#include "storage/project.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace semiprune;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int runs = 5;
    const qsizetype runsAt = args.indexOf(QStringLiteral("--runs"));
    if (runsAt >= 0 && runsAt + 1 < args.size()) {
        runs = std::max(1, args[runsAt + 1].toInt());
        args.remove(runsAt, 2);
    }
    QTemporaryDir scratch;
    try {
        QString folder = args.value(0);
        if (folder.isEmpty()) {
            const QString source = fashionMnistDirectory() + QLatin1Char('/');
            folder = scratch.filePath(QStringLiteral("fashion-mnist"));
            JobContext job;
            const IdxConversionReport report
                = convertIdxToFolder({ IdxPart { source + QStringLiteral("train-images-idx3-ubyte.gz"),
                                           source + QStringLiteral("train-labels-idx1-ubyte.gz"), Split::Train },
                                         IdxPart { source + QStringLiteral("t10k-images-idx3-ubyte.gz"),
                                             source + QStringLiteral("t10k-labels-idx1-ubyte.gz"), Split::Test } },
                    folder, fashionMnistClassNames(), job);
            std::printf("IDX to PNG: %lld images in %.2f s (%.0f images/s)\n", report.imagesWritten, report.seconds,
                report.imagesWritten / report.seconds);
        }

        std::vector<double> seconds;
        qint64 images = 0;
        for (int run = 0; run < runs; ++run) {
            const QString file = scratch.filePath(QStringLiteral("run%1.semiprune").arg(run));
            QElapsedTimer timer;
            timer.start();
            auto project = Project::create(file, folder);
            JobContext job;
            ImportOptions options;
            options.labelMode = LabelMode::Hidden;
            const ImportReport report = importFolder(*project, options, job);
            seconds.push_back(timer.elapsed() / 1000.0);
            images = report.added;
            std::printf("run %d: %lld images in %.2f s\n", run + 1, images, seconds.back());
        }
        std::sort(seconds.begin(), seconds.end());
        const double median = seconds[seconds.size() / 2];
        std::printf("import: %lld images, median %.2f s over %d runs (min %.2f, max %.2f): %.0f images/s\n", images,
            median, runs, seconds.front(), seconds.back(), images / median);
    } catch (const Error &error) {
        std::fprintf(stderr, "bench_import: %s\n", qPrintable(error.message()));
        return 1;
    }
    return 0;
}

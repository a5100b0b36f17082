// `semiprune launch`: starts the ranks of a distributed run on this host, as torchrun does for one
// node. They meet through a file in a private folder (c10d's FileStore) and talk over loopback, so
// nothing listens on the network.

#include "command.h"
#include "output.h"
#include "support.h"

#include "common/error.h"
#include "learning/engineruntime.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <memory>
#include <sched.h>

namespace semiprune::cli {

namespace {

std::atomic<bool> g_stopRequested { false };

void requestStop(int)
{
    g_stopRequested = true;
}

// The cores this process may use, split into `ranks` disjoint runs (all of them for every rank when
// there are fewer cores than ranks), so the ranks' LibTorch threads do not fight over cores.
std::vector<std::vector<int>> coresPerRank(int ranks)
{
    std::vector<int> cores;
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof(set), &set) == 0)
        for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
            if (CPU_ISSET(cpu, &set))
                cores.push_back(cpu);
    std::vector<std::vector<int>> out(static_cast<std::size_t>(ranks));
    for (int r = 0; r < ranks; ++r) {
        if (int(cores.size()) < ranks) {
            out[std::size_t(r)] = cores;
            continue;
        }
        const std::size_t begin = cores.size() * std::size_t(r) / std::size_t(ranks);
        const std::size_t end = cores.size() * std::size_t(r + 1) / std::size_t(ranks);
        out[std::size_t(r)].assign(cores.begin() + std::ptrdiff_t(begin), cores.begin() + std::ptrdiff_t(end));
    }
    return out;
}

QString describeExit(int rank, const QProcess &process)
{
    if (process.exitStatus() == QProcess::CrashExit)
        return QCoreApplication::translate("cli", "rank %1 was killed (a signal or a crash)").arg(rank);
    return QCoreApplication::translate("cli", "rank %1 exited with code %2").arg(rank).arg(process.exitCode());
}

} // namespace

Command launch()
{
    return Command { QStringLiteral("launch"),
        QCoreApplication::translate("cli", "Run a training command as N ranks on this host (data-parallel)."),
        QStringLiteral("-- COMMAND [ARGUMENTS...]"),
        [](QCommandLineParser &parser) {
            parser.addOptions(
                { QCommandLineOption(QStringLiteral("nproc"),
                      QCoreApplication::translate("cli", "Number of ranks (processes), 1-64."), QStringLiteral("n")),
                    QCommandLineOption(QStringLiteral("timeout"),
                        QCoreApplication::translate(
                            "cli", "Seconds a rank waits for a silent one before giving up (default 600)."),
                        QStringLiteral("seconds")) });
        },
        [](QCommandLineParser &parser) {
            if (!parser.isSet(QStringLiteral("nproc")))
                throw UsageError { QCoreApplication::translate("cli", "--nproc is required") };
            const int ranks = intOption(parser, QStringLiteral("nproc"), 0);
            if (ranks < 1 || ranks > 64)
                throw UsageError { QCoreApplication::translate("cli", "--nproc must be 1-64 (got %1)").arg(ranks) };
            const int timeout = intOption(parser, QStringLiteral("timeout"), 600);
            if (timeout < 1)
                throw UsageError { QCoreApplication::translate("cli", "--timeout must be at least 1 second") };
            QStringList command = parser.positionalArguments();
            if (command.isEmpty())
                throw UsageError { QCoreApplication::translate("cli", "name the command to run after --") };
            if (command.front() == QLatin1String("launch"))
                throw UsageError { QCoreApplication::translate("cli", "launch cannot launch itself") };
            // Refused here once, rather than by every rank.
            const std::vector<Command> training = learningCommands();
            const auto known = std::find_if(training.begin(), training.end(),
                [&](const Command &c) { return c.name == command.front() && c.distributed; });
            if (known == training.end())
                throw UsageError { QCoreApplication::translate(
                    "cli", "%1 does not run as several ranks: only pipeline, ssl, pseudo-label, dynamics and scores do")
                                       .arg(command.front()) };

            // The rendezvous file and nothing else, in a folder only this user can enter; removed
            // when the run ends.
            QTemporaryDir folder;
            if (!folder.isValid())
                throw Error(QCoreApplication::translate("cli", "Could not make a temporary folder: %1")
                                .arg(folder.errorString()));
            QByteArray token(32, Qt::Uninitialized);
            QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(token.data()), 8);
            const auto cores = coresPerRank(ranks);

            std::vector<std::unique_ptr<QProcess>> processes;
            for (int rank = 0; rank < ranks; ++rank) {
                auto process = std::make_unique<QProcess>();
                QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
                environment.insert(QStringLiteral("WORLD_SIZE"), QString::number(ranks));
                environment.insert(QStringLiteral("RANK"), QString::number(rank));
                environment.insert(QStringLiteral("LOCAL_RANK"), QString::number(rank));
                environment.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
                environment.insert(QStringLiteral("SEMIPRUNE_STORE_FILE"), folder.filePath(QStringLiteral("store")));
                environment.insert(QStringLiteral("SEMIPRUNE_TOKEN"), QString::fromLatin1(token.toHex()));
                environment.insert(QStringLiteral("SEMIPRUNE_DIST_TIMEOUT"), QString::number(timeout));
                environment.remove(QStringLiteral("SEMIPRUNE_TOKEN_FILE"));
                process->setProcessEnvironment(environment);
                process->setProcessChannelMode(QProcess::ForwardedChannels);
                process->setInputChannelMode(QProcess::ForwardedInputChannel);
                const std::vector<int> mine = cores[std::size_t(rank)];
                process->setChildProcessModifier([mine] {
                    cpu_set_t set;
                    CPU_ZERO(&set);
                    for (int cpu : mine)
                        CPU_SET(cpu, &set);
                    if (!mine.empty())
                        sched_setaffinity(0, sizeof(set), &set);
                });
                process->start(QCoreApplication::applicationFilePath(), command);
                if (!process->waitForStarted())
                    throw Error(QCoreApplication::translate("cli", "Could not start rank %1: %2")
                                    .arg(rank)
                                    .arg(process->errorString()));
                processes.push_back(std::move(process));
            }

            // Ctrl-C in a terminal reaches every rank (one process group), and each cancels after the
            // same step; a SIGTERM sent to launch alone (a scheduler's) is passed on to them.
            std::signal(SIGINT, SIG_IGN);
            std::signal(SIGTERM, requestStop);
            bool stopping = false;

            // Wait for every rank. When one fails, the others notice within seconds (a closed
            // connection) or the timeout; those still running after a grace period are stopped.
            int firstFailure = -1;
            bool cancelled = false;
            QElapsedTimer sinceFailure;
            for (;;) {
                if (g_stopRequested && !stopping) {
                    stopping = true;
                    for (auto &process : processes)
                        process->terminate();
                }
                bool running = false;
                for (int rank = 0; rank < ranks; ++rank) {
                    QProcess &process = *processes[std::size_t(rank)];
                    if (process.state() != QProcess::NotRunning)
                        process.waitForFinished(20);
                    if (process.state() != QProcess::NotRunning) {
                        running = true;
                        continue;
                    }
                    // 130: cancelled (Ctrl-C reached every rank); not a failure of one of them.
                    const bool failed = process.exitStatus() == QProcess::CrashExit
                        || (process.exitCode() != 0 && process.exitCode() != 130);
                    cancelled = cancelled || process.exitCode() == 130;
                    if (failed && firstFailure < 0) {
                        firstFailure = rank;
                        sinceFailure.start();
                        printError(QCoreApplication::translate("cli", "semiprune launch: %1; stopping the others.")
                                       .arg(describeExit(rank, process)));
                    }
                }
                if (!running)
                    break;
                if (firstFailure >= 0 && sinceFailure.elapsed() > 10000)
                    for (auto &process : processes)
                        if (process->state() != QProcess::NotRunning)
                            process->kill();
            }
            std::signal(SIGINT, SIG_DFL);
            std::signal(SIGTERM, SIG_DFL);
            if (firstFailure < 0)
                return cancelled ? 130 : 0;
            const QProcess &failed = *processes[std::size_t(firstFailure)];
            return failed.exitStatus() == QProcess::CrashExit ? 1 : failed.exitCode();
        } };
}

std::vector<Command> distributedCommands()
{
    return { launch() };
}

} // namespace semiprune::cli

// Distributed runs from the command line, as a user starts them: `semiprune launch` on one host and
// ranks started by hand with the torchrun variables, a rank killed mid-run, and the refusals.

#include "clirun.h"
#include "testsupport.h"

#include "storage/database.h"
#include "storage/project.h"
#include "storage/resulttables.h"
#include "storage/runtable.h"
#include "storage/statement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <opencv2/imgcodecs.hpp>

using namespace semiprune;

namespace {

// A port nobody listens on now (the kernel's choice for an ephemeral bind).
int freePort()
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    if (fd < 0 || bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0
        || getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        qFatal("no free port");
    const int port = ntohs(address.sin_port);
    close(fd);
    return port;
}

} // namespace

class TestLaunch final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_cli;

    using Result = testsupport::CliResult;

    Result run(
        const QStringList &arguments, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        return testsupport::runCli(m_cli, arguments, environment, 120000);
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Two classes of noisy stripes (64 images of 12 px), eight labeled images.
    QString stripesProject(const QString &name)
    {
        if (!QFileInfo::exists(path(QStringLiteral("stripes")))) {
            QDir().mkpath(path(QStringLiteral("stripes")));
            cv::RNG rng(3);
            for (int i = 0; i < 64; ++i) {
                cv::Mat image(12, 12, CV_8UC1);
                rng.fill(image, cv::RNG::UNIFORM, 20, 70);
                for (int k = i % 3; k < 12; k += 3)
                    (i % 2 ? image.col(k) : image.row(k)).setTo(cv::Scalar(200 + i % 40));
                if (!cv::imwrite(path(QStringLiteral("stripes/%1.png").arg(i)).toStdString(), image))
                    qFatal("cannot write the stripes");
            }
            QByteArray csv;
            for (int i = 0; i < 8; ++i)
                csv += QByteArray::number(i) + ".png," + (i % 2 ? "columns" : "rows") + "\n";
            testsupport::writeFile(path(QStringLiteral("stripes.csv")), csv);
        }
        const QString project = path(name);
        if (run({ QStringLiteral("create"), project, path(QStringLiteral("stripes")) }).exitCode != 0
            || run({ QStringLiteral("label"), project, QStringLiteral("--csv"), path(QStringLiteral("stripes.csv")),
                       QStringLiteral("--create-classes") })
                    .exitCode
                != 0)
            qFatal("cannot make %s", qPrintable(project));
        return project;
    }

    static QStringList pipelineArguments(const QString &project)
    {
        return { QStringLiteral("pipeline"), project, QStringLiteral("--steps"), QStringLiteral("40"),
            QStringLiteral("--batch"), QStringLiteral("4"), QStringLiteral("--mu"), QStringLiteral("2"),
            QStringLiteral("--epochs"), QStringLiteral("3"), QStringLiteral("--threads"), QStringLiteral("1"),
            QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--precision"), QStringLiteral("float32"),
            QStringLiteral("--json") };
    }

    // What a run left in a project: the kept images of its selection and the pseudo-labels.
    struct Outcome {
        std::set<qint64> kept;
        std::map<qint64, qint64> pseudoLabels;
    };
    static Outcome outcomeOf(const QString &file)
    {
        Outcome outcome;
        const auto project = Project::openForReading(file);
        SelectionTable selections(project->db());
        for (const SelectionItem &item : selections.items(selections.all().front().id))
            if (item.kept)
                outcome.kept.insert(item.image.value);
        for (const RunRecord &run : RunTable(project->db()).all())
            if (run.kind == QLatin1String("pseudo-label"))
                for (const PredictionRecord &p : PredictionTable(project->db()).forRun(run.id))
                    outcome.pseudoLabels[p.image.value] = p.classId.value;
        return outcome;
    }

    QProcessEnvironment rankEnvironment(int rank, int world, int port, int timeoutSeconds = 60) const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("WORLD_SIZE"), QString::number(world));
        environment.insert(QStringLiteral("RANK"), QString::number(rank));
        environment.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
        environment.insert(QStringLiteral("MASTER_PORT"), QString::number(port));
        environment.insert(QStringLiteral("SEMIPRUNE_TOKEN"), QStringLiteral("test token"));
        environment.insert(QStringLiteral("SEMIPRUNE_DIST_TIMEOUT"), QString::number(timeoutSeconds));
        return environment;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cli = qEnvironmentVariable("SEMIPRUNE_CLI");
        QVERIFY2(QFile::exists(m_cli), "SEMIPRUNE_CLI must name the built semiprune program");
    }

    void launchingTwoRanksGivesTheCoresetOfOneProcess()
    {
        const QString alone = stripesProject(QStringLiteral("alone.semiprune"));
        const QString ranked = stripesProject(QStringLiteral("ranked.semiprune"));
        const Result one = run(pipelineArguments(alone));
        QVERIFY2(one.exitCode == 0, one.err.constData());
        QStringList launch { QStringLiteral("launch"), QStringLiteral("--nproc"), QStringLiteral("2"),
            QStringLiteral("--") };
        const Result two = run(launch + pipelineArguments(ranked));
        QVERIFY2(two.exitCode == 0, two.err.constData());
        QCOMPARE(two.json()[QStringLiteral("kept")].toInt(), one.json()[QStringLiteral("kept")].toInt());

        const Outcome a = outcomeOf(alone), b = outcomeOf(ranked);
        QCOMPARE(b.pseudoLabels.size(), a.pseudoLabels.size());
        int sameLabel = 0;
        for (const auto &[image, label] : a.pseudoLabels)
            sameLabel += b.pseudoLabels.at(image) == label;
        int overlap = 0;
        for (qint64 image : a.kept)
            overlap += int(b.kept.count(image));
        qInfo("2 ranks against 1 process: %d of %zu pseudo-labels alike, %d of %zu kept images alike", sameLabel,
            a.pseudoLabels.size(), overlap, a.kept.size());
        QCOMPARE(sameLabel, int(a.pseudoLabels.size()));
        QVERIFY(overlap >= int(a.kept.size()) * 9 / 10);
        // The ranks other than 0 wrote nothing: one set of runs, all finished.
        const auto project = Project::openForReading(ranked);
        for (const RunRecord &r : RunTable(project->db()).all())
            QCOMPARE(r.state, RunState::Finished);
    }

    void aKilledRankStopsTheOthersAndTheRunResumes()
    {
        const QString project = stripesProject(QStringLiteral("killed.semiprune"));
        QStringList ssl { QStringLiteral("ssl"), project, QStringLiteral("--steps"), QStringLiteral("1500"),
            QStringLiteral("--batch"), QStringLiteral("4"), QStringLiteral("--mu"), QStringLiteral("1"),
            QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--device"), QStringLiteral("cpu"),
            QStringLiteral("--json") };
        const int port = freePort();
        QProcess ranks[2];
        for (int rank = 0; rank < 2; ++rank) {
            ranks[rank].setProcessEnvironment(rankEnvironment(rank, 2, port, 20));
            ranks[rank].start(m_cli, ssl);
        }
        const QString checkpoint = project + QStringLiteral(".runs/run-1.checkpoint");
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(checkpoint).size() > 0, 60000);
        ranks[1].kill();
        QVERIFY(ranks[1].waitForFinished(10000));
        // Rank 0 notices at its next all-reduce (a closed connection), long before the timeout.
        QElapsedTimer timer;
        timer.start();
        QVERIFY(ranks[0].waitForFinished(30000));
        const QByteArray err = ranks[0].readAllStandardError();
        qInfo("rank 0 stopped %lld ms after rank 1 was killed", timer.elapsed());
        QCOMPARE(ranks[0].exitCode(), 1);
        QVERIFY2(err.contains("another rank left or did not answer"), err.constData());

        {
            const auto p = Project::openForReading(project);
            Statement check = p->db().prepare("PRAGMA integrity_check");
            check.step();
            QCOMPARE(check.text(0), QStringLiteral("ok"));
            const auto runs = RunTable(p->db()).all();
            QCOMPARE(runs.size(), std::size_t(1));
            QCOMPARE(runs[0].state, RunState::Failed);
        }
        // The same command alone continues that run from its checkpoint and finishes it.
        const Result resumed = run(ssl);
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        QCOMPARE(resumed.json()[QStringLiteral("resumed")].toBool(), true);
        QCOMPARE(resumed.json()[QStringLiteral("ssl_run")].toInt(), 1);
    }

    void stoppingLaunchCancelsEveryRankAfterTheSameStep()
    {
        const QString project = stripesProject(QStringLiteral("stopped.semiprune"));
        QProcess launch;
        launch.start(m_cli,
            { QStringLiteral("launch"), QStringLiteral("--nproc"), QStringLiteral("2"), QStringLiteral("--"),
                QStringLiteral("ssl"), project, QStringLiteral("--steps"), QStringLiteral("100000"),
                QStringLiteral("--batch"), QStringLiteral("4"), QStringLiteral("--mu"), QStringLiteral("1"),
                QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--device"), QStringLiteral("cpu") });
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(project + QStringLiteral(".runs/run-1.checkpoint")).size() > 0, 60000);
        launch.terminate(); // a scheduler's SIGTERM to launch alone: passed on to the ranks
        QVERIFY(launch.waitForFinished(30000));
        QCOMPARE(launch.exitCode(), 130);
        const QByteArray err = launch.readAllStandardError();
        QCOMPARE(err.count("cancelled; the work finished so far is kept"), 2);
        const auto p = Project::openForReading(project);
        QCOMPARE(RunTable(p->db()).all().at(0).state, RunState::Cancelled);
    }

    void aHangingRankIsGivenUpAfterTheTimeout()
    {
        const QString project = stripesProject(QStringLiteral("hanging.semiprune"));
        const QStringList ssl { QStringLiteral("ssl"), project, QStringLiteral("--steps"), QStringLiteral("100000"),
            QStringLiteral("--batch"), QStringLiteral("4"), QStringLiteral("--mu"), QStringLiteral("1"),
            QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--device"), QStringLiteral("cpu") };
        const int port = freePort();
        QProcess ranks[2];
        for (int rank = 0; rank < 2; ++rank) {
            ranks[rank].setProcessEnvironment(rankEnvironment(rank, 2, port, 3));
            ranks[rank].start(m_cli, ssl);
        }
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(project + QStringLiteral(".runs/run-1.checkpoint")).size() > 0, 60000);
        ::kill(pid_t(ranks[1].processId()), SIGSTOP); // alive, but silent
        QElapsedTimer timer;
        timer.start();
        QVERIFY(ranks[0].waitForFinished(30000));
        qInfo("rank 0 gave up %lld ms after rank 1 stopped answering (timeout 3 s)", timer.elapsed());
        QCOMPARE(ranks[0].exitCode(), 1);
        const QByteArray err = ranks[0].readAllStandardError();
        QVERIFY2(err.contains("did not answer within 3 s"), err.constData());
        ranks[1].kill();
        ranks[1].waitForFinished(10000);
        const auto p = Project::openForReading(project);
        QCOMPARE(RunTable(p->db()).all().at(0).state, RunState::Failed);
    }

    void theRendezvousRefusals()
    {
        const QString project = stripesProject(QStringLiteral("refusals.semiprune"));
        const QStringList ssl { QStringLiteral("ssl"), project, QStringLiteral("--steps"), QStringLiteral("5") };

        // No master to reach: a clear line within the timeout.
        const int nobody = freePort();
        const Result unreachable = run(ssl, rankEnvironment(1, 2, nobody, 2));
        QCOMPARE(unreachable.exitCode, 1);
        QVERIFY2(unreachable.err.contains("could not reach the master at 127.0.0.1"), unreachable.err.constData());

        // A world of nothing.
        QProcessEnvironment zero = rankEnvironment(0, 2, nobody);
        zero.insert(QStringLiteral("WORLD_SIZE"), QStringLiteral("0"));
        const Result empty = run(ssl, zero);
        QCOMPARE(empty.exitCode, 1);
        QVERIFY2(empty.err.contains("WORLD_SIZE must be at least 1"), empty.err.constData());

        // A rank 1 that never comes: rank 0 names it, and the project has no run.
        const int port = freePort();
        const Result alone = run(ssl, rankEnvironment(0, 2, port, 2));
        QCOMPARE(alone.exitCode, 1);
        QVERIFY2(alone.err.contains("Rank(s) 1 of 2 never arrived within 2 s"), alone.err.constData());

        // The port taken by another run's rank 0.
        QProcess holder;
        holder.setProcessEnvironment(rankEnvironment(0, 2, port, 10));
        holder.start(m_cli, ssl);
        QVERIFY(holder.waitForStarted());
        QTest::qWait(1500);
        const Result taken = run(ssl, rankEnvironment(0, 2, port, 2));
        QCOMPARE(taken.exitCode, 1);
        QVERIFY2(
            taken.err.contains(QByteArray("Port ") + QByteArray::number(port) + " is in use"), taken.err.constData());
        holder.kill();
        holder.waitForFinished();

        // A command that does not run as ranks refuses rather than run once per rank.
        const Result twice = run({ QStringLiteral("runs"), project }, rankEnvironment(0, 2, nobody));
        QCOMPARE(twice.exitCode, 1);
        QVERIFY2(twice.err.contains("runs does not run as several ranks"), twice.err.constData());

        // launch's own usage.
        QCOMPARE(run({ QStringLiteral("launch"), QStringLiteral("--nproc"), QStringLiteral("0"), QStringLiteral("--"),
                         QStringLiteral("ssl"), project })
                     .exitCode,
            2);
        QCOMPARE(run({ QStringLiteral("launch"), QStringLiteral("--nproc"), QStringLiteral("2") }).exitCode, 2);
        const Result notTraining = run({ QStringLiteral("launch"), QStringLiteral("--nproc"), QStringLiteral("2"),
            QStringLiteral("--"), QStringLiteral("runs"), project });
        QCOMPARE(notTraining.exitCode, 2);
        QCOMPARE(notTraining.err.count("does not run as several ranks"), 1);

        const auto p = Project::openForReading(project);
        QVERIFY(RunTable(p->db()).all().empty());
    }
};

QTEST_GUILESS_MAIN(TestLaunch)
#include "tst_launch.moc"

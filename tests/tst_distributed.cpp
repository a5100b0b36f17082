// Data-parallel training on c10d/Gloo (core/distributed, the trainers' distributed path): the
// rendezvous and its refusals, and two ranks on loopback against one process with the same batch.
// The ranks are threads of this test, each with its own Gloo group over a FileStore.

#include "common/error.h"
#include "distributed/distributedgroup.h"
#include "distributed/launchenvironment.h"
#include "jobs/jobcontext.h"
#include "learning/fixmatchtrainer.h"
#include "learning/supervisedtrainer.h"
#include "learning/trainingfollower.h"
#include "trainingfixtures.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace semiprune;

namespace {

LaunchEnvironment localRank(const QTemporaryDir &dir, int rank, int world, int timeoutSeconds = 30)
{
    LaunchEnvironment e;
    e.rank = rank;
    e.worldSize = world;
    e.storeFile = dir.filePath(QStringLiteral("store"));
    e.token = "job token";
    e.timeoutSeconds = timeoutSeconds;
    return e;
}

// Runs `body(rank)` on one thread per rank; returns each rank's error message, empty where none.
std::vector<QString> onRanks(int world, const std::function<void(int)> &body)
{
    std::vector<QString> errors(static_cast<std::size_t>(world));
    std::vector<std::thread> threads;
    for (int rank = 0; rank < world; ++rank)
        threads.emplace_back([&, rank] {
            try {
                body(rank);
            } catch (const Error &e) {
                errors[std::size_t(rank)] = e.message();
            } catch (const std::exception &e) {
                errors[std::size_t(rank)] = QStringLiteral("unexpected: ") + QString::fromUtf8(e.what());
            }
        });
    for (std::thread &thread : threads)
        thread.join();
    return errors;
}

QStringList variables(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *item : list)
        out << QString::fromUtf8(item);
    return out;
}

std::optional<LaunchEnvironment> parse(const QStringList &variables)
{
    QProcessEnvironment environment;
    for (const QString &variable : variables)
        environment.insert(variable.section(QLatin1Char('='), 0, 0), variable.section(QLatin1Char('='), 1));
    return LaunchEnvironment::from(environment);
}

QString parseError(const QStringList &variables)
{
    try {
        parse(variables);
    } catch (const Error &e) {
        return e.message();
    }
    return {};
}

} // namespace

class TestDistributed : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theLaunchVariablesAreReadAndChecked()
    {
        QVERIFY(!parse({}).has_value()); // no WORLD_SIZE: a plain run
        const auto e = parse(variables({ "WORLD_SIZE=4", "RANK=2", "LOCAL_RANK=0", "MASTER_ADDR=10.0.0.5",
            "MASTER_PORT=29600", "SEMIPRUNE_TOKEN=abc" }));
        QVERIFY(e.has_value());
        QCOMPARE(e->worldSize, 4);
        QCOMPARE(e->rank, 2);
        QCOMPARE(e->localRank, 0);
        QCOMPARE(e->masterAddress, QStringLiteral("10.0.0.5"));
        QCOMPARE(e->masterPort, 29600);
        QVERIFY(!e->isLocal());
        QCOMPARE(e->token, QByteArray("abc"));

        QVERIFY(parseError(variables({ "WORLD_SIZE=0" })).contains(QLatin1String("WORLD_SIZE must be at least 1")));
        QVERIFY(parseError(variables({ "WORLD_SIZE=two" })).contains(QLatin1String("whole number")));
        QVERIFY(parseError(variables({ "WORLD_SIZE=2", "RANK=2", "SEMIPRUNE_TOKEN=a" }))
                    .contains(QLatin1String("RANK must be")));
        QVERIFY(parseError(variables({ "WORLD_SIZE=2", "RANK=1" })).contains(QLatin1String("token")));
        QVERIFY(parseError(variables({ "WORLD_SIZE=2", "MASTER_PORT=70000", "SEMIPRUNE_TOKEN=a" }))
                    .contains(QLatin1String("MASTER_PORT")));

        // A token file others can read is refused, a private one is read.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("token"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("s3cret\n");
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        QVERIFY(parseError({ QStringLiteral("WORLD_SIZE=2"), QStringLiteral("SEMIPRUNE_TOKEN_FILE=") + path })
                    .contains(QLatin1String("chmod 600")));
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QCOMPARE(parse({ QStringLiteral("WORLD_SIZE=2"), QStringLiteral("SEMIPRUNE_TOKEN_FILE=") + path })->token,
            QByteArray("s3cret"));
    }

    void theRendezvousRefusesWhatDoesNotBelong()
    {
        {
            // A rank without the job's token.
            QTemporaryDir dir;
            const auto errors = onRanks(2, [&](int rank) {
                LaunchEnvironment e = localRank(dir, rank, 2);
                if (rank == 1)
                    e.token = "guessed";
                DistributedGroup::join(e, QStringLiteral("ssl project.semiprune"));
            });
            for (const QString &error : errors)
                QVERIFY2(error.contains(QLatin1String("Rank 1 presented a wrong token")), qPrintable(error));
        }
        {
            // A rank with another command (or build).
            QTemporaryDir dir;
            const auto errors = onRanks(2, [&](int rank) {
                DistributedGroup::join(
                    localRank(dir, rank, 2), rank == 0 ? QStringLiteral("ssl a") : QStringLiteral("ssl b"));
            });
            for (const QString &error : errors)
                QVERIFY2(error.contains(QLatin1String("Rank 1 runs something else")), qPrintable(error));
        }
        {
            // A rank that never comes: rank 0 says which, within the timeout.
            QTemporaryDir dir;
            QElapsedTimer timer;
            timer.start();
            const auto errors = onRanks(1, [&](int) { DistributedGroup::join(localRank(dir, 0, 3, 2), QString()); });
            QVERIFY2(
                errors[0].contains(QLatin1String("Rank(s) 1, 2 of 3 never arrived within 2 s")), qPrintable(errors[0]));
            QVERIFY(timer.elapsed() < 10000);
        }
        {
            // Two processes claiming one rank.
            QTemporaryDir dir;
            const auto errors = onRanks(
                3, [&](int rank) { DistributedGroup::join(localRank(dir, std::min(rank, 1), 2, 3), QString()); });
            QVERIFY(std::any_of(errors.begin(), errors.end(), [](const QString &error) {
                return error.contains(QLatin1String("already joined this run as rank 1"));
            }));
        }
    }

    void fixMatchOnTwoRanksMatchesOneProcess_data()
    {
        QTest::addColumn<bool>("flexMatch");
        QTest::newRow("fixed threshold") << false;
        QTest::newRow("FlexMatch and alignment") << true;
    }

    void fixMatchOnTwoRanksMatchesOneProcess()
    {
        QFETCH(bool, flexMatch);
        const ShapeSet set = makeShapes(192, 11);
        std::vector<int> seed, labels;
        seedOf(set, 4, seed, labels);
        FixMatchConfig config = tinyFixMatch(4);
        config.threshold = 0.6; // tiny schedule: let pseudo-labels count early
        if (flexMatch) {
            config.thresholdMode = ThresholdMode::FlexMatch;
            config.alignDistribution = true;
        }
        struct Pair {
            std::unique_ptr<FixMatchTrainer> alone, ranked;
            std::vector<double> aloneMask, rankedMask;
        };
        const auto train = [&](int steps) {
            Pair pair;
            FixMatchConfig c = config;
            c.steps = steps;
            pair.alone = std::make_unique<FixMatchTrainer>(set.bank, seed, labels, 4, c);
            pair.alone->setMetricsCallback([&](const FixMatchMetrics &m) { pair.aloneMask.push_back(m.maskRate); });
            pair.alone->run();
            QTemporaryDir dir;
            const auto errors = onRanks(2, [&](int rank) {
                const auto group = DistributedGroup::join(localRank(dir, rank, 2), QStringLiteral("fixmatch"));
                if (rank == 0) {
                    pair.ranked = std::make_unique<FixMatchTrainer>(set.bank, seed, labels, 4, c);
                    pair.ranked->setDistributedGroup(group);
                    pair.ranked->setMetricsCallback(
                        [&](const FixMatchMetrics &m) { pair.rankedMask.push_back(m.maskRate); });
                    if (pair.ranked->run() != TrainingOutcome::Completed)
                        throw Error(QStringLiteral("not completed"));
                    releaseFollowers(*group);
                } else {
                    followLeader(group, [&]() -> const ImageBank & { return set.bank; });
                }
            });
            if (!errors[0].isEmpty() || !errors[1].isEmpty())
                qWarning("%s %s", qPrintable(errors[0]), qPrintable(errors[1]));
            return pair;
        };

        // A few steps: the same networks up to the order of floating-point sums (one step: ~1e-7).
        Pair shortRun = train(4);
        QVERIFY(shortRun.ranked && shortRun.ranked->step() == 4);
        const float live = maxDifference(flatParameters(shortRun.ranked->liveModel(), set.bank),
            flatParameters(shortRun.alone->liveModel(), set.bank));
        const float ema = maxDifference(flatParameters(shortRun.ranked->emaModel(), set.bank),
            flatParameters(shortRun.alone->emaModel(), set.bank));
        qInfo("after 4 steps, largest probability difference, 2 ranks against 1: live %.1e, EMA %.1e", double(live),
            double(ema));
        QVERIFY(live < 1e-3f);
        QVERIFY(ema < 1e-3f);
        // FlexMatch's per-image memory and alignment's running mean are the same on every rank.
        const auto near = [](const std::vector<double> &x, const std::vector<double> &y) {
            if (x.size() != y.size())
                return false;
            for (std::size_t i = 0; i < x.size(); ++i)
                if (std::abs(x[i] - y[i]) > 1e-4)
                    return false;
            return true;
        };
        QVERIFY(near(shortRun.ranked->classThresholds(), shortRun.alone->classThresholds()));
        QVERIFY(near(shortRun.ranked->predictionMean(), shortRun.alone->predictionMean()));

        // Longer, rounding differences grow where a confidence sits at the threshold, but the
        // training stays the same: mask rates step by step, and the pseudo-labels.
        Pair longRun = train(16);
        QVERIFY(longRun.ranked && longRun.ranked->step() == 16);
        QCOMPARE(longRun.rankedMask.size(), longRun.aloneMask.size());
        for (std::size_t i = 0; i < longRun.aloneMask.size(); ++i)
            QVERIFY2(std::abs(longRun.rankedMask[i] - longRun.aloneMask[i]) <= 2.0 / 32 + 1e-9,
                qPrintable(QStringLiteral("step %1: %2 against %3")
                               .arg(i + 1)
                               .arg(longRun.rankedMask[i])
                               .arg(longRun.aloneMask[i])));
        const Predictions a = longRun.alone->predict(set.bank), b = longRun.ranked->predict(set.bank);
        int same = 0;
        for (int i = 0; i < a.count(); ++i)
            same += a.argmax(i) == b.argmax(i);
        qInfo("after 16 steps, the same pseudo-label for %d of %d images; accuracy %.3f against %.3f", same, a.count(),
            b.accuracy(set.labels), a.accuracy(set.labels));
        // FlexMatch's thresholds start at 0 and follow discrete counts, so on 192 images after 16
        // steps a few flips decide more there: its short run above is the check that matters.
        if (!flexMatch) {
            QVERIFY(same >= a.count() * 97 / 100);
            QVERIFY(std::abs(a.accuracy(set.labels) - b.accuracy(set.labels)) <= 0.02);
        }
    }

    void proxyTrainingOnTwoRanksMatchesOneProcess()
    {
        // 2 * 32 + 1 images: each epoch ends with a batch of one image, which one rank has none of.
        const ShapeSet set = makeShapes(65, 5);
        SupervisedConfig config = tinySupervised(2);
        SupervisedTrainer alone(set.bank, {}, set.labels, 4, config);
        std::vector<EpochRecord> aloneRecords, groupRecords;
        alone.setEpochCallback([&](int, const std::vector<EpochRecord> &r) { aloneRecords = r; });
        QCOMPARE(alone.run(), TrainingOutcome::Completed);

        QTemporaryDir dir;
        std::unique_ptr<SupervisedTrainer> leader;
        const auto errors = onRanks(2, [&](int rank) {
            const auto group = DistributedGroup::join(localRank(dir, rank, 2), QStringLiteral("proxy"));
            if (rank == 0) {
                leader = std::make_unique<SupervisedTrainer>(set.bank, std::vector<int>(), set.labels, 4, config);
                leader->setDistributedGroup(group);
                leader->setEpochCallback([&](int, const std::vector<EpochRecord> &r) { groupRecords = r; });
                leader->run();
                releaseFollowers(*group);
            } else {
                followLeader(group, [&]() -> const ImageBank & { return set.bank; });
            }
        });
        QVERIFY2(errors[0].isEmpty() && errors[1].isEmpty(), qPrintable(errors[0] + errors[1]));
        // Every image's training dynamics of the last epoch, gathered from both ranks.
        QCOMPARE(groupRecords.size(), aloneRecords.size());
        float worst = 0;
        for (std::size_t i = 0; i < aloneRecords.size(); ++i) {
            worst = std::max(worst, std::abs(groupRecords[i].labelProb - aloneRecords[i].labelProb));
            QCOMPARE(groupRecords[i].correct, aloneRecords[i].correct);
        }
        qInfo("largest p(label) difference, 2 ranks against 1 process: %.2e", double(worst));
        QVERIFY(worst < 5e-3f);
        QVERIFY(
            maxDifference(flatParameters(leader->model(), set.bank), flatParameters(alone.model(), set.bank)) < 5e-3f);
    }

    void pseudoLabelsAreSharedOutOverTheRanks()
    {
        const ShapeSet set = makeShapes(101, 9); // not a multiple of the ranks
        SupervisedTrainer trainer(set.bank, {}, set.labels, 4, tinySupervised(1));
        trainer.run();
        const Model model = trainer.model();
        const Predictions alone = model.predict(set.bank);
        Predictions together;
        QTemporaryDir dir;
        const auto errors = onRanks(3, [&](int rank) {
            const auto group = DistributedGroup::join(localRank(dir, rank, 3), QStringLiteral("predict"));
            if (rank == 0) {
                together = predictTogether(model, set.bank, group.get());
                releaseFollowers(*group);
            } else {
                followLeader(group, [&]() -> const ImageBank & { return set.bank; });
            }
        });
        QVERIFY2(errors[0].isEmpty() && errors[1].isEmpty() && errors[2].isEmpty(),
            qPrintable(errors[0] + errors[1] + errors[2]));
        QCOMPARE(together.count(), alone.count());
        QVERIFY(maxDifference(together.probabilities(), alone.probabilities()) < 1e-5f);
        QCOMPARE(together.labels(), alone.labels());
    }

    void aCancelOnAnyRankStopsEveryRankAfterTheSameStep()
    {
        const ShapeSet set = makeShapes(96, 3);
        std::vector<int> seed, labels;
        seedOf(set, 3, seed, labels);
        QTemporaryDir dir;
        std::atomic<bool> followerCancel { true };
        int leaderStep = -1;
        TrainingOutcome outcome = TrainingOutcome::Completed;
        const auto errors = onRanks(2, [&](int rank) {
            const auto group = DistributedGroup::join(localRank(dir, rank, 2), QStringLiteral("cancel"));
            if (rank == 0) {
                FixMatchTrainer trainer(set.bank, seed, labels, 4, tinyFixMatch(50));
                trainer.setDistributedGroup(group);
                outcome = trainer.run();
                leaderStep = trainer.step();
            } else {
                try {
                    followLeader(
                        group, [&]() -> const ImageBank & { return set.bank; }, &followerCancel);
                } catch (const JobCancelled &) {
                    return; // the follower's own way of saying it stopped with the others
                }
                throw Error(QStringLiteral("the follower did not report the cancel"));
            }
        });
        QVERIFY2(errors[0].isEmpty() && errors[1].isEmpty(), qPrintable(errors[0] + errors[1]));
        QCOMPARE(outcome, TrainingOutcome::Cancelled);
        QCOMPARE(leaderStep, 1);
    }

    void aRankWithOtherImagesIsRefusedBeforeAnyStep()
    {
        const ShapeSet set = makeShapes(64, 3), other = makeShapes(64, 4);
        std::vector<int> seed, labels;
        seedOf(set, 3, seed, labels);
        QTemporaryDir dir;
        const auto errors = onRanks(2, [&](int rank) {
            const auto group = DistributedGroup::join(localRank(dir, rank, 2), QStringLiteral("images"));
            if (rank == 0) {
                FixMatchTrainer trainer(set.bank, seed, labels, 4, tinyFixMatch(5));
                trainer.setDistributedGroup(group);
                trainer.run();
            } else {
                followLeader(group, [&]() -> const ImageBank & { return other.bank; });
            }
        });
        for (const QString &error : errors)
            QVERIFY2(error.contains(QLatin1String("images of rank(s) 1 differ")), qPrintable(error));
    }

    void followersStopWithRankZerosReason()
    {
        QTemporaryDir dir;
        const auto errors = onRanks(2, [&](int rank) {
            const auto group = DistributedGroup::join(localRank(dir, rank, 2), QString());
            if (rank == 0)
                abortFollowers(*group, QStringLiteral("The disk is full."));
            else
                followLeader(group, [&]() -> const ImageBank & { throw Error(QStringLiteral("not asked")); });
        });
        QVERIFY(errors[0].isEmpty());
        QCOMPARE(errors[1], QStringLiteral("Rank 0 stopped: The disk is full."));
    }
};

QTEST_GUILESS_MAIN(TestDistributed)
#include "tst_distributed.moc"

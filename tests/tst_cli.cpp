// The command-line tool, driven as a user would: a round trip through a temporary project.

#include "clirun.h"
#include "testsupport.h"

#include "storage/classtable.h"
#include "storage/imagetable.h"
#include "storage/labeltable.h"
#include "storage/project.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

using namespace semiprune;

class TestCli final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_cli;

    using Result = testsupport::CliResult;

    Result run(
        const QStringList &arguments, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        return testsupport::runCli(m_cli, arguments, environment);
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Two classes of stripes (16 images of 12 px), four labeled images each: enough for FixMatch.
    QString stripesProject(const QString &name)
    {
        if (!QFileInfo::exists(path(QStringLiteral("stripes"))))
            for (int i = 0; i < 16; ++i) {
                cv::Mat image(12, 12, CV_8UC1, cv::Scalar(30));
                for (int k = 0; k < 12; k += 3)
                    (i % 2 ? image.col(k) : image.row(k)).setTo(cv::Scalar(220));
                QDir().mkpath(path(QStringLiteral("stripes")));
                if (!cv::imwrite(path(QStringLiteral("stripes/%1.png").arg(i)).toStdString(), image))
                    qFatal("cannot write the stripes");
            }
        const QString project = path(name);
        if (run({ QStringLiteral("create"), project, path(QStringLiteral("stripes")) }).exitCode != 0)
            qFatal("cannot create %s", qPrintable(project));
        QByteArray csv;
        for (int i = 0; i < 8; ++i)
            csv += QByteArray::number(i) + ".png," + (i % 2 ? "columns" : "rows") + "\n";
        testsupport::writeFile(path(QStringLiteral("stripes.csv")), csv);
        if (run({ QStringLiteral("label"), project, QStringLiteral("--csv"), path(QStringLiteral("stripes.csv")),
                    QStringLiteral("--create-classes") })
                .exitCode
            != 0)
            qFatal("cannot label %s", qPrintable(project));
        return project;
    }

    static QStringList endlessSsl(const QString &project)
    {
        return { QStringLiteral("ssl"), project, QStringLiteral("--steps"), QStringLiteral("100000"),
            QStringLiteral("--batch"), QStringLiteral("4"), QStringLiteral("--mu"), QStringLiteral("1"),
            QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--device"), QStringLiteral("cpu"),
            QStringLiteral("--json") };
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cli = qEnvironmentVariable("SEMIPRUNE_CLI");
        QVERIFY2(QFile::exists(m_cli), "SEMIPRUNE_CLI must name the built semiprune program");
        for (int i = 0; i < 6; ++i) {
            testsupport::writeImage(path(QStringLiteral("pets/cat/c%1.png").arg(i)), 6, 6, 3, i);
            testsupport::writeImage(path(QStringLiteral("pets/dog/d%1.jpg").arg(i)), 6, 6, 3, i);
        }
        testsupport::writeFile(path(QStringLiteral("pets/dog/broken.png")), "not a png");
    }

    void helpOnEveryCommand()
    {
        const Result overview = run({ QStringLiteral("--help") });
        QCOMPARE(overview.exitCode, 0);
        for (const char *command : { "create", "rescan", "info", "relocate", "import-idx", "demo", "classes", "label",
                 "unlabel", "seed", "skip" }) {
            QVERIFY2(overview.out.contains(command), command);
            const Result help = run({ QString::fromLatin1(command), QStringLiteral("--help") });
            QCOMPARE(help.exitCode, 0);
            QVERIFY2(help.out.contains("Usage:"), command);
        }
    }

    // The system locale picks the language (LANGUAGE, LC_ALL: no generated locale needed, Qt reads
    // the variables), SEMIPRUNE_LANGUAGE overrides it, and Qt's own option texts follow.
    void helpInGerman()
    {
        QProcessEnvironment german = QProcessEnvironment::systemEnvironment();
        german.insert(QStringLiteral("SEMIPRUNE_LANGUAGE"), QStringLiteral("de"));
        const Result overview = run({ QStringLiteral("--help") }, german);
        QCOMPARE(overview.exitCode, 0);
        QVERIFY2(overview.out.contains("Aufruf: semiprune <Befehl> [Optionen]"), overview.out.constData());
        QVERIFY2(overview.out.contains("Befehle:"), overview.out.constData());
        QVERIFY2(overview.out.contains("Ein Projekt aus einem Bildordner anlegen"), overview.out.constData());

        const Result create = run({ QStringLiteral("create"), QStringLiteral("--help") }, german);
        QCOMPARE(create.exitCode, 0);
        QVERIFY2(create.out.contains("Aufruf: semiprune create [Optionen]"), create.out.constData());
        QVERIFY2(create.out.contains("--label-mode"), create.out.constData()); // option names stay
        QVERIFY2(create.out.contains("Optionen:"), create.out.constData()); // Qt's own text

        const Result unknown = run({ QStringLiteral("frobnicate") }, german);
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("unbekannter Befehl"), unknown.err.constData());

        QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
        system.remove(QStringLiteral("SEMIPRUNE_LANGUAGE"));
        system.insert(QStringLiteral("LANGUAGE"), QStringLiteral("de"));
        system.insert(QStringLiteral("LC_ALL"), QStringLiteral("de_DE.UTF-8"));
        QVERIFY(run({ QStringLiteral("--help") }, system).out.contains("Befehle:"));

        system.insert(QStringLiteral("SEMIPRUNE_LANGUAGE"), QStringLiteral("en"));
        const Result english = run({ QStringLiteral("--help") }, system);
        QVERIFY2(english.out.contains("Commands:"), english.out.constData());
    }

    void manPageDocumentsEveryCommandAndOption()
    {
        const QString man = QString::fromUtf8(testsupport::readFile(QStringLiteral(SEMIPRUNE_MAN_PAGE)))
                                .replace(QStringLiteral("\\-"), QStringLiteral("-"));
        QVERIFY(!man.isEmpty());
        static const QRegularExpression commandLine(
            QStringLiteral("^  (\\S+)\\s{2,}"), QRegularExpression::MultilineOption);
        static const QRegularExpression option(QStringLiteral("(--[a-z][a-z-]*)"));
        const QString overview = QString::fromUtf8(run({ QStringLiteral("--help") }).out);
        int commands = 0;
        for (const auto &command : commandLine.globalMatch(overview)) {
            const QString name = command.captured(1);
            ++commands;
            const QRegularExpression entry(QStringLiteral("^\\.BR? .*\\b%1\\b").arg(QRegularExpression::escape(name)),
                QRegularExpression::MultilineOption);
            QVERIFY2(entry.match(man).hasMatch(), qPrintable(name + QStringLiteral(" is not in the man page")));
            const QString help = QString::fromUtf8(run({ name, QStringLiteral("--help") }).out);
            for (const auto &match : option.globalMatch(help)) {
                const QString flag = match.captured(1);
                if (flag == QLatin1String("--help") || flag == QLatin1String("--help-all")
                    || flag == QLatin1String("--json"))
                    continue;
                QVERIFY2(man.contains(flag),
                    qPrintable(name + QLatin1Char(' ') + flag + QStringLiteral(" is not in the man page")));
            }
        }
        QVERIFY(commands >= 15);
    }

    void roundTrip()
    {
        const QString project = path(QStringLiteral("pets.semiprune"));
        // Class folders without a label mode: refused with the reason, and no project left behind.
        Result create = run({ QStringLiteral("create"), project, path(QStringLiteral("pets")) });
        QCOMPARE(create.exitCode, 1);
        QVERIFY(create.err.contains("label mode"));
        QCOMPARE(create.err.count('\n'), 1);
        QVERIFY(!QFile::exists(project));

        create = run({ QStringLiteral("create"), project, path(QStringLiteral("pets")), QStringLiteral("--label-mode"),
            QStringLiteral("hidden"), QStringLiteral("--json") });
        QCOMPARE(create.exitCode, 0);
        QCOMPARE(create.json()[QStringLiteral("added")].toInt(), 13);
        QCOMPARE(create.json()[QStringLiteral("unreadable")].toInt(), 1);

        Result info = run({ QStringLiteral("info"), project, QStringLiteral("--json") });
        QCOMPARE(info.exitCode, 0);
        QCOMPARE(info.json()[QStringLiteral("images")].toInt(), 13);
        QCOMPARE(info.json()[QStringLiteral("label_mode")].toString(), QStringLiteral("hidden"));
        QCOMPARE(info.json()[QStringLiteral("labeled")].toInt(), 0);
        QCOMPARE(info.json()[QStringLiteral("reference_classes")].toArray().size(), 2);

        QCOMPARE(run({ QStringLiteral("classes"), project, QStringLiteral("--add"), QStringLiteral("cat"),
                         QStringLiteral("--add"), QStringLiteral("dog") })
                     .exitCode,
            0);

        const Result seed = run({ QStringLiteral("seed"), project, QStringLiteral("--count"), QStringLiteral("4"),
            QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--json") });
        QCOMPARE(seed.exitCode, 0);
        // A seed that is no non-negative integer is a usage error, for every command taking one.
        for (const QStringList &badSeed : { QStringList { QStringLiteral("seed"), project, QStringLiteral("--count"),
                                                QStringLiteral("1"), QStringLiteral("--seed"), QStringLiteral("-7") },
                 QStringList { QStringLiteral("pipeline"), project, QStringLiteral("--seed"), QStringLiteral("x") },
                 QStringList { QStringLiteral("export"), project, path(QStringLiteral("never")),
                     QStringLiteral("--val-fraction"), QStringLiteral("0.2"), QStringLiteral("--split-seed"),
                     QStringLiteral("1.5") } }) {
            const Result refused = run(badSeed);
            QVERIFY2(refused.exitCode == 2, qPrintable(badSeed.join(QLatin1Char(' '))));
            QVERIFY2(refused.err.contains("seed takes a non-negative integer"), refused.err.constData());
        }
        const Result seedWithoutDraw
            = run({ QStringLiteral("seed"), project, QStringLiteral("--seed"), QStringLiteral("7") });
        QCOMPARE(seedWithoutDraw.exitCode, 2);
        QVERIFY2(seedWithoutDraw.err.contains("--seed only applies with --count"), seedWithoutDraw.err.constData());
        const QJsonArray items = seed.json()[QStringLiteral("items")].toArray();
        QCOMPARE(items.size(), 4);
        const QString first = items[0].toObject()[QStringLiteral("path")].toString();

        const Result label
            = run({ QStringLiteral("label"), project, first, QStringLiteral("cat"), QStringLiteral("--json") });
        QCOMPARE(label.exitCode, 0);
        QCOMPARE(label.json()[QStringLiteral("source")].toString(), QStringLiteral("seed"));

        const Result unknownClass = run({ QStringLiteral("label"), project, first, QStringLiteral("horse") });
        QCOMPARE(unknownClass.exitCode, 1);
        QVERIFY(unknownClass.err.contains("horse"));

        testsupport::writeFile(path(QStringLiteral("labels.csv")),
            "path,class\n\"cat/c1.png\",cat\ndog/d2.jpg,horse\n" + first.toUtf8() + ",\n");
        QCOMPARE(run({ QStringLiteral("label"), project, QStringLiteral("--csv"), path(QStringLiteral("labels.csv")) })
                     .exitCode,
            1);
        QCOMPARE(run({ QStringLiteral("info"), project, QStringLiteral("--json") })
                     .json()[QStringLiteral("labeled")]
                     .toInt(),
            1);
        const Result csv = run({ QStringLiteral("label"), project, QStringLiteral("--csv"),
            path(QStringLiteral("labels.csv")), QStringLiteral("--create-classes"), QStringLiteral("--json") });
        QCOMPARE(csv.exitCode, 0);
        QCOMPARE(csv.json()[QStringLiteral("labeled")].toInt(), 2);
        QCOMPARE(csv.json()[QStringLiteral("cleared")].toInt(), 1);
        QCOMPARE(csv.json()[QStringLiteral("classes_created")].toInt(), 1);

        const Result skip
            = run({ QStringLiteral("skip"), project, items[1].toObject()[QStringLiteral("path")].toString() });
        QCOMPARE(skip.exitCode, 0);
        info = run({ QStringLiteral("info"), project, QStringLiteral("--json") });
        QCOMPARE(info.json()[QStringLiteral("seed_drawn")].toInt(), 5);
        QCOMPARE(info.json()[QStringLiteral("seed_skipped")].toInt(), 1);
        QCOMPARE(info.json()[QStringLiteral("labeled")].toInt(), 2);

        QCOMPARE(run({ QStringLiteral("unlabel"), project, QStringLiteral("cat/c1.png") }).exitCode, 0);
        QCOMPARE(run({ QStringLiteral("info"), project, QStringLiteral("--json") })
                     .json()[QStringLiteral("labeled")]
                     .toInt(),
            1);

        const Result problems = run({ QStringLiteral("info"), project, QStringLiteral("--unreadable") });
        QVERIFY(problems.out.contains("dog/broken.png"));

        // A pixel limit refuses large images from their header (6 x 6 = 36 pixels > 20 here).
        const QString strict = path(QStringLiteral("strict.semiprune"));
        const Result limited = run({ QStringLiteral("create"), strict, path(QStringLiteral("pets")),
            QStringLiteral("--label-mode"), QStringLiteral("hidden"), QStringLiteral("--max-megapixels"),
            QStringLiteral("0.00002"), QStringLiteral("--json") });
        QCOMPARE(limited.exitCode, 0);
        QCOMPARE(limited.json()[QStringLiteral("unreadable")].toInt(), 13);
        QVERIFY(run({ QStringLiteral("info"), strict, QStringLiteral("--unreadable") }).out.contains("too large"));
        QCOMPARE(run({ QStringLiteral("rescan"), strict, QStringLiteral("--max-megapixels"), QStringLiteral("-1") })
                     .exitCode,
            2);

        // Training settings: native 6 px images train at 8 px (the smallest size) until told otherwise.
        Result config = run({ QStringLiteral("config"), project, QStringLiteral("--json") });
        QCOMPARE(config.exitCode, 0);
        QCOMPARE(config.json()[QStringLiteral("training_resolution")].toString(), QStringLiteral("auto"));
        QCOMPARE(config.json()[QStringLiteral("width")].toInt(), 8);
        config = run({ QStringLiteral("config"), project, QStringLiteral("--training-resolution"), QStringLiteral("64"),
            QStringLiteral("--json") });
        QCOMPARE(config.exitCode, 0);
        QCOMPARE(config.json()[QStringLiteral("width")].toInt(), 64);
        QCOMPARE(config.json()[QStringLiteral("model")].toString(), QStringLiteral("resnet-18"));
        const Result tooBig = run(
            { QStringLiteral("config"), project, QStringLiteral("--training-resolution"), QStringLiteral("5000") });
        QCOMPARE(tooBig.exitCode, 1);
        QVERIFY(tooBig.err.contains("512"));
        QCOMPARE(
            run({ QStringLiteral("config"), project, QStringLiteral("--training-resolution"), QStringLiteral("big") })
                .exitCode,
            2);
        QCOMPARE(run({ QStringLiteral("config"), project, QStringLiteral("--json") })
                     .json()[QStringLiteral("width")]
                     .toInt(),
            64);
        const Result badModel
            = run({ QStringLiteral("pipeline"), project, QStringLiteral("--model"), QStringLiteral("vgg") });
        QCOMPARE(badModel.exitCode, 1);
        QVERIFY(badModel.err.contains("resnet-18"));
        // The benchmark reads the same training options: an unknown device is refused before any
        // data is read, not taken as "auto".
        const Result badDevice = run({ QStringLiteral("benchmark"), path(QStringLiteral("bench-out")),
            QStringLiteral("--train"), path(QStringLiteral("no-train")), QStringLiteral("--test"),
            path(QStringLiteral("no-test")), QStringLiteral("--device"), QStringLiteral("tpu") });
        QCOMPARE(badDevice.exitCode, 1);
        QVERIFY2(badDevice.err.contains("Unknown device"), badDevice.err.constData());
        // Tuning chooses beta itself, and needs scores to tune on.
        const Result tuneAndBeta = run({ QStringLiteral("select"), project, QStringLiteral("--tune"),
            QStringLiteral("--beta"), QStringLiteral("0.1") });
        QCOMPARE(tuneAndBeta.exitCode, 2);
        QVERIFY(tuneAndBeta.err.contains("--tune chooses beta"));
        QCOMPARE(run({ QStringLiteral("select"), project, QStringLiteral("--tune"), QStringLiteral("--tune-epochs"),
                         QStringLiteral("0") })
                     .exitCode,
            2);
        const Result noScores = run({ QStringLiteral("select"), project, QStringLiteral("--tune") });
        QCOMPARE(noScores.exitCode, 1);
        QVERIFY2(noScores.err.contains("no difficulty scores"), noScores.err.constData());
    }

    void importsIdxFiles()
    {
        QByteArray images("\0\0\x08\x03\0\0\0\x04\0\0\0\x02\0\0\0\x02", 16);
        images += QByteArray(16, '\x40');
        const QByteArray labels("\0\0\x08\x01\0\0\0\x04\0\1\0\1", 12);
        testsupport::writeFile(path(QStringLiteral("i.idx3")), images);
        testsupport::writeFile(path(QStringLiteral("l.idx1")), labels);
        const QString project = path(QStringLiteral("idx.semiprune"));
        const Result result
            = run({ QStringLiteral("import-idx"), project, QStringLiteral("--out"), path(QStringLiteral("idx-images")),
                QStringLiteral("--images"), path(QStringLiteral("i.idx3")), QStringLiteral("--labels"),
                path(QStringLiteral("l.idx1")), QStringLiteral("--class-names"), QStringLiteral("zero,one"),
                QStringLiteral("--label-mode"), QStringLiteral("known"), QStringLiteral("--json") });
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.json()[QStringLiteral("converted")].toInt(), 4);
        QCOMPARE(result.json()[QStringLiteral("labels_imported")].toInt(), 4);
        const Result classes = run({ QStringLiteral("classes"), project, QStringLiteral("--json") });
        QCOMPARE(classes.json()[QStringLiteral("classes")].toArray().size(), 2);

        testsupport::writeFile(path(QStringLiteral("bad.idx3")), "\x08\x03 definitely not idx");
        const Result bad
            = run({ QStringLiteral("import-idx"), path(QStringLiteral("bad.semiprune")), QStringLiteral("--out"),
                path(QStringLiteral("bad-images")), QStringLiteral("--images"), path(QStringLiteral("bad.idx3")) });
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.err.contains("magic"));
        QVERIFY(!QFile::exists(path(QStringLiteral("bad.semiprune"))));
    }

    void aKilledRunResumesFromItsCheckpoint()
    {
        const QString project = stripesProject(QStringLiteral("stripes.semiprune"));
        const QStringList ssl = endlessSsl(project);
        const QString checkpoint = project + QStringLiteral(".runs/run-1.checkpoint");
        QProcess training;
        training.start(m_cli, ssl);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(checkpoint).size() > 0, 60000);
        QTest::qWait(300);
        training.kill(); // SIGKILL: no chance to clean up
        QVERIFY(training.waitForFinished(10000));

        // The killed process left its run marked running; the next look at the project sees it is gone.
        const Result runs = run({ QStringLiteral("runs"), project, QStringLiteral("--json") });
        const QJsonObject first = runs.json()[QStringLiteral("runs")].toArray().at(0).toObject();
        QCOMPARE(first[QStringLiteral("state")].toString(), QStringLiteral("interrupted"));

        // The same command again continues the same run from its checkpoint, not from step 0.
        QProcess resumed;
        resumed.start(m_cli, ssl);
        QTRY_VERIFY_WITH_TIMEOUT(run({ QStringLiteral("runs"), project, QStringLiteral("--json") })
                                     .json()[QStringLiteral("runs")]
                                     .toArray()
                                     .at(0)
                                     .toObject()[QStringLiteral("state")]
                                     .toString()
                == QLatin1String("running"),
            60000);
        const qint64 progressAtResume = run({ QStringLiteral("runs"), project, QStringLiteral("--json") })
                                            .json()[QStringLiteral("runs")]
                                            .toArray()
                                            .at(0)
                                            .toObject()[QStringLiteral("progress")]
                                            .toInteger();
        QVERIFY(progressAtResume > 0); // it did not start from scratch
        QCOMPARE(run({ QStringLiteral("runs"), project, QStringLiteral("--json") })
                     .json()[QStringLiteral("runs")]
                     .toArray()
                     .size(),
            1);
        resumed.terminate(); // like Ctrl-C: cancels after the current step, keeping a checkpoint
        QVERIFY(resumed.waitForFinished(30000));
        QCOMPARE(resumed.exitCode(), 130);
        QCOMPARE(run({ QStringLiteral("runs"), project, QStringLiteral("--json") })
                     .json()[QStringLiteral("runs")]
                     .toArray()
                     .at(0)
                     .toObject()[QStringLiteral("state")]
                     .toString(),
            QStringLiteral("cancelled"));
    }

    void labelingWhileARunGoesLosesNothing()
    {
        // The window and the command line on one project: one trains, the other labels, at once.
        const QString project = stripesProject(QStringLiteral("busy.semiprune"));
        QProcess training;
        training.start(m_cli, endlessSsl(project));
        QVERIFY(training.waitForStarted(60000));
        QTRY_VERIFY_WITH_TIMEOUT(run({ QStringLiteral("runs"), project, QStringLiteral("--json") })
                                     .json()[QStringLiteral("runs")]
                                     .toArray()
                                     .size()
                == 1,
            60000);

        const Result second = run({ QStringLiteral("pipeline"), project });
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.err.contains("already"), second.err.constData());

        auto window = Project::open(project); // a second connection in this process, as the window holds
        const ClassId rows = ClassTable(window->db()).findByName(QStringLiteral("rows"))->id;
        for (int i = 8; i < 16; ++i) {
            if (i % 2) {
                const Result label = run(
                    { QStringLiteral("label"), project, QStringLiteral("%1.png").arg(i), QStringLiteral("columns") });
                QVERIFY2(label.exitCode == 0, label.err.constData());
            } else {
                LabelTable(window->db())
                    .set(ImageTable(window->db()).findByPath(QStringLiteral("%1.png").arg(i))->id, rows,
                        LabelSource::Manual, 1);
            }
        }
        QCOMPARE(training.state(), QProcess::Running); // the run went on throughout
        training.terminate();
        QVERIFY(training.waitForFinished(30000));
        QCOMPARE(training.exitCode(), 130);
        QCOMPARE(run({ QStringLiteral("info"), project, QStringLiteral("--json") })
                     .json()[QStringLiteral("labeled")]
                     .toInt(),
            16);
    }

    void badUsageAndBadFilesFailWithOneLine()
    {
        const Result unknown = run({ QStringLiteral("frobnicate") });
        QCOMPARE(unknown.exitCode, 2);
        const Result missing = run({ QStringLiteral("info") });
        QCOMPARE(missing.exitCode, 2);
        QCOMPARE(missing.err.count('\n'), 1);
        testsupport::writeFile(path(QStringLiteral("fake.semiprune")), QByteArray(2048, 'z'));
        const Result fake = run({ QStringLiteral("info"), path(QStringLiteral("fake.semiprune")) });
        QCOMPARE(fake.exitCode, 1);
        QVERIFY(fake.err.contains("not a SemiPrune project"));
        QCOMPARE(fake.err.count('\n'), 1);
        const Result count = run({ QStringLiteral("seed"), path(QStringLiteral("pets.semiprune")),
            QStringLiteral("--count"), QStringLiteral("many") });
        QVERIFY2(count.exitCode == 2, count.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

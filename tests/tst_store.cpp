// The project file: schema and migrations, transactions, integrity, classes and labels.

#include "testsupport.h"

#include "common/error.h"
#include "storage/classtable.h"
#include "storage/database.h"
#include "storage/imagetable.h"
#include "storage/labeltable.h"
#include "storage/project.h"
#include "storage/runtable.h"
#include "storage/schema.h"
#include "storage/statement.h"
#include "storage/transaction.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/wait.h>
#include <unistd.h>

using namespace semiprune;

class TestStore final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_images;

    std::unique_ptr<Project> newProject(const QString &name) { return Project::create(m_dir.filePath(name), m_images); }

    static ImageId addImage(Project &project, const QString &path)
    {
        ImageRecord record;
        record.path = path;
        record.fileSize = 10;
        return ImageTable(project.db()).insert(record, 1);
    }

    static RunId startRun(RunTable &runs, const QString &kind)
    {
        RunRecord record;
        record.kind = kind;
        return runs.start(record);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_images = m_dir.filePath(QStringLiteral("images"));
        QVERIFY(QDir().mkpath(m_images));
    }

    void migratesAnEmptyFileToTheLatestVersion()
    {
        auto project = newProject(QStringLiteral("fresh.semiprune"));
        QCOMPARE(schema::versionOf(project->db()), schema::latestVersion());
        for (const char *table :
            { "meta", "images", "classes", "labels", "seed_draws", "seed_items", "reference_classes" }) {
            Statement query = project->db().prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
            QVERIFY2(query.bind(1, QString::fromLatin1(table)).step(), table);
        }
        Statement journal = project->db().prepare("PRAGMA journal_mode");
        journal.step();
        QCOMPARE(journal.text(0), QStringLiteral("wal"));
        Statement keys = project->db().prepare("PRAGMA foreign_keys");
        keys.step();
        QCOMPARE(keys.integer(0), 1);
    }

    void migratingTwiceChangesNothing()
    {
        auto project = newProject(QStringLiteral("twice.semiprune"));
        schema::migrate(project->db());
        QCOMPARE(schema::versionOf(project->db()), schema::latestVersion());
    }

    void refusesToOverwriteAnExistingFile()
    {
        newProject(QStringLiteral("exists.semiprune"));
        QVERIFY_THROWS_EXCEPTION(Error, newProject(QStringLiteral("exists.semiprune")));
    }

    void refusesAFileThatIsNotAProject()
    {
        const QString garbage = m_dir.filePath(QStringLiteral("garbage.semiprune"));
        testsupport::writeFile(garbage, QByteArray(4096, 'x'));
        try {
            Project::open(garbage);
            QFAIL("opened a file that is not SQLite");
        } catch (const Error &error) {
            QVERIFY2(error.message().contains(QStringLiteral("not a SemiPrune project")), qPrintable(error.message()));
        }
        QCOMPARE(testsupport::readFile(garbage), QByteArray(4096, 'x')); // untouched

        const QString empty = m_dir.filePath(QStringLiteral("empty.semiprune"));
        testsupport::writeFile(empty, {});
        QVERIFY_THROWS_EXCEPTION(Error, Project::open(empty));

        const QString other = m_dir.filePath(QStringLiteral("other.sqlite"));
        {
            Database db(other, Database::Mode::ReadWriteCreate);
            db.exec("CREATE TABLE notes(text TEXT)");
        }
        try {
            Project::open(other);
            QFAIL("opened an unrelated SQLite database");
        } catch (const Error &error) {
            QVERIFY(error.message().contains(QStringLiteral("not a SemiPrune project")));
        }
    }

    void refusesANewerSchemaAndLeavesItAlone()
    {
        const QString file = m_dir.filePath(QStringLiteral("newer.semiprune"));
        {
            auto project = Project::create(file, m_images);
            project->db().exec("PRAGMA user_version = 999");
        }
        try {
            Project::open(file);
            QFAIL("opened a newer project");
        } catch (const Error &error) {
            QVERIFY2(error.message().contains(QStringLiteral("newer version")), qPrintable(error.message()));
        }
        Database db(file, Database::Mode::ReadOnly);
        QCOMPARE(schema::versionOf(db), 999);
    }

    void refusesADamagedProjectAndLeavesItAlone()
    {
        const auto openError = [](const QString &file) {
            try {
                Project::open(file);
            } catch (const Error &error) {
                return error.message();
            }
            return QString();
        };
        // A table gone (a hand-edited file): refused by name, not failing later in the middle of work.
        const QString lacking = m_dir.filePath(QStringLiteral("lacking.semiprune"));
        {
            auto project = Project::create(lacking, m_images);
            project->db().exec("DROP TABLE seed_items");
        }
        const QByteArray before = testsupport::readFile(lacking);
        QString message = openError(lacking);
        QVERIFY2(message.contains(QStringLiteral("damaged")) && message.contains(QStringLiteral("seed_items")),
            qPrintable(message));
        QCOMPARE(testsupport::readFile(lacking), before);

        // Cut in half (a copy that stopped midway): a clear error, never a crash, the file as it was.
        const QString cut = m_dir.filePath(QStringLiteral("cut.semiprune"));
        {
            auto project = Project::create(cut, m_images);
            for (int i = 0; i < 300; ++i)
                addImage(*project, QStringLiteral("folder/image-%1.png").arg(i));
            for (int i = 0; i < 200; ++i)
                ClassTable(project->db()).add(QStringLiteral("class %1").arg(i));
        }
        const QByteArray whole = testsupport::readFile(cut);
        QVERIFY(whole.size() > 8192);
        for (const qsizetype size : { whole.size() / 2, qsizetype(1024), qsizetype(100) }) {
            testsupport::writeFile(cut, whole.left(size));
            QFile::remove(cut + QStringLiteral("-wal"));
            QFile::remove(cut + QStringLiteral("-shm"));
            message = openError(cut);
            if (message.isEmpty()) { // SQLite can read what is left: then everything it reads must be whole
                auto project = Project::open(cut);
                try {
                    ImageTable(project->db()).all();
                    ClassTable(project->db()).all();
                } catch (const Error &error) {
                    message = error.message();
                }
            }
            QVERIFY2(!message.isEmpty(),
                qPrintable(QStringLiteral("a project cut to %1 bytes opened as if whole").arg(size)));
            QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
            QVERIFY2(message.contains(QStringLiteral("damaged"))
                    || message.contains(QStringLiteral("not a SemiPrune project")),
                qPrintable(message));
            QCOMPARE(testsupport::readFile(cut), whole.left(size));
        }
    }

    void transactionRollsBackUnlessCommitted()
    {
        auto project = newProject(QStringLiteral("rollback.semiprune"));
        try {
            Transaction transaction(project->db());
            addImage(*project, QStringLiteral("a.png"));
            throw Error(QStringLiteral("something failed half way"));
        } catch (const Error &) {
        }
        QVERIFY(ImageTable(project->db()).all().empty());
        {
            Transaction transaction(project->db());
            addImage(*project, QStringLiteral("b.png"));
            transaction.commit();
        }
        QCOMPARE(ImageTable(project->db()).all().size(), size_t(1));
    }

    void enforcesIntegrity()
    {
        auto project = newProject(QStringLiteral("integrity.semiprune"));
        const ImageId image = addImage(*project, QStringLiteral("a.png"));
        LabelTable labels(project->db());
        QVERIFY_THROWS_EXCEPTION(Error, labels.set(image, ClassId(42), LabelSource::Manual, 1));
        QVERIFY_THROWS_EXCEPTION(Error, addImage(*project, QStringLiteral("a.png"))); // unique path
        Statement check = project->db().prepare("PRAGMA integrity_check");
        check.step();
        QCOMPARE(check.text(0), QStringLiteral("ok"));
    }

    void classesHaveUniqueNamesColorsAndHotkeys()
    {
        auto project = newProject(QStringLiteral("classes.semiprune"));
        ClassTable classes(project->db());
        const ClassRecord cat = classes.add(QStringLiteral("  cat "));
        QCOMPARE(cat.name, QStringLiteral("cat"));
        QCOMPARE(cat.hotkey, QStringLiteral("1"));
        QVERIFY_THROWS_EXCEPTION(Error, classes.add(QStringLiteral("CAT")));
        QVERIFY_THROWS_EXCEPTION(Error, classes.add(QStringLiteral("   ")));
        const ClassRecord dog = classes.add(QStringLiteral("dog"));
        QCOMPARE(dog.hotkey, QStringLiteral("2"));
        QVERIFY(dog.color != cat.color);
        QVERIFY_THROWS_EXCEPTION(Error, classes.setHotkey(dog.id, QStringLiteral("1")));
        classes.setHotkey(dog.id, QStringLiteral("d"));
        QCOMPARE(classes.find(dog.id)->hotkey, QStringLiteral("d"));
        classes.rename(dog.id, QStringLiteral("puppy"));
        QCOMPARE(classes.findByName(QStringLiteral("PUPPY"))->id, dog.id);

        const ImageId image = addImage(*project, QStringLiteral("c.png"));
        LabelTable(project->db()).set(image, cat.id, LabelSource::Seed, 5);
        QVERIFY_THROWS_EXCEPTION(Error, classes.remove(cat.id)); // still in use
        classes.remove(dog.id);
        QCOMPARE(classes.all().size(), size_t(1));
    }

    void labelsAreSetReplacedAndCleared()
    {
        auto project = newProject(QStringLiteral("labels.semiprune"));
        ClassTable classes(project->db());
        const ClassId a = classes.add(QStringLiteral("a")).id;
        const ClassId b = classes.add(QStringLiteral("b")).id;
        const ImageId image = addImage(*project, QStringLiteral("x.png"));
        LabelTable labels(project->db());
        labels.set(image, a, LabelSource::Seed, 100);
        labels.set(image, b, LabelSource::Override, 200);
        const auto label = labels.find(image);
        QVERIFY(label);
        QCOMPARE(label->classId, b);
        QCOMPARE(label->source, LabelSource::Override);
        QCOMPARE(label->labeledAtMs, qint64(200));
        QCOMPARE(labels.countsPerClass().value(b), qint64(1));
        labels.clear(image);
        QVERIFY(!labels.find(image));
    }

    void projectAndFolderMoveTogether()
    {
        const QString home = m_dir.filePath(QStringLiteral("movable"));
        QVERIFY(QDir().mkpath(home + QStringLiteral("/pictures")));
        {
            auto project = Project::create(home + QStringLiteral("/p.semiprune"), home + QStringLiteral("/pictures"));
            project->setLabelMode(LabelMode::Hidden);
        }
        const QString moved = m_dir.filePath(QStringLiteral("moved"));
        QVERIFY(QDir().rename(home, moved));
        auto project = Project::open(moved + QStringLiteral("/p.semiprune"));
        QVERIFY(project->datasetRootExists());
        QCOMPARE(project->datasetRoot(), QDir::cleanPath(moved + QStringLiteral("/pictures")));
        QCOMPARE(project->labelMode(), LabelMode::Hidden);
    }

    void aMovedRootIsReportedAndCanBeRelocated()
    {
        const QString pictures = m_dir.filePath(QStringLiteral("lonely"));
        QVERIFY(QDir().mkpath(pictures));
        const QString file = m_dir.filePath(QStringLiteral("lonely.semiprune"));
        Project::create(file, pictures);
        const QString elsewhere = m_dir.filePath(QStringLiteral("elsewhere"));
        QVERIFY(QDir().rename(pictures, elsewhere));
        auto project = Project::open(file);
        QVERIFY(!project->datasetRootExists());
        QVERIFY_THROWS_EXCEPTION(Error, project->relocateDatasetRoot(m_dir.filePath(QStringLiteral("nowhere"))));
        project->relocateDatasetRoot(elsewhere);
        QVERIFY(Project::open(file)->datasetRootExists());
    }

    // A run stopped and resumed later counts only the time it ran: "Took" and the benchmark's
    // stage times must not include a night between two sessions.
    void aResumedRunsTimeLeavesOutThePause()
    {
        auto project = newProject(QStringLiteral("paused.semiprune"));
        Database &db = project->db();
        RunTable runs(db);
        const RunId run = startRun(runs, QStringLiteral("ssl"));
        runs.finish(run, RunState::Cancelled);
        // It ran for 4 s and stopped 60 s ago.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        Statement times = db.prepare("UPDATE runs SET started_at = ?1, finished_at = ?2 WHERE id = ?3");
        times.bind(1, now - 64000).bind(2, now - 60000).bind(3, run.value).run();
        runs.revive(run);
        QVERIFY(runs.find(run)->pausedMs >= 60000);
        runs.finish(run, RunState::Finished);
        const double active = runs.find(run)->activeSeconds();
        QVERIFY2(active >= 4.0 && active < 4.5, qPrintable(QString::number(active)));
    }

    // A killed run stopped when it last reported progress, not when someone noticed.
    void aKilledRunStoppedAtItsLastProgress()
    {
        auto project = newProject(QStringLiteral("killed.semiprune"));
        Database &db = project->db();
        RunTable runs(db);
        const RunId run = startRun(runs, QStringLiteral("dynamics"));
        runs.setProgress(run, 3, 15);
        const pid_t child = ::fork();
        if (child == 0)
            ::_exit(0);
        QVERIFY(child > 0);
        ::waitpid(child, nullptr, 0); // a process that is gone
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        Statement owner
            = db.prepare("UPDATE runs SET owner_pid = ?1, started_at = ?2, last_progress_at = ?3 WHERE id = ?4");
        owner.bind(1, qint64(child)).bind(2, now - 30000).bind(3, now - 28000).bind(4, run.value).run();
        QCOMPARE(runs.markAbandonedRunsInterrupted(), 1);
        const RunRecord killed = *runs.find(run);
        QCOMPARE(killed.state, RunState::Interrupted);
        QCOMPARE(killed.finishedAtMs, now - 28000);
        QCOMPARE(killed.activeSeconds(), 2.0);
        runs.revive(run);
        QVERIFY(runs.find(run)->pausedMs >= 28000);
        // Killed again before any progress: it stopped where it was revived, so the first pause is
        // not counted twice.
        Statement ownerOnly = db.prepare("UPDATE runs SET owner_pid = ?1 WHERE id = ?2");
        ownerOnly.bind(1, qint64(child)).bind(2, run.value).run();
        QCOMPARE(runs.markAbandonedRunsInterrupted(), 1);
        const RunRecord again = *runs.find(run);
        QVERIFY2(again.activeSeconds() >= 2.0 && again.activeSeconds() < 2.5,
            qPrintable(QString::number(again.activeSeconds())));
        runs.revive(run);
        QVERIFY(runs.find(run)->pausedMs < 29000);
    }

    // Projects written before runs recorded their pauses open with their runs intact.
    void anOlderProjectKeepsItsRunsWhenUpgraded()
    {
        const QString file = m_dir.filePath(QStringLiteral("version2.semiprune"));
        {
            auto project = Project::create(file, m_images);
            Database &db = project->db();
            RunTable runs(db);
            runs.finish(startRun(runs, QStringLiteral("ssl")), RunState::Finished);
            db.exec("UPDATE runs SET started_at = 1000, finished_at = 6000");
            db.exec("ALTER TABLE runs DROP COLUMN paused_ms");
            db.exec("ALTER TABLE runs DROP COLUMN last_progress_at");
            db.exec("DROP TABLE run_features");
            db.exec("ALTER TABLE runs DROP COLUMN precision");
            db.exec("DROP TABLE image_health");
            db.exec("PRAGMA user_version = 2");
        }
        auto project = Project::open(file);
        QCOMPARE(schema::versionOf(project->db()), schema::latestVersion());
        const auto runs = RunTable(project->db()).all();
        QCOMPARE(runs.size(), size_t(1));
        QCOMPARE(runs[0].pausedMs, qint64(0));
        QCOMPARE(runs[0].activeSeconds(), 5.0);
        QCOMPARE(runs[0].precision, QStringLiteral("float32")); // recorded before precision existed
        QVERIFY(QFile::exists(file + QStringLiteral(".v2.bak")));
    }

    void createRefusesAMissingImageFolder()
    {
        QVERIFY_THROWS_EXCEPTION(Error,
            Project::create(
                m_dir.filePath(QStringLiteral("x.semiprune")), m_dir.filePath(QStringLiteral("does-not-exist"))));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.semiprune"))));
    }
};

QTEST_APPLESS_MAIN(TestStore)
#include "tst_store.moc"

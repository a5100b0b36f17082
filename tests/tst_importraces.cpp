// Files that vanish or change while an import runs. The import lists the folder first and reads
// the headers after; the test changes the folder exactly in between, from the progress report that
// opens the header phase (the job reports it on the importing thread before any header is read).

#include "testsupport.h"

#include "dataset/folderimporter.h"
#include "jobs/jobcontext.h"
#include "storage/imagetable.h"
#include "storage/labeltable.h"
#include "storage/project.h"

#include <QDateTime>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <functional>
#include <future>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace semiprune;
using testsupport::writeFile;
using testsupport::writeImage;

namespace {

// Imports, calling `change` once: after the folder was listed and before the first header is read.
ImportReport importChangingInBetween(
    Project &project, const std::function<void()> &change, bool &changed, std::optional<LabelMode> mode = std::nullopt)
{
    changed = false;
    JobContext job([&](const JobProgress &progress) {
        if (!changed && progress.phase == QLatin1String("Reading image headers")) {
            changed = true;
            change();
        }
    });
    ImportOptions options;
    options.labelMode = mode;
    return importFolder(project, options, job);
}

ImportReport rescan(Project &project)
{
    JobContext job;
    return importFolder(project, ImportOptions {}, job);
}

std::optional<ImageRecord> imageAt(Project &project, const QString &path)
{
    return ImageTable(project.db()).findByPath(path);
}

QString reasonFor(const ImportReport &report, const QString &path)
{
    for (const auto &[problemPath, reason] : report.problems) {
        if (problemPath == path)
            return reason;
    }
    return {};
}

// Puts bytes back with the time the file had, as a restore from a backup or `cp -p` does: a rescan
// must see the file as it is, not as the record says it was.
bool restore(const QString &path, const QByteArray &bytes, const QDateTime &modified)
{
    QFile::remove(path);
    writeFile(path, bytes);
    QFile file(path);
    return file.open(QIODevice::ReadWrite) && file.setFileTime(modified, QFileDevice::FileModificationTime);
}

} // namespace

class TestImportRaces final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    // Deleted files and a removed class folder: as if the listing had come a moment later. New
    // files are not added, known ones become missing with their labels kept, the rest imports, and
    // a rescan adds them back once they are there again.
    void vanishedFilesCountAsGone()
    {
        const QString root = m_dir.filePath(QStringLiteral("vanish"));
        for (int i = 0; i < 4; ++i) {
            writeImage(root + QStringLiteral("/cat/c%1.png").arg(i), 8, 8, 3, i);
            writeImage(root + QStringLiteral("/dog/d%1.png").arg(i), 8, 8, 3, 10 + i);
        }
        writeImage(root + QStringLiteral("/bird/b0.png"), 8, 8, 3, 20);
        const QByteArray c1 = testsupport::readFile(root + QStringLiteral("/cat/c1.png"));
        const QString away = m_dir.filePath(QStringLiteral("dog-away"));

        auto project = Project::create(m_dir.filePath(QStringLiteral("vanish.semiprune")), root);
        bool changed = false;
        ImportReport report = importChangingInBetween(
            *project,
            [&] {
                QVERIFY(QFile::remove(root + QStringLiteral("/cat/c1.png")));
                QVERIFY(QDir().rename(root + QStringLiteral("/dog"), away)); // the whole sub-folder
            },
            changed, LabelMode::Known);
        QVERIFY2(changed, "the import never reported its header phase");
        QCOMPARE(report.scanned, qint64(9));
        QCOMPARE(report.vanished, qint64(5));
        QCOMPARE(report.added, qint64(4));
        QCOMPARE(report.unreadable, qint64(0));
        QCOMPARE(report.labelsImported, qint64(4));
        QCOMPARE(
            reasonFor(report, QStringLiteral("cat/c1.png")), QStringLiteral("the file vanished during the import"));
        QCOMPARE(
            reasonFor(report, QStringLiteral("dog/d3.png")), QStringLiteral("the file vanished during the import"));
        QVERIFY(!imageAt(*project, QStringLiteral("cat/c1.png")));
        QVERIFY(!imageAt(*project, QStringLiteral("dog/d0.png")));
        for (const char *path : { "cat/c0.png", "cat/c2.png", "cat/c3.png", "bird/b0.png" })
            QCOMPARE(imageAt(*project, QLatin1String(path))->status, ImageStatus::Ok);

        // Back again: the next rescan adds them, and nothing else changes.
        writeFile(root + QStringLiteral("/cat/c1.png"), c1);
        QVERIFY(QDir().rename(away, root + QStringLiteral("/dog")));
        report = rescan(*project);
        QCOMPARE(report.added, qint64(5));
        QCOMPARE(report.vanished + report.missing + report.unreadable + report.updated, qint64(0));
        QCOMPARE(ImageTable(project->db()).all().size(), size_t(9));

        // A known, labeled file that changed, then vanished while the rescan ran: missing, label kept.
        const QString c2 = root + QStringLiteral("/cat/c2.png");
        const ImageId c2Id = imageAt(*project, QStringLiteral("cat/c2.png"))->id;
        QVERIFY(LabelTable(project->db()).find(c2Id));
        writeImage(c2, 9, 9, 3, 5);
        const QByteArray changedBytes = testsupport::readFile(c2);
        const QDateTime changedTime = QFileInfo(c2).lastModified().addSecs(-3600);
        QVERIFY(restore(c2, changedBytes, changedTime));
        report = importChangingInBetween(
            *project, [&] { QVERIFY(QFile::remove(c2)); }, changed);
        QVERIFY(changed);
        QCOMPARE(report.vanished, qint64(1));
        QCOMPARE(report.updated, qint64(0));
        const ImageRecord gone = *imageAt(*project, QStringLiteral("cat/c2.png"));
        QCOMPARE(gone.status, ImageStatus::Missing);
        QCOMPARE(gone.message, QStringLiteral("the file vanished during the import"));
        QCOMPARE(gone.width, 8); // what was known of it is kept
        QVERIFY(LabelTable(project->db()).find(c2Id));

        // Back with the very bytes and time it had when it vanished: picked up as it is.
        QVERIFY(restore(c2, changedBytes, changedTime));
        report = rescan(*project);
        QCOMPARE(report.restored, qint64(1));
        const ImageRecord back = *imageAt(*project, QStringLiteral("cat/c2.png"));
        QCOMPARE(back.status, ImageStatus::Ok);
        QCOMPARE(back.width, 9);
        QVERIFY(LabelTable(project->db()).find(c2Id));
    }

    // Files replaced between the listing and the reading: garbage, a cut-off file, a folder, a link
    // in a loop, a link to nothing and a pipe (which, opened as a file, would wait for a writer
    // forever). Each is unreadable with its reason, nothing stalls, the rest imports, and a rescan
    // sees what is there afterwards.
    void replacedFilesAreUnreadableWithTheReason()
    {
        const QString root = m_dir.filePath(QStringLiteral("replace"));
        const QStringList victims
            = { QStringLiteral("garbage.png"), QStringLiteral("cut.png"), QStringLiteral("folder.png"),
                  QStringLiteral("loop.png"), QStringLiteral("nowhere.png"), QStringLiteral("pipe.png") };
        for (int i = 0; i < victims.size(); ++i)
            writeImage(root + QLatin1Char('/') + victims[i], 8, 8, 1, i);
        for (int i = 0; i < 4; ++i)
            writeImage(root + QStringLiteral("/good%1.png").arg(i), 8, 8, 1, 10 + i);
        const auto at = [&](const QString &name) { return root + QLatin1Char('/') + name; };
        const QByteArray garbageBytes = testsupport::readFile(at(QStringLiteral("garbage.png")));
        const QByteArray cutBytes = testsupport::readFile(at(QStringLiteral("cut.png")));
        const QDateTime garbageTime = QFileInfo(at(QStringLiteral("garbage.png"))).lastModified();
        const QDateTime cutTime = QFileInfo(at(QStringLiteral("cut.png"))).lastModified();
        const QByteArray pipePath = QFile::encodeName(at(QStringLiteral("pipe.png")));

        const auto replace = [&] {
            QVERIFY(QFile::remove(at(QStringLiteral("garbage.png"))));
            writeFile(at(QStringLiteral("garbage.png")), QByteArray(300, '\x5a'));
            QFile cut(at(QStringLiteral("cut.png")));
            QVERIFY(cut.open(QIODevice::ReadWrite));
            QVERIFY(cut.resize(20));
            QVERIFY(QFile::remove(at(QStringLiteral("folder.png"))));
            QVERIFY(QDir().mkdir(at(QStringLiteral("folder.png"))));
            QVERIFY(QFile::remove(at(QStringLiteral("loop.png"))));
            QVERIFY(QFile::link(QStringLiteral("loop.png"), at(QStringLiteral("loop.png"))));
            QVERIFY(QFile::remove(at(QStringLiteral("nowhere.png"))));
            QVERIFY(QFile::link(QStringLiteral("not-there.png"), at(QStringLiteral("nowhere.png"))));
            QVERIFY(QFile::remove(at(QStringLiteral("pipe.png"))));
            QCOMPARE(::mkfifo(pipePath.constData(), 0644), 0);
        };
        // On its own thread, so that an import stuck on the pipe fails the test instead of hanging it.
        bool changed = false;
        std::unique_ptr<Project> project;
        auto running = std::async(std::launch::async, [&] {
            project = Project::create(m_dir.filePath(QStringLiteral("replace.semiprune")), root);
            return importChangingInBetween(*project, replace, changed);
        });
        if (running.wait_for(std::chrono::seconds(30)) != std::future_status::ready) {
            // Opening the writing end releases a reader waiting in open(); closing it gives that reader
            // an end of file, so the import ends and the test can fail cleanly.
            const int writer = ::open(pipePath.constData(), O_WRONLY | O_NONBLOCK);
            if (writer >= 0)
                ::close(writer);
            running.wait();
            QFAIL("the import waited on a pipe that replaced an image file");
        }
        ImportReport report = running.get();
        QVERIFY2(changed, "the import never reported its header phase");
        QCOMPARE(report.scanned, qint64(10));
        QCOMPARE(report.added, qint64(10));
        QCOMPARE(report.unreadable, qint64(6));
        QCOMPARE(report.vanished, qint64(0));
        const std::pair<const char *, const char *> expected[] = {
            { "garbage.png", "not an image in a supported format" },
            { "cut.png", "the file is truncated inside the PNG header" },
            { "folder.png", "a folder, not an image file" },
            { "loop.png", "a symbolic link in a loop" },
            { "nowhere.png", "a symbolic link to nothing" },
            { "pipe.png", "not a regular file (a pipe, socket or device)" },
        };
        for (const auto &[name, reason] : expected) {
            const ImageRecord record = *imageAt(*project, QLatin1String(name));
            QCOMPARE(record.status, ImageStatus::Unreadable);
            QCOMPARE(record.message, QLatin1String(reason));
        }
        for (int i = 0; i < 4; ++i)
            QCOMPARE(imageAt(*project, QStringLiteral("good%1.png").arg(i))->status, ImageStatus::Ok);

        // The next rescan judges what is there now: the two files put back exactly as they were
        // listed (bytes and time) are readable again, the folder is no image file any more, the
        // links and the pipe are refused by the listing itself.
        QVERIFY(restore(at(QStringLiteral("garbage.png")), garbageBytes, garbageTime));
        QVERIFY(restore(at(QStringLiteral("cut.png")), cutBytes, cutTime));
        report = rescan(*project);
        QCOMPARE(report.updated, qint64(5));
        QCOMPARE(report.missing, qint64(1));
        QCOMPARE(imageAt(*project, QStringLiteral("garbage.png"))->status, ImageStatus::Ok);
        QCOMPARE(imageAt(*project, QStringLiteral("cut.png"))->status, ImageStatus::Ok);
        QCOMPARE(imageAt(*project, QStringLiteral("folder.png"))->status, ImageStatus::Missing);
        QCOMPARE(imageAt(*project, QStringLiteral("loop.png"))->message,
            QStringLiteral("a symbolic link to nothing, or in a loop"));
        QCOMPARE(imageAt(*project, QStringLiteral("nowhere.png"))->message,
            QStringLiteral("a symbolic link to nothing, or in a loop"));
        QCOMPARE(imageAt(*project, QStringLiteral("pipe.png"))->message,
            QStringLiteral("not a regular file (a pipe, socket or device)"));
        QCOMPARE(rescan(*project).updated, qint64(0)); // settled
        project.reset();
    }
};

QTEST_APPLESS_MAIN(TestImportRaces)
#include "tst_importraces.moc"

// A project file the user cannot write: the command-line program reads it, refuses every change
// with one line naming the file as read-only, and leaves the file and its folder exactly as they
// were (same bytes, same time, no -wal, -shm or journal beside it).
//
// Root writes any file whatever its mode, so as root the program is run as user nobody (setpriv,
// from util-linux); otherwise the file's mode alone makes it read-only.

#include "testsupport.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr uid_t kNobody = 65534;

struct Result {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// What must not change: the bytes, the modification time (to the nanosecond) and the folder's entries.
struct Snapshot {
    QByteArray hash;
    qint64 mtimeNs = 0;
    QStringList entries;

    static Snapshot of(const QString &file)
    {
        Snapshot snapshot;
        snapshot.hash = QCryptographicHash::hash(testsupport::readFile(file), QCryptographicHash::Sha256).toHex();
        struct stat info;
        if (::stat(QFile::encodeName(file).constData(), &info) == 0)
            snapshot.mtimeNs = qint64(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
        snapshot.entries
            = QFileInfo(file).dir().entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        return snapshot;
    }
    bool operator==(const Snapshot &other) const
    {
        return hash == other.hash && mtimeNs == other.mtimeNs && entries == other.entries;
    }
};

} // namespace

class TestReadOnly final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_cli;
    QStringList m_asOther; // the command line prefix that runs the program as a user who cannot write
    QString m_images;
    QString m_out;

    Result run(const QStringList &arguments, bool asOther = true)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), m_dir.path()); // not nobody's /nonexistent
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(m_dir.path());
        if (asOther && !m_asOther.isEmpty())
            process.start(m_asOther.first(), m_asOther.mid(1) + QStringList { m_cli } + arguments);
        else
            process.start(m_cli, arguments);
        if (!process.waitForFinished(120000))
            qFatal("the CLI did not finish");
        return Result { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError() };
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // A labeled project with a seed, then made read-only inside `folder`.
    QString readOnlyProject(const QString &folder, bool folderWritable)
    {
        QDir().mkpath(path(folder));
        const QString project = path(folder + QStringLiteral("/pets.semiprune"));
        const auto mustWork = [&](const QStringList &arguments) {
            const Result result = run(arguments, false);
            if (result.exitCode != 0)
                qFatal("%s failed: %s", qPrintable(arguments.join(QLatin1Char(' '))), result.err.constData());
        };
        mustWork({ QStringLiteral("create"), project, m_images });
        mustWork({ QStringLiteral("label"), project, QStringLiteral("--csv"), path(QStringLiteral("labels.csv")),
            QStringLiteral("--create-classes") });
        mustWork({ QStringLiteral("seed"), project, QStringLiteral("--count"), QStringLiteral("2"),
            QStringLiteral("--seed"), QStringLiteral("1") });
        // No connection is open now: the last one folded the write-ahead log into the file.
        QFile::setPermissions(
            project, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther); // 0444
        const bool root = ::geteuid() == 0;
        QFileDevice::Permissions folderMode = QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
            | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther;
        if (folderWritable)
            folderMode |= root ? QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther
                               : QFileDevice::WriteOwner;
        else if (root)
            folderMode |= QFileDevice::WriteOwner; // 0755 owned by root: nobody cannot write it
        QFile::setPermissions(path(folder), folderMode);
        return project;
    }

    void checkReadOnly(const QString &project)
    {
        const Snapshot before = Snapshot::of(project);
        QCOMPARE(before.entries, QStringList { QStringLiteral("pets.semiprune") });
        const QString name = QFileInfo(project).fileName();

        // Reading works.
        Result result
            = run({ QStringLiteral("info"), project, QStringLiteral("--json"), QStringLiteral("--unreadable") });
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonObject info = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(info[QStringLiteral("read_only")].toBool(), true);
        QCOMPARE(info[QStringLiteral("images")].toInt(), 6);
        QCOMPARE(info[QStringLiteral("labeled")].toInt(), 4);
        result = run({ QStringLiteral("info"), project });
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(result.out.contains("read-only"), result.out.constData());
        const QList<std::pair<QStringList, QByteArray>> reads = {
            { { QStringLiteral("classes"), project, QStringLiteral("--json") }, "\"cats\"" },
            { { QStringLiteral("seed"), project, QStringLiteral("--json") }, "\"items\"" },
            { { QStringLiteral("runs"), project }, "No runs yet." },
            { { QStringLiteral("config"), project, QStringLiteral("--json") }, "\"training_resolution\"" },
            { { QStringLiteral("export"), project, m_out + QLatin1Char('/') + QFileInfo(project).dir().dirName(),
                  QStringLiteral("--all-labeled"), QStringLiteral("--json") },
                "\"exported\"" },
        };
        for (const auto &[arguments, expected] : reads) {
            result = run(arguments);
            QVERIFY2(result.exitCode == 0,
                qPrintable(arguments.first() + QLatin1String(": ") + QString::fromUtf8(result.err)));
            QVERIFY2(result.out.contains(expected),
                qPrintable(arguments.first() + QLatin1String(": ") + QString::fromUtf8(result.out)));
            QVERIFY2(Snapshot::of(project) == before, qPrintable(arguments.first()));
        }

        // Every change is refused, in one line that names the file as read-only.
        const QJsonArray seed
            = QJsonDocument::fromJson(run({ QStringLiteral("seed"), project, QStringLiteral("--json") }).out)
                  .object()[QStringLiteral("items")]
                  .toArray();
        QCOMPARE(seed.size(), 2);
        const QString seedImage = seed.first().toObject()[QStringLiteral("path")].toString();
        const QList<QStringList> writes = {
            { QStringLiteral("label"), project, QStringLiteral("c5.png"), QStringLiteral("cats") },
            { QStringLiteral("label"), project, QStringLiteral("--csv"), path(QStringLiteral("labels.csv")) },
            { QStringLiteral("unlabel"), project, QStringLiteral("c0.png") },
            { QStringLiteral("classes"), project, QStringLiteral("--add"), QStringLiteral("birds") },
            { QStringLiteral("classes"), project, QStringLiteral("--rename"), QStringLiteral("cats=felines") },
            { QStringLiteral("seed"), project, QStringLiteral("--count"), QStringLiteral("1") },
            { QStringLiteral("skip"), project, seedImage },
            { QStringLiteral("rescan"), project },
            { QStringLiteral("relocate"), project, m_images },
            { QStringLiteral("config"), project, QStringLiteral("--training-resolution"), QStringLiteral("64") },
            { QStringLiteral("ssl"), project, QStringLiteral("--steps"), QStringLiteral("1"),
                QStringLiteral("--device"), QStringLiteral("cpu") },
            { QStringLiteral("select"), project },
        };
        for (const QStringList &arguments : writes) {
            const QString what = arguments.join(QLatin1Char(' '));
            result = run(arguments);
            QVERIFY2(result.exitCode == 1,
                qPrintable(what + QLatin1String(": exit code ") + QString::number(result.exitCode)));
            const QString message = QString::fromUtf8(result.err).trimmed();
            QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(what + QLatin1String(": ") + message));
            QVERIFY2(message.contains(name + QLatin1String(" is read-only")),
                qPrintable(what + QLatin1String(": ") + message));
            QVERIFY2(
                Snapshot::of(project) == before, qPrintable(what + QLatin1String(": the file or its folder changed")));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cli = qEnvironmentVariable("SEMIPRUNE_CLI");
        QVERIFY2(QFile::exists(m_cli), "SEMIPRUNE_CLI must name the built semiprune program");
        m_images = path(QStringLiteral("images"));
        for (const char *name : { "c0", "c1", "c2", "c5", "d0", "d1" })
            testsupport::writeImage(m_images + QStringLiteral("/%1.png").arg(QLatin1String(name)), 6, 6, 3, name[1]);
        testsupport::writeFile(
            path(QStringLiteral("labels.csv")), "c0.png,cats\nc1.png,cats\nd0.png,dogs\nd1.png,dogs\n");
        m_out = path(QStringLiteral("out"));
        QDir().mkpath(m_out);

        if (::geteuid() != 0)
            return;
        // Root: run the program as nobody, who must be able to reach the program, the images and
        // the export folder, and nothing else here.
        const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
        if (setpriv.isEmpty())
            QSKIP("running as root, who can write any file, and setpriv (util-linux) is not installed to run the "
                  "program as another user");
        m_asOther = { setpriv, QStringLiteral("--reuid=%1").arg(kNobody), QStringLiteral("--regid=%1").arg(kNobody),
            QStringLiteral("--clear-groups") };
        const auto readable
            = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
        const auto enterable = readable | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;
        QFile::setPermissions(m_dir.path(), enterable); // 0755: QTemporaryDir makes it 0700
        QFile::setPermissions(m_out, enterable | QFileDevice::WriteGroup | QFileDevice::WriteOther);
        const Result probe = run({ QStringLiteral("--version") });
        if (probe.exitCode != 0)
            QSKIP(qPrintable(QStringLiteral("running as root, and setpriv cannot run the program as user nobody here: ")
                + QString::fromUtf8(probe.err)));
    }

    void cleanupTestCase()
    {
        // Writable again, so that the temporary folder can be removed.
        for (const char *folder : { "locked", "open" }) {
            QFile::setPermissions(
                path(QLatin1String(folder)), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            QFile::setPermissions(path(QLatin1String(folder)) + QStringLiteral("/pets.semiprune"),
                QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
    }

    void refusesChangesInAReadOnlyFolder() { checkReadOnly(readOnlyProject(QStringLiteral("locked"), false)); }

    // The folder can be written (SQLite could put its -shm file there), the file cannot.
    void refusesChangesInAWritableFolder() { checkReadOnly(readOnlyProject(QStringLiteral("open"), true)); }
};

QTEST_APPLESS_MAIN(TestReadOnly)
#include "tst_readonly.moc"

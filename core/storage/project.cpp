#include "project.h"

#include "common/error.h"
#include "database.h"
#include "schema.h"
#include "statement.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace semiprune {

namespace {

const QString kFormatKey = QStringLiteral("format");
const QString kFormatValue = QStringLiteral("semiprune-project");
const QString kRootKey = QStringLiteral("dataset_root");
const QString kRootAbsoluteKey = QStringLiteral("dataset_root_absolute");
const QString kLabelModeKey = QStringLiteral("label_mode");

bool hasMetaTable(Database &db)
{
    Statement query = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'");
    return query.step();
}

} // namespace

QString labelModeName(LabelMode mode)
{
    switch (mode) {
    case LabelMode::None:
        return QStringLiteral("none");
    case LabelMode::Known:
        return QStringLiteral("known");
    case LabelMode::Hidden:
        return QStringLiteral("hidden");
    }
    return {};
}

LabelMode labelModeFromName(const QString &name)
{
    for (LabelMode mode : { LabelMode::None, LabelMode::Known, LabelMode::Hidden }) {
        if (labelModeName(mode) == name)
            return mode;
    }
    throw Error(QCoreApplication::translate("Project", "Unknown label mode \"%1\": use known or hidden.").arg(name));
}

Project::Project(const QString &filePath, std::unique_ptr<Database> db) : m_filePath(filePath), m_db(std::move(db)) { }

Project::~Project() = default;

std::unique_ptr<Project> Project::create(const QString &projectFile, const QString &datasetRoot)
{
    const QFileInfo file(projectFile);
    if (file.exists())
        throw Error(QCoreApplication::translate("Project", "%1 already exists: choose another project file name.")
                        .arg(projectFile));
    if (!QFileInfo(file.absolutePath()).isDir())
        throw Error(QCoreApplication::translate("Project", "Cannot create %1: the folder %2 does not exist.")
                        .arg(projectFile, file.absolutePath()));
    const QFileInfo root(datasetRoot);
    if (!root.isDir())
        throw Error(QCoreApplication::translate("Project", "The image folder %1 does not exist or is not a folder.")
                        .arg(datasetRoot));

    // Built complete under a hidden name and only then given its own, so that a process killed
    // while creating leaves no half-made project behind (only a hidden file the next create removes).
    const QString absoluteFile = file.absoluteFilePath();
    const QDir folder = file.absoluteDir();
    const QString stagingPrefix = QStringLiteral(".%1.creating-").arg(file.fileName());
    for (const QString &stale : folder.entryList({ stagingPrefix + QLatin1Char('*') }, QDir::Files | QDir::Hidden))
        QFile::remove(folder.filePath(stale));
    const QString staging = folder.filePath(stagingPrefix + QString::number(QCoreApplication::applicationPid()));
    try {
        {
            auto db = std::make_unique<Database>(staging, Database::Mode::ReadWriteCreate);
            schema::migrate(*db);
            Project project(staging, std::move(db));
            project.setMeta(kFormatKey, kFormatValue);
            project.setMeta(QStringLiteral("created_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
            project.setMeta(QStringLiteral("created_by"), QStringLiteral("SemiPrune Studio " SEMIPRUNE_VERSION));
            project.setMeta(kLabelModeKey, labelModeName(LabelMode::None));
            project.relocateDatasetRoot(root.absoluteFilePath()); // the same folder: the same relative path
        } // closed: the write-ahead log is folded into the file and removed
        // QFile::rename never replaces a file that appeared meanwhile.
        QFile staged(staging);
        if (!staged.rename(absoluteFile))
            throw Error(
                QCoreApplication::translate("Project", "Cannot create %1: %2").arg(projectFile, staged.errorString()));
    } catch (...) {
        QFile::remove(staging);
        QFile::remove(staging + QStringLiteral("-wal"));
        QFile::remove(staging + QStringLiteral("-shm"));
        throw;
    }
    return open(absoluteFile);
}

std::unique_ptr<Project> Project::open(const QString &projectFile)
{
    return open(projectFile, true);
}

std::unique_ptr<Project> Project::openForReading(const QString &projectFile)
{
    return open(projectFile, false);
}

std::unique_ptr<Project> Project::open(const QString &projectFile, bool mayWrite)
{
    const QFileInfo file(projectFile);
    if (!file.exists())
        throw Error(QCoreApplication::translate("Project", "The project file %1 does not exist.").arg(projectFile));
    if (!file.isFile())
        throw Error(QCoreApplication::translate("Project", "%1 is not a file.").arg(projectFile));
    if (!file.isReadable())
        throw Error(QCoreApplication::translate("Project", "The project file %1 cannot be read (permission denied).")
                        .arg(projectFile));
    if (file.size() == 0)
        throw Error(
            QCoreApplication::translate("Project", "%1 is empty: it is not a SemiPrune project.").arg(projectFile));

    const QString absoluteFile = file.absoluteFilePath();
    const bool writable = mayWrite && file.isWritable() && QFileInfo(file.absolutePath()).isWritable();
    auto db = std::make_unique<Database>(absoluteFile, writable ? Database::Mode::ReadWrite : Database::Mode::ReadOnly);
    if (!hasMetaTable(*db))
        throw Error(QCoreApplication::translate("Project", "%1 is an SQLite database but not a SemiPrune project.")
                        .arg(projectFile));

    const int version = schema::versionOf(*db);
    if (version < schema::latestVersion()) {
        if (!writable) {
            throw Error(QCoreApplication::translate("Project",
                "%1 needs an upgrade to open, but it is read-only. Make it writable or "
                "open a writable copy.")
                            .arg(projectFile));
        }
        // A copy of the file as it was, in case the user must go back to an older application.
        const QString backup = QStringLiteral("%1.v%2.bak").arg(absoluteFile).arg(version);
        if (!QFileInfo::exists(backup)) {
            Statement vacuum = db->prepare("VACUUM INTO ?1");
            vacuum.bind(1, backup).run();
        }
    }
    schema::migrate(*db);
    if (const QStringList missing = schema::missingTables(*db); !missing.isEmpty())
        throw Error(QCoreApplication::translate(
            "Project", "%1 is damaged: it lacks the table(s) %2. Restore it from a backup or a copy.")
                        .arg(projectFile, missing.join(QStringLiteral(", "))));

    std::unique_ptr<Project> project(new Project(absoluteFile, std::move(db)));
    if (project->meta(kFormatKey) != kFormatValue)
        throw Error(QCoreApplication::translate("Project", "%1 is an SQLite database but not a SemiPrune project.")
                        .arg(projectFile));
    project->resolveDatasetRoot();
    return project;
}

std::unique_ptr<Database> Project::connect() const
{
    return std::make_unique<Database>(m_filePath, isReadOnly() ? Database::Mode::ReadOnly : Database::Mode::ReadWrite);
}

bool Project::isReadOnly() const
{
    return m_db->isReadOnly();
}

bool Project::datasetRootExists() const
{
    return QFileInfo(m_datasetRoot).isDir();
}

QString Project::storedRootFor(const QString &projectFile, const QString &root)
{
    return QFileInfo(projectFile).absoluteDir().relativeFilePath(root);
}

void Project::resolveDatasetRoot()
{
    const QString stored = meta(kRootKey);
    const QString relative = QFileInfo(m_filePath).absoluteDir().absoluteFilePath(stored);
    const QString absolute = meta(kRootAbsoluteKey);
    // The relative form wins: it survives moving the project together with its images.
    if (QFileInfo(relative).isDir() || !QFileInfo(absolute).isDir())
        m_datasetRoot = QDir::cleanPath(relative);
    else
        m_datasetRoot = QDir::cleanPath(absolute);
}

void Project::relocateDatasetRoot(const QString &newRoot)
{
    const QFileInfo root(newRoot);
    if (!root.isDir())
        throw Error(QCoreApplication::translate("Project", "The image folder %1 does not exist or is not a folder.")
                        .arg(newRoot));
    setMeta(kRootKey, storedRootFor(m_filePath, root.absoluteFilePath()));
    setMeta(kRootAbsoluteKey, root.absoluteFilePath());
    m_datasetRoot = QDir::cleanPath(root.absoluteFilePath());
}

QString Project::absoluteImagePath(const QString &relativePath) const
{
    return m_datasetRoot + QLatin1Char('/') + relativePath;
}

LabelMode Project::labelMode() const
{
    return labelModeFromName(meta(kLabelModeKey, labelModeName(LabelMode::None)));
}

void Project::setLabelMode(LabelMode mode)
{
    setMeta(kLabelModeKey, labelModeName(mode));
}

QString Project::meta(const QString &key, const QString &fallback) const
{
    Statement query = m_db->prepare("SELECT value FROM meta WHERE key = ?1");
    query.bind(1, key);
    return query.step() ? query.text(0) : fallback;
}

void Project::setMeta(const QString &key, const QString &value)
{
    Statement upsert = m_db->prepare(
        "INSERT INTO meta(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    upsert.bind(1, key).bind(2, value).run();
}

QString Project::thumbnailCachePath() const
{
    return m_filePath + QStringLiteral(".thumbs");
}

} // namespace semiprune

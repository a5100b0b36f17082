#pragma once

#include <QString>

#include <memory>

namespace semiprune {

class Database;

// How the reference labels that came with the images (class sub-folders, IDX label files) are used.
// They never turn into human labels silently: the user chooses when importing.
enum class LabelMode {
    None, // no reference labels (a flat folder)
    Known, // reference labels are real labels: imported as human labels
    Hidden, // reference labels are ground truth for evaluation only; the user labels a seed
};

QString labelModeName(LabelMode mode);
LabelMode labelModeFromName(const QString &name); // throws Error on an unknown name

// A project file: the dataset root and the schema'd database. Thread rules: the Project and its
// main connection belong to the thread that opened it; a worker thread calls connect() for its own.
class Project final {
public:
    // Creates a new project file (which must not exist) for the image folder datasetRoot.
    static std::unique_ptr<Project> create(const QString &projectFile, const QString &datasetRoot);
    // Opens an existing project, migrating an older schema (after a backup copy beside it).
    // A file that cannot be written is opened read-only. Throws Error with a clear reason.
    static std::unique_ptr<Project> open(const QString &projectFile);
    // Opens it read-only whatever the file's permissions (a rank of a distributed run other than 0,
    // which must never write it). Throws as open() does.
    static std::unique_ptr<Project> openForReading(const QString &projectFile);

    ~Project();

    Database &db() { return *m_db; }
    std::unique_ptr<Database> connect() const;
    const QString &filePath() const { return m_filePath; }
    bool isReadOnly() const;

    // The dataset root, resolved: relative to the project file's folder when it was stored so, so a
    // project moved together with its images keeps working.
    QString datasetRoot() const { return m_datasetRoot; }
    bool datasetRootExists() const;
    void relocateDatasetRoot(const QString &newRoot);
    QString absoluteImagePath(const QString &relativePath) const;

    LabelMode labelMode() const;
    void setLabelMode(LabelMode mode);

    QString meta(const QString &key, const QString &fallback = {}) const;
    void setMeta(const QString &key, const QString &value);

    // The path the thumbnail cache of this project lives at (a separate, deletable file).
    QString thumbnailCachePath() const;

private:
    Project(const QString &filePath, std::unique_ptr<Database> db);
    static std::unique_ptr<Project> open(const QString &projectFile, bool mayWrite);
    void resolveDatasetRoot();
    static QString storedRootFor(const QString &projectFile, const QString &root);

    QString m_filePath;
    std::unique_ptr<Database> m_db;
    QString m_datasetRoot;
};

} // namespace semiprune

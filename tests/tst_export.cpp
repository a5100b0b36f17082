// The export engine: an ImageFolder tree with manifest and summary, in every mode, with clashing
// file names, unsafe class names, label precedence, a stratified split, and nothing lost or left
// half-done when the target is taken, the export is cancelled or a source is gone.

#include "testsupport.h"

#include "common/error.h"
#include "dataset/classnames.h"
#include "dataset/folderimporter.h"
#include "export/exporter.h"
#include "export/manifestwriter.h"
#include "jobs/jobcontext.h"
#include "storage/classtable.h"
#include "storage/imagetable.h"
#include "storage/labeltable.h"
#include "storage/project.h"
#include "storage/resulttables.h"
#include "storage/runtable.h"
#include "storage/transaction.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/wait.h>
#include <unistd.h>

#include <sys/stat.h>
#include <unistd.h>

using namespace semiprune;
using testsupport::errorOf;
using testsupport::readFile;
using testsupport::writeImage;

namespace {

// RFC 4180 reader for the manifest: quoted fields with doubled quotes, commas and line breaks.
std::vector<QStringList> parseCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    std::vector<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n')) {
            row << field;
            field.clear();
            rows.push_back(row);
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

// The manifest as maps keyed by column name, one per row, keyed by original path.
QHash<QString, QHash<QString, QString>> readManifest(const QString &exportRoot)
{
    const std::vector<QStringList> rows = parseCsv(readFile(exportRoot + QStringLiteral("/manifest.csv")));
    QHash<QString, QHash<QString, QString>> byOriginal;
    if (rows.empty())
        return byOriginal;
    for (size_t r = 1; r < rows.size(); ++r) {
        QHash<QString, QString> values;
        for (qsizetype c = 0; c < rows[0].size(); ++c)
            values.insert(rows[0][c], rows[r].value(c));
        byOriginal.insert(values.value(QStringLiteral("original_path")), values);
    }
    return byOriginal;
}

QJsonObject readSummary(const QString &exportRoot)
{
    return QJsonDocument::fromJson(readFile(exportRoot + QStringLiteral("/summary.json"))).object();
}

// Names in a folder that look like an export's working folders (.<name>.partial-/old-XXXXXX).
QStringList leftovers(const QString &folder)
{
    QStringList found;
    for (const QString &name : QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)) {
        if (name.contains(QLatin1String(".partial-")) || name.contains(QLatin1String(".old-")))
            found << name;
    }
    return found;
}

} // namespace

class TestExport final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Project> m_project;
    QString m_images;
    QHash<QString, ImageId> m_id; // by relative path
    QHash<QString, ClassId> m_class;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    ExportReport run(ExportOptions options)
    {
        JobContext job;
        return exportDataset(*m_project, options, job);
    }

    ExportOptions optionsTo(const QString &name, ExportScope scope = ExportScope::All)
    {
        ExportOptions options;
        options.target = path(name);
        options.scope = scope;
        return options;
    }

    QString sourceOf(const QString &relative) const { return m_images + QLatin1Char('/') + relative; }

private Q_SLOTS:
    void initTestCase();

    void copyModeCopiesBytes();
    void hardLinkModeSharesInode();
    void hardLinkAcrossFileSystemsSaysUseCopy();
    void symlinkModePointsToSource();
    void clashingNamesKeptApart();
    void unsafeClassNamesMadeSafe();
    void humanLabelWinsOverPseudo();
    void humanOnlyAndAllLabeledLeavePseudoOut();
    void selectionExportsKeptImagesWithScores();
    void unknownSelectionIsRefused();
    void manifestQuotesAndSummary();
    void refusesNonEmptyTarget();
    void overwriteReplacesEarlierExport();
    void overwriteRefusesForeignFolder();
    void refusesTargetInsideImageFolder();
    void cancelledBeforeLeavesNothing();
    void cancelledWhileExportingLeavesNothing();
    void cancelledOverwriteKeepsOldExport();
    void splitIsStratifiedAndReproducible();
    void deletedSourceIsReportedAndSkipped();
    void writeFailureIsClearAndCleansUp();
    void nothingToExportIsRefused();
    void abandonedWorkingFoldersAreRemoved();
};

// A flat image folder with sub-folders (so a hidden label mode), the same file name in two of them,
// classes with unsafe names, human labels of every source, pseudo-labels, scores and a selection.
void TestExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_images = path(QStringLiteral("images"));
    const QStringList files = {
        QStringLiteral("x/same.png"), QStringLiteral("y/same.png"), QStringLiteral("y/SAME.png"), // name clashes
        QStringLiteral("x/seed.png"), // cat, seed
        QStringLiteral("x/manual.png"), // cat, manual
        QStringLiteral("x/import.png"), // a/b, import
        QStringLiteral("x/over.png"), // "..", override
        QStringLiteral("x/pseudo.png"), // no human label, pseudo cat
        QStringLiteral("x/both.png"), // a_b by hand, pseudo cat
        QStringLiteral("x/none.png"), // no label at all
        QStringLiteral("x/quote.png"), // the class with a comma and quotes
        QStringLiteral("y/gone.png"), // cat, deleted later by one test
    };
    int seed = 0;
    for (const QString &file : files)
        writeImage(m_images + QLatin1Char('/') + file, 5, 4, 3, ++seed);

    m_project = Project::create(path(QStringLiteral("p.semiprune")), m_images);
    JobContext job;
    ImportOptions importOptions;
    importOptions.labelMode = LabelMode::Hidden;
    QCOMPARE(importFolder(*m_project, importOptions, job).added, qint64(files.size()));

    Database &db = m_project->db();
    for (const ImageRecord &image : ImageTable(db).all())
        m_id.insert(image.path, image.id);
    Transaction transaction(db);
    ClassTable classes(db);
    for (const QString &name : { QStringLiteral("cat"), QStringLiteral("a/b"), QStringLiteral(".."),
             QStringLiteral("a_b"), QStringLiteral("say \"hi\", bye") })
        m_class.insert(name, classes.add(name).id);
    LabelTable labels(db);
    const auto label = [&](const QString &file, const QString &name, LabelSource source) {
        labels.set(m_id.value(file), m_class.value(name), source, 1);
    };
    for (const QString &file :
        { QStringLiteral("x/same.png"), QStringLiteral("y/same.png"), QStringLiteral("y/SAME.png") })
        label(file, QStringLiteral("cat"), LabelSource::Manual);
    label(QStringLiteral("x/seed.png"), QStringLiteral("cat"), LabelSource::Seed);
    label(QStringLiteral("x/manual.png"), QStringLiteral("cat"), LabelSource::Manual);
    label(QStringLiteral("x/import.png"), QStringLiteral("a/b"), LabelSource::Import);
    label(QStringLiteral("x/over.png"), QStringLiteral(".."), LabelSource::Override);
    label(QStringLiteral("x/both.png"), QStringLiteral("a_b"), LabelSource::Manual);
    label(QStringLiteral("x/quote.png"), QStringLiteral("say \"hi\", bye"), LabelSource::Manual);
    label(QStringLiteral("y/gone.png"), QStringLiteral("cat"), LabelSource::Seed);

    RunTable runs(db);
    RunRecord pseudoRun;
    pseudoRun.kind = QStringLiteral("pseudo-label");
    const RunId pseudo = runs.start(pseudoRun);
    PredictionTable predictions(db);
    predictions.add(pseudo,
        PredictionRecord {
            m_id.value(QStringLiteral("x/pseudo.png")), m_class.value(QStringLiteral("cat")), 0.75f, {} });
    predictions.add(pseudo,
        PredictionRecord { m_id.value(QStringLiteral("x/both.png")), m_class.value(QStringLiteral("cat")), 0.5f, {} });
    runs.finish(pseudo, RunState::Finished);

    RunRecord dynamicsRun;
    dynamicsRun.kind = QStringLiteral("dynamics");
    const RunId dynamics = runs.start(dynamicsRun);
    runs.finish(dynamics, RunState::Finished);
    RunRecord scoresRun;
    scoresRun.kind = QStringLiteral("scores");
    scoresRun.parent = dynamics;
    const RunId scoresId = runs.start(scoresRun);
    std::vector<ImageId> scored;
    std::vector<double> aum, forgetting, el2n;
    for (const QString &file : files) {
        scored.push_back(m_id.value(file));
        aum.push_back(double(scored.size()) / 4);
        forgetting.push_back(double(scored.size() % 3));
        el2n.push_back(0.125);
    }
    ScoreTable scores(db);
    scores.set(scoresId, QStringLiteral("aum"), scored, aum);
    scores.set(scoresId, QStringLiteral("forgetting"), scored, forgetting);
    scores.set(scoresId, QStringLiteral("el2n"), scored, el2n);
    // DUAL for one image only: the others must get an empty field, not a zero.
    scores.set(scoresId, QStringLiteral("dual"), { m_id.value(QStringLiteral("x/seed.png")) }, { 2.5 });
    runs.finish(scoresId, RunState::Finished);

    // An older selection, then the newest: seed.png (rank 0), pseudo.png (rank 1), none.png (rank 2,
    // unlabeled); manual.png dropped.
    SelectionTable selections(db);
    SelectionRecord older;
    older.run = scoresId;
    older.name = QStringLiteral("older");
    older.method = QStringLiteral("random");
    older.keepRatio = 0.5;
    selections.save(
        older, { SelectionItem { m_id.value(QStringLiteral("x/manual.png")), true, QStringLiteral("kept"), 0 } });
    SelectionRecord newest;
    newest.run = scoresId;
    newest.name = QStringLiteral("ccs-keep30");
    newest.method = QStringLiteral("ccs");
    newest.keepRatio = 0.3;
    newest.beta = 0.1;
    selections.save(newest,
        { SelectionItem { m_id.value(QStringLiteral("x/seed.png")), true, QStringLiteral("kept"), 0 },
            SelectionItem { m_id.value(QStringLiteral("x/pseudo.png")), true, QStringLiteral("kept"), 1 },
            SelectionItem { m_id.value(QStringLiteral("x/none.png")), true, QStringLiteral("kept"), 2 },
            SelectionItem { m_id.value(QStringLiteral("x/manual.png")), false, QStringLiteral("dropped-easy"), -1 } });
    transaction.commit();
}

void TestExport::copyModeCopiesBytes()
{
    const ExportReport report = run(optionsTo(QStringLiteral("copy")));
    const auto manifest = readManifest(report.target);
    QCOMPARE(report.exported, 11); // every image but none.png
    QCOMPARE(manifest.size(), 11);
    for (auto it = manifest.cbegin(); it != manifest.cend(); ++it) {
        const QString exported = report.target + QLatin1Char('/') + it.value().value(QStringLiteral("path"));
        const QFileInfo info(exported);
        QVERIFY2(info.isFile() && !info.isSymLink(), qPrintable(exported));
        const QByteArray original = readFile(sourceOf(it.key()));
        QVERIFY(!original.isEmpty());
        QCOMPARE(readFile(exported), original);
        struct stat a, b;
        QCOMPARE(::stat(QFile::encodeName(exported).constData(), &a), 0);
        QCOMPARE(::stat(QFile::encodeName(sourceOf(it.key())).constData(), &b), 0);
        QVERIFY(a.st_ino != b.st_ino);
        QCOMPARE(a.st_mtime, b.st_mtime); // the copy keeps the modification time
    }
    QCOMPARE(readSummary(report.target)[QStringLiteral("mode")].toString(), QStringLiteral("copy"));
    QVERIFY(leftovers(m_dir.path()).isEmpty());
}

void TestExport::hardLinkModeSharesInode()
{
    ExportOptions options = optionsTo(QStringLiteral("hardlink"));
    options.mode = ExportMode::HardLink;
    const ExportReport report = run(options);
    QCOMPARE(report.bytesCopied, 0);
    const auto manifest = readManifest(report.target);
    QCOMPARE(manifest.size(), 11);
    for (auto it = manifest.cbegin(); it != manifest.cend(); ++it) {
        struct stat exported, source;
        QCOMPARE(::lstat(QFile::encodeName(report.target + QLatin1Char('/') + it.value().value(QStringLiteral("path")))
                             .constData(),
                     &exported),
            0);
        QCOMPARE(::stat(QFile::encodeName(sourceOf(it.key())).constData(), &source), 0);
        QVERIFY(S_ISREG(exported.st_mode));
        QCOMPARE(exported.st_ino, source.st_ino);
        QCOMPARE(exported.st_dev, source.st_dev);
        QVERIFY(source.st_nlink >= 2);
    }
    QVERIFY(QDir(report.target).removeRecursively());
    QVERIFY(QFile::exists(sourceOf(QStringLiteral("x/seed.png")))); // removing a link keeps the image
}

void TestExport::hardLinkAcrossFileSystemsSaysUseCopy()
{
    // /dev/shm is a tmpfs on Linux: another file system than the temporary folder, usually.
    struct stat shm, here;
    if (::stat("/dev/shm", &shm) != 0 || ::stat(QFile::encodeName(m_dir.path()).constData(), &here) != 0
        || shm.st_dev == here.st_dev || ::access("/dev/shm", W_OK) != 0)
        QSKIP("no second writable file system at /dev/shm");
    QTemporaryDir other(QStringLiteral("/dev/shm/tst_export-XXXXXX"));
    QVERIFY(other.isValid());
    ExportOptions options = optionsTo(QString());
    options.target = other.filePath(QStringLiteral("out"));
    options.mode = ExportMode::HardLink;
    const QString message = errorOf([&] { run(options); });
    QVERIFY2(message.contains(QLatin1String("another file system")) && message.contains(QLatin1String("copy mode")),
        qPrintable(message));
    QVERIFY(!QFileInfo::exists(options.target));
    QVERIFY(leftovers(other.path()).isEmpty());
}

void TestExport::symlinkModePointsToSource()
{
    ExportOptions options = optionsTo(QStringLiteral("symlink"));
    options.mode = ExportMode::SymLink;
    const ExportReport report = run(options);
    const auto manifest = readManifest(report.target);
    QCOMPARE(manifest.size(), 11);
    for (auto it = manifest.cbegin(); it != manifest.cend(); ++it) {
        const QFileInfo link(report.target + QLatin1Char('/') + it.value().value(QStringLiteral("path")));
        QVERIFY(link.isSymLink());
        QCOMPARE(link.symLinkTarget(), QFileInfo(sourceOf(it.key())).absoluteFilePath());
        QCOMPARE(readFile(link.filePath()), readFile(sourceOf(it.key())));
    }
}

void TestExport::clashingNamesKeptApart()
{
    const ExportReport report = run(optionsTo(QStringLiteral("clash")));
    const auto manifest = readManifest(report.target);
    // Sorted by original path ("x/same.png" < "y/SAME.png" < "y/same.png"): the first keeps its
    // name, the others are numbered; "SAME.png" clashes too, as it would on a case-blind disk.
    QCOMPARE(manifest[QStringLiteral("x/same.png")][QStringLiteral("path")], QStringLiteral("cat/same.png"));
    QCOMPARE(manifest[QStringLiteral("y/SAME.png")][QStringLiteral("path")], QStringLiteral("cat/SAME (2).png"));
    QCOMPARE(manifest[QStringLiteral("y/same.png")][QStringLiteral("path")], QStringLiteral("cat/same (3).png"));
    for (const QString &original :
        { QStringLiteral("x/same.png"), QStringLiteral("y/SAME.png"), QStringLiteral("y/same.png") })
        QCOMPARE(readFile(report.target + QLatin1Char('/') + manifest[original][QStringLiteral("path")]),
            readFile(sourceOf(original)));
    QCOMPARE(report.renamed, 2);
    QCOMPARE(readSummary(report.target)[QStringLiteral("renamed")].toInt(), 2);
    // Deterministic: a second export names them the same.
    const ExportReport again = run(optionsTo(QStringLiteral("clash2")));
    QVERIFY(readManifest(again.target) == manifest);
}

void TestExport::unsafeClassNamesMadeSafe()
{
    const ExportReport report = run(optionsTo(QStringLiteral("unsafe")));
    const auto manifest = readManifest(report.target);
    // "a_b" is a safe name and keeps it; "a/b" would become "a_b" too and gets the number.
    QCOMPARE(manifest[QStringLiteral("x/both.png")][QStringLiteral("path")], QStringLiteral("a_b/both.png"));
    QCOMPARE(manifest[QStringLiteral("x/import.png")][QStringLiteral("path")], QStringLiteral("a_b (2)/import.png"));
    QCOMPARE(manifest[QStringLiteral("x/import.png")][QStringLiteral("class")], QStringLiteral("a/b"));
    const QString dots = manifest[QStringLiteral("x/over.png")][QStringLiteral("path")];
    QCOMPARE(dots, safeFolderName(QStringLiteral("..")) + QStringLiteral("/over.png"));
    QVERIFY(!dots.startsWith(QLatin1String("..")));
    // Everything stays inside the export: no file escaped through "..".
    QDirIterator it(report.target, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        it.next();
        QVERIFY(it.fileInfo().canonicalFilePath().startsWith(
            QFileInfo(report.target).canonicalFilePath() + QLatin1Char('/')));
        ++files;
    }
    QCOMPARE(files, 11 + 3); // the images, the manifest, the summary and the class-names file
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("over.png"))));
    // The class-names file gives the real names back to an import of the tree.
    QVERIFY(report.classNamesFile);
    const QHash<QString, QString> names = readClassNamesFile(report.target);
    QCOMPARE(names.value(QStringLiteral("a_b (2)")), QStringLiteral("a/b"));
    QCOMPARE(names.value(safeFolderName(QStringLiteral(".."))), QStringLiteral(".."));
    QCOMPARE(names.value(safeFolderName(QStringLiteral("say \"hi\", bye"))), QStringLiteral("say \"hi\", bye"));
    QVERIFY(!names.contains(QStringLiteral("cat"))); // only the folders that differ
}

void TestExport::humanLabelWinsOverPseudo()
{
    const ExportReport report = run(optionsTo(QStringLiteral("precedence")));
    const auto manifest = readManifest(report.target);
    const auto both = manifest[QStringLiteral("x/both.png")];
    QCOMPARE(both[QStringLiteral("class")], QStringLiteral("a_b"));
    QCOMPARE(both[QStringLiteral("label_source")], QStringLiteral("manual"));
    QCOMPARE(both[QStringLiteral("pseudo_label")], QStringLiteral("cat")); // shown beside the human label
    QCOMPARE(both[QStringLiteral("confidence")].toDouble(), 0.5);
    const auto pseudo = manifest[QStringLiteral("x/pseudo.png")];
    QCOMPARE(pseudo[QStringLiteral("class")], QStringLiteral("cat"));
    QCOMPARE(pseudo[QStringLiteral("label_source")], QStringLiteral("pseudo"));
    QCOMPARE(pseudo[QStringLiteral("confidence")].toDouble(), 0.75);
    QCOMPARE(manifest[QStringLiteral("x/seed.png")][QStringLiteral("label_source")], QStringLiteral("seed"));
    QCOMPARE(manifest[QStringLiteral("x/import.png")][QStringLiteral("label_source")], QStringLiteral("import"));
    QCOMPARE(manifest[QStringLiteral("x/over.png")][QStringLiteral("label_source")], QStringLiteral("override"));
    QCOMPARE(manifest[QStringLiteral("x/seed.png")][QStringLiteral("pseudo_label")], QString());
    QVERIFY(!manifest.contains(QStringLiteral("x/none.png")));
    QCOMPARE(report.skippedUnlabeled, 1);
    QCOMPARE(report.skippedNotHuman, 0);
}

void TestExport::humanOnlyAndAllLabeledLeavePseudoOut()
{
    ExportOptions options = optionsTo(QStringLiteral("humanonly"));
    options.humanOnly = true;
    const ExportReport humanOnly = run(options);
    const auto manifest = readManifest(humanOnly.target);
    QVERIFY(!manifest.contains(QStringLiteral("x/pseudo.png")));
    QVERIFY(manifest.contains(QStringLiteral("x/both.png")));
    QCOMPARE(manifest.size(), 10);
    QCOMPARE(humanOnly.skippedNotHuman, 1);
    QCOMPARE(humanOnly.skippedUnlabeled, 1);
    for (const auto &row : manifest)
        QVERIFY(row[QStringLiteral("label_source")] != QLatin1String("pseudo"));

    const ExportReport allLabeled = run(optionsTo(QStringLiteral("alllabeled"), ExportScope::AllLabeled));
    QCOMPARE(readManifest(allLabeled.target).keys().size(), 10);
    QVERIFY(!readManifest(allLabeled.target).contains(QStringLiteral("x/pseudo.png")));
    QCOMPARE(readSummary(allLabeled.target)[QStringLiteral("scope")].toString(), QStringLiteral("all-labeled"));
}

void TestExport::selectionExportsKeptImagesWithScores()
{
    // No name: the newest selection. none.png is kept but unlabeled: skipped and counted.
    const ExportReport report = run(optionsTo(QStringLiteral("selection"), ExportScope::Selection));
    QCOMPARE(report.selection, QStringLiteral("ccs-keep30"));
    const auto manifest = readManifest(report.target);
    QCOMPARE(manifest.size(), 2);
    const auto seed = manifest[QStringLiteral("x/seed.png")];
    QCOMPARE(seed[QStringLiteral("kept")], QStringLiteral("1"));
    QCOMPARE(seed[QStringLiteral("rank")], QStringLiteral("0"));
    QCOMPARE(seed[QStringLiteral("aum")].toDouble(), 1.0); // fourth file: 4 / 4
    QCOMPARE(seed[QStringLiteral("forgetting")].toDouble(), 1.0);
    QCOMPARE(seed[QStringLiteral("el2n")].toDouble(), 0.125);
    QCOMPARE(seed[QStringLiteral("dual")].toDouble(), 2.5);
    const auto pseudo = manifest[QStringLiteral("x/pseudo.png")];
    QCOMPARE(pseudo[QStringLiteral("rank")], QStringLiteral("1"));
    QCOMPARE(pseudo[QStringLiteral("label_source")], QStringLiteral("pseudo"));
    QCOMPARE(pseudo[QStringLiteral("dual")], QString());
    QCOMPARE(report.skippedUnlabeled, 1);
    QCOMPARE(report.candidates, 3);

    ExportOptions named = optionsTo(QStringLiteral("older"), ExportScope::Selection);
    named.selectionName = QStringLiteral("older");
    const auto older = readManifest(run(named).target);
    QCOMPARE(older.keys(), QStringList { QStringLiteral("x/manual.png") });
}

void TestExport::unknownSelectionIsRefused()
{
    ExportOptions options = optionsTo(QStringLiteral("unknown"), ExportScope::Selection);
    options.selectionName = QStringLiteral("nope");
    const QString message = errorOf([&] { run(options); });
    QVERIFY2(
        message.contains(QLatin1String("nope")) && message.contains(QLatin1String("ccs-keep30")), qPrintable(message));
    QVERIFY(!QFileInfo::exists(options.target));
}

void TestExport::manifestQuotesAndSummary()
{
    QCOMPARE(csvField(QStringLiteral("plain")), QStringLiteral("plain"));
    QCOMPARE(csvField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
    QCOMPARE(csvField(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
    QCOMPARE(csvField(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));

    ExportOptions options = optionsTo(QStringLiteral("summary"), ExportScope::Selection);
    const ExportReport report = run(options);
    const QByteArray raw = readFile(report.target + QStringLiteral("/manifest.csv"));
    QVERIFY(raw.startsWith(
        "path,original_path,class,label_source,pseudo_label,confidence,aum,forgetting,el2n,dual,kept,rank,split\r\n"));
    QCOMPARE(raw.count("\r\n"), 3); // header and two rows, CRLF as RFC 4180 asks

    const auto quoted = readManifest(run(optionsTo(QStringLiteral("quoted"))).target);
    QCOMPARE(quoted[QStringLiteral("x/quote.png")][QStringLiteral("class")], QStringLiteral("say \"hi\", bye"));

    const QJsonObject summary = readSummary(report.target);
    QCOMPARE(summary[QStringLiteral("project")].toString(), m_project->filePath());
    QCOMPARE(summary[QStringLiteral("selection")].toString(), QStringLiteral("ccs-keep30"));
    QCOMPARE(summary[QStringLiteral("method")].toString(), QStringLiteral("ccs"));
    QCOMPARE(summary[QStringLiteral("keep_ratio")].toDouble(), 0.3);
    QCOMPARE(summary[QStringLiteral("beta")].toDouble(), 0.1);
    QVERIFY(summary[QStringLiteral("scores_run")].toInteger() > 0);
    QVERIFY(summary[QStringLiteral("pseudo_label_run")].toInteger() > 0);
    QCOMPARE(summary[QStringLiteral("mode")].toString(), QStringLiteral("copy"));
    QCOMPARE(summary[QStringLiteral("exported")].toInt(), 2);
    QCOMPARE(summary[QStringLiteral("skipped")].toObject()[QStringLiteral("unlabeled")].toInt(), 1);
    QCOMPARE(summary[QStringLiteral("skipped")].toObject()[QStringLiteral("missing")].toInt(), 0);
    QVERIFY(summary[QStringLiteral("missing_sources")].isArray());
    QVERIFY(summary[QStringLiteral("seconds")].toDouble() >= 0);
    QVERIFY(QDateTime::fromString(summary[QStringLiteral("started_at")].toString(), Qt::ISODate).isValid());
    const QJsonArray classes = summary[QStringLiteral("classes")].toArray();
    QCOMPARE(classes.size(), 1);
    QCOMPARE(classes[0].toObject()[QStringLiteral("name")].toString(), QStringLiteral("cat"));
    QCOMPARE(classes[0].toObject()[QStringLiteral("images")].toInt(), 2);
    QCOMPARE(classes[0].toObject()[QStringLiteral("human")].toInt(), 1);
    QCOMPARE(classes[0].toObject()[QStringLiteral("pseudo")].toInt(), 1);
}

void TestExport::refusesNonEmptyTarget()
{
    const QString target = path(QStringLiteral("taken"));
    testsupport::writeFile(target + QStringLiteral("/mine.txt"), "keep me");
    const QString message = errorOf([&] { run(optionsTo(QStringLiteral("taken"))); });
    QVERIFY2(message.contains(QLatin1String("not empty")), qPrintable(message));
    QCOMPARE(readFile(target + QStringLiteral("/mine.txt")), QByteArray("keep me"));
    QCOMPARE(QDir(target).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden).size(), 1);
    QVERIFY(leftovers(m_dir.path()).isEmpty());

    // An empty folder is fine, and a file is not a folder.
    QVERIFY(QDir().mkpath(path(QStringLiteral("empty"))));
    QCOMPARE(run(optionsTo(QStringLiteral("empty"))).exported, 11);
    testsupport::writeFile(path(QStringLiteral("afile")), "x");
    QVERIFY(errorOf([&] { run(optionsTo(QStringLiteral("afile"))); }).contains(QLatin1String("is a file")));
    QCOMPARE(readFile(path(QStringLiteral("afile"))), QByteArray("x"));
}

void TestExport::overwriteReplacesEarlierExport()
{
    ExportOptions options = optionsTo(QStringLiteral("again"), ExportScope::Selection);
    run(options);
    testsupport::writeFile(path(QStringLiteral("again/stale.txt")), "old");
    QVERIFY(errorOf([&] { run(options); }).contains(QLatin1String("not empty")));
    QVERIFY(QFileInfo::exists(path(QStringLiteral("again/stale.txt"))));

    options.overwrite = true;
    options.scope = ExportScope::All;
    const ExportReport report = run(options);
    QVERIFY(report.replacedOld);
    QVERIFY(report.leftover.isEmpty());
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("again/stale.txt"))));
    QCOMPARE(readManifest(report.target).size(), 11);
    QCOMPARE(readSummary(report.target)[QStringLiteral("scope")].toString(), QStringLiteral("all"));
    QVERIFY(leftovers(m_dir.path()).isEmpty());
}

void TestExport::overwriteRefusesForeignFolder()
{
    const QString target = path(QStringLiteral("home"));
    testsupport::writeFile(target + QStringLiteral("/thesis.tex"), "years of work");
    ExportOptions options = optionsTo(QStringLiteral("home"));
    options.overwrite = true;
    const QString message = errorOf([&] { run(options); });
    QVERIFY2(message.contains(QLatin1String("not an earlier export")), qPrintable(message));
    QCOMPARE(readFile(target + QStringLiteral("/thesis.tex")), QByteArray("years of work"));
    QVERIFY(leftovers(m_dir.path()).isEmpty());
}

void TestExport::refusesTargetInsideImageFolder()
{
    ExportOptions options = optionsTo(QString());
    options.target = m_images + QStringLiteral("/export");
    QVERIFY(errorOf([&] { run(options); }).contains(QLatin1String("never writes")));
    QVERIFY(!QFileInfo::exists(options.target));
    QVERIFY(leftovers(m_images).isEmpty());
    // The folder holding the images, overwritten: refused before anything is touched.
    options.target = m_dir.path();
    options.overwrite = true;
    QVERIFY(!errorOf([&] { run(options); }).isEmpty());
    QVERIFY(QFileInfo::exists(sourceOf(QStringLiteral("x/seed.png"))));
}

void TestExport::cancelledBeforeLeavesNothing()
{
    JobContext job;
    job.cancel();
    ExportOptions options = optionsTo(QStringLiteral("cancelled"));
    QVERIFY_THROWS_EXCEPTION(JobCancelled, exportDataset(*m_project, options, job));
    QVERIFY(!QFileInfo::exists(options.target));
    QVERIFY(leftovers(m_dir.path()).isEmpty());
}

void TestExport::cancelledWhileExportingLeavesNothing()
{
    // Cancelled once the export is under way: the partial folder exists by then and must go.
    bool sawPartial = false;
    JobContext *context = nullptr;
    JobContext job([&](const JobProgress &progress) {
        if (progress.phase == QLatin1String("Exporting images")) {
            sawPartial = !leftovers(m_dir.path()).isEmpty();
            context->cancel();
        }
    });
    context = &job;
    ExportOptions options = optionsTo(QStringLiteral("cancelled2"));
    QVERIFY_THROWS_EXCEPTION(JobCancelled, exportDataset(*m_project, options, job));
    QVERIFY(sawPartial);
    QVERIFY(!QFileInfo::exists(options.target));
    QVERIFY(leftovers(m_dir.path()).isEmpty());
}

void TestExport::cancelledOverwriteKeepsOldExport()
{
    ExportOptions options = optionsTo(QStringLiteral("keepold"), ExportScope::Selection);
    run(options);
    const QByteArray oldManifest = readFile(path(QStringLiteral("keepold/manifest.csv")));
    JobContext *context = nullptr;
    JobContext job([&](const JobProgress &progress) {
        if (progress.phase == QLatin1String("Exporting images"))
            context->cancel();
    });
    context = &job;
    options.overwrite = true;
    options.scope = ExportScope::All;
    QVERIFY_THROWS_EXCEPTION(JobCancelled, exportDataset(*m_project, options, job));
    QCOMPARE(readFile(path(QStringLiteral("keepold/manifest.csv"))), oldManifest);
    QCOMPARE(readManifest(path(QStringLiteral("keepold"))).size(), 2);
    QVERIFY(leftovers(m_dir.path()).isEmpty());
}

void TestExport::splitIsStratifiedAndReproducible()
{
    // Its own project: 20 images in each of two classes, 3 in a third, 1 in a fourth.
    const QString folder = path(QStringLiteral("split-images"));
    const QHash<QString, int> sizes { { QStringLiteral("ant"), 20 }, { QStringLiteral("bee"), 20 },
        { QStringLiteral("cow"), 3 }, { QStringLiteral("doe"), 1 } };
    for (auto it = sizes.cbegin(); it != sizes.cend(); ++it)
        for (int i = 0; i < it.value(); ++i)
            writeImage(QStringLiteral("%1/%2%3.png").arg(folder, it.key()).arg(i), 3, 3, 1, i);
    auto project = Project::create(path(QStringLiteral("split.semiprune")), folder);
    JobContext importJob;
    importFolder(*project, ImportOptions {}, importJob);
    {
        Transaction transaction(project->db());
        ClassTable classes(project->db());
        LabelTable labels(project->db());
        QHash<QString, ClassId> ids;
        for (const QString &name : sizes.keys())
            ids.insert(name, classes.add(name).id);
        for (const ImageRecord &image : ImageTable(project->db()).all())
            labels.set(image.id, ids.value(image.path.left(3)), LabelSource::Manual, 1);
        transaction.commit();
    }
    const auto exportSplit = [&](const QString &name, quint64 seed, double fraction = 0.25) {
        ExportOptions options;
        options.target = path(name);
        options.scope = ExportScope::AllLabeled;
        options.valFraction = fraction;
        options.splitSeed = seed;
        JobContext job;
        return exportDataset(*project, options, job);
    };
    const ExportReport report = exportSplit(QStringLiteral("split-a"), 7);
    const auto manifest = readManifest(report.target);
    QHash<QString, int> val, train;
    for (auto it = manifest.cbegin(); it != manifest.cend(); ++it) {
        const QString split = it.value()[QStringLiteral("split")];
        const QString cls = it.value()[QStringLiteral("class")];
        QVERIFY(split == QLatin1String("train") || split == QLatin1String("val"));
        QCOMPARE(it.value()[QStringLiteral("path")], QStringLiteral("%1/%2/%3").arg(split, cls, it.key()));
        QVERIFY(QFileInfo::exists(report.target + QLatin1Char('/') + it.value()[QStringLiteral("path")]));
        ++(split == QLatin1String("val") ? val : train)[cls];
    }
    QCOMPARE(val.value(QStringLiteral("ant")), 5);
    QCOMPARE(val.value(QStringLiteral("bee")), 5);
    QCOMPARE(train.value(QStringLiteral("ant")), 15);
    QCOMPARE(val.value(QStringLiteral("cow")), 1); // 0.75 rounds to 1, and each half keeps the class
    QCOMPARE(train.value(QStringLiteral("cow")), 2);
    QCOMPARE(val.value(QStringLiteral("doe")), 0); // a single image stays in train
    QCOMPARE(train.value(QStringLiteral("doe")), 1);
    for (const QJsonValue &c : readSummary(report.target)[QStringLiteral("classes")].toArray()) {
        if (c.toObject()[QStringLiteral("name")].toString() == QLatin1String("ant"))
            QCOMPARE(c.toObject()[QStringLiteral("val")].toInt(), 5);
    }
    QCOMPARE(QDir(report.target).entryList(QDir::Dirs | QDir::NoDotAndDotDot),
        (QStringList { QStringLiteral("train"), QStringLiteral("val") }));
    QVERIFY(!QFileInfo::exists(report.target + QStringLiteral("/val/doe"))); // no empty class folder

    // The same seed draws the same split; another seed another one, with the same proportions.
    QCOMPARE(readFile(exportSplit(QStringLiteral("split-b"), 7).target + QStringLiteral("/manifest.csv")),
        readFile(report.target + QStringLiteral("/manifest.csv")));
    const auto other = readManifest(exportSplit(QStringLiteral("split-c"), 8).target);
    int otherVal = 0;
    bool differs = false;
    for (auto it = other.cbegin(); it != other.cend(); ++it) {
        if (it.value()[QStringLiteral("class")] == QLatin1String("ant")
            && it.value()[QStringLiteral("split")] == QLatin1String("val"))
            ++otherVal;
        differs = differs || it.value()[QStringLiteral("split")] != manifest[it.key()][QStringLiteral("split")];
    }
    QCOMPARE(otherVal, 5);
    QVERIFY(differs);

    // A small share still puts one image of every class with two or more into val/.
    QHash<QString, int> smallVal;
    for (const auto &row : readManifest(exportSplit(QStringLiteral("split-d"), 7, 0.1).target)) {
        if (row[QStringLiteral("split")] == QLatin1String("val"))
            ++smallVal[row[QStringLiteral("class")]];
    }
    QCOMPARE(smallVal.value(QStringLiteral("ant")), 2);
    QCOMPARE(smallVal.value(QStringLiteral("cow")), 1); // 0.3 rounds to 0: raised to one
    QCOMPARE(smallVal.value(QStringLiteral("doe")), 0);
}

void TestExport::deletedSourceIsReportedAndSkipped()
{
    QVERIFY(QFile::remove(sourceOf(QStringLiteral("y/gone.png"))));
    for (ExportMode mode : { ExportMode::Copy, ExportMode::SymLink }) {
        ExportOptions options = optionsTo(QStringLiteral("deleted-") + exportModeName(mode));
        options.mode = mode;
        const ExportReport report = run(options);
        QCOMPARE(report.missingSources, QStringList { QStringLiteral("y/gone.png") });
        QCOMPARE(report.exported, 10);
        const auto manifest = readManifest(report.target);
        QCOMPARE(manifest.size(), 10);
        QVERIFY(!manifest.contains(QStringLiteral("y/gone.png")));
        QVERIFY(!QFileInfo::exists(report.target + QStringLiteral("/cat/gone.png")));
        const QJsonObject summary = readSummary(report.target);
        QCOMPARE(summary[QStringLiteral("missing_sources")].toArray(), QJsonArray { QStringLiteral("y/gone.png") });
        QCOMPARE(summary[QStringLiteral("skipped")].toObject()[QStringLiteral("missing")].toInt(), 1);
    }
    writeImage(sourceOf(QStringLiteral("y/gone.png")), 5, 4, 3, 12); // back for any later test
}

void TestExport::writeFailureIsClearAndCleansUp()
{
    // A file where a folder is expected: the same for root as a read-only disk is for anyone.
    testsupport::writeFile(path(QStringLiteral("blocker")), "a file");
    ExportOptions options = optionsTo(QString());
    options.target = path(QStringLiteral("blocker/out"));
    QString message = errorOf([&] { run(options); });
    QVERIFY2(message.contains(QLatin1String("blocker")) && message.contains(QLatin1String("not a folder")),
        qPrintable(message));
    QCOMPARE(readFile(path(QStringLiteral("blocker"))), QByteArray("a file"));
    QVERIFY(leftovers(m_dir.path()).isEmpty());

    // /proc refuses new folders even to root.
    options.target = QStringLiteral("/proc/semiprune-export-test/out");
    message = errorOf([&] { run(options); });
    QVERIFY2(message.contains(QLatin1String("/proc/semiprune-export-test")), qPrintable(message));
    QVERIFY(!QFileInfo::exists(QStringLiteral("/proc/semiprune-export-test")));
}

void TestExport::nothingToExportIsRefused()
{
    const QString folder = path(QStringLiteral("bare-images"));
    writeImage(folder + QStringLiteral("/one.png"), 3, 3, 1);
    auto project = Project::create(path(QStringLiteral("bare.semiprune")), folder);
    JobContext job;
    importFolder(*project, ImportOptions {}, job);
    ExportOptions options;
    options.target = path(QStringLiteral("bare-out"));
    options.scope = ExportScope::All;
    QVERIFY(errorOf([&] { exportDataset(*project, options, job); }).contains(QLatin1String("Nothing to export")));
    options.scope = ExportScope::Selection;
    QVERIFY(errorOf([&] { exportDataset(*project, options, job); }).contains(QLatin1String("no selection")));
    QVERIFY(!QFileInfo::exists(options.target));
    // An image folder that moved away is named, not reported as every image missing.
    QVERIFY(QDir().rename(folder, folder + QStringLiteral("-moved")));
    options.scope = ExportScope::All;
    const QString message = errorOf([&] { exportDataset(*project, options, job); });
    QVERIFY2(message.contains(folder) && message.contains(QLatin1String("not there")), qPrintable(message));
}

void TestExport::abandonedWorkingFoldersAreRemoved()
{
    // What a killed export leaves: its working folder, named after a process that is gone. One of a
    // process still running (pid 1) may be another export under way and is left alone.
    const pid_t child = fork();
    if (child == 0)
        _exit(0);
    QVERIFY(child > 0);
    QCOMPARE(waitpid(child, nullptr, 0), child);
    const qint64 gone = child;
    const QString abandoned = path(QStringLiteral(".killed.partial-%1-abcdef").arg(gone));
    const QString running = path(QStringLiteral(".killed.partial-1-ghijkl"));
    QVERIFY(QDir().mkpath(abandoned + QStringLiteral("/Cat")));
    testsupport::writeFile(abandoned + QStringLiteral("/Cat/half.png"), "half an export");
    QVERIFY(QDir().mkpath(running));
    const ExportReport report = run(optionsTo(QStringLiteral("killed")));
    QVERIFY(report.exported > 0);
    QVERIFY(!QFileInfo::exists(abandoned));
    QVERIFY(QFileInfo::exists(running));
    QDir(running).removeRecursively();
    QVERIFY(leftovers(m_dir.path()).isEmpty());
}

QTEST_APPLESS_MAIN(TestExport)
#include "tst_export.moc"

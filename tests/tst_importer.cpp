// Importing image folders: layouts, label modes, rescans, image headers and bad files.

#include "oddimages.h"
#include "testsupport.h"

#include "common/error.h"
#include "dataset/classnames.h"
#include "dataset/folderimporter.h"
#include "imaging/imagedecoder.h"
#include "imaging/imageheader.h"
#include "jobs/jobcontext.h"
#include "storage/classtable.h"
#include "storage/imagetable.h"
#include "storage/labeltable.h"
#include "storage/project.h"

#include <QTemporaryDir>
#include <QTest>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <fcntl.h>
#include <unistd.h>

using namespace semiprune;
using testsupport::writeFile;
using testsupport::writeImage;

namespace {

ImportReport runImport(Project &project, std::optional<LabelMode> mode = std::nullopt)
{
    JobContext job;
    ImportOptions options;
    options.labelMode = mode;
    return importFolder(project, options, job);
}

ImageRecord imageAt(Project &project, const QString &path)
{
    const auto image = ImageTable(project.db()).findByPath(path);
    if (!image)
        qFatal("no image at %s", qPrintable(path));
    return *image;
}

// A PNG header claiming the given size, with no pixel data after it.
QByteArray pngHeaderClaiming(quint32 width, quint32 height)
{
    QByteArray bytes("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    for (quint32 v : { width, height })
        for (int shift = 24; shift >= 0; shift -= 8)
            bytes.append(char((v >> shift) & 0xff));
    bytes.append("\x08\x02\0\0\0", 5);
    bytes.append("\0\0\0\0", 4); // CRC, not checked by the header reader
    return bytes;
}

} // namespace

class TestImporter final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    QString freshFolder()
    {
        const QString folder = m_dir.filePath(QStringLiteral("set%1").arg(++m_counter));
        QDir().mkpath(folder);
        return folder;
    }

    std::unique_ptr<Project> projectFor(const QString &folder)
    {
        return Project::create(folder + QStringLiteral(".semiprune"), folder);
    }

private Q_SLOTS:
    void readsHeadersOfEveryFormat_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("channels");
        QTest::addColumn<QString>("format");
        QTest::newRow("png gray") << "g.png" << 1 << "PNG";
        QTest::newRow("png color") << "c.png" << 3 << "PNG";
        QTest::newRow("png alpha") << "a.png" << 4 << "PNG";
        QTest::newRow("jpeg gray") << "g.jpg" << 1 << "JPEG";
        QTest::newRow("jpeg color") << "c.jpeg" << 3 << "JPEG";
        QTest::newRow("bmp") << "c.bmp" << 3 << "BMP";
        QTest::newRow("webp") << "c.webp" << 3 << "WebP";
        QTest::newRow("tiff") << "c.tiff" << 3 << "TIFF";
        QTest::newRow("tif gray") << "g.tif" << 1 << "TIFF";
        QTest::newRow("pgm") << "g.pgm" << 1 << "PNM";
        QTest::newRow("ppm") << "c.ppm" << 3 << "PNM";
    }

    void readsHeadersOfEveryFormat()
    {
        QFETCH(QString, file);
        QFETCH(int, channels);
        QFETCH(QString, format);
        const QString path = m_dir.filePath(QStringLiteral("headers/") + file);
        writeImage(path, 37, 21, channels);
        const ImageHeader header = readImageHeader(path);
        QVERIFY2(header.valid, qPrintable(header.problem));
        QCOMPARE(header.width, 37);
        QCOMPARE(header.height, 21);
        QCOMPARE(header.channels, channels);
        QCOMPARE(imageFormatName(header.format), format);
        const DecodedImage decoded = decodeImage(path);
        QVERIFY2(decoded.ok(), qPrintable(decoded.problem));
        QCOMPARE(decoded.pixels.cols, 37);
        QCOMPARE(decoded.pixels.channels(), channels == 1 ? 1 : 3);
    }

    void headerReaderRejectsBadFiles()
    {
        QVERIFY(!parseImageHeader({}, 0).valid);
        QVERIFY(parseImageHeader({}, 0).problem.contains(QStringLiteral("empty")));
        QVERIFY(!parseImageHeader(QByteArray("hello world, not an image"), 25).valid);
        const QByteArray png = pngHeaderClaiming(10, 10);
        QVERIFY(parseImageHeader(png, png.size()).valid);
        QVERIFY(parseImageHeader(png.left(20), 20).problem.contains(QStringLiteral("truncated")));
        QVERIFY(!parseImageHeader(pngHeaderClaiming(0, 10), 33).valid);
        QVERIFY(!parseImageHeader(QByteArray("\xFF\xD8\xFF\xE0\x00", 5), 5).valid);
        QVERIFY(!parseImageHeader(QByteArray("P5\n# only a comment\n", 20), 20).valid);
    }

    void decoderRefusesHugeImagesBeforeAllocating()
    {
        const QString path = m_dir.filePath(QStringLiteral("huge.png"));
        writeFile(path, pngHeaderClaiming(50000, 50000));
        const DecodedImage decoded = decodeImage(path);
        QVERIFY(!decoded.ok());
        QVERIFY2(decoded.problem.contains(QStringLiteral("too large")), qPrintable(decoded.problem));
    }

    void decoderShrinksForThumbnails()
    {
        const QString path = m_dir.filePath(QStringLiteral("big.jpg"));
        writeImage(path, 800, 400, 3);
        DecodeOptions options;
        options.maxSide = 100;
        const DecodedImage decoded = decodeImage(path, options);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.pixels.cols, 100);
        QCOMPARE(decoded.pixels.rows, 50);
        QCOMPARE(decoded.originalWidth, 800);
    }

    void importsAFlatFolderWithoutLabels()
    {
        const QString folder = freshFolder();
        writeImage(folder + QStringLiteral("/a.png"), 8, 8, 1);
        writeImage(folder + QStringLiteral("/b.jpg"), 8, 6, 3);
        writeImage(folder + QStringLiteral("/deeper/c.png"), 8, 8, 1);
        writeFile(folder + QStringLiteral("/notes.txt"), "not an image");
        writeImage(folder + QStringLiteral("/.hidden/d.png"), 8, 8, 1);
        auto project = projectFor(folder);
        // deeper/ makes it look like a class folder: a flat-only import must say so.
        QVERIFY_THROWS_EXCEPTION(Error, runImport(*project));
        QFile::remove(folder + QStringLiteral("/deeper/c.png"));
        const ImportReport report = runImport(*project);
        QCOMPARE(report.added, qint64(2));
        QCOMPARE(report.unreadable, qint64(0));
        QCOMPARE(project->labelMode(), LabelMode::None);
        const ImageRecord b = imageAt(*project, QStringLiteral("b.jpg"));
        QCOMPARE(b.width, 8);
        QCOMPARE(b.height, 6);
        QCOMPARE(b.channels, 3);
        QCOMPARE(b.format, QStringLiteral("JPEG"));
        QVERIFY(!b.referenceClass.isValid());
    }

    void classFoldersNeedAnExplicitLabelMode()
    {
        const QString folder = freshFolder();
        writeImage(folder + QStringLiteral("/cat/1.png"), 8, 8, 3);
        writeImage(folder + QStringLiteral("/dog/2.png"), 8, 8, 3);
        auto project = projectFor(folder);
        try {
            runImport(*project);
            QFAIL("imported class folders without a label mode");
        } catch (const Error &error) {
            QVERIFY(error.message().contains(QStringLiteral("hidden")));
        }
        QVERIFY(ImageTable(project->db()).all().empty());
    }

    void hiddenLabelsStayHidden()
    {
        const QString folder = freshFolder();
        writeImage(folder + QStringLiteral("/cat/1.png"), 8, 8, 3);
        writeImage(folder + QStringLiteral("/dog/2.png"), 8, 8, 3);
        auto project = projectFor(folder);
        const ImportReport report = runImport(*project, LabelMode::Hidden);
        QCOMPARE(report.added, qint64(2));
        QCOMPARE(report.labelsImported, qint64(0));
        QVERIFY(LabelTable(project->db()).all().empty());
        QVERIFY(ClassTable(project->db()).all().empty());
        const auto names = ImageTable(project->db()).referenceClassNames();
        QCOMPARE(names.value(imageAt(*project, QStringLiteral("cat/1.png")).referenceClass), QStringLiteral("cat"));
        // The project's choice holds: importing the same folders as known labels is refused.
        QVERIFY_THROWS_EXCEPTION(Error, runImport(*project, LabelMode::Known));
    }

    void knownLabelsBecomeImportLabelsButNeverOverwriteHumans()
    {
        const QString folder = freshFolder();
        writeImage(folder + QStringLiteral("/cat/1.png"), 8, 8, 3, 1);
        writeImage(folder + QStringLiteral("/dog/2.png"), 8, 8, 3, 2);
        auto project = projectFor(folder);
        const ImportReport report = runImport(*project, LabelMode::Known);
        QCOMPARE(report.labelsImported, qint64(2));
        LabelTable labels(project->db());
        ClassTable classes(project->db());
        const ImageId one = imageAt(*project, QStringLiteral("cat/1.png")).id;
        QCOMPARE(labels.find(one)->source, LabelSource::Import);
        QCOMPARE(classes.find(labels.find(one)->classId)->name, QStringLiteral("cat"));

        // A human relabels an image; a rescan after its file changed must keep the human's label.
        labels.set(one, classes.findByName(QStringLiteral("dog"))->id, LabelSource::Override, 1);
        QTest::qWait(5);
        writeImage(folder + QStringLiteral("/cat/1.png"), 9, 9, 3, 3);
        const ImportReport again = runImport(*project);
        QCOMPARE(again.updated, qint64(1));
        QCOMPARE(labels.find(one)->source, LabelSource::Override);
        QCOMPARE(imageAt(*project, QStringLiteral("cat/1.png")).width, 9);
    }

    void splitFoldersAreKeptApart()
    {
        const QString folder = freshFolder();
        writeImage(folder + QStringLiteral("/train/cat/1.png"), 8, 8, 1);
        writeImage(folder + QStringLiteral("/train/dog/2.png"), 8, 8, 1);
        writeImage(folder + QStringLiteral("/test/cat/3.png"), 8, 8, 1);
        auto project = projectFor(folder);
        runImport(*project, LabelMode::Hidden);
        QCOMPARE(imageAt(*project, QStringLiteral("train/cat/1.png")).split, Split::Train);
        const ImageRecord test = imageAt(*project, QStringLiteral("test/cat/3.png"));
        QCOMPARE(test.split, Split::Test);
        QCOMPARE(ImageTable(project->db()).referenceClassNames().value(test.referenceClass), QStringLiteral("cat"));
        QCOMPARE(ImageTable(project->db()).referenceClassNames().size(), 2);
    }

    void realClassNamesComeFromTheNamesFile()
    {
        const QString folder = freshFolder();
        writeImage(folder + QStringLiteral("/T-shirt_top/1.png"), 8, 8, 1);
        writeClassNamesFile(folder, { { QStringLiteral("T-shirt_top"), QStringLiteral("T-shirt/top") } });
        auto project = projectFor(folder);
        runImport(*project, LabelMode::Known);
        QVERIFY(ClassTable(project->db()).findByName(QStringLiteral("T-shirt/top")));
    }

    void rescanFindsAddedRemovedChangedAndRestored()
    {
        const QString folder = freshFolder();
        writeImage(folder + QStringLiteral("/a.png"), 8, 8, 1);
        writeImage(folder + QStringLiteral("/b.png"), 8, 8, 1);
        auto project = projectFor(folder);
        runImport(*project);
        ClassTable classes(project->db());
        const ImageId b = imageAt(*project, QStringLiteral("b.png")).id;
        LabelTable(project->db()).set(b, classes.add(QStringLiteral("x")).id, LabelSource::Manual, 1);

        QVERIFY(QFile::rename(folder + QStringLiteral("/b.png"), m_dir.filePath(QStringLiteral("b-away.png"))));
        writeImage(folder + QStringLiteral("/c.png"), 8, 8, 1);
        ImportReport report = runImport(*project);
        QCOMPARE(report.added, qint64(1));
        QCOMPARE(report.missing, qint64(1));
        QCOMPARE(imageAt(*project, QStringLiteral("b.png")).status, ImageStatus::Missing);
        QVERIFY(LabelTable(project->db()).find(b)); // the label survives

        QVERIFY(QFile::rename(m_dir.filePath(QStringLiteral("b-away.png")), folder + QStringLiteral("/b.png")));
        report = runImport(*project);
        QCOMPARE(report.restored, qint64(1));
        QCOMPARE(report.added, qint64(0));
        QCOMPARE(imageAt(*project, QStringLiteral("b.png")).status, ImageStatus::Ok);

        report = runImport(*project); // nothing changed: nothing to do
        QCOMPARE(report.added + report.updated + report.missing + report.restored, qint64(0));
    }

    void badFilesAreRecordedAndTheImportGoesOn()
    {
        const QString folder = freshFolder();
        writeImage(folder + QStringLiteral("/good.png"), 8, 8, 1);
        writeFile(folder + QStringLiteral("/empty.png"), {});
        writeFile(folder + QStringLiteral("/noise.jpg"), QByteArray(500, '\x5a'));
        QByteArray truncated = testsupport::readFile(folder + QStringLiteral("/good.png")).left(20);
        writeFile(folder + QStringLiteral("/truncated.png"), truncated);
        writeFile(folder + QStringLiteral("/huge.png"), pngHeaderClaiming(50000, 50000));
        writeImage(folder + QStringLiteral("/liar.png.tmp.jpg"), 8, 8, 3);
        QVERIFY(QFile::rename(folder + QStringLiteral("/liar.png.tmp.jpg"), folder + QStringLiteral("/liar.png")));
        writeImage(folder + QStringLiteral("/ünïcödé 名前.png"), 8, 8, 1);

        auto project = projectFor(folder);
        const ImportReport report = runImport(*project);
        QCOMPARE(report.added, qint64(7));
        QCOMPARE(report.unreadable, qint64(4));
        QCOMPARE(report.warnings, qint64(1));
        QVERIFY(imageAt(*project, QStringLiteral("empty.png")).message.contains(QStringLiteral("empty")));
        QVERIFY(imageAt(*project, QStringLiteral("noise.jpg")).message.contains(QStringLiteral("not an image")));
        QVERIFY(imageAt(*project, QStringLiteral("truncated.png")).message.contains(QStringLiteral("truncated")));
        QVERIFY(imageAt(*project, QStringLiteral("huge.png")).message.contains(QStringLiteral("too large")));
        const ImageRecord liar = imageAt(*project, QStringLiteral("liar.png"));
        QCOMPARE(liar.status, ImageStatus::Ok);
        QCOMPARE(liar.format, QStringLiteral("JPEG"));
        QVERIFY(liar.message.contains(QStringLiteral("content is JPEG")));
        QCOMPARE(imageAt(*project, QStringLiteral("ünïcödé 名前.png")).status, ImageStatus::Ok);
    }

    void oddAndHostileImagesNeverStopTheImport()
    {
        const QString folder = freshFolder();
        const auto at = [&](const char *name) { return folder + QLatin1Char('/') + QString::fromUtf8(name); };
        QVERIFY(cv::imwrite(at("deep.png").toStdString(), cv::Mat(9, 7, CV_16UC3, cv::Scalar(65535, 30000, 0))));
        QVERIFY(oddimages::writePalettePng(at("palette.png"), 11, 5));
        QVERIFY(oddimages::writeJpeg(at("cmyk.jpg"), 12, 8, 4, false));
        QVERIFY(oddimages::writeJpeg(at("progressive.jpg"), 12, 8, 3, true));
        QVERIFY(cv::imwrite(at("tiny.png").toStdString(), cv::Mat(1, 1, CV_8UC1, cv::Scalar(5))));
        QVERIFY(cv::imwrite(at("wide.png").toStdString(), cv::Mat(1, 20000, CV_8UC1, cv::Scalar(5))));
        writeImage(at("upright.jpg"), 37, 21, 3);
        writeFile(at("rotated.jpg"), oddimages::withExifOrientation(testsupport::readFile(at("upright.jpg")), 6));
        // A file name that is not UTF-8 (bytes from an old Latin-1 system), written with raw bytes.
        const QByteArray latin1Name = QFile::encodeName(folder) + "/caf\xe9.png";
        QVERIFY(cv::imwrite(latin1Name.toStdString(), cv::Mat(4, 4, CV_8UC1, cv::Scalar(9))));
        // Links that loop, a dangling one, and a link back up to the root.
        QVERIFY(QFile::link(at("loop-b.png"), at("loop-a.png")));
        QVERIFY(QFile::link(at("loop-a.png"), at("loop-b.png")));
        QVERIFY(QFile::link(at("gone.png"), at("dangling.png")));
        QVERIFY(QFile::link(folder, at("up")));

        auto project = projectFor(folder);
        const ImportReport report = runImport(*project);
        for (const char *name :
            { "deep.png", "palette.png", "cmyk.jpg", "progressive.jpg", "tiny.png", "wide.png", "rotated.jpg" }) {
            const ImageRecord image = imageAt(*project, QString::fromUtf8(name));
            QVERIFY2(image.status == ImageStatus::Ok, name);
            const DecodedImage decoded = decodeImage(at(name));
            QVERIFY2(decoded.ok(), qPrintable(QString::fromUtf8(name) + QStringLiteral(": ") + decoded.problem));
            QCOMPARE(decoded.pixels.depth(), CV_8U);
            QCOMPARE(decoded.pixels.cols, image.width);
            QCOMPARE(decoded.pixels.rows, image.height);
        }
        QCOMPARE(imageAt(*project, QStringLiteral("deep.png")).bitDepth, 16);
        QCOMPARE(imageAt(*project, QStringLiteral("cmyk.jpg")).channels, 4);
        QCOMPARE(imageAt(*project, QStringLiteral("wide.png")).width, 20000);
        // EXIF orientation 6 turns the stored 37 x 21 into an upright 21 x 37, in the header and in the pixels.
        QCOMPARE(imageAt(*project, QStringLiteral("rotated.jpg")).width, 21);
        QCOMPARE(imageAt(*project, QStringLiteral("rotated.jpg")).height, 37);
        // A name the system cannot give back: recorded with the reason, never silently left out.
        const ImageRecord latin1 = imageAt(*project, QFile::decodeName(latin1Name).mid(folder.size() + 1));
        QCOMPARE(latin1.status, ImageStatus::Unreadable);
        QVERIFY2(latin1.message.contains(QStringLiteral("UTF-8")), qPrintable(latin1.message));
        // Links: the loop and the dangling one are recorded, never opened; the link to the root is
        // not followed (no endless walk, no duplicates).
        QVERIFY(imageAt(*project, QStringLiteral("loop-a.png")).message.contains(QStringLiteral("loop")));
        QCOMPARE(imageAt(*project, QStringLiteral("dangling.png")).status, ImageStatus::Unreadable);
        QCOMPARE(report.added, qint64(12)); // 9 images, the two links of the loop, the dangling one
        QCOMPARE(report.unreadable, qint64(4));
        QVERIFY(!ImageTable(project->db()).findByPath(QStringLiteral("up/tiny.png")));
    }

    void verifyFindsCorruptPixelData()
    {
        const QString folder = freshFolder();
        writeImage(folder + QStringLiteral("/ok.png"), 16, 16, 1);
        QByteArray broken = testsupport::readFile(folder + QStringLiteral("/ok.png"));
        broken.truncate(broken.size() / 2 + 10);
        writeFile(folder + QStringLiteral("/broken.png"), broken);
        auto project = projectFor(folder);
        JobContext job;
        ImportOptions options;
        options.verifyPixels = true;
        const ImportReport report = importFolder(*project, options, job);
        QCOMPARE(report.unreadable, qint64(1));
        QCOMPARE(imageAt(*project, QStringLiteral("broken.png")).status, ImageStatus::Unreadable);
    }

    void unreadableFilesAreRecorded()
    {
        if (geteuid() == 0)
            QSKIP("root reads every file: permissions cannot be tested");
        const QString folder = freshFolder();
        writeImage(folder + QStringLiteral("/locked.png"), 8, 8, 1);
        QFile::setPermissions(folder + QStringLiteral("/locked.png"), QFileDevice::Permissions());
        auto project = projectFor(folder);
        runImport(*project);
        QCOMPARE(imageAt(*project, QStringLiteral("locked.png")).status, ImageStatus::Unreadable);
    }

    void emptyAndMissingFoldersAreClearErrors()
    {
        const QString folder = freshFolder();
        writeFile(folder + QStringLiteral("/readme.txt"), "no images here");
        auto project = projectFor(folder);
        try {
            runImport(*project);
            QFAIL("imported a folder without images");
        } catch (const Error &error) {
            QVERIFY(error.message().contains(QStringLiteral("No images found")));
        }
        QVERIFY(QDir(folder).removeRecursively());
        try {
            runImport(*project);
            QFAIL("imported a folder that is gone");
        } catch (const Error &error) {
            QVERIFY(error.message().contains(QStringLiteral("no longer exists")));
        }
    }

    void cancelKeepsFinishedChunksConsistent()
    {
        const QString folder = freshFolder();
        for (int i = 0; i < 10; ++i)
            writeImage(folder + QStringLiteral("/%1.png").arg(i), 4, 4, 1, i);
        auto project = projectFor(folder);
        JobContext job;
        job.cancel();
        QVERIFY_THROWS_EXCEPTION(JobCancelled, importFolder(*project, {}, job));
        QVERIFY(ImageTable(project->db()).all().empty());
        QCOMPARE(runImport(*project).added, qint64(10));
    }
};

QTEST_APPLESS_MAIN(TestImporter)
#include "tst_importer.moc"

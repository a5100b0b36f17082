// MNIST-style IDX files: reading raw and gzip data, every bad header, and conversion to a folder.

#include "testsupport.h"

#include "common/error.h"
#include "dataset/classnames.h"
#include "dataset/idxconverter.h"
#include "dataset/idxfile.h"
#include "jobs/jobcontext.h"

#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

using namespace semiprune;

namespace {

QByteArray idx(int type, std::vector<quint32> dims, const QByteArray &data)
{
    QByteArray bytes;
    bytes.append('\0').append('\0').append(char(type)).append(char(dims.size()));
    for (quint32 dim : dims)
        for (int shift = 24; shift >= 0; shift -= 8)
            bytes.append(char((dim >> shift) & 0xff));
    return bytes + data;
}

QByteArray images(int count, int rows, int cols)
{
    QByteArray data;
    for (int i = 0; i < count * rows * cols; ++i)
        data.append(char(i * 37 % 256));
    return idx(0x08, { quint32(count), quint32(rows), quint32(cols) }, data);
}

QByteArray labels(const QByteArray &values)
{
    return idx(0x08, { quint32(values.size()) }, values);
}

QByteArray gzip(const QByteArray &raw)
{
    z_stream stream {};
    deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&stream, uLong(raw.size()))), '\0');
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(raw.constData()));
    stream.avail_in = uInt(raw.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(int(stream.total_out));
    deflateEnd(&stream);
    return out;
}

QString errorOf(const QByteArray &bytes)
{
    try {
        parseIdx(bytes, QStringLiteral("test.idx"));
    } catch (const Error &error) {
        return error.message();
    }
    return {};
}

} // namespace

class TestIdx final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        testsupport::writeFile(path, bytes);
        return path;
    }

private Q_SLOTS:
    void readsRawAndGzip()
    {
        const QByteArray raw = images(3, 4, 5);
        for (const QString &path :
            { write(QStringLiteral("raw.idx3"), raw), write(QStringLiteral("packed.idx3.gz"), gzip(raw)),
                write(QStringLiteral("packed-without-suffix"), gzip(raw)) }) {
            const IdxArray array = readIdxFile(path);
            QCOMPARE(array.dims, (std::vector<int> { 3, 4, 5 }));
            QCOMPARE(array.itemCount(), qint64(3));
            QCOMPARE(array.itemSize(), qint64(20));
            QCOMPARE(array.data, raw.mid(16));
        }
    }

    void rejectsEveryBadHeader_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("too short") << QByteArray("\0\0", 2) << "too short";
        QTest::newRow("wrong magic") << QByteArray("\x1f\x00\x08\x01\0\0\0\x01\x05", 9) << "wrong magic";
        QTest::newRow("float data") << idx(0x0D, { 1 }, QByteArray(4, '\0')) << "not supported";
        QTest::newRow("no dimensions") << idx(0x08, {}, {}) << "dimensions";
        QTest::newRow("five dimensions") << idx(0x08, { 1, 1, 1, 1, 1 }, "x") << "dimensions";
        QTest::newRow("zero dimension") << idx(0x08, { 0, 28, 28 }, {}) << "impossible size";
        QTest::newRow("header cut") << idx(0x08, { 2, 3, 3 }, {}).left(10) << "inside its header";
        QTest::newRow("truncated data") << images(2, 3, 3).left(16 + 10) << "truncated";
        QTest::newRow("extra bytes") << images(2, 3, 3) + "zz"
                                     << "unexpected bytes";
        QTest::newRow("absurd size") << idx(0x08, { 0x7fffffff, 0x7fffffff, 2 }, {}) << "more than";
    }

    void rejectsEveryBadHeader()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const QString message = errorOf(bytes);
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("test.idx")));
    }

    void rejectsCorruptGzip()
    {
        QByteArray packed = gzip(images(10, 8, 8));
        const QString truncated = write(QStringLiteral("cut.gz"), packed.left(packed.size() / 2));
        QVERIFY_THROWS_EXCEPTION(Error, readIdxFile(truncated));
        packed[12] = char(packed[12] ^ 0x55);
        packed[13] = char(packed[13] ^ 0x55);
        const QString corrupt = write(QStringLiteral("corrupt.gz"), packed);
        QVERIFY_THROWS_EXCEPTION(Error, readIdxFile(corrupt));
        QVERIFY_THROWS_EXCEPTION(Error, readIdxFile(m_dir.filePath(QStringLiteral("absent.gz"))));
    }

    void convertsToClassFoldersWithRealNames()
    {
        const QString trainImages = write(QStringLiteral("train-images"), gzip(images(6, 4, 4)));
        const QString trainLabels = write(QStringLiteral("train-labels"), labels(QByteArray("\0\1\2\0\1\2", 6)));
        const QString testImages = write(QStringLiteral("test-images"), images(2, 4, 4));
        const QString testLabels = write(QStringLiteral("test-labels"), labels(QByteArray("\2\0", 2)));
        const QString out = m_dir.filePath(QStringLiteral("converted"));
        JobContext job;
        const IdxConversionReport report = convertIdxToFolder(
            { IdxPart { trainImages, trainLabels, Split::Train }, IdxPart { testImages, testLabels, Split::Test } },
            out, { QStringLiteral("T-shirt/top"), QStringLiteral("Trouser"), QStringLiteral("..") }, job);
        QCOMPARE(report.imagesWritten, qint64(8));
        QCOMPARE(QDir(out + QStringLiteral("/train/T-shirt_top")).entryList(QDir::Files).size(), 2);
        QCOMPARE(QDir(out + QStringLiteral("/test/Trouser")).entryList(QDir::Files).size(), 0);
        QCOMPARE(QDir(out + QStringLiteral("/test/class_")).entryList(QDir::Files).size(), 1);
        QVERIFY(QFile::exists(out + QStringLiteral("/train/Trouser/train_1.png")));
        const auto names = readClassNamesFile(out);
        QCOMPARE(names.value(QStringLiteral("T-shirt_top")), QStringLiteral("T-shirt/top"));
        QCOMPARE(names.value(QStringLiteral("class_")), QStringLiteral(".."));
        const cv::Mat decoded
            = cv::imread((out + QStringLiteral("/train/Trouser/train_1.png")).toStdString(), cv::IMREAD_UNCHANGED);
        QCOMPARE(decoded.cols, 4);
        QCOMPARE(int(decoded.at<uchar>(0, 0)), 16 * 37 % 256);
        QVERIFY(
            QDir(m_dir.path()).entryList({ QStringLiteral("*.partial") }, QDir::AllEntries | QDir::Hidden).isEmpty());
    }

    void numbersClassesWhenNoNamesAreGiven()
    {
        const QString out = m_dir.filePath(QStringLiteral("numbered"));
        JobContext job;
        const IdxConversionReport report = convertIdxToFolder(
            { IdxPart { write(QStringLiteral("n-images"), images(3, 2, 2)),
                write(QStringLiteral("n-labels"), labels(QByteArray("\0\3\1", 3))), Split::Train } },
            out, {}, job);
        QCOMPARE(report.classNames,
            (QStringList { QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3") }));
        QVERIFY(QFile::exists(out + QStringLiteral("/3/train_1.png")));
    }

    void refusesMismatchesAndOccupiedTargets()
    {
        const QString imagesFile = write(QStringLiteral("m-images"), images(3, 2, 2));
        const QString labelsFile = write(QStringLiteral("m-labels"), labels(QByteArray("\0\1", 2)));
        JobContext job;
        QVERIFY_THROWS_EXCEPTION(Error,
            convertIdxToFolder({ IdxPart { imagesFile, labelsFile, Split::Train } },
                m_dir.filePath(QStringLiteral("m-out")), {}, job));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("m-out"))));
        const QString occupied = m_dir.filePath(QStringLiteral("occupied"));
        testsupport::writeFile(occupied + QStringLiteral("/keep.txt"), "mine");
        const QString goodLabels = write(QStringLiteral("g-labels"), labels(QByteArray("\0\1\0", 3)));
        QVERIFY_THROWS_EXCEPTION(
            Error, convertIdxToFolder({ IdxPart { imagesFile, goodLabels, Split::Train } }, occupied, {}, job));
        QCOMPARE(testsupport::readFile(occupied + QStringLiteral("/keep.txt")), QByteArray("mine"));
        QVERIFY_THROWS_EXCEPTION(Error,
            convertIdxToFolder({ IdxPart { imagesFile, goodLabels, Split::Train } },
                m_dir.filePath(QStringLiteral("few-names")), { QStringLiteral("only one") }, job));
    }

    void cancelledConversionLeavesNothing()
    {
        const QString out = m_dir.filePath(QStringLiteral("cancelled"));
        JobContext job;
        job.cancel();
        QVERIFY_THROWS_EXCEPTION(JobCancelled,
            convertIdxToFolder(
                { IdxPart { write(QStringLiteral("c-images"), images(50, 4, 4)), QString(), Split::Train } }, out, {},
                job));
        QVERIFY(!QFile::exists(out));
        QVERIFY(
            QDir(m_dir.path()).entryList({ QStringLiteral("*.partial") }, QDir::AllEntries | QDir::Hidden).isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestIdx)
#include "tst_idx.moc"

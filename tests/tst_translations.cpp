// The translation catalogs are complete: lupdate runs over the real sources into a copy of each
// translations/*.ts (exactly what `cmake --build build --target update_translations` writes),
// and every message must be translated, finished, and keep the source's placeholders. A tr()
// added without its translation turns this test red and names the entry.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>

namespace {

// %1..%99 and %n, with or without the L (locale) flag: "%L1" and "%1" are the same argument.
QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?(\\d{1,2}|n)"));
    QSet<QString> found;
    for (const auto &match : pattern.globalMatch(text))
        found.insert(QLatin1Char('%') + match.captured(1));
    return found;
}

QString describe(const QSet<QString> &set)
{
    QStringList list(set.begin(), set.end());
    list.sort();
    return list.isEmpty() ? QStringLiteral("none") : list.join(QLatin1Char(' '));
}

// What is wrong with a catalog, one line per message: "context | source: problem".
QStringList problemsIn(const QString &tsFile)
{
    QFile file(tsFile);
    if (!file.open(QIODevice::ReadOnly))
        return { QStringLiteral("cannot read %1").arg(tsFile) };
    QStringList problems;
    QXmlStreamReader xml(&file);
    QString context, source, translationType, numerus;
    QStringList forms; // the translation, or each numerus form
    bool inTranslation = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                source.clear();
                forms.clear();
                translationType.clear();
                numerus = xml.attributes().value(QLatin1String("numerus")).toString();
            } else if (name == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                translationType = xml.attributes().value(QLatin1String("type")).toString();
                if (numerus == QLatin1String("yes")) {
                    inTranslation = true;
                } else {
                    forms << xml.readElementText();
                }
            } else if (name == QLatin1String("numerusform") && inTranslation) {
                forms << xml.readElementText();
            }
        } else if (xml.isEndElement()) {
            if (xml.name() == QLatin1String("translation")) {
                inTranslation = false;
            } else if (xml.name() == QLatin1String("message")) {
                // Obsolete and vanished messages are no longer in the sources: not a problem.
                if (translationType == QLatin1String("obsolete") || translationType == QLatin1String("vanished"))
                    continue;
                const QString where = context + QStringLiteral(" | \"") + source + QLatin1Char('"');
                const bool empty = forms.isEmpty()
                    || std::any_of(forms.begin(), forms.end(), [](const QString &f) { return f.isEmpty(); });
                if (empty) {
                    problems << where + QStringLiteral(": not translated");
                    continue;
                }
                if (translationType == QLatin1String("unfinished")) {
                    problems << where + QStringLiteral(": unfinished");
                    continue;
                }
                const QSet<QString> expected = placeholders(source);
                for (const QString &form : std::as_const(forms)) {
                    const QSet<QString> got = placeholders(form);
                    // A numerus form may leave %n out ("ein Bild"); every other placeholder stays.
                    QSet<QString> needed = expected;
                    if (numerus == QLatin1String("yes") && !got.contains(QStringLiteral("%n")))
                        needed.remove(QStringLiteral("%n"));
                    if (got != needed) {
                        problems << where
                                + QStringLiteral(": placeholders differ (source %1, translation \"%2\" has %3)")
                                      .arg(describe(expected), form, describe(got));
                        break;
                    }
                }
            }
        }
    }
    if (xml.hasError())
        problems
            << QStringLiteral("%1: XML error at line %2: %3").arg(tsFile).arg(xml.lineNumber()).arg(xml.errorString());
    return problems;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

class TestTranslations final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The checker itself: each kind of problem is found, a good entry is not.
    void checkerFindsEachProblem()
    {
        QTemporaryDir dir;
        const QString ts = dir.filePath(QStringLiteral("x_de.ts"));
        writeFile(ts, R"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Ctx</name>
    <message><source>Good %1</source><translation>Gut %1</translation></message>
    <message><source>New %1</source><translation type="unfinished"></translation></message>
    <message><source>Draft</source><translation type="unfinished">Entwurf</translation></message>
    <message><source>Lost %1 of %2</source><translation>%1 verloren</translation></message>
    <message numerus="yes"><source>%n images</source><translation><numerusform>ein Bild</numerusform><numerusform>%n Bilder</numerusform></translation></message>
    <message numerus="yes"><source>%Ln in %1</source><translation><numerusform>%Ln in</numerusform><numerusform>%Ln in %1</numerusform></translation></message>
    <message><source>Gone</source><translation type="vanished">Weg</translation></message>
</context>
</TS>
)");
        const QStringList problems = problemsIn(ts);
        QCOMPARE(problems.size(), 4);
        QVERIFY(problems.at(0).contains(QStringLiteral("\"New %1\": not translated")));
        QVERIFY(problems.at(1).contains(QStringLiteral("\"Draft\": unfinished")));
        QVERIFY(problems.at(2).contains(QStringLiteral("\"Lost %1 of %2\": placeholders differ")));
        QVERIFY(problems.at(3).contains(QStringLiteral("\"%Ln in %1\": placeholders differ")));
    }

    void everyMessageIsTranslated_data()
    {
        QTest::addColumn<QString>("tsFile");
        for (const QString &ts : QStringLiteral(SEMIPRUNE_TS_FILES).split(QLatin1Char('|'), Qt::SkipEmptyParts))
            QTest::newRow(qPrintable(QFileInfo(ts).fileName())) << ts;
    }

    void everyMessageIsTranslated()
    {
        QFETCH(QString, tsFile);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // Same file name: lupdate takes the language from it.
        const QString copy = dir.filePath(QFileInfo(tsFile).fileName());
        QVERIFY(QFile::copy(tsFile, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

        QStringList arguments = QStringLiteral(SEMIPRUNE_LUPDATE_OPTIONS).split(QLatin1Char('|'), Qt::SkipEmptyParts);
        arguments << QLatin1Char('@') + QStringLiteral(SEMIPRUNE_LUPDATE_LIST) << QStringLiteral("-ts") << copy;
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(SEMIPRUNE_LUPDATE), arguments);
        QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
        const QString output = QString::fromLocal8Bit(lupdate.readAll());
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, qPrintable(output));

        QStringList problems;
        // These warnings mean lupdate filed a string under a context the program never looks in.
        for (const QString &line : output.split(QLatin1Char('\n'))) {
            if (line.contains(QLatin1String("lacks Q_OBJECT")) || line.contains(QLatin1String("Cannot invoke tr()"))
                || line.contains(QLatin1String("cannot be called without context")))
                problems << line.trimmed()
                        + QStringLiteral(
                            " (use QCoreApplication::translate(\"Context\", ...) outside QObject classes)");
        }
        problems << problemsIn(copy);
        if (!problems.isEmpty()) {
            const QString message = QStringLiteral(
                "%1 problem(s) in %2:\n  %3\n"
                "To fix: cmake --build build --target update_translations, then translate the entries above in %2 "
                "(Qt Linguist: linguist %2, or edit the XML: fill <translation> and remove type=\"unfinished\").")
                                        .arg(problems.size())
                                        .arg(tsFile, problems.join(QStringLiteral("\n  ")));
            QFAIL(qPrintable(message));
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"

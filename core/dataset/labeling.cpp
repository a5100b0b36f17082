#include "labeling.h"

#include "common/error.h"
#include "storage/classtable.h"
#include "storage/database.h"
#include "storage/imagetable.h"
#include "storage/labeltable.h"
#include "storage/statement.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

namespace semiprune {

namespace {

// Splits one CSV record starting at `pos`; advances `pos` past its line end. Quoted fields may hold
// commas, doubled quotes and line breaks.
QStringList nextRecord(const QString &text, qsizetype &pos, int &line, int &recordLine)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    bool fieldWasQuoted = false;
    recordLine = line;
    while (pos < text.size()) {
        const QChar c = text[pos++];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (pos < text.size() && text[pos] == QLatin1Char('"')) {
                    field += c;
                    ++pos;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            if (!field.trimmed().isEmpty() || fieldWasQuoted)
                throw Error(QCoreApplication::translate("Labeling", "Line %1: a quote inside an unquoted field.")
                                .arg(recordLine));
            field.clear();
            quoted = true;
            fieldWasQuoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << (fieldWasQuoted ? field : field.trimmed());
            field.clear();
            fieldWasQuoted = false;
        } else if (c == QLatin1Char('\n')) {
            ++line;
            break;
        } else if (c != QLatin1Char('\r')) {
            if (fieldWasQuoted && !c.isSpace())
                throw Error(
                    QCoreApplication::translate("Labeling", "Line %1: text after a closing quote.").arg(recordLine));
            field += c;
        }
    }
    if (quoted)
        throw Error(
            QCoreApplication::translate("Labeling", "Line %1: a quoted field is never closed.").arg(recordLine));
    fields << (fieldWasQuoted ? field : field.trimmed());
    return fields;
}

} // namespace

ImageId resolveImage(Database &db, const QString &spec)
{
    ImageTable images(db);
    if (const auto image = images.findByPath(spec))
        return image->id;
    if (spec.startsWith(QLatin1Char('#'))) {
        bool ok = false;
        const qint64 id = spec.mid(1).toLongLong(&ok);
        if (ok && images.find(ImageId(id)))
            return ImageId(id);
    }
    throw Error(QCoreApplication::translate(
        "Labeling", "No image \"%1\" in the project (give its path relative to the image folder, or #id).")
                    .arg(spec));
}

LabelSource sourceForNewLabel(Database &db, ImageId image)
{
    Statement seed = db.prepare("SELECT 1 FROM seed_items WHERE image_id = ?1");
    return seed.bind(1, image.value).step() ? LabelSource::Seed : LabelSource::Manual;
}

ClassId labelImage(Database &db, ImageId image, const QString &className, bool createClass)
{
    ClassTable classes(db);
    auto found = classes.findByName(className);
    if (!found) {
        if (!createClass)
            throw Error(QCoreApplication::translate(
                "Labeling", "There is no class \"%1\" (create it, or allow creating classes).")
                            .arg(className));
        found = classes.add(className);
    }
    LabelTable(db).set(image, found->id, sourceForNewLabel(db, image), currentTimeMs());
    return found->id;
}

std::vector<LabelCsvRow> parseLabelCsv(const QByteArray &csv)
{
    QString text = QString::fromUtf8(csv);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1); // a byte-order mark from spreadsheet programs
    std::vector<LabelCsvRow> rows;
    qsizetype pos = 0;
    int line = 1;
    while (pos < text.size()) {
        int recordLine = line;
        const QStringList fields = nextRecord(text, pos, line, recordLine);
        if (fields.size() == 1 && fields[0].isEmpty())
            continue;
        if (fields.size() != 2)
            throw Error(QCoreApplication::translate("Labeling", "Line %1: expected 2 fields (path,class), found %2.")
                            .arg(recordLine)
                            .arg(fields.size()));
        if (rows.empty() && fields[0].compare(QLatin1String("path"), Qt::CaseInsensitive) == 0
            && fields[1].compare(QLatin1String("class"), Qt::CaseInsensitive) == 0)
            continue;
        if (fields[0].isEmpty())
            throw Error(QCoreApplication::translate("Labeling", "Line %1: the path is empty.").arg(recordLine));
        rows.push_back(LabelCsvRow { recordLine, fields[0], fields[1] });
    }
    return rows;
}

LabelCsvReport applyLabelCsv(Database &db, const std::vector<LabelCsvRow> &rows, bool createClasses)
{
    Transaction transaction(db);
    ClassTable classes(db);
    LabelTable labels(db);
    ImageTable images(db);
    QHash<QString, ClassId> classIds;
    for (const ClassRecord &record : classes.all())
        classIds.insert(record.name.toLower(), record.id);

    QStringList problems;
    std::vector<std::pair<ImageId, QString>> resolved;
    for (const LabelCsvRow &row : rows) {
        const auto image = images.findByPath(row.path);
        if (!image)
            problems << QCoreApplication::translate("Labeling", "line %1: no image \"%2\"").arg(row.line).arg(row.path);
        else if (!row.className.isEmpty() && !createClasses && !classIds.contains(row.className.toLower()))
            problems
                << QCoreApplication::translate("Labeling", "line %1: no class \"%2\"").arg(row.line).arg(row.className);
        else
            resolved.emplace_back(image->id, row.className);
    }
    if (!problems.isEmpty()) {
        const QString shown = QStringList(problems.mid(0, 5)).join(QStringLiteral("; "));
        throw Error(QCoreApplication::translate("Labeling", "Nothing was changed: %1 rows have problems (%2%3).")
                        .arg(problems.size())
                        .arg(shown, problems.size() > 5 ? QStringLiteral("; ...") : QString()));
    }

    LabelCsvReport report;
    const qint64 now = currentTimeMs();
    for (const auto &[image, className] : resolved) {
        if (className.isEmpty()) {
            labels.clear(image);
            ++report.cleared;
            continue;
        }
        auto id = classIds.constFind(className.toLower());
        if (id == classIds.constEnd()) {
            id = classIds.insert(className.toLower(), classes.add(className).id);
            ++report.classesCreated;
        }
        labels.set(image, *id, sourceForNewLabel(db, image), now);
        ++report.labeled;
    }
    transaction.commit();
    return report;
}

} // namespace semiprune

#include "manifestwriter.h"

#include "common/error.h"
#include "exportplan.h"

#include <QCoreApplication>
#include <QFile>

namespace semiprune {

namespace {

QString number(double value)
{
    // Nine significant digits: scores read back as the same float a model would see.
    return QString::number(value, 'g', 9);
}

} // namespace

QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n'))
        && !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

void writeManifest(const QString &path, const ExportPlan &plan)
{
    QFile file(path);
    const auto fail = [&] {
        throw Error(
            QCoreApplication::translate("Export", "Cannot write the manifest %1: %2.").arg(path, file.errorString()));
    };
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        fail();
    QStringList header { QStringLiteral("path"), QStringLiteral("original_path"), QStringLiteral("class"),
        QStringLiteral("label_source"), QStringLiteral("pseudo_label"), QStringLiteral("confidence") };
    for (const char *kind : kExportScoreKinds)
        header << QLatin1String(kind);
    header << QStringLiteral("kept") << QStringLiteral("rank") << QStringLiteral("split");
    QByteArray chunk = header.join(QLatin1Char(',')).toUtf8() + "\r\n";

    QStringList row;
    for (const ExportEntry &entry : plan.entries) {
        if (entry.sourceMissing)
            continue;
        row.clear();
        row << csvField(entry.exportPath) << csvField(entry.originalPath)
            << csvField(plan.classes[size_t(entry.classIndex)].name) << entry.labelSource
            << (entry.pseudoClassIndex >= 0 ? csvField(plan.classes[size_t(entry.pseudoClassIndex)].name) : QString())
            << (entry.confidence >= 0 ? number(entry.confidence) : QString());
        for (const auto &score : entry.scores)
            row << (score ? number(*score) : QString());
        row << (entry.inSelection ? QStringLiteral("1") : QString())
            << (entry.rank >= 0 ? QString::number(entry.rank) : QString()) << exportSplitName(entry.split);
        chunk += row.join(QLatin1Char(',')).toUtf8() + "\r\n";
        // Written in large pieces: one write per row would cost a system call each for 100k rows.
        if (chunk.size() > (1 << 20)) {
            if (file.write(chunk) != chunk.size())
                fail();
            chunk.clear();
        }
    }
    if (file.write(chunk) != chunk.size() || !file.flush())
        fail();
    file.close();
    if (file.error() != QFileDevice::NoError)
        fail();
}

} // namespace semiprune

#include "classnames.h"

#include "common/error.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTextStream>

namespace semiprune {

QStringList fashionMnistClassNames()
{
    return { QStringLiteral("T-shirt/top"), QStringLiteral("Trouser"), QStringLiteral("Pullover"),
        QStringLiteral("Dress"), QStringLiteral("Coat"), QStringLiteral("Sandal"), QStringLiteral("Shirt"),
        QStringLiteral("Sneaker"), QStringLiteral("Bag"), QStringLiteral("Ankle boot") };
}

QStringList presetClassNames(const QString &preset)
{
    if (preset == QLatin1String("fashion-mnist"))
        return fashionMnistClassNames();
    if (preset == QLatin1String("mnist")) {
        QStringList digits;
        for (int i = 0; i < 10; ++i)
            digits << QString::number(i);
        return digits;
    }
    throw Error(
        QCoreApplication::translate("ClassNames", "Unknown preset \"%1\": use fashion-mnist or mnist.").arg(preset));
}

QStringList presetClassNamesForPath(const QString &path)
{
    if (path.contains(QLatin1String("fashion-mnist"), Qt::CaseInsensitive)
        || path.contains(QLatin1String("fashion_mnist"), Qt::CaseInsensitive))
        return fashionMnistClassNames();
    return {};
}

QString safeFolderName(const QString &className)
{
    QString name;
    for (const QChar c : className) {
        const bool unsafe = c.category() == QChar::Other_Control || c == QLatin1Char('/') || c == QLatin1Char('\\')
            || c == QLatin1Char(':') || c == QLatin1Char('*') || c == QLatin1Char('?') || c == QLatin1Char('"')
            || c == QLatin1Char('<') || c == QLatin1Char('>') || c == QLatin1Char('|');
        name += unsafe ? QLatin1Char('_') : c;
    }
    name = name.trimmed();
    while (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    // Names Windows reserves, so that an exported tree can be copied anywhere.
    static const QRegularExpression reserved(
        QStringLiteral("^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?$"), QRegularExpression::CaseInsensitiveOption);
    if (name.isEmpty() || name.startsWith(QLatin1Char('.')) || reserved.match(name).hasMatch())
        name.prepend(QLatin1String("class_"));
    return name.left(120);
}

QString classNamesFileName()
{
    return QStringLiteral("semiprune-classes.tsv");
}

QHash<QString, QString> readClassNamesFile(const QString &root)
{
    QHash<QString, QString> names;
    QFile file(root + QLatin1Char('/') + classNamesFileName());
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return names;
    QTextStream in(&file);
    while (!in.atEnd()) {
        const QString line = in.readLine();
        const qsizetype tab = line.indexOf(QLatin1Char('\t'));
        if (tab > 0 && tab + 1 < line.size())
            names.insert(line.left(tab), line.mid(tab + 1));
    }
    return names;
}

void writeClassNamesFile(const QString &root, const QHash<QString, QString> &folderToName)
{
    QSaveFile file(root + QLatin1Char('/') + classNamesFileName());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        throw Error(
            QCoreApplication::translate("ClassNames", "Cannot write %1: %2").arg(file.fileName(), file.errorString()));
    QTextStream out(&file);
    for (auto it = folderToName.constBegin(); it != folderToName.constEnd(); ++it)
        out << it.key() << '\t' << it.value() << '\n';
    out.flush();
    if (!file.commit())
        throw Error(
            QCoreApplication::translate("ClassNames", "Cannot write %1: %2").arg(file.fileName(), file.errorString()));
}

} // namespace semiprune

#include "benchmark/benchmarkjournal.h"

#include "common/error.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

#include <unistd.h>

namespace semiprune {

namespace {

const QString kKey = QStringLiteral("key");
const QString kValue = QStringLiteral("value");

} // namespace

BenchmarkJournal::BenchmarkJournal(QString path) : m_path(std::move(path))
{
    QFile file(m_path);
    if (!file.exists())
        return;
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QCoreApplication::translate("Benchmark", "%1 cannot be read: %2").arg(m_path, file.errorString()));
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        if (entry.contains(kKey) && entry.value(kValue).isObject()) // anything else: a line cut off by a kill
            m_entries.insert(entry.value(kKey).toString(), entry.value(kValue).toObject());
    }
}

std::optional<QJsonObject> BenchmarkJournal::find(const QString &key) const
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd())
        return std::nullopt;
    return *it;
}

QList<QJsonObject> BenchmarkJournal::entriesUnder(const QString &prefix) const
{
    QList<QJsonObject> entries;
    for (auto it = m_entries.constBegin(); it != m_entries.constEnd(); ++it) {
        if (it.key().startsWith(prefix))
            entries << it.value();
    }
    return entries;
}

void BenchmarkJournal::record(const QString &key, const QJsonObject &value)
{
    QFile file(m_path);
    // A line is written whole or, after a kill, cut off and ignored when read; a newline first
    // separates it from such a cut-off line.
    const QByteArray line
        = '\n' + QJsonDocument(QJsonObject { { kKey, key }, { kValue, value } }).toJson(QJsonDocument::Compact) + '\n';
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write(line) != line.size() || !file.flush()
        || ::fsync(file.handle()) != 0)
        throw Error(
            QCoreApplication::translate("Benchmark", "%1 cannot be written: %2").arg(m_path, file.errorString()));
    m_entries.insert(key, value);
}

} // namespace semiprune

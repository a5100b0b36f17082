#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace semiprune {

// The finished pieces of one benchmark (a trained coreset model's accuracies, the true-label AUM of
// a seed, ...), each under a key, appended to a file in the output folder as one JSON line and
// flushed to the disk before the benchmark goes on. A benchmark stopped at any moment (a closed
// laptop, a killed process, a cancel) resumes from it and repeats only the piece that was running:
// a full profile takes hours on a CPU.
//
// A line cut off by a kill (the last one) is ignored: that piece runs again.
//
// Thread rules: one thread.
class BenchmarkJournal final {
public:
    // Reads the entries already in `path` (none when it does not exist).
    // Throws Error when the file exists but cannot be read.
    explicit BenchmarkJournal(QString path);

    const QString &path() const { return m_path; }
    bool isEmpty() const { return m_entries.isEmpty(); }
    std::optional<QJsonObject> find(const QString &key) const;
    // The entries whose key starts with `prefix`, in no particular order.
    QList<QJsonObject> entriesUnder(const QString &prefix) const;
    // Appends and syncs; a later record of the same key replaces the earlier one.
    // Throws Error when the file cannot be written.
    void record(const QString &key, const QJsonObject &value);

private:
    QString m_path;
    QHash<QString, QJsonObject> m_entries;
};

} // namespace semiprune

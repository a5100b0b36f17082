#pragma once

#include "common/ids.h"
#include "similarity/featurematrix.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace semiprune {

class Database;

// What the learning runs leave in the project: pseudo-labels, training dynamics, scores, selections
// and trained models, each keyed by the run that made it. Small classes over the same connection;
// same thread rules as the Database. Bulk writers wrap their calls in one Transaction.

struct PredictionRecord {
    ImageId image;
    ClassId classId;
    float confidence = 0;
    std::vector<float> probabilities; // in the run's class order
};

class PredictionTable final {
public:
    explicit PredictionTable(Database &db) : m_db(db) { }
    void add(RunId run, const PredictionRecord &prediction);
    std::vector<PredictionRecord> forRun(RunId run, bool withProbabilities = false);
    std::optional<PredictionRecord> find(RunId run, ImageId image);

private:
    Database &m_db;
};

class DynamicsTable final {
public:
    explicit DynamicsTable(Database &db) : m_db(db) { }
    void addEpoch(RunId run, int epoch, const QByteArray &records);
    int epochCount(RunId run);
    void removeFrom(RunId run, int epoch); // epochs >= epoch: they are recomputed after a resume
    std::vector<QByteArray> epochs(RunId run);

private:
    Database &m_db;
};

class ScoreTable final {
public:
    explicit ScoreTable(Database &db) : m_db(db) { }
    void set(RunId run, const QString &kind, const std::vector<ImageId> &images, const std::vector<double> &values);
    QHash<ImageId, double> forRun(RunId run, const QString &kind);
    // The scores of one image in a run, by kind: one primary-key lookup per kind, cheap enough per
    // click (the key is run, kind, image: a query without the kind would scan the whole run).
    QHash<QString, double> forImage(RunId run, ImageId image, const QStringList &kinds);
    QStringList kinds(RunId run);

private:
    Database &m_db;
};

struct SelectionRecord {
    qint64 id = 0;
    RunId run;
    QString name;
    QString method;
    double keepRatio = 0;
    double beta = -1; // < 0: not used by the method
    QJsonObject parameters;
    qint64 createdAtMs = 0;
    qint64 kept = 0;
    qint64 total = 0;
};

struct SelectionItem {
    ImageId image;
    bool kept = false;
    QString reason;
    int rank = -1;
};

class SelectionTable final {
public:
    explicit SelectionTable(Database &db) : m_db(db) { }
    // Stores a selection under a unique name (replacing one of the same name).
    qint64 save(const SelectionRecord &selection, const std::vector<SelectionItem> &items);
    std::vector<SelectionRecord> all();
    std::optional<SelectionRecord> findByName(const QString &name);
    std::vector<SelectionItem> items(qint64 selectionId);
    std::optional<SelectionItem> item(qint64 selectionId, ImageId image);

private:
    Database &m_db;
};

// The image features of a training run (FeatureMatrix::toBytes), one row per image of the run.
class FeatureTable final {
public:
    explicit FeatureTable(Database &db) : m_db(db) { }
    void save(RunId run, const FeatureMatrix &features);
    bool has(RunId run);
    // Empty when the run stored none; Error when the stored bytes are damaged.
    FeatureMatrix load(RunId run);

private:
    Database &m_db;
};

class ModelTable final {
public:
    explicit ModelTable(Database &db) : m_db(db) { }
    void save(RunId run, const QByteArray &data);
    QByteArray load(RunId run); // empty when the run saved none

private:
    Database &m_db;
};

} // namespace semiprune

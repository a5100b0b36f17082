#include "resulttables.h"

#include "database.h"
#include "labeltable.h"
#include "statement.h"

#include <QJsonDocument>

#include <cstring>

namespace semiprune {

namespace {

QByteArray floatsToBlob(const std::vector<float> &values)
{
    return QByteArray(reinterpret_cast<const char *>(values.data()), qsizetype(values.size() * sizeof(float)));
}

std::vector<float> blobToFloats(const Statement &row, int column)
{
    std::vector<float> values(size_t(row.blobSize(column)) / sizeof(float));
    if (!values.empty())
        std::memcpy(values.data(), row.blobData(column), values.size() * sizeof(float));
    return values;
}

} // namespace

void PredictionTable::add(RunId run, const PredictionRecord &prediction)
{
    Statement insert = m_db.prepare("INSERT OR REPLACE INTO predictions(run_id, image_id, class_id, confidence, "
                                    "probabilities) VALUES(?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, run.value)
        .bind(2, prediction.image.value)
        .bind(3, prediction.classId.value)
        .bind(4, double(prediction.confidence))
        .bind(5, floatsToBlob(prediction.probabilities))
        .run();
}

std::vector<PredictionRecord> PredictionTable::forRun(RunId run, bool withProbabilities)
{
    Statement query = m_db.prepare(
        "SELECT image_id, class_id, confidence, probabilities FROM predictions WHERE run_id = ?1 ORDER BY image_id");
    query.bind(1, run.value);
    std::vector<PredictionRecord> predictions;
    while (query.step()) {
        PredictionRecord record { ImageId(query.int64(0)), ClassId(query.int64(1)), float(query.real(2)), {} };
        if (withProbabilities)
            record.probabilities = blobToFloats(query, 3);
        predictions.push_back(std::move(record));
    }
    return predictions;
}

std::optional<PredictionRecord> PredictionTable::find(RunId run, ImageId image)
{
    Statement query = m_db.prepare(
        "SELECT class_id, confidence, probabilities FROM predictions WHERE run_id = ?1 AND image_id = ?2");
    if (!query.bind(1, run.value).bind(2, image.value).step())
        return std::nullopt;
    return PredictionRecord { image, ClassId(query.int64(0)), float(query.real(1)), blobToFloats(query, 2) };
}

void DynamicsTable::addEpoch(RunId run, int epoch, const QByteArray &records)
{
    Statement insert
        = m_db.prepare("INSERT OR REPLACE INTO dynamics_epochs(run_id, epoch, records) VALUES(?1, ?2, ?3)");
    insert.bind(1, run.value).bind(2, epoch).bind(3, records).run();
}

int DynamicsTable::epochCount(RunId run)
{
    Statement query = m_db.prepare("SELECT count(*) FROM dynamics_epochs WHERE run_id = ?1");
    query.bind(1, run.value).step();
    return query.integer(0);
}

void DynamicsTable::removeFrom(RunId run, int epoch)
{
    Statement remove = m_db.prepare("DELETE FROM dynamics_epochs WHERE run_id = ?1 AND epoch >= ?2");
    remove.bind(1, run.value).bind(2, epoch).run();
}

std::vector<QByteArray> DynamicsTable::epochs(RunId run)
{
    Statement query = m_db.prepare("SELECT records FROM dynamics_epochs WHERE run_id = ?1 ORDER BY epoch");
    query.bind(1, run.value);
    std::vector<QByteArray> epochs;
    while (query.step())
        epochs.push_back(query.blob(0));
    return epochs;
}

void ScoreTable::set(
    RunId run, const QString &kind, const std::vector<ImageId> &images, const std::vector<double> &values)
{
    Statement insert
        = m_db.prepare("INSERT OR REPLACE INTO scores(run_id, kind, image_id, value) VALUES(?1, ?2, ?3, ?4)");
    for (size_t i = 0; i < images.size() && i < values.size(); ++i) {
        insert.reset();
        insert.bind(1, run.value).bind(2, kind).bind(3, images[i].value).bind(4, values[i]).run();
    }
}

QHash<ImageId, double> ScoreTable::forRun(RunId run, const QString &kind)
{
    Statement query = m_db.prepare("SELECT image_id, value FROM scores WHERE run_id = ?1 AND kind = ?2");
    query.bind(1, run.value).bind(2, kind);
    QHash<ImageId, double> values;
    while (query.step())
        values.insert(ImageId(query.int64(0)), query.real(1));
    return values;
}

QHash<QString, double> ScoreTable::forImage(RunId run, ImageId image, const QStringList &kinds)
{
    Statement query = m_db.prepare("SELECT value FROM scores WHERE run_id = ?1 AND kind = ?2 AND image_id = ?3");
    QHash<QString, double> values;
    for (const QString &kind : kinds) {
        query.reset();
        if (query.bind(1, run.value).bind(2, kind).bind(3, image.value).step())
            values.insert(kind, query.real(0));
    }
    return values;
}

QStringList ScoreTable::kinds(RunId run)
{
    Statement query = m_db.prepare("SELECT DISTINCT kind FROM scores WHERE run_id = ?1 ORDER BY kind");
    query.bind(1, run.value);
    QStringList kinds;
    while (query.step())
        kinds << query.text(0);
    return kinds;
}

qint64 SelectionTable::save(const SelectionRecord &selection, const std::vector<SelectionItem> &items)
{
    Statement remove = m_db.prepare("DELETE FROM selections WHERE name = ?1");
    remove.bind(1, selection.name).run();
    Statement insert = m_db.prepare("INSERT INTO selections(run_id, name, method, keep_ratio, beta, parameters, "
                                    "created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (selection.run.isValid())
        insert.bind(1, selection.run.value);
    else
        insert.bindNull(1);
    insert.bind(2, selection.name).bind(3, selection.method).bind(4, selection.keepRatio);
    if (selection.beta >= 0)
        insert.bind(5, selection.beta);
    else
        insert.bindNull(5);
    insert.bind(6, QString::fromUtf8(QJsonDocument(selection.parameters).toJson(QJsonDocument::Compact)))
        .bind(7, currentTimeMs())
        .run();
    const qint64 id = m_db.lastInsertRowId();
    Statement item = m_db.prepare(
        "INSERT INTO selection_items(selection_id, image_id, kept, reason, rank) VALUES(?1, ?2, ?3, ?4, ?5)");
    for (const SelectionItem &entry : items) {
        item.reset();
        item.bind(1, id).bind(2, entry.image.value).bind(3, entry.kept ? 1 : 0).bind(4, entry.reason);
        if (entry.rank >= 0)
            item.bind(5, entry.rank);
        else
            item.bindNull(5);
        item.run();
    }
    return id;
}

std::vector<SelectionRecord> SelectionTable::all()
{
    Statement query = m_db.prepare(
        "SELECT s.id, s.run_id, s.name, s.method, s.keep_ratio, coalesce(s.beta, -1), s.parameters, s.created_at, "
        "(SELECT count(*) FROM selection_items i WHERE i.selection_id = s.id AND i.kept = 1), "
        "(SELECT count(*) FROM selection_items i WHERE i.selection_id = s.id) FROM selections s ORDER BY s.id");
    std::vector<SelectionRecord> selections;
    while (query.step()) {
        selections.push_back(SelectionRecord { query.int64(0), RunId(query.int64(1)), query.text(2), query.text(3),
            query.real(4), query.real(5), QJsonDocument::fromJson(query.text(6).toUtf8()).object(), query.int64(7),
            query.int64(8), query.int64(9) });
    }
    return selections;
}

std::optional<SelectionRecord> SelectionTable::findByName(const QString &name)
{
    for (SelectionRecord &selection : all()) {
        if (selection.name == name)
            return selection;
    }
    return std::nullopt;
}

std::vector<SelectionItem> SelectionTable::items(qint64 selectionId)
{
    Statement query = m_db.prepare("SELECT image_id, kept, reason, coalesce(rank, -1) FROM selection_items WHERE "
                                   "selection_id = ?1 ORDER BY image_id");
    query.bind(1, selectionId);
    std::vector<SelectionItem> items;
    while (query.step())
        items.push_back(
            SelectionItem { ImageId(query.int64(0)), query.integer(1) != 0, query.text(2), query.integer(3) });
    return items;
}

std::optional<SelectionItem> SelectionTable::item(qint64 selectionId, ImageId image)
{
    Statement query = m_db.prepare(
        "SELECT kept, reason, coalesce(rank, -1) FROM selection_items WHERE selection_id = ?1 AND image_id = ?2");
    if (!query.bind(1, selectionId).bind(2, image.value).step())
        return std::nullopt;
    return SelectionItem { image, query.integer(0) != 0, query.text(1), query.integer(2) };
}

void ModelTable::save(RunId run, const QByteArray &data)
{
    Statement insert = m_db.prepare("INSERT OR REPLACE INTO models(run_id, data) VALUES(?1, ?2)");
    insert.bind(1, run.value).bind(2, data).run();
}

QByteArray ModelTable::load(RunId run)
{
    Statement query = m_db.prepare("SELECT data FROM models WHERE run_id = ?1");
    if (!query.bind(1, run.value).step())
        return {};
    return query.blob(0);
}

void FeatureTable::save(RunId run, const FeatureMatrix &features)
{
    Statement insert = m_db.prepare("INSERT OR REPLACE INTO run_features(run_id, data) VALUES(?1, ?2)");
    insert.bind(1, run.value).bind(2, features.toBytes()).run();
}

bool FeatureTable::has(RunId run)
{
    Statement query = m_db.prepare("SELECT 1 FROM run_features WHERE run_id = ?1");
    return query.bind(1, run.value).step();
}

FeatureMatrix FeatureTable::load(RunId run)
{
    Statement query = m_db.prepare("SELECT data FROM run_features WHERE run_id = ?1");
    if (!query.bind(1, run.value).step())
        return {};
    return FeatureMatrix::fromBytes(query.blob(0));
}

} // namespace semiprune

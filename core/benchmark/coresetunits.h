#pragma once

#include "jobs/trainingsettings.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace semiprune {

class BenchmarkJournal;
class CoresetTrainer;
class HeldOutTestSet;
class ImageBank;

// A coreset model trained and measured on the validation split: what the journal keeps of it.
struct TrainedUnit {
    double validation = 0; // accuracy on the validation split, final epoch
    int onlyClass = -1; // >= 0: the coreset held one class only and no network was trained
    int size = 0; // images trained on
    double seconds = 0;
    double imagesPerSecond = 0; // 0 when no network was trained

    QJsonObject toJson() const;
    static TrainedUnit fromJson(const QJsonObject &json);
};

// A trained unit's accuracies on the held-out test set; measured only for the unit the validation
// split chose (and the references).
struct TestedUnit {
    double test = 0; // final epoch
    double bestEpochTest = 0; // the best epoch's: optimistic, reported beside it, never chosen on
    double seconds = 0;

    QJsonObject toJson() const;
    static TestedUnit fromJson(const QJsonObject &json);
};

// The journal key of a unit of one seed: "seed<seed>/<what>", or "seed<seed>/prune<rate>/<what>".
QString unitKey(quint64 seed, const QString &what);
QString unitKey(quint64 seed, double pruningRate, const QString &what);

// Trains and measures the coreset models ("units") of one seed, each once: a unit in the journal,
// from this process or from one a stop cut short, is read back and not trained again. Every epoch's
// model of a unit stays in <output>/models/ until the unit is tested, so the best epoch can be
// measured then; removeModels() clears a finished rate's.
//
// Thread rules: one worker thread.
class CoresetUnits final {
public:
    struct Inputs {
        BenchmarkJournal &journal;
        QString outputFolder;
        CoresetTrainer &trainer;
        const ImageBank &validationBank;
        std::vector<int> validationLabels; // in the training classes' indices
        const HeldOutTestSet &testSet;
        std::vector<int> labelMap; // the data set's label -> the training classes' index
        int finalEpochs = 0;
        DeviceChoice device = DeviceChoice::Auto;
        quint64 seed = 0;
    };
    explicit CoresetUnits(Inputs inputs);

    // Whether the unit is trained already (in the journal): it will not be trained again.
    bool isTrained(const QString &key) const;
    // Trains on `kept` (bank indices) with their true labels and measures on the validation split.
    TrainedUnit train(const QString &key, const std::vector<int> &kept, double keepRatio);
    // The test accuracies of a unit train() made.
    TestedUnit test(const QString &key);
    // Deletes the kept epoch models of the units whose key starts with `prefix`.
    void removeModels(const QString &prefix);
    // Training and testing time of the units used so far, journaled ones included.
    double seconds() const { return m_seconds; }

private:
    QString modelFolder(const QString &key) const;

    Inputs m_in;
    double m_seconds = 0;
};

} // namespace semiprune

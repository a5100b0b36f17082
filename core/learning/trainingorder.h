#pragma once

#include "learning/fixmatchtrainer.h"
#include "learning/supervisedtrainer.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace semiprune {

class DistributedGroup;
class ImageBank;

// What rank 0 tells the other ranks before a data-parallel training (see followLeader): which
// trainer, its settings, its training images and labels, and the identity of the images it trains on
// (sizes and a digest of the decoded pixels), so a rank whose folder differs is caught before any
// step instead of silently training on other images.
struct TrainingOrder {
    enum class Kind { FixMatch, Supervised, Predict, Finished, Aborted };
    Kind kind = Kind::Finished;
    FixMatchConfig fixMatch;
    SupervisedConfig supervised;
    int classes = 0;
    std::vector<int> indices; // FixMatch: the labeled images; supervised: the training images
    std::vector<int> labels;
    QJsonObject bank;
    QString message; // Aborted: why rank 0 stopped
    DeviceChoice device = DeviceChoice::Auto; // Predict: where, and in which arithmetic
    Precision precision = Precision::Float32;

    QByteArray toBytes() const;
    static TrainingOrder fromBytes(const QByteArray &bytes); // throws Error on a malformed order
};

// Sizes and the SHA-1 of the decoded pixels: equal on two ranks exactly when they train on the same
// images in the same order.
QJsonObject bankIdentity(const ImageBank &bank);

// Every rank states whether its images are those of the order; when any differ, every rank throws
// the same Error naming them. A collective: every rank calls it once per order.
void agreeOnImages(DistributedGroup &group, bool same);

// A matrix of `total` rows of `columns` floats of which this rank computed rows [first, first +
// mine.size() / columns): every rank's rows, on every rank. A collective.
std::vector<float> gatherRows(
    DistributedGroup &group, const std::vector<float> &mine, int first, int columns, int total);
// Rank 0's bytes on every rank. A collective.
QByteArray broadcastBytesOf(DistributedGroup &group, const QByteArray &bytes);

} // namespace semiprune

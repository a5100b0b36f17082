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
    enum class Kind { FixMatch, Supervised, Finished, Aborted };
    Kind kind = Kind::Finished;
    FixMatchConfig fixMatch;
    SupervisedConfig supervised;
    int classes = 0;
    std::vector<int> indices; // FixMatch: the labeled images; supervised: the training images
    std::vector<int> labels;
    QJsonObject bank;
    QString message; // Aborted: why rank 0 stopped

    QByteArray toBytes() const;
    static TrainingOrder fromBytes(const QByteArray &bytes); // throws Error on a malformed order
};

// Sizes and the SHA-1 of the decoded pixels: equal on two ranks exactly when they train on the same
// images in the same order.
QJsonObject bankIdentity(const ImageBank &bank);

// Every rank states whether its images are those of the order; when any differ, every rank throws
// the same Error naming them. A collective: every rank calls it once per order.
void agreeOnImages(DistributedGroup &group, bool same);

} // namespace semiprune

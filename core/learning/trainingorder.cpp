#include "learning/trainingorder.h"

#include "common/error.h"
#include "distributed/distributedgroup.h"
#include "learning/imagebank.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace semiprune {

namespace {

QJsonArray toArray(const std::vector<int> &values)
{
    QJsonArray array;
    for (int value : values)
        array.append(value);
    return array;
}

std::vector<int> toInts(const QJsonValue &value)
{
    std::vector<int> values;
    for (const QJsonValue &item : value.toArray())
        values.push_back(item.toInt());
    return values;
}

// The settings every rank must train with; what is each process's own (threads, checkpoint path,
// evaluation) stays out.
QJsonObject toJson(const FixMatchConfig &c)
{
    QJsonArray target;
    for (double share : c.alignmentTarget)
        target.append(share);
    return { { QStringLiteral("batch"), c.batchSize }, { QStringLiteral("mu"), c.mu },
        { QStringLiteral("threshold"), c.threshold }, { QStringLiteral("threshold_mode"), int(c.thresholdMode) },
        { QStringLiteral("flexmatch_warmup"), c.flexMatchWarmup }, { QStringLiteral("align"), c.alignDistribution },
        { QStringLiteral("align_momentum"), c.alignmentMomentum }, { QStringLiteral("align_target"), target },
        { QStringLiteral("lambda_u"), c.lambdaU }, { QStringLiteral("lr"), c.learningRate },
        { QStringLiteral("momentum"), c.momentum }, { QStringLiteral("weight_decay"), c.weightDecay },
        { QStringLiteral("decay_norm_and_bias"), c.decayNormAndBias }, { QStringLiteral("steps"), c.steps },
        { QStringLiteral("ema_decay"), c.emaDecay }, { QStringLiteral("ema_warmup"), c.emaWarmup },
        { QStringLiteral("seed"), QString::number(c.seed) }, { QStringLiteral("device"), int(c.device) },
        { QStringLiteral("model"), int(c.model) }, { QStringLiteral("precision"), int(c.precision) },
        { QStringLiteral("allow_flip"), c.allowFlip }, { QStringLiteral("channels_last"), c.channelsLast } };
}

FixMatchConfig fixMatchFrom(const QJsonObject &o)
{
    FixMatchConfig c;
    c.batchSize = o[QStringLiteral("batch")].toInt();
    c.mu = o[QStringLiteral("mu")].toInt();
    c.threshold = o[QStringLiteral("threshold")].toDouble();
    c.thresholdMode = ThresholdMode(o[QStringLiteral("threshold_mode")].toInt());
    c.flexMatchWarmup = o[QStringLiteral("flexmatch_warmup")].toBool();
    c.alignDistribution = o[QStringLiteral("align")].toBool();
    c.alignmentMomentum = o[QStringLiteral("align_momentum")].toDouble();
    for (const QJsonValue &share : o[QStringLiteral("align_target")].toArray())
        c.alignmentTarget.push_back(share.toDouble());
    c.lambdaU = o[QStringLiteral("lambda_u")].toDouble();
    c.learningRate = o[QStringLiteral("lr")].toDouble();
    c.momentum = o[QStringLiteral("momentum")].toDouble();
    c.weightDecay = o[QStringLiteral("weight_decay")].toDouble();
    c.decayNormAndBias = o[QStringLiteral("decay_norm_and_bias")].toBool();
    c.steps = o[QStringLiteral("steps")].toInt();
    c.emaDecay = o[QStringLiteral("ema_decay")].toDouble();
    c.emaWarmup = o[QStringLiteral("ema_warmup")].toBool();
    c.seed = o[QStringLiteral("seed")].toString().toULongLong();
    c.device = DeviceChoice(o[QStringLiteral("device")].toInt());
    c.model = ModelKind(o[QStringLiteral("model")].toInt());
    c.precision = Precision(o[QStringLiteral("precision")].toInt());
    c.allowFlip = o[QStringLiteral("allow_flip")].toBool();
    c.channelsLast = o[QStringLiteral("channels_last")].toBool();
    c.evaluateEvery = 0;
    return c;
}

QJsonObject toJson(const SupervisedConfig &c)
{
    return { { QStringLiteral("epochs"), c.epochs }, { QStringLiteral("batch"), c.batchSize },
        { QStringLiteral("lr"), c.learningRate }, { QStringLiteral("min_lr"), c.minLearningRate },
        { QStringLiteral("momentum"), c.momentum }, { QStringLiteral("weight_decay"), c.weightDecay },
        { QStringLiteral("decay_norm_and_bias"), c.decayNormAndBias }, { QStringLiteral("augment"), c.augment },
        { QStringLiteral("allow_flip"), c.allowFlip }, { QStringLiteral("seed"), QString::number(c.seed) },
        { QStringLiteral("device"), int(c.device) }, { QStringLiteral("model"), int(c.model) },
        { QStringLiteral("precision"), int(c.precision) }, { QStringLiteral("channels_last"), c.channelsLast },
        { QStringLiteral("record_dynamics"), c.recordDynamics } };
}

SupervisedConfig supervisedFrom(const QJsonObject &o)
{
    SupervisedConfig c;
    c.epochs = o[QStringLiteral("epochs")].toInt();
    c.batchSize = o[QStringLiteral("batch")].toInt();
    c.learningRate = o[QStringLiteral("lr")].toDouble();
    c.minLearningRate = o[QStringLiteral("min_lr")].toDouble();
    c.momentum = o[QStringLiteral("momentum")].toDouble();
    c.weightDecay = o[QStringLiteral("weight_decay")].toDouble();
    c.decayNormAndBias = o[QStringLiteral("decay_norm_and_bias")].toBool();
    c.augment = o[QStringLiteral("augment")].toBool();
    c.allowFlip = o[QStringLiteral("allow_flip")].toBool();
    c.seed = o[QStringLiteral("seed")].toString().toULongLong();
    c.device = DeviceChoice(o[QStringLiteral("device")].toInt());
    c.model = ModelKind(o[QStringLiteral("model")].toInt());
    c.precision = Precision(o[QStringLiteral("precision")].toInt());
    c.channelsLast = o[QStringLiteral("channels_last")].toBool();
    c.recordDynamics = o[QStringLiteral("record_dynamics")].toBool();
    return c;
}

const char *kindName(TrainingOrder::Kind kind)
{
    switch (kind) {
    case TrainingOrder::Kind::FixMatch:
        return "fixmatch";
    case TrainingOrder::Kind::Supervised:
        return "supervised";
    case TrainingOrder::Kind::Predict:
        return "predict";
    case TrainingOrder::Kind::Finished:
        return "finished";
    case TrainingOrder::Kind::Aborted:
        return "aborted";
    }
    return "";
}

} // namespace

QByteArray TrainingOrder::toBytes() const
{
    QJsonObject o { { QStringLiteral("kind"), QLatin1String(kindName(kind)) } };
    if (kind == Kind::Aborted)
        o.insert(QStringLiteral("message"), message);
    if (kind == Kind::Predict) {
        o.insert(QStringLiteral("bank"), bank);
        o.insert(QStringLiteral("device"), int(device));
        o.insert(QStringLiteral("precision"), int(precision));
    }
    if (kind == Kind::FixMatch || kind == Kind::Supervised) {
        o.insert(QStringLiteral("config"), kind == Kind::FixMatch ? toJson(fixMatch) : toJson(supervised));
        o.insert(QStringLiteral("classes"), classes);
        o.insert(QStringLiteral("indices"), toArray(indices));
        o.insert(QStringLiteral("labels"), toArray(labels));
        o.insert(QStringLiteral("bank"), bank);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

TrainingOrder TrainingOrder::fromBytes(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(bytes, &error).object();
    TrainingOrder order;
    const QString kind = o[QStringLiteral("kind")].toString();
    bool known = false;
    for (Kind k : { Kind::FixMatch, Kind::Supervised, Kind::Predict, Kind::Finished, Kind::Aborted })
        if (kind == QLatin1String(kindName(k))) {
            order.kind = k;
            known = true;
        }
    if (error.error != QJsonParseError::NoError || !known)
        throw Error(QCoreApplication::translate("Distributed",
            "Rank 0 sent an order this rank does not understand: every rank must run the same SemiPrune."));
    order.message = o[QStringLiteral("message")].toString();
    const QJsonObject config = o[QStringLiteral("config")].toObject();
    if (order.kind == Kind::FixMatch)
        order.fixMatch = fixMatchFrom(config);
    if (order.kind == Kind::Supervised)
        order.supervised = supervisedFrom(config);
    order.classes = o[QStringLiteral("classes")].toInt();
    order.indices = toInts(o[QStringLiteral("indices")]);
    order.labels = toInts(o[QStringLiteral("labels")]);
    order.bank = o[QStringLiteral("bank")].toObject();
    order.device = DeviceChoice(o[QStringLiteral("device")].toInt());
    order.precision = Precision(o[QStringLiteral("precision")].toInt());
    return order;
}

QJsonObject bankIdentity(const ImageBank &bank)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(
        QByteArrayView(reinterpret_cast<const char *>(bank.data()), qsizetype(bank.imageBytes()) * bank.count()));
    return { { QStringLiteral("count"), bank.count() }, { QStringLiteral("width"), bank.width() },
        { QStringLiteral("height"), bank.height() }, { QStringLiteral("channels"), bank.channels() },
        { QStringLiteral("sha1"), QString::fromLatin1(hash.result().toHex()) } };
}

} // namespace semiprune

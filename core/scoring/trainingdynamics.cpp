#include "scoring/trainingdynamics.h"

#include "common/error.h"

#include <QFloat16>
#include <QtEndian>

#include <cmath>
#include <cstring>

namespace semiprune {

namespace {

constexpr char kMagic[4] = { 'S', 'P', 'T', 'D' };
constexpr std::uint32_t kFormatVersion = 1;
constexpr int kHeaderBytes = 12;
constexpr int kRecordBytes = 7;
// ||p - onehot(y)||_2 is at most sqrt(2); the slack admits float rounding, not garbage.
constexpr float kMaxEl2n = 1.5f;

static_assert(sizeof(qfloat16) == sizeof(std::uint16_t), "qfloat16 must be the bare IEEE half");

std::uint16_t toHalfBits(float value)
{
    const qfloat16 half(value);
    std::uint16_t bits;
    std::memcpy(&bits, &half, sizeof bits);
    return bits;
}

float fromHalfBits(std::uint16_t bits)
{
    qfloat16 half;
    std::memcpy(static_cast<void *>(&half), &bits, sizeof bits); // qfloat16 is trivially copyable
    return float(half);
}

bool isProbability(float value)
{
    return std::isfinite(value) && value >= 0.0f && value <= 1.0f;
}

} // namespace

TrainingDynamics::TrainingDynamics(int imageCount) : m_imageCount(imageCount)
{
    if (imageCount < 0)
        throw Error(QStringLiteral("Training dynamics need a non-negative image count, not %1.").arg(imageCount));
}

void TrainingDynamics::validate(const EpochRecord &record, int image) const
{
    const auto fail = [&](const QString &what) {
        throw Error(QStringLiteral("Epoch %1 of the training dynamics, image %2: %3. The proxy training "
                                   "probably diverged; train it again (e.g. with a lower learning rate).")
                        .arg(m_epochCount)
                        .arg(image)
                        .arg(what));
    };
    if (!isProbability(record.labelProb))
        fail(QStringLiteral("labelProb %1 is not a probability").arg(double(record.labelProb)));
    if (!isProbability(record.maxOtherProb))
        fail(QStringLiteral("maxOtherProb %1 is not a probability").arg(double(record.maxOtherProb)));
    if (!(std::isfinite(record.el2n) && record.el2n >= 0.0f && record.el2n <= kMaxEl2n))
        fail(QStringLiteral("el2n %1 is outside [0, sqrt(2)]").arg(double(record.el2n)));
    if (record.correct > 1)
        fail(QStringLiteral("correct is %1 instead of 0 or 1").arg(int(record.correct)));
}

void TrainingDynamics::appendEpoch(const std::vector<EpochRecord> &records)
{
    if (records.size() != std::size_t(m_imageCount))
        throw Error(QStringLiteral("Epoch %1 has records for %2 images, but the training dynamics hold %3 "
                                   "images; every epoch must cover every image once.")
                        .arg(m_epochCount)
                        .arg(qulonglong(records.size()))
                        .arg(m_imageCount));
    for (int image = 0; image < m_imageCount; ++image)
        validate(records[std::size_t(image)], image);

    m_records.reserve(m_records.size() + records.size());
    for (const EpochRecord &record : records)
        m_records.push_back({ toHalfBits(record.labelProb), toHalfBits(record.maxOtherProb), toHalfBits(record.el2n),
            record.correct, 0 });
    ++m_epochCount;
}

EpochRecord TrainingDynamics::record(int image, int epoch) const
{
    Q_ASSERT(image >= 0 && image < m_imageCount && epoch >= 0 && epoch < m_epochCount);
    const PackedRecord &packed = m_records[std::size_t(epoch) * std::size_t(m_imageCount) + std::size_t(image)];
    return { fromHalfBits(packed.labelProb), fromHalfBits(packed.maxOtherProb), fromHalfBits(packed.el2n),
        packed.correct };
}

QByteArray TrainingDynamics::serializeEpoch(int epoch) const
{
    if (epoch < 0 || epoch >= m_epochCount)
        throw Error(QStringLiteral("Cannot serialize epoch %1: the training dynamics hold %2 epochs.")
                        .arg(epoch)
                        .arg(m_epochCount));

    QByteArray blob(kHeaderBytes + qsizetype(kRecordBytes) * m_imageCount, Qt::Uninitialized);
    char *out = blob.data();
    std::memcpy(out, kMagic, sizeof kMagic);
    qToLittleEndian<std::uint32_t>(kFormatVersion, out + 4);
    qToLittleEndian<std::uint32_t>(std::uint32_t(m_imageCount), out + 8);
    out += kHeaderBytes;

    const PackedRecord *packed = m_records.data() + std::size_t(epoch) * std::size_t(m_imageCount);
    for (int image = 0; image < m_imageCount; ++image, out += kRecordBytes) {
        qToLittleEndian<std::uint16_t>(packed[image].labelProb, out);
        qToLittleEndian<std::uint16_t>(packed[image].maxOtherProb, out + 2);
        qToLittleEndian<std::uint16_t>(packed[image].el2n, out + 4);
        out[6] = char(packed[image].correct);
    }
    return blob;
}

void TrainingDynamics::appendSerializedEpoch(const QByteArray &blob)
{
    const auto corrupt = [&](const QString &why) {
        throw Error(QStringLiteral("The stored training dynamics of epoch %1 are unreadable: %2. Run the "
                                   "proxy training again to recreate them.")
                        .arg(m_epochCount)
                        .arg(why));
    };
    if (blob.size() < kHeaderBytes || std::memcmp(blob.constData(), kMagic, sizeof kMagic) != 0)
        corrupt(QStringLiteral("the blob is not an epoch record"));
    const char *in = blob.constData();
    const std::uint32_t version = qFromLittleEndian<std::uint32_t>(in + 4);
    if (version != kFormatVersion)
        corrupt(QStringLiteral("format version %1 is not the supported version %2").arg(version).arg(kFormatVersion));
    const std::uint32_t count = qFromLittleEndian<std::uint32_t>(in + 8);
    if (count != std::uint32_t(m_imageCount))
        corrupt(QStringLiteral("it covers %1 images, the project %2").arg(count).arg(m_imageCount));
    const qsizetype expectedSize = kHeaderBytes + qsizetype(kRecordBytes) * m_imageCount;
    if (blob.size() != expectedSize)
        corrupt(QStringLiteral("it is %1 bytes long instead of %2").arg(blob.size()).arg(expectedSize));

    std::vector<EpochRecord> records(static_cast<std::size_t>(m_imageCount));
    in += kHeaderBytes;
    for (EpochRecord &record : records) {
        record.labelProb = fromHalfBits(qFromLittleEndian<std::uint16_t>(in));
        record.maxOtherProb = fromHalfBits(qFromLittleEndian<std::uint16_t>(in + 2));
        record.el2n = fromHalfBits(qFromLittleEndian<std::uint16_t>(in + 4));
        record.correct = std::uint8_t(in[6]);
        in += kRecordBytes;
    }
    // Decoded float16 values re-encode to the same bits, so this stores the blob unchanged while
    // applying the same checks as a live epoch.
    appendEpoch(records);
}

} // namespace semiprune

#pragma once

#include "scoring/epochrecord.h"

#include <QByteArray>

#include <cstdint>
#include <vector>

namespace semiprune {

// The training dynamics of one proxy run: the EpochRecord of every image in every epoch, the input
// of all difficulty scores.
//
// Storage is compact because it grows with N x E (ImageNet at 200 epochs is 256 M records): each
// record is packed into 8 bytes, the three probabilities as IEEE float16 (round to nearest even,
// about 3 significant digits, far finer than any score needs). The values are rounded once, when
// an epoch is appended, so scores computed from a live run and from the same run reloaded from the
// project file are bit-identical. Records are epoch-major and contiguous, so one epoch is appended
// as one block and serialized as one blob for the project database.
//
// Epoch blob format, version 1, all integers little-endian:
//   bytes 0-3   "SPTD"
//   bytes 4-7   uint32 format version (1)
//   bytes 8-11  uint32 image count N
//   then N records of 7 bytes in image order: labelProb, maxOtherProb, el2n as float16, then
//   correct as one byte (0 or 1).
//
// Thread rules: const members may be called from several threads at once; appending needs
// exclusive access.
class TrainingDynamics final {
public:
    explicit TrainingDynamics(int imageCount);

    int imageCount() const { return m_imageCount; }
    int epochCount() const { return m_epochCount; }

    // Appends the next epoch: one record per image, in image order. Throws Error when the count
    // differs from imageCount() or a value is impossible (a diverged training yields NaN).
    void appendEpoch(const std::vector<EpochRecord> &records);

    // The record as stored, with its probabilities rounded to float16. Indices must be in range.
    EpochRecord record(int image, int epoch) const;

    QByteArray serializeEpoch(int epoch) const;
    // Appends an epoch from a blob written by serializeEpoch(); throws Error when the blob is
    // truncated, of another format, for another number of images, or holds impossible values.
    void appendSerializedEpoch(const QByteArray &blob);

private:
    struct PackedRecord {
        std::uint16_t labelProb;
        std::uint16_t maxOtherProb;
        std::uint16_t el2n;
        std::uint8_t correct;
        std::uint8_t padding;
    };
    static_assert(sizeof(PackedRecord) == 8, "records must stay packed: memory grows with N x E");

    void validate(const EpochRecord &record, int image) const;

    int m_imageCount;
    int m_epochCount = 0;
    std::vector<PackedRecord> m_records; // m_records[epoch * m_imageCount + image]
};

} // namespace semiprune

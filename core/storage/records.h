#pragma once

#include "common/ids.h"

#include <QString>

namespace semiprune {

enum class ImageStatus { Ok = 0, Unreadable = 1, Missing = 2 };
enum class Split { Train, Val, Test };
enum class LabelSource { Seed, Manual, Override, Import };

QString splitName(Split split);
Split splitFromName(const QString &name); // throws Error
QString labelSourceName(LabelSource source);
LabelSource labelSourceFromName(const QString &name); // throws Error
QString imageStatusName(ImageStatus status);

struct ImageRecord {
    ImageId id;
    QString path; // relative to the dataset root, '/' separated
    Split split = Split::Train;
    QString format;
    int width = 0;
    int height = 0;
    int channels = 0;
    int bitDepth = 0;
    qint64 fileSize = 0;
    qint64 mtimeMs = 0;
    ImageStatus status = ImageStatus::Ok;
    QString message; // why it is unreadable, or a warning
    ReferenceClassId referenceClass;
};

struct ClassRecord {
    ClassId id;
    QString name;
    QString color; // #rrggbb
    QString hotkey; // a single key, or empty
    int position = 0;
};

struct LabelRecord {
    ImageId image;
    ClassId classId;
    LabelSource source = LabelSource::Manual;
    qint64 labeledAtMs = 0;
};

} // namespace semiprune

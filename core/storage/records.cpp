#include "records.h"

#include "common/error.h"

#include <QCoreApplication>

namespace semiprune {

QString splitName(Split split)
{
    switch (split) {
    case Split::Train:
        return QStringLiteral("train");
    case Split::Val:
        return QStringLiteral("val");
    case Split::Test:
        return QStringLiteral("test");
    }
    return {};
}

Split splitFromName(const QString &name)
{
    for (Split split : { Split::Train, Split::Val, Split::Test }) {
        if (splitName(split) == name)
            return split;
    }
    throw Error(QCoreApplication::translate("Records", "Unknown split \"%1\": use train, val or test.").arg(name));
}

QString labelSourceName(LabelSource source)
{
    switch (source) {
    case LabelSource::Seed:
        return QStringLiteral("seed");
    case LabelSource::Manual:
        return QStringLiteral("manual");
    case LabelSource::Override:
        return QStringLiteral("override");
    case LabelSource::Import:
        return QStringLiteral("import");
    }
    return {};
}

LabelSource labelSourceFromName(const QString &name)
{
    for (LabelSource source : { LabelSource::Seed, LabelSource::Manual, LabelSource::Override, LabelSource::Import }) {
        if (labelSourceName(source) == name)
            return source;
    }
    throw Error(QCoreApplication::translate("Records", "Unknown label source \"%1\".").arg(name));
}

QString imageStatusName(ImageStatus status)
{
    switch (status) {
    case ImageStatus::Ok:
        return QStringLiteral("ok");
    case ImageStatus::Unreadable:
        return QStringLiteral("unreadable");
    case ImageStatus::Missing:
        return QStringLiteral("missing");
    }
    return {};
}

} // namespace semiprune

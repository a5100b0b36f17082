#include "exportoptions.h"

#include "common/error.h"

#include <QCoreApplication>

namespace semiprune {

QString exportScopeName(ExportScope scope)
{
    switch (scope) {
    case ExportScope::Selection:
        return QStringLiteral("selection");
    case ExportScope::AllLabeled:
        return QStringLiteral("all-labeled");
    case ExportScope::All:
        return QStringLiteral("all");
    }
    return {};
}

QString exportModeName(ExportMode mode)
{
    switch (mode) {
    case ExportMode::Copy:
        return QStringLiteral("copy");
    case ExportMode::HardLink:
        return QStringLiteral("hardlink");
    case ExportMode::SymLink:
        return QStringLiteral("symlink");
    }
    return {};
}

ExportMode exportModeFromName(const QString &name)
{
    for (ExportMode mode : { ExportMode::Copy, ExportMode::HardLink, ExportMode::SymLink }) {
        if (exportModeName(mode) == name)
            return mode;
    }
    throw Error(
        QCoreApplication::translate("Export", "Unknown export mode \"%1\": use copy, hardlink or symlink.").arg(name));
}

void ExportOptions::validate() const
{
    if (target.trimmed().isEmpty())
        throw Error(QCoreApplication::translate("Export", "No target folder given for the export."));
    // NaN fails both comparisons, so it is refused too.
    if (!(valFraction >= 0 && valFraction < 1))
        throw Error(
            QCoreApplication::translate("Export", "The validation fraction must be at least 0 and below 1, not %1.")
                .arg(valFraction));
}

} // namespace semiprune

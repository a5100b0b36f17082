#pragma once

#include <QString>

namespace semiprune {

struct ExportPlan;

// Writes manifest.csv (RFC 4180: comma separated, CRLF line ends, fields with a comma, quote or line
// break quoted, quotes doubled; UTF-8): one row per exported image, in export path order, with the
// columns
//   path, original_path, class, label_source, pseudo_label, confidence, aum, forgetting, el2n, dual,
//   kept, rank, split
// A value that does not apply (no pseudo-label, no score, no selection, no split) is an empty field.
// Entries whose source vanished during the export are left out. Throws Error when the file cannot be
// written (a full disk), naming it.
void writeManifest(const QString &path, const ExportPlan &plan);

// One CSV field, quoted as RFC 4180 asks when it must be.
QString csvField(const QString &value);

} // namespace semiprune

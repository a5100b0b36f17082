#pragma once

#include "storage/records.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace semiprune {

class Database;

// Finds an image by its path relative to the dataset root, or by its id written as "#123".
// Throws Error when there is no such image.
ImageId resolveImage(Database &db, const QString &spec);

// The source a human label given now gets: "seed" for an image of the seed, "manual" otherwise.
LabelSource sourceForNewLabel(Database &db, ImageId image);

// Labels one image with the class of that name (created first when createClass is set; an unknown
// class is an Error otherwise). Returns the class id.
ClassId labelImage(Database &db, ImageId image, const QString &className, bool createClass);

struct LabelCsvRow {
    int line = 0; // in the file, for messages
    QString path;
    QString className; // empty: clear the label
};

// Parses "path,class" lines (RFC 4180 quoting, an optional header line "path,class", blank lines
// ignored). Throws Error naming the line of the first malformed row.
std::vector<LabelCsvRow> parseLabelCsv(const QByteArray &csv);

struct LabelCsvReport {
    qint64 labeled = 0;
    qint64 cleared = 0;
    qint64 classesCreated = 0;
};

// Applies a label CSV all or nothing: every row is checked (image exists, class exists or may be
// created) before any label changes, and the first problems are reported with their line numbers.
LabelCsvReport applyLabelCsv(Database &db, const std::vector<LabelCsvRow> &rows, bool createClasses);

} // namespace semiprune

#pragma once

#include <QString>

class QFile;

namespace semiprune {

// What opening an image file found: the file as it was at the moment it was opened, or why it
// cannot be read.
struct ImageFileOpening {
    bool ok = false;
    bool vanished = false; // the file (or a folder above it) is gone
    QString problem; // why it cannot be read; empty when ok
    qint64 size = -1; // of the opened file, from the open handle
    qint64 mtimeMs = -1;
};

// Opens an image file for reading without ever blocking, whatever happened to it since its
// folder was listed: a pipe, socket or device put in its place is refused before any read (opening
// a pipe to read would wait for a writer forever), and so is a folder; a file that vanished and a
// link in a loop give their reason. On success `file` is open on exactly the file whose size and
// time are returned, so what is read and what is recorded about it cannot disagree.
// Thread-safe (a free function with no shared state).
ImageFileOpening openImageFile(const QString &path, QFile &file);

// The words for a file that is gone and for one that is no regular file, shared by everything that
// finds such a file (the folder scan, the importer, decoding), so that each is told the same way.
QString goneFileReason();
QString notARegularFileReason();

} // namespace semiprune

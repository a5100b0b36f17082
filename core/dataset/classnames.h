#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace semiprune {

// Class names of well-known IDX data sets, so they import with their real names.
QStringList fashionMnistClassNames();
// The preset names for a file whose path names a known data set (e.g. "fashion-mnist"); empty otherwise.
QStringList presetClassNamesForPath(const QString &path);
// A preset by name ("fashion-mnist", "mnist"); throws Error for an unknown one.
QStringList presetClassNames(const QString &preset);

// Turns a class name into a safe folder name: no separators, no "." or "..", no control characters,
// nothing a file system refuses. The real name is kept beside the folders (see ClassFolderNames).
QString safeFolderName(const QString &className);

// The file a converter or an export writes at the root of an ImageFolder tree when a folder name
// differs from its class name, so that importing the tree gives back the real names.
QString classNamesFileName();
QHash<QString, QString> readClassNamesFile(const QString &root); // folder -> class name
void writeClassNamesFile(const QString &root, const QHash<QString, QString> &folderToName);

} // namespace semiprune

#pragma once

// Loading the user's language, for both programs.
//
// Text outside a QObject class is translated with QCoreApplication::translate("Context", "text")
// (or QT_TRANSLATE_NOOP in tables), never through a file-local tr() helper: lupdate cannot tell
// such a helper's context and would file its strings where the program never looks them up.

#include <QLocale>

namespace semiprune {

// The language the user interface speaks: SEMIPRUNE_LANGUAGE (a locale name such as "de" or
// "de_DE") when set and not empty, otherwise the system's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
QLocale interfaceLocale();

// Installs SemiPrune's own translation for `locale` (compiled in as :/i18n/semiprune_<lang>.qm)
// and Qt's (qtbase_<lang>.qm from QLibraryInfo::TranslationsPath; Debian: qt6-translations-l10n),
// and makes `locale` the default QLocale. Call once, after the QCoreApplication exists and before
// any text is built. English, or a language without a translation, keeps the source text.
// Returns whether SemiPrune's own translation was found.
bool installTranslations(const QLocale &locale = interfaceLocale());

} // namespace semiprune

#include "translation.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace semiprune {

QLocale interfaceLocale()
{
    const QString chosen = qEnvironmentVariable("SEMIPRUNE_LANGUAGE").trimmed();
    if (!chosen.isEmpty())
        return QLocale(chosen);
    return QLocale::system();
}

bool installTranslations(const QLocale &locale)
{
    QLocale::setDefault(locale);
    auto *app = QCoreApplication::instance();
    // Owned by the application: a translator lives as long as the text it translates.
    auto *qt = new QTranslator(app);
    if (qt->load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *own = new QTranslator(app);
    if (own->load(locale, QStringLiteral("semiprune"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(own);
        return true;
    }
    delete own;
    return false;
}

} // namespace semiprune

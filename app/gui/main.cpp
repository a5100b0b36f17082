// semiprune-studio: the desktop application's composition root.

#include "common/appicon.h"
#include "mainwindow/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SemiPrune"));
    QApplication::setOrganizationDomain(QStringLiteral("semiprune.org"));
    QApplication::setApplicationName(QStringLiteral("semiprune-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("SemiPrune Studio"));
    QApplication::setApplicationVersion(QStringLiteral(SEMIPRUNE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.semiprune.Studio"));
    QApplication::setWindowIcon(semiprune::ui::applicationIcon());

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator appTranslator;
    if (appTranslator.load(QLocale(), QStringLiteral("semiprune"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&appTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Curate image datasets with almost no labels."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QApplication::translate("main", "Open the Fashion-MNIST demo project (made on first use)."));
    parser.addOption(demo);
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main", "A project file (.semiprune) to open."),
                                 QStringLiteral("[project]"));
    parser.process(app);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (parser.isSet(demo) && !positional.isEmpty())) {
        std::fputs(qPrintable(QApplication::translate("main", "Give one project file, or --demo.\n")), stderr);
        return 2;
    }

    semiprune::ui::MainWindow window;
    window.show();
    // After the event loop starts: the window is on screen while a project loads or the demo is made.
    if (parser.isSet(demo)) {
        QTimer::singleShot(0, &window, [&window] { window.openDemo(); });
    } else if (!positional.isEmpty()) {
        const QString file = positional.constFirst();
        QTimer::singleShot(0, &window, [&window, file] { window.openProject(file); });
    }
    return app.exec();
}

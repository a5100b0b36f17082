// semiprune-studio: the desktop application's composition root.

#include "common/appicon.h"
#include "common/translation.h"
#include "learning/engineruntime.h"
#include "mainwindow/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <cstdio>
#include <cstring>

namespace {

void describeOptions(QCommandLineParser &parser, QCommandLineOption &demo)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Curate image datasets with almost no labels."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(demo);
    parser.addPositionalArgument(QStringLiteral("project"),
        QCoreApplication::translate("main", "A project file (.semiprune) to open."), QStringLiteral("[project]"));
}

// --help and --version answer without a display (on a server, in a package check): a
// QApplication would first need a window system to connect to.
bool asksOnlyForInformation(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : { "-h", "--help", "--help-all", "-v", "--version" }) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (asksOnlyForInformation(argc, argv)) {
        QCoreApplication info(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("semiprune-studio"));
        QCoreApplication::setApplicationVersion(QStringLiteral(SEMIPRUNE_VERSION));
        semiprune::installTranslations();
        QCommandLineParser parser;
        QCommandLineOption demo(QStringLiteral("demo"),
            QCoreApplication::translate("main", "Open the Fashion-MNIST demo project (made on first use)."));
        describeOptions(parser, demo);
        parser.process(info); // prints and exits
        return 0;
    }

    // Before any other thread starts: the engine's heap settings only hold for threads made after.
    semiprune::EngineRuntime::prepare(0);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SemiPrune"));
    QApplication::setOrganizationDomain(QStringLiteral("semiprune.org"));
    QApplication::setApplicationName(QStringLiteral("semiprune-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("SemiPrune Studio"));
    QApplication::setApplicationVersion(QStringLiteral(SEMIPRUNE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.semiprune.Studio"));
    QApplication::setWindowIcon(semiprune::ui::applicationIcon());

    // Before any widget or text is made.
    semiprune::installTranslations();

    QCommandLineParser parser;
    QCommandLineOption demo(QStringLiteral("demo"),
        QApplication::translate("main", "Open the Fashion-MNIST demo project (made on first use)."));
    describeOptions(parser, demo);
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

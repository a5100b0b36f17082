// semiprune: the command-line face of SemiPrune Studio. It runs the same core code as the window,
// against the same project file, for scripts and for machines without a display.

#include "command.h"
#include "output.h"

#include "common/error.h"
#include "common/translation.h"
#include "distributed/launchenvironment.h"
#include "jobs/jobcontext.h"
#include "learning/engineruntime.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <algorithm>
#include <cstring>
#include <memory>

using namespace semiprune;
using namespace semiprune::cli;

namespace {

std::vector<Command> allCommands()
{
    std::vector<Command> commands;
    for (auto group : { projectCommands(), idxCommands(), labelCommands(), healthCommands(), learningCommands(),
             exportCommands(), benchmarkCommands(), distributedCommands() })
        commands.insert(commands.end(), group.begin(), group.end());
    return commands;
}

void printOverview(const std::vector<Command> &commands)
{
    printLine(QCoreApplication::translate("cli",
        "Usage: semiprune <command> [options]\n\n"
        "SemiPrune Studio on the command line: curate an image data set from a "
        "small labeled seed.\n\nCommands:"));
    for (const Command &command : commands)
        printLine(QStringLiteral("  %1%2").arg(command.name.leftJustified(14), command.summary));
    printLine(QCoreApplication::translate("cli", "\nRun 'semiprune <command> --help' for the options of a command."));
    printLine(QCoreApplication::translate("cli",
        "The language follows the system locale (LANGUAGE, LC_ALL, LANG); "
        "SEMIPRUNE_LANGUAGE=de or =en overrides it."));
}

} // namespace

int main(int argc, char *argv[])
{
    // Before any other thread starts: the engine's heap settings only hold for threads made after.
    semiprune::EngineRuntime::prepare(0);
    // The benchmark draws its plot with QPainter, whose text needs a QGuiApplication; the offscreen
    // platform gives one without a display. Every other command stays a plain core application.
    std::unique_ptr<QCoreApplication> app;
    if (argc > 1 && std::strcmp(argv[1], "benchmark") == 0) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("semiprune"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SEMIPRUNE_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("SemiPrune"));
    // Before any text is built: the command summaries and options are translated when made.
    semiprune::installTranslations();

    const std::vector<Command> commands = allCommands();
    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2 || arguments[1] == QLatin1String("--help") || arguments[1] == QLatin1String("-h")
        || arguments[1] == QLatin1String("help")) {
        printOverview(commands);
        return arguments.size() < 2 ? 2 : 0;
    }
    if (arguments[1] == QLatin1String("--version")) {
        printLine(QStringLiteral("semiprune " SEMIPRUNE_VERSION));
        return 0;
    }
    const auto command
        = std::find_if(commands.begin(), commands.end(), [&](const Command &c) { return c.name == arguments[1]; });
    if (command == commands.end()) {
        printError(QCoreApplication::translate("cli", "semiprune: unknown command \"%1\" (see 'semiprune --help')")
                       .arg(arguments[1]));
        return 2;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(command->summary);
    parser.addHelpOption();
    if (command->addOptions)
        command->addOptions(parser);
    arguments.removeAt(1);
    arguments[0] = QStringLiteral("semiprune ") + command->name;
    if (!parser.parse(arguments)) {
        printError(QCoreApplication::translate("cli", "semiprune %1: %2 (see 'semiprune %1 --help')")
                       .arg(command->name, parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt's usage line names the program's full path; ours names the command as it is typed.
        QString help = parser.helpText();
        help.replace(0, help.indexOf(QLatin1Char('\n')),
            QCoreApplication::translate("cli", "Usage: semiprune %1 [options] %2")
                .arg(command->name, command->arguments));
        printLine(help.trimmed());
        return 0;
    }
    try {
        if (const auto environment = LaunchEnvironment::fromProcess();
            environment && environment->worldSize > 1 && !command->distributed)
            throw Error(QCoreApplication::translate("cli",
                "%1 does not run as several ranks (WORLD_SIZE is %2): only pipeline, ssl, pseudo-label, dynamics and "
                "scores do. Run it without launch.")
                            .arg(command->name)
                            .arg(environment->worldSize));
        return command->run(parser);
    } catch (const UsageError &error) {
        printError(QCoreApplication::translate("cli", "semiprune %1: %2 (see 'semiprune %1 --help')")
                       .arg(command->name, error.message));
        return 2;
    } catch (const Error &error) {
        printError(QCoreApplication::translate("cli", "semiprune %1: error: %2").arg(command->name, error.message()));
        return 1;
    } catch (const JobCancelled &) {
        printError(QCoreApplication::translate("cli", "semiprune %1: cancelled; the work finished so far is kept.")
                       .arg(command->name));
        return 130;
    } catch (const std::exception &error) {
        printError(QCoreApplication::translate("cli", "semiprune %1: internal error: %2")
                       .arg(command->name, QString::fromLocal8Bit(error.what())));
        return 3;
    }
}

#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace semiprune::cli {

// One sub-command of the `semiprune` tool: its name, a one-line summary for the overview, the
// options it adds to its parser, and what it does with them. run() returns the exit code; errors a
// user can act on are thrown as semiprune::Error and printed as one line by the dispatcher.
struct Command {
    QString name;
    QString summary;
    QString arguments; // the positional arguments, as shown in the usage line
    std::function<void(QCommandLineParser &)> addOptions;
    std::function<int(QCommandLineParser &)> run;
    // Runs as one rank of a distributed run when the launch variables say so (WORLD_SIZE > 1);
    // every other command refuses them rather than run once per rank.
    bool distributed = false;
};

// Thrown for wrong usage (missing argument, bad option value): exit code 2 with the usage hint.
struct UsageError {
    QString message;
};

std::vector<Command> projectCommands();
std::vector<Command> labelCommands();
std::vector<Command> idxCommands();
std::vector<Command> learningCommands();
std::vector<Command> exportCommands();
std::vector<Command> benchmarkCommands();
std::vector<Command> healthCommands();
std::vector<Command> distributedCommands();

} // namespace semiprune::cli

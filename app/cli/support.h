#pragma once

#include "command.h"

#include "dataset/folderimporter.h"
#include "storage/projectsummary.h"

#include <QJsonObject>

#include <memory>

namespace semiprune {
class Project;
}

namespace semiprune::cli {

// Options shared by several commands.
QCommandLineOption jsonOption();
QCommandLineOption labelModeOption();

// The n-th positional argument, or a UsageError naming it.
QString positional(const QCommandLineParser &parser, int index, const QString &name);
void expectPositionals(const QCommandLineParser &parser, int count);
// The value of a numeric option, or `fallback` when it is not given; UsageError when it is no number.
int intOption(const QCommandLineParser &parser, const QString &name, int fallback);
double doubleOption(const QCommandLineParser &parser, const QString &name, double fallback);
// A random generator's seed: any non-negative 64-bit integer.
quint64 seedOption(const QCommandLineParser &parser, const QString &name, quint64 fallback);

std::unique_ptr<Project> openProject(const QString &path);

QJsonObject toJson(const ImportReport &report);
QJsonObject toJson(const ProjectSummary &summary);
void printImportReport(const ImportReport &report);
void printSummary(const ProjectSummary &summary);

} // namespace semiprune::cli

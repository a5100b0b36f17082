#pragma once

// Running the built semiprune program from a test, as a user would from a shell.

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QtGlobal>

namespace testsupport {

struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

// Runs `program` with `arguments` to its end; a program still running after `timeoutMs` stops the test.
inline CliResult runCli(const QString &program, const QStringList &arguments,
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(), int timeoutMs = 60000)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs))
        qFatal("the CLI did not finish");
    return CliResult { process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError() };
}

} // namespace testsupport

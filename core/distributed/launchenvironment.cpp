#include "distributed/launchenvironment.h"

#include "common/error.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileDevice>

namespace semiprune {

namespace {

int integerVariable(const QProcessEnvironment &environment, const QString &name, int fallback)
{
    if (!environment.contains(name))
        return fallback;
    bool ok = false;
    const int value = environment.value(name).trimmed().toInt(&ok);
    if (!ok)
        throw Error(QCoreApplication::translate("Distributed", "%1 must be a whole number, not \"%2\".")
                        .arg(name, environment.value(name)));
    return value;
}

QByteArray tokenFrom(const QProcessEnvironment &environment)
{
    if (environment.contains(QStringLiteral("SEMIPRUNE_TOKEN")))
        return environment.value(QStringLiteral("SEMIPRUNE_TOKEN")).toUtf8();
    if (!environment.contains(QStringLiteral("SEMIPRUNE_TOKEN_FILE")))
        return {};
    const QString path = environment.value(QStringLiteral("SEMIPRUNE_TOKEN_FILE"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QCoreApplication::translate("Distributed", "The token file %1 cannot be read: %2.")
                        .arg(path, file.errorString()));
    // A secret others can read is no secret: refuse it, as ssh does with a private key.
    const auto shared = QFileDevice::ReadGroup | QFileDevice::ReadOther;
    if (file.permissions() & shared)
        throw Error(QCoreApplication::translate(
            "Distributed", "The token file %1 is readable by other users: make it private (chmod 600).")
                        .arg(path));
    return file.readAll().trimmed();
}

} // namespace

std::optional<LaunchEnvironment> LaunchEnvironment::from(const QProcessEnvironment &environment)
{
    if (!environment.contains(QStringLiteral("WORLD_SIZE")))
        return std::nullopt;
    LaunchEnvironment e;
    e.worldSize = integerVariable(environment, QStringLiteral("WORLD_SIZE"), 1);
    if (e.worldSize < 1)
        throw Error(
            QCoreApplication::translate("Distributed", "WORLD_SIZE must be at least 1 (got %1).").arg(e.worldSize));
    e.rank = integerVariable(environment, QStringLiteral("RANK"), 0);
    if (e.rank < 0 || e.rank >= e.worldSize)
        throw Error(QCoreApplication::translate("Distributed", "RANK must be in 0..%1 for WORLD_SIZE %2 (got %3).")
                        .arg(e.worldSize - 1)
                        .arg(e.worldSize)
                        .arg(e.rank));
    e.localRank = integerVariable(environment, QStringLiteral("LOCAL_RANK"), e.rank);
    e.masterAddress = environment.value(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
    e.masterPort = integerVariable(environment, QStringLiteral("MASTER_PORT"), 29500);
    e.storeFile = environment.value(QStringLiteral("SEMIPRUNE_STORE_FILE"));
    e.socketInterface = environment.value(QStringLiteral("GLOO_SOCKET_IFNAME"));
    e.timeoutSeconds = integerVariable(environment, QStringLiteral("SEMIPRUNE_DIST_TIMEOUT"), e.timeoutSeconds);
    if (e.timeoutSeconds < 1)
        throw Error(QCoreApplication::translate("Distributed", "SEMIPRUNE_DIST_TIMEOUT must be at least 1 second."));
    if (e.worldSize > 1 && e.storeFile.isEmpty() && (e.masterPort < 1 || e.masterPort > 65535))
        throw Error(QCoreApplication::translate("Distributed", "MASTER_PORT must be a port number, 1-65535 (got %1).")
                        .arg(e.masterPort));
    e.token = tokenFrom(environment);
    if (e.worldSize > 1 && e.token.isEmpty())
        throw Error(QCoreApplication::translate("Distributed",
            "A distributed run needs the job's token in SEMIPRUNE_TOKEN or SEMIPRUNE_TOKEN_FILE, the same on every "
            "rank (`semiprune launch` makes one)."));
    return e;
}

std::optional<LaunchEnvironment> LaunchEnvironment::fromProcess()
{
    return from(QProcessEnvironment::systemEnvironment());
}

bool LaunchEnvironment::isLocal() const
{
    return !storeFile.isEmpty() || masterAddress == QLatin1String("127.0.0.1")
        || masterAddress == QLatin1String("localhost") || masterAddress == QLatin1String("::1");
}

} // namespace semiprune

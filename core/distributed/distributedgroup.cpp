// Rendezvous and collectives on c10d (LibTorch's distributed engine): a TCPStore or FileStore and a
// ProcessGroupGloo. The Gloo headers come from Debian's libgloo-dev; USE_C10D_GLOO is defined for
// this file only (core/CMakeLists.txt), the one place that names Gloo.

#include "distributed/distributedgroup_p.h"

#include "common/error.h"

#include <torch/csrc/distributed/c10d/FileStore.hpp>
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#include <torch/version.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QStringList>

#include <thread>

namespace semiprune {

struct DistributedGroup::Impl {
    int rank = 0;
    int size = 1;
    std::chrono::milliseconds timeout { 600000 };
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> gloo;
    std::int64_t ordersPosted = 0;
    std::int64_t ordersRead = 0;
};

namespace {

std::vector<std::uint8_t> bytesOf(const QByteArray &bytes)
{
    return std::vector<std::uint8_t>(bytes.begin(), bytes.end());
}

QByteArray fromBytes(const std::vector<std::uint8_t> &bytes)
{
    return QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
}

// The first line of a c10d/Gloo message, without the source location it starts with.
QString reason(const std::exception &e)
{
    QString text = QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0).trimmed();
    if (text.startsWith(QLatin1Char('[')) && text.contains(QLatin1String("] ")))
        text = text.section(QLatin1String("] "), 1);
    return text;
}

QByteArray proof(const QByteArray &token, const QByteArray &nonce, int rank)
{
    return QMessageAuthenticationCode::hash(nonce + ':' + QByteArray::number(rank), token, QCryptographicHash::Sha256)
        .toHex();
}

c10::intrusive_ptr<c10d::Store> openStore(const LaunchEnvironment &e, std::chrono::milliseconds timeout)
{
    if (!e.storeFile.isEmpty()) {
        auto store = c10::make_intrusive<c10d::FileStore>(e.storeFile.toStdString(), e.worldSize);
        store->setTimeout(timeout);
        return store;
    }
    c10d::TCPStoreOptions options;
    options.port = std::uint16_t(e.masterPort);
    options.isServer = e.rank == 0;
    options.numWorkers = std::size_t(e.worldSize);
    options.waitWorkers = false; // our own rendezvous below names the ranks that never came
    options.timeout = timeout;
    try {
        return c10::make_intrusive<c10d::TCPStore>(e.masterAddress.toStdString(), options);
    } catch (const std::exception &error) {
        const QString why = reason(error);
        if (e.rank == 0 && why.contains(QLatin1String("in use"), Qt::CaseInsensitive))
            throw Error(QCoreApplication::translate(
                "Distributed", "Port %1 is in use on this host: choose another MASTER_PORT.")
                            .arg(e.masterPort));
        if (e.rank == 0)
            throw Error(QCoreApplication::translate("Distributed", "Rank 0 could not listen on port %1: %2.")
                            .arg(e.masterPort)
                            .arg(why));
        throw Error(
            QCoreApplication::translate("Distributed", "Rank %1 could not reach the master at %2:%3 within %4 s (%5).")
                .arg(e.rank)
                .arg(e.masterAddress)
                .arg(e.masterPort)
                .arg(timeout.count() / 1000)
                .arg(why));
    }
}

std::shared_ptr<gloo::transport::Device> glooDevice(const LaunchEnvironment &e)
{
    // Local runs talk over loopback only; nothing is reachable from another host.
    if (e.isLocal())
        return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
    if (!e.socketInterface.isEmpty())
        return c10d::ProcessGroupGloo::createDeviceForInterface(e.socketInterface.toStdString());
    return c10d::ProcessGroupGloo::createDefaultDevice();
}

// Rank 0's side of the rendezvous: waits for every rank's hello and judges it. Returns the verdict
// ("ok" or the one-line reason every rank will report).
QString judgeArrivals(c10d::Store &store, const LaunchEnvironment &e, const QByteArray &nonce, const QString &agreement,
    std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::vector<std::string> keys;
    for (int r = 1; r < e.worldSize; ++r)
        keys.push_back("semiprune/hello/" + std::to_string(r));
    while (!store.check(keys)) {
        if (std::chrono::steady_clock::now() >= deadline) {
            QStringList missing;
            for (int r = 1; r < e.worldSize; ++r)
                if (!store.check({ keys[std::size_t(r - 1)] }))
                    missing << QString::number(r);
            return QCoreApplication::translate("Distributed", "Rank(s) %1 of %2 never arrived within %3 s.")
                .arg(missing.join(QStringLiteral(", ")))
                .arg(e.worldSize)
                .arg(timeout.count() / 1000);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    for (int r = 1; r < e.worldSize; ++r) {
        const QJsonObject hello = QJsonDocument::fromJson(fromBytes(store.get(keys[std::size_t(r - 1)]))).object();
        if (hello.value(QStringLiteral("proof")).toString().toLatin1() != proof(e.token, nonce, r))
            return QCoreApplication::translate(
                "Distributed", "Rank %1 presented a wrong token: every rank needs the job's token.")
                .arg(r);
        const QString theirs = hello.value(QStringLiteral("agreement")).toString();
        if (theirs != agreement)
            return QCoreApplication::translate(
                "Distributed", "Rank %1 runs something else than rank 0: \"%2\" against \"%3\".")
                .arg(r)
                .arg(theirs, agreement);
    }
    return QStringLiteral("ok");
}

} // namespace

std::shared_ptr<DistributedGroup> DistributedGroup::join(const LaunchEnvironment &e, const QString &callerAgreement)
{
    auto impl = std::make_unique<Impl>();
    impl->rank = e.rank;
    impl->size = e.worldSize;
    impl->timeout = std::chrono::milliseconds(qint64(e.timeoutSeconds) * 1000);
    const QString agreement
        = QStringLiteral("SemiPrune %1, LibTorch %2, %3")
              .arg(QStringLiteral(SEMIPRUNE_VERSION), QStringLiteral(TORCH_VERSION), callerAgreement);
    impl->store = openStore(e, impl->timeout);
    c10d::Store &store = *impl->store;
    try {
        if (store.add("semiprune/arrived/" + std::to_string(e.rank), 1) > 1)
            throw Error(
                QCoreApplication::translate("Distributed", "Another process has already joined this run as rank %1.")
                    .arg(e.rank));
        QString verdict;
        if (e.rank == 0) {
            QByteArray nonce(16, Qt::Uninitialized);
            QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(nonce.data()), 4);
            nonce = nonce.toHex();
            store.set("semiprune/nonce", bytesOf(nonce));
            verdict = judgeArrivals(store, e, nonce, agreement, impl->timeout);
            store.set("semiprune/verdict", bytesOf(verdict.toUtf8()));
        } else {
            const QByteArray nonce = fromBytes(store.get("semiprune/nonce"));
            const QJsonObject hello { { QStringLiteral("proof"), QString::fromLatin1(proof(e.token, nonce, e.rank)) },
                { QStringLiteral("agreement"), agreement } };
            store.set("semiprune/hello/" + std::to_string(e.rank), bytesOf(QJsonDocument(hello).toJson()));
            // Rank 0 judges within the timeout; a little more for it to say so.
            store.setTimeout(impl->timeout + std::chrono::seconds(30));
            verdict = QString::fromUtf8(fromBytes(store.get("semiprune/verdict")));
            store.setTimeout(impl->timeout);
        }
        if (verdict != QLatin1String("ok"))
            throw Error(verdict);

        auto options = c10d::ProcessGroupGloo::Options::create(impl->timeout);
        options->devices.push_back(glooDevice(e));
        impl->gloo = c10::make_intrusive<c10d::ProcessGroupGloo>(
            c10::make_intrusive<c10d::PrefixStore>("gloo", impl->store), e.rank, e.worldSize, options);
    } catch (const Error &) {
        throw;
    } catch (const std::exception &error) {
        throw Error(QCoreApplication::translate("Distributed", "Rank %1 could not join the run: %2.")
                        .arg(e.rank)
                        .arg(reason(error)));
    }
    return std::shared_ptr<DistributedGroup>(new DistributedGroup(std::move(impl)));
}

DistributedGroup::DistributedGroup(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) { }
DistributedGroup::~DistributedGroup() = default;

int DistributedGroup::rank() const
{
    return m_impl->rank;
}
int DistributedGroup::size() const
{
    return m_impl->size;
}
std::chrono::milliseconds DistributedGroup::timeout() const
{
    return m_impl->timeout;
}

void DistributedGroup::postOrder(const QByteArray &order)
{
    try {
        m_impl->store->set("semiprune/order/" + std::to_string(m_impl->ordersPosted++), bytesOf(order));
    } catch (const std::exception &error) {
        throw Error(QCoreApplication::translate("Distributed", "The other ranks cannot be reached any more: %1.")
                        .arg(reason(error)));
    }
}

QByteArray DistributedGroup::nextOrder()
{
    const std::string key = "semiprune/order/" + std::to_string(m_impl->ordersRead);
    c10d::Store &store = *m_impl->store;
    // Rank 0 may work alone for long (pseudo-labels, scores): wait in slices, and ask the store each
    // time, which throws once rank 0 (that hosts it) is gone.
    for (;;) {
        try {
            if (store.check({ key }))
                break;
            store.wait({ key }, std::chrono::seconds(5));
            break;
        } catch (const std::exception &error) {
            try {
                (void)store.check({ key });
            } catch (const std::exception &) {
                throw Error(QCoreApplication::translate("Distributed", "%1 lost rank 0: %2.")
                                .arg(rankName(*this))
                                .arg(reason(error)));
            }
        }
    }
    ++m_impl->ordersRead;
    try {
        return fromBytes(store.get(key));
    } catch (const std::exception &error) {
        throw Error(
            QCoreApplication::translate("Distributed", "%1 lost rank 0: %2.").arg(rankName(*this)).arg(reason(error)));
    }
}

QString rankName(const DistributedGroup &group)
{
    return QCoreApplication::translate("Distributed", "rank %1 of %2").arg(group.rank()).arg(group.size());
}

namespace distributed {

namespace {

template<typename Call> void collective(DistributedGroup &group, Call call)
{
    try {
        c10::intrusive_ptr<c10d::Work> work = call(*group.impl().gloo);
        work->wait();
    } catch (const std::exception &error) {
        throw Error(QCoreApplication::translate(
            "Distributed", "The distributed run stopped on %1: another rank left or did not answer within %2 s (%3).")
                        .arg(rankName(group))
                        .arg(group.timeout().count() / 1000)
                        .arg(reason(error)));
    }
}

} // namespace

void allReduceSum(DistributedGroup &group, std::vector<at::Tensor> &tensors)
{
    if (group.size() == 1)
        return;
    for (at::Tensor &tensor : tensors) {
        std::vector<at::Tensor> one { tensor };
        collective(group, [&](c10d::ProcessGroupGloo &gloo) { return gloo.allreduce(one); });
    }
}

QByteArray broadcastBytes(DistributedGroup &group, const QByteArray &bytes)
{
    if (group.size() == 1)
        return bytes;
    std::vector<at::Tensor> size { at::full({ 1 }, std::int64_t(group.isLeader() ? bytes.size() : 0), at::kLong) };
    collective(group, [&](c10d::ProcessGroupGloo &gloo) { return gloo.broadcast(size); });
    const std::int64_t count = size[0].item<std::int64_t>();
    std::vector<at::Tensor> payload { at::empty({ count }, at::kByte) };
    if (group.isLeader())
        std::memcpy(payload[0].data_ptr(), bytes.constData(), std::size_t(count));
    collective(group, [&](c10d::ProcessGroupGloo &gloo) { return gloo.broadcast(payload); });
    return QByteArray(reinterpret_cast<const char *>(payload[0].data_ptr()), count);
}

} // namespace distributed

} // namespace semiprune

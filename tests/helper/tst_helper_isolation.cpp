// The verbs behind the container page's Isolation and Files tabs on the fixture's bus, against
// real containers: ContainerIsolation's JSON compared with what the kernel says when the test
// reads /proc itself and with what the container was run with (-m, --hostname,
// --privileged); ListContainerDirectory kept inside the container's root by links that try
// to leave it.
#include "test_support.h"

#include "engine/core/version.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <sys/utsname.h>
#include <unistd.h>

using berth::test::runCli;

namespace {

QDBusMessage call(const QString &method, const QVariantList &arguments)
{
    auto message = QDBusMessage::createMethodCall(QLatin1String(berth::dbusServiceName),
                                                  QLatin1String(berth::dbusObjectPath),
                                                  QLatin1String(berth::dbusInterfaceName), method);
    message.setArguments(arguments);
    return QDBusConnection::systemBus().call(message, QDBus::Block, 30000);
}

QString image()
{
    QFile port(berth::test::environmentDirectory() + QStringLiteral("/registry/port"));
    if (!port.open(QIODevice::ReadOnly))
        return {};
    return QStringLiteral("127.0.0.1:") + QString::fromUtf8(port.readAll()).trimmed() +
           QStringLiteral("/berth-test/busybox:latest");
}

QJsonObject isolationOf(const QString &name)
{
    const QDBusMessage reply = call(QStringLiteral("ContainerIsolation"), {name});
    if (reply.type() != QDBusMessage::ReplyMessage) {
        qWarning("ContainerIsolation(%s): %s: %s", qPrintable(name), qPrintable(reply.errorName()),
                 qPrintable(reply.errorMessage()));
        return {};
    }
    return QJsonDocument::fromJson(reply.arguments().value(0).toString().toUtf8()).object();
}

QString statusLine(qint64 pid, const QString &key)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(key.toLatin1() + ':'))
            return QString::fromLatin1(line.mid(key.size() + 1)).trimmed();
    return {};
}

QString namespaceLink(const QString &pid, const QString &type)
{
    std::array<char, 128> buffer{};
    const QByteArray path = QStringLiteral("/proc/%1/ns/%2").arg(pid, type).toLocal8Bit();
    const ssize_t length = ::readlink(path.constData(), buffer.data(), buffer.size() - 1);
    return length > 0 ? QString::fromLatin1(buffer.data(), length) : QString();
}

QJsonObject namespaceEntry(const QJsonObject &isolation, const QString &type)
{
    for (const auto &entry : isolation.value(QStringLiteral("Namespaces")).toArray())
        if (entry.toObject().value(QStringLiteral("Type")).toString() == type)
            return entry.toObject();
    return {};
}

struct Listing {
    QString error;
    QStringList names;
    QList<QVariantMap> entries;
};

Listing listDirectory(const QString &name, const QString &path)
{
    const QDBusMessage reply = call(QStringLiteral("ListContainerDirectory"), {name, path});
    Listing listing;
    if (reply.type() != QDBusMessage::ReplyMessage) {
        listing.error = reply.errorName();
        return listing;
    }
    const QDBusArgument argument = reply.arguments().value(0).value<QDBusArgument>();
    argument.beginArray();
    while (!argument.atEnd()) {
        QVariantMap entry;
        argument >> entry;
        listing.entries << entry;
        listing.names << entry.value(QStringLiteral("Name")).toString();
    }
    argument.endArray();
    return listing;
}

QStringList names(const QJsonObject &isolation, const QString &set)
{
    QStringList list;
    const auto array = isolation.value(QStringLiteral("Capabilities")).toObject().value(set).toObject().value(QStringLiteral("Names")).toArray();
    for (const auto &name : array)
        list << name.toString();
    list.sort();
    return list;
}

} // namespace

class TestHelperIsolation : public QObject {
    Q_OBJECT
    bool pulledHere_ = false;

private Q_SLOTS:
    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("needs root: containers need namespaces, mounts and cgroups");
        QVERIFY2(QDBusConnection::systemBus().isConnected(), "the fixture's private system bus is not running");
        // Suites after this one expect the store as the fixture made it: what we pull, we remove.
        pulledHere_ = runCli({QStringLiteral("images"), QStringLiteral("-q"), image()}).out.trimmed().isEmpty();
        const auto pulled = runCli({QStringLiteral("pull"), QStringLiteral("-q"), image()});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.out + pulled.err));
        runCli({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("iso-plain"), QStringLiteral("iso-privileged"),
                QStringLiteral("iso-stopped"), QStringLiteral("files-escape")});
    }

    void cleanupTestCase()
    {
        runCli({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("iso-plain"), QStringLiteral("iso-privileged"),
                QStringLiteral("iso-stopped"), QStringLiteral("files-escape")});
        if (pulledHere_)
            runCli({QStringLiteral("rmi"), image()});
    }

    void runningContainerAsTheKernelSeesIt()
    {
        const auto started = runCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("iso-plain"),
                                     QStringLiteral("--hostname"), QStringLiteral("boxed"), QStringLiteral("-m"), QStringLiteral("64m"),
                                     QStringLiteral("--pids-limit"), QStringLiteral("50"), image(), QStringLiteral("sleep"),
                                     QStringLiteral("300")});
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        const QJsonObject isolation = isolationOf(QStringLiteral("iso-plain"));
        QVERIFY(!isolation.isEmpty());
        const qint64 pid = isolation.value(QStringLiteral("Pid")).toInteger();
        QVERIFY(pid > 1);
        const auto inspected = runCli({QStringLiteral("inspect"), QStringLiteral("-f"), QStringLiteral("{{.State.Pid}} {{.Id}}"),
                                       QStringLiteral("iso-plain")});
        const QStringList pidAndId = inspected.out.trimmed().split(QLatin1Char(' '));
        QCOMPARE(pidAndId.value(0), QString::number(pid));
        QCOMPARE(isolation.value(QStringLiteral("Id")).toString(), pidAndId.value(1));

        // PID 1 inside, the host's pid first in NSpid.
        QCOMPARE(isolation.value(QStringLiteral("PidInside")).toInteger(), 1);
        const QJsonArray nspid = isolation.value(QStringLiteral("NSpid")).toArray();
        QCOMPARE(nspid.size(), 2);
        QCOMPARE(nspid.first().toInteger(), pid);
        QCOMPARE(isolation.value(QStringLiteral("Command")).toString(), QStringLiteral("sleep 300"));

        // Namespaces: the ones Berth makes are separate, and the inodes are the kernel's.
        for (const QString &type : {QStringLiteral("mnt"), QStringLiteral("pid"), QStringLiteral("uts"), QStringLiteral("ipc"),
                                   QStringLiteral("net")}) {
            const QJsonObject entry = namespaceEntry(isolation, type);
            QVERIFY2(!entry.isEmpty(), qPrintable(type));
            QVERIFY2(!entry.value(QStringLiteral("Shared")).toBool(), qPrintable(type));
            QVERIFY2(namespaceLink(QString::number(pid), type).contains(entry.value(QStringLiteral("Container")).toString()),
                     qPrintable(type));
            // The test runs in the host's namespaces, as the helper and PID 1 do.
            QVERIFY2(namespaceLink(QStringLiteral("self"), type).contains(entry.value(QStringLiteral("Host")).toString()),
                     qPrintable(type));
        }
        // Berth makes no user namespace: root inside is the host's root, held back otherwise.
        QVERIFY(namespaceEntry(isolation, QStringLiteral("user")).value(QStringLiteral("Shared")).toBool());

        QCOMPARE(isolation.value(QStringLiteral("Hostname")).toString(), QStringLiteral("boxed"));
        struct utsname host {};
        QCOMPARE(::uname(&host), 0);
        QCOMPARE(isolation.value(QStringLiteral("HostHostname")).toString(), QString::fromUtf8(host.nodename));

        const QJsonArray mounts = isolation.value(QStringLiteral("Mounts")).toArray();
        QVERIFY(mounts.size() > 3);
        QCOMPARE(mounts.first().toObject().value(QStringLiteral("MountPoint")).toString(), QStringLiteral("/"));
        QCOMPARE(mounts.first().toObject().value(QStringLiteral("FsType")).toString(), QStringLiteral("overlay"));
        bool procMounted = false;
        for (const auto &mount : mounts)
            procMounted |= mount.toObject().value(QStringLiteral("MountPoint")).toString() == QLatin1String("/proc");
        QVERIFY(procMounted);
        QVERIFY(isolation.value(QStringLiteral("HostMountCount")).toInteger() > 0);

        // Docker's 14 defaults, as the kernel reports them to the test too.
        const QJsonObject capabilities = isolation.value(QStringLiteral("Capabilities")).toObject();
        QCOMPARE(capabilities.value(QStringLiteral("Effective")).toObject().value(QStringLiteral("Mask")).toString(),
                 QStringLiteral("00000000a80425fb"));
        QCOMPARE(statusLine(pid, QStringLiteral("CapEff")), QStringLiteral("00000000a80425fb"));
        QStringList expected{QStringLiteral("CAP_AUDIT_WRITE"), QStringLiteral("CAP_CHOWN"), QStringLiteral("CAP_DAC_OVERRIDE"),
                             QStringLiteral("CAP_FOWNER"), QStringLiteral("CAP_FSETID"), QStringLiteral("CAP_KILL"),
                             QStringLiteral("CAP_MKNOD"), QStringLiteral("CAP_NET_BIND_SERVICE"), QStringLiteral("CAP_NET_RAW"),
                             QStringLiteral("CAP_SETFCAP"), QStringLiteral("CAP_SETGID"), QStringLiteral("CAP_SETPCAP"),
                             QStringLiteral("CAP_SETUID"), QStringLiteral("CAP_SYS_CHROOT")};
        QCOMPARE(names(isolation, QStringLiteral("Effective")), expected);
        QCOMPARE(names(isolation, QStringLiteral("Bounding")), expected);
        QVERIFY(names(isolation, QStringLiteral("Host")).contains(QStringLiteral("CAP_SYS_ADMIN")));

        QCOMPARE(isolation.value(QStringLiteral("Seccomp")).toInteger(), 2);
        // Docker leaves no_new_privs off unless asked (--security-opt no-new-privileges).
        QCOMPARE(isolation.value(QStringLiteral("NoNewPrivs")).toBool(), false);
        QCOMPARE(statusLine(pid, QStringLiteral("NoNewPrivs")), QStringLiteral("0"));

        const QJsonObject cgroup = isolation.value(QStringLiteral("Cgroup")).toObject();
        QCOMPARE(cgroup.value(QStringLiteral("Path")).toString(), QStringLiteral("/berth/") + pidAndId.value(1));
        QCOMPARE(cgroup.value(QStringLiteral("MemoryLimit")).toInteger(), 64 * 1024 * 1024);
        QCOMPARE(cgroup.value(QStringLiteral("PidsLimit")).toInteger(), 50);
        QCOMPARE(cgroup.value(QStringLiteral("CpuQuota")).toInteger(), -1);
        // Every value shown comes from a file the test can read too.
        const QJsonArray files = cgroup.value(QStringLiteral("Files")).toArray();
        QVERIFY(!files.isEmpty());
        for (const auto &entry : files) {
            QFile file(entry.toObject().value(QStringLiteral("File")).toString());
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            QCOMPARE(QString::fromUtf8(file.readAll()).trimmed(), entry.toObject().value(QStringLiteral("Value")).toString());
        }
    }

    void privilegedContainerKeepsTheHostsPowers()
    {
        const auto started = runCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"),
                                     QStringLiteral("iso-privileged"), QStringLiteral("--privileged"),
                                     QStringLiteral("--security-opt"), QStringLiteral("no-new-privileges"), image(),
                                     QStringLiteral("sleep"), QStringLiteral("300")});
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        const QJsonObject isolation = isolationOf(QStringLiteral("iso-privileged"));
        QVERIFY(!isolation.isEmpty());
        QCOMPARE(isolation.value(QStringLiteral("Seccomp")).toInteger(), 0);
        QCOMPARE(isolation.value(QStringLiteral("NoNewPrivs")).toBool(), true);
        QCOMPARE(names(isolation, QStringLiteral("Effective")), names(isolation, QStringLiteral("Host")));
        QCOMPARE(isolation.value(QStringLiteral("Cgroup")).toObject().value(QStringLiteral("MemoryLimit")).toInteger(), -1);
        QCOMPARE(runCli({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("iso-privileged")}).exitCode, 0);
    }

    void stoppedContainerIsAConflict()
    {
        const auto created = runCli({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("iso-stopped"), image(),
                                     QStringLiteral("true")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const QDBusMessage reply = call(QStringLiteral("ContainerIsolation"), {QStringLiteral("iso-stopped")});
        QCOMPARE(reply.type(), QDBusMessage::ErrorMessage);
        QCOMPARE(reply.errorName(), QStringLiteral("io.berth.Error.Conflict"));
        QVERIFY2(reply.errorMessage().contains(QStringLiteral("berth start iso-stopped")), qPrintable(reply.errorMessage()));
        const QDBusMessage missing = call(QStringLiteral("ContainerIsolation"), {QStringLiteral("iso-no-such")});
        QCOMPARE(missing.errorName(), QStringLiteral("io.berth.Error.NotFound"));
    }

    void filesListingStaysInsideTheRoot()
    {
        // Links made inside the container that would lead to the host if followed there.
        const QString hostOnly = berth::test::environmentDirectory();
        const QString script = QStringLiteral("mkdir -p /box/inner && echo hello > /box/note && "
                                              "ln -s ../../../../../../.. /box/climb && ln -s %1 /hostonly && "
                                              "touch /box/ready; sleep 300")
                                   .arg(hostOnly);
        const auto started = runCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"),
                                     QStringLiteral("files-escape"), image(), QStringLiteral("sh"), QStringLiteral("-c"), script});
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        QTRY_VERIFY_WITH_TIMEOUT(listDirectory(QStringLiteral("files-escape"), QStringLiteral("/box")).names.contains(QStringLiteral("ready")),
                                 10000);
        const Listing data = listDirectory(QStringLiteral("files-escape"), QStringLiteral("/box"));
        QCOMPARE(data.names, (QStringList{QStringLiteral("climb"), QStringLiteral("inner"), QStringLiteral("note"),
                                          QStringLiteral("ready")}));
        const QVariantMap note = data.entries.at(2);
        QCOMPARE(note.value(QStringLiteral("Size")).toLongLong(), 6);
        const QVariantMap climb = data.entries.at(0);
        QCOMPARE(climb.value(QStringLiteral("LinkTarget")).toString(), QStringLiteral("../../../../../../.."));
        QVERIFY(climb.value(QStringLiteral("LinkToDirectory")).toBool());

        // Climbing ends at the container's root, not the host's.
        const Listing top = listDirectory(QStringLiteral("files-escape"), QStringLiteral("/"));
        QVERIFY(top.error.isEmpty());
        QVERIFY(top.names.contains(QStringLiteral("box")));
        QCOMPARE(listDirectory(QStringLiteral("files-escape"), QStringLiteral("/box/climb")).names, top.names);
        // The fixture's directory exists on the host only: neither link reaches it.
        QCOMPARE(listDirectory(QStringLiteral("files-escape"), QStringLiteral("/hostonly")).error,
                 QStringLiteral("io.berth.Error.NotFound"));
        QCOMPARE(listDirectory(QStringLiteral("files-escape"), QStringLiteral("/box/climb") + hostOnly).error,
                 QStringLiteral("io.berth.Error.NotFound"));
        QCOMPARE(listDirectory(QStringLiteral("files-escape"), QStringLiteral("/box/note")).error,
                 QStringLiteral("io.berth.Error.InvalidArgument"));
        QCOMPARE(listDirectory(QStringLiteral("files-escape"), QStringLiteral("box")).error,
                 QStringLiteral("io.berth.Error.InvalidArgument"));

        // A stopped container's files are listed too (its root mounted for the call).
        QCOMPARE(runCli({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("1"), QStringLiteral("files-escape")}).exitCode, 0);
        QCOMPARE(listDirectory(QStringLiteral("files-escape"), QStringLiteral("/box")).names, data.names);
        QCOMPARE(runCli({QStringLiteral("rm"), QStringLiteral("files-escape")}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestHelperIsolation)

#include "tst_helper_isolation.moc"

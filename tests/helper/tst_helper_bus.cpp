// berth-helper on the private system bus started by the fixture: its verbs, its named
// errors, its idle exit and its restart by D-Bus activation.
#include "test_support.h"

#include "engine/core/cgroup_layout.h"
#include "engine/core/version.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusReply>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/utsname.h>

namespace {

QDBusMessage call(const QString &method, const QVariantList &arguments = {},
                  QDBusConnection bus = QDBusConnection::systemBus())
{
    auto message = QDBusMessage::createMethodCall(QLatin1String(berth::dbusServiceName),
                                                  QLatin1String(berth::dbusObjectPath),
                                                  QLatin1String(berth::dbusInterfaceName), method);
    message.setArguments(arguments);
    return bus.call(message, QDBus::Block, 30000);
}

uint helperPid()
{
    auto reply = QDBusConnection::systemBus().interface()->servicePid(QLatin1String(berth::dbusServiceName));
    return reply.isValid() ? reply.value() : 0;
}

bool helperRegistered()
{
    return QDBusConnection::systemBus().interface()->isServiceRegistered(QLatin1String(berth::dbusServiceName)).value();
}

bool waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(20);
    }
    return true;
}

// Stops the activated helper so a test can run its own on the bus.
void stopActivatedHelper()
{
    const uint pid = helperPid();
    if (pid != 0)
        ::kill(pid_t(pid), SIGTERM);
    QVERIFY(waitUntil([] { return !helperRegistered(); }, 10000));
}

QString fixtureValue(const QString &relative)
{
    QFile file(berth::test::environmentDirectory() + QLatin1Char('/') + relative);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
}

QList<QVariantMap> loginsOf(const QDBusMessage &reply)
{
    QList<QVariantMap> logins;
    const QDBusArgument argument = reply.arguments().value(0).value<QDBusArgument>();
    argument >> logins;
    return logins;
}

} // namespace

class TestHelperBus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("the helper's bus tests need root (the fixture runs polkitd and owns a system name)");
        QVERIFY2(QDBusConnection::systemBus().isConnected(), "the fixture's private system bus is not running");
    }

    void versionThroughActivation()
    {
        const QDBusMessage reply = call(QStringLiteral("Version"));
        QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
        const QVariantMap version = qdbus_cast<QVariantMap>(reply.arguments().value(0));
        QCOMPARE(version.value(QStringLiteral("Version")).toString(), QLatin1String(berth::engineVersion));
        utsname names{};
        uname(&names);
        QCOMPARE(version.value(QStringLiteral("Kernel")).toString(), QString::fromLatin1(names.release));
        QVERIFY(helperPid() != 0);
    }

    void infoDescribesThisMachineAndStore()
    {
        const QDBusMessage reply = call(QStringLiteral("Info"));
        QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
        const QVariantMap info = qdbus_cast<QVariantMap>(reply.arguments().value(0));
        QCOMPARE(info.value(QStringLiteral("StorageRoot")).toString(), berth::test::environmentDirectory() + "/root");
        const auto layout = berth::detectCgroupLayout();
        const auto mode = berth::cgroupModeName(layout.mode);
        QCOMPARE(info.value(QStringLiteral("CgroupMode")).toString(), QString::fromLatin1(mode.data(), mode.size()));
        QVERIFY(info.value(QStringLiteral("StorageTotalBytes")).toULongLong() > 0);
        QVERIFY(info.value(QStringLiteral("OverlaySupported")).toBool());
        for (const char *key : {"Images", "Containers", "Volumes", "Seccomp", "UserNamespaces", "NCPU", "MemTotal",
                                "KernelVersion", "OperatingSystem", "RegistryMirrors", "InsecureRegistries"})
            QVERIFY2(info.contains(QLatin1String(key)), key);
    }

    void setConfigEmitsSignalAndCanonicalValue()
    {
        changed_.clear();
        QVERIFY(QDBusConnection::systemBus().connect(
            QLatin1String(berth::dbusServiceName), QLatin1String(berth::dbusObjectPath),
            QLatin1String(berth::dbusInterfaceName), QStringLiteral("ConfigChanged"), this,
            SLOT(onConfigChanged(QString, QString))));
        const QDBusMessage reply = call(QStringLiteral("SetConfig"),
                                        {QStringLiteral("registry-mirrors"), QStringLiteral("HTTPS://Mirror.Example/ ")});
        QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
        QCOMPARE(reply.arguments().value(0).toString(), QStringLiteral("https://mirror.example"));
        QVERIFY(waitUntil([this] { return !changed_.isEmpty(); }, 5000));
        QCOMPARE(changed_.first(), QStringLiteral("registry-mirrors=https://mirror.example"));

        const QDBusMessage get = call(QStringLiteral("GetConfig"), {QStringLiteral("registry-mirrors")});
        QCOMPARE(get.type(), QDBusMessage::ReplyMessage);
        QCOMPARE(qdbus_cast<QVariantMap>(get.arguments().value(0)).value(QStringLiteral("registry-mirrors")).toString(),
                 QStringLiteral("https://mirror.example"));
        QCOMPARE(get.arguments().value(1).toStringList(), QStringList{QStringLiteral("registry-mirrors")});

        QCOMPARE(call(QStringLiteral("ResetConfig"), {QStringLiteral("registry-mirrors")}).type(),
                 QDBusMessage::ReplyMessage);
        const QDBusMessage after = call(QStringLiteral("GetConfig"), {QString()});
        QVERIFY(after.arguments().value(1).toStringList().isEmpty());
    }

    void badArgumentsGetNamedErrors_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QVariantList>("arguments");
        QTest::addColumn<QString>("errorName");
        QTest::addColumn<QString>("messagePart");
        const QString invalid = QStringLiteral("io.berth.Error.InvalidArgument");
        QTest::newRow("unknown key") << "SetConfig" << QVariantList{QStringLiteral("no-such"), QStringLiteral("1")}
                                     << invalid << "unknown setting `no-such`";
        QTest::newRow("malformed value") << "SetConfig" << QVariantList{QStringLiteral("log-max-file"), QStringLiteral("many")}
                                         << invalid << "is not a whole number";
        QTest::newRow("huge key") << "SetConfig" << QVariantList{QString(300, QLatin1Char('k')), QStringLiteral("1")}
                                  << invalid << "too long";
        QTest::newRow("huge value") << "SetConfig" << QVariantList{QStringLiteral("dns"), QString(100000, QLatin1Char('1'))}
                                    << invalid << "longer than 4096 bytes";
        QTest::newRow("get unknown key") << "GetConfig" << QVariantList{QStringLiteral("nope")} << invalid << "unknown setting";
        QTest::newRow("reset unknown key") << "ResetConfig" << QVariantList{QStringLiteral("nope")} << invalid << "unknown setting";
        // Wrong types never reach our code: QtDBus answers for the interface.
        QTest::newRow("wrong signature") << "SetConfig" << QVariantList{42, true}
                                         << "org.freedesktop.DBus.Error.UnknownMethod" << "SetConfig";
        QTest::newRow("no such method") << "RunAnything" << QVariantList{QStringLiteral("rm -rf /")}
                                        << "org.freedesktop.DBus.Error.UnknownMethod" << "RunAnything";
    }
    void badArgumentsGetNamedErrors()
    {
        QFETCH(QString, method);
        QFETCH(QVariantList, arguments);
        QFETCH(QString, errorName);
        QFETCH(QString, messagePart);
        const uint pidBefore = helperPid();
        const QDBusMessage reply = call(method, arguments);
        QCOMPARE(reply.type(), QDBusMessage::ErrorMessage);
        QCOMPARE(reply.errorName(), errorName);
        QVERIFY2(reply.errorMessage().contains(messagePart), qPrintable(reply.errorMessage()));
        // And the helper is still the same process, still answering.
        QCOMPARE(call(QStringLiteral("Version")).type(), QDBusMessage::ReplyMessage);
        if (pidBefore != 0)
            QCOMPARE(helperPid(), pidBefore);
    }

    void listLoginsShowsOnlyTheCallersOwn()
    {
        qDBusRegisterMetaType<QList<QVariantMap>>();
        const QString registry = QStringLiteral("127.0.0.1:") + fixtureValue(QStringLiteral("tls-registry/port"));
        const QString username = fixtureValue(QStringLiteral("secrets/username"));
        const QString password = fixtureValue(QStringLiteral("secrets/password"));
        QVERIFY2(!username.isEmpty() && !password.isEmpty(), "the fixture's login is missing");

        const QDBusMessage login = call(QStringLiteral("Login"), {registry, username, password});
        QVERIFY2(login.type() == QDBusMessage::ReplyMessage, qPrintable(login.errorMessage()));
        QCOMPARE(login.arguments().value(0).toString(), registry);

        // Root (this test) sees its login: server and username, and nothing that could be a password.
        const QDBusMessage mine = call(QStringLiteral("ListLogins"));
        QVERIFY2(mine.type() == QDBusMessage::ReplyMessage, qPrintable(mine.errorMessage()));
        const QList<QVariantMap> logins = loginsOf(mine);
        const auto entry = std::find_if(logins.begin(), logins.end(), [&](const QVariantMap &row) {
            return row.value(QStringLiteral("Server")).toString() == registry;
        });
        QVERIFY2(entry != logins.end(), "root's new login is not listed");
        QCOMPARE(entry->value(QStringLiteral("Username")).toString(), username);
        QCOMPARE(entry->keys(), (QStringList{QStringLiteral("Server"), QStringLiteral("Username")}));
        for (const QVariantMap &row : logins) {
            for (const QVariant &value : row)
                QVERIFY2(!value.toString().contains(password), "a password left the helper");
        }

        // Another user, through an independent client: an empty list, none of root's.
        const auto other = berth::test::run(
            QStringLiteral("dbus-send"),
            {QStringLiteral("--system"), QStringLiteral("--print-reply"), QStringLiteral("--dest=") + QLatin1String(berth::dbusServiceName),
             QLatin1String(berth::dbusObjectPath), QLatin1String(berth::dbusInterfaceName) + QStringLiteral(".ListLogins")},
            QProcessEnvironment::systemEnvironment(), QStringLiteral("berth-test"));
        QVERIFY2(other.exitCode == 0, qPrintable(other.err));
        QVERIFY2(other.out.contains(QStringLiteral("array [")), qPrintable(other.out));
        QVERIFY2(!other.out.contains(registry), qPrintable(other.out));
        QVERIFY2(!other.out.contains(QStringLiteral("Server")), qPrintable(other.out));

        const QDBusMessage logout = call(QStringLiteral("Logout"), {registry});
        QVERIFY2(logout.type() == QDBusMessage::ReplyMessage, qPrintable(logout.errorMessage()));
        QCOMPARE(logout.arguments().value(0).toBool(), true);
        const QList<QVariantMap> after = loginsOf(call(QStringLiteral("ListLogins")));
        QVERIFY(std::none_of(after.begin(), after.end(), [&](const QVariantMap &row) {
            return row.value(QStringLiteral("Server")).toString() == registry;
        }));
    }

    void secondHelperOnSameRootRefused()
    {
        QCOMPARE(call(QStringLiteral("Version")).type(), QDBusMessage::ReplyMessage);
        const auto result = berth::test::run(qEnvironmentVariable("BERTH_HELPER"),
                                             {QStringLiteral("--root"), berth::test::environmentDirectory() + "/root"});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QStringLiteral("another berth-helper is already using it")), qPrintable(result.err));
    }

    void exitsWhenIdleAndIsActivatedAgain()
    {
        stopActivatedHelper();
        QTemporaryDir root;
        QProcess helper;
        helper.setProcessChannelMode(QProcess::ForwardedChannels);
        helper.start(qEnvironmentVariable("BERTH_HELPER"),
                     {QStringLiteral("--root"), root.path(), QStringLiteral("--idle-timeout"), QStringLiteral("1")});
        QVERIFY(waitUntil([] { return helperRegistered(); }, 10000));
        QCOMPARE(call(QStringLiteral("Version")).type(), QDBusMessage::ReplyMessage);
        QVERIFY2(helper.waitForFinished(5000), "the helper did not exit after its idle timeout");
        QCOMPARE(helper.exitStatus(), QProcess::NormalExit);
        QCOMPARE(helper.exitCode(), 0);
        QVERIFY(waitUntil([] { return !helperRegistered(); }, 5000));

        // The next call starts the installed helper through D-Bus activation.
        QElapsedTimer coldStart;
        coldStart.start();
        const QDBusMessage reply = call(QStringLiteral("Version"));
        QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
        qInfo("cold start through D-Bus activation: %lld ms", coldStart.elapsed());
        const QDBusMessage info = call(QStringLiteral("Info"));
        QCOMPARE(qdbus_cast<QVariantMap>(info.arguments().value(0)).value(QStringLiteral("StorageRoot")).toString(),
                 berth::test::environmentDirectory() + "/root");
    }

    void subscribedClientKeepsHelperAlive()
    {
        stopActivatedHelper();
        QTemporaryDir root;
        QProcess helper;
        helper.setProcessChannelMode(QProcess::ForwardedChannels);
        helper.start(qEnvironmentVariable("BERTH_HELPER"),
                     {QStringLiteral("--root"), root.path(), QStringLiteral("--idle-timeout"), QStringLiteral("1")});
        QVERIFY(waitUntil([] { return helperRegistered(); }, 10000));
        {
            auto subscriber = QDBusConnection::connectToBus(QDBusConnection::SystemBus, QStringLiteral("subscriber"));
            QCOMPARE(call(QStringLiteral("Subscribe"), {}, subscriber).type(), QDBusMessage::ReplyMessage);
            QVERIFY2(!helper.waitForFinished(2500), "the helper exited while a subscribed client was connected");
            QDBusConnection::disconnectFromBus(QStringLiteral("subscriber"));
        }
        QVERIFY2(helper.waitForFinished(5000), "the helper did not exit once its last client left");
        QCOMPARE(helper.exitCode(), 0);
        QVERIFY(waitUntil([] { return !helperRegistered(); }, 5000));
        QCOMPARE(call(QStringLiteral("Version")).type(), QDBusMessage::ReplyMessage);
    }

    void terminatesCleanlyOnSigterm()
    {
        QCOMPARE(call(QStringLiteral("Version")).type(), QDBusMessage::ReplyMessage);
        stopActivatedHelper();
        QCOMPARE(call(QStringLiteral("Version")).type(), QDBusMessage::ReplyMessage);
    }

public Q_SLOTS:
    void onConfigChanged(const QString &key, const QString &value) { changed_ << key + QLatin1Char('=') + value; }

private:
    QStringList changed_;
};

QTEST_GUILESS_MAIN(TestHelperBus)
#include "tst_helper_bus.moc"

// berth-helper on the private system bus started by the fixture: its verbs, its named
// errors, its idle exit and its restart by D-Bus activation.
#include "test_support.h"

#include "engine/core/cgroup_layout.h"
#include "engine/core/version.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QElapsedTimer>
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

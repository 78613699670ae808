// `berth` against the real helper on the fixture's bus, as root, as an unprivileged user
// (refused by polkit) and as a member of the group berth (allowed by the shipped rule).
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <sys/utsname.h>

using berth::test::runCli;

namespace {

// Other users cannot run a binary under /root; give them a copy in the fixture's /tmp dir.
QString cliForOtherUsers()
{
    const QString directory = berth::test::environmentDirectory() + "/bin";
    const QString copy = directory + "/berth";
    QDir().mkpath(directory);
    QFile::remove(copy);
    QFile::copy(qEnvironmentVariable("BERTH_CLI"), copy);
    QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                    QFileDevice::ReadOther | QFileDevice::ExeOther | QFileDevice::ReadGroup |
                                    QFileDevice::ExeGroup);
    QFile::setPermissions(directory, QFile::permissions(copy));
    return copy;
}

} // namespace

class TestCliHelper : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("needs root: the fixture runs polkitd and the helper, and switches users");
        runCli({QStringLiteral("config"), QStringLiteral("unset"), QStringLiteral("log-max-file")});
    }

    void version()
    {
        const auto result = runCli({QStringLiteral("version")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QStringLiteral("Server: Berth Engine")));
        utsname names{};
        uname(&names);
        QVERIFY(result.out.contains(QString::fromLatin1(names.release)));
        const auto json = runCli({QStringLiteral("version"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 0);
        const auto document = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(document.value(QStringLiteral("Server")).toObject().value(QStringLiteral("Kernel")).toString(),
                 QString::fromLatin1(names.release));
    }

    void info()
    {
        const auto result = runCli({QStringLiteral("info")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(QStringLiteral("Berth Root Dir: ") + berth::test::environmentDirectory() + "/root"),
                 qPrintable(result.out));
        QVERIFY(result.out.contains(QStringLiteral("Cgroup Version: ")));
        QVERIFY(result.out.contains(QStringLiteral("seccomp: yes")));
        const auto json = runCli({QStringLiteral("info"), QStringLiteral("-f"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 0);
        const auto document = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(document.value(QStringLiteral("Images")).toInt(-1), 0);
        QVERIFY(!document.value(QStringLiteral("CgroupMode")).toString().isEmpty());
    }

    void configRoundTrip()
    {
        auto set = runCli({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("insecure-registries"),
                           QStringLiteral("Registry.Local:5000, 192.168.0.0/16")});
        QCOMPARE(set.exitCode, 0);
        QCOMPARE(set.out.trimmed(), QStringLiteral("insecure-registries = registry.local:5000,192.168.0.0/16"));
        auto get = runCli({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("insecure-registries")});
        QCOMPARE(get.out.trimmed(), QStringLiteral("registry.local:5000,192.168.0.0/16"));
        auto json = runCli({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("--format"), QStringLiteral("json")});
        const auto document = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(document.value(QStringLiteral("insecure-registries")).toVariant().toStringList(),
                 (QStringList{QStringLiteral("registry.local:5000"), QStringLiteral("192.168.0.0/16")}));
        QCOMPARE(document.value(QStringLiteral("max-concurrent-downloads")).toInt(), 3);
        auto info = runCli({QStringLiteral("info")});
        QVERIFY(info.out.contains(QStringLiteral("Insecure Registries:\n  registry.local:5000\n  192.168.0.0/16")));
        auto table = runCli({QStringLiteral("config"), QStringLiteral("get")});
        QVERIFY(table.out.contains(QStringLiteral("log-max-size                10m (default)")));
        QCOMPARE(runCli({QStringLiteral("config"), QStringLiteral("unset"), QStringLiteral("insecure-registries")}).exitCode, 0);
        get = runCli({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("insecure-registries")});
        QCOMPARE(get.out.trimmed(), QString());
    }

    void invalidValueRefusedAndNothingChanged()
    {
        const auto result = runCli({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("default-bridge-subnet"),
                                    QStringLiteral("10.77.0.1/16")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.startsWith(QStringLiteral("Error: setting `default-bridge-subnet`: `10.77.0.1/16` has host bits set")),
                 qPrintable(result.err));
        QCOMPARE(runCli({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("default-bridge-subnet")}).out.trimmed(),
                 QStringLiteral("10.77.0.0/16"));
        const auto unknown = runCli({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("debug"), QStringLiteral("true")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains(QStringLiteral("unknown setting `debug`; known settings: registry-mirrors")));
    }

    void unprivilegedUserIsRefused()
    {
        const QString cli = cliForOtherUsers();
        const auto refused = berth::test::run(cli, {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("log-max-file"),
                                                    QStringLiteral("9")},
                                              QProcessEnvironment::systemEnvironment(), QStringLiteral("nobody"));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("Not authorized")), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QStringLiteral("io.berth.config-set")), qPrintable(refused.err));
        QVERIFY2(!refused.err.contains(QStringLiteral("io.berth.Error")), qPrintable(refused.err));
        QCOMPARE(runCli({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("log-max-file")}).out.trimmed(),
                 QStringLiteral("3"));
        // Reading the version is open to everyone, as the policy says.
        const auto version = berth::test::run(cli, {QStringLiteral("version")}, QProcessEnvironment::systemEnvironment(),
                                              QStringLiteral("nobody"));
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.contains(QStringLiteral("Server: Berth Engine")));
    }

    void groupMemberIsAllowedByRule()
    {
        const QString cli = cliForOtherUsers();
        const auto allowed = berth::test::run(cli, {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("log-max-file"),
                                                    QStringLiteral("9")},
                                              QProcessEnvironment::systemEnvironment(), QStringLiteral("berth-test"));
        QCOMPARE(allowed.exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("log-max-file")}).out.trimmed(),
                 QStringLiteral("9"));
        QCOMPARE(runCli({QStringLiteral("config"), QStringLiteral("unset"), QStringLiteral("log-max-file")}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliHelper)
#include "tst_cli_helper.moc"

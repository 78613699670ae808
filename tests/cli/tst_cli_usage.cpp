// The CLI's own answers that need no helper: usage, unknown commands and flags, and what
// it says when the helper cannot be reached.
#include "test_support.h"

#include <QTemporaryDir>
#include <QTest>

using berth::test::runCli;

class TestCliUsage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void helpExitsZero()
    {
        const auto result = runCli({QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QStringLiteral("Usage:  berth [OPTIONS] COMMAND")));
        QVERIFY(result.out.contains(QStringLiteral("info")));
    }

    void noCommandIsUsageError()
    {
        const auto result = runCli({});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("Usage:")));
    }

    void unknownCommand()
    {
        const auto result = runCli({QStringLiteral("frobnicate")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("'frobnicate' is not a berth command")), qPrintable(result.err));
        QVERIFY(result.err.contains(QStringLiteral("Usage:")));
    }

    void unknownFlags_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("global") << QStringList{QStringLiteral("--bogus")} << "unknown flag: --bogus";
        QTest::newRow("version") << QStringList{QStringLiteral("version"), QStringLiteral("--bogus")} << "Unknown option 'bogus'";
        QTest::newRow("info") << QStringList{QStringLiteral("info"), QStringLiteral("-x")} << "Unknown option 'x'";
        QTest::newRow("config get") << QStringList{QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("--nope")} << "Unknown option 'nope'";
        QTest::newRow("config set one argument") << QStringList{QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("dns")}
                                                 << "\"berth config set\" takes 2 argument(s), got 1";
        QTest::newRow("config no subcommand") << QStringList{QStringLiteral("config")} << "berth config needs a command";
        QTest::newRow("config unknown subcommand") << QStringList{QStringLiteral("config"), QStringLiteral("delete")}
                                                   << "unknown command \"delete\"";
        QTest::newRow("info extra argument") << QStringList{QStringLiteral("info"), QStringLiteral("extra")} << "takes 0 argument(s), got 1";
        QTest::newRow("format not json") << QStringList{QStringLiteral("info"), QStringLiteral("--format"), QStringLiteral("{{.ID}}")}
                                         << "unknown format";
        QTest::newRow("format without value") << QStringList{QStringLiteral("version"), QStringLiteral("--format")} << "Missing value";
        QTest::newRow("image no subcommand") << QStringList{QStringLiteral("image")} << "berth image needs a command";
        QTest::newRow("image unknown subcommand") << QStringList{QStringLiteral("image"), QStringLiteral("prune-all")}
                                                  << "unknown command \"prune-all\"";
        QTest::newRow("image diff without image") << QStringList{QStringLiteral("image"), QStringLiteral("diff")}
                                                  << "\"berth image diff\" takes 1 argument(s), got 0";
        QTest::newRow("image diff layer not a number")
            << QStringList{QStringLiteral("image"), QStringLiteral("diff"), QStringLiteral("--layer"), QStringLiteral("top"), QStringLiteral("busybox")}
            << "--layer takes a layer number from 1 (the base layer) upwards, got \"top\"";
        QTest::newRow("image diff negative layer")
            << QStringList{QStringLiteral("image"), QStringLiteral("diff"), QStringLiteral("--layer=-1"), QStringLiteral("busybox")}
            << "got \"-1\"";
        QTest::newRow("image diff layer without value") << QStringList{QStringLiteral("image"), QStringLiteral("diff"), QStringLiteral("busybox"), QStringLiteral("--layer")}
                                                        << "Missing value";
        QTest::newRow("image diff unknown format")
            << QStringList{QStringLiteral("image"), QStringLiteral("diff"), QStringLiteral("--format"), QStringLiteral("yaml"), QStringLiteral("busybox")}
            << "unknown format \"yaml\"";
    }
    void unknownFlags()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        const auto result = runCli(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(expected), qPrintable(result.err));
        QVERIFY2(!result.err.contains(QStringLiteral("org.freedesktop")), qPrintable(result.err));
    }

    void subcommandHelp()
    {
        const auto result = runCli({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QStringLiteral("Usage:  berth config set KEY VALUE")));
        const auto config = runCli({QStringLiteral("config"), QStringLiteral("--help")});
        QCOMPARE(config.exitCode, 0);
        QVERIFY(config.out.contains(QStringLiteral("registry-mirrors")));
        const auto image = runCli({QStringLiteral("image"), QStringLiteral("--help")});
        QCOMPARE(image.exitCode, 0);
        for (const char *command : {"diff", "history", "inspect", "load", "ls", "pull", "push", "rm", "save", "tag"})
            QVERIFY2(image.out.contains(QStringLiteral("\n  %1 ").arg(QLatin1String(command))), command);
        const auto diff = runCli({QStringLiteral("image"), QStringLiteral("diff"), QStringLiteral("--help")});
        QCOMPARE(diff.exitCode, 0);
        QVERIFY(diff.out.contains(QStringLiteral("Usage:  berth image diff [OPTIONS] IMAGE")));
        QVERIFY(diff.out.contains(QStringLiteral("--layer N")));
    }

    void noSystemBus()
    {
        QTemporaryDir directory;
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), QStringLiteral("unix:path=") + directory.path() + "/no-bus");
        for (const auto &command : {QStringList{QStringLiteral("info")}, QStringList{QStringLiteral("config"), QStringLiteral("get")}}) {
            const auto result = runCli(command, environment);
            QCOMPARE(result.exitCode, 1);
            QVERIFY2(result.err.contains(QStringLiteral("Berth's helper is not reachable on the system bus:")), qPrintable(result.err));
            QVERIFY2(result.err.contains(QStringLiteral("sudo service dbus start")), qPrintable(result.err));
        }
        // version still prints the client part, like docker version without a daemon.
        const auto version = runCli({QStringLiteral("version")}, environment);
        QCOMPARE(version.exitCode, 1);
        QVERIFY(version.out.contains(QStringLiteral("Client:")));
        QVERIFY(!version.out.contains(QStringLiteral("Server:")));
    }

    void busWithoutHelper()
    {
        // A real bus on which no helper is installed: the CLI must say how to install it.
        QProcess bus;
        bus.start(QStringLiteral("dbus-daemon"), {QStringLiteral("--session"), QStringLiteral("--nofork"),
                                                  QStringLiteral("--print-address=1"), QStringLiteral("--nosyslog")});
        if (!bus.waitForStarted(5000))
            QSKIP("dbus-daemon is not installed");
        QVERIFY(bus.waitForReadyRead(5000));
        const QString address = QString::fromUtf8(bus.readLine()).trimmed();
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), address);
        const auto result = runCli({QStringLiteral("info")}, environment);
        bus.terminate();
        bus.waitForFinished();
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QStringLiteral("Berth's helper is not reachable on the system bus: no service named io.berth.Helper")),
                 qPrintable(result.err));
        QVERIFY2(result.err.contains(QStringLiteral("sudo berth-helper")), qPrintable(result.err));
    }

    void chineseWhenAsked()
    {
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("BERTH_LANG"), QStringLiteral("zh_CN"));
        const auto chinese = runCli({QStringLiteral("--help")}, environment);
        const auto english = runCli({QStringLiteral("--help")});
        QCOMPARE(chinese.exitCode, 0);
        QVERIFY(chinese.out != english.out);
        const bool hasHan = std::any_of(chinese.out.cbegin(), chinese.out.cend(),
                                        [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; });
        QVERIFY2(hasHan, qPrintable(chinese.out));
    }
};

QTEST_GUILESS_MAIN(TestCliUsage)
#include "tst_cli_usage.moc"

// Container output through the CLI and the helper on the fixture's bus: a foreground run
// streams stdout and stderr apart and complete (also with --rm, which must not race the
// removal), `berth logs` with --tail, -t, --since, --until and -f, and signals to a
// foreground run reaching the container; log rotation limits from the settings and --log-opt.
#include "test_support.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTest>

#include <csignal>

using berth::test::runCli;

namespace {

QString image()
{
    QFile port(berth::test::environmentDirectory() + QStringLiteral("/registry/port"));
    if (!port.open(QIODevice::ReadOnly))
        return {};
    return QStringLiteral("127.0.0.1:") + QString::fromUtf8(port.readAll()).trimmed() +
           QStringLiteral("/berth-test/busybox:latest");
}

QString numbers(int from, int to)
{
    QString text;
    for (int number = from; number <= to; ++number)
        text += QString::number(number) + QLatin1Char('\n');
    return text;
}

void startCli(QProcess &process, const QStringList &arguments)
{
    process.setProgram(qEnvironmentVariable("BERTH_CLI"));
    process.setArguments(arguments);
    process.start();
    QVERIFY(process.waitForStarted());
}

} // namespace

class TestCliLogs : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("needs root: containers need namespaces, mounts and cgroups");
        const auto pulled = runCli({QStringLiteral("pull"), QStringLiteral("-q"), image()});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.out + pulled.err));
    }

    void foregroundRunStreamsBothStreamsCompletely()
    {
        const auto result = runCli({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--name"),
                                    QStringLiteral("printer"), image(), QStringLiteral("sh"), QStringLiteral("-c"),
                                    QStringLiteral("echo first; echo oops >&2; seq 1 3000; printf 'no newline'; exit 5")});
        QCOMPARE(result.exitCode, 5);
        QCOMPARE(result.out, QStringLiteral("first\n") + numbers(1, 3000) + QStringLiteral("no newline"));
        QCOMPARE(result.err, QStringLiteral("oops\n"));
        // --rm: gone by the time the run has returned.
        const auto left = runCli({QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-q"),
                                  QStringLiteral("--filter"), QStringLiteral("name=^printer$")});
        QCOMPARE(left.out, QString());
    }

    void aPausedReaderLosesNothing()
    {
        // The reader stops for longer than the monitor lets later attach clients lag (5 s):
        // a foreground run holds the container back instead, as docker run does.
        const QString pipeline = QStringLiteral("\"$BERTH_CLI\" run --rm %1 sh -c 'seq 1 200000; echo end' | (sleep 6; wc -l)")
                                     .arg(image());
        const auto result = berth::test::run(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), pipeline});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.trimmed(), QStringLiteral("200001"));
    }

    void logsPrintWhatTheContainerWrote()
    {
        const auto started = runCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"),
                                     QStringLiteral("writer"), image(), QStringLiteral("sh"), QStringLiteral("-c"),
                                     QStringLiteral("echo a; sleep 0.2; echo b >&2; sleep 0.2; echo c")});
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        QCOMPARE(runCli({QStringLiteral("wait"), QStringLiteral("writer")}).out, QStringLiteral("0\n"));

        const auto all = runCli({QStringLiteral("logs"), QStringLiteral("writer")});
        QCOMPARE(all.exitCode, 0);
        QCOMPARE(all.out, QStringLiteral("a\nc\n"));
        QCOMPARE(all.err, QStringLiteral("b\n"));

        // --tail counts both streams together, as Docker does (the sleeps above keep the two
        // streams in a known order: the monitor reads its two pipes as data arrives).
        const auto lastTwo = runCli({QStringLiteral("logs"), QStringLiteral("--tail"), QStringLiteral("2"),
                                     QStringLiteral("writer")});
        QCOMPARE(lastTwo.out, QStringLiteral("c\n"));
        QCOMPARE(lastTwo.err, QStringLiteral("b\n"));

        const auto stamped = runCli({QStringLiteral("logs"), QStringLiteral("-t"), QStringLiteral("-n"),
                                     QStringLiteral("1"), QStringLiteral("writer")});
        static const QRegularExpression stampedLine(
            QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z c\\n$"));
        QVERIFY2(stampedLine.match(stamped.out).hasMatch(), qPrintable(stamped.out));

        const QString inAnHour = QString::number(QDateTime::currentSecsSinceEpoch() + 3600);
        const auto future = runCli({QStringLiteral("logs"), QStringLiteral("--since"), inAnHour, QStringLiteral("writer")});
        QCOMPARE(future.exitCode, 0);
        QCOMPARE(future.out + future.err, QString());
        const auto past = runCli({QStringLiteral("logs"), QStringLiteral("--until"), QStringLiteral("2001-01-01"),
                                  QStringLiteral("writer")});
        QCOMPARE(past.out + past.err, QString());
        const auto recent = runCli({QStringLiteral("logs"), QStringLiteral("--since"), QStringLiteral("10m"),
                                    QStringLiteral("writer")});
        QCOMPARE(recent.out, QStringLiteral("a\nc\n"));

        QCOMPARE(runCli({QStringLiteral("rm"), QStringLiteral("writer")}).exitCode, 0);
    }

    void followEndsWhenTheContainerStops()
    {
        const auto started = runCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"),
                                     QStringLiteral("ticker"), image(), QStringLiteral("sh"), QStringLiteral("-c"),
                                     QStringLiteral("echo one; sleep 1; echo two; sleep 1; echo three")});
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        QElapsedTimer clock;
        clock.start();
        QProcess follower;
        startCli(follower, {QStringLiteral("logs"), QStringLiteral("-f"), QStringLiteral("ticker")});
        QVERIFY(follower.waitForReadyRead(5000));
        QVERIFY(follower.waitForFinished(15000));
        QCOMPARE(follower.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(follower.readAllStandardOutput()), QStringLiteral("one\ntwo\nthree\n"));
        QVERIFY2(clock.elapsed() >= 1500, "logs -f returned before the container had written everything");

        // Following a stopped container prints what is there and returns.
        const auto again = runCli({QStringLiteral("logs"), QStringLiteral("-f"), QStringLiteral("ticker")});
        QCOMPARE(again.out, QStringLiteral("one\ntwo\nthree\n"));
        QCOMPARE(runCli({QStringLiteral("rm"), QStringLiteral("ticker")}).exitCode, 0);
    }

    void signalsReachTheForegroundContainer()
    {
        QProcess run;
        startCli(run, {QStringLiteral("run"), QStringLiteral("--rm"), image(), QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("trap 'echo caught; exit 42' INT; echo ready; while true; do sleep 0.1; done")});
        QVERIFY(run.waitForReadyRead(10000));
        QCOMPARE(run.readAllStandardOutput(), QByteArray("ready\n"));
        ::kill(static_cast<pid_t>(run.processId()), SIGINT);
        QVERIFY(run.waitForFinished(10000));
        QCOMPARE(run.exitStatus(), QProcess::NormalExit);
        QCOMPARE(run.exitCode(), 42);
        QCOMPARE(run.readAllStandardOutput(), QByteArray("caught\n"));
    }

    void logLimitsComeFromTheSettingsOrLogOpt()
    {
        const auto logConfigOf = [](const QString &name) {
            const auto result = runCli({QStringLiteral("inspect"), QStringLiteral("-f"),
                                        QStringLiteral("{{json .HostConfig.LogConfig.Config}}"), name});
            return result.out.trimmed();
        };
        // The settings go back to their defaults even when a check below fails: later tests
        // (the GUI's settings page) expect them.
        const auto restoreSettings = qScopeGuard([] {
            runCli({QStringLiteral("config"), QStringLiteral("unset"), QStringLiteral("log-max-size")});
            runCli({QStringLiteral("config"), QStringLiteral("unset"), QStringLiteral("log-max-file")});
            runCli({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("rotated"), QStringLiteral("roomier")});
        });
        QCOMPARE(runCli({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("log-max-size"), QStringLiteral("4k")}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("log-max-file"), QStringLiteral("2")}).exitCode, 0);
        // 400 lines of 100 bytes: far more than two files of 4 KiB hold.
        const QString script = QStringLiteral("for i in $(seq 1 400); do printf 'line-%03d %090d\\n' $i 0; done");
        const auto run = runCli({QStringLiteral("run"), QStringLiteral("--name"), QStringLiteral("rotated"), image(),
                                 QStringLiteral("sh"), QStringLiteral("-c"), script});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.count(QLatin1Char('\n')), 400);
        QCOMPARE(logConfigOf(QStringLiteral("rotated")), QStringLiteral("{\"max-file\":\"2\",\"max-size\":\"4k\"}"));
        const QStringList kept = runCli({QStringLiteral("logs"), QStringLiteral("rotated")}).out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(kept.size() > 10 && kept.size() < 100, qPrintable(QString::number(kept.size())));
        QVERIFY2(kept.last().startsWith(QStringLiteral("line-400 ")), qPrintable(kept.last()));

        // --log-opt wins over the settings, key by key; the settings stay with the container.
        QCOMPARE(runCli({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("roomier"), QStringLiteral("--log-opt"),
                         QStringLiteral("max-size=1m"), image()}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("config"), QStringLiteral("unset"), QStringLiteral("log-max-size")}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("config"), QStringLiteral("unset"), QStringLiteral("log-max-file")}).exitCode, 0);
        QCOMPARE(logConfigOf(QStringLiteral("roomier")), QStringLiteral("{\"max-file\":\"2\",\"max-size\":\"1m\"}"));
        QCOMPARE(logConfigOf(QStringLiteral("rotated")), QStringLiteral("{\"max-file\":\"2\",\"max-size\":\"4k\"}"));

        const auto badOption = runCli({QStringLiteral("create"), QStringLiteral("--log-opt"), QStringLiteral("max-buffer=1"), image()});
        QVERIFY(badOption.exitCode != 0);
        QVERIFY2(badOption.err.contains(QStringLiteral("max-size and max-file")), qPrintable(badOption.err));
        const auto badDriver = runCli({QStringLiteral("create"), QStringLiteral("--log-driver"), QStringLiteral("syslog"), image()});
        QVERIFY(badDriver.exitCode != 0);
        QVERIFY2(badDriver.err.contains(QStringLiteral("json-file")), qPrintable(badDriver.err));
        QCOMPARE(runCli({QStringLiteral("rm"), QStringLiteral("rotated"), QStringLiteral("roomier")}).exitCode, 0);
    }

    void badRequestsSayWhatToDo()
    {
        const auto unknown = runCli({QStringLiteral("logs"), QStringLiteral("no-such-container")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(QStringLiteral("No such container")), qPrintable(unknown.err));

        QVERIFY(runCli({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("quiet"), image()}).exitCode == 0);
        const auto badTail = runCli({QStringLiteral("logs"), QStringLiteral("--tail"), QStringLiteral("ten"),
                                     QStringLiteral("quiet")});
        QCOMPARE(badTail.exitCode, 1);
        QVERIFY2(badTail.err.contains(QStringLiteral("--tail")), qPrintable(badTail.err));
        const auto badSince = runCli({QStringLiteral("logs"), QStringLiteral("--since"), QStringLiteral("yesterday"),
                                      QStringLiteral("quiet")});
        QCOMPARE(badSince.exitCode, 1);
        QVERIFY2(badSince.err.contains(QStringLiteral("duration like 10m")), qPrintable(badSince.err));
        // A container that never ran has an empty log, not an error.
        const auto empty = runCli({QStringLiteral("logs"), QStringLiteral("quiet")});
        QCOMPARE(empty.exitCode, 0);
        QCOMPARE(empty.out + empty.err, QString());
        QCOMPARE(runCli({QStringLiteral("rm"), QStringLiteral("quiet")}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliLogs)
#include "tst_cli_logs.moc"

// Containers end to end through the CLI and the helper on the fixture's bus, with the test
// image from the fixture's registry: exit codes, detached runs, ps, inspect, pause, stop
// with the SIGKILL fallback, kill -s, restart, an image's STOPSIGNAL, restart policy, --rm leaving nothing behind, and a helper
// killed with SIGKILL re-adopting the container it was running.
#include "test_support.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QJsonObject>
#include <QTest>
#include <QThread>

#include <csignal>
#include <utility>

using berth::test::runCli;

namespace {

QString fixtureFile(const QString &relative)
{
    return berth::test::environmentDirectory() + QLatin1Char('/') + relative;
}

QString image()
{
    QFile port(fixtureFile(QStringLiteral("registry/port")));
    if (!port.open(QIODevice::ReadOnly))
        return {};
    return QStringLiteral("127.0.0.1:") + QString::fromUtf8(port.readAll()).trimmed() + QStringLiteral("/berth-test/busybox:latest");
}

QJsonObject inspect(const QString &name)
{
    const auto result = runCli({QStringLiteral("inspect"), QStringLiteral("--type"), QStringLiteral("container"), name});
    return QJsonDocument::fromJson(result.out.toUtf8()).array().at(0).toObject();
}

QString state(const QString &name)
{
    return inspect(name).value(QStringLiteral("State")).toObject().value(QStringLiteral("Status")).toString();
}

/// Kills the fixture's helpers with SIGKILL; how many there were. The next call activates a
/// new one.
int killHelpers()
{
    const auto helpers = berth::test::run(QStringLiteral("pgrep"), {QStringLiteral("-f"),
                                          QStringLiteral("berth-helper --root %1").arg(fixtureFile(QStringLiteral("root")))});
    const QStringList pids = helpers.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const auto &helper : pids)
        ::kill(helper.toInt(), SIGKILL);
    // Gone before the next call, so that call activates a new one.
    for (const auto &helper : pids) {
        for (int wait = 0; wait < 100 && QDir(QStringLiteral("/proc/") + helper).exists(); ++wait)
            QThread::msleep(20);
    }
    return int(pids.size());
}

bool mountedUnder(const QString &directory)
{
    QFile mounts(QStringLiteral("/proc/self/mountinfo"));
    if (!mounts.open(QIODevice::ReadOnly))
        return false;
    return QString::fromUtf8(mounts.readAll()).contains(directory);
}

} // namespace

class TestCliContainers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("needs root: containers need namespaces, mounts and cgroups");
        QVERIFY2(QFile::exists(fixtureFile(QStringLiteral("registry/port"))), "the fixture's registry is not running");
        const auto pulled = runCli({QStringLiteral("pull"), QStringLiteral("-q"), image()});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.out + pulled.err));
    }

    void foregroundRunReturnsTheExitCode()
    {
        auto ok = runCli({QStringLiteral("run"), QStringLiteral("--rm"), image(), QStringLiteral("true")});
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        auto seven = runCli({QStringLiteral("run"), QStringLiteral("--name"), QStringLiteral("seven"), image(),
                             QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("exit 7")});
        QCOMPARE(seven.exitCode, 7);
        QCOMPARE(state(QStringLiteral("seven")), QStringLiteral("exited"));
        QCOMPARE(inspect(QStringLiteral("seven")).value(QStringLiteral("State")).toObject().value(QStringLiteral("ExitCode")).toInt(), 7);
        const auto ps = runCli({QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("--filter"), QStringLiteral("name=^seven$")});
        QVERIFY2(ps.out.contains(QStringLiteral("Exited (7)")), qPrintable(ps.out));
        // As docker: a container whose program cannot start stays "created" with the reason.
        const auto missing = runCli({QStringLiteral("run"), QStringLiteral("--name"), QStringLiteral("missing"), image(),
                                     QStringLiteral("/no/such/program")});
        QCOMPARE(missing.exitCode, 125);
        QVERIFY2(missing.err.contains(QStringLiteral("/no/such/program")), qPrintable(missing.err));
        QCOMPARE(state(QStringLiteral("missing")), QStringLiteral("created"));
        QVERIFY(inspect(QStringLiteral("missing")).value(QStringLiteral("State")).toObject().value(QStringLiteral("Error")).toString().contains(QStringLiteral("/no/such/program")));
        QCOMPARE(runCli({QStringLiteral("rm"), QStringLiteral("missing")}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("rm"), QStringLiteral("seven")}).exitCode, 0);
    }

    void badInputGetsClearErrors()
    {
        auto badName = runCli({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("bad name"), image()});
        QCOMPARE(badName.exitCode, 1);
        QVERIFY2(badName.err.contains(QStringLiteral("Invalid container name")), qPrintable(badName.err));
        auto noImage = runCli({QStringLiteral("create"), QStringLiteral("berth-test/not-pulled:1")});
        QCOMPARE(noImage.exitCode, 1);
        QVERIFY2(noImage.err.contains(QStringLiteral("pull")), qPrintable(noImage.err));
        auto badCap = runCli({QStringLiteral("create"), QStringLiteral("--cap-add"), QStringLiteral("NOT_A_CAP"), image()});
        QCOMPARE(badCap.exitCode, 1);
        QVERIFY2(badCap.err.contains(QStringLiteral("NOT_A_CAP")), qPrintable(badCap.err));
        auto missing = runCli({QStringLiteral("stop"), QStringLiteral("no-such-container")});
        QVERIFY2(missing.err.contains(QStringLiteral("No such container: no-such-container")), qPrintable(missing.err));
    }

    void detachedLifecycle()
    {
        const auto created = runCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("sleeper"),
                                     image(), QStringLiteral("sleep"), QStringLiteral("600")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const QString id = created.out.trimmed();
        QCOMPARE(id.size(), 64);
        auto info = inspect(QStringLiteral("sleeper"));
        const int pid = info.value(QStringLiteral("State")).toObject().value(QStringLiteral("Pid")).toInt();
        QVERIFY(pid > 0);
        // Its own pid namespace, in which sleep is PID 1.
        QVERIFY(QFile::symLinkTarget(QStringLiteral("/proc/%1/ns/pid").arg(pid)) != QFile::symLinkTarget(QStringLiteral("/proc/self/ns/pid")));
        QFile status(QStringLiteral("/proc/%1/status").arg(pid));
        QVERIFY(status.open(QIODevice::ReadOnly));
        const QString statusText = QString::fromUtf8(status.readAll());
        QVERIFY2(statusText.contains(QRegularExpression(QStringLiteral("NSpid:\\s+%1\\s+1\\n").arg(pid))), qPrintable(statusText));
        QVERIFY(statusText.contains(QStringLiteral("Seccomp:\t2")));
        QVERIFY(runCli({QStringLiteral("ps"), QStringLiteral("-q")}).out.contains(id.left(12)));

        // Docker's field names for what was asked and what it is doing.
        const QJsonObject config = info.value(QStringLiteral("Config")).toObject();
        QCOMPARE(config.value(QStringLiteral("Image")).toString(), image());
        QCOMPARE(config.value(QStringLiteral("Cmd")).toArray(), (QJsonArray{QStringLiteral("sleep"), QStringLiteral("600")}));
        QCOMPARE(info.value(QStringLiteral("HostConfig")).toObject().value(QStringLiteral("RestartPolicy")).toObject()
                     .value(QStringLiteral("Name")).toString(), QStringLiteral("no"));
        const QJsonObject running = info.value(QStringLiteral("State")).toObject();
        QCOMPARE(running.value(QStringLiteral("Running")).toBool(), true);
        QCOMPARE(running.value(QStringLiteral("Paused")).toBool(), false);
        const auto startedAt = QDateTime::fromString(running.value(QStringLiteral("StartedAt")).toString(), Qt::ISODateWithMs);
        QVERIFY2(startedAt.isValid() && qAbs(startedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60,
                 qPrintable(running.value(QStringLiteral("StartedAt")).toString()));

        QCOMPARE(runCli({QStringLiteral("pause"), QStringLiteral("sleeper")}).exitCode, 0);
        QCOMPARE(state(QStringLiteral("sleeper")), QStringLiteral("paused"));
        QCOMPARE(inspect(QStringLiteral("sleeper")).value(QStringLiteral("State")).toObject().value(QStringLiteral("Paused")).toBool(), true);
        QCOMPARE(runCli({QStringLiteral("unpause"), QStringLiteral("sleeper")}).exitCode, 0);
        QCOMPARE(state(QStringLiteral("sleeper")), QStringLiteral("running"));

        const auto refused = runCli({QStringLiteral("rm"), QStringLiteral("sleeper")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("Stop the container")), qPrintable(refused.err));

        // sleep as PID 1 ignores SIGTERM: stop falls back to SIGKILL after the timeout.
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(runCli({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("1"), QStringLiteral("sleeper")}).exitCode, 0);
        QVERIFY(timer.elapsed() >= 900);
        info = inspect(QStringLiteral("sleeper"));
        QCOMPARE(info.value(QStringLiteral("State")).toObject().value(QStringLiteral("ExitCode")).toInt(), 137);
        const auto finishedAt = QDateTime::fromString(info.value(QStringLiteral("State")).toObject().value(QStringLiteral("FinishedAt")).toString(),
                                                      Qt::ISODateWithMs);
        QVERIFY(finishedAt.isValid() && finishedAt >= startedAt);
        QVERIFY(!QDir(QStringLiteral("/proc/%1").arg(pid)).exists());

        QCOMPARE(runCli({QStringLiteral("start"), QStringLiteral("sleeper")}).exitCode, 0);
        QCOMPARE(state(QStringLiteral("sleeper")), QStringLiteral("running"));
        QCOMPARE(runCli({QStringLiteral("rename"), QStringLiteral("sleeper"), QStringLiteral("dozer")}).exitCode, 0);
        // --format as docker's templates: "table" adds the header and lines columns up.
        const auto table = runCli({QStringLiteral("ps"), QStringLiteral("--format"),
                                   QStringLiteral("table {{.Names}}\\t{{.State}}\\t{{.Image}}")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.startsWith(QStringLiteral("NAMES")), qPrintable(table.out));
        QVERIFY2(table.out.contains(QRegularExpression(QStringLiteral("\\ndozer +running +") + QRegularExpression::escape(image()))),
                 qPrintable(table.out));
        const auto plain = runCli({QStringLiteral("ps"), QStringLiteral("--format"), QStringLiteral("{{.ID}}:{{.Names}}:{{ .CreatedAt }}")});
        QVERIFY2(plain.out.contains(QRegularExpression(QStringLiteral("(^|\\n)%1:dozer:\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d{4} \\S+\\n")
                                                           .arg(id.left(12)))),
                 qPrintable(plain.out));
        const auto unknownField = runCli({QStringLiteral("ps"), QStringLiteral("--format"), QStringLiteral("{{.Nope}}")});
        QCOMPARE(unknownField.exitCode, 2);
        QVERIFY2(unknownField.err.contains(QStringLiteral("RunningFor")), qPrintable(unknownField.err));
        // -l: only the newest container, whatever its state; -n 1 the same.
        const auto newest = runCli({QStringLiteral("ps"), QStringLiteral("-l"), QStringLiteral("-q"), QStringLiteral("--no-trunc")});
        QCOMPARE(newest.out.trimmed(), runCli({QStringLiteral("ps"), QStringLiteral("-n"), QStringLiteral("1"), QStringLiteral("-q"),
                                               QStringLiteral("--no-trunc")}).out.trimmed());
        QCOMPARE(newest.out.count(QLatin1Char('\n')), 1);
        // Short flags combine as with docker: -aq is -a -q.
        const auto before = runCli({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--no-trunc")});
        QCOMPARE(before.exitCode, 0);
        QVERIFY2(before.out.split(QLatin1Char('\n')).contains(id), qPrintable(before.out + before.err));
        QCOMPARE(runCli({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("dozer")}).exitCode, 0);
        const auto after = runCli({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--no-trunc")});
        QCOMPARE(after.exitCode, 0);
        QVERIFY(!after.out.contains(id));
        QVERIFY(!QDir(fixtureFile(QStringLiteral("root/containers/") + id)).exists());
        QVERIFY(!mountedUnder(id));
    }

    void signalsRestartAndStopSignal()
    {
        // Says which signal came; TERM and QUIT end it with codes of their own.
        const QString script = QStringLiteral(
            "trap 'echo got-usr1' USR1; trap 'echo got-term; exit 7' TERM; trap 'echo got-quit; exit 9' QUIT; "
            "echo up; while true; do sleep 0.1; done");
        const auto logs = [](const QString &name) { return runCli({QStringLiteral("logs"), name}).out; };
        const auto created = runCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("signalled"),
                                     image(), QStringLiteral("sh"), QStringLiteral("-c"), script});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QTRY_VERIFY_WITH_TIMEOUT(logs(QStringLiteral("signalled")).contains(QStringLiteral("up")), 10000);

        // kill -s delivers the named signal and nothing more.
        QCOMPARE(runCli({QStringLiteral("kill"), QStringLiteral("-s"), QStringLiteral("USR1"), QStringLiteral("signalled")}).exitCode, 0);
        QTRY_VERIFY_WITH_TIMEOUT(logs(QStringLiteral("signalled")).contains(QStringLiteral("got-usr1")), 10000);
        QCOMPARE(state(QStringLiteral("signalled")), QStringLiteral("running"));

        // restart: SIGTERM (the script's exit 7), then a new run with a new PID 1.
        const int firstPid = inspect(QStringLiteral("signalled")).value(QStringLiteral("State")).toObject().value(QStringLiteral("Pid")).toInt();
        QCOMPARE(runCli({QStringLiteral("restart"), QStringLiteral("-t"), QStringLiteral("5"), QStringLiteral("signalled")}).exitCode, 0);
        QCOMPARE(state(QStringLiteral("signalled")), QStringLiteral("running"));
        const int secondPid = inspect(QStringLiteral("signalled")).value(QStringLiteral("State")).toObject().value(QStringLiteral("Pid")).toInt();
        QVERIFY(secondPid > 0 && secondPid != firstPid);
        QVERIFY2(logs(QStringLiteral("signalled")).contains(QStringLiteral("got-term")), qPrintable(logs(QStringLiteral("signalled"))));
        QVERIFY(!QDir(QStringLiteral("/proc/%1").arg(firstPid)).exists());

        // An image whose STOPSIGNAL is SIGQUIT: stop sends that, and inspect says so.
        const QString stopImage = QStringLiteral("berth-test/stop-signal:quit");
        const auto committed = runCli({QStringLiteral("commit"), QStringLiteral("--change"), QStringLiteral("STOPSIGNAL SIGQUIT"),
                                       QStringLiteral("signalled"), stopImage});
        QVERIFY2(committed.exitCode == 0, qPrintable(committed.err));
        QCOMPARE(runCli({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("signalled")}).exitCode, 0);
        QVERIFY2(runCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("quitter"), stopImage,
                         QStringLiteral("sh"), QStringLiteral("-c"), script}).exitCode == 0, "run from the committed image");
        QTRY_VERIFY_WITH_TIMEOUT(logs(QStringLiteral("quitter")).contains(QStringLiteral("up")), 10000);
        const auto info = inspect(QStringLiteral("quitter"));
        QCOMPARE(info.value(QStringLiteral("Config")).toObject().value(QStringLiteral("StopSignal")).toString(), QStringLiteral("SIGQUIT"));
        QCOMPARE(runCli({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("5"), QStringLiteral("quitter")}).exitCode, 0);
        QCOMPARE(inspect(QStringLiteral("quitter")).value(QStringLiteral("State")).toObject().value(QStringLiteral("ExitCode")).toInt(), 9);
        QVERIFY(logs(QStringLiteral("quitter")).contains(QStringLiteral("got-quit")));

        // kill -s 9 cannot be trapped.
        QCOMPARE(runCli({QStringLiteral("start"), QStringLiteral("quitter")}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("kill"), QStringLiteral("-s"), QStringLiteral("9"), QStringLiteral("quitter")}).exitCode, 0);
        QTRY_COMPARE_WITH_TIMEOUT(state(QStringLiteral("quitter")), QStringLiteral("exited"), 10000);
        QCOMPARE(inspect(QStringLiteral("quitter")).value(QStringLiteral("State")).toObject().value(QStringLiteral("ExitCode")).toInt(), 137);
        QCOMPARE(runCli({QStringLiteral("rm"), QStringLiteral("quitter")}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("rmi"), stopImage}).exitCode, 0);
    }

    void restartPolicyRetriesFailures()
    {
        const auto created = runCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("flaky"),
                                     QStringLiteral("--restart"), QStringLiteral("on-failure:2"), image(),
                                     QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("exit 3")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QTRY_COMPARE_WITH_TIMEOUT(inspect(QStringLiteral("flaky")).value(QStringLiteral("RestartCount")).toInt(), 2, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(state(QStringLiteral("flaky")), QStringLiteral("exited"), 20000);
        QTest::qWait(1500);
        QCOMPARE(inspect(QStringLiteral("flaky")).value(QStringLiteral("RestartCount")).toInt(), 2);
        QCOMPARE(runCli({QStringLiteral("rm"), QStringLiteral("flaky")}).exitCode, 0);
    }

    void alwaysComesBackAfterABootUnlessStoppedDoesNot()
    {
        for (const auto &[name, policy] : {std::pair{QStringLiteral("always-box"), QStringLiteral("always")},
                                           std::pair{QStringLiteral("unless-box"), QStringLiteral("unless-stopped")}}) {
            const auto created = runCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), name,
                                         QStringLiteral("--restart"), policy, image(), QStringLiteral("sleep"), QStringLiteral("600")});
            QVERIFY2(created.exitCode == 0, qPrintable(created.err));
            QCOMPARE(runCli({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("0"), name}).exitCode, 0);
        }
        // A person's stop holds while the machine stays up, also across helper restarts.
        killHelpers();
        QTest::qWait(1500);
        QCOMPARE(state(QStringLiteral("always-box")), QStringLiteral("exited"));
        // The machine "rebooted": the store last saw another boot id. Like dockerd starting
        // at boot, the helper brings `always` back even though it was stopped by hand.
        killHelpers();
        QFile bootId(fixtureFile(QStringLiteral("root/boot-id")));
        QVERIFY(bootId.exists());
        QVERIFY(bootId.open(QIODevice::WriteOnly | QIODevice::Truncate));
        bootId.write("00000000-0000-0000-0000-000000000000\n");
        bootId.close();
        QTRY_COMPARE_WITH_TIMEOUT(state(QStringLiteral("always-box")), QStringLiteral("running"), 10000);
        QCOMPARE(state(QStringLiteral("unless-box")), QStringLiteral("exited"));
        QCOMPARE(runCli({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("always-box"), QStringLiteral("unless-box")}).exitCode, 0);
    }

    void helperKilledMidRunReadoptsTheContainer()
    {
        const auto created = runCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("survivor"),
                                     image(), QStringLiteral("sleep"), QStringLiteral("600")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const int pid = inspect(QStringLiteral("survivor")).value(QStringLiteral("State")).toObject().value(QStringLiteral("Pid")).toInt();
        QVERIFY(pid > 0);
        QVERIFY(killHelpers() > 0);
        QTest::qWait(300);
        QVERIFY2(QDir(QStringLiteral("/proc/%1").arg(pid)).exists(), "the container died with the helper");
        // The next call activates a new helper, which finds the container's monitor again.
        QCOMPARE(state(QStringLiteral("survivor")), QStringLiteral("running"));
        QCOMPARE(inspect(QStringLiteral("survivor")).value(QStringLiteral("State")).toObject().value(QStringLiteral("Pid")).toInt(), pid);
        QCOMPARE(runCli({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("0"), QStringLiteral("survivor")}).exitCode, 0);
        QCOMPARE(state(QStringLiteral("survivor")), QStringLiteral("exited"));
        QCOMPARE(runCli({QStringLiteral("rm"), QStringLiteral("survivor")}).exitCode, 0);
    }

    void removedRunsLeaveNothingBehind()
    {
        for (int round = 0; round < 10; ++round) {
            const auto result = runCli({QStringLiteral("run"), QStringLiteral("--rm"), image(), QStringLiteral("true")});
            QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        }
        QTRY_VERIFY_WITH_TIMEOUT(QDir(fixtureFile(QStringLiteral("root/containers"))).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty(), 5000);
        QVERIFY(!mountedUnder(fixtureFile(QStringLiteral("root/containers"))));
    }
};

QTEST_GUILESS_MAIN(TestCliContainers)
#include "tst_cli_containers.moc"

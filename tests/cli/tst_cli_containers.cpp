// Containers end to end through the CLI and the helper on the fixture's bus, with the test
// image from the fixture's registry: exit codes, detached runs, ps, inspect, pause, stop
// with the SIGKILL fallback, restart policy, --rm leaving nothing behind, and a helper
// killed with SIGKILL re-adopting the container it was running.
#include "test_support.h"

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

        QCOMPARE(runCli({QStringLiteral("pause"), QStringLiteral("sleeper")}).exitCode, 0);
        QCOMPARE(state(QStringLiteral("sleeper")), QStringLiteral("paused"));
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
        QVERIFY(!QDir(QStringLiteral("/proc/%1").arg(pid)).exists());

        QCOMPARE(runCli({QStringLiteral("start"), QStringLiteral("sleeper")}).exitCode, 0);
        QCOMPARE(state(QStringLiteral("sleeper")), QStringLiteral("running"));
        QCOMPARE(runCli({QStringLiteral("rename"), QStringLiteral("sleeper"), QStringLiteral("dozer")}).exitCode, 0);
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

    void helperKilledMidRunReadoptsTheContainer()
    {
        const auto created = runCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("survivor"),
                                     image(), QStringLiteral("sleep"), QStringLiteral("600")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const int pid = inspect(QStringLiteral("survivor")).value(QStringLiteral("State")).toObject().value(QStringLiteral("Pid")).toInt();
        QVERIFY(pid > 0);
        const auto helpers = berth::test::run(QStringLiteral("pgrep"), {QStringLiteral("-f"),
                                              QStringLiteral("berth-helper --root %1").arg(fixtureFile(QStringLiteral("root")))});
        const QStringList pids = helpers.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(!pids.isEmpty(), qPrintable(helpers.err));
        for (const auto &helper : pids)
            ::kill(helper.toInt(), SIGKILL);
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

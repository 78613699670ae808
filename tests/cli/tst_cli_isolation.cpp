// What a container really is, checked from inside through the CLI and the helper on the
// fixture's bus: its own hostname, no host mounts, Docker's 14 capabilities, seccomp filter
// mode, masked kernel files, mount refused, a memory limit that OOM-kills and is reported,
// a pids limit that holds, and pause that really stops progress.
#include "test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

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

berth::test::RunResult inside(const QString &script, const QStringList &runOptions = {})
{
    return runCli(QStringList{QStringLiteral("run"), QStringLiteral("--rm")} + runOptions +
                  QStringList{image(), QStringLiteral("sh"), QStringLiteral("-c"), script});
}

QJsonObject stateOf(const QString &name)
{
    const auto result = runCli({QStringLiteral("inspect"), QStringLiteral("--type"), QStringLiteral("container"), name});
    return QJsonDocument::fromJson(result.out.toUtf8()).array().at(0).toObject().value(QStringLiteral("State")).toObject();
}

int logLines(const QString &name)
{
    return int(runCli({QStringLiteral("logs"), name}).out.count(QLatin1Char('\n')));
}

} // namespace

class TestCliIsolation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("needs root: containers need namespaces, mounts and cgroups");
        const auto pulled = runCli({QStringLiteral("pull"), QStringLiteral("-q"), image()});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.out + pulled.err));
    }

    void namespacesHideTheHost()
    {
        const auto named = inside(QStringLiteral("hostname; echo $$"), {QStringLiteral("--hostname"), QStringLiteral("box")});
        QCOMPARE(named.out, QStringLiteral("box\n1\n"));
        // No mount of the host's shows: not the store, not the fixture's directories.
        const auto mounts = inside(QStringLiteral("cat /proc/self/mountinfo"));
        QCOMPARE(mounts.exitCode, 0);
        QVERIFY2(!mounts.out.contains(berth::test::environmentDirectory() + QStringLiteral("/bus")), qPrintable(mounts.out));
        QVERIFY2(!mounts.out.contains(QStringLiteral(" /home")), qPrintable(mounts.out));
        const QStringList lines = mounts.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.first().contains(QStringLiteral(" / / ")), qPrintable(lines.first()));
    }

    void privilegesAreDockersDefaults()
    {
        const auto status = inside(QStringLiteral("grep -E '^(CapEff|CapBnd|Seccomp|NoNewPrivs):' /proc/self/status"));
        // Docker's 14 default capabilities: chown dac_override fowner fsetid kill setgid setuid
        // setpcap net_bind_service net_raw sys_chroot mknod audit_write setfcap.
        QVERIFY2(status.out.contains(QStringLiteral("CapEff:\t00000000a80425fb")), qPrintable(status.out));
        QVERIFY2(status.out.contains(QStringLiteral("CapBnd:\t00000000a80425fb")), qPrintable(status.out));
        QVERIFY2(status.out.contains(QStringLiteral("Seccomp:\t2")), qPrintable(status.out));
        // Without the capability, mounting is refused.
        const auto mount = inside(QStringLiteral("mount -t tmpfs none /mnt"));
        QVERIFY(mount.exitCode != 0);
        // --privileged has them all and no filter.
        const auto privileged = inside(QStringLiteral("grep -E '^(CapEff|Seccomp):' /proc/self/status"),
                                       {QStringLiteral("--privileged")});
        QVERIFY2(privileged.out.contains(QStringLiteral("Seccomp:\t0")), qPrintable(privileged.out));
        QVERIFY2(!privileged.out.contains(QStringLiteral("CapEff:\t00000000a80425fb")), qPrintable(privileged.out));
    }

    void seccompProfileFromAFile()
    {
        // Everything allowed but making directories: the file's profile is the one in force.
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const QString profilePath = directory.filePath(QStringLiteral("no-mkdir.json"));
        QFile profile(profilePath);
        QVERIFY(profile.open(QIODevice::WriteOnly));
        profile.write(R"({"defaultAction": "SCMP_ACT_ALLOW",
                          "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO"}]})");
        profile.close();
        const auto confined = inside(QStringLiteral("grep '^Seccomp:' /proc/self/status; mkdir /made && echo made || echo refused"),
                                     {QStringLiteral("--security-opt"), QStringLiteral("seccomp=") + profilePath});
        QCOMPARE(confined.exitCode, 0);
        QCOMPARE(confined.out, QStringLiteral("Seccomp:\t2\nrefused\n"));
        // A file that is not there is named, with what to do.
        const auto missing = inside(QStringLiteral("true"), {QStringLiteral("--security-opt"),
                                                              QStringLiteral("seccomp=") + directory.filePath(QStringLiteral("nosuch.json"))});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("nosuch.json")) && missing.err.contains(QStringLiteral("seccomp=unconfined")),
                 qPrintable(missing.err));
    }

    void kernelFilesAreMaskedOrReadOnly()
    {
        // /proc/keys lists the host's keys (never empty here: the test reads it first); in the
        // container it is /dev/null. /proc/kcore is not checked: many kernels have none.
        QFile hostKeys(QStringLiteral("/proc/keys"));
        if (!hostKeys.open(QIODevice::ReadOnly) || hostKeys.readAll().isEmpty())
            QSKIP("this kernel has no /proc/keys to hide");
        const auto masked = inside(QStringLiteral("wc -c < /proc/keys; ls /sys/firmware | wc -l; "
                                                  "echo 1 > /proc/sys/kernel/domainname && echo wrote || echo refused"));
        QCOMPARE(masked.out, QStringLiteral("0\n0\nrefused\n"));
    }

    void memoryLimitKillsAndIsReported()
    {
        // The shell doubles a string until the 16 MiB limit (no swap) stops it.
        const auto run = runCli({QStringLiteral("run"), QStringLiteral("--name"), QStringLiteral("greedy"),
                                 QStringLiteral("-m"), QStringLiteral("16m"), QStringLiteral("--memory-swap"),
                                 QStringLiteral("16m"), image(), QStringLiteral("sh"), QStringLiteral("-c"),
                                 QStringLiteral("a=xxxxxxxxxxxxxxxx; while true; do a=$a$a; done")});
        QCOMPARE(run.exitCode, 137);
        const auto state = stateOf(QStringLiteral("greedy"));
        QCOMPARE(state.value(QStringLiteral("OOMKilled")).toBool(), true);
        QCOMPARE(state.value(QStringLiteral("ExitCode")).toInt(), 137);
        QCOMPARE(runCli({QStringLiteral("rm"), QStringLiteral("greedy")}).exitCode, 0);
    }

    void cpuLimitsReachTheCgroup()
    {
        const auto started = runCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("limited"),
                                     QStringLiteral("--cpus"), QStringLiteral("0.5"), QStringLiteral("--cpu-shares"), QStringLiteral("512"),
                                     image(), QStringLiteral("sleep"), QStringLiteral("600")});
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        const int pid = stateOf(QStringLiteral("limited")).value(QStringLiteral("Pid")).toInt();
        QVERIFY(pid > 0);
        // Where its cgroup is, from the kernel: "0::/path" on v2, "N:cpu,cpuacct:/path" on v1.
        QFile membership(QStringLiteral("/proc/%1/cgroup").arg(pid));
        QVERIFY(membership.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(membership.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const auto readCgroupFile = [](const QString &path) {
            QFile file(path);
            return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QStringLiteral("(unreadable %1)").arg(path);
        };
        QString v1Cpu;
        QString unified;
        for (const QString &line : lines) {
            const QStringList fields = line.split(QLatin1Char(':'));
            if (fields.size() < 3)
                continue;
            // Mounted under the hierarchy's controller list (cpu, or cpu,cpuacct).
            if (fields[1].split(QLatin1Char(',')).contains(QStringLiteral("cpu")))
                v1Cpu = QStringLiteral("/sys/fs/cgroup/") + fields[1] + fields.mid(2).join(QLatin1Char(':'));
            if (fields[0] == QLatin1String("0") && fields[1].isEmpty())
                unified = fields.mid(2).join(QLatin1Char(':'));
        }
        if (!v1Cpu.isEmpty()) {
            const QString &directory = v1Cpu;
            QCOMPARE(readCgroupFile(directory + QStringLiteral("/cpu.cfs_quota_us")), QStringLiteral("50000"));
            QCOMPARE(readCgroupFile(directory + QStringLiteral("/cpu.cfs_period_us")), QStringLiteral("100000"));
            QCOMPARE(readCgroupFile(directory + QStringLiteral("/cpu.shares")), QStringLiteral("512"));
        } else {
            QVERIFY2(!unified.isEmpty(), qPrintable(lines.join(QLatin1Char('\n'))));
            const QString directory = QStringLiteral("/sys/fs/cgroup") + unified;
            QCOMPARE(readCgroupFile(directory + QStringLiteral("/cpu.max")), QStringLiteral("50000 100000"));
            // Shares 512 of 1024 as a weight (runc's conversion): 1 + ((512 - 2) * 9999) / 262142.
            QCOMPARE(readCgroupFile(directory + QStringLiteral("/cpu.weight")), QString::number(1 + ((512 - 2) * 9999) / 262142));
        }
        QCOMPARE(runCli({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("limited")}).exitCode, 0);
    }

    void pidsLimitHolds()
    {
        const auto run = inside(QStringLiteral("for i in 1 2 3 4 5 6 7 8 9 10; do sleep 5 & done; wait"),
                                {QStringLiteral("--pids-limit"), QStringLiteral("5")});
        QVERIFY2(run.err.contains(QStringLiteral("fork")), qPrintable(run.out + run.err));
    }

    void pauseStopsProgress()
    {
        const auto started = runCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"),
                                     QStringLiteral("counter"), image(), QStringLiteral("sh"), QStringLiteral("-c"),
                                     QStringLiteral("i=0; while true; do i=$((i+1)); echo $i; sleep 0.05; done")});
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        QTRY_VERIFY_WITH_TIMEOUT(logLines(QStringLiteral("counter")) > 3, 10000);
        QCOMPARE(runCli({QStringLiteral("pause"), QStringLiteral("counter")}).exitCode, 0);
        QCOMPARE(stateOf(QStringLiteral("counter")).value(QStringLiteral("Status")).toString(), QStringLiteral("paused"));
        const int whenPaused = logLines(QStringLiteral("counter"));
        QThread::msleep(700);
        QCOMPARE(logLines(QStringLiteral("counter")), whenPaused);
        QCOMPARE(runCli({QStringLiteral("unpause"), QStringLiteral("counter")}).exitCode, 0);
        QTRY_VERIFY_WITH_TIMEOUT(logLines(QStringLiteral("counter")) > whenPaused + 3, 10000);
        QCOMPARE(runCli({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("counter")}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliIsolation)
#include "tst_cli_isolation.moc"

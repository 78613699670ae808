// berth-runtime end to end on this kernel: a bundle made of busybox-static, driven through
// the runc-style command line, checked from inside the container (what it can see and do)
// and from outside (state, cgroups, mounts and files left behind).
#include "engine/container/default_seccomp_profile.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <nlohmann/json.hpp>

#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <fstream>

using berth::test::RunResult;
using nlohmann::json;

namespace {

// Docker's default capabilities: what CapEff must show inside a default container.
const std::vector<std::string> dockerCapabilities{
    "CAP_CHOWN",  "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD",
    "CAP_NET_RAW", "CAP_SETGID",      "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP",
    "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE"};
constexpr const char *dockerCapEff = "00000000a80425fb";

QString runtimePath()
{
    return qEnvironmentVariable("BERTH_RUNTIME");
}

} // namespace

class RuntimeTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir workspace_;
    QString stateRoot_;
    QString bundle_;
    int counter_ = 0;

    QString uniqueId(const char *stem) { return QStringLiteral("%1-%2-%3").arg(stem).arg(getpid()).arg(++counter_); }

    // A spec as Berth's engine will write it for `berth run IMAGE ARGS`: Docker's defaults.
    json defaultSpec(const std::vector<std::string> &args)
    {
        json capabilities = dockerCapabilities;
        return json{
            {"ociVersion", "1.0.2"},
            {"root", {{"path", "rootfs"}}},
            {"hostname", "berthbox"},
            {"process",
             {{"args", args},
              {"env", {"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME=/root"}},
              {"cwd", "/"},
              {"user", {{"uid", 0}, {"gid", 0}}},
              {"capabilities",
               {{"bounding", capabilities}, {"effective", capabilities}, {"permitted", capabilities}}},
              {"rlimits", json::array()},
              {"noNewPrivileges", false}}},
            {"mounts",
             {{{"destination", "/proc"}, {"type", "proc"}, {"source", "proc"}, {"options", {"nosuid", "noexec", "nodev"}}},
              {{"destination", "/dev"}, {"type", "tmpfs"}, {"source", "tmpfs"}, {"options", {"nosuid", "strictatime", "mode=755", "size=65536k"}}},
              {{"destination", "/dev/pts"}, {"type", "devpts"}, {"source", "devpts"}, {"options", {"nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"}}},
              {{"destination", "/sys"}, {"type", "sysfs"}, {"source", "sysfs"}, {"options", {"nosuid", "noexec", "nodev", "ro"}}},
              {{"destination", "/sys/fs/cgroup"}, {"type", "cgroup"}, {"source", "cgroup"}, {"options", {"ro", "nosuid", "noexec", "nodev"}}},
              {{"destination", "/dev/mqueue"}, {"type", "mqueue"}, {"source", "mqueue"}, {"options", {"nosuid", "noexec", "nodev"}}},
              {{"destination", "/dev/shm"}, {"type", "tmpfs"}, {"source", "shm"}, {"options", {"nosuid", "noexec", "nodev", "mode=1777", "size=65536k"}}}}},
            {"linux",
             {{"namespaces", {{{"type", "pid"}}, {{"type", "mount"}}, {{"type", "uts"}}, {{"type", "ipc"}}, {{"type", "network"}}, {{"type", "cgroup"}}}},
              {"resources", json::object()},
              {"seccomp", berth::container::defaultSeccompProfile(dockerCapabilities)},
              {"maskedPaths", {"/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
                               "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi",
                               "/sys/firmware", "/sys/devices/virtual/powercap"}},
              {"readonlyPaths", {"/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"}}}},
        };
    }

    QString writeBundle(const json &spec)
    {
        const QString directory = workspace_.filePath(QStringLiteral("bundle-%1").arg(++counter_));
        QDir().mkpath(directory);
        QFile::link(bundle_ + QStringLiteral("/rootfs"), directory + QStringLiteral("/rootfs"));
        std::ofstream(QString(directory + QStringLiteral("/config.json")).toStdString()) << spec.dump(2);
        return directory;
    }

    RunResult runtime(const QStringList &arguments, int timeoutMs = 60000)
    {
        QStringList all{QStringLiteral("--root"), stateRoot_};
        all += arguments;
        return berth::test::run(runtimePath(), all, QProcessEnvironment::systemEnvironment(), {}, timeoutMs);
    }

    RunResult runSpec(const json &spec, const char *stem = "run")
    {
        const QString bundle = writeBundle(spec);
        return runtime({QStringLiteral("run"), QStringLiteral("--bundle"), bundle, uniqueId(stem)});
    }

    RunResult runShell(const QString &script)
    {
        return runSpec(defaultSpec({"/bin/sh", "-c", script.toStdString()}));
    }

    QString statusOf(const QString &id)
    {
        auto result = runtime({QStringLiteral("state"), id});
        auto document = json::parse(result.out.toStdString(), nullptr, false);
        if (document.is_discarded())
            return QStringLiteral("(no state: %1)").arg(result.err);
        return QString::fromStdString(document.value("status", ""));
    }

    static QStringList hostMountsUnder(const QString &path)
    {
        QFile file(QStringLiteral("/proc/self/mountinfo"));
        QStringList found;
        if (!file.open(QIODevice::ReadOnly))
            return found;
        for (const auto &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
            if (line.contains(path))
                found << line;
        }
        return found;
    }

    static bool cgroupExists(const QString &relative)
    {
        for (const char *hierarchy : {"/sys/fs/cgroup/memory", "/sys/fs/cgroup/pids", "/sys/fs/cgroup/unified", "/sys/fs/cgroup"}) {
            if (QFileInfo::exists(QString::fromLatin1(hierarchy) + relative + QStringLiteral("/cgroup.procs")))
                return true;
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("berth-runtime needs root to create namespaces and cgroups");
        QVERIFY2(!runtimePath().isEmpty(), "BERTH_RUNTIME must name the berth-runtime executable");
        QVERIFY(workspace_.isValid());
        stateRoot_ = workspace_.filePath(QStringLiteral("state"));
        bundle_ = workspace_.filePath(QStringLiteral("base"));
        const QString rootfs = bundle_ + QStringLiteral("/rootfs");
        for (const char *directory : {"bin", "tmp", "etc", "mnt", "root", "home/app"})
            QVERIFY(QDir().mkpath(rootfs + QLatin1Char('/') + QLatin1String(directory)));
        QVERIFY2(QFile::copy(QStringLiteral("/bin/busybox"), rootfs + QStringLiteral("/bin/busybox")),
                 "busybox-static must be installed (/bin/busybox)");
        auto applets = berth::test::run(QStringLiteral("/bin/busybox"), {QStringLiteral("--list")});
        for (const auto &applet : applets.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            QFile::link(QStringLiteral("busybox"), rootfs + QStringLiteral("/bin/") + applet);
        QFile passwd(rootfs + QStringLiteral("/etc/passwd"));
        QVERIFY(passwd.open(QIODevice::WriteOnly));
        passwd.write("root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\n");
    }

    void isolationSeenFromInside()
    {
        auto result = runShell(QStringLiteral(
            "echo pid=$$; echo host=$(hostname); grep -E '^(CapEff|Seccomp|NoNewPrivs):' /proc/self/status;"
            "echo masked=$(wc -c < /proc/keys) $(wc -c < /proc/timer_list); "
            "mount -t tmpfs none /mnt 2>/dev/null && echo mount=allowed || echo mount=refused;"
            "(echo x > /proc/sys/kernel/domainname) 2>/dev/null && echo procsys=writable || echo procsys=readonly;"
            "(touch /sys/fs/cgroup/x) 2>/dev/null && echo cgroupfs=writable || echo cgroupfs=readonly;"
            "unshare -U true 2>/dev/null && echo unshare=allowed || echo unshare=refused;"
            "echo mounts=$(wc -l < /proc/mounts); echo processes=$(ls -d /proc/[0-9]* | wc -l)"));
        QCOMPARE(result.exitCode, 0);
        const QString out = result.out;
        QVERIFY2(out.contains(QStringLiteral("pid=1\n")), qPrintable(out + result.err));
        QVERIFY(out.contains(QStringLiteral("host=berthbox\n")));
        QVERIFY2(out.contains(QStringLiteral("CapEff:\t%1").arg(QLatin1String(dockerCapEff))), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("Seccomp:\t2")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("NoNewPrivs:\t0")));
        // Both exist on the host with content; masked, they read as empty.
        QVERIFY2(out.contains(QStringLiteral("masked=0 0\n")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("mount=refused")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("procsys=readonly")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("cgroupfs=readonly")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("unshare=refused")), qPrintable(out));
        // Only the container's own mounts and processes are visible.
        QRegularExpression mounts(QStringLiteral("mounts=(\\d+)"));
        const int mountCount = mounts.match(out).captured(1).toInt();
        QVERIFY2(mountCount > 5 && mountCount < 60, qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("processes=")) &&
                     QRegularExpression(QStringLiteral("processes=[1-4]\\n")).match(out).hasMatch(),
                 qPrintable(out));
    }

    void hostFilesystemInvisible()
    {
        auto result = runShell(QStringLiteral("cat /proc/mounts; ls /"));
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(!result.out.contains(workspace_.path()), qPrintable(result.out));
        QVERIFY(!result.out.contains(QStringLiteral("/work")));
    }

    void devicesAndConsoleLinks()
    {
        auto result = runShell(QStringLiteral("ls -l /dev; echo hi > /dev/null && echo null-ok; head -c 4 /dev/urandom | wc -c"));
        QCOMPARE(result.exitCode, 0);
        for (const char *name : {"null", "zero", "full", "random", "urandom", "tty", "ptmx", "pts", "shm", "mqueue"})
            QVERIFY2(result.out.contains(QLatin1String(name)), name);
        QVERIFY(result.out.contains(QStringLiteral("null-ok")));
        QVERIFY(result.out.trimmed().endsWith(QLatin1Char('4')));
    }

    void exitCodesPassThrough()
    {
        QCOMPARE(runShell(QStringLiteral("exit 7")).exitCode, 7);
        // The container's PID 1 ignores signals it does not handle, even from inside; from
        // outside, SIGKILL ends it and run reports 128+9 as Docker does.
        const QString id = uniqueId("killed");
        QProcess running;
        running.start(runtimePath(), {QStringLiteral("--root"), stateRoot_, QStringLiteral("run"), QStringLiteral("--bundle"),
                                      writeBundle(defaultSpec({"sleep", "60"})), id});
        QTRY_COMPARE(statusOf(id), QStringLiteral("running"));
        QCOMPARE(runtime({QStringLiteral("kill"), id, QStringLiteral("KILL")}).exitCode, 0);
        QVERIFY(running.waitForFinished(10000));
        QCOMPARE(running.exitCode(), 137);
        QVERIFY(!QFileInfo::exists(stateRoot_ + QLatin1Char('/') + id));
    }

    void missingProgramFailsAtCreate()
    {
        const QString id = uniqueId("missing");
        auto result = runtime({QStringLiteral("create"), QStringLiteral("--bundle"),
                               writeBundle(defaultSpec({"no-such-program"})), id});
        // 127 as a shell (and podman) would say: the program was not found.
        QCOMPARE(result.exitCode, 127);
        QVERIFY2(result.err.contains(QStringLiteral("`no-such-program` was not found in the container's PATH")),
                 qPrintable(result.err));
        QVERIFY(!QFileInfo::exists(stateRoot_ + QLatin1Char('/') + id));
        QVERIFY(!cgroupExists(QStringLiteral("/berth/") + id));

        // 126: found, but not something that can be executed.
        const QString notExecutable = uniqueId("noexec");
        result = runtime({QStringLiteral("run"), QStringLiteral("--bundle"), writeBundle(defaultSpec({"/etc/passwd"})),
                          notExecutable});
        QCOMPARE(result.exitCode, 126);
        QVERIFY2(result.err.contains(QStringLiteral("`/etc/passwd` is not an executable file")), qPrintable(result.err));
        QVERIFY(!QFileInfo::exists(stateRoot_ + QLatin1Char('/') + notExecutable));
    }

    void userAndGroups()
    {
        json spec = defaultSpec({"/bin/sh", "-c", "id -u; id -g; id -G; grep CapEff /proc/self/status"});
        spec["process"]["user"] = {{"uid", 1000}, {"gid", 1000}, {"additionalGids", {1000, 20}}};
        auto result = runSpec(spec);
        QCOMPARE(result.exitCode, 0);
        const QStringList lines = result.out.split(QLatin1Char('\n'));
        QCOMPARE(lines.value(0), QStringLiteral("1000"));
        QCOMPARE(lines.value(1), QStringLiteral("1000"));
        QVERIFY2(lines.value(2).contains(QStringLiteral("20")), qPrintable(result.out));
        // Docker's rule: a non-root user keeps no effective capabilities.
        QVERIFY2(lines.value(3).contains(QStringLiteral("0000000000000000")), qPrintable(result.out));
    }

    void ambientCapabilitiesReachANonRootUser()
    {
        json spec = defaultSpec({"/bin/sh", "-c", "grep -E '^Cap(Eff|Amb):' /proc/self/status"});
        spec["process"]["user"] = {{"uid", 1000}, {"gid", 1000}};
        // NET_BIND_SERVICE is raisable; AUDIT_WRITE lacks the inheritable bit and is skipped,
        // as runc and crun skip it for specs written by `runc spec`.
        spec["process"]["capabilities"]["inheritable"] = {"CAP_NET_BIND_SERVICE"};
        spec["process"]["capabilities"]["ambient"] = {"CAP_NET_BIND_SERVICE", "CAP_AUDIT_WRITE"};
        spec["process"]["capabilities"]["effective"] = {"CAP_NET_BIND_SERVICE"};
        spec["process"]["capabilities"]["permitted"] = {"CAP_NET_BIND_SERVICE", "CAP_AUDIT_WRITE"};
        auto result = runSpec(spec);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(QStringLiteral("CapAmb:\t0000000000000400")), qPrintable(result.out + result.err));
        QVERIFY2(result.out.contains(QStringLiteral("CapEff:\t0000000000000400")), qPrintable(result.out));
    }

    void rlimitAboveHardLimitIsClamped()
    {
        rlimit current{};
        getrlimit(RLIMIT_NOFILE, &current);
        if (current.rlim_max == RLIM_INFINITY)
            QSKIP("the open-files hard limit is unlimited here; nothing to clamp");
        json spec = defaultSpec({"/bin/sh", "-c", "ulimit -n; ulimit -Hn"});
        spec["process"]["rlimits"] = {{{"type", "RLIMIT_NOFILE"}, {"soft", current.rlim_max + 1000}, {"hard", current.rlim_max + 1000}}};
        auto result = runSpec(spec);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.contains(QStringLiteral("RLIMIT_NOFILE hard limit")) &&
                     result.err.contains(QStringLiteral("CAP_SYS_RESOURCE")),
                 qPrintable(result.err));
        QCOMPARE(result.out.split(QLatin1Char('\n')).value(1), QString::number(current.rlim_max));
    }

    void lifecycleCreateStartPauseKillDelete()
    {
        const QString id = uniqueId("life");
        const QString bundle = writeBundle(defaultSpec(
            // Written aside and renamed, so a reader never sees the file between truncation and
            // write: QTRY_VERIFY evaluates its condition more than once and one empty read fails it.
            {"/bin/sh", "-c", "i=0; while true; do i=$((i+1)); echo $i > /tmp/count.new; mv /tmp/count.new /tmp/count; usleep 20000; done"}));
        const QString pidFile = workspace_.filePath(id + QStringLiteral(".pid"));
        auto created = runtime({QStringLiteral("create"), QStringLiteral("--bundle"), bundle,
                                QStringLiteral("--pid-file"), pidFile, id});
        QCOMPARE(created.exitCode, 0);
        QCOMPARE(statusOf(id), QStringLiteral("created"));
        QFile pid(pidFile);
        QVERIFY(pid.open(QIODevice::ReadOnly));
        QVERIFY(pid.readAll().toInt() > 1);
        QVERIFY(cgroupExists(QStringLiteral("/berth/") + id));
        QCOMPARE(runtime({QStringLiteral("start"), id}).exitCode, 0);
        QCOMPARE(statusOf(id), QStringLiteral("running"));
        QCOMPARE(runtime({QStringLiteral("start"), id}).exitCode, 1); // only created ones start

        auto count = [&] { return runtime({QStringLiteral("exec"), id, QStringLiteral("cat"), QStringLiteral("/tmp/count")}).out.trimmed().toInt(); };
        QTRY_VERIFY(count() > 0);
        QCOMPARE(runtime({QStringLiteral("pause"), id}).exitCode, 0);
        QCOMPARE(statusOf(id), QStringLiteral("paused"));
        auto refused = runtime({QStringLiteral("exec"), id, QStringLiteral("true")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.err.contains(QStringLiteral("paused")));
        QCOMPARE(runtime({QStringLiteral("resume"), id}).exitCode, 0);
        const int before = count();
        QTRY_VERIFY(count() > before);

        // exec sees the container's pid namespace, user switch and exit code.
        auto exec = runtime({QStringLiteral("exec"), QStringLiteral("--user"), QStringLiteral("1000:1000"), id,
                             QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("ps -o pid,user,args | head -3; id -u; exit 3")});
        QCOMPARE(exec.exitCode, 3);
        QVERIFY2(exec.out.contains(QStringLiteral("1000\n")), qPrintable(exec.out));
        QVERIFY2(QRegularExpression(QStringLiteral("\\s1 .*while true")).match(exec.out).hasMatch(), qPrintable(exec.out));

        auto notStopped = runtime({QStringLiteral("delete"), id});
        QCOMPARE(notStopped.exitCode, 1);
        QVERIFY(notStopped.err.contains(QStringLiteral("--force")));
        QCOMPARE(runtime({QStringLiteral("kill"), id, QStringLiteral("KILL")}).exitCode, 0);
        QTRY_COMPARE(statusOf(id), QStringLiteral("stopped"));
        QCOMPARE(runtime({QStringLiteral("delete"), id}).exitCode, 0);
        QVERIFY(!QFileInfo::exists(stateRoot_ + QLatin1Char('/') + id));
        QVERIFY(!cgroupExists(QStringLiteral("/berth/") + id));
        QCOMPARE(runtime({QStringLiteral("state"), id}).exitCode, 1);
    }

    void limitsHold()
    {
        // Once the limit is reached even the shell cannot fork: count with built-ins only.
        json spec = defaultSpec({"/bin/sh", "-c",
                                 "sh -c 'for i in $(seq 30); do sleep 3 & done' 2>/dev/null;"
                                 "set -- /proc/[0-9]*; echo started=$#; read limit < /sys/fs/cgroup/pids/pids.max; echo limit=$limit"});
        spec["linux"]["resources"] = {{"pids", {{"limit", 10}}}};
        auto pids = runSpec(spec);
        QRegularExpression started(QStringLiteral("started=(\\d+)"));
        const int running = started.match(pids.out).captured(1).toInt();
        QVERIFY2(running > 1 && running <= 10, qPrintable(pids.out + pids.err));
        QVERIFY2(pids.out.contains(QStringLiteral("limit=10")), qPrintable(pids.out));

        json memory = defaultSpec({"/bin/sh", "-c", "x=$(head -c 200000000 /dev/zero | tr '\\0' a); echo survived"});
        memory["linux"]["resources"] = {{"memory", {{"limit", 32 * 1024 * 1024}}}};
        auto oom = runSpec(memory);
        QVERIFY2(!oom.out.contains(QStringLiteral("survived")), qPrintable(oom.out));
        QVERIFY2(oom.exitCode == 137 || oom.exitCode == 1 || oom.exitCode == 2, qPrintable(QString::number(oom.exitCode)));
    }

    void terminalThroughConsoleSocket()
    {
        const QString id = uniqueId("tty");
        const QString socketPath = workspace_.filePath(QStringLiteral("console.sock"));
        const int listener = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        qstrncpy(address.sun_path, QFile::encodeName(socketPath).constData(), sizeof address.sun_path);
        QCOMPARE(::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        QCOMPARE(::listen(listener, 1), 0);
        json spec = defaultSpec({"/bin/sh", "-c", "tty; stty size"});
        spec["process"]["terminal"] = true;
        spec["process"]["consoleSize"] = {{"height", 33}, {"width", 101}};
        QProcess creator;
        creator.start(runtimePath(), {QStringLiteral("--root"), stateRoot_, QStringLiteral("create"), QStringLiteral("--bundle"),
                                      writeBundle(spec), QStringLiteral("--console-socket"), socketPath, id});
        const int connection = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
        QVERIFY(connection >= 0);
        char note[64];
        char control[CMSG_SPACE(sizeof(int))] = {};
        iovec data{note, sizeof note};
        msghdr message{};
        message.msg_iov = &data;
        message.msg_iovlen = 1;
        message.msg_control = control;
        message.msg_controllen = sizeof control;
        QVERIFY(::recvmsg(connection, &message, 0) > 0);
        int primary = -1;
        memcpy(&primary, CMSG_DATA(CMSG_FIRSTHDR(&message)), sizeof(int));
        QVERIFY(primary >= 0);
        QVERIFY(creator.waitForFinished(30000));
        QCOMPARE(creator.exitCode(), 0);
        QCOMPARE(runtime({QStringLiteral("start"), id}).exitCode, 0);
        QByteArray output;
        char buffer[256];
        for (int attempt = 0; attempt < 100 && !output.contains("33 101"); ++attempt) {
            const ssize_t got = ::read(primary, buffer, sizeof buffer);
            if (got <= 0)
                break;
            output.append(buffer, got);
        }
        QVERIFY2(output.contains("/dev/pts/0"), output.constData());
        QVERIFY2(output.contains("33 101"), output.constData());
        ::close(primary);
        ::close(connection);
        ::close(listener);
        QTRY_COMPARE(statusOf(id), QStringLiteral("stopped"));
        QCOMPARE(runtime({QStringLiteral("delete"), id}).exitCode, 0);
    }

    void badInputsAreExplained()
    {
        auto noBundle = runtime({QStringLiteral("create"), QStringLiteral("--bundle"), workspace_.filePath(QStringLiteral("nowhere")), uniqueId("bad")});
        QCOMPARE(noBundle.exitCode, 1);
        QVERIFY2(noBundle.err.contains(QStringLiteral("no config.json")), qPrintable(noBundle.err));

        const QString broken = writeBundle(json::object());
        std::ofstream(QString(broken + QStringLiteral("/config.json")).toStdString()) << "{ not json";
        auto badJson = runtime({QStringLiteral("create"), QStringLiteral("--bundle"), broken, uniqueId("bad")});
        QCOMPARE(badJson.exitCode, 1);
        QVERIFY2(badJson.err.contains(QStringLiteral("not a JSON object")), qPrintable(badJson.err));

        json noRoot = defaultSpec({"true"});
        noRoot["root"]["path"] = "missing-rootfs";
        auto missingRoot = runtime({QStringLiteral("create"), QStringLiteral("--bundle"), writeBundle(noRoot), uniqueId("bad")});
        QCOMPARE(missingRoot.exitCode, 1);
        QVERIFY2(missingRoot.err.contains(QStringLiteral("is not a directory")), qPrintable(missingRoot.err));

        json badCap = defaultSpec({"true"});
        badCap["process"]["capabilities"]["bounding"] = {"CAP_FLY"};
        auto capability = runtime({QStringLiteral("create"), QStringLiteral("--bundle"), writeBundle(badCap), uniqueId("bad")});
        QCOMPARE(capability.exitCode, 1);
        QVERIFY2(capability.err.contains(QStringLiteral("`CAP_FLY`")), qPrintable(capability.err));

        const QString id = uniqueId("twice");
        const QString bundle = writeBundle(defaultSpec({"sleep", "30"}));
        QCOMPARE(runtime({QStringLiteral("create"), QStringLiteral("--bundle"), bundle, id}).exitCode, 0);
        auto twice = runtime({QStringLiteral("create"), QStringLiteral("--bundle"), bundle, id});
        QCOMPARE(twice.exitCode, 1);
        QVERIFY2(twice.err.contains(QStringLiteral("already exists")), qPrintable(twice.err));
        QCOMPARE(runtime({QStringLiteral("delete"), id}).exitCode, 0); // a created container may be deleted

        QCOMPARE(runtime({QStringLiteral("fly")}).exitCode, 2);
        QCOMPARE(runtime({QStringLiteral("kill"), id, QStringLiteral("NOSUCHSIG")}).exitCode, 2);
        QCOMPARE(runtime({QStringLiteral("create"), QStringLiteral("--bundle")}).exitCode, 2);
        auto badId = runtime({QStringLiteral("state"), QStringLiteral("../etc")});
        QCOMPARE(badId.exitCode, 1);
        QVERIFY(badId.err.contains(QStringLiteral("not valid")));
    }

    void repeatedRunsLeaveNothingBehind()
    {
        const QString bundle = writeBundle(defaultSpec({"true"}));
        const int fdsBefore = QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size();
        for (int round = 0; round < 30; ++round) {
            auto result = runtime({QStringLiteral("run"), QStringLiteral("--bundle"), bundle, uniqueId("cycle")});
            QCOMPARE(result.exitCode, 0);
        }
        QVERIFY(QDir(stateRoot_).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).filter(QStringLiteral("cycle")).isEmpty());
        QVERIFY(QDir(QStringLiteral("/sys/fs/cgroup/memory/berth")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).filter(QStringLiteral("cycle")).isEmpty());
        QVERIFY2(hostMountsUnder(workspace_.path()).isEmpty(), qPrintable(hostMountsUnder(workspace_.path()).join(QLatin1Char('\n'))));
        const int fdsAfter = QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size();
        QCOMPARE(fdsAfter, fdsBefore);
        auto leftovers = berth::test::run(QStringLiteral("pgrep"), {QStringLiteral("-f"), QStringLiteral("cycle-")});
        QVERIFY(leftovers.out.trimmed().isEmpty());
    }

    void cleanupTestCase()
    {
        auto listed = runtime({QStringLiteral("list"), QStringLiteral("-q")});
        for (const auto &id : listed.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            (void)runtime({QStringLiteral("delete"), QStringLiteral("--force"), id});
    }
};

QTEST_GUILESS_MAIN(RuntimeTest)
#include "tst_runtime.moc"

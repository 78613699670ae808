// 200 `berth run --rm IMAGE true` cycles through the CLI and the helper on the fixture's
// bus, then a look for anything they left behind: mounts under the store's containers/
// directory, container directories, cgroups in every v1 hierarchy and in cgroup2, runtime
// state, file descriptors in berth-helper, berth-monitor and berth-runtime processes, and
// container records. The ids of the containers are caught with inotify as their
// directories are renamed into place, so that each one is looked for by name even while
// other Berth instances on the machine run containers of their own.
#include "test_support.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QTest>

#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

using berth::test::runCli;

namespace {

constexpr int cycles = 200;
// Where berth-helper tells berth-runtime to keep its state (helper/container_manager.cpp).
const QString runtimeRoot = QStringLiteral("/run/berth/runtime");

QString fixtureFile(const QString &relative)
{
    return berth::test::environmentDirectory() + QLatin1Char('/') + relative;
}

QString containersDirectory()
{
    return fixtureFile(QStringLiteral("root/containers"));
}

QString image()
{
    QFile port(fixtureFile(QStringLiteral("registry/port")));
    if (!port.open(QIODevice::ReadOnly))
        return {};
    return QStringLiteral("127.0.0.1:") + QString::fromUtf8(port.readAll()).trimmed() + QStringLiteral("/berth-test/busybox:latest");
}

QString readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// The helper the fixture's bus activated for this store; 0 when none runs.
pid_t helperPid()
{
    const auto found = berth::test::run(QStringLiteral("pgrep"), {QStringLiteral("-f"),
                                        QStringLiteral("berth-helper --root %1( |$)").arg(fixtureFile(QStringLiteral("root")))});
    const QStringList pids = found.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return pids.size() == 1 ? pids.first().toInt() : 0;
}

// "fd -> target" for each open descriptor of pid, to name the leaked ones.
QStringList openFiles(pid_t pid)
{
    QStringList files;
    const QString directory = QStringLiteral("/proc/%1/fd").arg(pid);
    for (const auto &name : QDir(directory).entryList(QDir::NoDotAndDotDot | QDir::System | QDir::Files | QDir::Dirs))
        files << name + QStringLiteral(" -> ") + QFile::symLinkTarget(directory + QLatin1Char('/') + name);
    return files;
}

// Mount points (field 5 of mountinfo) below directory, in the namespaces of these pids.
QStringList mountsUnder(const QString &directory, const QList<pid_t> &pids)
{
    QStringList found;
    for (pid_t pid : pids) {
        const QString mountinfo = readAll(pid ? QStringLiteral("/proc/%1/mountinfo").arg(pid) : QStringLiteral("/proc/self/mountinfo"));
        for (const auto &line : mountinfo.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QString mountPoint = line.section(QLatin1Char(' '), 4, 4);
            if (mountPoint.startsWith(directory + QLatin1Char('/')) && !found.contains(mountPoint))
                found << mountPoint;
        }
    }
    return found;
}

// Mount points of every cgroup hierarchy, v1 and v2, as this process sees them.
QStringList cgroupMountPoints()
{
    QStringList points;
    for (const auto &line : readAll(QStringLiteral("/proc/self/mountinfo")).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString fsType = line.section(QStringLiteral(" - "), 1).section(QLatin1Char(' '), 0, 0);
        const QString mountPoint = line.section(QLatin1Char(' '), 4, 4);
        if ((fsType == QLatin1String("cgroup") || fsType == QLatin1String("cgroup2")) && mountPoint.startsWith(QLatin1String("/sys/fs/cgroup")))
            points << mountPoint;
    }
    return points;
}

// Processes running one of these executables (compared by their /proc/PID/exe).
QStringList processesOf(const QStringList &executables)
{
    QStringList found;
    const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    for (const auto &name : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!digits.match(name).hasMatch())
            continue;
        const QString exe = QFile::symLinkTarget(QStringLiteral("/proc/%1/exe").arg(name));
        if (!exe.isEmpty() && executables.contains(exe))
            found << name + QLatin1Char(' ') + readAll(QStringLiteral("/proc/%1/cmdline").arg(name)).replace(QLatin1Char('\0'), QLatin1Char(' ')).trimmed();
    }
    return found;
}

// Names of the directories renamed or made in the watched directory since the last call.
QStringList drainCreatedNames(int inotifyFd)
{
    QStringList names;
    alignas(inotify_event) char buffer[64 * 1024];
    for (;;) {
        const ssize_t got = ::read(inotifyFd, buffer, sizeof buffer);
        if (got <= 0)
            break;
        for (ssize_t offset = 0; offset < got;) {
            const auto *event = reinterpret_cast<const inotify_event *>(buffer + offset);
            if (event->len > 0 && (event->mask & (IN_MOVED_TO | IN_CREATE)))
                names << QString::fromUtf8(event->name);
            offset += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
        }
    }
    return names;
}

} // namespace

class TestCliRunCycles : public QObject {
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

    void removedRunsLeaveNothingBehind()
    {
        const QStringList ourExecutables{QFileInfo(qEnvironmentVariable("BERTH_MONITOR")).canonicalFilePath(),
                                         QFileInfo(qEnvironmentVariable("BERTH_RUNTIME")).canonicalFilePath()};
        QVERIFY2(!ourExecutables.contains(QString()), "BERTH_MONITOR or BERTH_RUNTIME does not name an existing file");
        const auto before = runCli({QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-q")});
        QVERIFY2(before.exitCode == 0 && before.out.trimmed().isEmpty(),
                 qPrintable(QStringLiteral("containers of earlier tests are still there, remove them first: ") + before.out + before.err));

        // A first run makes containers/ and lets the helper open what it keeps open for good
        // (the store's database, the container watchers' machinery), so that the fds
        // counted next are those of an idle helper that has already run a container.
        for (int warmup = 0; warmup < 3; ++warmup) {
            const auto result = runCli({QStringLiteral("run"), QStringLiteral("--rm"), image(), QStringLiteral("true")});
            QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        }
        QTRY_VERIFY_WITH_TIMEOUT(QDir(containersDirectory()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), 5000);
        const pid_t helper = helperPid();
        QVERIFY2(helper > 0, "no single berth-helper runs for the fixture's store");
        const QStringList filesBefore = openFiles(helper);

        const int inotifyFd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        QVERIFY2(inotifyFd >= 0, qPrintable(QStringLiteral("inotify_init1: %1").arg(qt_error_string(errno))));
        const auto closeInotify = qScopeGuard([inotifyFd] { ::close(inotifyFd); });
        QVERIFY2(::inotify_add_watch(inotifyFd, QFile::encodeName(containersDirectory()).constData(), IN_MOVED_TO | IN_CREATE) >= 0,
                 qPrintable(QStringLiteral("watching %1: %2").arg(containersDirectory(), qt_error_string(errno))));

        const QRegularExpression containerId(QStringLiteral("^[0-9a-f]{64}$"));
        QSet<QString> ids;
        QElapsedTimer timer;
        timer.start();
        for (int cycle = 0; cycle < cycles; ++cycle) {
            const auto result = runCli({QStringLiteral("run"), QStringLiteral("--rm"), image(), QStringLiteral("true")});
            QVERIFY2(result.exitCode == 0, qPrintable(QStringLiteral("cycle %1: exit code %2: %3").arg(cycle).arg(result.exitCode).arg(result.err)));
            for (const auto &name : drainCreatedNames(inotifyFd)) {
                if (containerId.match(name).hasMatch())
                    ids.insert(name);
            }
        }
        const qint64 elapsed = timer.elapsed();
        qInfo("%d cycles of run --rm in %lld ms (%lld ms each)", cycles, elapsed, elapsed / cycles);
        QCOMPARE(ids.size(), cycles);

        // --rm returns once the container has exited and been removed, but give the
        // helper a moment for what it does after replying.
        QTRY_VERIFY_WITH_TIMEOUT(QDir(containersDirectory()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), 5000);
        QCOMPARE(helperPid(), helper); // the same helper throughout, or the fd count says nothing

        const auto records = runCli({QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-q")});
        QCOMPARE(records.exitCode, 0);
        QVERIFY2(records.out.trimmed().isEmpty(), qPrintable(QStringLiteral("records left: ") + records.out));

        const QStringList mounts = mountsUnder(containersDirectory(), {0, helper});
        QVERIFY2(mounts.isEmpty(), qPrintable(QStringLiteral("mounts left: ") + mounts.join(QLatin1Char('\n'))));

        const QStringList hierarchies = cgroupMountPoints();
        QVERIFY2(hierarchies.size() >= 1, "no cgroup hierarchy is mounted under /sys/fs/cgroup");
        QStringList leftovers;
        for (const auto &id : std::as_const(ids)) {
            for (const auto &hierarchy : hierarchies) {
                const QString cgroup = hierarchy + QStringLiteral("/berth/") + id;
                if (QFileInfo::exists(cgroup))
                    leftovers << cgroup;
            }
            if (QFileInfo::exists(runtimeRoot + QLatin1Char('/') + id))
                leftovers << runtimeRoot + QLatin1Char('/') + id;
            for (const auto &suffix : {QString(), QStringLiteral(".creating"), QStringLiteral(".removing")}) {
                if (QFileInfo::exists(containersDirectory() + QLatin1Char('/') + id + suffix))
                    leftovers << containersDirectory() + QLatin1Char('/') + id + suffix;
            }
        }
        QVERIFY2(leftovers.isEmpty(), qPrintable(QStringLiteral("left behind: ") + leftovers.join(QLatin1Char('\n'))));

        const QStringList processes = processesOf(ourExecutables);
        QVERIFY2(processes.isEmpty(), qPrintable(QStringLiteral("still running: ") + processes.join(QLatin1Char('\n'))));

        // No slack: the helper keeps no per-container descriptor once a container is gone.
        const QStringList filesAfter = openFiles(helper);
        QStringList gained;
        for (const auto &file : filesAfter) {
            if (!filesBefore.contains(file))
                gained << file;
        }
        QVERIFY2(filesAfter.size() <= filesBefore.size(),
                 qPrintable(QStringLiteral("berth-helper had %1 open files before the cycles and %2 after; new: %3")
                                .arg(filesBefore.size()).arg(filesAfter.size()).arg(gained.join(QStringLiteral(", ")))));
    }
};

QTEST_GUILESS_MAIN(TestCliRunCycles)
#include "tst_cli_run_cycles.moc"

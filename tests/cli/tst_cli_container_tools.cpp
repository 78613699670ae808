// Container tools end to end through the CLI and the helper on the fixture's bus, with the
// test image from the fixture's registry: cp both ways into running and stopped containers
// (links in the container to / and ../.. never reach host files), tar streams with `-`, top,
// stats with a memory limit, diff, export, container prune and ps -s.
#include "test_support.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

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

QString idOf(const QString &name)
{
    return inspect(name).value(QStringLiteral("Id")).toString();
}

bool mountedUnder(const QString &directory)
{
    QFile mounts(QStringLiteral("/proc/self/mountinfo"));
    if (!mounts.open(QIODevice::ReadOnly))
        return false;
    return QString::fromUtf8(mounts.readAll()).contains(directory);
}

QString upperOf(const QString &name)
{
    return fixtureFile(QStringLiteral("root/containers/%1/upper").arg(idOf(name)));
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

// A shell pipeline with the CLI as $BERTH (tar streams are bytes, not text).
berth::test::RunResult shell(const QString &script)
{
    return berth::test::run(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("BERTH=\"$BERTH_CLI\"; ") + script});
}

bool runDetached(const QString &name, const QStringList &extra, const QStringList &command)
{
    QStringList arguments{QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), name};
    arguments += extra;
    arguments << image();
    arguments += command;
    const auto result = runCli(arguments);
    if (result.exitCode != 0)
        qWarning("run %s: %s", qPrintable(name), qPrintable(result.err));
    return result.exitCode == 0;
}

} // namespace

class TestCliContainerTools : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("needs root: containers need namespaces, mounts and cgroups");
        QVERIFY2(QFile::exists(fixtureFile(QStringLiteral("registry/port"))), "the fixture's registry is not running");
        const auto pulled = runCli({QStringLiteral("pull"), QStringLiteral("-q"), image()});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.out + pulled.err));
        QVERIFY(host_.isValid());
        // The running container holds links that would lead to host files if resolved on the host.
        QVERIFY(runDetached(QStringLiteral("tools-run"), {},
                            {QStringLiteral("sh"), QStringLiteral("-c"),
                             QStringLiteral("ln -s / /escape; ln -s ../../../../../../ /tmp/up; ln -s /etc /etclink; sleep 600")}));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(upperOf(QStringLiteral("tools-run")) + QStringLiteral("/tmp/up")).isSymLink(), 5000);
    }

    void cleanupTestCase()
    {
        for (const auto &name : {QStringLiteral("tools-run"), QStringLiteral("tools-stopped"), QStringLiteral("tools-stats"),
                                 QStringLiteral("tools-diff"), QStringLiteral("tools-fresh")})
            runCli({QStringLiteral("rm"), QStringLiteral("-f"), name});
    }

    void copyIntoAndOutOfARunningContainer()
    {
        writeFile(host_.filePath(QStringLiteral("in/hello.txt")), "hello from the host\n");
        writeFile(host_.filePath(QStringLiteral("in/tree/a/b.txt")), "deep\n");
        auto copied = runCli({QStringLiteral("cp"), host_.filePath(QStringLiteral("in/hello.txt")), QStringLiteral("tools-run:/tmp/")});
        QVERIFY2(copied.exitCode == 0, qPrintable(copied.err));
        const QString upper = upperOf(QStringLiteral("tools-run"));
        QCOMPARE(readAll(upper + QStringLiteral("/tmp/hello.txt")), QByteArray("hello from the host\n"));
        // Without -a the container's root owns what arrives.
        QCOMPARE(QFileInfo(upper + QStringLiteral("/tmp/hello.txt")).ownerId(), 0u);

        // A directory to a new name lands renamed.
        copied = runCli({QStringLiteral("cp"), host_.filePath(QStringLiteral("in/tree")), QStringLiteral("tools-run:/copied")});
        QVERIFY2(copied.exitCode == 0, qPrintable(copied.err));
        QCOMPARE(readAll(upper + QStringLiteral("/copied/a/b.txt")), QByteArray("deep\n"));

        // And back out: a file to a new name, a directory into an existing one, an image file.
        QDir().mkpath(host_.filePath(QStringLiteral("out")));
        copied = runCli({QStringLiteral("cp"), QStringLiteral("tools-run:/tmp/hello.txt"), host_.filePath(QStringLiteral("out/back.txt"))});
        QVERIFY2(copied.exitCode == 0, qPrintable(copied.err));
        QCOMPARE(readAll(host_.filePath(QStringLiteral("out/back.txt"))), QByteArray("hello from the host\n"));
        copied = runCli({QStringLiteral("cp"), QStringLiteral("tools-run:/copied"), host_.filePath(QStringLiteral("out/"))});
        QVERIFY2(copied.exitCode == 0, qPrintable(copied.err));
        QCOMPARE(readAll(host_.filePath(QStringLiteral("out/copied/a/b.txt"))), QByteArray("deep\n"));
        copied = runCli({QStringLiteral("cp"), QStringLiteral("tools-run:/etc/passwd"), host_.filePath(QStringLiteral("out"))});
        QVERIFY2(copied.exitCode == 0, qPrintable(copied.err));
        QVERIFY(readAll(host_.filePath(QStringLiteral("out/passwd"))).startsWith("root:x:0:0:"));

        const auto missing = runCli({QStringLiteral("cp"), QStringLiteral("tools-run:/no/such"), host_.filePath(QStringLiteral("out"))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("/no/such")), qPrintable(missing.err));
        const auto noContainer = runCli({QStringLiteral("cp"), QStringLiteral("no-such-container:/etc"), host_.path()});
        QVERIFY2(noContainer.err.contains(QStringLiteral("No such container")), qPrintable(noContainer.err));
        const auto bothLocal = runCli({QStringLiteral("cp"), host_.path(), host_.path()});
        QCOMPARE(bothLocal.exitCode, 2);
    }

    void linksInTheContainerNeverReachHostFiles()
    {
        const QString unique = QStringLiteral("berth-cp-") + QUuid::createUuid().toString(QUuid::Id128);
        const QString upper = upperOf(QStringLiteral("tools-run"));
        // Into the container through /escape -> / and /tmp/up -> ../../..: the container's /tmp.
        int round = 0;
        for (const auto &through : {QStringLiteral("tools-run:/escape/tmp/"), QStringLiteral("tools-run:/tmp/up/tmp/")}) {
            const QString name = unique + QString::number(++round);
            writeFile(host_.filePath(QStringLiteral("in/") + name), "planted\n");
            const auto copied = runCli({QStringLiteral("cp"), host_.filePath(QStringLiteral("in/") + name), through});
            QVERIFY2(copied.exitCode == 0, qPrintable(copied.err));
            QVERIFY2(!QFile::exists(QStringLiteral("/tmp/") + name), "cp wrote a host file through a container link");
            QCOMPARE(readAll(upper + QStringLiteral("/tmp/") + name), QByteArray("planted\n"));
        }
        // Out of the container: a host-only file named through the links is not found.
        const QString secret = QStringLiteral("/tmp/") + unique + QStringLiteral("-secret");
        writeFile(secret, "host secret\n");
        for (const auto &through : {QStringLiteral("tools-run:/escape") + secret, QStringLiteral("tools-run:/tmp/up") + secret}) {
            const auto copied = runCli({QStringLiteral("cp"), through, host_.filePath(QStringLiteral("stolen"))});
            QVERIFY2(copied.exitCode != 0, qPrintable(through));
            QVERIFY(!QFile::exists(host_.filePath(QStringLiteral("stolen"))));
        }
        // -L copies what a link leads to inside the container, never the host's file.
        auto followed = runCli({QStringLiteral("cp"), QStringLiteral("-L"), QStringLiteral("tools-run:/etclink"),
                                host_.filePath(QStringLiteral("followed"))});
        QVERIFY2(followed.exitCode == 0, qPrintable(followed.err));
        const QByteArray containerPasswd = "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n";
        QCOMPARE(readAll(host_.filePath(QStringLiteral("followed/passwd"))), containerPasswd);
        followed = runCli({QStringLiteral("cp"), QStringLiteral("-L"), QStringLiteral("tools-run:/tmp/up/etc/passwd"),
                           host_.filePath(QStringLiteral("passwd-through-up"))});
        QVERIFY2(followed.exitCode == 0, qPrintable(followed.err));
        QCOMPARE(readAll(host_.filePath(QStringLiteral("passwd-through-up"))), containerPasswd);
        // The whole root through /escape holds /tmp/up, which points above the destination: refused, as Docker does.
        const auto refused = runCli({QStringLiteral("cp"), QStringLiteral("-L"), QStringLiteral("tools-run:/escape"),
                                     host_.filePath(QStringLiteral("whole"))});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("outside the destination")), qPrintable(refused.err));
        // Without -L the link itself arrives.
        const auto link = runCli({QStringLiteral("cp"), QStringLiteral("tools-run:/escape"), host_.filePath(QStringLiteral("link"))});
        QVERIFY2(link.exitCode == 0, qPrintable(link.err));
        QCOMPARE(QFileInfo(host_.filePath(QStringLiteral("link"))).symLinkTarget(), QStringLiteral("/"));
        QFile::remove(secret);
    }

    void tarStreamsWithDash()
    {
        // Out: a tar of the directory on standard output.
        const QString tarPath = host_.filePath(QStringLiteral("stream.tar"));
        auto streamed = shell(QStringLiteral("\"$BERTH\" cp tools-run:/copied - > '%1' && tar -tf '%1'").arg(tarPath));
        QVERIFY2(streamed.exitCode == 0, qPrintable(streamed.err));
        QVERIFY2(streamed.out.contains(QStringLiteral("copied/a/b.txt")), qPrintable(streamed.out));
        // In: a tar from standard input into an existing directory.
        writeFile(host_.filePath(QStringLiteral("totar/streamed.txt")), "streamed in\n");
        streamed = shell(QStringLiteral("tar -C '%1' -cf - streamed.txt | \"$BERTH\" cp - tools-run:/tmp").arg(host_.filePath(QStringLiteral("totar"))));
        QVERIFY2(streamed.exitCode == 0, qPrintable(streamed.err));
        QCOMPARE(readAll(upperOf(QStringLiteral("tools-run")) + QStringLiteral("/tmp/streamed.txt")), QByteArray("streamed in\n"));
        const auto notDirectory = shell(QStringLiteral("tar -C '%1' -cf - streamed.txt | \"$BERTH\" cp - tools-run:/etc/passwd").arg(host_.filePath(QStringLiteral("totar"))));
        QCOMPARE(notDirectory.exitCode, 1);
        QVERIFY2(notDirectory.err.contains(QStringLiteral("must be a directory")), qPrintable(notDirectory.err));
    }

    void copyWithAStoppedContainer()
    {
        const auto created = runCli({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("tools-stopped"), image(),
                                     QStringLiteral("cat"), QStringLiteral("/etc/fromhost")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const QString rootfs = fixtureFile(QStringLiteral("root/containers/%1/rootfs").arg(idOf(QStringLiteral("tools-stopped"))));
        QVERIFY(!mountedUnder(rootfs));
        writeFile(host_.filePath(QStringLiteral("in/fromhost")), "copied while stopped\n");
        auto copied = runCli({QStringLiteral("cp"), host_.filePath(QStringLiteral("in/fromhost")), QStringLiteral("tools-stopped:/etc/fromhost")});
        QVERIFY2(copied.exitCode == 0, qPrintable(copied.err));
        QVERIFY2(!mountedUnder(rootfs), "the root mounted for the copy stayed mounted");
        copied = runCli({QStringLiteral("cp"), QStringLiteral("tools-stopped:/etc/motd"), host_.filePath(QStringLiteral("motd"))});
        QVERIFY2(copied.exitCode == 0, qPrintable(copied.err));
        QVERIFY(readAll(host_.filePath(QStringLiteral("motd"))).contains("Welcome to the Berth test image."));
        QVERIFY(!mountedUnder(rootfs));
        // The container sees the file when it runs.
        const auto started = runCli({QStringLiteral("start"), QStringLiteral("tools-stopped")});
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        QCOMPARE(runCli({QStringLiteral("wait"), QStringLiteral("tools-stopped")}).out.trimmed(), QStringLiteral("0"));
    }

    void topShowsTheContainersProcesses()
    {
        const int pid = inspect(QStringLiteral("tools-run")).value(QStringLiteral("State")).toObject().value(QStringLiteral("Pid")).toInt();
        QVERIFY(pid > 0);
        auto top = runCli({QStringLiteral("top"), QStringLiteral("tools-run")});
        QVERIFY2(top.exitCode == 0, qPrintable(top.err));
        const QStringList lines = top.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() == 2, qPrintable(top.out)); // the header and sleep
        QVERIFY2(lines[0].contains(QRegularExpression(QStringLiteral("^UID\\s+PID\\s+PPID\\s+C\\s+STIME\\s+TTY\\s+TIME\\s+CMD"))), qPrintable(lines[0]));
        QVERIFY2(lines[1].contains(QRegularExpression(QStringLiteral("^\\S+\\s+%1\\s.*sleep 600$").arg(pid))), qPrintable(lines[1]));
        top = runCli({QStringLiteral("top"), QStringLiteral("tools-run"), QStringLiteral("-o"), QStringLiteral("pid,comm")});
        QVERIFY2(top.exitCode == 0, qPrintable(top.err));
        QVERIFY2(top.out.contains(QRegularExpression(QStringLiteral("PID\\s+COMMAND\\n%1\\s+sleep").arg(pid))), qPrintable(top.out));
        const auto stopped = runCli({QStringLiteral("top"), QStringLiteral("tools-stopped")});
        QCOMPARE(stopped.exitCode, 1);
        QVERIFY2(stopped.err.contains(QStringLiteral("is not running")), qPrintable(stopped.err));
    }

    void statsShowMemoryAndPids()
    {
        QVERIFY(runDetached(QStringLiteral("tools-stats"), {QStringLiteral("-m"), QStringLiteral("64m")},
                            {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("sleep 600 & sleep 600 & wait")}));
        const auto stats = runCli({QStringLiteral("stats"), QStringLiteral("--no-stream"), QStringLiteral("tools-stats")});
        QVERIFY2(stats.exitCode == 0, qPrintable(stats.err));
        const QStringList lines = stats.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].contains(QRegularExpression(QStringLiteral("^CONTAINER ID\\s+NAME\\s+CPU %\\s+MEM USAGE / LIMIT\\s+MEM %\\s+NET I/O\\s+BLOCK I/O\\s+PIDS$"))),
                 qPrintable(lines[0]));
        // sh and two sleeps; memory in use under the 64 MiB limit.
        const QRegularExpression row(QStringLiteral("^%1\\s+tools-stats\\s+\\d+\\.\\d\\d%\\s+([\\d.]+)(B|KiB|MiB) / 64MiB\\s+\\d+\\.\\d\\d%\\s+0B / 0B\\s+\\S+ / \\S+\\s+3$")
                                         .arg(idOf(QStringLiteral("tools-stats")).left(12)));
        const auto match = row.match(lines[1]);
        QVERIFY2(match.hasMatch(), qPrintable(lines[1]));
        QVERIFY(match.captured(1).toDouble() > 0);
        const auto formatted = runCli({QStringLiteral("stats"), QStringLiteral("--no-stream"), QStringLiteral("--format"),
                                       QStringLiteral("{{.Name}}: {{.PIDs}} {{.MemUsage}}"), QStringLiteral("tools-stats"), QStringLiteral("tools-run")});
        QVERIFY2(formatted.exitCode == 0, qPrintable(formatted.err));
        QVERIFY2(formatted.out.contains(QRegularExpression(QStringLiteral("tools-stats: 3 \\S+ / 64MiB\\n"))), qPrintable(formatted.out));
        QVERIFY2(formatted.out.contains(QStringLiteral("tools-run: 1 ")), qPrintable(formatted.out));
        // Without names: the running containers only.
        const auto running = runCli({QStringLiteral("stats"), QStringLiteral("--no-stream"), QStringLiteral("--format"), QStringLiteral("{{.Name}}")});
        QVERIFY2(running.out.contains(QStringLiteral("tools-stats")) && !running.out.contains(QStringLiteral("tools-stopped")), qPrintable(running.out));
        QVERIFY(runCli({QStringLiteral("stats"), QStringLiteral("--format"), QStringLiteral("{{.Nope}}")}).exitCode == 2);
    }

    void diffListsAddedChangedAndDeleted()
    {
        const auto ran = runCli({QStringLiteral("run"), QStringLiteral("--name"), QStringLiteral("tools-diff"), image(), QStringLiteral("sh"),
                                 QStringLiteral("-c"),
                                 QStringLiteral("echo x > /newfile && echo y >> /etc/passwd && rm /etc/group && rm -r /data/dir && "
                                                "mkdir /data/dir && echo n > /data/dir/n")});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
        const auto diff = runCli({QStringLiteral("diff"), QStringLiteral("tools-diff")});
        QVERIFY2(diff.exitCode == 0, qPrintable(diff.err));
        const QStringList lines = diff.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const auto &expected : {QStringLiteral("A /newfile"), QStringLiteral("C /etc"), QStringLiteral("C /etc/passwd"),
                                     QStringLiteral("D /etc/group"), QStringLiteral("C /data"), QStringLiteral("C /data/dir"),
                                     QStringLiteral("D /data/dir/c"), QStringLiteral("A /data/dir/n")})
            QVERIFY2(lines.contains(expected), qPrintable(expected + QStringLiteral(" missing from:\n") + diff.out));
        QVERIFY2(!diff.out.contains(QStringLiteral("/etc/motd")) && !diff.out.contains(QStringLiteral("/bin")), qPrintable(diff.out));
        // The mount points the runtime makes are no change of the container's (Docker's init layer).
        QVERIFY2(!lines.contains(QStringLiteral("A /proc")) && !lines.contains(QStringLiteral("A /dev")), qPrintable(diff.out));
        QStringList sorted = lines;
        std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) { return a.mid(2) < b.mid(2); });
        QCOMPARE(lines, sorted);
    }

    void exportHoldsTheImageWithTheChanges()
    {
        const QString tarPath = host_.filePath(QStringLiteral("export.tar"));
        const auto exported = runCli({QStringLiteral("export"), QStringLiteral("-o"), tarPath, QStringLiteral("tools-diff")});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        const auto listed = berth::test::run(QStringLiteral("tar"), {QStringLiteral("-tf"), tarPath});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        QStringList entries;
        for (const auto &entry : listed.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            entries << (entry.startsWith(QLatin1String("./")) ? entry.mid(2) : entry);
        for (const auto &expected : {QStringLiteral("bin/busybox"), QStringLiteral("etc/motd"), QStringLiteral("newfile"),
                                     QStringLiteral("data/dir/n"), QStringLiteral("etc/passwd")})
            QVERIFY2(entries.contains(expected), qPrintable(expected + QStringLiteral(" missing")));
        for (const auto &gone : {QStringLiteral("etc/group"), QStringLiteral("data/dir/c"), QStringLiteral("etc/hello")})
            QVERIFY2(!entries.contains(gone), qPrintable(gone + QStringLiteral(" should be gone")));
        // The stopped container's root was mounted for the export only.
        QVERIFY(!mountedUnder(fixtureFile(QStringLiteral("root/containers/%1/rootfs").arg(idOf(QStringLiteral("tools-diff"))))));
        const auto terminal = runCli({QStringLiteral("export"), QStringLiteral("no-such-container"), QStringLiteral("-o"), tarPath});
        QVERIFY2(terminal.err.contains(QStringLiteral("No such container")), qPrintable(terminal.err));
    }

    void psShowsSizes()
    {
        const auto ps = runCli({QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-s"), QStringLiteral("--filter"), QStringLiteral("name=^tools-diff$")});
        QVERIFY2(ps.exitCode == 0, qPrintable(ps.err));
        const QStringList lines = ps.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].contains(QRegularExpression(QStringLiteral("NAMES\\s+SIZE$"))), qPrintable(lines[0]));
        // /newfile (2) + /data/dir/n (2) + /etc/passwd (the image's 82 bytes plus 2), over an image of some MB.
        const auto match = QRegularExpression(QStringLiteral("tools-diff\\s+(\\d+)B \\(virtual ([\\d.]+)MB\\)$")).match(lines[1]);
        QVERIFY2(match.hasMatch(), qPrintable(lines[1]));
        const qint64 own = match.captured(1).toLongLong();
        qint64 expected = 0;
        QDirIterator files(upperOf(QStringLiteral("tools-diff")), QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            files.next();
            if (!files.fileInfo().isSymLink())
                expected += files.fileInfo().size();
        }
        QCOMPARE(own, expected);
        QVERIFY(own >= 88);
        QVERIFY(match.captured(2).toDouble() > 0.5);
    }

    void pruneRemovesOnlyStoppedContainers()
    {
        const auto fresh = runCli({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("tools-fresh"), image()});
        QVERIFY2(fresh.exitCode == 0, qPrintable(fresh.err));
        const QString freshId = fresh.out.trimmed();
        // until=1h: only containers created more than an hour ago, so none of these.
        auto pruned = runCli({QStringLiteral("container"), QStringLiteral("prune"), QStringLiteral("-f"), QStringLiteral("--filter"), QStringLiteral("until=1h")});
        QVERIFY2(pruned.exitCode == 0, qPrintable(pruned.err));
        QVERIFY2(!pruned.out.contains(freshId), qPrintable(pruned.out));
        QVERIFY2(pruned.out.contains(QStringLiteral("Total reclaimed space: 0B")), qPrintable(pruned.out));

        const QString diffId = idOf(QStringLiteral("tools-diff"));
        const QString stoppedId = idOf(QStringLiteral("tools-stopped"));
        const QString runningId = idOf(QStringLiteral("tools-run"));
        pruned = runCli({QStringLiteral("container"), QStringLiteral("prune"), QStringLiteral("-f")});
        QVERIFY2(pruned.exitCode == 0, qPrintable(pruned.err));
        QVERIFY2(pruned.out.startsWith(QStringLiteral("Deleted Containers:\n")), qPrintable(pruned.out));
        for (const auto &id : {diffId, stoppedId, freshId})
            QVERIFY2(pruned.out.contains(id + QLatin1Char('\n')), qPrintable(pruned.out));
        QVERIFY(!pruned.out.contains(runningId));
        QVERIFY2(pruned.out.contains(QRegularExpression(QStringLiteral("\\n\\nTotal reclaimed space: [\\d.]+[kM]?B\\n$"))), qPrintable(pruned.out));
        const auto all = runCli({QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-q"), QStringLiteral("--no-trunc")});
        QVERIFY(all.out.contains(runningId));
        QVERIFY(!all.out.contains(diffId) && !all.out.contains(freshId));
        QVERIFY(!QDir(fixtureFile(QStringLiteral("root/containers/") + diffId)).exists());
        // Asking first: anything but yes keeps them.
        QVERIFY(runCli({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("tools-fresh"), image()}).exitCode == 0);
        const auto declined = shell(QStringLiteral("echo n | \"$BERTH\" container prune"));
        QVERIFY2(declined.out.contains(QStringLiteral("Are you sure you want to continue? [y/N]")), qPrintable(declined.out));
        QVERIFY(!idOf(QStringLiteral("tools-fresh")).isEmpty());
    }

private:
    QTemporaryDir host_;
};

QTEST_GUILESS_MAIN(TestCliContainerTools)
#include "tst_cli_container_tools.moc"

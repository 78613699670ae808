// Volumes end to end through the CLI and the helper on the fixture's bus: the `volume`
// group, named volumes filled from the image on first use and kept across containers,
// read-only mounts, anonymous volumes that go with rm -v and --rm, volumes in use refused,
// prune's rules, --mount; host folders with -v (both ways, :ro, made when missing), --tmpfs
// with --read-only, --network none and host, a -w folder the image lacks, and exec -d.
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QFileInfo>
#include <QTest>

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

QJsonObject inspectVolume(const QString &name)
{
    const auto result = runCli({QStringLiteral("volume"), QStringLiteral("inspect"), name});
    return QJsonDocument::fromJson(result.out.toUtf8()).array().at(0).toObject();
}

QStringList volumeNames()
{
    return runCli({QStringLiteral("volume"), QStringLiteral("ls"), QStringLiteral("-q")})
        .out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QStringList anonymousVolumes()
{
    static const QRegularExpression generated(QStringLiteral("^[0-9a-f]{64}$"));
    return volumeNames().filter(generated);
}

} // namespace

class TestCliVolumes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("needs root: containers need namespaces, mounts and cgroups");
        const auto pulled = runCli({QStringLiteral("pull"), QStringLiteral("-q"), image()});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.out + pulled.err));
    }

    void volumeGroupLifecycle()
    {
        const auto created = runCli({QStringLiteral("volume"), QStringLiteral("create"), QStringLiteral("--label"),
                                     QStringLiteral("purpose=test"), QStringLiteral("notes")});
        QCOMPARE(created.exitCode, 0);
        QCOMPARE(created.out, QStringLiteral("notes\n"));
        // Creating it again is no error, as with docker.
        QCOMPARE(runCli({QStringLiteral("volume"), QStringLiteral("create"), QStringLiteral("notes")}).exitCode, 0);

        const auto listed = runCli({QStringLiteral("volume"), QStringLiteral("ls")});
        QVERIFY2(listed.out.startsWith(QStringLiteral("DRIVER")), qPrintable(listed.out));
        QVERIFY2(listed.out.contains(QRegularExpression(QStringLiteral("\\nlocal +notes\\n"))), qPrintable(listed.out));
        const auto filtered = runCli({QStringLiteral("volume"), QStringLiteral("ls"), QStringLiteral("-q"),
                                      QStringLiteral("--filter"), QStringLiteral("label=purpose=test")});
        QCOMPARE(filtered.out, QStringLiteral("notes\n"));
        const auto none = runCli({QStringLiteral("volume"), QStringLiteral("ls"), QStringLiteral("-q"),
                                  QStringLiteral("--filter"), QStringLiteral("label=purpose=other")});
        QCOMPARE(none.out, QString());

        const auto volume = inspectVolume(QStringLiteral("notes"));
        QCOMPARE(volume.value(QStringLiteral("Name")).toString(), QStringLiteral("notes"));
        QCOMPARE(volume.value(QStringLiteral("Driver")).toString(), QStringLiteral("local"));
        QCOMPARE(volume.value(QStringLiteral("Labels")).toObject().value(QStringLiteral("purpose")).toString(),
                 QStringLiteral("test"));
        QVERIFY(QDir(volume.value(QStringLiteral("Mountpoint")).toString()).exists());
        const auto formatted = runCli({QStringLiteral("volume"), QStringLiteral("inspect"), QStringLiteral("-f"),
                                       QStringLiteral("{{.Name}} {{.Driver}}"), QStringLiteral("notes")});
        QCOMPARE(formatted.out, QStringLiteral("notes local\n"));

        // `inspect` finds volumes too, after containers and images, as docker does.
        const auto generic = runCli({QStringLiteral("inspect"), QStringLiteral("-f"), QStringLiteral("{{.Name}}"),
                                     QStringLiteral("notes")});
        QCOMPARE(generic.out, QStringLiteral("notes\n"));
        const auto typed = runCli({QStringLiteral("inspect"), QStringLiteral("--type"), QStringLiteral("volume"),
                                   QStringLiteral("-f"), QStringLiteral("{{.Driver}}"), QStringLiteral("notes")});
        QCOMPARE(typed.out, QStringLiteral("local\n"));

        const auto badName = runCli({QStringLiteral("volume"), QStringLiteral("create"), QStringLiteral("bad/name")});
        QCOMPARE(badName.exitCode, 1);
        QVERIFY2(badName.err.contains(QStringLiteral("bad/name")), qPrintable(badName.err));

        QCOMPARE(runCli({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("notes")}).out,
                 QStringLiteral("notes\n"));
        QVERIFY(!QDir(volume.value(QStringLiteral("Mountpoint")).toString()).exists());
        const auto missing = runCli({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("notes")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("No such volume")), qPrintable(missing.err));
        QCOMPARE(runCli({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("notes")}).exitCode, 0);
    }

    void namedVolumeStartsWithTheImageContentAndPersists()
    {
        // First use: the image's /etc is copied into the empty volume.
        const auto first = runCli({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-v"),
                                   QStringLiteral("config:/etc"), image(), QStringLiteral("sh"), QStringLiteral("-c"),
                                   QStringLiteral("cat /etc/motd; echo kept > /etc/note")});
        QCOMPARE(first.exitCode, 0);
        QCOMPARE(first.out, QStringLiteral("Welcome to the Berth test image.\n"));
        // Another container sees what the first wrote; a volume that is not empty is not filled again.
        const auto second = runCli({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-v"),
                                    QStringLiteral("config:/data"), image(), QStringLiteral("sh"), QStringLiteral("-c"),
                                    QStringLiteral("cat /data/note; ls /data/dir 2>&1 | wc -l")});
        QCOMPARE(second.out, QStringLiteral("kept\n1\n"));
        QVERIFY2(second.out.contains(QStringLiteral("kept")), qPrintable(second.out + second.err));

        const auto readOnly = runCli({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-v"),
                                      QStringLiteral("config:/data:ro"), image(), QStringLiteral("sh"),
                                      QStringLiteral("-c"), QStringLiteral("echo x > /data/new")});
        QVERIFY(readOnly.exitCode != 0);
        QVERIFY2(readOnly.err.contains(QStringLiteral("Read-only file system")), qPrintable(readOnly.err));
        QCOMPARE(runCli({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("config")}).exitCode, 0);
    }

    void volumeInUseIsNotRemoved()
    {
        const auto created = runCli({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("holder"),
                                     QStringLiteral("-v"), QStringLiteral("held:/data"), image()});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const auto users = inspectVolume(QStringLiteral("held")).value(QStringLiteral("UsedBy")).toArray();
        QCOMPARE(users.size(), 1);
        QCOMPARE(users.at(0).toObject().value(QStringLiteral("Name")).toString(), QStringLiteral("holder"));

        const auto refused = runCli({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("held")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("volume is in use")), qPrintable(refused.err));
        // Docker's inspect shows it as a volume mount by name.
        const auto mounts = runCli({QStringLiteral("inspect"), QStringLiteral("-f"), QStringLiteral("{{json .Mounts}}"),
                                    QStringLiteral("holder")});
        const auto mount = QJsonDocument::fromJson(mounts.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(mount.value(QStringLiteral("Type")).toString(), QStringLiteral("volume"));
        QCOMPARE(mount.value(QStringLiteral("Name")).toString(), QStringLiteral("held"));
        QCOMPARE(mount.value(QStringLiteral("Destination")).toString(), QStringLiteral("/data"));

        // rm -v keeps named volumes.
        QCOMPARE(runCli({QStringLiteral("rm"), QStringLiteral("-v"), QStringLiteral("holder")}).exitCode, 0);
        QVERIFY(volumeNames().contains(QStringLiteral("held")));
        QCOMPARE(runCli({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("held")}).exitCode, 0);
    }

    void anonymousVolumesGoWithTheirContainer()
    {
        const QStringList before = anonymousVolumes();
        const auto started = runCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"),
                                     QStringLiteral("scratch"), QStringLiteral("-v"), QStringLiteral("/scratch"), image(),
                                     QStringLiteral("sleep"), QStringLiteral("100")});
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        const QStringList during = anonymousVolumes();
        QCOMPARE(during.size(), before.size() + 1);
        QCOMPARE(runCli({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("-v"), QStringLiteral("scratch")}).exitCode, 0);
        QCOMPARE(anonymousVolumes(), before);

        // --rm takes them too.
        const auto removed = runCli({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-v"),
                                     QStringLiteral("/scratch"), image(), QStringLiteral("sh"), QStringLiteral("-c"),
                                     QStringLiteral("echo x > /scratch/x")});
        QCOMPARE(removed.exitCode, 0);
        QCOMPARE(anonymousVolumes(), before);
    }

    void pruneRemovesOnlyUnusedOnes()
    {
        QCOMPARE(runCli({QStringLiteral("volume"), QStringLiteral("create"), QStringLiteral("kept-named")}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("user"), QStringLiteral("-v"),
                         QStringLiteral("in-use:/data"), image()}).exitCode, 0);
        // An anonymous volume left by a container removed without -v.
        QCOMPARE(runCli({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("leaver"), QStringLiteral("-v"),
                         QStringLiteral("/data"), image()}).exitCode, 0);
        const QStringList left = anonymousVolumes();
        QVERIFY(!left.isEmpty());
        QCOMPARE(runCli({QStringLiteral("rm"), QStringLiteral("leaver")}).exitCode, 0);

        const auto pruned = runCli({QStringLiteral("volume"), QStringLiteral("prune"), QStringLiteral("-f")});
        QCOMPARE(pruned.exitCode, 0);
        QVERIFY2(pruned.out.startsWith(QStringLiteral("Deleted Volumes:\n")), qPrintable(pruned.out));
        QVERIFY2(pruned.out.contains(QStringLiteral("Total reclaimed space:")), qPrintable(pruned.out));
        QVERIFY(anonymousVolumes().isEmpty());
        QVERIFY(volumeNames().contains(QStringLiteral("kept-named")));

        const auto all = runCli({QStringLiteral("volume"), QStringLiteral("prune"), QStringLiteral("-a"), QStringLiteral("-f")});
        QCOMPARE(all.exitCode, 0);
        QVERIFY(!volumeNames().contains(QStringLiteral("kept-named")));
        QVERIFY(volumeNames().contains(QStringLiteral("in-use")));
        QCOMPARE(runCli({QStringLiteral("rm"), QStringLiteral("user")}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("in-use")}).exitCode, 0);
    }

    void mountFlagTakesDockersForms()
    {
        const auto volume = runCli({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--mount"),
                                    QStringLiteral("type=volume,source=mounted,target=/m"), image(),
                                    QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo in > /m/file")});
        QCOMPARE(volume.exitCode, 0);
        const auto readBack = runCli({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--mount"),
                                      QStringLiteral("source=mounted,target=/m,readonly"), image(), QStringLiteral("cat"),
                                      QStringLiteral("/m/file")});
        QCOMPARE(readBack.out, QStringLiteral("in\n"));
        const auto tmpfs = runCli({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--mount"),
                                   QStringLiteral("type=tmpfs,target=/t,tmpfs-size=1m"), image(), QStringLiteral("sh"),
                                   QStringLiteral("-c"), QStringLiteral("grep ' /t ' /proc/mounts")});
        QVERIFY2(tmpfs.out.startsWith(QStringLiteral("tmpfs /t tmpfs")), qPrintable(tmpfs.out + tmpfs.err));
        const auto missing = runCli({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--mount"),
                                     QStringLiteral("type=bind,source=/no/such/dir,target=/x"), image(), QStringLiteral("true")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("bind source path does not exist")), qPrintable(missing.err));
        const auto unknown = runCli({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--mount"),
                                     QStringLiteral("type=volume,target=/x,colour=red"), image(), QStringLiteral("true")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("colour")), qPrintable(unknown.err));
        QCOMPARE(runCli({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("mounted")}).exitCode, 0);
    }

    void hostFoldersTmpfsAndReadOnlyRoot()
    {
        QTemporaryDir host;
        QVERIFY(host.isValid());
        QFile given(host.filePath(QStringLiteral("given.txt")));
        QVERIFY(given.open(QIODevice::WriteOnly));
        given.write("from the host\n");
        given.close();
        const auto inside = [](const QStringList &options, const QString &script) {
            return runCli(QStringList{QStringLiteral("run"), QStringLiteral("--rm")} + options +
                          QStringList{image(), QStringLiteral("sh"), QStringLiteral("-c"), script});
        };
        // -v /host:/path: the host's folder itself, both ways.
        const auto bound = inside({QStringLiteral("-v"), host.path() + QStringLiteral(":/data")},
                                  QStringLiteral("cat /data/given.txt; echo back > /data/made.txt"));
        QCOMPARE(bound.exitCode, 0);
        QCOMPARE(bound.out, QStringLiteral("from the host\n"));
        QFile made(host.filePath(QStringLiteral("made.txt")));
        QVERIFY(made.open(QIODevice::ReadOnly));
        QCOMPARE(made.readAll(), QByteArray("back\n"));
        // :ro reads but refuses writes.
        const auto readOnly = inside({QStringLiteral("-v"), host.path() + QStringLiteral(":/data:ro")},
                                     QStringLiteral("cat /data/given.txt; echo no > /data/other.txt && echo wrote || echo refused"));
        QCOMPARE(readOnly.out, QStringLiteral("from the host\nrefused\n"));
        QVERIFY(!QFile::exists(host.filePath(QStringLiteral("other.txt"))));
        // Docker makes a missing host folder of -v.
        const QString missing = host.filePath(QStringLiteral("made/by/run"));
        QCOMPARE(inside({QStringLiteral("-v"), missing + QStringLiteral(":/m")}, QStringLiteral("true")).exitCode, 0);
        QVERIFY(QFileInfo(missing).isDir());

        // --read-only: the root refuses writes; a --tmpfs folder takes them.
        const auto sealed = inside({QStringLiteral("--read-only"), QStringLiteral("--tmpfs"), QStringLiteral("/scratch")},
                                   QStringLiteral("touch /x && echo wrote-root || echo root-refused; "
                                                  "touch /scratch/x && echo wrote-scratch; grep ' /scratch ' /proc/mounts"));
        QCOMPARE(sealed.exitCode, 0);
        QVERIFY2(sealed.out.startsWith(QStringLiteral("root-refused\nwrote-scratch\ntmpfs /scratch tmpfs rw,")),
                 qPrintable(sealed.out + sealed.err));
    }

    void networkModesWorkdirAndDetachedExec()
    {
        // --network none: loopback alone; host: the host's own interfaces.
        const auto interfaces = [](const QString &mode) {
            const auto result = runCli({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--network"), mode, image(),
                                        QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("ls /sys/class/net")});
            return result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        };
        QCOMPARE(interfaces(QStringLiteral("none")), QStringList{QStringLiteral("lo")});
        QStringList hostInterfaces = QDir(QStringLiteral("/sys/class/net")).entryList(QDir::Dirs | QDir::System | QDir::NoDotAndDotDot);
        hostInterfaces.sort();
        QStringList seen = interfaces(QStringLiteral("host"));
        seen.sort();
        QCOMPARE(seen, hostInterfaces);

        // -w names a folder the image lacks: it is made.
        const auto workdir = runCli({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-w"), QStringLiteral("/made/here"),
                                     image(), QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("pwd")});
        QCOMPARE(workdir.out, QStringLiteral("/made/here\n"));

        // exec -d returns at once and the program goes on in the container.
        QCOMPARE(runCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("execd"), image(),
                         QStringLiteral("sleep"), QStringLiteral("600")}).exitCode, 0);
        const auto detached = runCli({QStringLiteral("exec"), QStringLiteral("-d"), QStringLiteral("execd"), QStringLiteral("sh"),
                                      QStringLiteral("-c"), QStringLiteral("sleep 1; echo later > /done")});
        QCOMPARE(detached.exitCode, 0);
        QCOMPARE(detached.out, QString());
        QCOMPARE(runCli({QStringLiteral("exec"), QStringLiteral("execd"), QStringLiteral("cat"), QStringLiteral("/done")}).exitCode, 1);
        QTRY_COMPARE_WITH_TIMEOUT(runCli({QStringLiteral("exec"), QStringLiteral("execd"), QStringLiteral("cat"), QStringLiteral("/done")}).out,
                                  QStringLiteral("later\n"), 10000);
        QCOMPARE(runCli({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("execd")}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliVolumes)
#include "tst_cli_volumes.moc"

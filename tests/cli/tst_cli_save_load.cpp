// save and load end to end, with real tools as the judges: what `berth save` writes must
// be read by skopeo (as docker-archive and as oci-archive) and loaded by podman; what podman
// and skopeo write must load into Berth and unpack to the same files. Hostile and broken
// archives must fail with a clear error and leave the store as it was, a save must stream
// through a pipe, and Ctrl-C must cancel a load and clean up.
//
// podman and skopeo run with private storage in a temporary directory, configured only
// through files this test writes, and inside a private mount namespace where a tmpfs covers
// /var/lib/containers (their blob-info cache), so the host's container state is untouched.
#include "test_support.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vector>

using berth::test::runCli;
using berth::test::RunResult;

namespace {

QString fixtureFile(const QString &relative)
{
    return berth::test::environmentDirectory() + QLatin1Char('/') + relative;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

QString registry()
{
    return QStringLiteral("127.0.0.1:") + QString::fromUtf8(readAll(fixtureFile(QStringLiteral("registry/port")))).trimmed();
}

// podman unpacks layers by remounting "/" in a child; where "/" is no mount point (a
// chroot such as shared/tools/fresh-machine) that fails, whatever Berth does.
bool rootIsAMountPoint()
{
    QFile mountinfo(QStringLiteral("/proc/self/mountinfo"));
    if (!mountinfo.open(QIODevice::ReadOnly))
        return false;
    for (const QByteArray &line : mountinfo.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() > 4 && fields.at(4) == "/")
            return true;
    }
    return false;
}

QString image()
{
    return registry() + QStringLiteral("/berth-test/busybox:latest");
}

QJsonObject fixtureConfig()
{
    return QJsonDocument::fromJson(readAll(fixtureFile(QStringLiteral("images/layers/config.json")))).object();
}

QStringList expectedDiffIds()
{
    return fixtureConfig().value(QStringLiteral("rootfs")).toObject().value(QStringLiteral("diff_ids")).toVariant().toStringList();
}

QStringList jsonStrings(const QJsonValue &value)
{
    return value.toVariant().toStringList();
}

QString layerDirectory(const QString &diffId)
{
    return fixtureFile(QStringLiteral("root/layers/")) + diffId.mid(7);
}

// ---- tars, for the legacy layout and the hostile archives ------------------------------------

struct TarEntry {
    QString name;
    QByteArray data;
    mode_t type = AE_IFREG;
    QString link;
};

std::vector<TarEntry> readTar(const QString &path)
{
    std::vector<TarEntry> entries;
    archive *reader = archive_read_new();
    archive_read_support_format_tar(reader);
    if (archive_read_open_filename(reader, QFile::encodeName(path).constData(), 65536) != ARCHIVE_OK) {
        archive_read_free(reader);
        return entries;
    }
    archive_entry *entry = nullptr;
    while (archive_read_next_header(reader, &entry) == ARCHIVE_OK) {
        TarEntry each{QString::fromUtf8(archive_entry_pathname(entry)), {}, archive_entry_filetype(entry), {}};
        if (each.type == AE_IFLNK)
            each.link = QString::fromUtf8(archive_entry_symlink(entry));
        if (each.type == AE_IFREG) {
            each.data.resize(qsizetype(archive_entry_size(entry)));
            archive_read_data(reader, each.data.data(), size_t(each.data.size()));
        }
        entries.push_back(std::move(each));
    }
    archive_read_free(reader);
    return entries;
}

bool writeTar(const QString &path, const std::vector<TarEntry> &entries)
{
    archive *writer = archive_write_new();
    archive_write_set_format_pax_restricted(writer);
    if (archive_write_open_filename(writer, QFile::encodeName(path).constData()) != ARCHIVE_OK) {
        archive_write_free(writer);
        return false;
    }
    for (const auto &each : entries) {
        archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname(entry, each.name.toUtf8().constData());
        archive_entry_set_filetype(entry, each.type);
        archive_entry_set_perm(entry, each.type == AE_IFDIR ? 0755 : 0644);
        if (each.type == AE_IFLNK)
            archive_entry_set_symlink(entry, each.link.toUtf8().constData());
        archive_entry_set_size(entry, each.type == AE_IFREG ? each.data.size() : 0);
        archive_write_header(writer, entry);
        if (each.type == AE_IFREG)
            archive_write_data(writer, each.data.constData(), size_t(each.data.size()));
        archive_entry_free(entry);
    }
    archive_write_close(writer);
    archive_write_free(writer);
    return true;
}

const TarEntry *findEntry(const std::vector<TarEntry> &entries, const QString &name)
{
    for (const auto &entry : entries) {
        if (entry.name == name)
            return &entry;
    }
    return nullptr;
}

} // namespace

class TestCliSaveLoad : public QObject {
    Q_OBJECT

    QTemporaryDir work_;
    QString podman_;
    QString skopeo_;

    QString workFile(const QString &name) const { return work_.path() + QLatin1Char('/') + name; }

    QProcessEnvironment toolEnvironment() const
    {
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CONTAINERS_CONF"), workFile(QStringLiteral("containers.conf")));
        environment.insert(QStringLiteral("CONTAINERS_STORAGE_CONF"), workFile(QStringLiteral("storage.conf")));
        environment.insert(QStringLiteral("TMPDIR"), workFile(QStringLiteral("tmp")));
        // Never through a proxy to the fixture's registry.
        environment.insert(QStringLiteral("NO_PROXY"), QStringLiteral("127.0.0.1,localhost"));
        environment.remove(QStringLiteral("http_proxy"));
        environment.remove(QStringLiteral("https_proxy"));
        return environment;
    }

    // Runs podman or skopeo in a private mount namespace with a tmpfs over /var/lib/containers.
    RunResult sandboxed(const QString &program, const QStringList &arguments, int timeoutMs = 120000) const
    {
        // Everything private where "/" is a mount point; inside a chroot it is not, so there
        // the target is made a private mount of its own before the tmpfs goes over it.
        const QString script = QStringLiteral(
            "mkdir -p /var/lib/containers && "
            "{ mount --make-rprivate / 2>/dev/null || "
            "{ mount --bind /var/lib/containers /var/lib/containers && mount --make-private /var/lib/containers; }; } && "
            "mount -t tmpfs berth-test /var/lib/containers || exit 97; exec \"$@\"");
        QStringList wrapped{QStringLiteral("--mount"), QStringLiteral("--propagation"), QStringLiteral("unchanged"),
                            QStringLiteral("sh"), QStringLiteral("-c"), script, QStringLiteral("sandbox"), program};
        wrapped += arguments;
        return berth::test::run(QStringLiteral("unshare"), wrapped, toolEnvironment(), {}, timeoutMs);
    }

    RunResult podman(const QStringList &arguments) const
    {
        QStringList all{QStringLiteral("--root"), workFile(QStringLiteral("podman/root")), QStringLiteral("--runroot"),
                        workFile(QStringLiteral("podman/run")), QStringLiteral("--storage-driver"), QStringLiteral("vfs")};
        return sandboxed(podman_, all + arguments);
    }

    RunResult skopeo(const QStringList &arguments) const
    {
        return sandboxed(skopeo_, QStringList{QStringLiteral("--insecure-policy")} + arguments);
    }

    RunResult shell(const QString &script, int timeoutMs = 60000) const
    {
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("WORK"), work_.path());
        return berth::test::run(QStringLiteral("sh"), {QStringLiteral("-c"), script}, environment, {}, timeoutMs);
    }

    // What must not change when a load fails: the images, the blobs, the layers, the spool.
    QString storeSnapshot() const
    {
        // Listing images first starts the helper if it idled out, so a collection of garbage
        // it does at start happens before, not between, two snapshots.
        const auto images = runCli({QStringLiteral("images"), QStringLiteral("--no-trunc"), QStringLiteral("--format"),
                                    QStringLiteral("json")});
        // "CreatedSince" moves with the clock.
        QString text = images.out;
        text.remove(QRegularExpression(QStringLiteral("\"CreatedSince\":\"[^\"]*\",?")));
        for (const auto &directory : {QStringLiteral("root/blobs/sha256"), QStringLiteral("root/layers"), QStringLiteral("root/ingest")}) {
            QDir dir(fixtureFile(directory));
            for (const auto &name : dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name))
                text += directory + QLatin1Char('/') + name + QLatin1Char('\n');
        }
        return text;
    }

    void checkSameFiles(const QString &source, const QString &unpacked)
    {
        QDirIterator it(source, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        int compared = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            const QString relative = QDir(source).relativeFilePath(path);
            if (QFileInfo(path).fileName().startsWith(QLatin1String(".wh.")))
                continue; // whiteouts have their overlay form, checked by tst_cli_images
            struct stat want {}, got {};
            QCOMPARE(::lstat(QFile::encodeName(path).constData(), &want), 0);
            const QString target = unpacked + QLatin1Char('/') + relative;
            QVERIFY2(::lstat(QFile::encodeName(target).constData(), &got) == 0, qPrintable(target));
            QCOMPARE(got.st_mode, want.st_mode);
            QCOMPARE(got.st_uid, want.st_uid);
            if (S_ISREG(want.st_mode))
                QCOMPARE(readAll(target), readAll(path));
            ++compared;
        }
        QVERIFY(compared > 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("needs root: the fixture runs the helper, and podman runs with private mounts");
        QVERIFY2(QFile::exists(fixtureFile(QStringLiteral("registry/port"))), "the fixture's registry is not running");
        podman_ = QStandardPaths::findExecutable(QStringLiteral("podman"));
        skopeo_ = QStandardPaths::findExecutable(QStringLiteral("skopeo"));
        if (podman_.isEmpty() || skopeo_.isEmpty())
            QSKIP("podman and skopeo are the oracles here: apt-get install podman skopeo (./dev.sh test does)");
        QVERIFY(work_.isValid());
        QVERIFY(QDir().mkpath(workFile(QStringLiteral("tmp"))));
        // Open files within this machine's hard limit; locks, events and temporary files in
        // our directory, nothing in /run, /dev/shm or /var.
        QVERIFY(writeFile(workFile(QStringLiteral("containers.conf")),
                          QStringLiteral("[containers]\ndefault_ulimits = [\"nofile=1024:1024\"]\n"
                                         "[engine]\ntmp_dir = \"%1\"\nlock_type = \"file\"\nevents_logger = \"none\"\n")
                              .arg(workFile(QStringLiteral("podman/tmp")))
                              .toUtf8()));
        QVERIFY(writeFile(workFile(QStringLiteral("storage.conf")),
                          QStringLiteral("[storage]\ndriver = \"vfs\"\nrunroot = \"%1\"\ngraphroot = \"%2\"\n")
                              .arg(workFile(QStringLiteral("podman/run")), workFile(QStringLiteral("podman/root")))
                              .toUtf8()));
        const auto pulled = runCli({QStringLiteral("pull"), QStringLiteral("-q"), image()});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.out + pulled.err));
    }

    void saveIsReadBySkopeo()
    {
        const QString archive = workFile(QStringLiteral("saved.tar"));
        const auto saved = runCli({QStringLiteral("save"), QStringLiteral("-o"), archive, image()});
        QVERIFY2(saved.exitCode == 0, qPrintable(saved.err));
        QVERIFY(saved.out.isEmpty());
        // Nothing but the archive is left beside it.
        QCOMPARE(QDir(work_.path()).entryList({QStringLiteral("saved.tar*")}, QDir::Files), QStringList{QStringLiteral("saved.tar")});

        const auto inspected = skopeo({QStringLiteral("inspect"), QStringLiteral("docker-archive:") + archive});
        QVERIFY2(inspected.exitCode == 0, qPrintable(inspected.err));
        const auto docker = QJsonDocument::fromJson(inspected.out.toUtf8()).object();
        QCOMPARE(jsonStrings(docker.value(QStringLiteral("Layers"))), expectedDiffIds());
        const auto tags = skopeo({QStringLiteral("list-tags"), QStringLiteral("docker-archive:") + archive});
        QVERIFY2(tags.exitCode == 0, qPrintable(tags.err));
        QCOMPARE(jsonStrings(QJsonDocument::fromJson(tags.out.toUtf8()).object().value(QStringLiteral("Tags"))),
                 QStringList{image()});
        // The OCI layout beside manifest.json is whole too.
        const auto oci = skopeo({QStringLiteral("inspect"), QStringLiteral("oci-archive:") + archive});
        QVERIFY2(oci.exitCode == 0, qPrintable(oci.err));
        QCOMPARE(jsonStrings(QJsonDocument::fromJson(oci.out.toUtf8()).object().value(QStringLiteral("Layers"))),
                 expectedDiffIds());
    }

    void podmanLoadsWhatBerthSaved()
    {
        if (!rootIsAMountPoint())
            QSKIP("podman cannot unpack layers where / is not a mount point (a chroot); it runs on a real machine");
        const auto loaded = podman({QStringLiteral("load"), QStringLiteral("-i"), workFile(QStringLiteral("saved.tar"))});
        QVERIFY2(loaded.exitCode == 0, qPrintable(loaded.out + loaded.err));
        QVERIFY2(loaded.out.contains(QStringLiteral("Loaded image: ") + image()), qPrintable(loaded.out));
        const auto inspected = podman({QStringLiteral("image"), QStringLiteral("inspect"), image()});
        QVERIFY2(inspected.exitCode == 0, qPrintable(inspected.err));
        const auto object = QJsonDocument::fromJson(inspected.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(jsonStrings(object.value(QStringLiteral("RootFS")).toObject().value(QStringLiteral("Layers"))), expectedDiffIds());
    }

    void saveStreamsThroughAPipe()
    {
        // Same images, same bytes: and the reader sees the end as soon as the save is done.
        const auto piped = shell(QStringLiteral("\"$BERTH_CLI\" save '%1' | cat > \"$WORK/piped.tar\"").arg(image()));
        QVERIFY2(piped.exitCode == 0, qPrintable(piped.err));
        QCOMPARE(readAll(workFile(QStringLiteral("piped.tar"))), readAll(workFile(QStringLiteral("saved.tar"))));
        const auto aliased = shell(QStringLiteral("\"$BERTH_CLI\" image save '%1' | wc -c").arg(image()));
        QCOMPARE(aliased.out.trimmed().toLongLong(), QFileInfo(workFile(QStringLiteral("saved.tar"))).size());
    }

    void saveRefusesATerminalAndUnknownImages()
    {
        const auto terminal = shell(QStringLiteral("script -qec '\"$BERTH_CLI\" save %1' /dev/null").arg(image()));
        QCOMPARE(terminal.exitCode, 1);
        QVERIFY2(terminal.out.contains(QStringLiteral("cowardly refusing to save to a terminal. Use the -o flag or redirect")),
                 qPrintable(terminal.out));
        const auto missing = runCli({QStringLiteral("save"), QStringLiteral("-o"), workFile(QStringLiteral("missing.tar")),
                                     QStringLiteral("no-such-image:1")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("no such image: no-such-image:1")), qPrintable(missing.err));
        QVERIFY(!QFile::exists(workFile(QStringLiteral("missing.tar"))));
        QCOMPARE(QDir(work_.path()).entryList({QStringLiteral("missing.tar*")}, QDir::Files), QStringList());
    }

    void berthLoadsWhatPodmanSaved()
    {
        if (!rootIsAMountPoint())
            QSKIP("podman cannot unpack layers where / is not a mount point (a chroot); it runs on a real machine");
        const auto pulled = podman({QStringLiteral("pull"), QStringLiteral("-q"), QStringLiteral("--tls-verify=false"),
                                    registry() + QStringLiteral("/berth-test/busybox:1.0")});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.err));
        QCOMPARE(podman({QStringLiteral("tag"), registry() + QStringLiteral("/berth-test/busybox:1.0"),
                         QStringLiteral("localhost/podman-saved:1")}).exitCode, 0);
        const QString archive = workFile(QStringLiteral("podman.tar"));
        const auto saved = podman({QStringLiteral("save"), QStringLiteral("--format"), QStringLiteral("docker-archive"),
                                   QStringLiteral("-o"), archive, QStringLiteral("localhost/podman-saved:1")});
        QVERIFY2(saved.exitCode == 0, qPrintable(saved.err));

        const auto loaded = runCli({QStringLiteral("load"), QStringLiteral("-i"), archive});
        QVERIFY2(loaded.exitCode == 0, qPrintable(loaded.err));
        QCOMPARE(loaded.out, QStringLiteral("Loaded image: localhost/podman-saved:1\n"));
        const auto images = runCli({QStringLiteral("images"), QStringLiteral("localhost/podman-saved")});
        QVERIFY2(images.out.contains(QStringLiteral("localhost/podman-saved")), qPrintable(images.out));
        const auto inspected = runCli({QStringLiteral("inspect"), QStringLiteral("localhost/podman-saved:1")});
        const auto object = QJsonDocument::fromJson(inspected.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(jsonStrings(object.value(QStringLiteral("RootFS")).toObject().value(QStringLiteral("Layers"))), expectedDiffIds());
        // Its layers hold the files they were made from.
        for (int layer = 0; layer < 3; ++layer) {
            QTemporaryDir extracted;
            const auto untar = berth::test::run(QStringLiteral("tar"),
                                                {QStringLiteral("-xpf"), fixtureFile(QStringLiteral("images/layers/%1.tar").arg(layer + 1)),
                                                 QStringLiteral("--numeric-owner"), QStringLiteral("-C"), extracted.path()});
            QVERIFY2(untar.exitCode == 0, qPrintable(untar.err));
            checkSameFiles(extracted.path(), layerDirectory(expectedDiffIds()[layer]));
        }
    }

    void berthUnpacksALayerPodmanMade()
    {
        if (!rootIsAMountPoint())
            QSKIP("podman cannot unpack layers where / is not a mount point (a chroot); it runs on a real machine");
        // A layer nothing else has: podman imports a tree, saves it, Berth unpacks it.
        const QString tree = workFile(QStringLiteral("tree"));
        QVERIFY(QDir().mkpath(tree + QStringLiteral("/opt/berth")));
        const QByteArray marker = "imported by podman for " + QByteArray::number(QDateTime::currentMSecsSinceEpoch()) + '\n';
        QVERIFY(writeFile(tree + QStringLiteral("/opt/berth/marker"), marker));
        QVERIFY(QFile::setPermissions(tree + QStringLiteral("/opt/berth/marker"), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                                                   QFileDevice::ReadGroup));
        QVERIFY(QFile::link(QStringLiteral("marker"), tree + QStringLiteral("/opt/berth/link")));
        const auto packed = berth::test::run(QStringLiteral("tar"), {QStringLiteral("-C"), tree, QStringLiteral("-cf"),
                                                                     workFile(QStringLiteral("tree.tar")), QStringLiteral(".")});
        QVERIFY2(packed.exitCode == 0, qPrintable(packed.err));
        const auto imported = podman({QStringLiteral("import"), QStringLiteral("-q"), workFile(QStringLiteral("tree.tar")),
                                      QStringLiteral("localhost/podman-imported:1")});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const auto saved = podman({QStringLiteral("save"), QStringLiteral("-o"), workFile(QStringLiteral("imported.tar")),
                                   QStringLiteral("localhost/podman-imported:1")});
        QVERIFY2(saved.exitCode == 0, qPrintable(saved.err));
        const auto podmanInspect = podman({QStringLiteral("image"), QStringLiteral("inspect"), QStringLiteral("localhost/podman-imported:1")});
        const QStringList diffIds = jsonStrings(QJsonDocument::fromJson(podmanInspect.out.toUtf8()).array().at(0).toObject()
                                                    .value(QStringLiteral("RootFS")).toObject().value(QStringLiteral("Layers")));
        QCOMPARE(diffIds.size(), 1);

        const auto loaded = runCli({QStringLiteral("image"), QStringLiteral("load"), QStringLiteral("-i"), workFile(QStringLiteral("imported.tar"))});
        QVERIFY2(loaded.exitCode == 0, qPrintable(loaded.err));
        QCOMPARE(loaded.out, QStringLiteral("Loaded image: localhost/podman-imported:1\n"));
        const auto inspected = runCli({QStringLiteral("inspect"), QStringLiteral("localhost/podman-imported:1")});
        const auto object = QJsonDocument::fromJson(inspected.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(jsonStrings(object.value(QStringLiteral("RootFS")).toObject().value(QStringLiteral("Layers"))), diffIds);
        checkSameFiles(tree, layerDirectory(diffIds.first()));
    }

    void loadsOciArchivesFromSkopeo()
    {
        const QString named = workFile(QStringLiteral("skopeo-named.tar"));
        auto copied = skopeo({QStringLiteral("copy"), QStringLiteral("-q"), QStringLiteral("--src-tls-verify=false"),
                              QStringLiteral("docker://") + image(),
                              QStringLiteral("oci-archive:") + named + QStringLiteral(":example.com/skopeo/busybox:oci")});
        QVERIFY2(copied.exitCode == 0, qPrintable(copied.err));
        // From standard input, as `berth load < FILE`.
        const auto loaded = shell(QStringLiteral("\"$BERTH_CLI\" load < \"$WORK/skopeo-named.tar\""));
        QVERIFY2(loaded.exitCode == 0, qPrintable(loaded.err));
        QCOMPARE(loaded.out, QStringLiteral("Loaded image: example.com/skopeo/busybox:oci\n"));
        const auto inspected = runCli({QStringLiteral("inspect"), QStringLiteral("example.com/skopeo/busybox:oci")});
        const auto object = QJsonDocument::fromJson(inspected.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(jsonStrings(object.value(QStringLiteral("RootFS")).toObject().value(QStringLiteral("Layers"))), expectedDiffIds());

        // Without a name the image loads untagged, as docker reports it.
        const QString unnamed = workFile(QStringLiteral("skopeo-unnamed.tar"));
        copied = skopeo({QStringLiteral("copy"), QStringLiteral("-q"), QStringLiteral("--src-tls-verify=false"),
                         QStringLiteral("docker://") + image(), QStringLiteral("oci-archive:") + unnamed});
        QVERIFY2(copied.exitCode == 0, qPrintable(copied.err));
        const QString id = object.value(QStringLiteral("Id")).toString();
        const auto untagged = runCli({QStringLiteral("load"), QStringLiteral("-i"), unnamed});
        QVERIFY2(untagged.exitCode == 0, qPrintable(untagged.err));
        QCOMPARE(untagged.out, QStringLiteral("Loaded image ID: ") + id + QLatin1Char('\n'));
    }

    void loadsAnOciLayoutDirectory()
    {
        // The fixture's own layout, streamed by the CLI as a tar; its ref names are bare tags.
        const auto loaded = runCli({QStringLiteral("load"), QStringLiteral("-i"), fixtureFile(QStringLiteral("images/oci"))});
        QVERIFY2(loaded.exitCode == 0, qPrintable(loaded.err));
        QVERIFY2(loaded.out.startsWith(QStringLiteral("Loaded image ID: sha256:")), qPrintable(loaded.out));
        const auto notLayout = runCli({QStringLiteral("load"), QStringLiteral("-i"), work_.path() + QStringLiteral("/tmp")});
        QCOMPARE(notLayout.exitCode, 1);
        QVERIFY2(notLayout.err.contains(QStringLiteral("not an OCI layout")), qPrintable(notLayout.err));
    }

    void loadsTheLegacyLayout()
    {
        // Docker before 25 (and podman's compatibility directories): <id>/layer.tar, reached
        // here through symbolic links as podman writes them, and the config as <id>.json.
        const auto saved = readTar(workFile(QStringLiteral("saved.tar")));
        const auto manifest = QJsonDocument::fromJson(findEntry(saved, QStringLiteral("manifest.json"))->data).array().at(0).toObject();
        const QString configPath = manifest.value(QStringLiteral("Config")).toString();
        const QString configHex = configPath.section(QLatin1Char('/'), -1);
        std::vector<TarEntry> legacy;
        QJsonArray layers;
        int index = 0;
        for (const auto &layer : manifest.value(QStringLiteral("Layers")).toArray()) {
            const QString hex = layer.toString().section(QLatin1Char('/'), -1);
            const QString v1 = QString::number(++index).repeated(64).left(64);
            legacy.push_back({hex + QStringLiteral(".tar"), findEntry(saved, layer.toString())->data, AE_IFREG, {}});
            legacy.push_back({v1, {}, AE_IFDIR, {}});
            legacy.push_back({v1 + QStringLiteral("/VERSION"), "1.0", AE_IFREG, {}});
            legacy.push_back({v1 + QStringLiteral("/json"), "{\"id\":\"" + v1.toUtf8() + "\"}", AE_IFREG, {}});
            legacy.push_back({v1 + QStringLiteral("/layer.tar"), {}, AE_IFLNK, QStringLiteral("../") + hex + QStringLiteral(".tar")});
            layers.append(v1 + QStringLiteral("/layer.tar"));
        }
        legacy.push_back({configHex + QStringLiteral(".json"), findEntry(saved, configPath)->data, AE_IFREG, {}});
        const QJsonArray list{QJsonObject{{QStringLiteral("Config"), configHex + QStringLiteral(".json")},
                                          {QStringLiteral("RepoTags"), QJsonArray{QStringLiteral("legacy/busybox:old")}},
                                          {QStringLiteral("Layers"), layers}}};
        legacy.push_back({QStringLiteral("manifest.json"), QJsonDocument(list).toJson(QJsonDocument::Compact), AE_IFREG, {}});
        legacy.push_back({QStringLiteral("repositories"), "{\"legacy/busybox\":{\"old\":\"" + QByteArray::number(index).repeated(64).left(64) + "\"}}",
                          AE_IFREG, {}});
        QVERIFY(writeTar(workFile(QStringLiteral("legacy.tar")), legacy));
        const auto loaded = runCli({QStringLiteral("load"), QStringLiteral("-i"), workFile(QStringLiteral("legacy.tar"))});
        QVERIFY2(loaded.exitCode == 0, qPrintable(loaded.err));
        QCOMPARE(loaded.out, QStringLiteral("Loaded image: legacy/busybox:old\n"));
        const auto images = runCli({QStringLiteral("images"), QStringLiteral("legacy/busybox")});
        QVERIFY2(images.out.contains(QStringLiteral("legacy/busybox")) && images.out.contains(QStringLiteral("old")), qPrintable(images.out));
    }

    void hostileArchivesFailAndChangeNothing_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::addColumn<QString>("expected");
        QTest::newRow("dot-dot entry") << "dot-dot" << "`..` that points outside it";
        QTest::newRow("missing layer") << "missing-layer" << "is not in the archive";
        QTest::newRow("config digest mismatch") << "config-mismatch" << "does not hold what its name says";
        QTest::newRow("truncated") << "truncated" << "truncated";
    }

    void hostileArchivesFailAndChangeNothing()
    {
        QFETCH(QString, variant);
        QFETCH(QString, expected);
        const QString good = workFile(QStringLiteral("saved.tar"));
        const QString bad = workFile(QStringLiteral("hostile-") + variant + QStringLiteral(".tar"));
        auto entries = readTar(good);
        QVERIFY(!entries.empty());
        const auto manifest = QJsonDocument::fromJson(findEntry(entries, QStringLiteral("manifest.json"))->data).array().at(0).toObject();
        if (variant == QLatin1String("dot-dot")) {
            entries.insert(entries.begin(), TarEntry{QStringLiteral("../escaped"), "x", AE_IFREG, {}});
        } else if (variant == QLatin1String("missing-layer")) {
            const QString layer = manifest.value(QStringLiteral("Layers")).toArray().at(1).toString();
            std::erase_if(entries, [&](const TarEntry &entry) { return entry.name == layer; });
        } else if (variant == QLatin1String("config-mismatch")) {
            for (auto &entry : entries) {
                if (entry.name == manifest.value(QStringLiteral("Config")).toString())
                    entry.data.replace("\"os\":\"linux\"", "\"os\":\"linux\" ");
            }
        }
        if (variant == QLatin1String("truncated")) {
            const QByteArray whole = readAll(good);
            QVERIFY(writeFile(bad, whole.left(whole.size() / 2)));
        } else {
            QVERIFY(writeTar(bad, entries));
        }
        const QString before = storeSnapshot();
        const auto loaded = runCli({QStringLiteral("load"), QStringLiteral("-i"), bad});
        QCOMPARE(loaded.exitCode, 1);
        QVERIFY2(loaded.err.startsWith(QStringLiteral("Error: loading the archive: ")) && loaded.err.contains(expected),
                 qPrintable(loaded.err));
        QVERIFY(loaded.out.isEmpty());
        QCOMPARE(storeSnapshot(), before);
    }

    // An archive of the fixture image, made by berth save, with the image then removed so
    // that loading it has real work to do. restoreFixtureImage() pulls it back.
    QByteArray archiveOfRemovedFixtureImage()
    {
        const QString path = workFile(QStringLiteral("fixture-save.tar"));
        if (runCli({QStringLiteral("save"), QStringLiteral("-o"), path, image()}).exitCode != 0)
            return {};
        if (runCli({QStringLiteral("rmi"), QStringLiteral("-f"), image()}).exitCode != 0)
            return {};
        return readAll(path);
    }

    void restoreFixtureImage() { runCli({QStringLiteral("pull"), QStringLiteral("-q"), image()}); }

    void interruptCancelsALoad()
    {
        // The archive comes through standard input; half is sent, then Ctrl-C.
        const QByteArray archive = archiveOfRemovedFixtureImage();
        auto restore = qScopeGuard([this] { restoreFixtureImage(); });
        QVERIFY(archive.size() > 1 << 20);
        const QString before = storeSnapshot();
        QProcess process;
        process.start(qEnvironmentVariable("BERTH_CLI"), {QStringLiteral("load")});
        QVERIFY(process.waitForStarted());
        process.write(archive.left(archive.size() / 2));
        QVERIFY(process.waitForBytesWritten(10000));
        // Wait until the helper is spooling it.
        QDir ingest(fixtureFile(QStringLiteral("root/ingest")));
        QTRY_VERIFY_WITH_TIMEOUT(!ingest.entryList({QStringLiteral("load-*")}, QDir::Dirs).isEmpty(), 15000);
        ::kill(pid_t(process.processId()), SIGINT);
        if (!process.waitForFinished(15000)) {
            process.kill();
            process.waitForFinished();
            QFAIL(qPrintable(QStringLiteral("berth load did not end after SIGINT; its stderr: ") +
                             QString::fromUtf8(process.readAllStandardError()) + QStringLiteral("\nhelper log: ") +
                             QString::fromUtf8(readAll(fixtureFile(QStringLiteral("bus/dbus.log"))).right(2000))));
        }
        const QString errors = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(process.exitCode() == 130, qPrintable(QString::number(process.exitCode()) + QLatin1Char(' ') + errors));
        QVERIFY2(errors.contains(QStringLiteral("cancelled")), qPrintable(errors));
        QVERIFY(ingest.entryList({QStringLiteral("load-*")}, QDir::Dirs).isEmpty());
        QCOMPARE(storeSnapshot(), before);
    }

    void killingTheHelperMidLoadLosesNothing()
    {
        const QByteArray archive = archiveOfRemovedFixtureImage();
        auto restore = qScopeGuard([this] { restoreFixtureImage(); });
        QVERIFY(archive.size() > 1 << 20);
        const QString before = storeSnapshot();
        QProcess process;
        process.start(qEnvironmentVariable("BERTH_CLI"), {QStringLiteral("load")});
        QVERIFY(process.waitForStarted());
        process.write(archive.left(archive.size() / 2));
        QVERIFY(process.waitForBytesWritten(10000));
        QDir ingest(fixtureFile(QStringLiteral("root/ingest")));
        QTRY_VERIFY_WITH_TIMEOUT(!ingest.entryList({QStringLiteral("load-*")}, QDir::Dirs).isEmpty(), 15000);
        // kill -9 of the helper itself: nothing runs its cleanup.
        const auto helpers = berth::test::run(QStringLiteral("pgrep"), {QStringLiteral("-f"),
                                              QStringLiteral("berth-helper --root ") + fixtureFile(QStringLiteral("root"))});
        QVERIFY2(helpers.exitCode == 0, "no helper found");
        for (const auto &pid : helpers.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            ::kill(pid_t(pid.toInt()), SIGKILL);
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitCode(), 1);
        QVERIFY2(QString::fromUtf8(process.readAllStandardError()).contains(QStringLiteral("helper stopped")),
                 "the CLI must say the helper went away");
        // The next helper removes what the killed one left; the store is as before.
        QCOMPARE(storeSnapshot(), before);
        QVERIFY(ingest.entryList({QStringLiteral("load-*")}, QDir::Dirs).isEmpty());
    }

    void callersOwnPermissionsApply()
    {
        // Other users cannot run a binary under /root; give them a copy in the fixture's dir.
        const QString bin = fixtureFile(QStringLiteral("bin"));
        QVERIFY(QDir().mkpath(bin));
        const QString cli = bin + QStringLiteral("/berth-save-load");
        QFile::remove(cli);
        QVERIFY(QFile::copy(qEnvironmentVariable("BERTH_CLI"), cli));
        const auto everyone = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                              QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther;
        QVERIFY(QFile::setPermissions(cli, everyone));
        QVERIFY(QFile::setPermissions(bin, everyone));
        const QString outbox = fixtureFile(QStringLiteral("save-load-out"));
        QDir(outbox).removeRecursively();
        QVERIFY(QDir().mkpath(outbox));
        QCOMPARE(berth::test::run(QStringLiteral("chown"), {QStringLiteral("berth-test:berth-test"), outbox}).exitCode, 0);
        QVERIFY(QFile::setPermissions(outbox, everyone));

        // A member of the group berth may save; the file is the caller's, made by the CLI.
        const QString archive = outbox + QStringLiteral("/mine.tar");
        const auto saved = berth::test::run(cli, {QStringLiteral("save"), QStringLiteral("-o"), archive, image()},
                                            QProcessEnvironment::systemEnvironment(), QStringLiteral("berth-test"));
        QVERIFY2(saved.exitCode == 0, qPrintable(saved.err));
        QCOMPARE(QFileInfo(archive).ownerId(), berth::test::run(QStringLiteral("id"), {QStringLiteral("-u"), QStringLiteral("berth-test")})
                                                   .out.trimmed().toUInt());
        // What the caller may not read, the helper (root) does not read for it.
        const auto denied = berth::test::run(cli, {QStringLiteral("load"), QStringLiteral("-i"), workFile(QStringLiteral("saved.tar"))},
                                             QProcessEnvironment::systemEnvironment(), QStringLiteral("berth-test"));
        QCOMPARE(denied.exitCode, 1);
        QVERIFY2(denied.err.contains(QStringLiteral("Permission denied")), qPrintable(denied.err));
        // Loading changes the store: polkit asks for an administrator, and nobody has none.
        QVERIFY(QFile::setPermissions(archive, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        const auto refused = berth::test::run(cli, {QStringLiteral("load"), QStringLiteral("-i"), archive},
                                              QProcessEnvironment::systemEnvironment(), QStringLiteral("nobody"));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("io.berth.image-load")), qPrintable(refused.err));
        QDir(outbox).removeRecursively();
        QFile::remove(cli);
    }

    void cleanupTestCase()
    {
        // The fixture's store is shared with the suites that run after this one.
        if (berth::test::isRoot())
            runCli({QStringLiteral("rmi"), QStringLiteral("localhost/podman-saved:1"), QStringLiteral("legacy/busybox:old"),
                    QStringLiteral("example.com/skopeo/busybox:oci"), QStringLiteral("localhost/podman-imported:1")});
        // podman's vfs layers are read-only directories: let podman remove what it made.
        if (!podman_.isEmpty() && work_.isValid())
            podman({QStringLiteral("system"), QStringLiteral("reset"), QStringLiteral("--force")});
    }
};

QTEST_GUILESS_MAIN(TestCliSaveLoad)
#include "tst_cli_save_load.moc"

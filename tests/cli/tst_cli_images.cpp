// Images end to end: `berth pull` from the fixture's docker-registry (images made by
// make-test-images and pushed by skopeo), then what landed on disk compared with the
// layer trees they were made from, and `images`, `inspect`, mirrors and refusals.
#include "test_support.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

using berth::test::runCli;

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

QString linkText(const QString &path)
{
    char buffer[4096];
    const ssize_t length = ::readlink(path.toLocal8Bit().constData(), buffer, sizeof buffer);
    return length < 0 ? QString() : QString::fromLocal8Bit(buffer, length);
}

QString registry()
{
    return QStringLiteral("127.0.0.1:") + QString::fromUtf8(readAll(fixtureFile(QStringLiteral("registry/port")))).trimmed();
}

QString image()
{
    return registry() + QStringLiteral("/berth-test/busybox:latest");
}

QStringList expectedDiffIds()
{
    const auto config = QJsonDocument::fromJson(readAll(fixtureFile(QStringLiteral("images/layers/config.json")))).object();
    return config.value(QStringLiteral("rootfs")).toObject().value(QStringLiteral("diff_ids")).toVariant().toStringList();
}

QString expectedManifestDigest()
{
    const auto index = QJsonDocument::fromJson(readAll(fixtureFile(QStringLiteral("images/oci/index.json")))).object();
    return index.value(QStringLiteral("manifests")).toArray().at(0).toObject().value(QStringLiteral("digest")).toString();
}

QString layerDirectory(const QString &diffId)
{
    return fixtureFile(QStringLiteral("root/layers/")) + diffId.mid(7);
}

} // namespace

class TestCliImages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("needs root: the fixture runs the helper, which unpacks layers with their owners and devices");
        QVERIFY2(QFile::exists(fixtureFile(QStringLiteral("registry/port"))), "the fixture's registry is not running");
    }

    void pullFromLocalRegistry()
    {
        const auto result = runCli({QStringLiteral("pull"), image()});
        QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
        QVERIFY2(result.out.contains(QStringLiteral("latest: Pulling from berth-test/busybox")), qPrintable(result.out));
        QCOMPARE(result.out.count(QStringLiteral(": Pull complete")), 3);
        QVERIFY(result.out.contains(QStringLiteral("Digest: ") + expectedManifestDigest()));
        QVERIFY(result.out.contains(QStringLiteral("Status: Downloaded newer image for ") + image()));
        QVERIFY(result.out.trimmed().endsWith(image()));
    }

    void unpackedLayersMatchTheirSources()
    {
        const QStringList diffIds = expectedDiffIds();
        QCOMPARE(diffIds.size(), 3);
        for (int layer = 0; layer < diffIds.size(); ++layer) {
            // GNU tar, run as root, is the independent judge of what the layer holds.
            QTemporaryDir extracted;
            const QString source = extracted.path();
            const auto untar = berth::test::run(QStringLiteral("tar"), {QStringLiteral("-xpf"),
                                                fixtureFile(QStringLiteral("images/layers/%1.tar").arg(layer + 1)),
                                                QStringLiteral("--numeric-owner"), QStringLiteral("-C"), source});
            QVERIFY2(untar.exitCode == 0, qPrintable(untar.err));
            const QString unpacked = layerDirectory(diffIds[layer]);
            QVERIFY2(QFileInfo(unpacked).isDir(), qPrintable(unpacked));
            QDirIterator it(source, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                            QDirIterator::Subdirectories);
            int compared = 0;
            while (it.hasNext()) {
                const QString path = it.next();
                const QString relative = QDir(source).relativeFilePath(path);
                const QString name = QFileInfo(path).fileName();
                struct stat got {};
                if (name == QLatin1String(".wh..wh..opq")) {
                    const QString directory = QFileInfo(unpacked + QLatin1Char('/') + relative).path();
                    char value[8] = {};
                    QCOMPARE(lgetxattr(directory.toLocal8Bit().constData(), "trusted.overlay.opaque", value, sizeof value), ssize_t(1));
                    QCOMPARE(value[0], 'y');
                    QVERIFY(!QFileInfo::exists(unpacked + QLatin1Char('/') + relative));
                    ++compared;
                    continue;
                }
                if (name.startsWith(QLatin1String(".wh."))) {
                    const QString hidden = QFileInfo(unpacked + QLatin1Char('/') + relative).path() + QLatin1Char('/') + name.mid(4);
                    QCOMPARE(lstat(hidden.toLocal8Bit().constData(), &got), 0);
                    QVERIFY2(S_ISCHR(got.st_mode) && major(got.st_rdev) == 0 && minor(got.st_rdev) == 0, qPrintable(hidden));
                    ++compared;
                    continue;
                }
                struct stat want {};
                QCOMPARE(lstat(path.toLocal8Bit().constData(), &want), 0);
                const QString target = unpacked + QLatin1Char('/') + relative;
                QVERIFY2(lstat(target.toLocal8Bit().constData(), &got) == 0, qPrintable(target));
                QCOMPARE(got.st_mode, want.st_mode);
                QCOMPARE(got.st_uid, want.st_uid);
                QCOMPARE(got.st_gid, want.st_gid);
                if (S_ISREG(want.st_mode)) {
                    QCOMPARE(readAll(target), readAll(path));
                    QCOMPARE(got.st_mtim.tv_sec, want.st_mtim.tv_sec);
                } else if (S_ISLNK(want.st_mode)) {
                    QCOMPARE(linkText(target), linkText(path));
                }
                ++compared;
            }
            QVERIFY(compared > 0);
        }
        // Layer 2 made a hard link; it must still be one.
        struct stat keep {}, link {};
        QCOMPARE(lstat((layerDirectory(diffIds[1]) + "/data/keep").toLocal8Bit().constData(), &keep), 0);
        QCOMPARE(lstat((layerDirectory(diffIds[1]) + "/data/keep-link").toLocal8Bit().constData(), &link), 0);
        QCOMPARE(keep.st_ino, link.st_ino);
    }

    void secondPullReusesEverything()
    {
        const auto result = runCli({QStringLiteral("pull"), image()});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.count(QStringLiteral(": Already exists")), 3);
        QVERIFY(result.out.contains(QStringLiteral("Status: Image is up to date for ") + image()));
    }

    void imagesListsIt()
    {
        const auto result = runCli({QStringLiteral("images")});
        QCOMPARE(result.exitCode, 0);
        const QStringList lines = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.first().startsWith(QStringLiteral("REPOSITORY")));
        const auto row = lines.filter(registry() + QStringLiteral("/berth-test/busybox"));
        QCOMPARE(row.size(), 1);
        QVERIFY(row.first().contains(QStringLiteral("latest")));
        const auto quiet = runCli({QStringLiteral("images"), QStringLiteral("-q")});
        QCOMPARE(quiet.out.trimmed().size(), 12);
        const auto digests = runCli({QStringLiteral("images"), QStringLiteral("--digests"), registry() + QStringLiteral("/berth-test/busybox")});
        QVERIFY2(digests.out.contains(expectedManifestDigest()), qPrintable(digests.out));
        const auto filtered = runCli({QStringLiteral("images"), QStringLiteral("--filter"), QStringLiteral("reference=nothing*")});
        QCOMPARE(filtered.out.trimmed().split(QLatin1Char('\n')).size(), 1);
    }

    void inspectShowsDockerFields()
    {
        const auto result = runCli({QStringLiteral("inspect"), image()});
        QCOMPARE(result.exitCode, 0);
        const auto document = QJsonDocument::fromJson(result.out.toUtf8());
        QVERIFY(document.isArray());
        const auto object = document.array().at(0).toObject();
        QCOMPARE(object.value(QStringLiteral("RootFS")).toObject().value(QStringLiteral("Layers")).toVariant().toStringList(),
                 expectedDiffIds());
        QCOMPARE(object.value(QStringLiteral("Config")).toObject().value(QStringLiteral("Cmd")).toVariant().toStringList(),
                 QStringList{QStringLiteral("sh")});
        QCOMPARE(object.value(QStringLiteral("RepoTags")).toVariant().toStringList(), QStringList{image()});
        const QString id = object.value(QStringLiteral("Id")).toString();
        const auto formatted = runCli({QStringLiteral("inspect"), QStringLiteral("--format"), QStringLiteral("{{.Id}} {{json .RepoTags}}"), id.mid(7, 12)});
        QCOMPARE(formatted.out.trimmed(), id + QStringLiteral(" [\"") + image() + QStringLiteral("\"]"));
        const auto missing = runCli({QStringLiteral("inspect"), QStringLiteral("no-such-image")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("no such image")), qPrintable(missing.err));
    }

    void missingTagIsExplained()
    {
        const auto result = runCli({QStringLiteral("pull"), registry() + QStringLiteral("/berth-test/busybox:nope")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QStringLiteral("manifest for berth-test/busybox:nope not found")), qPrintable(result.err));
    }

    void malformedReferenceIsRefused()
    {
        const auto result = runCli({QStringLiteral("pull"), QStringLiteral("Busybox")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("must be lowercase")), qPrintable(result.err));
    }

    void pullAllTags()
    {
        const auto result = runCli({QStringLiteral("pull"), QStringLiteral("-a"), registry() + QStringLiteral("/berth-test/busybox")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
        QVERIFY(result.out.contains(QStringLiteral("1.0: Pulling from berth-test/busybox")));
        QVERIFY(result.out.contains(QStringLiteral("latest: Pulling from berth-test/busybox")));
        const auto listed = runCli({QStringLiteral("images"), registry() + QStringLiteral("/berth-test/busybox")});
        QCOMPARE(listed.out.trimmed().split(QLatin1Char('\n')).size(), 3); // header, 1.0, latest
        const auto withTag = runCli({QStringLiteral("pull"), QStringLiteral("-a"), image()});
        QCOMPARE(withTag.exitCode, 1);
        QVERIFY(withTag.err.contains(QStringLiteral("can't be used with --all-tags")));
    }

    void mirrorServesDockerHubNames()
    {
        QCOMPARE(runCli({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("registry-mirrors"),
                         QStringLiteral("http://") + registry()}).exitCode, 0);
        const auto result = runCli({QStringLiteral("pull"), QStringLiteral("berth-test/busybox:1.0")});
        runCli({QStringLiteral("config"), QStringLiteral("unset"), QStringLiteral("registry-mirrors")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
        QVERIFY(result.out.trimmed().endsWith(QStringLiteral("docker.io/berth-test/busybox:1.0")));
        QCOMPARE(result.out.count(QStringLiteral(": Already exists")), 3);
        const auto images = runCli({QStringLiteral("images"), QStringLiteral("berth-test/busybox")});
        QVERIFY2(images.out.contains(QStringLiteral("berth-test/busybox")) && images.out.contains(QStringLiteral("1.0")),
                 qPrintable(images.out));
    }
    void historyListsTheLayers()
    {
        const auto result = runCli({QStringLiteral("history"), image()});
        QCOMPARE(result.exitCode, 0);
        const QStringList lines = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.first().startsWith(QStringLiteral("IMAGE")));
        const auto config = QJsonDocument::fromJson(readAll(fixtureFile(QStringLiteral("images/layers/config.json")))).object();
        const auto history = config.value(QStringLiteral("history")).toArray();
        QCOMPARE(lines.size() - 1, history.size());
        // Newest first, each with the instruction that made it.
        const QString newest = history.last().toObject().value(QStringLiteral("created_by")).toString();
        QVERIFY2(lines.at(1).contains(newest.left(30)), qPrintable(lines.at(1)));
        const auto quiet = runCli({QStringLiteral("history"), QStringLiteral("-q"), image()});
        QCOMPARE(quiet.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).first().size(), 12);
        const auto raw = runCli({QStringLiteral("history"), QStringLiteral("-H=false"), image()});
        QCOMPARE(raw.exitCode, 0);
        QVERIFY(raw.out.contains(history.first().toObject().value(QStringLiteral("created")).toString()));
    }

    void layerChangesExplainEachLayer()
    {
        const auto changes = [](uint layer) {
            auto call = QDBusMessage::createMethodCall(QStringLiteral("io.berth.Helper"), QStringLiteral("/io/berth/Helper"),
                                                       QStringLiteral("io.berth.Helper1"), QStringLiteral("ImageLayerChanges"));
            call << image() << layer << 0u;
            const QDBusMessage reply = QDBusConnection::systemBus().call(call);
            std::map<QString, QString> byPath;
            if (reply.type() != QDBusMessage::ReplyMessage) {
                qWarning() << reply.errorMessage();
                return byPath;
            }
            const auto list = qdbus_cast<QList<QVariantMap>>(reply.arguments().at(0));
            for (const auto &entry : list)
                byPath[entry.value(QStringLiteral("Path")).toString()] = entry.value(QStringLiteral("Change")).toString();
            return byPath;
        };
        qDBusRegisterMetaType<QList<QVariantMap>>();
        auto base = changes(0);
        QCOMPARE(base[QStringLiteral("/bin/busybox")], QStringLiteral("added"));
        auto second = changes(1);
        QCOMPARE(second[QStringLiteral("/data/keep")], QStringLiteral("modified"));
        QCOMPARE(second[QStringLiteral("/etc/motd")], QStringLiteral("added"));
        auto third = changes(2);
        QCOMPARE(third[QStringLiteral("/etc/hello")], QStringLiteral("deleted"));
        QCOMPARE(third[QStringLiteral("/data/dir")], QStringLiteral("opaque"));
        QCOMPARE(third[QStringLiteral("/data/dir/c")], QStringLiteral("added"));
        QVERIFY(changes(3).empty()); // no such layer: an error, not an empty answer
    }

    void searchReadsTheCatalog()
    {
        const auto result = runCli({QStringLiteral("search"), registry() + QStringLiteral("/busy")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(result.out.contains(registry() + QStringLiteral("/berth-test/busybox")), qPrintable(result.out));
        const auto none = runCli({QStringLiteral("search"), registry() + QStringLiteral("/nothing-like-this")});
        QCOMPARE(none.out.trimmed().split(QLatin1Char('\n')).size(), 1);
    }

    void tagThenRemove()
    {
        QCOMPARE(runCli({QStringLiteral("tag"), image(), QStringLiteral("mytest/busybox:v1")}).exitCode, 0);
        auto listed = runCli({QStringLiteral("images"), QStringLiteral("mytest/busybox")});
        QVERIFY(listed.out.contains(QStringLiteral("mytest/busybox")));
        const auto badTag = runCli({QStringLiteral("tag"), image(), QStringLiteral("Bad/Name")});
        QCOMPARE(badTag.exitCode, 1);
        QVERIFY(badTag.err.contains(QStringLiteral("must be lowercase")));

        auto untag = runCli({QStringLiteral("rmi"), QStringLiteral("mytest/busybox:v1")});
        QCOMPARE(untag.exitCode, 0);
        QCOMPARE(untag.out.trimmed(), QStringLiteral("Untagged: mytest/busybox:v1"));

        const QString id = runCli({QStringLiteral("images"), QStringLiteral("-q")}).out.trimmed();
        // Tagged in two repositories (the registry's and Docker Hub's through the mirror).
        auto refused = runCli({QStringLiteral("rmi"), id});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("referenced in multiple repositories")), qPrintable(refused.err));

        const QDir blobs(fixtureFile(QStringLiteral("root/blobs/sha256")));
        QVERIFY(blobs.count() > 0);
        auto removed = runCli({QStringLiteral("rmi"), QStringLiteral("-f"), id});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        QVERIFY(removed.out.contains(QStringLiteral("Untagged: ") + image()));
        QCOMPARE(removed.out.count(QStringLiteral("Deleted: sha256:")), 4); // the image and its 3 layers
        QCOMPARE(runCli({QStringLiteral("images"), QStringLiteral("-q")}).out.trimmed(), QString());
        for (const auto &diffId : expectedDiffIds())
            QVERIFY(!QFileInfo::exists(layerDirectory(diffId)));
        QCOMPARE(QDir(fixtureFile(QStringLiteral("root/blobs/sha256"))).entryList(QDir::Files).size(), 0);
        const auto missing = runCli({QStringLiteral("rmi"), QStringLiteral("no-such-image")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("no such image")));
    }
};

QTEST_GUILESS_MAIN(TestCliImages)
#include "tst_cli_images.moc"

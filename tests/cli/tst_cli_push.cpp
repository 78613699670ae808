// `berth push` against the fixture's anonymous docker-registry, with skopeo as the
// independent judge: the image arrives with the same manifest digest and layers, reads
// back with `skopeo copy`, a second push finds every layer there, a push to a sibling
// repository mounts the layers, and a push under another host name of the same registry
// (so nothing can be mounted) uploads them in chunks.
#include "hostile_registry.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QProcess>
#include <QTest>

#include <csignal>

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

QString registryPort()
{
    return QString::fromUtf8(readAll(fixtureFile(QStringLiteral("registry/port")))).trimmed();
}

QString registry()
{
    return QStringLiteral("127.0.0.1:") + registryPort();
}

QString source()
{
    return registry() + QStringLiteral("/berth-test/busybox:latest");
}

QJsonObject expectedManifest(QString *digest = nullptr)
{
    const auto index = QJsonDocument::fromJson(readAll(fixtureFile(QStringLiteral("images/oci/index.json")))).object();
    const QString manifestDigest = index.value(QStringLiteral("manifests")).toArray().at(0).toObject().value(QStringLiteral("digest")).toString();
    if (digest)
        *digest = manifestDigest;
    return QJsonDocument::fromJson(readAll(fixtureFile(QStringLiteral("images/oci/blobs/sha256/")) + manifestDigest.mid(7))).object();
}

QStringList expectedLayerDigests()
{
    QStringList digests;
    for (const auto &layer : expectedManifest().value(QStringLiteral("layers")).toArray())
        digests << layer.toObject().value(QStringLiteral("digest")).toString();
    return digests;
}

berth::test::RunResult skopeo(const QStringList &arguments)
{
    return berth::test::run(QStringLiteral("skopeo"), arguments, QProcessEnvironment::systemEnvironment(), {}, 120000);
}

// The registry's own record of the requests it served.
int requestsInRegistryLog(const QString &method, const QString &pathPrefix)
{
    const QString log = QString::fromUtf8(readAll(fixtureFile(QStringLiteral("registry/registry.log"))));
    int count = 0;
    for (const auto &line : log.split(QLatin1Char('\n'))) {
        if (line.contains(QStringLiteral("http.request.method=") + method) &&
            line.contains(QStringLiteral("http.request.uri=\"") + pathPrefix) && line.contains(QStringLiteral("response completed")))
            ++count;
    }
    return count;
}

} // namespace

class TestCliPush : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("needs root: the fixture runs the helper and the registries");
        QVERIFY2(QFile::exists(fixtureFile(QStringLiteral("registry/port"))), "the fixture's registry is not running");
        const auto pulled = runCli({QStringLiteral("pull"), source()});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.out + pulled.err));
    }

    void pushToSiblingRepositoryMountsTheLayers()
    {
        const QString target = registry() + QStringLiteral("/pushed/copy:v1");
        const auto result = runCli({QStringLiteral("push"), source(), target});
        QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
        QVERIFY2(result.out.startsWith(QStringLiteral("The push refers to repository [") + registry() + QStringLiteral("/pushed/copy]")),
                 qPrintable(result.out));
        QCOMPARE(result.out.count(QStringLiteral(": Preparing")), 3);
        QCOMPARE(result.out.count(QStringLiteral(": Mounted from berth-test/busybox")), 3);
        QString digest;
        const auto manifest = expectedManifest(&digest);
        const QString size = QString::number(readAll(fixtureFile(QStringLiteral("images/oci/blobs/sha256/")) + digest.mid(7)).size());
        QVERIFY2(result.out.trimmed().endsWith(QStringLiteral("v1: digest: ") + digest + QStringLiteral(" size: ") + size),
                 qPrintable(result.out));
        QVERIFY(!manifest.isEmpty());

        // skopeo reads it back: the same manifest digest and the same layers.
        const auto inspected = skopeo({QStringLiteral("inspect"), QStringLiteral("--tls-verify=false"),
                                       QStringLiteral("docker://") + target});
        QVERIFY2(inspected.exitCode == 0, qPrintable(inspected.err));
        const auto object = QJsonDocument::fromJson(inspected.out.toUtf8()).object();
        QCOMPARE(object.value(QStringLiteral("Digest")).toString(), digest);
        QCOMPARE(object.value(QStringLiteral("Layers")).toVariant().toStringList(), expectedLayerDigests());
    }

    void secondPushFindsEveryLayer()
    {
        const auto result = runCli({QStringLiteral("push"), source(), registry() + QStringLiteral("/pushed/copy:v1")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
        QCOMPARE(result.out.count(QStringLiteral(": Layer already exists")), 3);
        QCOMPARE(result.out.count(QStringLiteral(": Pushed")), 0);
    }

    void pushUnderItsOwnNameNeedsNoSource()
    {
        // docker's form: the local image named NAME[:TAG] goes to NAME[:TAG].
        const auto result = runCli({QStringLiteral("push"), source()});
        QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
        QCOMPARE(result.out.count(QStringLiteral(": Layer already exists")), 3);
        QVERIFY(result.out.contains(QStringLiteral("latest: digest: sha256:")));
    }

    void chunkedUploadWhenNothingCanBeMounted()
    {
        // "localhost" is the same registry under another name: no known repository there
        // to mount from, so every blob is uploaded, here in 64 KiB chunks.
        const QString target = QStringLiteral("localhost:") + registryPort() + QStringLiteral("/pushed/chunked:v1");
        const int patchesBefore = requestsInRegistryLog(QStringLiteral("PATCH"), QStringLiteral("/v2/pushed/chunked/blobs/uploads/"));
        const auto result = runCli({QStringLiteral("push"), QStringLiteral("--chunk-size"), QStringLiteral("64k"), source(), target});
        QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
        QCOMPARE(result.out.count(QStringLiteral(": Pushed")), 3);
        QCOMPARE(result.out.count(QStringLiteral(": Mounted from")), 0);
        // busybox alone is ~1 MB: many chunks, each a PATCH with Content-Range.
        const int patches = requestsInRegistryLog(QStringLiteral("PATCH"), QStringLiteral("/v2/pushed/chunked/blobs/uploads/")) - patchesBefore;
        QVERIFY2(patches > 4, qPrintable(QString::number(patches)));

        // skopeo copies it back out, checking every blob's digest as it goes.
        QTemporaryDir copy;
        const auto copied = skopeo({QStringLiteral("copy"), QStringLiteral("--src-tls-verify=false"),
                                    QStringLiteral("docker://") + registry() + QStringLiteral("/pushed/chunked:v1"),
                                    QStringLiteral("oci:") + copy.path() + QStringLiteral("/oci:v1")});
        QVERIFY2(copied.exitCode == 0, qPrintable(copied.err));
        QString digest;
        expectedManifest(&digest);
        const auto index = QJsonDocument::fromJson(readAll(copy.path() + QStringLiteral("/oci/index.json"))).object();
        QCOMPARE(index.value(QStringLiteral("manifests")).toArray().at(0).toObject().value(QStringLiteral("digest")).toString(),
                 digest);
        for (const auto &layer : expectedLayerDigests())
            QCOMPARE(readAll(copy.path() + QStringLiteral("/oci/blobs/sha256/") + layer.mid(7)),
                     readAll(fixtureFile(QStringLiteral("images/oci/blobs/sha256/")) + layer.mid(7)));
    }

    void pushedRepositoryDigestIsRemembered()
    {
        // As docker does, the image now knows its digest in each repository it went to.
        const auto inspect = runCli({QStringLiteral("inspect"), QStringLiteral("--format"), QStringLiteral("{{json .RepoDigests}}"), source()});
        QCOMPARE(inspect.exitCode, 0);
        QVERIFY2(inspect.out.contains(registry() + QStringLiteral("/pushed/copy@sha256:")), qPrintable(inspect.out));
        QVERIFY2(inspect.out.contains(QStringLiteral("localhost:") + registryPort() + QStringLiteral("/pushed/chunked@sha256:")),
                 qPrintable(inspect.out));
    }

    void missingLocalImageIsExplained()
    {
        const auto result = runCli({QStringLiteral("push"), registry() + QStringLiteral("/nothing/here:1")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QStringLiteral("An image does not exist locally with the tag: ") + registry() +
                                     QStringLiteral("/nothing/here:1")),
                 qPrintable(result.err));
        QVERIFY2(result.err.contains(QStringLiteral("berth tag")), qPrintable(result.err));
    }

    void pushToDigestIsRefused()
    {
        const auto result = runCli({QStringLiteral("push"), source(),
                                    registry() + QStringLiteral("/x@sha256:") + QString(64, QLatin1Char('a'))});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("cannot push to a digest")), qPrintable(result.err));
        const auto chunk = runCli({QStringLiteral("push"), QStringLiteral("--chunk-size"), QStringLiteral("12"), source()});
        QCOMPARE(chunk.exitCode, 2);
        QVERIFY2(chunk.err.contains(QStringLiteral("--chunk-size")), qPrintable(chunk.err));
    }

    void interruptCancelsAPush()
    {
        // A registry that answers the upload's start slowly enough for Ctrl-C to come first:
        // 16 MiB at 16 KiB every 20 ms would take 20 s, so only a cancel ends it in time.
        berth::test::HostileRegistry registry;
        berth::test::HostileRegistry::Route slow{202, "application/octet-stream", std::string(16 << 20, 'x')};
        slow.chunkDelay = std::chrono::milliseconds(20);
        slow.headers.push_back("Location: /v2/hostile/push/blobs/uploads/session");
        registry.set("/v2/hostile/push/blobs/uploads/", slow);
        QProcess push;
        push.start(qEnvironmentVariable("BERTH_CLI"),
                   {QStringLiteral("push"), source(), QString::fromStdString(registry.host()) + QStringLiteral("/hostile/push:1")});
        QVERIFY(push.waitForStarted());
        const auto uploadStarted = [&] {
            for (const auto &request : registry.requests()) {
                if (request == "POST /v2/hostile/push/blobs/uploads/")
                    return registry.bodyBytesSent() > 0;
            }
            return false;
        };
        QVERIFY2(QTest::qWaitFor(uploadStarted, 20000), push.readAllStandardError().constData());
        ::kill(pid_t(push.processId()), SIGINT);
        QVERIFY2(push.waitForFinished(10000), "berth push did not end after SIGINT");
        const QString errors = QString::fromUtf8(push.readAllStandardError());
        QVERIFY2(push.exitStatus() == QProcess::NormalExit && push.exitCode() == 130,
                 qPrintable(QString::number(push.exitCode()) + QLatin1Char(' ') + errors));
        QVERIFY2(errors.contains(QStringLiteral("Cancelling the push")), qPrintable(errors));
        QVERIFY2(errors.contains(QStringLiteral("cancelled")), qPrintable(errors));
        QVERIFY(registry.bodyBytesSent() < (16u << 20));
    }

    void nobodyMayNotPush()
    {
        const QString directory = berth::test::environmentDirectory() + QStringLiteral("/bin");
        const QString cli = directory + QStringLiteral("/berth-push-test");
        QDir().mkpath(directory);
        QFile::remove(cli);
        QVERIFY(QFile::copy(qEnvironmentVariable("BERTH_CLI"), cli));
        QFile::setPermissions(cli, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                       QFileDevice::ReadOther | QFileDevice::ExeOther);
        QFile::setPermissions(directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                             QFileDevice::ReadOther | QFileDevice::ExeOther);
        const auto refused = berth::test::run(cli, {QStringLiteral("push"), source(), registry() + QStringLiteral("/pushed/nobody:1")},
                                              QProcessEnvironment::systemEnvironment(), QStringLiteral("nobody"));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("io.berth.image-push")), qPrintable(refused.err));
    }
};

QTEST_GUILESS_MAIN(TestCliPush)
#include "tst_cli_push.moc"

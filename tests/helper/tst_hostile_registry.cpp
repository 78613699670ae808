// Pulls from a registry that lies: every broken or hostile answer must fail the pull with
// a clear message and leave the store exactly as it was; transient faults must be ridden
// out; a cancelled or killed pull must leave a consistent store that the next pull reuses.
#include "hostile_registry.h"
#include "test_support.h"

#include "engine/core/digest.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>

#include <csignal>
#include <random>

using berth::test::HostileRegistry;
using berth::test::runCli;

namespace {

struct Entry {
    std::string path;
    char type = 'f'; // f file, d dir, l symlink, h hard link
    std::string content; // file content, or link target
};

// A tar built with libarchive, gzip-compressed if asked.
std::string makeTar(const std::vector<Entry> &entries, bool gzip)
{
    std::string output;
    archive *writer = archive_write_new();
    archive_write_set_format_pax_restricted(writer);
    if (gzip)
        archive_write_add_filter_gzip(writer);
    archive_write_set_bytes_in_last_block(writer, 1);
    archive_write_open(
        writer, &output, nullptr,
        [](archive *, void *data, const void *buffer, size_t length) -> la_ssize_t {
            static_cast<std::string *>(data)->append(static_cast<const char *>(buffer), length);
            return static_cast<la_ssize_t>(length);
        },
        nullptr);
    for (const auto &each : entries) {
        archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname(entry, each.path.c_str());
        archive_entry_set_mtime(entry, 1700000000, 0);
        if (each.type == 'd') {
            archive_entry_set_filetype(entry, AE_IFDIR);
            archive_entry_set_perm(entry, 0755);
        } else if (each.type == 'l') {
            archive_entry_set_filetype(entry, AE_IFLNK);
            archive_entry_set_perm(entry, 0777);
            archive_entry_set_symlink(entry, each.content.c_str());
        } else if (each.type == 'h') {
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_perm(entry, 0644);
            archive_entry_set_hardlink(entry, each.content.c_str());
        } else {
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_perm(entry, 0644);
            archive_entry_set_size(entry, static_cast<la_int64_t>(each.content.size()));
        }
        archive_write_header(writer, entry);
        if (each.type == 'f')
            archive_write_data(writer, each.content.data(), each.content.size());
        archive_entry_free(entry);
    }
    archive_write_close(writer);
    archive_write_free(writer);
    return output;
}

std::string plainTar(const std::vector<Entry> &entries)
{
    return makeTar(entries, false);
}

struct Image {
    std::vector<std::string> layers;  // compressed blobs
    std::vector<std::string> diffIds; // of the uncompressed tars
    std::string config;
    std::string manifest;
};

// The manifest for image's layers and config, as a registry would serve it.
std::string manifestFor(const Image &image)
{
    std::string layers;
    for (const auto &layer : image.layers)
        layers += std::string(layers.empty() ? "" : ",") + R"({"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":")" +
                  berth::Sha256::of(layer).string() + R"(","size":)" + std::to_string(layer.size()) + "}";
    return R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":")" +
           berth::Sha256::of(image.config).string() + R"(","size":)" + std::to_string(image.config.size()) +
           R"(},"layers":[)" + layers + "]}";
}

std::string configFor(const std::vector<std::string> &diffIds, const std::string &tag)
{
    std::string list;
    for (const auto &diffId : diffIds)
        list += (list.empty() ? "\"" : ",\"") + diffId + "\"";
    return R"({"created":"2026-01-01T00:00:00Z","architecture":"amd64","os":"linux","config":{"Cmd":["sh"],"Labels":{"case":")" +
           tag + R"("}},"rootfs":{"type":"layers","diff_ids":[)" + list + "]}}";
}

Image buildImage(const std::vector<std::vector<Entry>> &layerEntries, const std::string &tag)
{
    Image image;
    for (const auto &entries : layerEntries) {
        image.diffIds.push_back(berth::Sha256::of(plainTar(entries)).string());
        image.layers.push_back(makeTar(entries, true));
    }
    image.config = configFor(image.diffIds, tag);
    image.manifest = manifestFor(image);
    return image;
}

void serve(HostileRegistry &registry, const std::string &repository, const Image &image)
{
    registry.set("/v2/" + repository + "/manifests/latest",
                 HostileRegistry::Route{200, "application/vnd.oci.image.manifest.v1+json", image.manifest});
    registry.set("/v2/" + repository + "/blobs/" + berth::Sha256::of(image.config).string(),
                 HostileRegistry::Route{200, "application/octet-stream", image.config});
    for (const auto &layer : image.layers)
        registry.set("/v2/" + repository + "/blobs/" + berth::Sha256::of(layer).string(),
                     HostileRegistry::Route{200, "application/octet-stream", layer});
}

// Everything a pull could leave behind, to compare before and after.
QStringList storeState()
{
    // Asked first, so a helper killed earlier has been restarted and has tidied up.
    QStringList state = runCli({QStringLiteral("images"), QStringLiteral("-q"), QStringLiteral("--no-trunc")}).out.split('\n', Qt::SkipEmptyParts);
    const QString root = berth::test::environmentDirectory() + "/root";
    for (const char *directory : {"/blobs/sha256", "/layers"}) {
        QDirIterator it(root + directory, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        while (it.hasNext())
            state << QString::fromLatin1(directory) + "/" + QFileInfo(it.next()).fileName();
    }
    state.sort();
    return state;
}

QStringList ingestFiles()
{
    return QDir(berth::test::environmentDirectory() + "/root/ingest").entryList(QDir::Files);
}

std::string randomBytes(std::size_t size, unsigned seed)
{
    std::mt19937 generator(seed);
    std::string bytes(size, '\0');
    for (auto &byte : bytes)
        byte = static_cast<char>(generator());
    return bytes;
}

uint helperPid()
{
    auto reply = QDBusConnection::systemBus().interface()->servicePid(QStringLiteral("io.berth.Helper"));
    return reply.isValid() ? reply.value() : 0;
}

} // namespace

class TestHostileRegistry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("needs root: the fixture runs the helper, which unpacks layers with their owners");
        QCOMPARE(runCli({QStringLiteral("version")}).exitCode, 0);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("caseName");
        QTest::addColumn<QString>("expected");
        QTest::newRow("manifest not JSON") << "badjson" << "the manifest is not valid JSON";
        QTest::newRow("schema 1") << "schema1" << "manifest schema 1";
        QTest::newRow("unknown media type") << "unknowntype" << "unknown manifest media type";
        QTest::newRow("huge manifest") << "hugemanifest" << "larger than";
        QTest::newRow("layer digest mismatch") << "wrongdigest" << "digest mismatch";
        QTest::newRow("blob shorter than its size") << "truncated" << "is truncated";
        QTest::newRow("diff id mismatch") << "wrongdiffid" << "does not match the diff id";
        QTest::newRow("config counts other layers") << "layercount" << "diff ids";
        QTest::newRow("path climbs out") << "dotdot" << "climbs out of the layer";
        QTest::newRow("write through symlink to /etc") << "symlinkescape" << "leads out of the layer";
        QTest::newRow("hard link to host file") << "hardlinkescape" << "earlier entry";
        QTest::newRow("unknown layer media type") << "unknownlayertype" << "unknown layer media type";
        QTest::newRow("decompression bomb") << "bomb" << "larger than the limit";
    }
    void refusals()
    {
        QFETCH(QString, caseName);
        QFETCH(QString, expected);
        HostileRegistry registry;
        const std::string repository = "hostile/" + caseName.toStdString();
        const std::string name = caseName.toStdString();
        Image image = buildImage({{{"etc", 'd', ""}, {"etc/case", 'f', name}}, {{"data", 'd', ""}, {"data/x", 'f', "x of " + name}}}, name);
        const std::string manifestPath = "/v2/" + repository + "/manifests/latest";
        bool limitLayers = false;
        if (caseName == QLatin1String("badjson")) {
            serve(registry, repository, image);
            registry.set(manifestPath, {200, "application/vnd.oci.image.manifest.v1+json", "{\"schemaVersion\": 2, \"layers\": ["});
        } else if (caseName == QLatin1String("schema1")) {
            registry.set(manifestPath, {200, "application/vnd.docker.distribution.manifest.v1+prettyjws", R"({"schemaVersion":1,"name":"x","fsLayers":[]})"});
        } else if (caseName == QLatin1String("unknowntype")) {
            registry.set(manifestPath, {200, "application/vnd.example.unknown+json", R"({"schemaVersion":2,"mediaType":"application/vnd.example.unknown+json"})"});
        } else if (caseName == QLatin1String("hugemanifest")) {
            registry.set(manifestPath, {200, "application/vnd.oci.image.manifest.v1+json", std::string(5 * 1024 * 1024, ' ') + "{}"});
        } else if (caseName == QLatin1String("wrongdigest")) {
            serve(registry, repository, image);
            std::string tampered = image.layers[1];
            tampered[tampered.size() / 2] ^= 0x55;
            registry.set("/v2/" + repository + "/blobs/" + berth::Sha256::of(image.layers[1]).string(), {200, "application/octet-stream", tampered});
        } else if (caseName == QLatin1String("truncated")) {
            serve(registry, repository, image);
            registry.set("/v2/" + repository + "/blobs/" + berth::Sha256::of(image.layers[0]).string(),
                         {200, "application/octet-stream", image.layers[0].substr(0, image.layers[0].size() / 2)});
        } else if (caseName == QLatin1String("wrongdiffid")) {
            image.config = configFor({image.diffIds[0], berth::Sha256::of("not this").string()}, name);
            image.manifest = manifestFor(image);
            serve(registry, repository, image);
        } else if (caseName == QLatin1String("layercount")) {
            image.config = configFor({image.diffIds[0]}, name);
            image.manifest = manifestFor(image);
            serve(registry, repository, image);
        } else if (caseName == QLatin1String("dotdot")) {
            image = buildImage({{{"../escaped", 'f', "out"}}}, name);
            serve(registry, repository, image);
        } else if (caseName == QLatin1String("symlinkescape")) {
            image = buildImage({{{"evil", 'l', "/etc"}, {"evil/berth-escape", 'f', "pwned"}}}, name);
            serve(registry, repository, image);
        } else if (caseName == QLatin1String("hardlinkescape")) {
            image = buildImage({{{"passwd", 'h', "/etc/passwd"}}}, name);
            serve(registry, repository, image);
        } else if (caseName == QLatin1String("unknownlayertype")) {
            const std::string from = "application/vnd.oci.image.layer.v1.tar+gzip";
            image.manifest.replace(image.manifest.find(from), from.size(), "application/vnd.example.layer+weird");
            serve(registry, repository, image);
        } else if (caseName == QLatin1String("bomb")) {
            image = buildImage({{{"zeros", 'f', std::string(4 * 1024 * 1024, '\0')}}}, name);
            serve(registry, repository, image);
            limitLayers = true;
        }
        if (limitLayers)
            QCOMPARE(runCli({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("max-layer-size"), QStringLiteral("1m")}).exitCode, 0);
        const QStringList before = storeState();
        const auto result = runCli({QStringLiteral("pull"), QString::fromStdString(registry.host() + "/" + repository)});
        if (limitLayers)
            runCli({QStringLiteral("config"), QStringLiteral("unset"), QStringLiteral("max-layer-size")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(expected), qPrintable(result.err));
        QVERIFY2(!result.err.contains(QStringLiteral("io.berth.Error")), qPrintable(result.err));
        QCOMPARE(storeState(), before);
        QVERIFY(!QFileInfo::exists(QStringLiteral("/etc/berth-escape")));
        QVERIFY(!QFileInfo::exists(berth::test::environmentDirectory() + "/root/escaped"));
    }

    void transientFailuresAreRetried()
    {
        HostileRegistry registry;
        const Image image = buildImage({{{"retry", 'f', "retried"}}}, "retry");
        serve(registry, "hostile/retry", image);
        auto route = HostileRegistry::Route{200, "application/octet-stream", image.layers[0]};
        route.failuresFirst = 2;
        registry.set("/v2/hostile/retry/blobs/" + berth::Sha256::of(image.layers[0]).string(), route);
        const auto result = runCli({QStringLiteral("pull"), QString::fromStdString(registry.host() + "/hostile/retry")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(runCli({QStringLiteral("rmi"), QString::fromStdString(registry.host() + "/hostile/retry")}).exitCode, 0);
    }

    void interruptedDownloadResumesWithRange()
    {
        HostileRegistry registry;
        const Image image = buildImage({{{"big", 'f', randomBytes(2 * 1024 * 1024, 7)}}}, "resume");
        serve(registry, "hostile/resume", image);
        const std::string blobPath = "/v2/hostile/resume/blobs/" + berth::Sha256::of(image.layers[0]).string();
        auto route = HostileRegistry::Route{200, "application/octet-stream", image.layers[0]};
        route.closeAfter = image.layers[0].size() / 3;
        route.cutOnce = true;
        registry.set(blobPath, route);
        const auto result = runCli({QStringLiteral("pull"), QString::fromStdString(registry.host() + "/hostile/resume")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        bool resumed = false;
        for (const auto &request : registry.requests())
            resumed |= request.starts_with("GET " + blobPath + " bytes=") && !request.ends_with("bytes=0-");
        QVERIFY2(resumed, "the second request did not ask for the rest with Range");
        QCOMPARE(runCli({QStringLiteral("rmi"), QString::fromStdString(registry.host() + "/hostile/resume")}).exitCode, 0);
    }

    void cancelLeavesNothing()
    {
        HostileRegistry registry;
        const Image image = buildImage({{{"slow", 'f', randomBytes(4 * 1024 * 1024, 11)}}}, "cancel");
        serve(registry, "hostile/cancel", image);
        auto route = HostileRegistry::Route{200, "application/octet-stream", image.layers[0]};
        route.chunkDelay = std::chrono::milliseconds(20);
        registry.set("/v2/hostile/cancel/blobs/" + berth::Sha256::of(image.layers[0]).string(), route);
        const QStringList before = storeState();
        QProcess pull;
        pull.start(qEnvironmentVariable("BERTH_CLI"), {QStringLiteral("pull"), QString::fromStdString(registry.host() + "/hostile/cancel")});
        QVERIFY(QTest::qWaitFor([&] { return registry.bodyBytesSent() > 256 * 1024; }, 20000));
        ::kill(pid_t(pull.processId()), SIGINT);
        QVERIFY(pull.waitForFinished(20000));
        const QByteArray output = pull.readAllStandardOutput() + pull.readAllStandardError();
        QVERIFY2(pull.exitStatus() == QProcess::NormalExit && pull.exitCode() == 130, output.constData());
        QVERIFY2(output.contains("cancelled"), output.constData());
        QCOMPARE(storeState(), before);
        QVERIFY2(ingestFiles().isEmpty(), qPrintable(ingestFiles().join(' ')));
    }

    void killedHelperLeavesConsistentStoreAndPullResumes()
    {
        HostileRegistry registry;
        const Image image = buildImage({{{"small", 'f', "small"}}, {{"slow", 'f', randomBytes(4 * 1024 * 1024, 13)}}}, "kill");
        serve(registry, "hostile/kill", image);
        const std::string blobPath = "/v2/hostile/kill/blobs/" + berth::Sha256::of(image.layers[1]).string();
        auto slow = HostileRegistry::Route{200, "application/octet-stream", image.layers[1]};
        slow.chunkDelay = std::chrono::milliseconds(20);
        registry.set(blobPath, slow);
        const QStringList before = storeState();
        QProcess pull;
        pull.start(qEnvironmentVariable("BERTH_CLI"), {QStringLiteral("pull"), QString::fromStdString(registry.host() + "/hostile/kill")});
        QVERIFY(QTest::qWaitFor([&] { return registry.bodyBytesSent() > 512 * 1024; }, 20000));
        const uint pid = helperPid();
        QVERIFY(pid != 0);
        ::kill(pid_t(pid), SIGKILL);
        QVERIFY(pull.waitForFinished(20000));
        QCOMPARE(pull.exitCode(), 1);
        QVERIFY2(pull.readAllStandardError().contains("helper stopped"), "the CLI did not say the helper went away");

        // The next call starts a new helper; nothing half-made is visible, the partial stays.
        // The first layer may have been stored completely before the kill; it is a verified
        // blob the next pull reuses. No image, no half-unpacked layer, no half-written blob.
        QStringList after = storeState();
        after.removeAll(QStringLiteral("/blobs/sha256/") + QString::fromStdString(std::string(berth::Sha256::of(image.layers[0]).hex())));
        after.removeAll(QStringLiteral("/blobs/sha256/") + QString::fromStdString(std::string(berth::Sha256::of(image.config).hex())));
        const QString firstLayer = QStringLiteral("/layers/") + QString::fromStdString(image.diffIds[0]).mid(7);
        after.removeAll(firstLayer);
        QCOMPARE(after, before);
        QVERIFY(!ingestFiles().isEmpty());

        registry.set(blobPath, HostileRegistry::Route{200, "application/octet-stream", image.layers[1]});
        const auto again = runCli({QStringLiteral("pull"), QString::fromStdString(registry.host() + "/hostile/kill")});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        bool resumed = false;
        for (const auto &request : registry.requests())
            resumed |= request.starts_with("GET " + blobPath + " bytes=");
        QVERIFY2(resumed, "the pull after the kill did not resume the partial blob");
        QVERIFY2(ingestFiles().isEmpty(), qPrintable(ingestFiles().join(' ')));
        QCOMPARE(runCli({QStringLiteral("rmi"), QString::fromStdString(registry.host() + "/hostile/kill")}).exitCode, 0);
        QCOMPARE(storeState(), before);
    }
};

QTEST_GUILESS_MAIN(TestHostileRegistry)
#include "tst_hostile_registry.moc"

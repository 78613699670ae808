// The registry client's push primitives against the fixture's real docker-registry, seen
// through a proxy that can cut a request in the middle of its body: a chunked upload
// recovers from a lost chunk (docker-registry 2.8 then declares the session invalid —
// "upload resumed at wrong offset" — so the client asks, and starts a new session), a
// monolithic one starts a new session, mounts link blobs across repositories (or open an
// upload when they cannot), and a manifest put reads back as sent.
#include "engine/core/digest.h"
#include "engine/image/registry_client.h"
#include "hostile_registry.h"
#include "loopback_server.h"

#include <QFile>
#include <QTest>

#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cstring>
#include <map>
#include <mutex>
#include <random>

using namespace berth;
using namespace berth::image;

namespace {

// Forwards 127.0.0.1:port() to the registry, one request per connection (curl opens one
// per request here). The nth request of a method can be cut after some body bytes.
class CuttingProxy {
public:
    explicit CuttingProxy(int upstreamPort) : upstreamPort_(upstreamPort) {}
    // The handlers use the counts and cuts: stop them before the members go.
    ~CuttingProxy() { server_.stop(); }
    [[nodiscard]] int port() const { return server_.port(); }
    void cut(const std::string &method, int nth, std::size_t afterBodyBytes)
    {
        std::lock_guard lock(mutex_);
        cuts_[method] = {nth, afterBodyBytes};
    }
    [[nodiscard]] int seen(const std::string &method)
    {
        std::lock_guard lock(mutex_);
        return counts_[method];
    }

private:
    static constexpr auto sendAll = berth::test::LoopbackServer::sendAll;

    void serve(int client)
    {
        const int upstream = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(static_cast<std::uint16_t>(upstreamPort_));
        if (::connect(upstream, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
            ::close(upstream);
            return;
        }
        // The request head decides whether this one is cut.
        std::string head;
        char buffer[65536];
        while (head.find("\r\n\r\n") == std::string::npos) {
            const ssize_t got = ::recv(client, buffer, sizeof buffer, 0);
            if (got <= 0)
                break;
            head.append(buffer, static_cast<std::size_t>(got));
            // A TLS handshake (the client tries https first on loopback) is passed on as is.
            if (!std::isupper(static_cast<unsigned char>(head.front())))
                break;
        }
        const std::string method = head.empty() || !std::isupper(static_cast<unsigned char>(head.front()))
                                       ? std::string("other")
                                       : head.substr(0, head.find(' '));
        std::optional<std::size_t> cutAfter;
        {
            std::lock_guard lock(mutex_);
            const int number = ++counts_[method];
            if (auto cut = cuts_.find(method); cut != cuts_.end() && cut->second.first == number)
                cutAfter = cut->second.second;
        }
        if (cutAfter) {
            const std::size_t bodyStart = head.find("\r\n\r\n") + 4;
            std::size_t forwarded = std::min(head.size(), bodyStart + *cutAfter);
            sendAll(upstream, head.data(), forwarded);
            std::size_t body = forwarded - bodyStart;
            while (body < *cutAfter) {
                const ssize_t got = ::recv(client, buffer, std::min(sizeof buffer, *cutAfter - body), 0);
                if (got <= 0)
                    break;
                sendAll(upstream, buffer, static_cast<std::size_t>(got));
                body += static_cast<std::size_t>(got);
            }
            // Both sides see the connection break in the middle of the body.
            ::shutdown(client, SHUT_RDWR);
            ::close(upstream);
            return;
        }
        sendAll(upstream, head.data(), head.size());
        pollfd fds[2] = {{client, POLLIN, 0}, {upstream, POLLIN, 0}};
        for (;;) {
            if (::poll(fds, 2, 30000) <= 0)
                break;
            const int from = (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) ? 0 : 1;
            const ssize_t got = ::recv(fds[from].fd, buffer, sizeof buffer, 0);
            if (got <= 0 || !sendAll(fds[1 - from].fd, buffer, static_cast<std::size_t>(got)))
                break;
        }
        ::close(upstream);
    }

    int upstreamPort_;
    std::mutex mutex_;
    std::map<std::string, std::pair<int, std::size_t>> cuts_;
    std::map<std::string, int> counts_;
    // Last: it starts serving once every member it serves from exists.
    berth::test::LoopbackServer server_{[this](int client) { serve(client); }};
};

std::string randomBlob(std::size_t size, unsigned seed)
{
    std::mt19937 generator(seed);
    std::string data(size, '\0');
    for (auto &c : data)
        c = static_cast<char>(generator() & 0xff);
    return data;
}

BlobSource sourceOf(const std::string &data)
{
    return BlobSource{Sha256::of(data), data.size(), [&data](std::uint64_t offset, std::span<std::byte> buffer) -> std::size_t {
                          if (offset >= data.size())
                              return 0;
                          const std::size_t count = std::min<std::size_t>(buffer.size(), data.size() - offset);
                          std::memcpy(buffer.data(), data.data() + offset, count);
                          return count;
                      }};
}

int registryPort()
{
    QFile file(qEnvironmentVariable("BERTH_TEST_ENV_DIR") + QStringLiteral("/registry/port"));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toInt() : 0;
}

RegistryOptions quickRetries()
{
    RegistryOptions options;
    options.certificatesDirectory = "/nonexistent";
    options.firstRetryDelay = std::chrono::milliseconds(20);
    return options;
}

// Reads a whole blob back from the registry.
std::string fetchAll(RegistryClient &client, const std::string &repository, const Digest &digest)
{
    std::string data;
    auto fetched = client.fetchBlob(
        repository, digest, 0,
        [&](std::span<const std::byte> bytes) -> Status {
            data.append(reinterpret_cast<const char *>(bytes.data()), bytes.size());
            return {};
        },
        [&]() -> Status {
            data.clear();
            return {};
        });
    return fetched ? data : std::string("fetch failed: ") + fetched.error().describe();
}

} // namespace

class TestRegistryPush : public QObject {
    Q_OBJECT
    std::string run_ = std::to_string(::getpid());

private Q_SLOTS:
    void initTestCase()
    {
        if (registryPort() == 0)
            QSKIP("needs the fixture's registry (ctest starts it; run through ctest)");
    }

    void chunkedUploadGoesOnAfterACutChunk()
    {
        CuttingProxy proxy(registryPort());
        proxy.cut("PATCH", 3, 40 * 1024);
        RegistryClient client("127.0.0.1:" + std::to_string(proxy.port()), quickRetries());
        const std::string repository = "resume-" + run_ + "/chunked";
        const std::string data = randomBlob(1024 * 1024 + 123, 1);
        const BlobSource blob = sourceOf(data);
        std::uint64_t lastProgress = 0;
        UploadOptions options;
        options.chunkSize = 128 * 1024;
        options.progress = [&](std::uint64_t uploaded) { lastProgress = uploaded; };
        auto exists = client.blobExists(repository, blob.digest);
        QVERIFY(exists && !*exists);
        auto uploaded = client.uploadBlob(repository, blob, options);
        QVERIFY2(uploaded, uploaded ? "" : uploaded.error().describe().c_str());
        QCOMPARE(lastProgress, std::uint64_t(data.size()));
        // Nine chunks, plus at least the one that was cut.
        QVERIFY2(proxy.seen("PATCH") >= 10, qPrintable(QString::number(proxy.seen("PATCH"))));
        exists = client.blobExists(repository, blob.digest);
        QVERIFY(exists && *exists);
        QVERIFY(fetchAll(client, repository, blob.digest) == data);
    }

    void monolithicUploadStartsANewSessionAfterACut()
    {
        CuttingProxy proxy(registryPort());
        proxy.cut("PUT", 1, 100 * 1024);
        RegistryClient client("127.0.0.1:" + std::to_string(proxy.port()), quickRetries());
        const std::string repository = "resume-" + run_ + "/monolithic";
        const std::string data = randomBlob(512 * 1024, 2);
        const BlobSource blob = sourceOf(data);
        auto uploaded = client.uploadBlob(repository, blob, UploadOptions{});
        QVERIFY2(uploaded, uploaded ? "" : uploaded.error().describe().c_str());
        QCOMPARE(proxy.seen("PATCH"), 0);
        QVERIFY(proxy.seen("POST") >= 2);
        QVERIFY(fetchAll(client, repository, blob.digest) == data);
    }

    void mountLinksABlobOrOpensAnUpload()
    {
        RegistryClient client("127.0.0.1:" + std::to_string(registryPort()), quickRetries());
        const std::string from = "resume-" + run_ + "/monolithic";
        const std::string to = "resume-" + run_ + "/mounted";
        const std::string data = randomBlob(512 * 1024, 2); // the blob the test above uploaded
        const Digest digest = Sha256::of(data);
        auto mounted = client.mountBlob(to, digest, from);
        QVERIFY2(mounted, mounted ? "" : mounted.error().describe().c_str());
        QVERIFY(mounted->mounted);
        QVERIFY(*client.blobExists(to, digest));

        // A blob the source does not have: the registry opens an upload instead.
        const std::string other = randomBlob(70 * 1024, 3);
        const BlobSource blob = sourceOf(other);
        mounted = client.mountBlob(to, blob.digest, from);
        QVERIFY(mounted && !mounted->mounted);
        QVERIFY(!mounted->uploadLocation.empty());
        UploadOptions options;
        options.chunkSize = 32 * 1024;
        auto uploaded = client.uploadBlob(to, blob, options, {}, mounted->uploadLocation);
        QVERIFY2(uploaded, uploaded ? "" : uploaded.error().describe().c_str());
        QVERIFY(fetchAll(client, to, blob.digest) == other);
    }

    void manifestPutReadsBackAsSent()
    {
        RegistryClient client("127.0.0.1:" + std::to_string(registryPort()), quickRetries());
        const std::string repository = "resume-" + run_ + "/mounted";
        // (Built with nlohmann::json: moc gives up on files with raw string literals.)
        using Json = nlohmann::json;
        const std::string config =
            Json{{"architecture", "amd64"}, {"os", "linux"}, {"rootfs", {{"type", "layers"}, {"diff_ids", Json::array()}}}}.dump();
        QVERIFY(client.uploadBlob(repository, sourceOf(config), UploadOptions{}));
        const std::string layer = randomBlob(512 * 1024, 2);
        const std::string manifest =
            Json{{"schemaVersion", 2},
                 {"mediaType", "application/vnd.oci.image.manifest.v1+json"},
                 {"config", {{"mediaType", "application/vnd.oci.image.config.v1+json"}, {"digest", Sha256::of(config).string()},
                             {"size", config.size()}}},
                 {"layers", Json::array({Json{{"mediaType", "application/vnd.oci.image.layer.v1.tar+gzip"},
                                              {"digest", Sha256::of(layer).string()},
                                              {"size", layer.size()}}})}}
                .dump();
        auto digest = client.putManifest(repository, "v1", manifest, "application/vnd.oci.image.manifest.v1+json");
        QVERIFY2(digest, digest ? "" : digest.error().describe().c_str());
        QCOMPARE(*digest, Sha256::of(manifest));
        auto fetched = client.fetchManifest(repository, "v1");
        QVERIFY(fetched);
        QCOMPARE(fetched->body, manifest);
        QCOMPARE(fetched->digest, *digest);

        // A manifest whose layer the repository lacks is refused with the registry's reason.
        const std::string missing = "sha256:" + std::string(64, 'b');
        std::string broken = manifest;
        broken.replace(broken.find(Sha256::of(layer).string()), missing.size(), missing);
        auto refused = client.putManifest(repository, "broken", broken, "application/vnd.oci.image.manifest.v1+json");
        QVERIFY(!refused);
        QVERIFY2(refused.error().describe().find("MANIFEST_BLOB_UNKNOWN") != std::string::npos, refused.error().describe().c_str());
    }

    void passwordIsNotSentToAPlainHttpTokenServer()
    {
        // A registry (here a fake one) that sends clients to a token server over plain
        // HTTP on a routable address: the login must not travel there in clear text.
        berth::test::HostileRegistry fake;
        berth::test::HostileRegistry::Route challenge{401, "application/json", "{}"};
        challenge.headers.push_back("WWW-Authenticate: Bearer realm=\"http://192.0.2.1/token\",service=\"fake\"");
        fake.set("/v2/", challenge);
        RegistryOptions options = quickRetries();
        options.credentials = [](const std::string &) { return std::optional(RegistryCredentials{"user", "secret"}); };
        RegistryClient client("127.0.0.1:" + std::to_string(fake.port()), options);
        auto verified = client.verifyLogin();
        QVERIFY(!verified);
        QCOMPARE(verified.error().code(), ErrorCode::NotAuthorized);
        QVERIFY2(verified.error().describe().find("plain HTTP") != std::string::npos, verified.error().describe().c_str());
        QVERIFY(verified.error().describe().find("secret") == std::string::npos);
    }

    void cancelledUploadStops()
    {
        RegistryClient client("127.0.0.1:" + std::to_string(registryPort()), quickRetries());
        std::stop_source stop;
        stop.request_stop();
        const std::string data = randomBlob(64 * 1024, 4);
        auto uploaded = client.uploadBlob("resume-" + run_ + "/cancelled", sourceOf(data), UploadOptions{}, stop.get_token());
        QVERIFY(!uploaded);
        QCOMPARE(uploaded.error().code(), ErrorCode::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestRegistryPush)
#include "tst_registry_push.moc"

// A client for one registry (OCI distribution spec): endpoint choice (mirrors first, then
// the origin; https, with plain http only where allowed), the auth dance (anonymous, basic,
// bearer tokens cached per scope), retries with backoff, manifests and blobs.
#pragma once

#include "engine/core/digest.h"
#include "engine/core/error.h"
#include "engine/image/http_client.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <stop_token>
#include <string>
#include <vector>

namespace berth::image {

struct RegistryCredentials {
    std::string username;
    std::string password;
};

struct RegistryOptions {
    /// Tried in order before the origin; Docker applies mirrors to Docker Hub only.
    std::vector<std::string> mirrors;
    /// host[:port] or IPv4 CIDR entries allowed plain HTTP or unverified TLS.
    std::vector<std::string> insecureRegistries;
    /// Directory with per-registry CA files: <dir>/<host[:port]>/ca.crt (as /etc/docker/certs.d).
    std::string certificatesDirectory = "/etc/berth/certs.d";
    /// Credentials for a registry host, if any were stored by `berth login`.
    std::function<std::optional<RegistryCredentials>(const std::string &host)> credentials;
    int maximumAttempts = 5;
    std::chrono::milliseconds firstRetryDelay{250};
};

struct FetchedManifest {
    std::string body;
    std::string contentType;
    Digest digest;
};

/// Whether host[:port] may be reached without verified TLS: listed in insecure (by name or
/// CIDR) or on loopback (127.0.0.0/8, ::1, localhost), as Docker allows.
[[nodiscard]] bool isInsecureRegistry(const std::string &hostAndPort, const std::vector<std::string> &insecure);

class RegistryClient {
public:
    /// domain as in a normalised reference ("docker.io", "127.0.0.1:5000").
    RegistryClient(std::string domain, RegistryOptions options);

    /// GET /v2/ on the first reachable endpoint, authenticating if asked.
    [[nodiscard]] Status ping(std::stop_token stop = {});
    /// Fetches a manifest by tag or digest; checks it against the digest when given one.
    [[nodiscard]] Result<FetchedManifest> fetchManifest(const std::string &repository, const std::string &tagOrDigest,
                                                        std::stop_token stop = {});
    /// Streams a blob from offset (Range) to sink. onRestart is called if the server sends
    /// the whole blob instead of the range, so the caller can start over.
    [[nodiscard]] Status fetchBlob(const std::string &repository, const Digest &digest, std::uint64_t offset,
                                   const std::function<Status(std::span<const std::byte>)> &sink,
                                   const std::function<Status()> &onRestart, std::stop_token stop = {});
    /// Lists repositories (GET /v2/_catalog), following pagination up to limit entries.
    [[nodiscard]] Result<std::vector<std::string>> catalog(std::size_t limit, std::stop_token stop = {});
    /// Lists a repository's tags.
    [[nodiscard]] Result<std::vector<std::string>> tags(const std::string &repository, std::stop_token stop = {});

    /// The endpoint base URL that answered last, e.g. "http://127.0.0.1:5000" (for messages).
    [[nodiscard]] std::string lastEndpoint() const;

private:
    struct Endpoint {
        std::string baseUrl; // scheme://host[:port][/path], no trailing slash
        std::string host;    // host[:port], for credentials and CA files
        bool isMirror = false;
        bool allowInsecure = false;
    };
    struct Challenge {
        std::string scheme; // "basic" or "bearer"
        std::map<std::string, std::string> parameters;
    };

    /// Sends request to endpoint path with auth for scope, retrying on 401 (after getting a
    /// token) and on transient failures. Returns the final response, whatever its status.
    [[nodiscard]] Result<HttpResponse> send(const Endpoint &endpoint, HttpRequest request, const std::string &path,
                                            const std::string &scope);
    [[nodiscard]] Result<std::string> obtainToken(const Endpoint &endpoint, const Challenge &challenge,
                                                  const std::string &scope, std::stop_token stop);
    [[nodiscard]] std::vector<Endpoint> endpoints() const;
    /// Runs attempt on each endpoint in turn until one gives a usable answer.
    template <typename T>
    Result<T> onEndpoints(const std::function<Result<T>(const Endpoint &)> &attempt);

    std::string domain_;
    RegistryOptions options_;
    mutable std::mutex mutex_;
    std::map<std::string, std::string> tokens_;          // (endpoint host + scope) -> bearer token
    std::map<std::string, std::string> workingScheme_;   // host -> "https" or "http" once known
    std::string lastEndpoint_;
};

[[nodiscard]] std::optional<std::pair<std::string, std::map<std::string, std::string>>>
parseAuthenticateHeader(std::string_view header);

} // namespace berth::image

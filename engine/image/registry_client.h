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
    /// Credentials for a registry, if any were stored by `berth login`: asked with the
    /// domain as in a reference ("docker.io", "127.0.0.1:5000"), or with a mirror's host.
    std::function<std::optional<RegistryCredentials>(const std::string &host)> credentials;
    int maximumAttempts = 5;
    std::chrono::milliseconds firstRetryDelay{250};
};

/// A blob to upload, read by position so that a retried request sends the same bytes.
struct BlobSource {
    Digest digest;
    std::uint64_t size = 0;
    /// Copies the bytes at offset into buffer; returns how many (0 at the end) or
    /// uploadReadFailed.
    std::function<std::size_t(std::uint64_t offset, std::span<std::byte> buffer)> readAt;
};

struct UploadOptions {
    /// 0: one PUT with the whole blob (monolithic). Otherwise PATCH requests of this many
    /// bytes with Content-Range, then a PUT that closes the upload (chunked).
    std::uint64_t chunkSize = 0;
    /// Called with the bytes the registry has taken so far.
    std::function<void(std::uint64_t uploaded)> progress;
};

struct MountResult {
    /// 201: the registry linked the blob from the other repository.
    bool mounted = false;
    /// 202: the registry could not mount and opened an upload session here instead.
    std::string uploadLocation;
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
    /// Like ping(), but with the credentials of RegistryOptions::credentials as a login to
    /// verify: a refusal says the username or password is wrong.
    [[nodiscard]] Status verifyLogin(std::stop_token stop = {});

    // Push (never through mirrors: they only serve pulls).
    /// HEAD /v2/<repository>/blobs/<digest>: whether the repository has the blob.
    [[nodiscard]] Result<bool> blobExists(const std::string &repository, const Digest &digest, std::stop_token stop = {});
    /// POST /v2/<repository>/blobs/uploads/?mount=<digest>&from=<fromRepository>.
    [[nodiscard]] Result<MountResult> mountBlob(const std::string &repository, const Digest &digest,
                                                const std::string &fromRepository, std::stop_token stop = {});
    /// Uploads a blob: opens an upload session (or continues uploadLocation, as a refused
    /// mount left it), sends the bytes monolithically or in chunks, and closes it with the
    /// digest, which the registry verifies. A chunk the registry lost is sent again after
    /// asking where the upload stands.
    [[nodiscard]] Status uploadBlob(const std::string &repository, const BlobSource &blob, const UploadOptions &options,
                                    std::stop_token stop = {}, const std::string &uploadLocation = {});
    /// PUT /v2/<repository>/manifests/<tagOrDigest> with the manifest's media type; returns
    /// the digest the registry computed, checked against the bytes sent.
    [[nodiscard]] Result<Digest> putManifest(const std::string &repository, const std::string &tagOrDigest,
                                             const std::string &body, const std::string &mediaType,
                                             std::stop_token stop = {});

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
    /// path may be an absolute URL (an upload's Location). retryTransient false leaves
    /// recovery to the caller (an upload whose session may have taken part of the bytes).
    [[nodiscard]] Result<HttpResponse> send(const Endpoint &endpoint, HttpRequest request, const std::string &path,
                                            const std::string &scope, bool retryTransient = true);
    /// scope may hold several scopes separated by spaces (a mount needs two repositories).
    [[nodiscard]] Result<std::string> obtainToken(const Endpoint &endpoint, const Challenge &challenge,
                                                  const std::string &scope, std::stop_token stop);
    [[nodiscard]] std::vector<Endpoint> endpoints(bool includeMirrors = true) const;
    /// Runs attempt on each endpoint in turn until one gives a usable answer.
    template <typename T>
    Result<T> onEndpoints(const std::function<Result<T>(const Endpoint &)> &attempt, bool includeMirrors = true);
    /// The CA file for a host from the certificates directory, if there is one.
    [[nodiscard]] std::string caFileFor(const std::string &host) const;
    [[nodiscard]] std::optional<RegistryCredentials> credentialsFor(const Endpoint &endpoint) const;
    /// Where an upload stands: GET on its location gives the next location and the bytes taken.
    [[nodiscard]] Result<std::pair<std::string, std::uint64_t>> uploadStatus(const Endpoint &endpoint,
                                                                             const std::string &location,
                                                                             const std::string &scope, std::stop_token stop);

    std::string domain_;
    RegistryOptions options_;
    mutable std::mutex mutex_;
    std::map<std::string, std::string> tokens_;          // (endpoint host + scope) -> bearer token
    std::map<std::string, std::string> workingScheme_;   // host -> "https" or "http" once known
    std::string lastEndpoint_;
    /// While verifyLogin() runs: a refusal means a wrong username or password.
    bool verifyingLogin_ = false;
};

[[nodiscard]] std::optional<std::pair<std::string, std::map<std::string, std::string>>>
parseAuthenticateHeader(std::string_view header);

} // namespace berth::image

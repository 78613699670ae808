#include "engine/image/registry_client.h"

#include "engine/image/manifest.h"

#include <nlohmann/json.hpp>

#include <arpa/inet.h>

#include <algorithm>
#include <filesystem>
#include <thread>

namespace berth::image {

namespace {

using Json = nlohmann::json;

std::string hostWithoutPort(const std::string &hostAndPort)
{
    if (hostAndPort.starts_with('[')) {
        const auto close = hostAndPort.find(']');
        return close == std::string::npos ? hostAndPort : hostAndPort.substr(1, close - 1);
    }
    const auto colon = hostAndPort.rfind(':');
    return colon == std::string::npos ? hostAndPort : hostAndPort.substr(0, colon);
}

bool inIpv4Cidr(const std::string &address, const std::string &cidr)
{
    const auto slash = cidr.find('/');
    if (slash == std::string::npos)
        return false;
    in_addr host{}, network{};
    if (inet_pton(AF_INET, address.c_str(), &host) != 1 || inet_pton(AF_INET, cidr.substr(0, slash).c_str(), &network) != 1)
        return false;
    const int prefix = std::atoi(cidr.c_str() + slash + 1);
    if (prefix < 0 || prefix > 32)
        return false;
    const std::uint32_t mask = prefix == 0 ? 0 : ~0u << (32 - prefix);
    return (ntohl(host.s_addr) & mask) == (ntohl(network.s_addr) & mask);
}

// Sleeps for delay unless a stop is requested first.
bool sleepUnlessStopped(std::chrono::milliseconds delay, const std::stop_token &stop)
{
    const auto until = std::chrono::steady_clock::now() + delay;
    while (std::chrono::steady_clock::now() < until) {
        if (stop.stop_requested())
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return !stop.stop_requested();
}

std::string base64(std::string_view data)
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t index = 0;
    while (index + 2 < data.size()) {
        const unsigned value = (static_cast<unsigned char>(data[index]) << 16) |
                               (static_cast<unsigned char>(data[index + 1]) << 8) | static_cast<unsigned char>(data[index + 2]);
        out += alphabet[(value >> 18) & 63];
        out += alphabet[(value >> 12) & 63];
        out += alphabet[(value >> 6) & 63];
        out += alphabet[value & 63];
        index += 3;
    }
    if (index + 1 == data.size()) {
        const unsigned value = static_cast<unsigned char>(data[index]) << 16;
        out += alphabet[(value >> 18) & 63];
        out += alphabet[(value >> 12) & 63];
        out += "==";
    } else if (index + 2 == data.size()) {
        const unsigned value = (static_cast<unsigned char>(data[index]) << 16) | (static_cast<unsigned char>(data[index + 1]) << 8);
        out += alphabet[(value >> 18) & 63];
        out += alphabet[(value >> 12) & 63];
        out += alphabet[(value >> 6) & 63];
        out += '=';
    }
    return out;
}

// The registry's own explanation from an error body: {"errors":[{"code":..,"message":..}]}.
std::string registryErrorDetail(const std::string &body)
{
    const Json json = Json::parse(body, nullptr, false);
    if (json.is_discarded() || !json.is_object() || !json.contains("errors") || !json["errors"].is_array())
        return {};
    std::string detail;
    for (const auto &error : json["errors"]) {
        if (!error.is_object())
            continue;
        detail += detail.empty() ? "" : "; ";
        detail += error.value("code", std::string());
        const std::string message = error.value("message", std::string());
        if (!message.empty())
            detail += ": " + message;
    }
    return detail;
}

bool isTransient(long status)
{
    return status == 429 || status >= 500;
}

} // namespace

std::optional<std::pair<std::string, std::map<std::string, std::string>>> parseAuthenticateHeader(std::string_view header)
{
    while (!header.empty() && header.front() == ' ')
        header.remove_prefix(1);
    const auto space = header.find(' ');
    if (header.empty())
        return std::nullopt;
    std::string scheme(header.substr(0, space));
    std::ranges::transform(scheme, scheme.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::map<std::string, std::string> parameters;
    if (space == std::string_view::npos)
        return std::pair{scheme, parameters};
    std::string_view rest = header.substr(space + 1);
    while (!rest.empty()) {
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == ','))
            rest.remove_prefix(1);
        const auto equals = rest.find('=');
        if (equals == std::string_view::npos)
            break;
        std::string key(rest.substr(0, equals));
        std::ranges::transform(key, key.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        rest.remove_prefix(equals + 1);
        std::string value;
        if (!rest.empty() && rest.front() == '"') {
            rest.remove_prefix(1);
            while (!rest.empty() && rest.front() != '"') {
                if (rest.front() == '\\' && rest.size() > 1)
                    rest.remove_prefix(1);
                value += rest.front();
                rest.remove_prefix(1);
            }
            if (!rest.empty())
                rest.remove_prefix(1);
        } else {
            const auto end = rest.find(',');
            value = std::string(rest.substr(0, end));
            rest.remove_prefix(end == std::string_view::npos ? rest.size() : end);
        }
        parameters[key] = value;
    }
    return std::pair{scheme, parameters};
}

bool isInsecureRegistry(const std::string &hostAndPort, const std::vector<std::string> &insecure)
{
    const std::string host = hostWithoutPort(hostAndPort);
    if (host == "localhost" || host == "::1" || inIpv4Cidr(host, "127.0.0.0/8"))
        return true;
    for (const auto &entry : insecure) {
        if (entry == hostAndPort || entry == host || inIpv4Cidr(host, entry))
            return true;
    }
    return false;
}

RegistryClient::RegistryClient(std::string domain, RegistryOptions options)
    : domain_(std::move(domain)), options_(std::move(options))
{
}

std::string RegistryClient::lastEndpoint() const
{
    std::lock_guard lock(mutex_);
    return lastEndpoint_;
}

std::vector<RegistryClient::Endpoint> RegistryClient::endpoints() const
{
    std::vector<Endpoint> list;
    if (domain_ == "docker.io") {
        for (auto mirror : options_.mirrors) {
            while (mirror.ends_with('/'))
                mirror.pop_back();
            const auto schemeEnd = mirror.find("://");
            if (schemeEnd == std::string::npos)
                continue;
            const std::string host = mirror.substr(schemeEnd + 3, mirror.find('/', schemeEnd + 3) - schemeEnd - 3);
            list.push_back(Endpoint{mirror, host, true, isInsecureRegistry(host, options_.insecureRegistries)});
        }
    }
    const std::string host = domain_ == "docker.io" ? std::string("registry-1.docker.io") : domain_;
    const bool insecure = isInsecureRegistry(host, options_.insecureRegistries);
    std::string scheme;
    {
        std::lock_guard lock(mutex_);
        if (auto known = workingScheme_.find(host); known != workingScheme_.end())
            scheme = known->second;
    }
    if (!insecure || scheme == "https") {
        list.push_back(Endpoint{"https://" + host, host, false, insecure});
    } else if (scheme == "http") {
        list.push_back(Endpoint{"http://" + host, host, false, true});
    } else {
        // Docker tries TLS first even for insecure registries, then plain HTTP.
        list.push_back(Endpoint{"https://" + host, host, false, true});
        list.push_back(Endpoint{"http://" + host, host, false, true});
    }
    return list;
}

template <typename T>
Result<T> RegistryClient::onEndpoints(const std::function<Result<T>(const Endpoint &)> &attempt)
{
    std::optional<Error> firstError;
    std::string tried;
    for (const auto &endpoint : endpoints()) {
        auto result = attempt(endpoint);
        if (result) {
            std::lock_guard lock(mutex_);
            lastEndpoint_ = endpoint.baseUrl;
            if (!endpoint.isMirror)
                workingScheme_[endpoint.host] = endpoint.baseUrl.substr(0, endpoint.baseUrl.find(':'));
            return result;
        }
        const auto code = result.error().code();
        if (code == ErrorCode::Cancelled)
            return result;
        // A mirror that lacks the image or is down is passed over; so is TLS on an
        // insecure registry that speaks plain HTTP.
        const bool tryNext = code == ErrorCode::Unavailable || (endpoint.isMirror && code == ErrorCode::NotFound);
        if (!firstError || (firstError->code() == ErrorCode::Unavailable && code != ErrorCode::Unavailable))
            firstError = result.error();
        tried += tried.empty() ? "" : ", ";
        tried += endpoint.baseUrl;
        if (!tryNext)
            return std::unexpected(*firstError);
    }
    return std::unexpected(firstError->withContext("tried " + tried));
}

Result<std::string> RegistryClient::obtainToken(const Endpoint &endpoint, const Challenge &challenge,
                                                const std::string &scope, std::stop_token stop)
{
    const auto realm = challenge.parameters.find("realm");
    if (realm == challenge.parameters.end() || realm->second.empty())
        return fail(ErrorCode::InvalidArgument, endpoint.host + " asked for a bearer token but named no realm");
    std::string url = realm->second;
    url += url.find('?') == std::string::npos ? '?' : '&';
    if (auto service = challenge.parameters.find("service"); service != challenge.parameters.end())
        url += "service=" + urlEncode(service->second) + "&";
    url += "scope=" + urlEncode(scope);
    HttpRequest request;
    request.url = url;
    request.stop = stop;
    request.maximumBodyBytes = 1024 * 1024;
    const auto credentials = options_.credentials ? options_.credentials(endpoint.host) : std::nullopt;
    if (credentials)
        request.headers.push_back("Authorization: Basic " + base64(credentials->username + ":" + credentials->password));
    const std::string caFile = options_.certificatesDirectory + "/" + endpoint.host + "/ca.crt";
    if (std::filesystem::exists(caFile))
        request.caFile = caFile;
    auto response = performHttp(request);
    if (!response)
        return std::unexpected(std::move(response.error()).withContext("getting a token from " + realm->second));
    if (response->status == 401 || response->status == 403)
        return fail(ErrorCode::NotAuthorized,
                    credentials ? "the token server " + realm->second + " refused the stored login for " + endpoint.host +
                                      "; run `berth login " + endpoint.host + "` again"
                                : "the token server " + realm->second + " refused an anonymous token; run `berth login " +
                                      endpoint.host + "`");
    if (response->status != 200)
        return fail(ErrorCode::Unavailable, "the token server " + realm->second + " answered HTTP " + std::to_string(response->status));
    const Json json = Json::parse(response->body, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return fail(ErrorCode::InvalidArgument, "the token server " + realm->second + " sent no JSON");
    std::string token = json.value("token", std::string());
    if (token.empty())
        token = json.value("access_token", std::string());
    if (token.empty())
        return fail(ErrorCode::InvalidArgument, "the token server " + realm->second + " sent no token");
    return token;
}

Result<HttpResponse> RegistryClient::send(const Endpoint &endpoint, HttpRequest request, const std::string &path,
                                          const std::string &scope)
{
    request.url = endpoint.baseUrl + path;
    const std::string caFile = options_.certificatesDirectory + "/" + endpoint.host + "/ca.crt";
    if (std::filesystem::exists(caFile))
        request.caFile = caFile;
    else if (endpoint.allowInsecure)
        request.verifyTls = false;
    const std::vector<std::string> baseHeaders = request.headers;
    const std::string tokenKey = endpoint.host + " " + scope;
    bool authenticated = false;
    auto delay = options_.firstRetryDelay;
    for (int attempt = 1;; ++attempt) {
        request.headers = baseHeaders;
        {
            std::lock_guard lock(mutex_);
            if (auto token = tokens_.find(tokenKey); token != tokens_.end())
                request.headers.push_back("Authorization: " + token->second);
        }
        auto response = performHttp(request);
        const bool transient = !response ? response.error().code() == ErrorCode::Unavailable : isTransient(response->status);
        // A TLS handshake against a plain-HTTP server will not improve with retries.
        const bool tlsMismatch = !response && endpoint.baseUrl.starts_with("https://") && endpoint.allowInsecure;
        if (transient && !tlsMismatch && attempt < options_.maximumAttempts) {
            if (!sleepUnlessStopped(delay, request.stop))
                return fail(ErrorCode::Cancelled, "cancelled");
            delay = std::min(delay * 2, std::chrono::milliseconds(4000));
            continue;
        }
        if (!response)
            return response;
        if (response->status == 401 && !authenticated) {
            authenticated = true;
            std::string header;
            for (auto [it, end] = response->headers.equal_range("www-authenticate"); it != end; ++it) {
                header = it->second;
                if (header.starts_with("Bearer") || header.starts_with("bearer"))
                    break;
            }
            const auto challenge = parseAuthenticateHeader(header);
            if (!challenge)
                return response;
            if (challenge->first == "bearer") {
                auto token = obtainToken(endpoint, Challenge{challenge->first, challenge->second}, scope, request.stop);
                if (!token)
                    return std::unexpected(token.error());
                std::lock_guard lock(mutex_);
                tokens_[tokenKey] = "Bearer " + *token;
            } else if (challenge->first == "basic") {
                const auto credentials = options_.credentials ? options_.credentials(endpoint.host) : std::nullopt;
                if (!credentials)
                    return response;
                std::lock_guard lock(mutex_);
                tokens_[tokenKey] = "Basic " + base64(credentials->username + ":" + credentials->password);
            } else {
                return response;
            }
            --attempt;
            continue;
        }
        return response;
    }
}

Status RegistryClient::ping(std::stop_token stop)
{
    auto result = onEndpoints<bool>([&](const Endpoint &endpoint) -> Result<bool> {
        HttpRequest request;
        request.stop = stop;
        auto response = send(endpoint, request, "/v2/", "");
        if (!response)
            return std::unexpected(response.error());
        if (response->status == 200)
            return true;
        if (response->status == 401)
            return fail(ErrorCode::NotAuthorized, endpoint.host + " needs a login: run `berth login " + endpoint.host + "`");
        if (response->status == 404)
            return fail(ErrorCode::NotFound, endpoint.baseUrl + " is not a registry (no /v2/ API)");
        return fail(ErrorCode::Unavailable, endpoint.baseUrl + "/v2/ answered HTTP " + std::to_string(response->status));
    });
    if (!result)
        return std::unexpected(result.error());
    return {};
}

Result<FetchedManifest> RegistryClient::fetchManifest(const std::string &repository, const std::string &tagOrDigest,
                                                      std::stop_token stop)
{
    const auto byDigest = Digest::parse(tagOrDigest);
    return onEndpoints<FetchedManifest>([&](const Endpoint &endpoint) -> Result<FetchedManifest> {
        HttpRequest request;
        request.stop = stop;
        request.headers.push_back("Accept: " + std::string(media_type::acceptedManifests));
        request.maximumBodyBytes = maximumManifestBytes;
        auto response = send(endpoint, request, "/v2/" + repository + "/manifests/" + tagOrDigest, "repository:" + repository + ":pull");
        if (!response)
            return std::unexpected(response.error());
        const std::string detail = registryErrorDetail(response->body);
        const std::string what = repository + (byDigest ? "@" : ":") + tagOrDigest;
        if (response->status == 404)
            return fail(ErrorCode::NotFound, "manifest for " + what + " not found on " + endpoint.host +
                                                 (detail.empty() ? "" : " (" + detail + ")"));
        if (response->status == 401 || response->status == 403)
            return fail(ErrorCode::NotAuthorized, "pull access denied for " + repository + " on " + endpoint.host +
                                                      ": the repository does not exist or needs `berth login " + endpoint.host + "`" +
                                                      (detail.empty() ? "" : " (" + detail + ")"));
        if (response->status != 200)
            return fail(isTransient(response->status) ? ErrorCode::Unavailable : ErrorCode::InvalidArgument,
                        "fetching the manifest of " + what + " from " + endpoint.host + ": HTTP " +
                            std::to_string(response->status) + (detail.empty() ? "" : " (" + detail + ")"));
        const Digest actual = Sha256::of(response->body);
        if (byDigest && actual != *byDigest)
            return fail(ErrorCode::InvalidArgument, "digest mismatch: asked " + endpoint.host + " for " + byDigest->string() +
                                                        " and got a manifest with digest " + actual.string());
        if (const auto header = response->header("docker-content-digest"); !header.empty() && header != actual.string() && header.starts_with("sha256:"))
            return fail(ErrorCode::InvalidArgument, "digest mismatch: " + endpoint.host + " says the manifest is " + header +
                                                        " but its content is " + actual.string());
        return FetchedManifest{std::move(response->body), response->header("content-type"), actual};
    });
}

Status RegistryClient::fetchBlob(const std::string &repository, const Digest &digest, std::uint64_t offset,
                                 const std::function<Status(std::span<const std::byte>)> &sink,
                                 const std::function<Status()> &onRestart, std::stop_token stop)
{
    std::uint64_t position = offset;
    auto result = onEndpoints<bool>([&](const Endpoint &endpoint) -> Result<bool> {
        for (int attempt = 1;; ++attempt) {
            const std::uint64_t startedAt = position;
            std::optional<Error> sinkError;
            HttpRequest request;
            request.stop = stop;
            if (position > 0)
                request.headers.push_back("Range: bytes=" + std::to_string(position) + "-");
            request.onResponseStart = [&](long status) {
                // 200 to a Range request: the server sends everything again.
                if (position > 0 && status == 200) {
                    if (auto restarted = onRestart(); !restarted) {
                        sinkError = restarted.error();
                        return false;
                    }
                    position = 0;
                }
                return true;
            };
            request.onBody = [&](std::span<const std::byte> data) {
                if (auto stored = sink(data); !stored) {
                    sinkError = stored.error();
                    return false;
                }
                position += data.size();
                return true;
            };
            auto response = send(endpoint, request, "/v2/" + repository + "/blobs/" + digest.string(),
                                 "repository:" + repository + ":pull");
            if (sinkError)
                return std::unexpected(*sinkError);
            if (response && (response->status == 200 || response->status == 206))
                return true;
            if (!response) {
                // Some bytes came, then the connection broke: resume from where it stopped.
                if (response.error().code() == ErrorCode::Unavailable && position > startedAt && attempt < options_.maximumAttempts)
                    continue;
                return std::unexpected(response.error());
            }
            const std::string detail = registryErrorDetail(response->body);
            if (response->status == 404)
                return fail(ErrorCode::NotFound, "blob " + digest.string() + " of " + repository + " not found on " +
                                                     endpoint.host + (detail.empty() ? "" : " (" + detail + ")"));
            if (response->status == 401 || response->status == 403)
                return fail(ErrorCode::NotAuthorized,
                            "access to blob " + digest.string() + " of " + repository + " denied by " + endpoint.host);
            if (response->status == 416)
                return fail(ErrorCode::InvalidArgument, endpoint.host + " refused the range request for " + digest.string());
            return fail(ErrorCode::Unavailable, "fetching blob " + digest.string() + " from " + endpoint.host + ": HTTP " +
                                                    std::to_string(response->status));
        }
    });
    if (!result)
        return std::unexpected(result.error());
    return {};
}

namespace {

// The path and query of a Link header's next page: </v2/_catalog?last=x&n=100>; rel="next".
std::string nextPageFromLink(const std::string &link)
{
    const auto open = link.find('<');
    const auto close = link.find('>');
    if (open == std::string::npos || close == std::string::npos || close < open || link.find("rel=\"next\"") == std::string::npos)
        return {};
    std::string target = link.substr(open + 1, close - open - 1);
    if (const auto scheme = target.find("://"); scheme != std::string::npos)
        target = target.substr(target.find('/', scheme + 3));
    return target;
}

} // namespace

Result<std::vector<std::string>> RegistryClient::catalog(std::size_t limit, std::stop_token stop)
{
    return onEndpoints<std::vector<std::string>>([&](const Endpoint &endpoint) -> Result<std::vector<std::string>> {
        std::vector<std::string> repositories;
        std::string path = "/v2/_catalog?n=100";
        while (!path.empty() && repositories.size() < limit) {
            HttpRequest request;
            request.stop = stop;
            auto response = send(endpoint, request, path, "registry:catalog:*");
            if (!response)
                return std::unexpected(response.error());
            if (response->status == 401 || response->status == 403)
                return fail(ErrorCode::NotAuthorized, endpoint.host + " does not let this login list its repositories");
            if (response->status == 404)
                return fail(ErrorCode::Unsupported, endpoint.host + " has no catalog (/v2/_catalog)");
            if (response->status != 200)
                return fail(ErrorCode::Unavailable, "listing repositories on " + endpoint.host + ": HTTP " + std::to_string(response->status));
            const Json json = Json::parse(response->body, nullptr, false);
            if (json.is_discarded() || !json.is_object() || !json.contains("repositories") || !json["repositories"].is_array())
                return fail(ErrorCode::InvalidArgument, endpoint.host + " sent a malformed catalog");
            for (const auto &name : json["repositories"]) {
                if (name.is_string() && repositories.size() < limit)
                    repositories.push_back(name.get<std::string>());
            }
            path = nextPageFromLink(response->header("link"));
        }
        return repositories;
    });
}

Result<std::vector<std::string>> RegistryClient::tags(const std::string &repository, std::stop_token stop)
{
    return onEndpoints<std::vector<std::string>>([&](const Endpoint &endpoint) -> Result<std::vector<std::string>> {
        std::vector<std::string> names;
        std::string path = "/v2/" + repository + "/tags/list?n=1000";
        while (!path.empty()) {
            HttpRequest request;
            request.stop = stop;
            auto response = send(endpoint, request, path, "repository:" + repository + ":pull");
            if (!response)
                return std::unexpected(response.error());
            if (response->status == 404)
                return fail(ErrorCode::NotFound, "repository " + repository + " not found on " + endpoint.host);
            if (response->status == 401 || response->status == 403)
                return fail(ErrorCode::NotAuthorized, "listing tags of " + repository + " denied by " + endpoint.host);
            if (response->status != 200)
                return fail(ErrorCode::Unavailable, "listing tags of " + repository + " on " + endpoint.host + ": HTTP " +
                                                        std::to_string(response->status));
            const Json json = Json::parse(response->body, nullptr, false);
            if (json.is_discarded() || !json.is_object())
                return fail(ErrorCode::InvalidArgument, endpoint.host + " sent a malformed tag list");
            if (const auto list = json.find("tags"); list != json.end() && list->is_array()) {
                for (const auto &name : *list) {
                    if (name.is_string())
                        names.push_back(name.get<std::string>());
                }
            }
            path = nextPageFromLink(response->header("link"));
        }
        return names;
    });
}

} // namespace berth::image

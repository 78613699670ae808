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

std::vector<RegistryClient::Endpoint> RegistryClient::endpoints(bool includeMirrors) const
{
    std::vector<Endpoint> list;
    if (domain_ == "docker.io" && includeMirrors) {
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
Result<T> RegistryClient::onEndpoints(const std::function<Result<T>(const Endpoint &)> &attempt, bool includeMirrors)
{
    std::optional<Error> firstError;
    std::string tried;
    for (const auto &endpoint : endpoints(includeMirrors)) {
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

std::string RegistryClient::caFileFor(const std::string &host) const
{
    const std::string caFile = options_.certificatesDirectory + "/" + host + "/ca.crt";
    std::error_code error;
    return std::filesystem::exists(caFile, error) ? caFile : std::string();
}

std::optional<RegistryCredentials> RegistryClient::credentialsFor(const Endpoint &endpoint) const
{
    if (!options_.credentials)
        return std::nullopt;
    return options_.credentials(endpoint.isMirror ? endpoint.host : domain_);
}

Result<std::string> RegistryClient::obtainToken(const Endpoint &endpoint, const Challenge &challenge,
                                                const std::string &scope, std::stop_token stop)
{
    const auto realm = challenge.parameters.find("realm");
    if (realm == challenge.parameters.end() || realm->second.empty())
        return fail(ErrorCode::InvalidArgument, endpoint.host + " asked for a bearer token but named no realm");
    const std::string &realmUrl = realm->second;
    if (!realmUrl.starts_with("https://") && !realmUrl.starts_with("http://"))
        return fail(ErrorCode::InvalidArgument, endpoint.host + " named a token server that is not an http(s) URL: " +
                                                    backquoted(realmUrl));
    const auto credentials = credentialsFor(endpoint);
    std::string url = realmUrl;
    url += url.find('?') == std::string::npos ? '?' : '&';
    if (auto service = challenge.parameters.find("service"); service != challenge.parameters.end())
        url += "service=" + urlEncode(service->second) + "&";
    if (credentials)
        url += "account=" + urlEncode(credentials->username) + "&";
    std::string_view scopes = scope;
    while (!scopes.empty()) {
        const auto space = scopes.find(' ');
        if (const auto one = scopes.substr(0, space); !one.empty())
            url += "scope=" + urlEncode(one) + "&";
        scopes.remove_prefix(space == std::string_view::npos ? scopes.size() : space + 1);
    }
    url.pop_back(); // the last '&' or '?'
    HttpRequest request;
    request.url = url;
    request.stop = stop;
    request.maximumBodyBytes = 1024 * 1024;
    const std::size_t hostStart = realmUrl.find("://") + 3;
    const std::size_t hostEnd = realmUrl.find_first_of("/?#", hostStart);
    const std::string realmHost = realmUrl.substr(hostStart, hostEnd == std::string::npos ? std::string::npos : hostEnd - hostStart);
    if (credentials) {
        // A password goes over plain HTTP only where plain HTTP is allowed at all.
        if (realmUrl.starts_with("http://") && !isInsecureRegistry(realmHost, options_.insecureRegistries))
            return fail(ErrorCode::NotAuthorized,
                        "the token server of " + endpoint.host + " (" + realmUrl + ") is plain HTTP; Berth does not send "
                        "a login there. Add " + realmHost + " to insecure-registries (`berth config set "
                        "insecure-registries ...`) only if that network is trusted");
        request.headers.push_back("Authorization: Basic " + base64(credentials->username + ":" + credentials->password));
    }
    if (const std::string caFile = caFileFor(realmHost); !caFile.empty())
        request.caFile = caFile;
    auto response = performHttp(request);
    if (!response) {
        // The request URL names the account: say only which token server failed.
        std::string message = response.error().message();
        if (const auto at = message.find(url); at != std::string::npos)
            message.replace(at, url.size(), realmUrl);
        return std::unexpected(Error(response.error().code(), message).withContext("getting a token from " + realmUrl));
    }
    if ((response->status == 401 || response->status == 403) && verifyingLogin_)
        return fail(ErrorCode::NotAuthorized, "unauthorized: incorrect username or password (the token server " + realmUrl +
                                                  " of " + endpoint.host + " refused them)");
    if (response->status == 401 || response->status == 403)
        return fail(ErrorCode::NotAuthorized,
                    credentials ? "the token server " + realmUrl + " refused the stored login for " + endpoint.host +
                                      "; run `berth login " + endpoint.host + "` again"
                                : "the token server " + realmUrl + " refused an anonymous token; run `berth login " +
                                      endpoint.host + "`");
    if (response->status != 200)
        return fail(ErrorCode::Unavailable, "the token server " + realmUrl + " answered HTTP " + std::to_string(response->status));
    const Json json = Json::parse(response->body, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return fail(ErrorCode::InvalidArgument, "the token server " + realmUrl + " sent no JSON");
    std::string token = json.value("token", std::string());
    if (token.empty())
        token = json.value("access_token", std::string());
    if (token.empty())
        return fail(ErrorCode::InvalidArgument, "the token server " + realmUrl + " sent no token");
    return token;
}

Result<HttpResponse> RegistryClient::send(const Endpoint &endpoint, HttpRequest request, const std::string &path,
                                          const std::string &scope, bool retryTransient)
{
    // Upload sessions continue at the absolute URL the registry gave in Location.
    request.url = path.starts_with("https://") || path.starts_with("http://") ? path : endpoint.baseUrl + path;
    if (const std::string caFile = caFileFor(endpoint.host); !caFile.empty())
        request.caFile = caFile;
    else if (endpoint.allowInsecure)
        request.verifyTls = false;
    const std::vector<std::string> baseHeaders = request.headers;
    const std::string tokenKey = endpoint.host + " " + scope;
    // Once body bytes reached the caller, sending the same request again would repeat
    // them: the caller resumes with Range instead.
    bool delivered = false;
    if (request.onBody) {
        request.onBody = [&delivered, inner = std::move(request.onBody)](std::span<const std::byte> data) {
            delivered = true;
            return inner(data);
        };
    }
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
        if (transient && !tlsMismatch && retryTransient && !delivered && attempt < options_.maximumAttempts) {
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
                const auto credentials = credentialsFor(endpoint);
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

Status RegistryClient::verifyLogin(std::stop_token stop)
{
    verifyingLogin_ = true;
    auto result = onEndpoints<bool>(
        [&](const Endpoint &endpoint) -> Result<bool> {
            HttpRequest request;
            request.stop = stop;
            auto response = send(endpoint, request, "/v2/", "");
            if (!response)
                return std::unexpected(response.error());
            if (response->status == 200)
                return true;
            if (response->status == 401 || response->status == 403)
                return fail(ErrorCode::NotAuthorized,
                            "unauthorized: incorrect username or password (" + endpoint.host + " refused them)");
            if (response->status == 404)
                return fail(ErrorCode::NotFound, endpoint.baseUrl + " is not a registry (no /v2/ API)");
            return fail(ErrorCode::Unavailable, endpoint.baseUrl + "/v2/ answered HTTP " + std::to_string(response->status));
        },
        false);
    verifyingLogin_ = false;
    if (!result)
        return std::unexpected(result.error());
    return {};
}

namespace {

std::string pushScope(const std::string &repository)
{
    return "repository:" + repository + ":pull,push";
}

// An upload's Location may be absolute, or a path on the endpoint's host.
std::string resolveLocation(const std::string &baseUrl, const std::string &location)
{
    if (location.starts_with("https://") || location.starts_with("http://"))
        return location;
    const auto hostStart = baseUrl.find("://") + 3;
    const auto pathStart = baseUrl.find('/', hostStart);
    const std::string origin = pathStart == std::string::npos ? baseUrl : baseUrl.substr(0, pathStart);
    return origin + (location.starts_with('/') ? "" : "/") + location;
}

std::string withDigestParameter(const std::string &location, const Digest &digest)
{
    return location + (location.find('?') == std::string::npos ? '?' : '&') + "digest=" + urlEncode(digest.string());
}

// "0-1023" -> 1024 bytes taken. The registry writes "0-0" for an empty upload too.
std::uint64_t bytesFromRange(const std::string &range)
{
    const auto dash = range.find('-');
    if (dash == std::string::npos)
        return 0;
    const std::uint64_t last = std::strtoull(range.c_str() + dash + 1, nullptr, 10);
    return last == 0 ? 0 : last + 1;
}

// What a refused push request means, with the registry's own words when it gave any.
Error pushFailure(const std::string &host, const std::string &repository, const HttpResponse &response,
                         const std::string &what)
{
    const std::string detail = registryErrorDetail(response.body);
    const std::string suffix = detail.empty() ? "" : " (" + detail + ")";
    const std::string status = "HTTP " + std::to_string(response.status);
    if (response.status == 401 || response.status == 403)
        return Error(ErrorCode::NotAuthorized, "denied: push access to " + repository + " on " + host +
                                                   " was refused; log in with `berth login " + host +
                                                   "` as a user who may push there" + suffix)
            .withContext(what);
    if (response.status == 404)
        return Error(ErrorCode::NotFound, host + " answered " + status + " for " + repository + suffix).withContext(what);
    if (response.status == 405)
        return Error(ErrorCode::Unsupported, host + " does not accept pushes (" + status + "; a read-only registry or a "
                                                    "pull-through cache?)" + suffix)
            .withContext(what);
    if (isTransient(response.status))
        return Error(ErrorCode::Unavailable, host + " answered " + status + suffix + "; try again later").withContext(what);
    return Error(ErrorCode::InvalidArgument, host + " refused it: " + status + suffix).withContext(what);
}

} // namespace

Result<bool> RegistryClient::blobExists(const std::string &repository, const Digest &digest, std::stop_token stop)
{
    return onEndpoints<bool>(
        [&](const Endpoint &endpoint) -> Result<bool> {
            HttpRequest request;
            request.method = "HEAD";
            request.stop = stop;
            auto response = send(endpoint, request, "/v2/" + repository + "/blobs/" + digest.string(), pushScope(repository));
            if (!response)
                return std::unexpected(response.error());
            if (response->status == 200)
                return true;
            if (response->status == 404)
                return false;
            return std::unexpected(pushFailure(endpoint.host, repository, *response, "checking for blob " + digest.string()));
        },
        false);
}

Result<MountResult> RegistryClient::mountBlob(const std::string &repository, const Digest &digest,
                                              const std::string &fromRepository, std::stop_token stop)
{
    return onEndpoints<MountResult>(
        [&](const Endpoint &endpoint) -> Result<MountResult> {
            HttpRequest request;
            request.method = "POST";
            request.stop = stop;
            request.followRedirects = false;
            auto response = send(endpoint, request,
                                 "/v2/" + repository + "/blobs/uploads/?mount=" + urlEncode(digest.string()) +
                                     "&from=" + urlEncode(fromRepository),
                                 pushScope(repository) + " repository:" + fromRepository + ":pull");
            if (!response)
                return std::unexpected(response.error());
            if (response->status == 201)
                return MountResult{true, {}};
            if (response->status == 202) {
                const std::string location = response->header("location");
                return MountResult{false, location.empty() ? std::string() : resolveLocation(endpoint.baseUrl, location)};
            }
            return std::unexpected(pushFailure(endpoint.host, repository, *response,
                                               "mounting blob " + digest.string() + " from " + fromRepository));
        },
        false);
}

Result<std::pair<std::string, std::uint64_t>> RegistryClient::uploadStatus(const Endpoint &endpoint, const std::string &location,
                                                                          const std::string &scope, std::stop_token stop)
{
    HttpRequest request;
    request.stop = stop;
    request.followRedirects = false;
    auto response = send(endpoint, request, location, scope);
    if (!response)
        return std::unexpected(std::move(response.error()).withContext("asking where an upload stands"));
    if (response->status != 204 && response->status != 200)
        return std::unexpected(pushFailure(endpoint.host, "the upload", *response, "asking where an upload stands"));
    const std::string next = response->header("location");
    return std::pair{next.empty() ? location : resolveLocation(endpoint.baseUrl, next), bytesFromRange(response->header("range"))};
}

Status RegistryClient::uploadBlob(const std::string &repository, const BlobSource &blob, const UploadOptions &options,
                                  std::stop_token stop, const std::string &uploadLocation)
{
    const std::string scope = pushScope(repository);
    const std::string what = "uploading blob " + blob.digest.string();
    auto result = onEndpoints<bool>(
        [&](const Endpoint &endpoint) -> Result<bool> {
            std::string location = uploadLocation;
            const auto openSession = [&]() -> Status {
                HttpRequest request;
                request.method = "POST";
                request.stop = stop;
                request.followRedirects = false;
                auto response = send(endpoint, request, "/v2/" + repository + "/blobs/uploads/", scope);
                if (!response)
                    return std::unexpected(std::move(response.error()).withContext(what));
                if (response->status != 202)
                    return std::unexpected(pushFailure(endpoint.host, repository, *response, what));
                location = response->header("location");
                if (location.empty())
                    return fail(ErrorCode::InvalidArgument, endpoint.host + " opened an upload but gave no Location for it");
                location = resolveLocation(endpoint.baseUrl, location);
                return {};
            };
            if (location.empty()) {
                if (auto opened = openSession(); !opened)
                    return std::unexpected(opened.error());
            } else {
                // A session another call opened: asking about it also fetches a token for
                // this scope, so no large body is ever sent only to be refused with 401.
                auto status = uploadStatus(endpoint, location, scope, stop);
                if (!status)
                    return std::unexpected(std::move(status.error()).withContext(what));
                location = status->first;
            }

            std::optional<HttpResponse> closed;
            if (options.chunkSize == 0) {
                // Monolithic: the whole blob in the PUT that closes the session. A broken
                // transfer leaves the session in an unknown state: start a new one.
                for (int attempt = 1;; ++attempt) {
                    HttpRequest request;
                    request.method = "PUT";
                    request.stop = stop;
                    request.followRedirects = false;
                    request.headers.push_back("Content-Type: application/octet-stream");
                    request.uploadSize = static_cast<std::int64_t>(blob.size);
                    request.readBodyAt = [&](std::uint64_t offset, std::span<std::byte> buffer) -> std::size_t {
                        if (offset >= blob.size)
                            return 0;
                        return blob.readAt(offset, buffer.first(std::min<std::uint64_t>(buffer.size(), blob.size - offset)));
                    };
                    auto response = send(endpoint, request, withDigestParameter(location, blob.digest), scope, false);
                    const bool transient = response ? isTransient(response->status)
                                                    : response.error().code() == ErrorCode::Unavailable;
                    if (transient && attempt < options_.maximumAttempts) {
                        if (!sleepUnlessStopped(options_.firstRetryDelay * attempt, stop))
                            return fail(ErrorCode::Cancelled, "cancelled");
                        if (auto opened = openSession(); !opened)
                            return std::unexpected(opened.error());
                        continue;
                    }
                    if (!response)
                        return std::unexpected(std::move(response.error()).withContext(what));
                    closed = std::move(*response);
                    break;
                }
            } else {
                std::uint64_t offset = 0;
                int recoveries = 0;
                while (offset < blob.size) {
                    const std::uint64_t start = offset;
                    const std::uint64_t length = std::min(options.chunkSize, blob.size - offset);
                    HttpRequest request;
                    request.method = "PATCH";
                    request.stop = stop;
                    request.followRedirects = false;
                    request.headers.push_back("Content-Type: application/octet-stream");
                    request.headers.push_back("Content-Range: " + std::to_string(start) + "-" + std::to_string(start + length - 1));
                    request.uploadSize = static_cast<std::int64_t>(length);
                    request.readBodyAt = [&, start, length](std::uint64_t offsetInChunk, std::span<std::byte> buffer) -> std::size_t {
                        if (offsetInChunk >= length)
                            return 0;
                        return blob.readAt(start + offsetInChunk,
                                           buffer.first(std::min<std::uint64_t>(buffer.size(), length - offsetInChunk)));
                    };
                    auto response = send(endpoint, request, location, scope, false);
                    if (response && response->status == 202) {
                        if (const std::string next = response->header("location"); !next.empty())
                            location = resolveLocation(endpoint.baseUrl, next);
                        offset = start + length;
                        if (options.progress)
                            options.progress(offset);
                        continue;
                    }
                    // A lost or refused chunk: ask how far the registry got and go on from there.
                    const bool recoverable = response ? response->status == 416 || isTransient(response->status)
                                                      : response.error().code() == ErrorCode::Unavailable;
                    if (!recoverable || ++recoveries >= options_.maximumAttempts) {
                        if (!response)
                            return std::unexpected(std::move(response.error()).withContext(what));
                        return std::unexpected(pushFailure(endpoint.host, repository, *response, what));
                    }
                    if (!sleepUnlessStopped(options_.firstRetryDelay * recoveries, stop))
                        return fail(ErrorCode::Cancelled, "cancelled");
                    auto status = uploadStatus(endpoint, location, scope, stop);
                    if (status) {
                        location = status->first;
                        offset = std::min(status->second, blob.size);
                        continue;
                    }
                    if (status.error().code() == ErrorCode::Cancelled)
                        return std::unexpected(status.error());
                    // The registry gave the session up (a half-written chunk makes docker's
                    // registry cancel it): start over in a new one.
                    if (auto opened = openSession(); !opened)
                        return std::unexpected(opened.error());
                    offset = 0;
                    if (options.progress)
                        options.progress(0);
                }
                HttpRequest request;
                request.method = "PUT";
                request.stop = stop;
                request.followRedirects = false;
                request.headers.push_back("Content-Type: application/octet-stream");
                auto response = send(endpoint, request, withDigestParameter(location, blob.digest), scope);
                if (!response)
                    return std::unexpected(std::move(response.error()).withContext(what));
                closed = std::move(*response);
            }
            if (closed->status != 201 && closed->status != 204)
                return std::unexpected(pushFailure(endpoint.host, repository, *closed, what));
            if (const std::string stored = closed->header("docker-content-digest"); !stored.empty() && stored != blob.digest.string())
                return fail(ErrorCode::InvalidArgument, endpoint.host + " stored the blob as " + stored + " instead of " +
                                                            blob.digest.string());
            if (options.progress)
                options.progress(blob.size);
            return true;
        },
        false);
    if (!result)
        return std::unexpected(result.error());
    return {};
}

Result<Digest> RegistryClient::putManifest(const std::string &repository, const std::string &tagOrDigest,
                                           const std::string &body, const std::string &mediaType, std::stop_token stop)
{
    const Digest digest = Sha256::of(body);
    return onEndpoints<Digest>(
        [&](const Endpoint &endpoint) -> Result<Digest> {
            HttpRequest request;
            request.method = "PUT";
            request.stop = stop;
            request.followRedirects = false;
            request.headers.push_back("Content-Type: " + mediaType);
            request.body = body;
            auto response = send(endpoint, request, "/v2/" + repository + "/manifests/" + tagOrDigest, pushScope(repository));
            const std::string what = "putting the manifest " + repository + ":" + tagOrDigest;
            if (!response)
                return std::unexpected(std::move(response.error()).withContext(what));
            if (response->status != 201 && response->status != 200 && response->status != 202)
                return std::unexpected(pushFailure(endpoint.host, repository, *response, what));
            if (const std::string stored = response->header("docker-content-digest");
                !stored.empty() && stored.starts_with("sha256:") && stored != digest.string())
                return fail(ErrorCode::InvalidArgument, endpoint.host + " says the manifest it stored is " + stored +
                                                            " but Berth sent " + digest.string());
            return digest;
        },
        false);
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

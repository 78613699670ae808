// One HTTP exchange over libcurl, the only place Berth touches curl: TLS verified against
// the system CA store (plus an optional CA file), bodies streamed to a sink, cancellable.
#pragma once

#include "engine/core/error.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <stop_token>
#include <string>
#include <vector>

namespace berth::image {

/// What HttpRequest::readBodyAt returns when it cannot read its source.
inline constexpr std::size_t uploadReadFailed = static_cast<std::size_t>(-1);

struct HttpRequest {
    std::string method = "GET";
    std::string url;
    std::vector<std::string> headers;
    /// Sent as the request body (PUT/POST/PATCH of manifests and small blobs).
    std::string body;
    /// Streams the response body; return false to abort. If unset, the body is collected
    /// into HttpResponse::body up to maximumBodyBytes.
    std::function<bool(std::span<const std::byte>)> onBody;
    /// Called once with the status before the first body byte of a 2xx response reaches
    /// onBody (a Range request answered 200 instead of 206 must start over); return false
    /// to abort.
    std::function<bool(long status)> onResponseStart;
    /// Streams a large request body (a blob upload) instead of body: fill the buffer with
    /// the bytes at offset (counted from the start of this request's body) and return how
    /// many were written, 0 at the end. Every attempt starts again at offset 0, so a retried
    /// request sends the same bytes. uploadSize must then be set. Return uploadReadFailed
    /// when the bytes cannot be read: the request then fails with an Io error.
    std::function<std::size_t(std::uint64_t offset, std::span<std::byte>)> readBodyAt;
    std::int64_t uploadSize = -1;
    std::size_t maximumBodyBytes = 4 * 1024 * 1024;
    bool followRedirects = true;
    bool verifyTls = true;
    std::string caFile;
    long connectTimeoutSeconds = 15;
    /// Abort if fewer than lowSpeedBytes per second arrive for lowSpeedSeconds.
    long lowSpeedBytes = 1;
    long lowSpeedSeconds = 60;
    std::stop_token stop;
};

struct HttpResponse {
    long status = 0;
    /// Header names lowercased; a header sent several times keeps every value.
    std::multimap<std::string, std::string> headers;
    std::string body;
    std::string effectiveUrl;

    /// The first value of a header, or empty.
    [[nodiscard]] std::string header(const std::string &lowercaseName) const;
};

/// Performs the request. Transport failures (refused, TLS, timeout) are Unavailable with
/// curl's explanation; a stop request is Cancelled; HTTP errors are not errors here — the
/// caller reads status.
[[nodiscard]] Result<HttpResponse> performHttp(const HttpRequest &request);

/// Percent-encodes a query parameter value.
[[nodiscard]] std::string urlEncode(std::string_view text);

} // namespace berth::image

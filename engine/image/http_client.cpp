#include "engine/image/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

namespace berth::image {

namespace {

struct CurlEasyDeleter {
    void operator()(CURL *handle) const { curl_easy_cleanup(handle); }
};
struct CurlListDeleter {
    void operator()(curl_slist *list) const { curl_slist_free_all(list); }
};

void initialiseCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Transfer {
    const HttpRequest *request;
    HttpResponse *response;
    bool bodyTooLarge = false;
    bool sinkRefused = false;
    bool started = false;
    bool uploadReadFailed = false;
    std::size_t uploadOffset = 0;
};

std::size_t onBodyData(char *data, std::size_t size, std::size_t count, void *userData)
{
    auto *transfer = static_cast<Transfer *>(userData);
    const std::size_t bytes = size * count;
    // Bodies of redirects and error pages are not what the sink wants.
    if (transfer->request->onBody && transfer->response->status >= 200 && transfer->response->status < 300) {
        if (!transfer->started) {
            transfer->started = true;
            if (transfer->request->onResponseStart && !transfer->request->onResponseStart(transfer->response->status)) {
                transfer->sinkRefused = true;
                return 0;
            }
        }
        if (!transfer->request->onBody(std::as_bytes(std::span(data, bytes)))) {
            transfer->sinkRefused = true;
            return 0;
        }
        return bytes;
    }
    if (transfer->response->body.size() + bytes > transfer->request->maximumBodyBytes) {
        transfer->bodyTooLarge = true;
        return 0;
    }
    transfer->response->body.append(data, bytes);
    return bytes;
}

std::size_t onHeaderLine(char *data, std::size_t size, std::size_t count, void *userData)
{
    auto *transfer = static_cast<Transfer *>(userData);
    const std::size_t bytes = size * count;
    std::string_view line(data, bytes);
    if (line.starts_with("HTTP/")) {
        // A new response (after a redirect or 100 Continue): forget the previous headers.
        transfer->response->headers.clear();
        const auto space = line.find(' ');
        if (space != std::string_view::npos)
            transfer->response->status = std::strtol(std::string(line.substr(space + 1, 3)).c_str(), nullptr, 10);
        return bytes;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos)
        return bytes;
    std::string name(line.substr(0, colon));
    std::ranges::transform(name, name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    auto value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
        value.remove_prefix(1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
        value.remove_suffix(1);
    transfer->response->headers.emplace(std::move(name), std::string(value));
    return bytes;
}

std::size_t onUploadData(char *buffer, std::size_t size, std::size_t count, void *userData)
{
    auto *transfer = static_cast<Transfer *>(userData);
    const std::size_t room = size * count;
    if (transfer->request->readBodyAt) {
        const std::size_t bytes = transfer->request->readBodyAt(transfer->uploadOffset, std::as_writable_bytes(std::span(buffer, room)));
        if (bytes == uploadReadFailed || bytes > room) {
            transfer->uploadReadFailed = true;
            return CURL_READFUNC_ABORT;
        }
        transfer->uploadOffset += bytes;
        return bytes;
    }
    const auto &body = transfer->request->body;
    const std::size_t bytes = std::min(room, body.size() - transfer->uploadOffset);
    std::copy_n(body.data() + transfer->uploadOffset, bytes, buffer);
    transfer->uploadOffset += bytes;
    return bytes;
}

int onProgress(void *userData, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    auto *transfer = static_cast<Transfer *>(userData);
    return transfer->request->stop.stop_requested() ? 1 : 0;
}

} // namespace

std::string HttpResponse::header(const std::string &lowercaseName) const
{
    const auto it = headers.find(lowercaseName);
    return it == headers.end() ? std::string() : it->second;
}

std::string urlEncode(std::string_view text)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xf];
        }
    }
    return out;
}

Result<HttpResponse> performHttp(const HttpRequest &request)
{
    initialiseCurlOnce();
    std::unique_ptr<CURL, CurlEasyDeleter> handle(curl_easy_init());
    if (!handle)
        return fail(ErrorCode::Internal, "curl_easy_init failed");
    CURL *curl = handle.get();
    HttpResponse response;
    Transfer transfer{&request, &response};

    std::unique_ptr<curl_slist, CurlListDeleter> headers;
    for (const auto &header : request.headers)
        headers.reset(curl_slist_append(headers.release(), header.c_str()));
    // Expect: 100-continue only costs a round trip against a registry.
    headers.reset(curl_slist_append(headers.release(), "Expect:"));

    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "berth/0.1");
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, request.followRedirects ? 1L : 0L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 10L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, request.connectTimeoutSeconds);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, request.lowSpeedBytes);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, request.lowSpeedSeconds);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, request.verifyTls ? 1L : 0L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, request.verifyTls ? 2L : 0L);
    if (!request.caFile.empty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, request.caFile.c_str());
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onBodyData);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, onHeaderLine);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);

    if (request.method == "HEAD") {
        curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    } else if (request.method == "PUT" || request.method == "PATCH" || request.method == "POST") {
        curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
        curl_easy_setopt(curl, CURLOPT_READFUNCTION, onUploadData);
        curl_easy_setopt(curl, CURLOPT_READDATA, &transfer);
        const curl_off_t size = request.readBodyAt ? request.uploadSize : static_cast<curl_off_t>(request.body.size());
        curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, size);
    } else if (request.method != "GET") {
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }

    const CURLcode code = curl_easy_perform(curl);
    if (char *effective = nullptr; curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective)
        response.effectiveUrl = effective;
    if (code != CURLE_OK) {
        if (transfer.uploadReadFailed)
            return fail(ErrorCode::Io, request.method + " " + request.url + ": reading the data to upload failed");
        if (code == CURLE_ABORTED_BY_CALLBACK || request.stop.stop_requested())
            return fail(ErrorCode::Cancelled, "cancelled");
        if (transfer.bodyTooLarge)
            return fail(ErrorCode::InvalidArgument, request.method + " " + request.url + ": the response is larger than " +
                                                        std::to_string(request.maximumBodyBytes) + " bytes");
        if (transfer.sinkRefused)
            return fail(ErrorCode::Cancelled, "the receiver stopped the download");
        return fail(ErrorCode::Unavailable, request.method + " " + request.url + ": " + curl_easy_strerror(code));
    }
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    response.status = status;
    return response;
}

} // namespace berth::image

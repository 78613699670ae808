// A small HTTP server on 127.0.0.1 that plays a registry serving whatever the test gives
// it: broken manifests, wrong digests, blobs cut short, slow blobs, 503s. It is the test's
// own adversary (no part of Berth is replaced); each connection is served on a thread so
// the test can block on the CLI meanwhile.
#pragma once

#include "loopback_server.h"

#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace berth::test {

class HostileRegistry {
public:
    struct Route {
        Route(int statusCode = 200, std::string type = "application/octet-stream", std::string content = {})
            : status(statusCode), contentType(std::move(type)), body(std::move(content))
        {
        }
        int status = 200;
        std::string contentType = "application/octet-stream";
        std::string body;
        /// Close the connection after this many body bytes (a cut download).
        std::size_t closeAfter = std::string::npos;
        /// Answer 503 this many times before serving.
        int failuresFirst = 0;
        /// Pause between 16 KiB chunks (a slow download).
        std::chrono::milliseconds chunkDelay{0};
        /// Only the first response is cut at closeAfter (an interrupted download to resume).
        bool cutOnce = false;
        /// Headers to add, "Name: value".
        std::vector<std::string> headers;
    };

    HostileRegistry() { set("/v2/", Route{200, "application/json", "{}"}); }
    // The handlers use the routes: stop them before the members go.
    ~HostileRegistry() { server_.stop(); }

    [[nodiscard]] int port() const { return server_.port(); }
    [[nodiscard]] std::string host() const { return "127.0.0.1:" + std::to_string(port()); }

    void set(const std::string &path, Route route)
    {
        std::lock_guard lock(mutex_);
        routes_[path] = std::move(route);
    }

    /// Every request line with its Range header, if any: "GET /v2/x bytes=10-".
    [[nodiscard]] std::vector<std::string> requests() const
    {
        std::lock_guard lock(mutex_);
        return requests_;
    }

    [[nodiscard]] std::size_t bodyBytesSent() const { return bytesSent_; }

private:
    void serve(int client)
    {
        std::string request;
        char buffer[4096];
        while (request.find("\r\n\r\n") == std::string::npos) {
            const ssize_t got = ::recv(client, buffer, sizeof buffer, 0);
            // A TLS ClientHello (Berth tries https first on loopback) is not HTTP: hang up.
            if (got <= 0 || (request.empty() && static_cast<unsigned char>(buffer[0]) == 0x16))
                return;
            request.append(buffer, static_cast<std::size_t>(got));
        }
        const std::string line = request.substr(0, request.find("\r\n"));
        const auto firstSpace = line.find(' ');
        const std::string method = line.substr(0, firstSpace);
        const std::string path = line.substr(firstSpace + 1, line.find(' ', firstSpace + 1) - firstSpace - 1);
        std::string range;
        if (const auto at = request.find("\r\nRange: bytes="); at != std::string::npos)
            range = request.substr(at + 15, request.find("\r\n", at + 2) - at - 15);
        Route route;
        bool found = false;
        {
            std::lock_guard lock(mutex_);
            requests_.push_back(method + " " + path + (range.empty() ? "" : " bytes=" + range));
            if (auto it = routes_.find(path); it != routes_.end()) {
                found = true;
                if (it->second.failuresFirst > 0) {
                    --it->second.failuresFirst;
                    route = Route{503, "application/json", R"({"errors":[{"code":"UNAVAILABLE","message":"try later"}]})"};
                } else {
                    route = it->second;
                    if (it->second.cutOnce)
                        it->second.closeAfter = std::string::npos;
                }
            }
        }
        if (!found)
            route = Route{404, "application/json", R"({"errors":[{"code":"MANIFEST_UNKNOWN","message":"unknown"}]})"};
        std::string body = route.body;
        int status = route.status;
        std::string extra;
        if (!range.empty() && status == 200) {
            const std::size_t start = std::stoull(range);
            if (start < body.size()) {
                extra = "Content-Range: bytes " + std::to_string(start) + "-" + std::to_string(body.size() - 1) + "/" +
                        std::to_string(body.size()) + "\r\n";
                body = body.substr(start);
                status = 206;
            }
        }
        std::string head = "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: " + route.contentType +
                           "\r\nContent-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n" + extra;
        for (const auto &header : route.headers)
            head += header + "\r\n";
        head += "\r\n";
        if (!LoopbackServer::sendAll(client, head.data(), head.size()) || method == "HEAD")
            return;
        std::size_t limit = std::min(body.size(), route.closeAfter);
        for (std::size_t offset = 0; offset < limit && !server_.stopping(); offset += 16384) {
            const std::size_t chunk = std::min<std::size_t>(16384, limit - offset);
            if (!LoopbackServer::sendAll(client, body.data() + offset, chunk))
                break;
            bytesSent_ += chunk;
            if (route.chunkDelay.count() > 0)
                std::this_thread::sleep_for(route.chunkDelay);
        }
    }

    std::atomic<std::size_t> bytesSent_{0};
    mutable std::mutex mutex_;
    std::map<std::string, Route> routes_;
    std::vector<std::string> requests_;
    // Last: it starts serving once every member it serves from exists.
    LoopbackServer server_{[this](int client) { serve(client); }};
};

} // namespace berth::test

// A small HTTP server on 127.0.0.1 that plays a registry serving whatever the test gives
// it: broken manifests, wrong digests, blobs cut short, slow blobs, 503s. It is the test's
// own adversary (no part of Berth is replaced); each connection is served on a thread so
// the test can block on the CLI meanwhile.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
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

    HostileRegistry()
    {
        listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        int yes = 1;
        ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(listener_, reinterpret_cast<sockaddr *>(&address), sizeof address);
        ::listen(listener_, 64);
        socklen_t length = sizeof address;
        ::getsockname(listener_, reinterpret_cast<sockaddr *>(&address), &length);
        port_ = ntohs(address.sin_port);
        set("/v2/", Route{200, "application/json", "{}"});
        acceptor_ = std::thread([this] { acceptLoop(); });
    }

    ~HostileRegistry()
    {
        stopping_ = true;
        ::shutdown(listener_, SHUT_RDWR);
        ::close(listener_);
        acceptor_.join();
        std::lock_guard lock(mutex_);
        for (auto &worker : workers_)
            worker.join();
    }

    [[nodiscard]] int port() const { return port_; }
    [[nodiscard]] std::string host() const { return "127.0.0.1:" + std::to_string(port_); }

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
    void acceptLoop()
    {
        while (!stopping_) {
            const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
            if (client < 0) {
                if (stopping_)
                    return;
                continue;
            }
            std::lock_guard lock(mutex_);
            workers_.emplace_back([this, client] { serve(client); });
        }
    }

    static bool sendAll(int fd, const char *data, std::size_t size)
    {
        while (size > 0) {
            const ssize_t sent = ::send(fd, data, size, MSG_NOSIGNAL);
            if (sent <= 0)
                return false;
            data += sent;
            size -= static_cast<std::size_t>(sent);
        }
        return true;
    }

    void serve(int client)
    {
        std::string request;
        char buffer[4096];
        while (request.find("\r\n\r\n") == std::string::npos) {
            const ssize_t got = ::recv(client, buffer, sizeof buffer, 0);
            // A TLS ClientHello (Berth tries https first on loopback) is not HTTP: hang up.
            if (got <= 0 || (request.empty() && static_cast<unsigned char>(buffer[0]) == 0x16)) {
                ::close(client);
                return;
            }
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
        if (!sendAll(client, head.data(), head.size()) || method == "HEAD") {
            ::close(client);
            return;
        }
        std::size_t limit = std::min(body.size(), route.closeAfter);
        for (std::size_t offset = 0; offset < limit && !stopping_; offset += 16384) {
            const std::size_t chunk = std::min<std::size_t>(16384, limit - offset);
            if (!sendAll(client, body.data() + offset, chunk))
                break;
            bytesSent_ += chunk;
            if (route.chunkDelay.count() > 0)
                std::this_thread::sleep_for(route.chunkDelay);
        }
        ::close(client);
    }

    int listener_ = -1;
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    std::atomic<std::size_t> bytesSent_{0};
    std::thread acceptor_;
    mutable std::mutex mutex_;
    std::vector<std::thread> workers_;
    std::map<std::string, Route> routes_;
    std::vector<std::string> requests_;
};

} // namespace berth::test

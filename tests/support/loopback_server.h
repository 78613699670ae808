// The part every small test server shares: a TCP listener on 127.0.0.1 with a port the
// kernel picks, each connection handed to a handler on a thread of its own (so a test can
// block on the code under test meanwhile), and a stop that closes the listener and waits
// for every handler. HostileRegistry (a fake registry) and tst_registry_push's cutting
// proxy are built on it.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace berth::test {

class LoopbackServer {
public:
    /// Serves one connection; the server closes client when the handler returns.
    using Handler = std::function<void(int client)>;

    explicit LoopbackServer(Handler handler) : handler_(std::move(handler))
    {
        listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const int yes = 1;
        ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (listener_ < 0 || ::bind(listener_, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
            ::listen(listener_, 64) != 0 || ::getsockname(listener_, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
            const int error = errno;
            if (listener_ >= 0)
                ::close(listener_);
            // A test helper, not library code: failing loudly here is what the test needs.
            throw std::runtime_error("cannot listen on 127.0.0.1: " + std::string(std::strerror(error)));
        }
        port_ = ntohs(address.sin_port);
        acceptor_ = std::thread([this] { acceptLoop(); });
    }

    ~LoopbackServer() { stop(); }
    LoopbackServer(const LoopbackServer &) = delete;
    LoopbackServer &operator=(const LoopbackServer &) = delete;

    [[nodiscard]] int port() const { return port_; }
    /// True once stop() began: handlers that stream slowly check it to end early.
    [[nodiscard]] bool stopping() const { return stopping_; }

    /// Stops accepting and waits for every handler. Owners whose handlers use their other
    /// members call it first in their destructor.
    void stop()
    {
        if (stopping_.exchange(true))
            return;
        ::shutdown(listener_, SHUT_RDWR);
        ::close(listener_);
        acceptor_.join();
        std::lock_guard lock(mutex_);
        for (auto &worker : workers_)
            worker.join();
    }

    /// Sends all of data, without SIGPIPE; false when the peer went away.
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

private:
    void acceptLoop()
    {
        while (!stopping_) {
            const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
            if (client < 0)
                continue; // the loop ends once stop() closed the listener
            std::lock_guard lock(mutex_);
            workers_.emplace_back([this, client] {
                handler_(client);
                ::close(client);
            });
        }
    }

    Handler handler_;
    int listener_ = -1;
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    std::thread acceptor_;
    std::mutex mutex_;
    std::vector<std::thread> workers_;
};

} // namespace berth::test

#include "helper/monitor/attach_hub.h"

#include "helper/dbus/attach_protocol.h"
#include "engine/runtime/linux_calls.h"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace berth::monitor {

namespace attach = berth::attach;

namespace {

// How long a client may take to make room for output before it is let go.
constexpr int clientSendTimeoutSeconds = 5;

void setTimeouts(int fd, int seconds)
{
    timeval timeout{seconds, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
}

} // namespace

AttachHub::~AttachHub()
{
    if (!listenPath_.empty())
        ::unlink(listenPath_.c_str());
}

Status AttachHub::listen(int directoryFd, const std::string &name)
{
    listenPath_ = "/proc/self/fd/" + std::to_string(directoryFd) + "/" + name;
    ::unlink(listenPath_.c_str()); // left by a monitor that was killed
    UniqueFd socket(::socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (!socket.valid())
        return failErrno("making the attach socket", errno);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, listenPath_.c_str(), sizeof address.sun_path - 1);
    // Only root (the helper) may hand clients over.
    const mode_t previous = ::umask(0177);
    const int bound = ::bind(socket.get(), reinterpret_cast<sockaddr *>(&address), sizeof address);
    ::umask(previous);
    if (bound != 0)
        return failErrno("binding the attach socket " + listenPath_, errno);
    if (::listen(socket.get(), 8) != 0)
        return failErrno("listening on the attach socket", errno);
    // The path through /proc/self is ours alone; unlink needs one that lasts.
    char directory[4096];
    const ssize_t length = ::readlink(("/proc/self/fd/" + std::to_string(directoryFd)).c_str(), directory, sizeof directory - 1);
    listenPath_ = length > 0 ? std::string(directory, static_cast<std::size_t>(length)) + "/" + name : std::string();
    listener_ = std::move(socket);
    return {};
}

void AttachHub::adoptHoldingOutput(UniqueFd client)
{
    // No send timeout: sending waits for as long as the client takes.
    adopt(std::move(client), 0);
}

void AttachHub::adopt(UniqueFd client, int sendTimeoutSeconds)
{
    setTimeouts(client.get(), clientSendTimeoutSeconds);
    timeval timeout{sendTimeoutSeconds, 0};
    ::setsockopt(client.get(), SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    clients_.push_back(std::move(client));
}

void AttachHub::setStdinPipe(UniqueFd pipe)
{
    ::fcntl(pipe.get(), F_SETFL, ::fcntl(pipe.get(), F_GETFL) | O_NONBLOCK);
    stdinPipe_ = std::move(pipe);
}

void AttachHub::setTerminal(int terminal)
{
    terminal_ = terminal;
}

void AttachHub::appendPollFds(std::vector<pollfd> &fds) const
{
    if (listener_.valid())
        fds.push_back({listener_.get(), POLLIN, 0});
    if (!pendingInput_.empty() && inputFd() >= 0)
        fds.push_back({inputFd(), POLLOUT, 0});
    // While earlier input waits, clients wait too (their sockets fill and hold them back);
    // their hang-ups are still reported.
    for (const auto &client : clients_)
        fds.push_back({client.get(), static_cast<short>(pendingInput_.empty() ? POLLIN : 0), 0});
}

void AttachHub::handle(std::span<const pollfd> fds)
{
    for (const pollfd &entry : fds) {
        if (entry.revents == 0)
            continue;
        if (listener_.valid() && entry.fd == listener_.get()) {
            acceptHandover();
            continue;
        }
        if ((entry.events & POLLOUT) && entry.fd == inputFd()) {
            flushInput();
            continue;
        }
        const auto client = std::ranges::find_if(clients_, [&entry](const UniqueFd &fd) { return fd.get() == entry.fd; });
        if (client == clients_.end())
            continue;
        if (!readFrom(client->get()))
            clients_.erase(client);
    }
}

void AttachHub::acceptHandover()
{
    UniqueFd connection(::accept4(listener_.get(), nullptr, nullptr, SOCK_CLOEXEC));
    if (!connection.valid())
        return;
    ucred peer{};
    socklen_t peerSize = sizeof peer;
    if (::getsockopt(connection.get(), SOL_SOCKET, SO_PEERCRED, &peer, &peerSize) != 0 || peer.uid != 0) {
        const std::string refusal = "error only root may attach through this socket";
        (void)::send(connection.get(), refusal.data(), refusal.size(), MSG_NOSIGNAL);
        return;
    }
    // The helper sends the client's end at once; a second is plenty.
    setTimeouts(connection.get(), 1);
    auto client = berth::runtime::receiveFileDescriptor(connection.get());
    if (!client) {
        const std::string refusal = "error " + client.error().describe();
        (void)::send(connection.get(), refusal.data(), refusal.size(), MSG_NOSIGNAL);
        return;
    }
    int type = 0;
    socklen_t typeSize = sizeof type;
    if (::getsockopt(client->get(), SOL_SOCKET, SO_TYPE, &type, &typeSize) != 0 || type != SOCK_SEQPACKET) {
        const std::string refusal = "error the attach stream must be a SOCK_SEQPACKET unix socket";
        (void)::send(connection.get(), refusal.data(), refusal.size(), MSG_NOSIGNAL);
        return;
    }
    adopt(std::move(*client), clientSendTimeoutSeconds);
    (void)::send(connection.get(), "ok", 2, MSG_NOSIGNAL);
}

bool AttachHub::readFrom(int client)
{
    char message[attach::maxPayload + 16];
    const ssize_t got = ::recv(client, message, sizeof message, MSG_DONTWAIT);
    if (got < 0)
        return errno == EINTR || errno == EAGAIN;
    if (got == 0)
        return false; // gone: detached, or the client ended
    const std::string_view packet(message, static_cast<std::size_t>(got));
    switch (packet[0]) {
    case attach::input:
        queueInput(packet.substr(1));
        break;
    case attach::closeInput:
        closeInput();
        break;
    case attach::resize: {
        std::uint16_t rows = 0;
        std::uint16_t columns = 0;
        if (terminal_ >= 0 && attach::readResize(packet, rows, columns) && rows > 0 && columns > 0) {
            winsize size{rows, columns, 0, 0};
            ::ioctl(terminal_, TIOCSWINSZ, &size);
        }
        break;
    }
    default:
        break; // a kind from a newer client: ignored, as the protocol promises
    }
    return true;
}

void AttachHub::queueInput(std::string_view data)
{
    if (inputFd() < 0 || closeWhenWritten_)
        return; // the container's stdin is closed (or was never open): input goes nowhere
    pendingInput_.append(data);
    flushInput();
}

void AttachHub::closeInput()
{
    if (terminal_ >= 0) {
        // A terminal is not closed (that would hang it up): its end-of-file character
        // tells the program, as typing ^D does.
        queueInput(std::string_view("\x04", 1));
        return;
    }
    closeWhenWritten_ = true;
    flushInput();
}

void AttachHub::flushInput()
{
    while (!pendingInput_.empty() && inputFd() >= 0) {
        const ssize_t written = ::write(inputFd(), pendingInput_.data(), pendingInput_.size());
        if (written < 0 && errno == EINTR)
            continue;
        if (written < 0 && errno == EAGAIN)
            return;
        if (written <= 0) {
            // Nobody reads the container's stdin any more.
            pendingInput_.clear();
            stdinPipe_.reset();
            break;
        }
        pendingInput_.erase(0, static_cast<std::size_t>(written));
    }
    if (pendingInput_.empty() && closeWhenWritten_)
        stdinPipe_.reset();
}

void AttachHub::broadcast(char kind, std::string_view data)
{
    for (std::size_t offset = 0; offset < data.size(); offset += attach::maxPayload) {
        const std::string message = attach::packet(kind, data.substr(offset, attach::maxPayload));
        std::erase_if(clients_, [&message](const UniqueFd &client) {
            while (true) {
                const ssize_t sent = ::send(client.get(), message.data(), message.size(), MSG_NOSIGNAL);
                if (sent < 0 && errno == EINTR)
                    continue;
                return sent != static_cast<ssize_t>(message.size());
            }
        });
    }
}

void AttachHub::closeClients()
{
    clients_.clear();
    listener_.reset();
    if (!listenPath_.empty()) {
        ::unlink(listenPath_.c_str());
        listenPath_.clear();
    }
}

} // namespace berth::monitor

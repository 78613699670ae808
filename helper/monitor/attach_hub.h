// The monitor's side of attaching (see helper/dbus/attach_protocol.h): the listening
// socket through which berth-helper hands over clients, the clients themselves, and the
// container's input. Everything the container writes goes to every client; what clients
// send goes to the container's stdin or terminal, without ever blocking the monitor.
#pragma once

#include "engine/core/error.h"
#include "engine/core/unique_fd.h"

#include <poll.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace berth::monitor {

class AttachHub {
public:
    AttachHub() = default;
    AttachHub(const AttachHub &) = delete;
    AttachHub &operator=(const AttachHub &) = delete;
    ~AttachHub();

    /// Listens on `name` in the directory `directoryFd` (named through /proc, so the
    /// directory's own path may be longer than a socket address allows).
    [[nodiscard]] Status listen(int directoryFd, const std::string &name);
    /// A client whose end arrived another way (inherited at start: run in the foreground,
    /// start -a). It holds the output back as docker's attached streams do: the monitor
    /// waits for it to take what the container wrote (and the container, once its pipe is
    /// full, for the monitor), so a reader that pauses (| less) loses nothing.
    void adoptHoldingOutput(UniqueFd client);
    /// Where input goes: the write end of the container's stdin pipe (owned from now on),
    /// or the terminal's primary side (not owned).
    void setStdinPipe(UniqueFd pipe);
    void setTerminal(int terminal);

    /// Adds what to wait for; handle() gets the same entries back after poll().
    void appendPollFds(std::vector<pollfd> &fds) const;
    void handle(std::span<const pollfd> fds);

    /// Sends one kind of output to every client; a client attached later that cannot take
    /// it within a few seconds is let go rather than stalling the container.
    void broadcast(char kind, std::string_view data);
    /// The container has ended: clients see the end of the stream.
    void closeClients();

private:
    void acceptHandover();
    void adopt(UniqueFd client, int sendTimeoutSeconds);
    /// Reads one packet; false once the client has gone.
    bool readFrom(int client);
    void queueInput(std::string_view data);
    void closeInput();
    void flushInput();
    [[nodiscard]] int inputFd() const { return terminal_ >= 0 ? terminal_ : stdinPipe_.get(); }

    UniqueFd listener_;
    std::string listenPath_;
    std::vector<UniqueFd> clients_;
    UniqueFd stdinPipe_;
    int terminal_ = -1;
    std::string pendingInput_;
    bool closeWhenWritten_ = false;
};

} // namespace berth::monitor

#include "engine/image/archive_io.h"

#include "engine/core/unique_fd.h"

#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <random>

namespace berth::image::archive_detail {

namespace {

// How often a wait on a silent pipe looks at the stop token.
constexpr int pollIntervalMs = 200;

// Waits until fd is ready for events; false when stop was requested first.
Result<bool> waitFor(int fd, short events, std::stop_token stop, const std::string &what)
{
    for (;;) {
        if (stop.stop_requested())
            return false;
        pollfd entry{fd, events, 0};
        const int ready = ::poll(&entry, 1, pollIntervalMs);
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            return failErrno("waiting for " + what, errno);
        }
        // Errors and hang-ups are reported by the read or write that follows.
        if (ready > 0)
            return true;
    }
}

} // namespace

SigpipeBlocker::SigpipeBlocker()
{
    sigset_t pipe;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe, &previous_);
    wasBlocked_ = sigismember(&previous_, SIGPIPE) == 1;
}

SigpipeBlocker::~SigpipeBlocker()
{
    if (!wasBlocked_) {
        // A SIGPIPE raised by our writes is pending on this thread: take it before unblocking.
        sigset_t pipe;
        sigemptyset(&pipe);
        sigaddset(&pipe, SIGPIPE);
        const timespec noWait{0, 0};
        while (sigtimedwait(&pipe, nullptr, &noWait) == SIGPIPE) {
        }
    }
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

Status writeFully(int fd, std::span<const std::byte> data, std::stop_token stop, const std::string &what)
{
    struct stat info {};
    if (::fstat(fd, &info) != 0)
        return failErrno("writing " + what, errno);
    const bool regular = S_ISREG(info.st_mode) || S_ISBLK(info.st_mode);
    while (!data.empty()) {
        if (stop.stop_requested())
            return std::unexpected(cancelledError("writing " + what));
        std::size_t chunk = data.size();
        if (!regular) {
            auto ready = waitFor(fd, POLLOUT, stop, what);
            if (!ready)
                return std::unexpected(ready.error());
            if (!*ready)
                return std::unexpected(cancelledError("writing " + what));
            // After POLLOUT a pipe takes PIPE_BUF bytes without blocking.
            chunk = std::min<std::size_t>(chunk, PIPE_BUF);
        }
        const ssize_t written = ::write(fd, data.data(), chunk);
        if (written < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            if (errno == EPIPE)
                return std::unexpected(Error(ErrorCode::Io,
                                             "writing " + what + ": the program reading the output stopped before the end",
                                             EPIPE));
            if (errno == ENOSPC)
                return failErrno("writing " + what + ": the disk is full; free some space and try again", errno);
            return failErrno("writing " + what, errno);
        }
        data = data.subspan(static_cast<std::size_t>(written));
    }
    return {};
}

Result<std::size_t> readSome(int fd, std::span<std::byte> buffer, std::stop_token stop, const std::string &what)
{
    for (;;) {
        auto ready = waitFor(fd, POLLIN, stop, what);
        if (!ready)
            return std::unexpected(ready.error());
        if (!*ready)
            return std::unexpected(cancelledError("reading " + what));
        const ssize_t got = ::read(fd, buffer.data(), buffer.size());
        if (got >= 0)
            return static_cast<std::size_t>(got);
        if (errno == EINTR || errno == EAGAIN)
            continue;
        return failErrno("reading " + what, errno);
    }
}

Status syncDirectory(const std::string &directory)
{
    UniqueFd fd(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd.valid() || ::fsync(fd.get()) != 0)
        return failErrno("syncing " + backquoted(directory), errno);
    return {};
}

std::string randomName()
{
    static thread_local std::mt19937_64 generator{std::random_device{}()};
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string name;
    for (int index = 0; index < 10; ++index)
        name += alphabet[generator() % (sizeof alphabet - 1)];
    return name;
}

Error cancelledError(const std::string &what)
{
    return Error(ErrorCode::Cancelled, what + ": cancelled");
}

} // namespace berth::image::archive_detail

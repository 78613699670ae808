// File descriptor plumbing that `save` and `load` share: reads and writes on a caller's descriptor (a file, a pipe or a socket) that notice a cancellation
// even while the other end is stalled, and that never raise SIGPIPE.
// Internal to the image library's archive code.
#pragma once

#include "engine/core/error.h"

#include <csignal>
#include <cstddef>
#include <span>
#include <stop_token>
#include <string>
#include <utility>

namespace berth::image::archive_detail {

/// While alive, SIGPIPE is blocked in this thread, so a write to a pipe whose reader went
/// away fails with EPIPE instead of killing the process; a SIGPIPE raised meanwhile is
/// consumed before the old mask returns.
class SigpipeBlocker {
public:
    SigpipeBlocker();
    ~SigpipeBlocker();
    SigpipeBlocker(const SigpipeBlocker &) = delete;
    SigpipeBlocker &operator=(const SigpipeBlocker &) = delete;

private:
    sigset_t previous_{};
    bool wasBlocked_ = false;
};

/// Writes all of data to fd (what: "the archive" for messages). For anything but a regular
/// file it waits with poll() and writes at most PIPE_BUF bytes at a time, so that a reader
/// that stops reading cannot keep the writer from seeing stop. Call with SIGPIPE blocked.
[[nodiscard]] Status writeFully(int fd, std::span<const std::byte> data, std::stop_token stop, const std::string &what);

/// Reads up to buffer.size() bytes; 0 at end of input. Waits with poll() so that stop is
/// noticed while a pipe's writer is silent.
[[nodiscard]] Result<std::size_t> readSome(int fd, std::span<std::byte> buffer, std::stop_token stop, const std::string &what);

/// fsync of a directory, so a rename into it survives a crash.
[[nodiscard]] Status syncDirectory(const std::string &directory);

/// 10 lowercase letters and digits for temporary names.
[[nodiscard]] std::string randomName();

/// The error for a cancelled job, with what was being done.
[[nodiscard]] Error cancelledError(const std::string &what);

} // namespace berth::image::archive_detail

// Reading a container's log as `docker logs` does: the Docker json-file lines berth-monitor
// writes to <container dir>/container.log (rotated to .1, .2 …), with --tail, --since,
// --until, the stream choice, and a follow reader that waits on an inotify fd and survives
// rotation. No Qt.
#pragma once

#include "engine/core/error.h"
#include "engine/core/unique_fd.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace berth::container {

/// The file name berth-monitor writes in the container's directory (--log).
inline constexpr std::string_view containerLogFileName = "container.log";

enum class LogStream { Stdout, Stderr };

/// One json-file line.
struct LogEntry {
    LogStream stream = LogStream::Stdout;
    /// The "time" field as written (RFC 3339 with nanoseconds, UTC).
    std::string time;
    /// The same time as nanoseconds since the Unix epoch.
    std::int64_t timeNanoseconds = 0;
    /// The output, with its newline; without one for a partial line (the monitor writes a
    /// line of 16 KiB or more in pieces, and the last output before the stream ended).
    std::string text;
};

/// What `docker logs` prints for an entry: the text, after "TIME " when timestamps are
/// asked (the time with nine fraction digits in UTC, as Docker's RFC3339NanoFixed).
[[nodiscard]] std::string formatLogEntry(const LogEntry &entry, bool timestamps);

/// "Now" for relative --since/--until values, and the zone that times without one are in.
struct TimeReference {
    std::int64_t nowNanoseconds = 0;
    /// East of UTC; Docker reads "2024-05-01T10:00" in the client's local zone.
    std::int32_t utcOffsetSeconds = 0;
};

/// The clock and local zone offset of this process.
[[nodiscard]] TimeReference currentTimeReference();

/// A --since/--until value as Docker accepts it: a Go duration before now ("10m", "1h30m",
/// "1.5h", "45s"), RFC 3339 with or without fraction and zone ("2024-05-01",
/// "2024-05-01T10:00", "2024-05-01T10:00:00.5+02:00"), or Unix seconds ("1714557600.25").
/// Returns nanoseconds since the Unix epoch.
[[nodiscard]] Result<std::int64_t> parseLogTime(std::string_view text, const TimeReference &reference);

/// An RFC 3339 time with a zone ("2024-05-01T10:00:00.123456789Z") as nanoseconds since the epoch.
[[nodiscard]] std::optional<std::int64_t> parseRfc3339(std::string_view text);

/// One json-file line (without its newline) as an entry; nullopt when it is not one
/// (not JSON, no string "log", a stream other than stdout/stderr, a time that is not RFC 3339).
[[nodiscard]] std::optional<LogEntry> parseLogLine(std::string_view line);

struct LogReadOptions {
    /// The last N lines of the log (counted over both streams, before --since/--until, as
    /// Docker counts); nullopt for all.
    std::optional<std::size_t> tail;
    /// Entries at or after this time (nanoseconds since the epoch).
    std::optional<std::int64_t> since;
    /// Entries at or before this time; the reader ends at the first entry after it.
    std::optional<std::int64_t> until;
    bool stdoutWanted = true;
    bool stderrWanted = true;
};

/// Receives entries in the order they were written; an error stops the reading and is
/// returned by the read call (a caller that wants to stop early returns one).
using LogSink = std::function<Status(const LogEntry &)>;

/// Reads one container's log. readExisting() gives what is there now; with follow,
/// pollFd() becomes readable when more may have been written, and readNew() gives it.
/// Rotation (container.log renamed to .1 while a new one starts) loses and repeats nothing:
/// the file being read is finished through its open descriptor, then the newer ones follow.
class ContainerLogReader {
public:
    /// directory: the container's directory holding container.log (which may not exist yet).
    [[nodiscard]] static Result<std::unique_ptr<ContainerLogReader>> open(std::filesystem::path directory,
                                                                          LogReadOptions options, bool follow);
    ~ContainerLogReader();
    ContainerLogReader(const ContainerLogReader &) = delete;
    ContainerLogReader &operator=(const ContainerLogReader &) = delete;

    /// The entries written so far (after --tail, --since, --until and the stream choice).
    /// Call once, first. A line still being written is left for readNew().
    [[nodiscard]] Status readExisting(const LogSink &sink);

    /// Following only: an inotify descriptor that polls readable (POLLIN) when the log
    /// directory changed; readNew() empties it. -1 when not following.
    [[nodiscard]] int pollFd() const;

    /// Following only: entries written since the last read, across rotations.
    [[nodiscard]] Status readNew(const LogSink &sink);

    /// The container has stopped and its monitor has written everything: the next
    /// readNew() reads the last bytes and the reader is finished.
    void markContainerStopped();

    /// No entry will come any more: the container stopped and all was read, an entry after
    /// --until was seen, or the reader was not following and readExisting() returned.
    [[nodiscard]] bool finished() const;

    /// Lines that were not json-file entries (skipped, never fatal).
    [[nodiscard]] std::uint64_t badLines() const;

    struct State;

private:
    explicit ContainerLogReader(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

} // namespace berth::container

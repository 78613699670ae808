// The container log a monitor writes: one JSON object per line in Docker's json-file
// format ({"log":"text\n","stream":"stdout","time":"RFC 3339"}), so stdout and stderr stay
// apart and every line has its time; rotated at a size cap, keeping a number of old files.
#pragma once

#include "engine/core/error.h"
#include "engine/core/unique_fd.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace berth::monitor {

class ContainerLogWriter {
public:
    /// maxBytes 0 = never rotate; maxFiles counts the current file too (as Docker's max-file).
    ContainerLogWriter(std::string path, std::uint64_t maxBytes, unsigned maxFiles);

    [[nodiscard]] Status open();
    /// Appends output of one stream; complete lines are written at once, a partial line is
    /// held until its newline arrives, the stream ends, or 16 KiB have gathered (then it
    /// is written as a partial entry without the newline, as Docker does).
    [[nodiscard]] Status append(std::string_view stream, std::string_view bytes);
    /// Writes what a stream still holds (at end of stream).
    [[nodiscard]] Status flush(std::string_view stream);

private:
    [[nodiscard]] Status writeEntry(std::string_view stream, std::string_view text);
    [[nodiscard]] Status rotate();

    std::string path_; ///< a plain string: std::filesystem would add its code to every monitor
    std::uint64_t maxBytes_;
    unsigned maxFiles_;
    UniqueFd fd_;
    std::uint64_t size_ = 0;
    std::string pendingStdout_;
    std::string pendingStderr_;
};

/// JSON string escaping for log text (control characters, quotes, backslashes; bytes that
/// are not UTF-8 are kept as they are, like Docker).
[[nodiscard]] std::string jsonEscape(std::string_view text);

} // namespace berth::monitor

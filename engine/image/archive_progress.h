// Progress of `save` and `load`, one item at a time (the archive being read, each layer),
// in the shape the helper puts on the bus as a Job's Progress signal.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace berth::image {

struct ArchiveProgress {
    /// "archive" for the archive itself, else the first 12 hex digits of a layer's diff id.
    std::string id;
    /// reading, waiting, loading, verifying, writing, done, already-exists.
    std::string state;
    std::uint64_t current = 0;
    /// 0 when unknown (an archive read from a pipe).
    std::uint64_t total = 0;
};

/// Called from the thread doing the work; byte counts arrive at most about ten times a
/// second per item, state changes always.
using ArchiveProgressSink = std::function<void(const ArchiveProgress &)>;

} // namespace berth::image

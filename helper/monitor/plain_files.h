// Reading and writing the monitor's small files (pid file, runtime log, exit file, cgroup
// counters) with plain syscalls: no iostreams and no std::filesystem, whose code (locale
// facets, path parsing) would otherwise be mapped into every container's monitor.
#pragma once

#include <optional>
#include <string>

namespace berth::monitor {

/// The whole content of a file of at most maxBytes (more is cut off); nullopt when it
/// cannot be opened or read.
[[nodiscard]] std::optional<std::string> readSmallFile(const std::string &path, std::size_t maxBytes = 1 << 20);

/// Writes text to path through path.tmp and rename, so a reader sees all or nothing.
[[nodiscard]] bool writeFileAtomically(const std::string &path, const std::string &text);

} // namespace berth::monitor

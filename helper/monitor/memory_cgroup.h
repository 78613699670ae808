// Which file of a container's memory cgroup counts its OOM kills, found from the
// container's /proc/PID/cgroup and the host's cgroup mounts while the container runs, and
// the count read from it when the container has ended (v1 memory.oom_control, v2
// memory.events; on hybrid hosts wherever the memory controller is). Plain reads only, so
// that the monitor does not carry the runtime's cgroup back ends.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace berth::monitor {

/// The counter file of pid's memory cgroup, or an empty string when pid has none (no
/// memory controller mounted, or pid is gone). The mount table and the cgroup list are
/// parameters so tests can give any.
[[nodiscard]] std::string oomCounterFile(std::string_view mountinfo, std::string_view procCgroup);
[[nodiscard]] std::string oomCounterFile(pid_t pid);

/// The `oom_kill` count in a memory.oom_control or memory.events file; nullopt when the
/// file or the key is missing (kernels before 4.13 have no oom_kill in oom_control).
[[nodiscard]] std::optional<std::uint64_t> readOomKillCount(const std::string &counterFile);

} // namespace berth::monitor

// What berth-runtime remembers about a container between its invocations: one directory per
// container under the state root (state.json and, until `start`, exec.fifo), and the
// container's status worked out from the kernel, never trusted from the file alone.
#pragma once

#include "engine/core/error.h"

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace berth::runtime {

inline constexpr const char *defaultStateRoot = "/run/berth/runtime";

struct ContainerState {
    std::string ociVersion;
    std::string id;
    pid_t pid = 0;
    std::uint64_t pidStartTime = 0; ///< guards against a recycled pid
    std::filesystem::path bundle;
    std::filesystem::path rootfs;
    std::string cgroupPath;
    std::string created; ///< RFC 3339, UTC
    std::vector<std::pair<std::string, std::string>> annotations;
};

enum class ContainerStatus { Creating, Created, Running, Paused, Stopped };
[[nodiscard]] std::string_view containerStatusName(ContainerStatus status);

/// Container ids name directories: letters, digits, `_`, `.`, `-`, not starting with `.` or `-`.
[[nodiscard]] Status validateContainerId(std::string_view id);

[[nodiscard]] std::filesystem::path containerStateDirectory(const std::filesystem::path &stateRoot, std::string_view id);
[[nodiscard]] std::filesystem::path execFifoPath(const std::filesystem::path &stateRoot, std::string_view id);
/// Where compiled seccomp programs are kept: a name no container id can have (ids never
/// start with `.`), so `list` passes it by.
[[nodiscard]] std::filesystem::path seccompCacheDirectory(const std::filesystem::path &stateRoot);

/// Writes state.json through a temporary file and rename, so a reader never sees half of it.
[[nodiscard]] Status writeContainerState(const std::filesystem::path &stateRoot, const ContainerState &state);
/// NotFound (naming the id) when there is no such container.
[[nodiscard]] Result<ContainerState> readContainerState(const std::filesystem::path &stateRoot, std::string_view id);
[[nodiscard]] Result<std::vector<ContainerState>> listContainerStates(const std::filesystem::path &stateRoot);

/// Created while exec.fifo waits for `start`; Paused when its cgroup is frozen; Stopped
/// once its first process is gone (or a different process has its pid).
[[nodiscard]] ContainerStatus currentStatus(const std::filesystem::path &stateRoot, const ContainerState &state);

/// The OCI `state` document: ociVersion, id, status, pid (when running), bundle, annotations.
[[nodiscard]] std::string stateDocument(const ContainerState &state, ContainerStatus status);

/// Now, as RFC 3339 with nanoseconds in UTC ("2026-11-23T10:01:02.123456789Z").
[[nodiscard]] std::string timestampNow();

} // namespace berth::runtime

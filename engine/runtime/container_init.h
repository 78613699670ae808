// The container's first process, from clone to execve: it waits for the runtime to place
// it in its cgroup, builds its filesystem view, reports "ready" (or what failed), waits for
// `start`, then drops to the user, capabilities and seccomp filter of the spec and runs the
// user's program. Everything here runs in the cloned child only.
#pragma once

#include "engine/core/cgroup_layout.h"
#include "engine/runtime/cgroups.h"
#include "engine/runtime/oci_spec.h"
#include "engine/runtime/seccomp.h"

#include <optional>
#include <utility>
#include <vector>
#include <string_view>

namespace berth::runtime {

/// Messages on the socket between the runtime and the container's first process.
namespace sync_message {
inline constexpr std::string_view go = "go";          ///< runtime → init: cgroup joined, maps written
inline constexpr std::string_view ready = "ready";    ///< init → runtime: set up, waiting for start
inline constexpr std::string_view error = "error:";   ///< init → runtime: setup failed, then the reason
inline constexpr std::string_view warning = "warning:"; ///< init → runtime: something to tell the user
/// init → runtime: the program cannot be run, then "127:" (not found) or "126:" (found but
/// not executable) and the reason
inline constexpr std::string_view cannotRun = "cannot-run:";
} // namespace sync_message

struct InitContext {
    const RuntimeSpec *spec = nullptr;
    CgroupLayout cgroupLayout;
    const Cgroup *cgroup = nullptr;
    const SeccompFilter *seccomp = nullptr; ///< null: no filter
    int syncSocket = -1;
    int execFifo = -1;      ///< O_PATH fd of exec.fifo; -1 to start at once
    int consoleSocket = -1; ///< where to send the terminal's primary side; -1 for none
    /// For exec into a running container: join these namespaces (fd, CLONE_NEW* type; user
    /// first, mount last) instead of building a new filesystem view.
    bool joinedExisting = false;
    std::vector<std::pair<int, int>> namespacesToJoin;
    /// The container's root as its first process sees it (/proc/PID/root): after joining the
    /// mount namespace, an exec'd process enters it too, which matters where the first process
    /// was chrooted rather than pivoted.
    int rootDirectory = -1;
};

/// Never returns: executes the user's program or exits (1 for setup failures reported on
/// the sync socket, 127/126 when exec itself fails after start).
[[noreturn]] void runContainerInit(const InitContext &context);

} // namespace berth::runtime

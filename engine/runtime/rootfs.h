// The container's filesystem view, built by its first process inside its own mount
// namespace: the spec's mounts (every destination resolved inside the root, never by
// joining strings), /dev with its device nodes, the cgroup tree, pivot_root, then masked
// and read-only paths. Called only from the container's init, never from the runtime's
// parent process.
#pragma once

#include "engine/core/cgroup_layout.h"
#include "engine/core/error.h"
#include "engine/core/unique_fd.h"
#include "engine/runtime/cgroups.h"
#include "engine/runtime/oci_spec.h"

#include <string>
#include <vector>

namespace berth::runtime {

/// Parsed mount options: the MS_* flags, the propagation flags applied separately, and the
/// rest as the filesystem's data string ("mode=755,size=65536k").
struct MountOptions {
    unsigned long flags = 0;
    unsigned long clearedFlags = 0;
    unsigned long propagation = 0;
    std::string data;
};
[[nodiscard]] MountOptions parseMountOptions(const std::vector<std::string> &options);

/// Makes the host's mounts invisible to changes made here, then mounts the root and every
/// mount of the spec under it. `cgroup` gives the directories to show at /sys/fs/cgroup on
/// v1 hosts (may be null: the container then sees an empty read-only cgroup directory).
[[nodiscard]] Status mountContainerFilesystems(const RuntimeSpec &spec, const CgroupLayout &layout,
                                               const Cgroup *cgroup);

/// pivot_root into the prepared root and detach the host's tree.
[[nodiscard]] Status enterContainerRoot(const RuntimeSpec &spec);

/// After pivot_root: sysctls, masked and read-only paths, a read-only root, propagation.
[[nodiscard]] Status finishContainerFilesystems(const RuntimeSpec &spec);

/// After pivot_root, for a container with a terminal: a new pty from the container's own
/// devpts, its secondary bound at /dev/console for the first process (`bindConsole`), not
/// for exec'd ones. Returns the primary side.
[[nodiscard]] Result<UniqueFd> createContainerConsole(std::string &secondaryPath, bool bindConsole);

} // namespace berth::runtime

// A running container's isolation as the kernel reports it now, for the GUI's Isolation tab:
// PIDs in each pid namespace, its namespaces against the host's, hostname, mounts, cgroup
// limits, capabilities, seccomp and no_new_privs, read from /proc and the cgroup files.
#pragma once

#include "engine/core/cgroup_layout.h"
#include "engine/core/error.h"

#include <QJsonObject>

#include <sys/types.h>

#include <string>

namespace berth::helper {

/// Reads the isolation of the process `pid`, which must be in the cgroup `cgroupPath`
/// ("/berth/<id>"): a pid that ended and was reused by another process is refused rather
/// than described. Keys: Pid, NSpid, PidInside, Command, Namespaces, Hostname, HostHostname,
/// Mounts, HostMountCount, Cgroup, Capabilities, Seccomp, NoNewPrivs (see io.berth.Helper1.xml).
[[nodiscard]] Result<QJsonObject> readIsolation(pid_t pid, const std::string &cgroupPath, const CgroupLayout &layout);

} // namespace berth::helper

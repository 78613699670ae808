// What the container's process becomes just before it executes the user's program: its
// resource limits, its user and groups, its capabilities, and the program's full path.
#pragma once

#include "engine/core/error.h"
#include "engine/runtime/oci_spec.h"

#include <string>
#include <vector>

namespace berth::runtime {

/// Sets every rlimit. A hard limit above the current one needs CAP_SYS_RESOURCE, which a
/// sandboxed host may not give even to root: such a limit is clamped to the current hard
/// limit and a warning saying so is appended to `warnings`, instead of failing.
[[nodiscard]] Status applyRlimits(const std::vector<Rlimit> &rlimits, std::vector<std::string> &warnings);

/// Drops every capability not in the bounding set. Needs CAP_SETPCAP: call before switchUser.
[[nodiscard]] Status dropBoundingCapabilities(const CapabilitySets &capabilities);

/// setgroups, setresgid, setresuid — keeping the permitted capabilities across the switch so
/// that applyCapabilities can then set the final sets.
[[nodiscard]] Status switchUser(const ProcessUser &user);

/// Sets the effective, permitted and inheritable sets, then raises the ambient ones.
[[nodiscard]] Status applyCapabilities(const CapabilitySets &capabilities);

/// The program to execute: args[0] if it has a `/`, else the first match in the PATH given
/// by `env` (or the default PATH). Checked in the container's root, so a missing program
/// fails at create, not at start, as with runc.
[[nodiscard]] Result<std::string> findExecutable(const std::string &program, const std::vector<std::string> &env);

/// The highest capability number this kernel knows (/proc/sys/kernel/cap_last_cap).
[[nodiscard]] int lastCapability();

} // namespace berth::runtime

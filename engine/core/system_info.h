// What `berth info` reports about the host: kernel, storage, overlayfs, cgroups, user
// namespaces and seccomp — each read from the kernel, none assumed.
#pragma once

#include "engine/core/cgroup_layout.h"
#include "engine/core/error.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace berth {

struct Support {
    bool available = false;
    /// Why not, or a detail when it is (e.g. "max 96365").
    std::string detail;
};

struct SystemInfo {
    std::string kernelRelease;
    std::string operatingSystem;
    std::string architecture;
    int cpus = 0;
    std::uint64_t memoryBytes = 0;
    std::uint64_t storageFreeBytes = 0;
    std::uint64_t storageTotalBytes = 0;
    std::string storageFilesystem;
    Support overlay;
    CgroupLayout cgroups;
    Support userNamespaces;
    Support seccomp;
    std::string libseccompVersion;
};

/// Collects everything but overlay support, which probeOverlay tests by mounting.
[[nodiscard]] SystemInfo collectSystemInfo(const std::filesystem::path &storageRoot);

/// Mounts a tiny overlay inside storageRoot and unmounts it again: the only reliable way to
/// know overlayfs works there (the filesystem under it matters, not just the kernel).
[[nodiscard]] Support probeOverlay(const std::filesystem::path &storageRoot);

/// The PRETTY_NAME from os-release text.
[[nodiscard]] std::string prettyNameFromOsRelease(std::string_view osRelease);

} // namespace berth

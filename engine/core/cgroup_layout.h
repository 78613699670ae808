// Which cgroup hierarchy the host has (v1, hybrid or v2) and which controllers each part
// offers, read from /proc/self/mountinfo so that the runtime can pick the right back end.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace berth {

enum class CgroupMode {
    None,   ///< no cgroup filesystem mounted at all
    V1,     ///< only legacy per-controller hierarchies
    Hybrid, ///< legacy hierarchies plus a cgroup2 mount (usually /sys/fs/cgroup/unified)
    V2,     ///< the unified hierarchy at /sys/fs/cgroup
};

struct CgroupLayout {
    CgroupMode mode = CgroupMode::None;
    /// The cgroup2 mount point, if any.
    std::filesystem::path unifiedMountPoint;
    /// Controllers of legacy hierarchies, with the mount point of each.
    std::vector<std::pair<std::string, std::filesystem::path>> v1Controllers;
    /// Controllers enabled in the cgroup2 root (from cgroup.controllers).
    std::vector<std::string> v2Controllers;
};

[[nodiscard]] std::string_view cgroupModeName(CgroupMode mode);

/// Reads the layout from mountinfo text; the v2 controllers are read by readControllers
/// from the unified mount point (a parameter so tests can give any tree).
[[nodiscard]] CgroupLayout parseCgroupLayout(
    std::string_view mountinfo,
    const std::filesystem::path &cgroupRoot = "/sys/fs/cgroup");

/// The layout of this machine, as seen by the calling process.
[[nodiscard]] CgroupLayout detectCgroupLayout();

/// Fills v2Controllers from <unifiedMountPoint>/cgroup.controllers.
void readUnifiedControllers(CgroupLayout &layout);

} // namespace berth

// A container's cgroup behind one small interface, with a back end for the unified
// hierarchy (v2) and one for legacy per-controller hierarchies (v1, and hybrid hosts where
// cgroup2 holds only a few controllers): limits, joining, freezing, statistics, removal.
#pragma once

#include "engine/core/cgroup_layout.h"
#include "engine/core/error.h"

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::runtime {

/// The limits of OCI linux.resources that Berth applies. Unset means "leave as is".
struct CgroupResources {
    std::optional<std::int64_t> memoryLimitBytes;       ///< memory.limit; -1 = unlimited
    std::optional<std::int64_t> memoryReservationBytes; ///< soft limit
    /// Memory plus swap, as OCI's memory.swap means it (Docker's --memory-swap); -1 = unlimited.
    std::optional<std::int64_t> memorySwapBytes;
    std::optional<std::uint64_t> cpuShares;   ///< v1 shares (2..262144); v2 converts to cpu.weight
    std::optional<std::int64_t> cpuQuotaMicros; ///< -1 = unlimited
    std::optional<std::uint64_t> cpuPeriodMicros;
    std::optional<std::string> cpusetCpus;
    std::optional<std::string> cpusetMems;
    std::optional<std::int64_t> pidsLimit; ///< 0 or -1 = unlimited (as Docker)

    /// Checks the values themselves (ranges, memory+swap ≥ memory), before any cgroup
    /// is touched; what the host can enforce is each back end's concern.
    [[nodiscard]] Status validate() const;
};

/// What `berth stats` and the GUI's charts read. Fields a hierarchy lacks stay unset.
struct CgroupStats {
    std::optional<std::uint64_t> memoryUsageBytes;
    std::optional<std::uint64_t> memoryLimitBytes; ///< unset when unlimited
    /// Page cache the kernel can drop at once; `docker stats` shows usage minus this.
    std::optional<std::uint64_t> memoryInactiveFileBytes;
    std::optional<std::uint64_t> cpuUsageNanos;     ///< total CPU time used
    std::optional<std::uint64_t> pidsCurrent;
    std::optional<std::uint64_t> pidsLimit;         ///< unset when unlimited
    std::optional<std::uint64_t> ioReadBytes;
    std::optional<std::uint64_t> ioWriteBytes;
    std::optional<std::uint64_t> oomKillCount;
};

/// A host directory that belongs to this cgroup, for the runtime to bind read-only at
/// /sys/fs/cgroup/<name> inside the container on v1. On v2 there is one source with an
/// empty name, standing for /sys/fs/cgroup itself: the runtime mounts cgroup2 there when
/// the container has its own cgroup namespace and binds this directory otherwise.
struct CgroupMountSource {
    std::string name; ///< "memory", "cpu,cpuacct", "unified", …; "" on v2
    std::filesystem::path hostDirectory;
};

/// Which kind of hierarchy a Cgroup drives.
enum class CgroupBackend {
    Legacy,  ///< one directory per v1 hierarchy (plus the cgroup2 one on hybrid hosts)
    Unified, ///< one directory in the cgroup2 hierarchy
};

class Cgroup {
public:
    virtual ~Cgroup() = default;

    /// Creates the cgroup's directories (parents too) and writes the limits. A limit the
    /// host cannot enforce (controller missing) fails with Unsupported and says which.
    [[nodiscard]] virtual Status create(const CgroupResources &resources) = 0;
    /// Changes limits of an existing cgroup (docker update).
    [[nodiscard]] virtual Status update(const CgroupResources &resources) = 0;
    /// Moves a process (and so its future children) into the cgroup.
    [[nodiscard]] virtual Status addProcess(pid_t pid) = 0;
    /// Stops every process of the cgroup (freezer) and returns once they are frozen.
    [[nodiscard]] virtual Status freeze() = 0;
    [[nodiscard]] virtual Status thaw() = 0;
    [[nodiscard]] virtual Result<bool> isFrozen() const = 0;
    [[nodiscard]] virtual Result<CgroupStats> stats() const = 0;
    /// The processes in the cgroup now.
    [[nodiscard]] virtual Result<std::vector<pid_t>> processes() const = 0;
    /// Removes the directories; fails with Conflict while processes remain. Removing a
    /// cgroup that does not exist succeeds.
    [[nodiscard]] virtual Status destroy() = 0;
    [[nodiscard]] virtual std::vector<CgroupMountSource> mountSources() const = 0;
    /// The path relative to each hierarchy's root, as given to open().
    [[nodiscard]] virtual const std::string &path() const = 0;
    [[nodiscard]] virtual CgroupBackend backend() const = 0;
};

/// The back end for the host's layout (V2 → unified; V1 and Hybrid → legacy). `path` is
/// relative to each hierarchy's root, like OCI's cgroupsPath ("/berth/<id>"); it must be
/// absolute and contain no `..`. Nothing is created until create().
[[nodiscard]] Result<std::unique_ptr<Cgroup>> openCgroup(const CgroupLayout &layout, std::string path);

/// Accepts "/a/b": absolute, below the root, no empty, `.` or `..` components, no control
/// characters.
[[nodiscard]] Status validateCgroupPath(std::string_view path);

/// v1 cpu.shares (2..262144) to v2 cpu.weight (1..10000), by the linear map runc and crun
/// use, so that a container gets the same weight whichever runtime started it.
[[nodiscard]] std::uint64_t cpuWeightFromShares(std::uint64_t shares);

} // namespace berth::runtime

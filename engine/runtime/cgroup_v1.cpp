// The legacy back end: one directory per mounted v1 hierarchy, and on hybrid hosts one in
// the cgroup2 mount as well, so that every hierarchy tracks the container's processes.
#include "engine/runtime/cgroup_backends.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <limits>

namespace berth::runtime::cgroupfs {

namespace {

namespace fs = std::filesystem;

// One mounted hierarchy; several controllers may share it ("cpu,cpuacct").
struct Hierarchy {
    std::string name;
    std::vector<std::string> controllers;
    fs::path mountPoint;
    fs::path directory; ///< mountPoint + the cgroup's path

    [[nodiscard]] bool has(std::string_view controller) const
    {
        return std::ranges::find(controllers, controller) != controllers.end();
    }
};

// The kernel shows "no limit" as the largest page-aligned counter value.
std::uint64_t unlimitedMemoryValue()
{
    const auto pageSize = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
    const auto largest = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    return pageSize > 0 ? largest / pageSize * pageSize : largest;
}

std::string memoryValue(std::int64_t bytes)
{
    return bytes < 0 ? "-1" : std::to_string(bytes);
}

// Sums the Read and Write lines of blkio.throttle.io_service_bytes ("8:0 Read 4096").
void addBlkioBytes(std::string_view text, CgroupStats &stats)
{
    std::uint64_t read = 0;
    std::uint64_t written = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const auto line = text.substr(start, end - start);
        start = end + 1;
        const auto firstSpace = line.find(' ');
        if (firstSpace == std::string_view::npos)
            continue;
        const auto rest = line.substr(firstSpace + 1);
        if (auto value = keyedValue(rest, "Read"))
            read += *value;
        else if (auto value = keyedValue(rest, "Write"))
            written += *value;
    }
    stats.ioReadBytes = read;
    stats.ioWriteBytes = written;
}

class LegacyCgroup final : public Cgroup {
public:
    LegacyCgroup(const CgroupLayout &layout, std::string path) : path_(std::move(path))
    {
        const auto relative = std::string_view(path_).substr(1);
        for (const auto &[controller, mountPoint] : layout.v1Controllers) {
            auto existing = std::ranges::find(hierarchies_, mountPoint, &Hierarchy::mountPoint);
            if (existing == hierarchies_.end()) {
                hierarchies_.push_back(Hierarchy{controller, {controller}, mountPoint, mountPoint / relative});
            } else {
                existing->name += "," + controller;
                existing->controllers.push_back(controller);
            }
        }
        if (layout.mode == CgroupMode::Hybrid && !layout.unifiedMountPoint.empty()) {
            unifiedMountPoint_ = layout.unifiedMountPoint;
            unifiedDirectory_ = layout.unifiedMountPoint / relative;
        }
    }

    Status create(const CgroupResources &resources) override
    {
        auto status = createDirectoriesAndApply(resources);
        if (!status)
            return std::unexpected(std::move(status.error()).withContext("creating the cgroup " + backquoted(path_)));
        return {};
    }

    Status update(const CgroupResources &resources) override
    {
        auto status = [&]() -> Status {
            if (auto valid = resources.validate(); !valid)
                return valid;
            if (auto supported = checkSupported(resources); !supported)
                return supported;
            if (::access(hierarchies_.front().directory.c_str(), F_OK) != 0)
                return fail(ErrorCode::NotFound, backquoted(hierarchies_.front().directory.native()) +
                                                     " does not exist: create the cgroup before updating it");
            return apply(resources);
        }();
        if (!status)
            return std::unexpected(std::move(status.error()).withContext("updating the cgroup " + backquoted(path_)));
        return {};
    }

    Status addProcess(pid_t pid) override
    {
        const auto pidText = std::to_string(pid);
        for (const auto &hierarchy : hierarchies_) {
            if (auto status = writeFile(hierarchy.directory / "cgroup.procs", pidText); !status)
                return std::unexpected(std::move(status.error())
                                           .withContext("moving process " + backquoted(pidText) + " into the cgroup " +
                                                        backquoted(path_) + " of the " + hierarchy.name + " hierarchy"));
        }
        if (!unifiedDirectory_.empty()) {
            if (auto status = writeFile(unifiedDirectory_ / "cgroup.procs", pidText); !status)
                return std::unexpected(std::move(status.error())
                                           .withContext("moving process " + backquoted(pidText) + " into the cgroup " +
                                                        backquoted(path_) + " of the unified hierarchy"));
        }
        return {};
    }

    Status freeze() override { return setFrozen(true); }
    Status thaw() override { return setFrozen(false); }

    Result<bool> isFrozen() const override
    {
        if (const auto *freezer = hierarchyOf("freezer")) {
            auto state = readFile(freezer->directory / "freezer.state");
            if (!state)
                return std::unexpected(std::move(state.error()));
            return trimmed(*state) == "FROZEN";
        }
        if (!unifiedDirectory_.empty())
            return isUnifiedFrozen(unifiedDirectory_);
        return std::unexpected(noFreezer().error());
    }

    Result<CgroupStats> stats() const override
    {
        CgroupStats stats;
        auto status = [&]() -> Status {
            if (const auto *memory = hierarchyOf("memory")) {
                if (auto status = readOptionalNumber(memory->directory / "memory.usage_in_bytes", stats.memoryUsageBytes); !status)
                    return status;
                if (auto status = readOptionalNumber(memory->directory / "memory.limit_in_bytes", stats.memoryLimitBytes); !status)
                    return status;
                if (stats.memoryLimitBytes && *stats.memoryLimitBytes >= unlimitedMemoryValue())
                    stats.memoryLimitBytes.reset();
                if (auto status = readOptionalKeyed(memory->directory / "memory.stat", "total_inactive_file",
                                            stats.memoryInactiveFileBytes);
                    !status)
                    return status;
                if (auto status = readOptionalKeyed(memory->directory / "memory.oom_control", "oom_kill", stats.oomKillCount);
                    !status)
                    return status;
            }
            if (const auto *cpuacct = hierarchyOf("cpuacct")) {
                if (auto status = readOptionalNumber(cpuacct->directory / "cpuacct.usage", stats.cpuUsageNanos); !status)
                    return status;
            }
            if (const auto *pids = hierarchyOf("pids")) {
                if (auto status = readOptionalNumber(pids->directory / "pids.current", stats.pidsCurrent); !status)
                    return status;
                if (auto status = readOptionalMaxValue(pids->directory / "pids.max", stats.pidsLimit); !status)
                    return status;
            }
            if (const auto *blkio = hierarchyOf("blkio")) {
                auto text = readFileIfPresent(blkio->directory / "blkio.throttle.io_service_bytes");
                if (!text)
                    return std::unexpected(std::move(text.error()));
                if (*text)
                    addBlkioBytes(**text, stats);
            }
            return {};
        }();
        if (!status)
            return std::unexpected(std::move(status.error()).withContext("reading the statistics of the cgroup " +
                                                                         backquoted(path_)));
        return stats;
    }

    Result<std::vector<pid_t>> processes() const override
    {
        std::vector<pid_t> all;
        auto collect = [&](const fs::path &directory) -> Status {
            auto pids = readProcessList(directory / "cgroup.procs");
            if (!pids)
                return std::unexpected(std::move(pids.error()));
            all.insert(all.end(), pids->begin(), pids->end());
            return {};
        };
        for (const auto &hierarchy : hierarchies_) {
            if (auto status = collect(hierarchy.directory); !status)
                return std::unexpected(std::move(status.error()));
        }
        if (!unifiedDirectory_.empty()) {
            if (auto status = collect(unifiedDirectory_); !status)
                return std::unexpected(std::move(status.error()));
        }
        std::ranges::sort(all);
        const auto duplicates = std::ranges::unique(all);
        all.erase(duplicates.begin(), duplicates.end());
        return all;
    }

    Status destroy() override
    {
        auto remaining = processes();
        if (!remaining)
            return std::unexpected(std::move(remaining.error()).withContext("removing the cgroup " + backquoted(path_)));
        if (!remaining->empty())
            return std::unexpected(processesRemain(path_, *remaining));
        // The parents ("/berth") stay: another container may be creating its cgroup
        // below them right now, and an empty directory costs nothing.
        std::optional<Error> firstError;
        auto remove = [&](const fs::path &directory) {
            if (auto status = removeDirectory(directory); !status && !firstError)
                firstError = std::move(status.error());
        };
        for (const auto &hierarchy : hierarchies_)
            remove(hierarchy.directory);
        if (!unifiedDirectory_.empty())
            remove(unifiedDirectory_);
        if (firstError)
            return std::unexpected(std::move(*firstError));
        return {};
    }

    std::vector<CgroupMountSource> mountSources() const override
    {
        std::vector<CgroupMountSource> sources;
        for (const auto &hierarchy : hierarchies_)
            sources.push_back({hierarchy.name, hierarchy.directory});
        if (!unifiedDirectory_.empty())
            sources.push_back({"unified", unifiedDirectory_});
        return sources;
    }

    const std::string &path() const override { return path_; }
    CgroupBackend backend() const override { return CgroupBackend::Legacy; }

private:
    [[nodiscard]] const Hierarchy *hierarchyOf(std::string_view controller) const
    {
        for (const auto &hierarchy : hierarchies_) {
            if (hierarchy.has(controller))
                return &hierarchy;
        }
        return nullptr;
    }

    [[nodiscard]] Status missingController(std::string_view controller, std::string_view limit) const
    {
        return fail(ErrorCode::Unsupported,
                    std::string(limit) + " needs the cgroup v1 " + backquoted(controller) +
                        " controller, which this host has not mounted: mount it under /sys/fs/cgroup (or enable it "
                        "in the kernel), or run without that limit");
    }

    [[nodiscard]] Status noFreezer() const
    {
        return fail(ErrorCode::Unsupported, "pausing needs the cgroup v1 `freezer` controller (or a cgroup2 mount "
                                            "with cgroup.freeze), and this host has neither: mount the freezer "
                                            "hierarchy under /sys/fs/cgroup/freezer");
    }

    // Everything the host cannot do is reported before any directory is made.
    [[nodiscard]] Status checkSupported(const CgroupResources &resources) const
    {
        const auto *memory = hierarchyOf("memory");
        if (!memory && resources.memoryLimitBytes)
            return missingController("memory", "a memory limit (--memory)");
        if (!memory && resources.memoryReservationBytes)
            return missingController("memory", "a memory reservation (--memory-reservation)");
        if (resources.memorySwapBytes) {
            if (!memory)
                return missingController("memory", "a memory+swap limit (--memory-swap)");
            if (::access((memory->mountPoint / "memory.memsw.limit_in_bytes").c_str(), F_OK) != 0)
                return fail(ErrorCode::Unsupported,
                            "a memory+swap limit (--memory-swap) needs swap accounting, which this kernel does not do ("
                            "no memory.memsw.limit_in_bytes in " + backquoted(memory->mountPoint.native()) +
                            "): boot with swapaccount=1, or run without --memory-swap");
        }
        if (!hierarchyOf("cpu") && (resources.cpuShares || resources.cpuQuotaMicros || resources.cpuPeriodMicros))
            return missingController("cpu", "a CPU limit (--cpus, --cpu-shares)");
        if (!hierarchyOf("cpuset") && (resources.cpusetCpus || resources.cpusetMems))
            return missingController("cpuset", "pinning CPUs or memory nodes (--cpuset-cpus, --cpuset-mems)");
        if (!hierarchyOf("pids") && resources.pidsLimit)
            return missingController("pids", "a process limit (--pids-limit)");
        return {};
    }

    Status createDirectoriesAndApply(const CgroupResources &resources)
    {
        if (auto valid = resources.validate(); !valid)
            return valid;
        if (auto supported = checkSupported(resources); !supported)
            return supported;
        const auto relative = std::string_view(path_).substr(1);
        std::vector<fs::path> made;
        auto rollBack = [&](Error error) -> Status {
            removeMadeDirectories(made);
            return std::unexpected(std::move(error));
        };
        for (const auto &hierarchy : hierarchies_) {
            const bool cpuset = hierarchy.has("cpuset");
            auto madeHere = makeDirectories(hierarchy.mountPoint, relative, [&](const fs::path &directory) -> Status {
                return cpuset ? copyCpusetFromParent(directory) : Status{};
            });
            if (!madeHere)
                return rollBack(std::move(madeHere.error()));
            made.insert(made.end(), madeHere->begin(), madeHere->end());
        }
        if (!unifiedDirectory_.empty()) {
            auto madeHere = makeDirectories(unifiedMountPoint_, relative, [](const fs::path &) { return Status{}; });
            if (!madeHere)
                return rollBack(std::move(madeHere.error()));
            made.insert(made.end(), madeHere->begin(), madeHere->end());
        }
        if (auto status = apply(resources); !status)
            return rollBack(std::move(status.error()));
        return {};
    }

    // A new v1 cpuset starts with no CPUs and no memory nodes, and no process can join it
    // until both are set; take the parent's, as the kernel does with clone_children.
    static Status copyCpusetFromParent(const fs::path &directory)
    {
        for (const char *file : {"cpuset.cpus", "cpuset.mems"}) {
            auto current = readFile(directory / file);
            if (!current)
                return std::unexpected(std::move(current.error()));
            if (!trimmed(*current).empty())
                continue;
            auto inherited = readFile(directory.parent_path() / file);
            if (!inherited)
                return std::unexpected(std::move(inherited.error()));
            if (auto status = writeFile(directory / file, trimmed(*inherited)); !status)
                return std::unexpected(std::move(status.error()).withContext("copying the parent's " + std::string(file)));
        }
        return {};
    }

    Status apply(const CgroupResources &resources)
    {
        if (auto status = applyMemory(resources); !status)
            return status;
        if (const auto *cpu = hierarchyOf("cpu")) {
            if (resources.cpuShares) {
                if (auto status = writeFile(cpu->directory / "cpu.shares", std::to_string(*resources.cpuShares)); !status)
                    return status;
            }
            if (resources.cpuPeriodMicros) {
                if (auto status = writeFile(cpu->directory / "cpu.cfs_period_us", std::to_string(*resources.cpuPeriodMicros));
                    !status)
                    return status;
            }
            if (resources.cpuQuotaMicros) {
                if (auto status = writeFile(cpu->directory / "cpu.cfs_quota_us",
                                            *resources.cpuQuotaMicros < 0 ? "-1" : std::to_string(*resources.cpuQuotaMicros));
                    !status)
                    return status;
            }
        }
        if (const auto *cpuset = hierarchyOf("cpuset")) {
            if (resources.cpusetCpus) {
                if (auto status = writeFile(cpuset->directory / "cpuset.cpus", *resources.cpusetCpus); !status)
                    return status;
            }
            if (resources.cpusetMems) {
                if (auto status = writeFile(cpuset->directory / "cpuset.mems", *resources.cpusetMems); !status)
                    return status;
            }
        }
        if (const auto *pids = hierarchyOf("pids"); pids && resources.pidsLimit) {
            if (auto status = writeFile(pids->directory / "pids.max",
                                        *resources.pidsLimit <= 0 ? "max" : std::to_string(*resources.pidsLimit));
                !status)
                return status;
        }
        return {};
    }

    Status applyMemory(const CgroupResources &resources)
    {
        const auto *memory = hierarchyOf("memory");
        if (!memory)
            return {};
        const auto limitFile = memory->directory / "memory.limit_in_bytes";
        const auto swapFile = memory->directory / "memory.memsw.limit_in_bytes";
        if (resources.memoryReservationBytes) {
            if (auto status = writeFile(memory->directory / "memory.soft_limit_in_bytes",
                                        memoryValue(*resources.memoryReservationBytes));
                !status)
                return status;
        }
        auto writeLimit = [&]() -> Status {
            auto status = writeFile(limitFile, memoryValue(*resources.memoryLimitBytes));
            if (!status && status.error().systemErrno() == EINVAL && !resources.memorySwapBytes)
                return std::unexpected(std::move(status.error())
                                           .withContext("the memory limit may not exceed the memory+swap limit "
                                                        "already set: give --memory-swap as well"));
            return status;
        };
        if (!resources.memorySwapBytes)
            return resources.memoryLimitBytes ? writeLimit() : Status{};
        // The kernel keeps memory+swap ≥ memory at every step: when the new memory+swap
        // limit is at least the current memory limit, it goes first (raising); otherwise
        // the memory limit must come down first.
        auto current = readFile(limitFile);
        if (!current)
            return std::unexpected(std::move(current.error()));
        auto currentLimit = parseUnsigned(*current, limitFile);
        if (!currentLimit)
            return std::unexpected(std::move(currentLimit.error()));
        const auto newSwap = *resources.memorySwapBytes < 0 ? std::numeric_limits<std::uint64_t>::max()
                                                            : static_cast<std::uint64_t>(*resources.memorySwapBytes);
        const auto writeSwap = [&] { return writeFile(swapFile, memoryValue(*resources.memorySwapBytes)); };
        if (newSwap >= *currentLimit) {
            if (auto status = writeSwap(); !status)
                return status;
            return resources.memoryLimitBytes ? writeLimit() : Status{};
        }
        if (resources.memoryLimitBytes) {
            if (auto status = writeLimit(); !status)
                return status;
        }
        return writeSwap();
    }

    Status setFrozen(bool frozen)
    {
        const auto doing = std::string(frozen ? "freezing" : "thawing") + " the cgroup " + backquoted(path_);
        const auto *freezer = hierarchyOf("freezer");
        if (!freezer) {
            if (unifiedDirectory_.empty())
                return noFreezer();
            if (auto status = setUnifiedFrozen(unifiedDirectory_, frozen); !status)
                return std::unexpected(std::move(status.error()).withContext(doing));
            return {};
        }
        const auto stateFile = freezer->directory / "freezer.state";
        const char *wanted = frozen ? "FROZEN" : "THAWED";
        if (auto status = writeFile(stateFile, wanted); !status)
            return std::unexpected(std::move(status.error()).withContext(doing));
        // While it reads FREEZING some task has not stopped yet (it was forking, or sleeps
        // in the kernel); writing FROZEN again makes the kernel try those tasks again.
        int polls = 0;
        auto settled = waitFor(
            [&]() -> Result<bool> {
                auto state = readFile(stateFile);
                if (!state)
                    return std::unexpected(std::move(state.error()));
                if (trimmed(*state) == wanted)
                    return true;
                if (frozen && ++polls % 50 == 0) {
                    if (auto status = writeFile(stateFile, wanted); !status)
                        return std::unexpected(std::move(status.error()));
                }
                return false;
            },
            freezeTimeout);
        if (!settled)
            return std::unexpected(std::move(settled.error()).withContext(doing));
        if (!*settled) {
            if (frozen)
                (void)writeFile(stateFile, "THAWED");
            return fail(ErrorCode::Unavailable, doing + ": " + backquoted(stateFile.native()) + " did not read " +
                                                    wanted + " within " + std::to_string(freezeTimeout.count()) +
                                                    " ms (a task may be stuck in the kernel): try again");
        }
        return {};
    }

    std::string path_;
    std::vector<Hierarchy> hierarchies_;
    fs::path unifiedMountPoint_; ///< hybrid hosts only
    fs::path unifiedDirectory_;  ///< hybrid hosts only
};

} // namespace

std::unique_ptr<Cgroup> makeLegacyCgroup(const CgroupLayout &layout, std::string path)
{
    return std::make_unique<LegacyCgroup>(layout, std::move(path));
}

} // namespace berth::runtime::cgroupfs

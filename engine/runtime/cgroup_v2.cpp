// The unified back end: one directory in the cgroup2 hierarchy, with the controllers its
// limits need enabled in every ancestor's cgroup.subtree_control.
#include "engine/runtime/cgroup_backends.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>

namespace berth::runtime::cgroupfs {

namespace {

namespace fs = std::filesystem;

// The controllers whose limits or statistics Berth uses, enabled for every container.
constexpr std::array wantedControllers{std::string_view("cpuset"), std::string_view("cpu"), std::string_view("io"),
                                       std::string_view("memory"), std::string_view("pids")};

std::vector<std::string> splitWords(std::string_view text)
{
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto first = text.find_first_not_of(" \t\n", start);
        if (first == std::string_view::npos)
            break;
        auto end = text.find_first_of(" \t\n", first);
        if (end == std::string_view::npos)
            end = text.size();
        words.emplace_back(text.substr(first, end - first));
        start = end;
    }
    return words;
}

Result<std::vector<std::string>> readControllerList(const fs::path &file)
{
    auto text = readFile(file);
    if (!text)
        return std::unexpected(std::move(text.error()));
    return splitWords(*text);
}

bool contains(const std::vector<std::string> &list, std::string_view word)
{
    return std::ranges::find(list, word) != list.end();
}

std::string joined(const std::vector<std::string> &words)
{
    std::string text;
    for (const auto &word : words)
        text += (text.empty() ? "" : " ") + word;
    return text.empty() ? "none" : text;
}

std::string limitValue(std::int64_t value)
{
    return value < 0 ? "max" : std::to_string(value);
}

// A controller a limit needs, and how a person would name that limit.
struct Need {
    std::string_view controller;
    std::string_view limit;
};

std::vector<Need> neededControllers(const CgroupResources &resources)
{
    std::vector<Need> needs;
    if (resources.memoryLimitBytes)
        needs.push_back({"memory", "a memory limit (--memory)"});
    if (resources.memoryReservationBytes)
        needs.push_back({"memory", "a memory reservation (--memory-reservation)"});
    if (resources.memorySwapBytes)
        needs.push_back({"memory", "a memory+swap limit (--memory-swap)"});
    if (resources.cpuShares || resources.cpuQuotaMicros || resources.cpuPeriodMicros)
        needs.push_back({"cpu", "a CPU limit (--cpus, --cpu-shares)"});
    if (resources.cpusetCpus || resources.cpusetMems)
        needs.push_back({"cpuset", "pinning CPUs or memory nodes (--cpuset-cpus, --cpuset-mems)"});
    if (resources.pidsLimit)
        needs.push_back({"pids", "a process limit (--pids-limit)"});
    return needs;
}

// Sums rbytes= and wbytes= over the devices of io.stat ("8:0 rbytes=4096 wbytes=0 …").
void addIoBytes(std::string_view text, CgroupStats &stats)
{
    std::uint64_t read = 0;
    std::uint64_t written = 0;
    for (const auto &word : splitWords(text)) {
        const auto equals = word.find('=');
        if (equals == std::string::npos)
            continue;
        const auto key = std::string_view(word).substr(0, equals);
        if (key != "rbytes" && key != "wbytes")
            continue;
        std::uint64_t value = 0;
        const auto digits = std::string_view(word).substr(equals + 1);
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (error != std::errc() || end != digits.data() + digits.size())
            continue;
        (key == "rbytes" ? read : written) += value;
    }
    stats.ioReadBytes = read;
    stats.ioWriteBytes = written;
}

class UnifiedCgroup final : public Cgroup {
public:
    UnifiedCgroup(const CgroupLayout &layout, std::string path)
        : path_(std::move(path)), mountPoint_(layout.unifiedMountPoint),
          directory_(layout.unifiedMountPoint / std::string_view(path_).substr(1))
    {
    }

    Status create(const CgroupResources &resources) override
    {
        auto status = [&]() -> Status {
            if (auto valid = resources.validate(); !valid)
                return valid;
            const auto needs = neededControllers(resources);
            if (auto offered = checkOffered(mountPoint_, needs); !offered)
                return offered;
            auto made = makeDirectories(mountPoint_, std::string_view(path_).substr(1),
                                        [](const fs::path &) { return Status{}; });
            if (!made)
                return std::unexpected(std::move(made.error()));
            auto applied = [&]() -> Status {
                if (auto enabled = enableControllers(needs); !enabled)
                    return enabled;
                return apply(resources);
            }();
            if (!applied)
                removeMadeDirectories(*made);
            return applied;
        }();
        if (!status)
            return std::unexpected(std::move(status.error()).withContext("creating the cgroup " + backquoted(path_)));
        return {};
    }

    Status update(const CgroupResources &resources) override
    {
        auto status = [&]() -> Status {
            if (auto valid = resources.validate(); !valid)
                return valid;
            if (::access(directory_.c_str(), F_OK) != 0)
                return fail(ErrorCode::NotFound,
                            backquoted(directory_.native()) + " does not exist: create the cgroup before updating it");
            const auto needs = neededControllers(resources);
            if (auto offered = checkOffered(mountPoint_, needs); !offered)
                return offered;
            if (auto enabled = enableControllers(needs); !enabled)
                return enabled;
            return apply(resources);
        }();
        if (!status)
            return std::unexpected(std::move(status.error()).withContext("updating the cgroup " + backquoted(path_)));
        return {};
    }

    Status addProcess(pid_t pid) override
    {
        const auto pidText = std::to_string(pid);
        if (auto status = writeFile(directory_ / "cgroup.procs", pidText); !status)
            return std::unexpected(std::move(status.error())
                                       .withContext("moving process " + backquoted(pidText) + " into the cgroup " +
                                                    backquoted(path_)));
        return {};
    }

    Status freeze() override { return withFreezeContext(true, setUnifiedFrozen(directory_, true)); }
    Status thaw() override { return withFreezeContext(false, setUnifiedFrozen(directory_, false)); }
    Result<bool> isFrozen() const override { return isUnifiedFrozen(directory_); }

    Result<CgroupStats> stats() const override
    {
        CgroupStats stats;
        auto status = [&]() -> Status {
            if (auto status = readOptionalNumber(directory_ / "memory.current", stats.memoryUsageBytes); !status)
                return status;
            if (auto status = readOptionalMaxValue(directory_ / "memory.max", stats.memoryLimitBytes); !status)
                return status;
            if (auto status = readOptionalKeyed(directory_ / "memory.stat", "inactive_file", stats.memoryInactiveFileBytes);
                !status)
                return status;
            if (auto status = readOptionalKeyed(directory_ / "memory.events", "oom_kill", stats.oomKillCount); !status)
                return status;
            std::optional<std::uint64_t> usageMicros;
            if (auto status = readOptionalKeyed(directory_ / "cpu.stat", "usage_usec", usageMicros); !status)
                return status;
            if (usageMicros)
                stats.cpuUsageNanos = *usageMicros * 1000;
            if (auto status = readOptionalNumber(directory_ / "pids.current", stats.pidsCurrent); !status)
                return status;
            if (auto status = readOptionalMaxValue(directory_ / "pids.max", stats.pidsLimit); !status)
                return status;
            auto io = readFileIfPresent(directory_ / "io.stat");
            if (!io)
                return std::unexpected(std::move(io.error()));
            if (*io)
                addIoBytes(**io, stats);
            return {};
        }();
        if (!status)
            return std::unexpected(std::move(status.error()).withContext("reading the statistics of the cgroup " +
                                                                         backquoted(path_)));
        return stats;
    }

    Result<std::vector<pid_t>> processes() const override { return readProcessList(directory_ / "cgroup.procs"); }

    Status destroy() override
    {
        auto remaining = processes();
        if (!remaining)
            return std::unexpected(std::move(remaining.error()).withContext("removing the cgroup " + backquoted(path_)));
        if (!remaining->empty())
            return std::unexpected(processesRemain(path_, *remaining));
        // The parents ("/berth") stay: another container may be creating its cgroup below
        // them right now, and they hold the subtree_control settings all containers share.
        return removeDirectory(directory_);
    }

    std::vector<CgroupMountSource> mountSources() const override { return {{"", directory_}}; }
    const std::string &path() const override { return path_; }
    CgroupBackend backend() const override { return CgroupBackend::Unified; }

private:
    // Reports a limit the hierarchy cannot enforce before anything is created.
    [[nodiscard]] static Status checkOffered(const fs::path &directory, const std::vector<Need> &needs)
    {
        if (needs.empty())
            return {};
        auto offered = readControllerList(directory / "cgroup.controllers");
        if (!offered)
            return std::unexpected(std::move(offered.error()));
        for (const auto &need : needs) {
            if (!contains(*offered, need.controller))
                return fail(ErrorCode::Unsupported,
                            std::string(need.limit) + " needs the cgroup v2 " + backquoted(need.controller) +
                                " controller, which " + backquoted(directory.native()) + " does not offer (it offers: " +
                                joined(*offered) + "): on a hybrid host it is bound to a v1 hierarchy, so boot with "
                                "systemd.unified_cgroup_hierarchy=1 or run without that limit");
        }
        return {};
    }

    // Enables the wanted controllers from the root down to the cgroup's parent. Those no
    // limit needs are best effort (statistics only), those a limit needs must work.
    [[nodiscard]] Status enableControllers(const std::vector<Need> &needs) const
    {
        auto directory = mountPoint_;
        for (auto component : pathComponents(std::string_view(path_).substr(1))) {
            auto offered = readControllerList(directory / "cgroup.controllers");
            if (!offered)
                return std::unexpected(std::move(offered.error()));
            auto enabled = readControllerList(directory / "cgroup.subtree_control");
            if (!enabled)
                return std::unexpected(std::move(enabled.error()));
            for (auto controller : wantedControllers) {
                if (!contains(*offered, controller) || contains(*enabled, controller))
                    continue;
                auto status = writeFile(directory / "cgroup.subtree_control", "+" + std::string(controller));
                const bool needed = std::ranges::any_of(needs, [&](const Need &need) { return need.controller == controller; });
                if (!status && needed)
                    return std::unexpected(std::move(status.error())
                                               .withContext("enabling the " + backquoted(controller) +
                                                            " controller for the cgroups below " +
                                                            backquoted(directory.native()) +
                                                            " (it fails with EBUSY while that cgroup itself has processes)"));
            }
            directory /= component;
        }
        return checkOffered(directory_, needs);
    }

    Status apply(const CgroupResources &resources) const
    {
        if (resources.memoryReservationBytes) {
            if (auto status = writeFile(directory_ / "memory.low", limitValue(*resources.memoryReservationBytes)); !status)
                return status;
        }
        if (resources.memoryLimitBytes) {
            if (auto status = writeFile(directory_ / "memory.max", limitValue(*resources.memoryLimitBytes)); !status)
                return status;
        }
        if (resources.memorySwapBytes) {
            if (auto status = applySwap(resources); !status)
                return status;
        }
        if (resources.cpuShares) {
            if (auto status = writeFile(directory_ / "cpu.weight", std::to_string(cpuWeightFromShares(*resources.cpuShares)));
                !status)
                return status;
        }
        if (resources.cpuQuotaMicros || resources.cpuPeriodMicros) {
            if (auto status = applyCpuMax(resources); !status)
                return status;
        }
        if (resources.cpusetCpus) {
            if (auto status = writeFile(directory_ / "cpuset.cpus", *resources.cpusetCpus); !status)
                return status;
        }
        if (resources.cpusetMems) {
            if (auto status = writeFile(directory_ / "cpuset.mems", *resources.cpusetMems); !status)
                return status;
        }
        if (resources.pidsLimit) {
            if (auto status = writeFile(directory_ / "pids.max", *resources.pidsLimit <= 0 ? "max" : std::to_string(*resources.pidsLimit));
                !status)
                return status;
        }
        return {};
    }

    // OCI's memory.swap counts memory and swap together; cgroup2's memory.swap.max counts
    // swap alone, so it gets the difference (as runc and crun convert it).
    Status applySwap(const CgroupResources &resources) const
    {
        const auto swapFile = directory_ / "memory.swap.max";
        if (::access(swapFile.c_str(), F_OK) != 0)
            return fail(ErrorCode::Unsupported,
                        "a memory+swap limit (--memory-swap) needs swap accounting, which this kernel does not do (no " +
                            backquoted(swapFile.native()) + "): boot with swapaccount=1, or run without --memory-swap");
        const auto swap = *resources.memorySwapBytes;
        if (swap < 0)
            return writeFile(swapFile, "max");
        std::int64_t memory = resources.memoryLimitBytes.value_or(0);
        if (!resources.memoryLimitBytes) {
            auto current = readFile(directory_ / "memory.max");
            if (!current)
                return std::unexpected(std::move(current.error()));
            if (trimmed(*current) == "max")
                return fail(ErrorCode::InvalidArgument, "memory+swap limit " + backquoted(std::to_string(swap)) +
                                                            " needs a memory limit, and this cgroup has none: give --memory too");
            auto value = parseUnsigned(*current, directory_ / "memory.max");
            if (!value)
                return std::unexpected(std::move(value.error()));
            memory = static_cast<std::int64_t>(*value);
        }
        if (swap < memory)
            return fail(ErrorCode::InvalidArgument, "memory+swap limit " + backquoted(std::to_string(swap)) +
                                                        " is below the memory limit " + backquoted(std::to_string(memory)) +
                                                        ": give at least the memory limit");
        return writeFile(swapFile, std::to_string(swap - memory));
    }

    // cpu.max holds "quota period" together; a change to one keeps the other.
    Status applyCpuMax(const CgroupResources &resources) const
    {
        const auto file = directory_ / "cpu.max";
        auto current = readFile(file);
        if (!current)
            return std::unexpected(std::move(current.error()));
        auto words = splitWords(*current);
        if (words.size() != 2)
            return fail(ErrorCode::Io, backquoted(file.native()) + " holds " + backquoted(trimmed(*current)) +
                                           ", not `quota period`: is this really a cgroup2 file?");
        if (resources.cpuQuotaMicros)
            words[0] = limitValue(*resources.cpuQuotaMicros);
        if (resources.cpuPeriodMicros)
            words[1] = std::to_string(*resources.cpuPeriodMicros);
        return writeFile(file, words[0] + " " + words[1]);
    }

    Status withFreezeContext(bool frozen, Status status) const
    {
        if (!status)
            return std::unexpected(std::move(status.error())
                                       .withContext(std::string(frozen ? "freezing" : "thawing") + " the cgroup " +
                                                    backquoted(path_)));
        return status;
    }

    std::string path_;
    fs::path mountPoint_;
    fs::path directory_;
};

} // namespace

std::unique_ptr<Cgroup> makeUnifiedCgroup(const CgroupLayout &layout, std::string path)
{
    return std::make_unique<UnifiedCgroup>(layout, std::move(path));
}

} // namespace berth::runtime::cgroupfs

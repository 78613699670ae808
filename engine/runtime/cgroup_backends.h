// Internal to the cgroup code: the two back ends' factories and the small file helpers
// they share (cgroup files want one whole value per write and read back with a newline).
#pragma once

#include "engine/runtime/cgroups.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::runtime::cgroupfs {

[[nodiscard]] std::unique_ptr<Cgroup> makeLegacyCgroup(const CgroupLayout &layout, std::string path);
[[nodiscard]] std::unique_ptr<Cgroup> makeUnifiedCgroup(const CgroupLayout &layout, std::string path);

/// The whole content of a control file.
[[nodiscard]] Result<std::string> readFile(const std::filesystem::path &file);
/// As readFile, but a missing file (a controller this cgroup lacks) is no error.
[[nodiscard]] Result<std::optional<std::string>> readFileIfPresent(const std::filesystem::path &file);
/// Writes `value` with a single write(2), as the kernel parses each write on its own.
[[nodiscard]] Status writeFile(const std::filesystem::path &file, std::string_view value);

/// The text without surrounding blanks and newlines.
[[nodiscard]] std::string_view trimmed(std::string_view text);
/// A decimal number that must make up the whole (trimmed) text; `source` names the file.
[[nodiscard]] Result<std::uint64_t> parseUnsigned(std::string_view text, const std::filesystem::path &source);
/// The value of `key` in "key value" lines (memory.stat, cpu.stat, memory.events, …).
[[nodiscard]] std::optional<std::uint64_t> keyedValue(std::string_view text, std::string_view key);
/// The pids listed one per line in a cgroup.procs file; a missing file lists none.
[[nodiscard]] Result<std::vector<pid_t>> readProcessList(const std::filesystem::path &file);

/// Stores the number in `file` into `into`; a missing file leaves `into` unset.
[[nodiscard]] Status readOptionalNumber(const std::filesystem::path &file, std::optional<std::uint64_t> &into);
/// Stores keyedValue(`key`) of `file` into `into`; a missing file or key leaves it unset.
[[nodiscard]] Status readOptionalKeyed(const std::filesystem::path &file, std::string_view key,
                                       std::optional<std::uint64_t> &into);
/// A file holding a number or "max" (pids.max, memory.max): unset when "max".
[[nodiscard]] Status readOptionalMaxValue(const std::filesystem::path &file, std::optional<std::uint64_t> &into);
/// The Conflict that destroy() returns while `remaining` (non-empty) still run.
[[nodiscard]] Error processesRemain(std::string_view cgroupPath, const std::vector<pid_t> &remaining);

/// Creates `root`/`relative` one level at a time and calls `prepare` for each directory
/// this call made (outermost first), before the next level is created below it. Returns
/// the directories it made, outermost first, so a failed create() can take them back.
template <typename Prepare>
Result<std::vector<std::filesystem::path>> makeDirectories(const std::filesystem::path &root,
                                                           std::string_view relative, Prepare &&prepare);
/// rmdir(2), retried for a moment on EBUSY (a process that just exited may still count);
/// a directory that is not there is fine. Conflict if it stays busy.
[[nodiscard]] Status removeDirectory(const std::filesystem::path &directory);
/// Removes what makeDirectories made, innermost first, ignoring failures: used when
/// create() fails half way, where the first error is the one to report.
void removeMadeDirectories(const std::vector<std::filesystem::path> &made);

/// Polls `condition` (a Result<bool>) until it holds or `timeout` passes.
template <typename Condition>
Result<bool> waitFor(Condition &&condition, std::chrono::milliseconds timeout);

/// cgroup.freeze of a cgroup2 directory, waiting for cgroup.events to agree. Shared by the
/// unified back end and by hybrid hosts that lack a v1 freezer.
[[nodiscard]] Status setUnifiedFrozen(const std::filesystem::path &directory, bool frozen);
[[nodiscard]] Result<bool> isUnifiedFrozen(const std::filesystem::path &directory);

/// How long freeze/thaw wait for the kernel to stop every task before giving up.
inline constexpr std::chrono::milliseconds freezeTimeout{5000};

// ---- used by the templates above and by both back ends ----

[[nodiscard]] Status makeOneDirectory(const std::filesystem::path &directory, bool &made);
[[nodiscard]] std::vector<std::string_view> pathComponents(std::string_view relative);
void pauseBriefly(std::chrono::milliseconds elapsed);

template <typename Prepare>
Result<std::vector<std::filesystem::path>> makeDirectories(const std::filesystem::path &root,
                                                           std::string_view relative, Prepare &&prepare)
{
    std::vector<std::filesystem::path> made;
    auto directory = root;
    for (auto component : pathComponents(relative)) {
        directory /= component;
        bool madeNow = false;
        if (auto status = makeOneDirectory(directory, madeNow); !status) {
            removeMadeDirectories(made);
            return std::unexpected(status.error());
        }
        if (!madeNow)
            continue;
        made.push_back(directory);
        if (Status status = prepare(directory); !status) {
            removeMadeDirectories(made);
            return std::unexpected(std::move(status.error()));
        }
    }
    return made;
}

template <typename Condition>
Result<bool> waitFor(Condition &&condition, std::chrono::milliseconds timeout)
{
    const auto start = std::chrono::steady_clock::now();
    for (;;) {
        Result<bool> holds = condition();
        if (!holds || *holds)
            return holds;
        const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
        if (elapsed >= timeout)
            return false;
        pauseBriefly(elapsed);
    }
}

} // namespace berth::runtime::cgroupfs

// The file-system work under volumes, done through directory descriptors so that nothing a
// container left in a volume (a symbolic link, a directory swapped for a link, a mount) can
// make the root-owned helper read, measure or delete anything outside it.
#pragma once

#include "engine/core/error.h"
#include "engine/core/unique_fd.h"

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace berth::volume {

/// openat2(2): glibc 2.36 has no wrapper. `resolve` is a RESOLVE_* mask; O_CLOEXEC is added.
/// The raw errno on failure, so callers can tell "absent" from "refused".
[[nodiscard]] std::expected<UniqueFd, int> openWithResolve(int directoryFd, const std::string &path, int flags,
                                                           std::uint64_t resolve);

/// Opens an existing directory by an absolute host path, refusing a symbolic link as its
/// last component. The descriptor can be read (O_RDONLY | O_DIRECTORY).
[[nodiscard]] Result<UniqueFd> openDirectoryNoFollow(const std::filesystem::path &path);

/// Every name in the directory open at directoryFd but `.` and `..`.
[[nodiscard]] Result<std::vector<std::string>> directoryEntries(int directoryFd, const std::string &whatForErrors);

/// Whether the directory open at directoryFd has no entries besides `.` and `..`.
[[nodiscard]] Result<bool> directoryIsEmpty(int directoryFd, const std::string &whatForErrors);

/// Makes the directory `name` in parentFd with exactly `mode` (whatever the umask), or, when
/// it exists as a directory already, sets its mode. Conflict when it is something else.
[[nodiscard]] Status makeDirectoryAt(int parentFd, const std::string &name, mode_t mode,
                                     const std::string &whatForErrors);

/// fsync on a directory, so a rename or unlink in it is on disk before the database says so.
[[nodiscard]] Status syncDirectory(int directoryFd, const std::string &whatForErrors);

/// Deletes `name` in parentFd and, if it is a directory, everything under it. Symbolic links
/// are removed, never followed; another file system mounted beneath is not entered (its
/// mount point then fails to go, with EBUSY in the error). Absent `name` is not an error.
[[nodiscard]] Status removeTreeAt(int parentFd, const std::string &name, const std::string &whatForErrors);

/// What a directory tree holds, each inode counted once however many hard links it has.
struct TreeSize {
    std::uint64_t bytes = 0;       ///< apparent size (st_size), what `docker system df` reports
    std::uint64_t bytesOnDisk = 0; ///< allocated blocks (st_blocks * 512)
};

/// Walks the directory open at directoryFd without following symbolic links and without
/// entering other file systems mounted beneath it; the directory itself is included.
[[nodiscard]] Result<TreeSize> measureTree(int directoryFd, const std::string &whatForErrors);

/// 64 lowercase hex digits from the kernel's random source, never all digits in the first
/// twelve (a short id that reads as a number confuses scripts, so Docker avoids it too).
[[nodiscard]] Result<std::string> randomHexName();

} // namespace berth::volume

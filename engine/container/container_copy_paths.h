// What the two halves of `docker cp` (container_copy_archive.cpp, container_copy_extract.cpp)
// share: paths cleaned as Docker's filepath.Clean sees them, lookups inside a root that report
// errno, and reading links and stats. Internal to engine/container; no Qt.
#pragma once

#include "engine/container/container_copy.h"
#include "engine/core/unique_fd.h"

#include <sys/stat.h>

#include <cstddef>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace berth::container::copy_detail {

inline constexpr std::size_t copyBlockSize = 64 * 1024;
// The xattr Docker carries in its cp archives: file capabilities (ping, for one, needs it).
inline constexpr const char *capabilityXattr = "security.capability";

struct CleanPath {
    std::vector<std::string> components;
    bool absolute = false;
    /// Ends in `/` or `/.` (or is `.`): asserts a directory, and a link at the end is followed.
    bool assertsDirectory = false;
    /// Ends in `/.` (or is `.`): the directory's contents, not the directory.
    bool currentDirectory = false;
    /// Leading `..` of a relative path (kept, as filepath.Clean keeps them).
    std::size_t leadingParents = 0;
};

CleanPath cleanPath(std::string_view path);
/// The first count components joined with `/`.
std::string joinComponents(const std::vector<std::string> &components, std::size_t count);
/// The path inside a root: "/a/b", "/" for none.
std::string rootPath(const std::vector<std::string> &components);
/// The name an archive's top entry gets: the last component, "." for SRC/. and the root.
std::string baseName(const CleanPath &clean);
/// The cleaned text and its parent, as filepath.Clean and filepath.Dir give them.
std::string cleanText(const CleanPath &clean);
std::string parentText(CleanPath clean);

/// openInRoot with the errno kept, so callers can tell "missing" from "refused".
std::expected<UniqueFd, int> lookUp(int rootFd, const std::string &path, int flags);
/// What a failed lookUp of `path` means to a person; `where` says which tree ("in the container").
Error lookUpError(const std::string &path, int systemErrno, std::string_view where);
/// The host path /proc/self/fd/N leads to ("" when unreadable).
std::string procFdTarget(int fd);
/// The target of the link behind an O_PATH descriptor.
Result<std::string> readLinkOf(int pathFd, const std::string &what);
CopyPathStat statFromInfo(const struct stat &info, std::string name);

} // namespace berth::container::copy_detail

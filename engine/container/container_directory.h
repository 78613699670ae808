// One directory of a container's root listed for the Files tab, looked up as `berth cp` looks
// paths up (openat2 with RESOLVE_IN_ROOT from the root's fd): a symbolic link on the way,
// absolute or climbing with `..`, leads to the container's own file, never the host's. No Qt.
#pragma once

#include "engine/container/container_copy.h"
#include "engine/core/error.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace berth::container {

struct DirectoryEntry {
    /// Name, size, mode and time of the entry itself (a link is not followed); for a
    /// symbolic link, linkTarget is the link's text as stored.
    CopyPathStat stat;
    /// A symbolic link that leads, inside the root, to a directory: the Files tab can open it.
    bool linkToDirectory = false;
};

struct DirectoryListing {
    std::vector<DirectoryEntry> entries; ///< sorted by name, without `.` and `..`
    bool truncated = false;              ///< more than the limit: the first `limit` by name
};

/// Lists `path` (absolute inside the root) of the root behind rootFd, at most `limit`
/// entries. Not a directory: InvalidArgument; missing: NotFound.
[[nodiscard]] Result<DirectoryListing> listContainerDirectory(int rootFd, std::string_view path, std::size_t limit);

} // namespace berth::container

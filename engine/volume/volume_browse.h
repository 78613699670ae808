// Reading a volume's directories for a person who browses it (the GUI's Volumes panel):
// one directory at a time, every path resolved inside the volume with
// openat2(RESOLVE_IN_ROOT), so no symbolic link or `..` a container left there can make the
// root-owned helper list anything outside the volume.
#pragma once

#include "engine/core/error.h"

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace berth::volume {

/// One entry of a listed directory, as lstat(2) sees it: links are described, not followed.
struct BrowseEntry {
    std::string name;
    /// file, dir, symlink, char, block, fifo or socket
    std::string type;
    std::uint64_t size = 0;
    mode_t mode = 0; ///< st_mode: type bits and permissions
    uid_t uid = 0;
    gid_t gid = 0;
    std::int64_t modifiedSeconds = 0; ///< since the Unix epoch
    /// For a symbolic link: its target as written (never resolved); empty otherwise.
    std::string linkTarget;
};

struct BrowseListing {
    /// The directory listed, as an absolute path inside the root ("/" for the root itself),
    /// after every link and `..` was resolved inside it.
    std::string path;
    /// Ordered by name (bytewise).
    std::vector<BrowseEntry> entries;
    /// The directory had more than the limit; entries holds the first `limit` by name.
    bool truncated = false;
};

/// Lists the directory at `path` (absolute or relative; both mean inside the root) of the
/// tree whose top directory is open at rootFd. `..` stops at the root and every symbolic
/// link, absolute or relative, resolves inside it, as the kernel does for a process
/// chrooted there; another file system mounted beneath the root is not entered (EXDEV).
/// NotFound when the path does not exist, InvalidArgument when it is not a directory.
[[nodiscard]] Result<BrowseListing> listDirectoryInRoot(int rootFd, std::string_view path, std::size_t limit);

} // namespace berth::volume

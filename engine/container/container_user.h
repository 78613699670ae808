// Which user a container's process runs as: Docker's `-u` forms resolved against the
// image's own /etc/passwd and /etc/group, read without ever leaving its root filesystem.
#pragma once

#include "engine/core/error.h"

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace berth::container {

/// The user a container's process runs as, resolved Docker's way.
struct ResolvedUser {
    uid_t uid = 0;
    gid_t gid = 0;
    std::vector<gid_t> additionalGids;
    std::string home = "/"; ///< from the passwd entry; "/" without one
};

/// Resolves `spec` ("", uid, name, uid:gid, name:group, …) against the rootfs's /etc/passwd
/// and /etc/group, read with openat2(RESOLVE_IN_ROOT) so that no symlink leads outside it.
/// A numeric uid or gid without an entry is allowed; an unknown name is NotFound. Without
/// an explicit group, the groups listing the user as a member are its additional groups.
[[nodiscard]] Result<ResolvedUser> resolveContainerUser(const std::filesystem::path &rootfs, std::string_view spec);

} // namespace berth::container

// Docker's first-use copy: when a container mounts a volume that is empty, what the image
// holds at the mount's destination is copied into the volume first (so `-v data:/var/lib/x`
// starts with the image's /var/lib/x), with owners, modes, times, links and devices kept.
#pragma once

#include "engine/core/error.h"

#include <filesystem>
#include <string>

namespace berth::volume {

/// Copies the directory at containerPath inside the container root (resolved with
/// openat2(RESOLVE_IN_ROOT): no `..` or symbolic link, absolute or relative, can leave the
/// root) into volumeData, and gives volumeData the source directory's owner, mode and times.
///
/// Returns false, copying nothing, when volumeData is not empty, when containerPath does not
/// exist in the root, or when it is not a directory (Docker does the same). Inside the tree
/// nothing is followed: symbolic links are copied as links, every entry is opened relative to
/// its already-open directory with O_NOFOLLOW, and every entry in the volume is created new
/// (O_EXCL, mkdirat, mknodat, symlinkat), so nothing outside the volume is written either.
/// Hard links within the tree stay hard links; extended attributes are copied where the
/// volume's file system accepts them (overlayfs' own trusted.overlay.* are not copied).
/// Another file system mounted inside the source is not entered (its mount point is copied
/// as an empty directory). Needs root (CAP_CHOWN, CAP_MKNOD, CAP_FOWNER) for the owners,
/// device nodes and times to come out right.
[[nodiscard]] Result<bool> copyImageContentIntoVolume(int containerRootFd, const std::string &containerPath,
                                                      const std::filesystem::path &volumeData);

} // namespace berth::volume

// Unpacking one OCI/Docker image layer (a tar, possibly gzip- or zstd-compressed) into a
// directory that overlayfs can use as a lower layer, without ever writing outside it.
#pragma once

#include "engine/core/digest.h"
#include "engine/core/error.h"

#include <cstddef>
#include <cstdint>

namespace berth::image {

/// Caps that make a hostile or broken layer fail cleanly instead of filling the disk.
struct LayerLimits {
    /// Bytes of the uncompressed tar stream.
    std::uint64_t maxUncompressedBytes = 8ull << 30;
    /// Tar entries, whiteouts included.
    std::uint64_t maxEntries = 1'000'000;
    /// Bytes in an entry's name, a symbolic link's target or a hard link's target.
    std::size_t maxPathLength = 4096;
};

struct AppliedLayer {
    /// sha256 of the uncompressed tar stream: the layer's diff id in the image config.
    Digest diffId;
    std::uint64_t uncompressedBytes = 0;
    std::uint64_t entries = 0;
};

/// Reads a layer tar (gzip, zstd or uncompressed, recognised from the data) from inputFd
/// until EOF, a file or a pipe, so a download can be unpacked while it arrives, and
/// unpacks it into the directory targetDirFd. Neither descriptor is taken over.
///
/// What lands in the directory is overlayfs's form of the layer:
/// * `.wh.NAME` becomes a character device 0:0 called NAME, unless this layer itself put
///   something at NAME (the OCI rule: a whiteout hides only lower layers);
/// * `.wh..wh..opq` sets trusted.overlay.opaque=y on its directory, wherever it appears;
/// * owners (numeric), modes including setuid/setgid/sticky, modification and access times,
///   symbolic links (as written, never followed), hard links within the layer, device
///   nodes and fifos are kept; a later entry replaces an earlier one at the same path, and
///   a directory over a directory only updates its metadata.
/// * Extended attributes: user.*, security.capability and system.posix_acl_* are kept on
///   files and directories. trusted.overlay.* and user.overlay.* are refused
///   (InvalidArgument): they would let a layer forge overlayfs metadata such as redirects.
///   Any other trusted.* or security.* (selinux, ima, ...) is dropped: those belong to the
///   host's policy, not to an image.
///
/// Safety: nothing is ever created, changed or removed outside targetDirFd. Names are
/// relative to the layer root (a leading `/` is dropped, as Docker and containerd do); a
/// `..` that climbs above the root, a path through a symbolic link that leads out
/// (absolute, or climbing too far) and a hard link to anything outside fail with
/// InvalidArgument, as do layers over the limits.
///
/// Contract: targetDirFd is a new, empty, private directory that nothing else writes while
/// this runs. On failure it is left half-written; the caller deletes it. A caller therefore
/// unpacks into a fresh temporary directory and renames it into place only on success.
/// Needs root (CAP_CHOWN, CAP_MKNOD, CAP_SYS_ADMIN for trusted.* xattrs) for most layers.
[[nodiscard]] Result<AppliedLayer> applyLayer(int inputFd, int targetDirFd, const LayerLimits &limits = {});

} // namespace berth::image

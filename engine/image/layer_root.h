// The directory a layer is unpacked into, and the only ways applyLayer touches it: every
// path is resolved beneath it with openat2(RESOLVE_BENEATH), never by joining strings, and
// the last component is acted on with *at() calls that do not follow symbolic links.
// Internal to layer_apply.cpp; not part of the image library's interface.
#pragma once

#include "engine/core/error.h"
#include "engine/core/unique_fd.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace berth::image::layer_detail {

/// A tar entry name made relative to the layer root: leading `/` (Docker and containerd read
/// names as relative to the root), `.` and empty components are dropped and `..` is applied
/// lexically. No component is empty, `.` or `..`, or contains `/`.
struct LayerPath {
    std::vector<std::string> components;

    [[nodiscard]] bool isRoot() const { return components.empty(); }
    /// The last component; only for a path that is not the root.
    [[nodiscard]] const std::string &name() const { return components.back(); }
    [[nodiscard]] std::span<const std::string> parent() const
    {
        return std::span(components).first(components.empty() ? 0 : components.size() - 1);
    }
    /// "a/b/c", or "." for the root.
    [[nodiscard]] std::string text() const;
};

/// Makes an entry name (or a hard link's target) relative to the layer root.
/// InvalidArgument when `..` would climb above the root.
[[nodiscard]] Result<LayerPath> normalizeLayerPath(std::string_view entryName);

/// Joins components with `/`; "." for none.
[[nodiscard]] std::string joinComponents(std::span<const std::string> components);

/// Confined operations in the directory a layer is unpacked into.
///
/// Why this is safe: openat2 with RESOLVE_BENEATH makes the kernel refuse (EXDEV) any
/// resolution that would leave the root, whether through `..`, an absolute symbolic link
/// or a relative one that climbs too far; RESOLVE_NO_MAGICLINKS refuses /proc-style links
/// and RESOLVE_NO_XDEV refuses crossing into another mount. Symbolic links that stay inside
/// are followed, as Docker's chrooted unpacker and containerd's in-root resolution do.
/// Everything else acts on one already-validated name inside a directory opened that way,
/// with calls that never follow a symbolic link in that name (O_NOFOLLOW, O_EXCL,
/// AT_SYMLINK_NOFOLLOW, mkdirat/mknodat/symlinkat/linkat/unlinkat).
class LayerRoot {
public:
    /// rootFd stays owned by the caller.
    explicit LayerRoot(int rootFd) : rootFd_(rootFd) {}

    /// Opens the directory at components (the root for none) as O_PATH. With createMissing,
    /// absent directories are made with mode 0755, as Docker does for implied parents.
    [[nodiscard]] Result<UniqueFd> openDirectory(std::span<const std::string> components, bool createMissing) const;

    /// openat2 of relativePath beneath the root with flags (O_CLOEXEC is added). Returns
    /// the raw errno on failure so callers can tell "gone" from "refused".
    [[nodiscard]] std::expected<UniqueFd, int> openBeneath(const std::string &relativePath, int flags) const;

    /// Removes name from parentFd, with everything under it when it is a directory.
    /// Never follows symbolic links and never crosses into another file system.
    [[nodiscard]] Status removeTree(int parentFd, const std::string &name) const;

    /// The errno of openat2 as an error about path.
    [[nodiscard]] static Error resolutionError(const std::string &path, int systemErrno);

private:
    int rootFd_;
};

} // namespace berth::image::layer_detail

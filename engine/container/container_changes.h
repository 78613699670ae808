// What a container changed in its image, read from its overlay upper directory as
// `docker diff` reports it, and how much room those changes take (`docker ps -s`). No Qt.
#pragma once

#include "engine/core/error.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace berth::container {

/// Docker's change kinds, with the numbers of its API.
enum class ChangeKind { Modified = 0, Added = 1, Deleted = 2 };

struct FilesystemChange {
    std::string path; ///< absolute inside the container: "/etc/hostname"
    ChangeKind kind = ChangeKind::Modified;
};

/// The changes in `upper` over the image's layers (`lowers`, lowest first, in overlay form:
/// whiteouts as 0:0 character devices, opaque directories marked trusted.overlay.opaque=y).
/// A whiteout is a deletion; an opaque directory deletes whatever the layers had in it that
/// the upper directory does not bring back; any other entry is Modified when a layer has
/// the path and Added otherwise. Sorted by path, as docker prints them.
[[nodiscard]] Result<std::vector<FilesystemChange>> overlayChanges(const std::filesystem::path &upper,
                                                                   const std::vector<std::filesystem::path> &lowers);

/// The bytes of the files and links below directory (each hard-linked file once; whiteouts
/// and directories count nothing), as Docker's SizeRw. A missing directory is 0.
[[nodiscard]] Result<std::uint64_t> directoryContentSize(const std::filesystem::path &directory);

/// "C /etc", "A /tmp/x", "D /old": a change as `docker diff` prints it.
[[nodiscard]] std::string describeChange(const FilesystemChange &change);

} // namespace berth::container

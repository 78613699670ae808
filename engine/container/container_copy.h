// `docker cp` for Berth: a path of a container's root archived as a tar, a tar extracted into
// a directory of that root, and the same two on the host for the CLI, with Docker's naming
// rules (SRC copies SRC itself, SRC/. its contents; a trailing slash asserts a directory).
// Inside a container root every lookup is one openat2(RESOLVE_IN_ROOT) from the root's fd
// and every final component is acted on with *at() calls that do not follow symbolic
// links, so a link to /etc/shadow or ../../.. in the container names the container's own
// file, never the host's; no path is checked as a string and then opened as a string.
// No Qt.
#pragma once

#include "engine/core/error.h"

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace berth::container {

/// What Docker's X-Docker-Container-Path-Stat tells about a path.
struct CopyPathStat {
    std::string name;        ///< the last component ("/" for the root)
    std::int64_t size = 0;
    mode_t mode = 0;         ///< st_mode: type bits and permissions
    std::int64_t modifiedNanoseconds = 0; ///< since the Unix epoch
    /// For a symbolic link: where it leads, as an absolute path inside the root (resolved
    /// through every link in it, as Docker gives it); empty otherwise.
    std::string linkTarget;

    [[nodiscard]] bool isDirectory() const;
    [[nodiscard]] bool isSymbolicLink() const;
};

struct CopyArchiveOptions {
    /// -L: a symbolic link as the last component is copied as what it points to (the
    /// entry keeps the link's name). Without it the link itself is copied.
    bool followLink = false;
    /// The name of the top entry instead of the path's last component ("." for SRC/.).
    std::string rebaseName;
};

enum class CopyOwners {
    FromArchive, ///< numeric uid/gid as in the archive (docker cp -a, and root's extraction)
    Fixed,       ///< every entry owned by fixedUid:fixedGid (docker cp without -a: the container's root)
    Caller,      ///< left to whoever extracts (the CLI on the host, as Docker's client does)
};

struct CopyExtractOptions {
    CopyOwners owners = CopyOwners::FromArchive;
    uid_t fixedUid = 0;
    gid_t fixedGid = 0;
    /// Refuse to replace a directory with a non-directory or the other way round (Docker's
    /// default for cp); when false the old one is removed first.
    bool noOverwriteDirNonDir = true;
    /// The entries' first component `renameFrom` becomes `renameTo` (Docker's rebase when the
    /// destination takes another name); "." as renameFrom puts every entry under renameTo.
    std::string renameFrom;
    std::string renameTo;
};

// ---- Inside a container's root (the helper, as root)

/// Stats `path` (absolute or relative to the root) without following a link in its last
/// component, unless the path ends in `/` or `/.`.
[[nodiscard]] Result<CopyPathStat> statContainerPath(int rootFd, std::string_view path);

/// Writes a tar of `path` (file, directory with everything below, symbolic link, device,
/// FIFO) to outFd. Hard links within the copy stay hard links. The calling thread's SIGPIPE
/// is blocked while writing, so a reader that goes away is an error, not a signal.
[[nodiscard]] Status archiveContainerPath(int rootFd, std::string_view path, const CopyArchiveOptions &options, int outFd);

/// Extracts the tar read from inFd into `directory` of the root, which must exist as a
/// directory ("extraction point is not a directory" otherwise). Entry names with `..` or
/// a leading `/` are refused; hard links must point to an entry of the same archive; a
/// symbolic link whose relative target climbs above `directory` is refused (as Docker); an
/// entry under a link made earlier resolves inside the root.
[[nodiscard]] Status extractIntoContainer(int rootFd, std::string_view directory, int inFd, const CopyExtractOptions &options);

// ---- On the host (the CLI, as the calling user)

/// statContainerPath's rules for a host path (relative to the working directory).
[[nodiscard]] Result<CopyPathStat> statHostPath(const std::string &path);

/// archiveContainerPath for a host path: `berth cp HOSTPATH CONTAINER:DEST` sends this.
[[nodiscard]] Status archiveHostPath(const std::string &path, const CopyArchiveOptions &options, int outFd);

/// Extracts into an existing host directory; no entry lands outside it, whatever links the
/// archive holds.
[[nodiscard]] Status extractToHostDirectory(const std::string &directory, int inFd, const CopyExtractOptions &options);

// ---- Docker's naming rules, for both directions

struct CopySource {
    std::string path;  ///< as typed (its trailing `/` or `/.` matters)
    bool isDirectory = false;
};

struct CopyDestination {
    std::string path;  ///< as typed, after following a link at its end (Docker's CLI does)
    bool exists = false;
    bool isDirectory = false;
};

/// Where to extract an archive of `source` and how to rename its top entry so that it
/// lands at `destination` (Docker's PrepareArchiveCopy): an existing directory receives
/// SRC (or SRC/.'s contents) as it is; otherwise the destination's parent receives it
/// renamed to the destination's last component. Errors: a directory onto an existing file
/// ("cannot copy a directory to a file"), a file to a missing `DEST/` ("no such directory").
struct CopyPlan {
    std::string extractDirectory;
    std::string renameFrom; ///< empty: no renaming
    std::string renameTo;
};
[[nodiscard]] Result<CopyPlan> planCopy(const CopySource &source, const CopyDestination &destination);

/// `berth cp CONTAINER:SRC HOSTDEST` on the CLI's side: with the source's stat from the
/// helper and the helper's tar on tarFd, applies Docker's rules to the host destination
/// (a link at its end followed; a missing one needs its parent directory) and extracts.
[[nodiscard]] Status copyArchiveToHost(int tarFd, const CopySource &source, const std::string &hostDestination);

} // namespace berth::container

#include "engine/image/layer_apply.h"

#include "engine/image/layer_root.h"
#include "engine/image/layer_tar_stream.h"

#include <archive.h>
#include <archive_entry.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <ctime>
#include <limits>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace berth::image {

using layer_detail::LayerPath;
using layer_detail::normalizeLayerPath;
using layer_detail::LayerRoot;
using layer_detail::LayerTarStream;

namespace {

// OCI image-spec, layer.md "Whiteouts"; AUFS kept its own metadata under `.wh..wh.`.
constexpr std::string_view whiteoutPrefix = ".wh.";
constexpr std::string_view opaqueMarker = ".wh..wh..opq";
constexpr std::string_view reservedWhiteoutPrefix = ".wh..wh.";
constexpr const char *overlayOpaqueXattr = "trusted.overlay.opaque";

enum class XattrDecision { Apply, Drop, Refuse };

// Which extended attributes of a layer reach the disk.
// * trusted.overlay.* (and user.overlay.*, which overlayfs reads when mounted with
//   userxattr) are overlayfs's own metadata: redirect, metacopy, origin, opaque. The
//   kernel's overlayfs documentation warns that a handcrafted file with REDIRECT and
//   METACOPY xattrs in an untrusted layer can reach files it should not. A layer has the
//   `.wh.` markers to say what it means, so these are refused, loudly.
// * Other trusted.* and security.* other than capability (selinux, ima, evm, smack) carry
//   the host's security policy, not the image's; Docker and containerd never write them
//   into layers (they record only security.capability). They are dropped.
// * user.*, security.capability (file capabilities, e.g. ping) and POSIX ACLs are kept.
XattrDecision decideXattr(std::string_view name)
{
    if (name.starts_with("trusted.overlay.") || name.starts_with("user.overlay."))
        return XattrDecision::Refuse;
    if (name.starts_with("user.") || name == "security.capability" || name == "system.posix_acl_access" ||
        name == "system.posix_acl_default")
        return XattrDecision::Apply;
    return XattrDecision::Drop;
}

struct Xattr {
    std::string name;
    std::string value;
};

struct Owner {
    uid_t uid;
    gid_t gid;
};

using Times = std::array<timespec, 2>; // access, modification: as utimensat wants them

struct DeferredDirectory {
    std::string path;
    Times times;
};

timespec entryTime(time_t seconds, long nanoseconds)
{
    if (nanoseconds < 0 || nanoseconds >= 1'000'000'000)
        nanoseconds = 0;
    return timespec{seconds, nanoseconds};
}

Times entryTimes(archive_entry *entry)
{
    const timespec modified = archive_entry_mtime_is_set(entry)
                                  ? entryTime(archive_entry_mtime(entry), archive_entry_mtime_nsec(entry))
                                  : timespec{0, UTIME_OMIT};
    const timespec accessed = archive_entry_atime_is_set(entry)
                                  ? entryTime(archive_entry_atime(entry), archive_entry_atime_nsec(entry))
                                  : modified;
    return {accessed, modified};
}

Result<Owner> entryOwner(archive_entry *entry)
{
    // (uid_t)-1 means "leave unchanged" to chown, so it cannot be an owner.
    constexpr la_int64_t largest = std::numeric_limits<uid_t>::max() - 1;
    const la_int64_t uid = archive_entry_uid(entry);
    const la_int64_t gid = archive_entry_gid(entry);
    if (uid < 0 || uid > largest || gid < 0 || gid > largest)
        return fail(ErrorCode::InvalidArgument,
                    "owner " + std::to_string(uid) + ":" + std::to_string(gid) + " is not a valid uid:gid");
    return Owner{static_cast<uid_t>(uid), static_cast<gid_t>(gid)};
}

std::string_view typeName(mode_t type)
{
    switch (type) {
    case AE_IFREG: return "regular file";
    case AE_IFDIR: return "directory";
    case AE_IFLNK: return "symbolic link";
    case AE_IFCHR: return "character device";
    case AE_IFBLK: return "block device";
    case AE_IFIFO: return "fifo";
    case AE_IFSOCK: return "socket";
    default: return "entry of unknown type";
    }
}

Status writeAll(int fd, const char *data, std::size_t size, off_t offset)
{
    while (size > 0) {
        const ssize_t written = ::pwrite(fd, data, size, offset);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return failErrno("writing file data", errno);
        }
        data += written;
        size -= static_cast<std::size_t>(written);
        offset += written;
    }
    return {};
}

class LayerApplier {
public:
    LayerApplier(int targetDirFd, const LayerLimits &limits, LayerTarStream &stream)
        : root_(targetDirFd), limits_(limits), stream_(stream)
    {
    }

    Status apply(archive_entry *entry);
    /// Work that must wait for the last entry: opaque markers and directory times.
    Status finish();

private:
    Status checkLength(std::string_view what, std::string_view text) const;
    Status applyWhiteout(const LayerPath &marker, const std::string &hidden);
    Status markOpaque(const LayerPath &marker);
    Status applyHardLink(const LayerPath &path, std::string_view target);
    Status applyDirectory(const LayerPath &path, archive_entry *entry, const std::vector<Xattr> &xattrs);
    Status applyRegularFile(const LayerPath &path, archive_entry *entry, const std::vector<Xattr> &xattrs);
    Status applySymbolicLink(const LayerPath &path, archive_entry *entry);
    Status applySpecialFile(const LayerPath &path, archive_entry *entry);
    /// Makes room for an entry at name: removes what an earlier entry put there, except a
    /// directory when keepDirectory is set. Returns whether a directory was kept.
    Result<bool> clearSlot(int parentFd, const std::string &name, bool keepDirectory) const;
    /// Owner, then mode (chown clears setuid/setgid), then xattrs (chown also clears
    /// security.capability), all on a descriptor of the very inode.
    static Status applyMetadata(int fd, archive_entry *entry, const std::vector<Xattr> &xattrs);

    LayerRoot root_;
    const LayerLimits &limits_;
    LayerTarStream &stream_;
    std::vector<DeferredDirectory> directories_;
    std::set<std::string> opaqueDirectories_;
};

Result<std::vector<Xattr>> acceptedXattrs(archive_entry *entry)
{
    std::vector<Xattr> accepted;
    archive_entry_xattr_reset(entry);
    const char *name = nullptr;
    const void *value = nullptr;
    std::size_t size = 0;
    while (archive_entry_xattr_next(entry, &name, &value, &size) == ARCHIVE_OK) {
        if (!name)
            continue;
        switch (decideXattr(name)) {
        case XattrDecision::Refuse:
            return fail(ErrorCode::InvalidArgument,
                        "the layer sets the overlay filesystem's own extended attribute " + backquoted(name) +
                            "; a layer may only use .wh. markers for that");
        case XattrDecision::Drop:
            break;
        case XattrDecision::Apply:
            accepted.push_back({name, value ? std::string(static_cast<const char *>(value), size) : std::string()});
            break;
        }
    }
    return accepted;
}

Status LayerApplier::checkLength(std::string_view what, std::string_view text) const
{
    if (text.size() > limits_.maxPathLength)
        return fail(ErrorCode::InvalidArgument, std::string(what) + " is " + std::to_string(text.size()) +
                                                    " bytes long, over the limit of " +
                                                    std::to_string(limits_.maxPathLength));
    return {};
}

Status LayerApplier::apply(archive_entry *entry)
{
    const char *rawName = archive_entry_pathname(entry);
    if (!rawName)
        return fail(ErrorCode::InvalidArgument, "a layer entry has no name");
    const std::string_view name = rawName;
    if (auto checked = checkLength("the name", name); !checked)
        return checked;
    auto path = normalizeLayerPath(name);
    if (!path)
        return std::unexpected(path.error());

    if (!path->isRoot()) {
        // AUFS bookkeeping at the top of old Docker layers (.wh..wh.plnk/, .wh..wh.aufs,
        // .wh..wh.orph/): not content. Docker skips it too.
        const std::string &first = path->components.front();
        if (first.starts_with(reservedWhiteoutPrefix) && !(path->components.size() == 1 && first == opaqueMarker))
            return {};
        for (const auto &directory : path->parent()) {
            if (directory.starts_with(whiteoutPrefix))
                return fail(ErrorCode::InvalidArgument, "path " + backquoted(name) + " goes through " +
                                                            backquoted(directory) +
                                                            ", a whiteout name that cannot be a directory");
        }
        const std::string &last = path->name();
        if (last == opaqueMarker)
            return markOpaque(*path);
        if (last.starts_with(reservedWhiteoutPrefix))
            return fail(ErrorCode::InvalidArgument, backquoted(last) + " is a reserved whiteout name");
        if (last.starts_with(whiteoutPrefix)) {
            const std::string hidden = last.substr(whiteoutPrefix.size());
            if (hidden.empty() || hidden == "." || hidden == "..")
                return fail(ErrorCode::InvalidArgument,
                            "whiteout " + backquoted(name) + " does not name a sibling entry to hide");
            return applyWhiteout(*path, hidden);
        }
    }

    if (const char *target = archive_entry_hardlink(entry)) {
        if (path->isRoot())
            return fail(ErrorCode::InvalidArgument, "the layer root cannot be a hard link");
        return applyHardLink(*path, target);
    }

    const mode_t type = archive_entry_filetype(entry);
    if (path->isRoot() && type != AE_IFDIR)
        return fail(ErrorCode::InvalidArgument,
                    "entry " + backquoted(name) + " is a " + std::string(typeName(type)) +
                        ", but only a directory can stand for the layer root");
    auto xattrs = acceptedXattrs(entry);
    if (!xattrs)
        return std::unexpected(xattrs.error());
    switch (type) {
    case AE_IFDIR: return applyDirectory(*path, entry, *xattrs);
    case AE_IFREG: return applyRegularFile(*path, entry, *xattrs);
    case AE_IFLNK: return applySymbolicLink(*path, entry);
    case AE_IFCHR:
    case AE_IFBLK:
    case AE_IFIFO: return applySpecialFile(*path, entry);
    default:
        return fail(ErrorCode::InvalidArgument,
                    "entry " + backquoted(name) + " is a " + std::string(typeName(type)) + ", which a layer cannot hold");
    }
}

Result<bool> LayerApplier::clearSlot(int parentFd, const std::string &name, bool keepDirectory) const
{
    struct stat existing {};
    if (::fstatat(parentFd, name.c_str(), &existing, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == ENOENT)
            return false;
        return failErrno("inspecting " + backquoted(name), errno);
    }
    if (keepDirectory && S_ISDIR(existing.st_mode))
        return true;
    if (auto removed = root_.removeTree(parentFd, name); !removed)
        return std::unexpected(removed.error());
    return false;
}

Status LayerApplier::applyWhiteout(const LayerPath &marker, const std::string &hidden)
{
    auto parent = root_.openDirectory(marker.parent(), true);
    if (!parent)
        return std::unexpected(parent.error());
    // A whiteout hides only what lower layers have (OCI image-spec): an entry this layer
    // wrote at that name, before or after the marker, stays.
    struct stat existing {};
    if (::fstatat(parent->get(), hidden.c_str(), &existing, AT_SYMLINK_NOFOLLOW) == 0)
        return {};
    if (errno != ENOENT)
        return failErrno("inspecting " + backquoted(hidden), errno);
    // overlayfs's whiteout: a character device 0:0. mknodat never follows a symbolic link.
    if (::mknodat(parent->get(), hidden.c_str(), S_IFCHR, makedev(0, 0)) != 0)
        return failErrno("creating the whiteout device " + backquoted(hidden), errno);
    return {};
}

Status LayerApplier::markOpaque(const LayerPath &marker)
{
    // The marker's directory exists in the result even when the layer has no entry for it.
    auto directory = root_.openDirectory(marker.parent(), true);
    if (!directory)
        return std::unexpected(directory.error());
    // Applied in finish(): the directory may still be replaced by a later entry.
    opaqueDirectories_.insert(layer_detail::joinComponents(marker.parent()));
    return {};
}

Status LayerApplier::applyHardLink(const LayerPath &path, std::string_view target)
{
    if (auto checked = checkLength("the hard link's target", target); !checked)
        return checked;
    // A hard link's target names an earlier entry of this layer, relative to the root like
    // every name (Docker and containerd join it to the root), and is resolved like one.
    auto targetPath = normalizeLayerPath(target);
    if (!targetPath)
        return std::unexpected(targetPath.error());
    if (targetPath->isRoot())
        return fail(ErrorCode::InvalidArgument, "a hard link cannot point at the layer root");
    if (targetPath->components == path.components)
        return fail(ErrorCode::InvalidArgument, "hard link points at itself");
    const auto missingTarget = [&target] {
        return fail(ErrorCode::InvalidArgument,
                    "hard link target " + backquoted(target) + " is not an earlier entry of this layer");
    };
    const std::string targetParentPath = layer_detail::joinComponents(targetPath->parent());
    auto targetParent = root_.openBeneath(targetParentPath, O_PATH | O_DIRECTORY);
    if (!targetParent) {
        if (targetParent.error() == ENOENT)
            return missingTarget();
        return std::unexpected(LayerRoot::resolutionError(targetParentPath, targetParent.error())
                                   .withContext("resolving the hard link's target " + backquoted(target)));
    }
    struct stat targetStatus {};
    if (::fstatat(targetParent->get(), targetPath->name().c_str(), &targetStatus, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == ENOENT)
            return missingTarget();
        return failErrno("inspecting the hard link's target " + backquoted(target), errno);
    }
    if (S_ISDIR(targetStatus.st_mode))
        return fail(ErrorCode::InvalidArgument, "hard link target " + backquoted(target) + " is a directory");

    auto parent = root_.openDirectory(path.parent(), true);
    if (!parent)
        return std::unexpected(parent.error());
    if (auto cleared = clearSlot(parent->get(), path.name(), false); !cleared)
        return std::unexpected(cleared.error());
    // Both sides are single names in directories resolved beneath the root. Without
    // AT_SYMLINK_FOLLOW, linkat links a symbolic link itself and never what it points at.
    if (::linkat(targetParent->get(), targetPath->name().c_str(), parent->get(), path.name().c_str(), 0) != 0)
        return failErrno("creating the hard link to " + backquoted(target), errno);
    return {};
}

Status LayerApplier::applyMetadata(int fd, archive_entry *entry, const std::vector<Xattr> &xattrs)
{
    auto owner = entryOwner(entry);
    if (!owner)
        return std::unexpected(owner.error());
    if (::fchown(fd, owner->uid, owner->gid) != 0)
        return failErrno("setting the owner to " + std::to_string(owner->uid) + ":" + std::to_string(owner->gid), errno);
    if (::fchmod(fd, archive_entry_perm(entry) & 07777) != 0)
        return failErrno("setting the mode", errno);
    for (const auto &xattr : xattrs) {
        if (::fsetxattr(fd, xattr.name.c_str(), xattr.value.data(), xattr.value.size(), 0) != 0)
            return failErrno("setting the extended attribute " + backquoted(xattr.name), errno);
    }
    return {};
}

Status LayerApplier::applyDirectory(const LayerPath &path, archive_entry *entry, const std::vector<Xattr> &xattrs)
{
    UniqueFd directory;
    if (path.isRoot()) {
        // `./`: the layer's metadata for its root directory, as Docker applies it.
        auto opened = root_.openBeneath(".", O_RDONLY | O_DIRECTORY);
        if (!opened)
            return std::unexpected(LayerRoot::resolutionError(".", opened.error()));
        directory = std::move(*opened);
    } else {
        auto parent = root_.openDirectory(path.parent(), true);
        if (!parent)
            return std::unexpected(parent.error());
        auto kept = clearSlot(parent->get(), path.name(), true);
        if (!kept)
            return std::unexpected(kept.error());
        // A directory over a directory only updates metadata. A new one starts private;
        // its mode comes below. mkdirat never follows a symbolic link.
        if (!*kept && ::mkdirat(parent->get(), path.name().c_str(), 0700) != 0)
            return failErrno("creating the directory", errno);
        directory = UniqueFd(::openat(parent->get(), path.name().c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!directory.valid())
            return failErrno("opening the directory", errno);
    }
    if (auto applied = applyMetadata(directory.get(), entry, xattrs); !applied)
        return applied;
    // Creating entries inside changes a directory's mtime, so times are set at the end.
    directories_.push_back({path.text(), entryTimes(entry)});
    return {};
}

Status LayerApplier::applyRegularFile(const LayerPath &path, archive_entry *entry, const std::vector<Xattr> &xattrs)
{
    auto parent = root_.openDirectory(path.parent(), true);
    if (!parent)
        return std::unexpected(parent.error());
    if (auto cleared = clearSlot(parent->get(), path.name(), false); !cleared)
        return std::unexpected(cleared.error());
    // O_EXCL | O_NOFOLLOW: a new inode or nothing; never an existing file or a link's target.
    UniqueFd file(::openat(parent->get(), path.name().c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!file.valid())
        return failErrno("creating the file", errno);

    for (;;) {
        const void *block = nullptr;
        std::size_t size = 0;
        la_int64_t offset = 0;
        const int status = archive_read_data_block(stream_.tar(), &block, &size, &offset);
        if (status == ARCHIVE_EOF)
            break;
        if (status != ARCHIVE_OK)
            return std::unexpected(stream_.tarError("reading the file's data"));
        // Offsets skip the holes of sparse files.
        if (auto written = writeAll(file.get(), static_cast<const char *>(block), size, static_cast<off_t>(offset)); !written)
            return written;
    }
    // A sparse file may end in a hole that no block covers.
    if (archive_entry_size_is_set(entry) && ::ftruncate(file.get(), static_cast<off_t>(archive_entry_size(entry))) != 0)
        return failErrno("setting the file's size", errno);

    if (auto applied = applyMetadata(file.get(), entry, xattrs); !applied)
        return applied;
    const Times times = entryTimes(entry);
    if (::futimens(file.get(), times.data()) != 0)
        return failErrno("setting the file's times", errno);
    return {};
}

Status LayerApplier::applySymbolicLink(const LayerPath &path, archive_entry *entry)
{
    const char *target = archive_entry_symlink(entry);
    if (!target || *target == '\0')
        return fail(ErrorCode::InvalidArgument, "the symbolic link has no target");
    if (auto checked = checkLength("the symbolic link's target", target); !checked)
        return checked;
    auto owner = entryOwner(entry);
    if (!owner)
        return std::unexpected(owner.error());
    auto parent = root_.openDirectory(path.parent(), true);
    if (!parent)
        return std::unexpected(parent.error());
    if (auto cleared = clearSlot(parent->get(), path.name(), false); !cleared)
        return std::unexpected(cleared.error());
    // The target is stored as written and never resolved here; only a later entry written
    // through this link is resolved, by openat2 beneath the root.
    const char *name = path.name().c_str();
    if (::symlinkat(target, parent->get(), name) != 0)
        return failErrno("creating the symbolic link", errno);
    // AT_SYMLINK_NOFOLLOW: the link itself. A link's mode means nothing on Linux, and the
    // kernel allows neither user.* xattrs nor ACLs on links, so those are not applied.
    if (::fchownat(parent->get(), name, owner->uid, owner->gid, AT_SYMLINK_NOFOLLOW) != 0)
        return failErrno("setting the symbolic link's owner", errno);
    const Times times = entryTimes(entry);
    if (::utimensat(parent->get(), name, times.data(), AT_SYMLINK_NOFOLLOW) != 0)
        return failErrno("setting the symbolic link's times", errno);
    return {};
}

Status LayerApplier::applySpecialFile(const LayerPath &path, archive_entry *entry)
{
    auto owner = entryOwner(entry);
    if (!owner)
        return std::unexpected(owner.error());
    auto parent = root_.openDirectory(path.parent(), true);
    if (!parent)
        return std::unexpected(parent.error());
    if (auto cleared = clearSlot(parent->get(), path.name(), false); !cleared)
        return std::unexpected(cleared.error());
    const char *name = path.name().c_str();
    const mode_t type = archive_entry_filetype(entry);
    const dev_t device = type == AE_IFIFO ? 0 : makedev(archive_entry_rdevmajor(entry), archive_entry_rdevminor(entry));
    // Device nodes are never opened (that would reach the driver), so everything is done
    // by name, on a name mknodat just created and that cannot be a symbolic link.
    if (::mknodat(parent->get(), name, type | 0600, device) != 0)
        return failErrno("creating the " + std::string(typeName(type)), errno);
    if (::fchownat(parent->get(), name, owner->uid, owner->gid, AT_SYMLINK_NOFOLLOW) != 0)
        return failErrno("setting the owner", errno);
    // glibc does AT_SYMLINK_NOFOLLOW through an O_PATH descriptor and /proc/self/fd, and
    // refuses a symbolic link; after chown, which clears setuid/setgid.
    if (::fchmodat(parent->get(), name, archive_entry_perm(entry) & 07777, AT_SYMLINK_NOFOLLOW) != 0)
        return failErrno("setting the mode", errno);
    const Times times = entryTimes(entry);
    if (::utimensat(parent->get(), name, times.data(), AT_SYMLINK_NOFOLLOW) != 0)
        return failErrno("setting the times", errno);
    return {};
}

Status LayerApplier::finish()
{
    // A directory that a later entry replaced, or that now lies behind a symbolic link, is
    // no longer the directory the marker or the times were for: skip it.
    const auto isGone = [](int systemErrno) {
        return systemErrno == ENOENT || systemErrno == ENOTDIR || systemErrno == ELOOP || systemErrno == EXDEV;
    };
    for (const auto &path : opaqueDirectories_) {
        // The marker's directory was reached like any parent, following symbolic links that
        // stay inside, so it is found the same way now (no O_NOFOLLOW).
        auto directory = root_.openBeneath(path, O_RDONLY | O_DIRECTORY);
        if (!directory) {
            if (isGone(directory.error()))
                continue;
            return std::unexpected(LayerRoot::resolutionError(path, directory.error()));
        }
        if (::fsetxattr(directory->get(), overlayOpaqueXattr, "y", 1, 0) != 0)
            return std::unexpected(Error::fromErrno("marking directory " + backquoted(path) + " opaque with " +
                                                        backquoted(overlayOpaqueXattr) +
                                                        " (needs CAP_SYS_ADMIN and a file system with trusted xattrs)",
                                                    errno));
    }
    for (const auto &directoryTimes : directories_) {
        auto directory = root_.openBeneath(directoryTimes.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
        if (!directory) {
            if (isGone(directory.error()))
                continue;
            return std::unexpected(LayerRoot::resolutionError(directoryTimes.path, directory.error()));
        }
        if (::futimens(directory->get(), directoryTimes.times.data()) != 0)
            return failErrno("setting the times of directory " + backquoted(directoryTimes.path), errno);
    }
    return {};
}

} // namespace

Result<AppliedLayer> applyLayer(int inputFd, int targetDirFd, const LayerLimits &limits)
{
    auto stream = LayerTarStream::open(inputFd, limits.maxUncompressedBytes);
    if (!stream)
        return std::unexpected(stream.error());
    LayerTarStream &tar = **stream;
    LayerApplier applier(targetDirFd, limits, tar);

    std::uint64_t entries = 0;
    for (;;) {
        archive_entry *entry = nullptr;
        const int status = archive_read_next_header(tar.tar(), &entry);
        if (status == ARCHIVE_EOF)
            break;
        // ARCHIVE_WARN is a name libarchive could not convert to the locale's character set
        // (it keeps the original bytes, which are what the file system wants) or a pax
        // record it ignored; the entry itself is complete.
        if (status != ARCHIVE_OK && status != ARCHIVE_WARN)
            return std::unexpected(tar.tarError("reading the layer's tar stream"));
        if (++entries > limits.maxEntries)
            return fail(ErrorCode::InvalidArgument,
                        "the layer has more than the limit of " + std::to_string(limits.maxEntries) + " entries");
        if (auto applied = applier.apply(entry); !applied) {
            const char *name = archive_entry_pathname(entry);
            return std::unexpected(std::move(applied.error()).withContext("unpacking layer entry " + backquoted(name ? name : "")));
        }
    }
    if (auto finished = applier.finish(); !finished)
        return std::unexpected(finished.error());
    if (auto drained = tar.finish(); !drained)
        return std::unexpected(drained.error());
    return AppliedLayer{tar.digest(), tar.uncompressedBytes(), entries};
}

} // namespace berth::image

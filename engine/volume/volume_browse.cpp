#include "engine/volume/volume_browse.h"

#include "engine/core/unique_fd.h"
#include "engine/volume/volume_files.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>

namespace berth::volume {
namespace {

std::string typeOf(mode_t mode)
{
    switch (mode & S_IFMT) {
    case S_IFDIR: return "dir";
    case S_IFLNK: return "symlink";
    case S_IFCHR: return "char";
    case S_IFBLK: return "block";
    case S_IFIFO: return "fifo";
    case S_IFSOCK: return "socket";
    default: return "file";
    }
}

std::string procTarget(int fd)
{
    std::array<char, 4096> buffer{};
    const std::string link = "/proc/self/fd/" + std::to_string(fd);
    const ssize_t length = ::readlink(link.c_str(), buffer.data(), buffer.size() - 1);
    return length > 0 ? std::string(buffer.data(), std::size_t(length)) : std::string();
}

// Where the opened directory is inside the root, from the kernel's own names of both.
// Only for showing: the descriptor, not this text, is what gets listed.
std::string pathInsideRoot(int rootFd, int directoryFd)
{
    const std::string root = procTarget(rootFd);
    const std::string directory = procTarget(directoryFd);
    if (root.empty() || directory.empty())
        return "/";
    if (directory == root)
        return "/";
    if (directory.size() > root.size() && directory.compare(0, root.size(), root) == 0 &&
        (root == "/" || directory[root.size()] == '/'))
        return root == "/" ? directory : directory.substr(root.size());
    return "/";
}

Error openError(std::string_view path, int systemErrno)
{
    const std::string shown = backquoted(path.empty() ? std::string("/") : std::string(path));
    switch (systemErrno) {
    case ENOENT:
        return Error(ErrorCode::NotFound, shown + " does not exist in the volume; go back to a folder that does");
    case ENOTDIR:
        return Error(ErrorCode::InvalidArgument, shown + " is not a folder; only folders can be listed");
    case EXDEV:
        return Error(ErrorCode::InvalidArgument,
                     shown + " is on another file system mounted inside the volume, which is not browsed");
    case EACCES:
    case EPERM:
        return Error::fromErrno("opening " + shown + " in the volume was refused", systemErrno);
    default:
        return Error::fromErrno("opening " + shown + " in the volume", systemErrno);
    }
}

} // namespace

Result<BrowseListing> listDirectoryInRoot(int rootFd, std::string_view path, std::size_t limit)
{
    // RESOLVE_IN_ROOT makes "/" and ".." at the top mean the root itself, so an absolute path
    // from the caller and an absolute link inside the volume both stay in it.
    std::string relative(path);
    if (relative.empty())
        relative = "/";
    auto opened = openWithResolve(rootFd, relative, O_RDONLY | O_DIRECTORY,
                                  RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_XDEV);
    if (!opened)
        return std::unexpected(openError(path, opened.error()));
    const int directoryFd = opened->get();

    BrowseListing listing;
    listing.path = pathInsideRoot(rootFd, directoryFd);
    const std::string what = "folder " + backquoted(listing.path) + " of the volume";
    auto names = directoryEntries(directoryFd, what);
    if (!names)
        return std::unexpected(names.error());
    std::sort(names->begin(), names->end());
    if (names->size() > limit) {
        names->resize(limit);
        listing.truncated = true;
    }
    listing.entries.reserve(names->size());
    for (const auto &name : *names) {
        struct stat info {};
        // The name is one component read from this very directory; AT_SYMLINK_NOFOLLOW
        // describes a link instead of what it points to.
        if (::fstatat(directoryFd, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
            if (errno == ENOENT)
                continue; // removed while listing
            return failErrno("reading " + backquoted(name) + " in " + what, errno);
        }
        BrowseEntry entry;
        entry.name = name;
        entry.type = typeOf(info.st_mode);
        entry.size = S_ISREG(info.st_mode) || S_ISLNK(info.st_mode) ? std::uint64_t(info.st_size) : 0;
        entry.mode = info.st_mode;
        entry.uid = info.st_uid;
        entry.gid = info.st_gid;
        entry.modifiedSeconds = info.st_mtim.tv_sec;
        if (S_ISLNK(info.st_mode)) {
            std::array<char, 4096> target{};
            const ssize_t length = ::readlinkat(directoryFd, name.c_str(), target.data(), target.size());
            if (length > 0)
                entry.linkTarget.assign(target.data(), std::size_t(length));
        }
        listing.entries.push_back(std::move(entry));
    }
    return listing;
}

} // namespace berth::volume

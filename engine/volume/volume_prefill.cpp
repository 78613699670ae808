#include "engine/volume/volume_prefill.h"

#include "engine/core/unique_fd.h"
#include "engine/volume/volume_files.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <cerrno>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

namespace berth::volume {
namespace {

constexpr std::size_t copyChunk = 1 << 20;

Error entryError(const std::string &what, const std::string &path, int systemErrno)
{
    return Error::fromErrno(what + " " + backquoted(path), systemErrno);
}

std::string joinPath(const std::string &directory, const std::string &name)
{
    return directory.empty() ? name : directory + "/" + name;
}

// Copies the bytes of one open file into another, in the kernel where it can.
Status copyData(int from, int to, const std::string &path)
{
    bool kernelCopy = true;
    std::vector<char> buffer;
    for (;;) {
        if (kernelCopy) {
            const ssize_t copied = ::copy_file_range(from, nullptr, to, nullptr, copyChunk, 0);
            if (copied > 0)
                continue;
            if (copied == 0)
                return {};
            if (errno == EINTR)
                continue;
            if (errno != EXDEV && errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP && errno != EPERM)
                return std::unexpected(entryError("copying the content of", path, errno));
            kernelCopy = false; // e.g. overlayfs on an older kernel: read and write instead
            buffer.resize(copyChunk);
        }
        const ssize_t got = ::read(from, buffer.data(), buffer.size());
        if (got == 0)
            return {};
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return std::unexpected(entryError("reading", path, errno));
        }
        for (ssize_t written = 0; written < got;) {
            const ssize_t put = ::write(to, buffer.data() + written, static_cast<std::size_t>(got - written));
            if (put < 0) {
                if (errno == EINTR)
                    continue;
                return std::unexpected(entryError("writing", path, errno));
            }
            written += put;
        }
    }
}

// Extended attributes from one open file to another. The volume's file system may refuse
// some (no user.* on tmpfs of older kernels, security.* under an LSM): those are skipped, as
// Docker's copy does, since the data and ownership matter more than one attribute.
Status copyExtendedAttributes(int from, int to, const std::string &path)
{
    std::vector<char> names;
    for (;;) {
        const ssize_t size = ::flistxattr(from, nullptr, 0);
        if (size < 0) {
            if (errno == ENOTSUP || errno == EOPNOTSUPP)
                return {};
            return std::unexpected(entryError("listing the extended attributes of", path, errno));
        }
        if (size == 0)
            return {};
        names.resize(static_cast<std::size_t>(size));
        const ssize_t got = ::flistxattr(from, names.data(), names.size());
        if (got >= 0) {
            names.resize(static_cast<std::size_t>(got));
            break;
        }
        if (errno != ERANGE) // ERANGE: one was added meanwhile; ask again
            return std::unexpected(entryError("listing the extended attributes of", path, errno));
    }
    std::vector<char> value;
    for (std::size_t start = 0; start < names.size();) {
        const std::string name(names.data() + start);
        start += name.size() + 1;
        if (name.empty() || name.starts_with("trusted.overlay."))
            continue;
        ssize_t size = -1;
        for (;;) {
            size = ::fgetxattr(from, name.c_str(), nullptr, 0);
            if (size < 0)
                break;
            value.resize(static_cast<std::size_t>(size));
            size = ::fgetxattr(from, name.c_str(), value.data(), value.size());
            if (size >= 0 || errno != ERANGE)
                break;
        }
        if (size < 0) {
            if (errno == ENODATA) // removed meanwhile
                continue;
            return std::unexpected(entryError("reading extended attribute " + backquoted(name) + " of", path, errno));
        }
        if (::fsetxattr(to, name.c_str(), value.data(), static_cast<std::size_t>(size), 0) != 0 && errno != ENOTSUP &&
            errno != EOPNOTSUPP && errno != EPERM && errno != EACCES)
            return std::unexpected(entryError("setting extended attribute " + backquoted(name) + " on", path, errno));
    }
    return {};
}

// Owner, then extended attributes (a file capability is dropped by chown), then mode (chown
// clears set-user-id bits too), then times last, since every change before touches ctime
// and directory writes touch mtime.
Status applyAttributes(int source, int target, const struct stat &info, const std::string &path)
{
    if (::fchown(target, info.st_uid, info.st_gid) != 0)
        return std::unexpected(entryError("setting the owner of", path, errno));
    if (auto copied = copyExtendedAttributes(source, target, path); !copied)
        return copied;
    if (::fchmod(target, info.st_mode & 07777) != 0)
        return std::unexpected(entryError("setting the mode of", path, errno));
    const struct timespec times[2] = {info.st_atim, info.st_mtim};
    if (::futimens(target, times) != 0)
        return std::unexpected(entryError("setting the times of", path, errno));
    return {};
}

bool sameFile(const struct stat &a, const struct stat &b)
{
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino && (a.st_mode & S_IFMT) == (b.st_mode & S_IFMT);
}

class Copier {
public:
    Copier(int volumeRootFd, std::string sourceRoot) : volumeRootFd_(volumeRootFd), sourceRoot_(std::move(sourceRoot)) {}

    // Copies what is in the source directory into the (new, empty) target directory.
    Status copyContents(int sourceDirectory, int targetDirectory, dev_t device, const std::string &relative)
    {
        auto names = directoryEntries(sourceDirectory, displayPath(relative));
        if (!names)
            return std::unexpected(names.error());
        for (const auto &name : *names) {
            if (auto copied = copyEntry(sourceDirectory, targetDirectory, device, name, joinPath(relative, name));
                !copied)
                return copied;
        }
        return {};
    }

private:
    std::string displayPath(const std::string &relative) const
    {
        return relative.empty() ? sourceRoot_ : sourceRoot_ + "/" + relative;
    }

    // A second name for a file already copied: a hard link to the copy, found again from the
    // volume's root without following any symbolic link.
    Result<bool> linkToEarlierCopy(const struct stat &info, int targetDirectory, const std::string &name,
                                   const std::string &relative)
    {
        if (S_ISDIR(info.st_mode) || info.st_nlink < 2)
            return false;
        const auto found = copies_.find({info.st_dev, info.st_ino});
        if (found == copies_.end())
            return false;
        const std::string &earlier = found->second;
        const auto slash = earlier.rfind('/');
        const std::string parent = slash == std::string::npos ? "." : earlier.substr(0, slash);
        const std::string earlierName = slash == std::string::npos ? earlier : earlier.substr(slash + 1);
        auto parentFd = openWithResolve(volumeRootFd_, parent, O_PATH | O_DIRECTORY,
                                        RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS);
        if (!parentFd)
            return false; // changed under us: copy the content instead
        if (::linkat(parentFd->get(), earlierName.c_str(), targetDirectory, name.c_str(), 0) == 0)
            return true;
        if (errno == EMLINK || errno == ENOENT)
            return false;
        return std::unexpected(entryError("linking", displayPath(relative), errno));
    }

    void remember(const struct stat &info, const std::string &relative)
    {
        if (!S_ISDIR(info.st_mode) && info.st_nlink > 1)
            copies_.emplace(std::pair{info.st_dev, info.st_ino}, relative);
    }

    Status copyEntry(int sourceDirectory, int targetDirectory, dev_t device, const std::string &name,
                     const std::string &relative)
    {
        const std::string path = displayPath(relative);
        struct stat info {};
        if (::fstatat(sourceDirectory, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
            if (errno == ENOENT)
                return {};
            return std::unexpected(entryError("checking", path, errno));
        }
        auto linked = linkToEarlierCopy(info, targetDirectory, name, relative);
        if (!linked)
            return std::unexpected(linked.error());
        if (*linked)
            return {};
        Status copied;
        switch (info.st_mode & S_IFMT) {
        case S_IFDIR:
            copied = copyDirectory(sourceDirectory, targetDirectory, device, name, relative, info);
            break;
        case S_IFREG:
            copied = copyFile(sourceDirectory, targetDirectory, name, path, info);
            break;
        case S_IFLNK:
            copied = copySymbolicLink(sourceDirectory, targetDirectory, name, path, info);
            break;
        default:
            copied = copySpecialFile(targetDirectory, name, path, info);
            break;
        }
        if (copied)
            remember(info, relative);
        return copied;
    }

    Status copyDirectory(int sourceDirectory, int targetDirectory, dev_t device, const std::string &name,
                         const std::string &relative, const struct stat &info)
    {
        const std::string path = displayPath(relative);
        UniqueFd source(::openat(sourceDirectory, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!source.valid())
            return std::unexpected(entryError("opening", path, errno));
        struct stat opened {};
        if (::fstat(source.get(), &opened) != 0)
            return std::unexpected(entryError("checking", path, errno));
        if (!sameFile(opened, info))
            return fail(ErrorCode::Conflict, backquoted(path) + " changed while it was being copied; try again");
        if (::mkdirat(targetDirectory, name.c_str(), 0700) != 0)
            return std::unexpected(entryError("creating directory for", path, errno));
        UniqueFd target(::openat(targetDirectory, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!target.valid())
            return std::unexpected(entryError("opening the copy of", path, errno));
        // A file system mounted here is not the image's content: its mount point is kept empty.
        if (opened.st_dev == device) {
            if (auto copied = copyContents(source.get(), target.get(), device, relative); !copied)
                return copied;
        }
        return applyAttributes(source.get(), target.get(), opened, path);
    }

    Status copyFile(int sourceDirectory, int targetDirectory, const std::string &name, const std::string &path,
                    const struct stat &info)
    {
        // O_NONBLOCK: if a FIFO took the file's place, open must not wait for a writer.
        UniqueFd source(
            ::openat(sourceDirectory, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
        if (!source.valid())
            return std::unexpected(entryError("opening", path, errno));
        struct stat opened {};
        if (::fstat(source.get(), &opened) != 0)
            return std::unexpected(entryError("checking", path, errno));
        if (!sameFile(opened, info))
            return fail(ErrorCode::Conflict, backquoted(path) + " changed while it was being copied; try again");
        UniqueFd target(::openat(targetDirectory, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                                 0600));
        if (!target.valid())
            return std::unexpected(entryError("creating the copy of", path, errno));
        if (auto copied = copyData(source.get(), target.get(), path); !copied)
            return copied;
        return applyAttributes(source.get(), target.get(), opened, path);
    }

    Status copySymbolicLink(int sourceDirectory, int targetDirectory, const std::string &name,
                            const std::string &path, const struct stat &info)
    {
        std::vector<char> target(static_cast<std::size_t>(info.st_size) + 1);
        for (;;) {
            const ssize_t length = ::readlinkat(sourceDirectory, name.c_str(), target.data(), target.size());
            if (length < 0)
                return std::unexpected(entryError("reading symbolic link", path, errno));
            if (static_cast<std::size_t>(length) < target.size()) {
                target.resize(static_cast<std::size_t>(length));
                break;
            }
            target.resize(target.size() * 2); // grew since it was checked
        }
        const std::string text(target.begin(), target.end());
        if (::symlinkat(text.c_str(), targetDirectory, name.c_str()) != 0)
            return std::unexpected(entryError("creating the copy of symbolic link", path, errno));
        if (::fchownat(targetDirectory, name.c_str(), info.st_uid, info.st_gid, AT_SYMLINK_NOFOLLOW) != 0)
            return std::unexpected(entryError("setting the owner of the copy of", path, errno));
        const struct timespec times[2] = {info.st_atim, info.st_mtim};
        if (::utimensat(targetDirectory, name.c_str(), times, AT_SYMLINK_NOFOLLOW) != 0)
            return std::unexpected(entryError("setting the times of the copy of", path, errno));
        return {};
    }

    // Device nodes, FIFOs and sockets: made anew with the same type and device number; the
    // source is never opened (opening a FIFO or device could block or have effects).
    Status copySpecialFile(int targetDirectory, const std::string &name, const std::string &path,
                           const struct stat &info)
    {
        const mode_t type = info.st_mode & S_IFMT;
        const dev_t device = (type == S_IFCHR || type == S_IFBLK) ? info.st_rdev : 0;
        if (::mknodat(targetDirectory, name.c_str(), type | 0600, device) != 0)
            return std::unexpected(entryError("creating the copy of", path, errno));
        UniqueFd made(::openat(targetDirectory, name.c_str(), O_PATH | O_NOFOLLOW | O_CLOEXEC));
        if (!made.valid())
            return std::unexpected(entryError("opening the copy of", path, errno));
        struct stat check {};
        if (::fstat(made.get(), &check) != 0 || (check.st_mode & S_IFMT) != type)
            return fail(ErrorCode::Conflict,
                        "the copy of " + backquoted(path) + " changed while it was being made; try again");
        if (::fchownat(made.get(), "", info.st_uid, info.st_gid, AT_EMPTY_PATH) != 0)
            return std::unexpected(entryError("setting the owner of the copy of", path, errno));
        // chmod through /proc/self/fd: fchmod does not take an O_PATH descriptor, and the
        // magic link names exactly the node made above.
        const std::string procPath = "/proc/self/fd/" + std::to_string(made.get());
        if (::chmod(procPath.c_str(), info.st_mode & 07777) != 0)
            return std::unexpected(entryError("setting the mode of the copy of", path, errno));
        const struct timespec times[2] = {info.st_atim, info.st_mtim};
        if (::utimensat(AT_FDCWD, procPath.c_str(), times, 0) != 0)
            return std::unexpected(entryError("setting the times of the copy of", path, errno));
        return {};
    }

    int volumeRootFd_;
    std::string sourceRoot_;
    std::map<std::pair<dev_t, ino_t>, std::string> copies_; ///< first copy of each multiply-linked file
};

} // namespace

Result<bool> copyImageContentIntoVolume(int containerRootFd, const std::string &containerPath,
                                        const std::filesystem::path &volumeData)
{
    const std::string what = "filling volume directory " + backquoted(volumeData.string()) +
                             " from the image's " + backquoted(containerPath);
    auto located = openWithResolve(containerRootFd, containerPath, O_PATH,
                                   RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS);
    if (!located) {
        if (located.error() == ENOENT || located.error() == ENOTDIR)
            return false;
        return std::unexpected(Error::fromErrno("resolving " + backquoted(containerPath) + " in the container's root",
                                                located.error())
                                   .withContext(what));
    }
    struct stat info {};
    if (::fstat(located->get(), &info) != 0)
        return std::unexpected(Error::fromErrno("checking " + backquoted(containerPath), errno).withContext(what));
    if (!S_ISDIR(info.st_mode))
        return false;
    UniqueFd source(::openat(located->get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!source.valid())
        return std::unexpected(Error::fromErrno("opening " + backquoted(containerPath), errno).withContext(what));

    auto target = openDirectoryNoFollow(volumeData);
    if (!target)
        return std::unexpected(std::move(target.error()).withContext(what));
    auto empty = directoryIsEmpty(target->get(), volumeData.string());
    if (!empty)
        return std::unexpected(std::move(empty.error()).withContext(what));
    if (!*empty)
        return false;

    Copier copier(target->get(), containerPath);
    if (auto copied = copier.copyContents(source.get(), target->get(), info.st_dev, ""); !copied)
        return std::unexpected(std::move(copied.error()).withContext(what));
    if (auto applied = applyAttributes(source.get(), target->get(), info, containerPath); !applied)
        return std::unexpected(std::move(applied.error()).withContext(what));
    return true;
}

} // namespace berth::volume

#include "engine/volume/volume_files.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <set>
#include <utility>
#include <vector>

namespace berth::volume {
namespace {

Error errnoAt(const std::string &what, const std::string &name, int systemErrno)
{
    return Error::fromErrno(what + " " + backquoted(name), systemErrno);
}

} // namespace

// Read through a second descriptor so the caller's stays open for *at() calls.
Result<std::vector<std::string>> directoryEntries(int directoryFd, const std::string &whatForErrors)
{
    const int readable = ::openat(directoryFd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (readable < 0)
        return failErrno("opening " + backquoted(whatForErrors) + " to list it", errno);
    DIR *stream = ::fdopendir(readable);
    if (!stream) {
        const int err = errno;
        ::close(readable);
        return failErrno("listing " + backquoted(whatForErrors), err);
    }
    std::vector<std::string> names;
    for (;;) {
        errno = 0;
        const dirent *entry = ::readdir(stream);
        if (!entry) {
            const int err = errno;
            ::closedir(stream);
            if (err != 0)
                return failErrno("listing " + backquoted(whatForErrors), err);
            return names;
        }
        const std::string_view name(entry->d_name);
        if (name != "." && name != "..")
            names.emplace_back(name);
    }
}

namespace {

Status removeTreeBelow(int parentFd, dev_t parentDevice, const std::string &name, const std::string &path)
{
    struct stat info {};
    if (::fstatat(parentFd, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == ENOENT)
            return {};
        return std::unexpected(errnoAt("checking", path, errno));
    }
    if (!S_ISDIR(info.st_mode)) {
        if (::unlinkat(parentFd, name.c_str(), 0) != 0 && errno != ENOENT)
            return std::unexpected(errnoAt("deleting", path, errno));
        return {};
    }
    // A mount point is not entered: whatever is mounted there is not the volume's to delete.
    if (info.st_dev == parentDevice) {
        UniqueFd directory(::openat(parentFd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!directory.valid()) {
            if (errno == ENOENT)
                return {};
            return std::unexpected(errnoAt("opening", path, errno));
        }
        struct stat opened {};
        if (::fstat(directory.get(), &opened) != 0)
            return std::unexpected(errnoAt("checking", path, errno));
        if (opened.st_dev == parentDevice) {
            auto names = directoryEntries(directory.get(), path);
            if (!names)
                return std::unexpected(names.error());
            for (const auto &child : *names) {
                if (auto removed = removeTreeBelow(directory.get(), opened.st_dev, child, path + "/" + child); !removed)
                    return removed;
            }
        }
    }
    if (::unlinkat(parentFd, name.c_str(), AT_REMOVEDIR) != 0 && errno != ENOENT) {
        const int err = errno;
        if (err == EBUSY)
            return std::unexpected(Error::fromErrno(backquoted(path) +
                                                        " is a mount point; unmount it (see findmnt) and try again",
                                                    err));
        return std::unexpected(errnoAt("deleting directory", path, err));
    }
    return {};
}

struct Measurer {
    std::set<std::pair<dev_t, ino_t>> seen;
    TreeSize total;

    void count(const struct stat &info)
    {
        if (!S_ISDIR(info.st_mode) && info.st_nlink > 1 && !seen.insert({info.st_dev, info.st_ino}).second)
            return;
        if (!S_ISDIR(info.st_mode))
            total.bytes += static_cast<std::uint64_t>(info.st_size);
        total.bytesOnDisk += static_cast<std::uint64_t>(info.st_blocks) * 512;
    }

    Status walk(int directoryFd, dev_t device, const std::string &path)
    {
        auto names = directoryEntries(directoryFd, path);
        if (!names)
            return std::unexpected(names.error());
        for (const auto &name : *names) {
            const std::string childPath = path + "/" + name;
            struct stat info {};
            if (::fstatat(directoryFd, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
                if (errno == ENOENT) // deleted while we looked: a running container may do that
                    continue;
                return std::unexpected(errnoAt("checking", childPath, errno));
            }
            if (!S_ISDIR(info.st_mode)) {
                count(info);
                continue;
            }
            if (info.st_dev != device) // another file system mounted here
                continue;
            UniqueFd child(::openat(directoryFd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
            if (!child.valid()) {
                if (errno == ENOENT || errno == ENOTDIR || errno == ELOOP)
                    continue; // replaced while we looked
                return std::unexpected(errnoAt("opening", childPath, errno));
            }
            struct stat opened {};
            if (::fstat(child.get(), &opened) != 0)
                return std::unexpected(errnoAt("checking", childPath, errno));
            if (opened.st_dev != device)
                continue;
            count(opened);
            if (auto walked = walk(child.get(), device, childPath); !walked)
                return walked;
        }
        return {};
    }
};

} // namespace

std::expected<UniqueFd, int> openWithResolve(int directoryFd, const std::string &path, int flags,
                                             std::uint64_t resolve)
{
    open_how how{};
    how.flags = static_cast<std::uint64_t>(flags | O_CLOEXEC);
    how.resolve = resolve;
    for (;;) {
        const long fd = ::syscall(SYS_openat2, directoryFd, path.c_str(), &how, sizeof how);
        if (fd >= 0)
            return UniqueFd(static_cast<int>(fd));
        // EAGAIN: a rename raced with the lookup and the kernel could not prove safety.
        if (errno != EINTR && errno != EAGAIN)
            return std::unexpected(errno);
    }
}

Result<UniqueFd> openDirectoryNoFollow(const std::filesystem::path &path)
{
    UniqueFd directory(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!directory.valid())
        return failErrno("opening directory " + backquoted(path.string()), errno);
    return directory;
}

Result<bool> directoryIsEmpty(int directoryFd, const std::string &whatForErrors)
{
    auto names = directoryEntries(directoryFd, whatForErrors);
    if (!names)
        return std::unexpected(names.error());
    return names->empty();
}

Status makeDirectoryAt(int parentFd, const std::string &name, mode_t mode, const std::string &whatForErrors)
{
    if (::mkdirat(parentFd, name.c_str(), mode) != 0 && errno != EEXIST)
        return failErrno("creating directory " + backquoted(whatForErrors), errno);
    UniqueFd directory(::openat(parentFd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!directory.valid()) {
        if (errno == ENOTDIR || errno == ELOOP)
            return fail(ErrorCode::Conflict, backquoted(whatForErrors) +
                                                 " exists but is not a directory; move it away and try again");
        return failErrno("opening directory " + backquoted(whatForErrors), errno);
    }
    if (::fchmod(directory.get(), mode) != 0)
        return failErrno("setting the mode of " + backquoted(whatForErrors), errno);
    return {};
}

Status syncDirectory(int directoryFd, const std::string &whatForErrors)
{
    if (::fsync(directoryFd) != 0)
        return failErrno("flushing directory " + backquoted(whatForErrors) + " to disk", errno);
    return {};
}

Status removeTreeAt(int parentFd, const std::string &name, const std::string &whatForErrors)
{
    struct stat parent {};
    if (::fstat(parentFd, &parent) != 0)
        return failErrno("checking the directory that holds " + backquoted(whatForErrors), errno);
    return removeTreeBelow(parentFd, parent.st_dev, name, whatForErrors);
}

Result<TreeSize> measureTree(int directoryFd, const std::string &whatForErrors)
{
    struct stat info {};
    if (::fstat(directoryFd, &info) != 0)
        return failErrno("checking " + backquoted(whatForErrors), errno);
    Measurer measurer;
    measurer.count(info);
    if (auto walked = measurer.walk(directoryFd, info.st_dev, whatForErrors); !walked)
        return std::unexpected(std::move(walked.error()).withContext("measuring " + backquoted(whatForErrors)));
    return measurer.total;
}

Result<std::string> randomHexName()
{
    for (;;) {
        std::array<unsigned char, 32> bytes{};
        std::size_t filled = 0;
        while (filled < bytes.size()) {
            const ssize_t got = ::getrandom(bytes.data() + filled, bytes.size() - filled, 0);
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0)
                return failErrno("reading random bytes for an anonymous volume's name", errno);
            filled += static_cast<std::size_t>(got);
        }
        std::string name;
        name.reserve(64);
        for (unsigned char byte : bytes) {
            std::array<char, 3> pair{};
            std::snprintf(pair.data(), pair.size(), "%02x", byte);
            name += pair.data();
        }
        if (name.substr(0, 12).find_first_not_of("0123456789") != std::string::npos)
            return name;
    }
}

} // namespace berth::volume

// The archive half of `docker cp`: stat and tar a path of a container's root or of the host.
// Every child is opened by its single name from its parent's descriptor without following
// links, so the container cannot steer the walk out of its root.
#include "engine/container/container_copy.h"
#include "engine/container/container_copy_paths.h"

#include "engine/core/unique_fd.h"
#include "engine/runtime/linux_calls.h"

#include <archive.h>
#include <archive_entry.h>

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace berth::container {

using namespace copy_detail;

namespace {

// ---- SIGPIPE: a reader that went away must be an error, not the end of the helper

class SigpipeBlock {
public:
    SigpipeBlock()
    {
        sigset_t pipe;
        sigemptyset(&pipe);
        sigaddset(&pipe, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &pipe, &previous_);
    }
    ~SigpipeBlock()
    {
        if (!sigismember(&previous_, SIGPIPE)) {
            sigset_t pipe;
            sigemptyset(&pipe);
            sigaddset(&pipe, SIGPIPE);
            const timespec none{0, 0};
            while (sigtimedwait(&pipe, nullptr, &none) == SIGPIPE) {
            }
        }
        pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
    }
    SigpipeBlock(const SigpipeBlock &) = delete;
    SigpipeBlock &operator=(const SigpipeBlock &) = delete;

private:
    sigset_t previous_{};
};

// ---- Writing a tar

struct EntryDeleter {
    void operator()(archive_entry *entry) const { archive_entry_free(entry); }
};
using EntryPtr = std::unique_ptr<archive_entry, EntryDeleter>;

class TarWriter {
public:
    explicit TarWriter(int fd) : fd_(fd) {}
    ~TarWriter()
    {
        if (!writer_)
            return;
        if (!closed_) {
            // Closing frees libarchive's buffer; the write callback refuses the end blocks,
            // so a copy that failed half way never reads as a whole archive.
            abandoned_ = true;
            (void)archive_write_close(writer_);
        }
        archive_write_free(writer_);
    }
    TarWriter(const TarWriter &) = delete;
    TarWriter &operator=(const TarWriter &) = delete;

    Status open()
    {
        writer_ = archive_write_new();
        if (!writer_)
            return fail(ErrorCode::Internal, "libarchive could not allocate a tar writer");
        if (archive_write_set_format_pax(writer_) != ARCHIVE_OK ||
            archive_write_set_bytes_per_block(writer_, 0) != ARCHIVE_OK ||
            archive_write_open(writer_, this, nullptr, &TarWriter::write, nullptr) != ARCHIVE_OK)
            return failure("starting the tar archive");
        return {};
    }

    Status header(archive_entry *entry)
    {
        const int status = archive_write_header(writer_, entry);
        if (status != ARCHIVE_OK && status != ARCHIVE_WARN)
            return failure("writing the archive entry " + backquoted(archive_entry_pathname(entry)));
        return {};
    }

    Status data(const char *bytes, std::size_t size)
    {
        while (size > 0) {
            const la_ssize_t written = archive_write_data(writer_, bytes, size);
            if (written <= 0)
                return failure("writing the archive");
            bytes += written;
            size -= static_cast<std::size_t>(written);
        }
        return {};
    }

    Status close()
    {
        if (archive_write_close(writer_) != ARCHIVE_OK)
            return failure("finishing the tar archive");
        closed_ = true;
        return {};
    }

private:
    Status failure(const std::string &what)
    {
        abandoned_ = true;
        if (error_)
            return std::unexpected(error_->withContext(what));
        const char *message = archive_error_string(writer_);
        return fail(ErrorCode::Io, what + ": " + (message ? message : "libarchive failed"));
    }

    static la_ssize_t write(archive *writer, void *opaque, const void *buffer, size_t length)
    {
        auto *self = static_cast<TarWriter *>(opaque);
        if (self->abandoned_) {
            archive_set_error(writer, ECANCELED, "the archive was abandoned");
            return -1;
        }
        const char *bytes = static_cast<const char *>(buffer);
        std::size_t left = length;
        while (left > 0) {
            const ssize_t written = ::write(self->fd_, bytes, left);
            if (written < 0 && errno == EINTR)
                continue;
            if (written < 0 && errno == EAGAIN) {
                pollfd wait{self->fd_, POLLOUT, 0};
                (void)::poll(&wait, 1, -1);
                continue;
            }
            if (written < 0) {
                const int error = errno;
                self->error_ = error == EPIPE ? Error(ErrorCode::Io, "the program reading the archive stopped before its end", EPIPE)
                                              : Error::fromErrno("writing the archive", error);
                archive_set_error(writer, error, "%s", self->error_->message().c_str());
                return -1;
            }
            bytes += written;
            left -= static_cast<std::size_t>(written);
        }
        return static_cast<la_ssize_t>(length);
    }

    int fd_;
    archive *writer_ = nullptr;
    bool closed_ = false;
    bool abandoned_ = false;
    std::optional<Error> error_;
};

// Walks a tree from an O_PATH descriptor: each child is opened O_PATH|O_NOFOLLOW by its
// single name in its parent, and a regular file is reopened for reading only through its
// own descriptor, so nothing is ever opened by a path the container could have changed,
// and a device node is archived, never opened.
class Archiver {
public:
    explicit Archiver(TarWriter &tar) : tar_(tar) {}

    Status add(UniqueFd node, const std::string &entryName, int depth = 0)
    {
        if (depth > 4096)
            return fail(ErrorCode::InvalidArgument, backquoted(entryName) + " is nested too deeply to copy");
        struct stat info {};
        if (::fstat(node.get(), &info) != 0)
            return failErrno("reading " + backquoted(entryName), errno);
        EntryPtr entry(archive_entry_new());
        if (!entry)
            return fail(ErrorCode::Internal, "libarchive could not allocate an entry");
        archive_entry_set_pathname(entry.get(), entryName.c_str());
        archive_entry_set_uid(entry.get(), info.st_uid);
        archive_entry_set_gid(entry.get(), info.st_gid);
        archive_entry_set_perm(entry.get(), info.st_mode & 07777);
        archive_entry_set_mtime(entry.get(), info.st_mtim.tv_sec, info.st_mtim.tv_nsec);
        archive_entry_set_atime(entry.get(), info.st_atim.tv_sec, info.st_atim.tv_nsec);

        switch (info.st_mode & S_IFMT) {
        case S_IFLNK: {
            auto target = readLinkOf(node.get(), entryName);
            if (!target)
                return std::unexpected(target.error());
            archive_entry_set_filetype(entry.get(), AE_IFLNK);
            archive_entry_set_symlink(entry.get(), target->c_str());
            return tar_.header(entry.get());
        }
        case S_IFREG:
            return addFile(node.get(), info, entryName, entry.get());
        case S_IFDIR:
            archive_entry_set_filetype(entry.get(), AE_IFDIR);
            if (auto written = tar_.header(entry.get()); !written)
                return written;
            return addChildren(node.get(), entryName, depth);
        case S_IFCHR:
        case S_IFBLK:
        case S_IFIFO:
            if (asHardLink(info, entryName, entry.get()))
                return tar_.header(entry.get());
            archive_entry_set_filetype(entry.get(), static_cast<unsigned>(info.st_mode & S_IFMT));
            archive_entry_set_rdev(entry.get(), info.st_rdev);
            return tar_.header(entry.get());
        default:
            return {}; // sockets are not copied, as Docker does
        }
    }

private:
    // A second name of a file already in the archive becomes a hard link entry.
    bool asHardLink(const struct stat &info, const std::string &entryName, archive_entry *entry)
    {
        if (info.st_nlink < 2)
            return false;
        const auto [known, inserted] = links_.try_emplace({info.st_dev, info.st_ino}, entryName);
        if (inserted)
            return false;
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_hardlink(entry, known->second.c_str());
        archive_entry_set_size(entry, 0);
        return true;
    }

    Status addFile(int pathFd, const struct stat &info, const std::string &entryName, archive_entry *entry)
    {
        if (asHardLink(info, entryName, entry))
            return tar_.header(entry);
        UniqueFd file(::open(runtime::procFdPath(pathFd).c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
        if (!file.valid())
            return failErrno("opening " + backquoted(entryName) + " to copy it", errno);
        struct stat opened {};
        if (::fstat(file.get(), &opened) != 0 || opened.st_ino != info.st_ino || opened.st_dev != info.st_dev)
            return fail(ErrorCode::Conflict, backquoted(entryName) + " changed while it was being copied; copy again");
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_size(entry, info.st_size);
        std::array<char, 256> capability{};
        const ssize_t capabilitySize = ::fgetxattr(file.get(), capabilityXattr, capability.data(), capability.size());
        if (capabilitySize > 0)
            archive_entry_xattr_add_entry(entry, capabilityXattr, capability.data(), static_cast<std::size_t>(capabilitySize));
        if (auto written = tar_.header(entry); !written)
            return written;
        std::vector<char> buffer(copyBlockSize);
        std::int64_t left = info.st_size;
        while (left > 0) {
            const ssize_t got = ::read(file.get(), buffer.data(), static_cast<std::size_t>(std::min<std::int64_t>(left, copyBlockSize)));
            if (got < 0 && errno == EINTR)
                continue;
            if (got < 0)
                return failErrno("reading " + backquoted(entryName), errno);
            if (got == 0)
                break; // shrank meanwhile: libarchive pads the entry to its announced size
            if (auto written = tar_.data(buffer.data(), static_cast<std::size_t>(got)); !written)
                return written;
            left -= got;
        }
        return {};
    }

    Status addChildren(int pathFd, const std::string &entryName, int depth)
    {
        const int listFd = ::openat(pathFd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (listFd < 0)
            return failErrno("listing the directory " + backquoted(entryName), errno);
        DIR *directory = ::fdopendir(listFd);
        if (!directory) {
            ::close(listFd);
            return failErrno("listing the directory " + backquoted(entryName), errno);
        }
        std::vector<std::string> names;
        errno = 0;
        while (const dirent *item = ::readdir(directory)) {
            const std::string_view name = item->d_name;
            if (name != "." && name != "..")
                names.emplace_back(name);
        }
        const int listError = errno;
        UniqueFd parent(::dup(::dirfd(directory)));
        ::closedir(directory);
        if (listError != 0)
            return failErrno("listing the directory " + backquoted(entryName), listError);
        std::sort(names.begin(), names.end());
        const std::string prefix = entryName == "/" ? std::string() : entryName + "/";
        for (const auto &name : names) {
            UniqueFd child(::openat(parent.get(), name.c_str(), O_PATH | O_NOFOLLOW | O_CLOEXEC));
            if (!child.valid()) {
                if (errno == ENOENT)
                    continue; // removed while copying
                return failErrno("opening " + backquoted(prefix + name), errno);
            }
            if (auto added = add(std::move(child), prefix + name, depth + 1); !added)
                return added;
        }
        return {};
    }

    TarWriter &tar_;
    std::map<std::pair<dev_t, ino_t>, std::string> links_;
};

Status writeArchive(UniqueFd top, const std::string &topName, int outFd)
{
    SigpipeBlock sigpipe;
    TarWriter tar(outFd);
    if (auto opened = tar.open(); !opened)
        return opened;
    Archiver archiver(tar);
    if (auto added = archiver.add(std::move(top), topName); !added)
        return added;
    return tar.close();
}

// Opens what `path` names in a root for archiving or stat: the link itself at the end
// unless followed or a trailing `/` or `/.` asserts a directory.
Result<UniqueFd> openContainerPath(int rootFd, const CleanPath &clean, const std::string &typed, bool followLink)
{
    int flags = O_PATH;
    std::string path = rootPath(clean.components);
    if (clean.assertsDirectory) {
        flags |= O_DIRECTORY;
        if (!clean.components.empty())
            path += "/";
    } else if (!followLink) {
        flags |= O_NOFOLLOW;
    }
    auto fd = lookUp(rootFd, path, flags);
    if (!fd)
        return std::unexpected(lookUpError(typed, fd.error(), "in the container"));
    return std::move(*fd);
}

Result<UniqueFd> openHostPath(const std::string &path, const CleanPath &clean, bool followLink)
{
    int flags = O_PATH | O_CLOEXEC;
    if (clean.assertsDirectory)
        flags |= O_DIRECTORY;
    else if (!followLink)
        flags |= O_NOFOLLOW;
    const int fd = ::open(path.c_str(), flags);
    if (fd < 0) {
        if (errno == ENOENT)
            return fail(ErrorCode::NotFound, "no such file or directory: " + backquoted(path));
        if (errno == ENOTDIR)
            return fail(ErrorCode::InvalidArgument, backquoted(path) + ": not a directory");
        return failErrno("opening " + backquoted(path), errno);
    }
    return UniqueFd(fd);
}

} // namespace

bool CopyPathStat::isDirectory() const
{
    return S_ISDIR(mode);
}

bool CopyPathStat::isSymbolicLink() const
{
    return S_ISLNK(mode);
}

Result<CopyPathStat> statContainerPath(int rootFd, std::string_view path)
{
    const CleanPath clean = cleanPath(path);
    auto fd = openContainerPath(rootFd, clean, std::string(path), false);
    if (!fd)
        return std::unexpected(fd.error());
    struct stat info {};
    if (::fstat(fd->get(), &info) != 0)
        return failErrno("reading " + backquoted(path) + " in the container", errno);
    CopyPathStat stat = statFromInfo(info, clean.components.empty() ? "/" : clean.currentDirectory ? "." : clean.components.back());
    if (!S_ISLNK(info.st_mode))
        return stat;
    // Where the link leads: resolved by the kernel inside the root, then told as a path of
    // the root; a dangling link's target is cleaned lexically from where the link is.
    if (auto resolved = lookUp(rootFd, rootPath(clean.components), O_PATH)) {
        const std::string rootOnHost = procFdTarget(rootFd);
        const std::string targetOnHost = procFdTarget(resolved->get());
        if (rootOnHost == "/")
            stat.linkTarget = targetOnHost;
        else if (targetOnHost == rootOnHost)
            stat.linkTarget = "/";
        else if (targetOnHost.starts_with(rootOnHost + "/"))
            stat.linkTarget = targetOnHost.substr(rootOnHost.size());
    }
    if (stat.linkTarget.empty()) {
        auto target = readLinkOf(fd->get(), std::string(path));
        if (!target)
            return std::unexpected(target.error());
        CleanPath joined = cleanPath(target->starts_with('/') ? *target : parentText(clean) + "/" + *target);
        stat.linkTarget = rootPath(joined.components);
    }
    return stat;
}

Status archiveContainerPath(int rootFd, std::string_view path, const CopyArchiveOptions &options, int outFd)
{
    const CleanPath clean = cleanPath(path);
    auto fd = openContainerPath(rootFd, clean, std::string(path), options.followLink);
    if (!fd)
        return std::unexpected(fd.error());
    const std::string topName = options.rebaseName.empty() ? baseName(clean) : options.rebaseName;
    if (auto written = writeArchive(std::move(*fd), topName, outFd); !written)
        return std::unexpected(std::move(written.error()).withContext("copying " + backquoted(path) + " from the container"));
    return {};
}

Result<CopyPathStat> statHostPath(const std::string &path)
{
    const CleanPath clean = cleanPath(path);
    auto fd = openHostPath(path, clean, false);
    if (!fd)
        return std::unexpected(fd.error());
    struct stat info {};
    if (::fstat(fd->get(), &info) != 0)
        return failErrno("reading " + backquoted(path), errno);
    CopyPathStat stat = statFromInfo(info, baseName(clean));
    if (S_ISLNK(info.st_mode)) {
        if (char *resolved = ::realpath(path.c_str(), nullptr)) {
            stat.linkTarget = resolved;
            ::free(resolved);
        } else {
            auto target = readLinkOf(fd->get(), path);
            if (!target)
                return std::unexpected(target.error());
            stat.linkTarget = *target;
        }
    }
    return stat;
}

Status archiveHostPath(const std::string &path, const CopyArchiveOptions &options, int outFd)
{
    const CleanPath clean = cleanPath(path);
    auto fd = openHostPath(path, clean, options.followLink);
    if (!fd)
        return std::unexpected(fd.error());
    const std::string topName = options.rebaseName.empty() ? baseName(clean) : options.rebaseName;
    if (auto written = writeArchive(std::move(*fd), topName, outFd); !written)
        return std::unexpected(std::move(written.error()).withContext("copying " + backquoted(path)));
    return {};
}

} // namespace berth::container

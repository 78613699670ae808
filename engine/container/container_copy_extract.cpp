// The extract half of `docker cp`: a tar unpacked into a directory of a container's root or
// of the host, every entry created with *at() calls from descriptors resolved inside the
// root, and Docker's rules for where SRC lands at DEST.
#include "engine/container/container_copy.h"
#include "engine/container/container_copy_paths.h"

#include "engine/core/unique_fd.h"
#include "engine/runtime/linux_calls.h"

#include <archive.h>
#include <archive_entry.h>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <memory>
#include <optional>
#include <set>
#include <vector>

namespace berth::container {

using namespace copy_detail;

namespace {

// ---- Extracting a tar

struct ReaderDeleter {
    void operator()(archive *reader) const { archive_read_free(reader); }
};

struct DeferredTimes {
    std::string path;
    std::array<timespec, 2> times;
};

class Extractor {
public:
    /// rootFd: what absolute links and lookups are confined to; destination: the directory
    /// entries are relative to, as a path inside that root ("" for the root itself).
    Extractor(int rootFd, std::string destination, const CopyExtractOptions &options)
        : rootFd_(rootFd), destination_(std::move(destination)), options_(options)
    {
    }

    Status run(int inFd)
    {
        std::unique_ptr<archive, ReaderDeleter> reader(archive_read_new());
        if (!reader)
            return fail(ErrorCode::Internal, "libarchive could not allocate a tar reader");
        if (archive_read_support_format_tar(reader.get()) != ARCHIVE_OK ||
            archive_read_open_fd(reader.get(), inFd, copyBlockSize) != ARCHIVE_OK)
            return readerError(reader.get(), "starting to read the archive");
        for (;;) {
            archive_entry *entry = nullptr;
            const int status = archive_read_next_header(reader.get(), &entry);
            if (status == ARCHIVE_EOF)
                break;
            if (status != ARCHIVE_OK && status != ARCHIVE_WARN)
                return readerError(reader.get(), "reading the archive");
            const char *name = archive_entry_pathname(entry);
            if (auto applied = apply(reader.get(), entry); !applied)
                return std::unexpected(std::move(applied.error()).withContext("extracting " + backquoted(name ? name : "")));
        }
        for (auto directory = directories_.rbegin(); directory != directories_.rend(); ++directory) {
            auto fd = lookUp(rootFd_, inDestination(directory->path), O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
            if (fd && ::futimens(fd->get(), directory->times.data()) != 0)
                return failErrno("setting the times of " + backquoted(directory->path), errno);
        }
        return {};
    }

private:
    static Status readerError(archive *reader, const std::string &what)
    {
        const char *message = archive_error_string(reader);
        return fail(ErrorCode::InvalidArgument, what + ": " + (message ? message : "not a tar archive") +
                                                    "; the input must be a tar archive");
    }

    std::string inDestination(const std::string &relative) const
    {
        if (relative.empty())
            return destination_.empty() ? "/" : destination_;
        return destination_ + "/" + relative;
    }

    // An entry name (or hard link target) as components below the destination, renamed.
    Result<std::vector<std::string>> entryPath(std::string_view name) const
    {
        if (name.starts_with('/'))
            return fail(ErrorCode::InvalidArgument, "the archive entry " + backquoted(name) +
                                                        " has an absolute path; entries must be relative to the destination");
        std::vector<std::string> components;
        std::size_t start = 0;
        while (start <= name.size()) {
            const std::size_t end = std::min(name.find('/', start), name.size());
            const std::string_view part = name.substr(start, end - start);
            if (part == "..")
                return fail(ErrorCode::InvalidArgument, "the archive entry " + backquoted(name) +
                                                            " contains `..`; entries must stay inside the destination");
            if (!part.empty() && part != ".")
                components.emplace_back(part);
            start = end + 1;
        }
        if (options_.renameFrom == ".") {
            components.insert(components.begin(), options_.renameTo);
        } else if (!options_.renameFrom.empty() && !components.empty() && components.front() == options_.renameFrom) {
            components.front() = options_.renameTo;
        }
        return components;
    }

    // The directory at components below the destination, made (0755) where missing.
    Result<UniqueFd> directoryAt(const std::vector<std::string> &components, std::size_t count)
    {
        const std::string relative = joinComponents(components, count);
        auto whole = lookUp(rootFd_, inDestination(relative), O_PATH | O_DIRECTORY);
        if (whole)
            return std::move(*whole);
        if (whole.error() != ENOENT)
            return std::unexpected(lookUpError(inDestination(relative), whole.error(), "in the destination"));
        auto current = lookUp(rootFd_, inDestination(""), O_PATH | O_DIRECTORY);
        if (!current)
            return std::unexpected(lookUpError(inDestination(""), current.error(), "(the destination)"));
        for (std::size_t index = 0; index < count; ++index) {
            const std::string step = joinComponents(components, index + 1);
            auto next = lookUp(rootFd_, inDestination(step), O_PATH | O_DIRECTORY);
            if (!next && next.error() == ENOENT) {
                if (::mkdirat(current->get(), components[index].c_str(), 0755) != 0 && errno != EEXIST)
                    return failErrno("creating the directory " + backquoted(step), errno);
                next = lookUp(rootFd_, inDestination(step), O_PATH | O_DIRECTORY);
            }
            if (!next)
                return std::unexpected(lookUpError(inDestination(step), next.error(), "in the destination"));
            current = std::move(next);
        }
        return std::move(*current);
    }

    std::optional<std::pair<uid_t, gid_t>> owner(archive_entry *entry) const
    {
        switch (options_.owners) {
        case CopyOwners::FromArchive:
            return std::pair{static_cast<uid_t>(archive_entry_uid(entry)), static_cast<gid_t>(archive_entry_gid(entry))};
        case CopyOwners::Fixed:
            return std::pair{options_.fixedUid, options_.fixedGid};
        case CopyOwners::Caller:
            break;
        }
        return std::nullopt;
    }

    static std::array<timespec, 2> times(archive_entry *entry)
    {
        timespec modified{archive_entry_mtime(entry), archive_entry_mtime_nsec(entry)};
        if (!archive_entry_mtime_is_set(entry))
            modified = {0, UTIME_OMIT};
        timespec accessed = archive_entry_atime_is_set(entry) ? timespec{archive_entry_atime(entry), archive_entry_atime_nsec(entry)}
                                                              : modified;
        return {accessed, modified};
    }

    // Owner, then mode (a chown clears set-id bits), then times, on an open descriptor.
    Status applyMetadata(int fd, archive_entry *entry, const std::string &path, bool withTimes)
    {
        if (auto ids = owner(entry); ids && ::fchown(fd, ids->first, ids->second) != 0)
            return failErrno("setting the owner of " + backquoted(path) + " to " + std::to_string(ids->first) + ":" +
                                 std::to_string(ids->second),
                             errno);
        if (::fchmod(fd, archive_entry_perm(entry) & 07777) != 0)
            return failErrno("setting the mode of " + backquoted(path), errno);
        if (withTimes) {
            const auto entryTimes = times(entry);
            if (::futimens(fd, entryTimes.data()) != 0)
                return failErrno("setting the times of " + backquoted(path), errno);
        }
        return {};
    }

    // Removes name in parentFd with everything under it; never follows a link.
    Status removeTree(int parentFd, const std::string &name, const std::string &path, int depth = 0)
    {
        if (::unlinkat(parentFd, name.c_str(), 0) == 0)
            return {};
        if (errno != EISDIR && errno != EPERM)
            return failErrno("removing " + backquoted(path), errno);
        if (depth > 4096)
            return fail(ErrorCode::InvalidArgument, backquoted(path) + " is nested too deeply to remove");
        UniqueFd directory(::openat(parentFd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!directory.valid())
            return failErrno("removing " + backquoted(path), errno);
        std::vector<std::string> names;
        if (DIR *list = ::fdopendir(::dup(directory.get()))) {
            while (const dirent *item = ::readdir(list)) {
                const std::string_view child = item->d_name;
                if (child != "." && child != "..")
                    names.emplace_back(child);
            }
            ::closedir(list);
        }
        for (const auto &child : names) {
            if (auto removed = removeTree(directory.get(), child, path + "/" + child, depth + 1); !removed)
                return removed;
        }
        if (::unlinkat(parentFd, name.c_str(), AT_REMOVEDIR) != 0)
            return failErrno("removing the directory " + backquoted(path), errno);
        return {};
    }

    Status apply(archive *reader, archive_entry *entry)
    {
        const char *rawName = archive_entry_pathname(entry);
        if (!rawName)
            return fail(ErrorCode::InvalidArgument, "an archive entry has no name");
        auto components = entryPath(rawName);
        if (!components)
            return std::unexpected(components.error());
        const char *hardLink = archive_entry_hardlink(entry);
        const mode_t type = hardLink ? AE_IFREG : archive_entry_filetype(entry);
        if (components->empty()) {
            // "." is the destination itself, which stays as it is (as Docker leaves it).
            if (type == AE_IFDIR && !hardLink)
                return {};
            return fail(ErrorCode::InvalidArgument, "the archive entry " + backquoted(rawName) +
                                                        " stands for the destination directory but is not a directory");
        }
        const std::string path = joinComponents(*components, components->size());
        const std::string &name = components->back();
        auto parent = directoryAt(*components, components->size() - 1);
        if (!parent)
            return std::unexpected(parent.error());

        struct stat existing {};
        if (::fstatat(parent->get(), name.c_str(), &existing, AT_SYMLINK_NOFOLLOW) == 0) {
            const bool existingIsDirectory = S_ISDIR(existing.st_mode);
            const bool entryIsDirectory = type == AE_IFDIR;
            if (existingIsDirectory && entryIsDirectory) {
                // merged: only the metadata below
            } else if (existingIsDirectory) {
                if (options_.noOverwriteDirNonDir)
                    return fail(ErrorCode::Conflict, "cannot overwrite directory " + backquoted(inDestination(path)) +
                                                         " with non-directory " + backquoted(rawName));
                if (auto removed = removeTree(parent->get(), name, path); !removed)
                    return removed;
            } else {
                if (entryIsDirectory && options_.noOverwriteDirNonDir)
                    return fail(ErrorCode::Conflict, "cannot overwrite non-directory " + backquoted(inDestination(path)) +
                                                         " with directory " + backquoted(rawName));
                if (::unlinkat(parent->get(), name.c_str(), 0) != 0 && errno != ENOENT)
                    return failErrno("replacing " + backquoted(inDestination(path)), errno);
            }
        } else if (errno != ENOENT) {
            return failErrno("looking at " + backquoted(inDestination(path)), errno);
        }

        Status made;
        if (hardLink)
            made = makeHardLink(parent->get(), name, path, hardLink);
        else if (type == AE_IFDIR)
            made = makeDirectory(parent->get(), name, path, entry);
        else if (type == AE_IFREG)
            made = makeFile(reader, parent->get(), name, path, entry);
        else if (type == AE_IFLNK)
            made = makeSymbolicLink(parent->get(), name, *components, entry);
        else if (type == AE_IFCHR || type == AE_IFBLK || type == AE_IFIFO)
            made = makeSpecialFile(parent->get(), name, path, entry, type);
        else
            return fail(ErrorCode::Unsupported, "the archive entry " + backquoted(rawName) + " is of a kind that cannot be copied");
        if (!made)
            return made;
        extracted_.insert(path);
        return {};
    }

    Status makeDirectory(int parentFd, const std::string &name, const std::string &path, archive_entry *entry)
    {
        if (::mkdirat(parentFd, name.c_str(), 0700) != 0 && errno != EEXIST)
            return failErrno("creating the directory " + backquoted(path), errno);
        UniqueFd directory(::openat(parentFd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!directory.valid())
            return failErrno("opening the directory " + backquoted(path), errno);
        // Its times are set at the end: what is extracted into it changes them.
        directories_.push_back({path, times(entry)});
        return applyMetadata(directory.get(), entry, path, false);
    }

    Status makeFile(archive *reader, int parentFd, const std::string &name, const std::string &path, archive_entry *entry)
    {
        UniqueFd file(::openat(parentFd, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (!file.valid())
            return failErrno("creating " + backquoted(path), errno);
        for (;;) {
            const void *block = nullptr;
            size_t size = 0;
            la_int64_t offset = 0;
            const int status = archive_read_data_block(reader, &block, &size, &offset);
            if (status == ARCHIVE_EOF)
                break;
            if (status != ARCHIVE_OK && status != ARCHIVE_WARN)
                return readerError(reader, "reading the data of " + backquoted(path));
            const char *bytes = static_cast<const char *>(block);
            while (size > 0) {
                const ssize_t written = ::pwrite(file.get(), bytes, size, offset);
                if (written < 0 && errno == EINTR)
                    continue;
                if (written < 0)
                    return failErrno("writing " + backquoted(path), errno);
                bytes += written;
                size -= static_cast<std::size_t>(written);
                offset += written;
            }
        }
        if (archive_entry_size_is_set(entry) && ::ftruncate(file.get(), archive_entry_size(entry)) != 0)
            return failErrno("writing " + backquoted(path), errno);
        if (auto applied = applyMetadata(file.get(), entry, path, false); !applied)
            return applied;
        archive_entry_xattr_reset(entry);
        const char *xattrName = nullptr;
        const void *value = nullptr;
        size_t size = 0;
        while (archive_entry_xattr_next(entry, &xattrName, &value, &size) == ARCHIVE_OK) {
            const std::string_view key = xattrName;
            // File capabilities and user attributes only: trusted.* and security.* labels
            // from an archive are not the copier's to set.
            if (key != capabilityXattr && !key.starts_with("user."))
                continue;
            if (::fsetxattr(file.get(), xattrName, value, size, 0) != 0 && errno != ENOTSUP && errno != EPERM)
                return failErrno("setting the attribute " + backquoted(key) + " of " + backquoted(path), errno);
        }
        const auto entryTimes = times(entry);
        if (::futimens(file.get(), entryTimes.data()) != 0)
            return failErrno("setting the times of " + backquoted(path), errno);
        return {};
    }

    Status makeSymbolicLink(int parentFd, const std::string &name, const std::vector<std::string> &components, archive_entry *entry)
    {
        const std::string path = joinComponents(components, components.size());
        const char *target = archive_entry_symlink(entry);
        if (!target || !*target)
            return fail(ErrorCode::InvalidArgument, "the symbolic link " + backquoted(path) + " has no target");
        const std::string_view targetText = target;
        if (!targetText.starts_with('/')) {
            // As Docker: a relative link may not point above the destination.
            std::ptrdiff_t depth = static_cast<std::ptrdiff_t>(components.size()) - 1;
            std::size_t start = 0;
            while (start <= targetText.size()) {
                const std::size_t end = std::min(targetText.find('/', start), targetText.size());
                const std::string_view part = targetText.substr(start, end - start);
                if (part == "..")
                    --depth;
                else if (!part.empty() && part != ".")
                    ++depth;
                if (depth < 0)
                    return fail(ErrorCode::InvalidArgument, "the symbolic link " + backquoted(path) + " points to " +
                                                                backquoted(targetText) + ", outside the destination");
                start = end + 1;
            }
        }
        if (::symlinkat(target, parentFd, name.c_str()) != 0)
            return failErrno("creating the symbolic link " + backquoted(path), errno);
        if (auto ids = owner(entry); ids && ::fchownat(parentFd, name.c_str(), ids->first, ids->second, AT_SYMLINK_NOFOLLOW) != 0)
            return failErrno("setting the owner of the symbolic link " + backquoted(path), errno);
        const auto entryTimes = times(entry);
        if (::utimensat(parentFd, name.c_str(), entryTimes.data(), AT_SYMLINK_NOFOLLOW) != 0)
            return failErrno("setting the times of the symbolic link " + backquoted(path), errno);
        return {};
    }

    Status makeHardLink(int parentFd, const std::string &name, const std::string &path, const char *rawTarget)
    {
        auto target = entryPath(rawTarget);
        if (!target)
            return std::unexpected(target.error().withContext("the hard link " + backquoted(path)));
        const std::string targetPath = joinComponents(*target, target->size());
        if (target->empty() || !extracted_.contains(targetPath))
            return fail(ErrorCode::InvalidArgument, "the hard link " + backquoted(path) + " points to " +
                                                        backquoted(rawTarget) +
                                                        ", which is not an earlier entry of the archive; a copy can only link "
                                                        "files it brings itself");
        auto targetParent = directoryAt(*target, target->size() - 1);
        if (!targetParent)
            return std::unexpected(targetParent.error());
        // Without AT_SYMLINK_FOLLOW: a link the container put there is linked as a link.
        if (::linkat(targetParent->get(), target->back().c_str(), parentFd, name.c_str(), 0) != 0)
            return failErrno("creating the hard link " + backquoted(path) + " to " + backquoted(targetPath), errno);
        return {};
    }

    Status makeSpecialFile(int parentFd, const std::string &name, const std::string &path, archive_entry *entry, mode_t type)
    {
        const dev_t device = type == AE_IFIFO ? 0 : makedev(archive_entry_rdevmajor(entry), archive_entry_rdevminor(entry));
        if (::mknodat(parentFd, name.c_str(), static_cast<mode_t>(type) | 0600, device) != 0)
            return failErrno("creating the " + std::string(type == AE_IFIFO ? "FIFO " : "device node ") + backquoted(path) +
                                 (errno == EPERM ? " (only root can create device nodes)" : ""),
                             errno);
        if (auto ids = owner(entry); ids && ::fchownat(parentFd, name.c_str(), ids->first, ids->second, AT_SYMLINK_NOFOLLOW) != 0)
            return failErrno("setting the owner of " + backquoted(path), errno);
        // AT_SYMLINK_NOFOLLOW: should the name have become a link meanwhile, this fails.
        if (::fchmodat(parentFd, name.c_str(), archive_entry_perm(entry) & 07777, AT_SYMLINK_NOFOLLOW) != 0)
            return failErrno("setting the mode of " + backquoted(path), errno);
        const auto entryTimes = times(entry);
        if (::utimensat(parentFd, name.c_str(), entryTimes.data(), AT_SYMLINK_NOFOLLOW) != 0)
            return failErrno("setting the times of " + backquoted(path), errno);
        return {};
    }

    int rootFd_;
    std::string destination_;
    const CopyExtractOptions &options_;
    std::set<std::string> extracted_;
    std::vector<DeferredTimes> directories_;
};

} // namespace

Status extractIntoContainer(int rootFd, std::string_view directory, int inFd, const CopyExtractOptions &options)
{
    const CleanPath clean = cleanPath(directory);
    const std::string destination = rootPath(clean.components);
    auto fd = lookUp(rootFd, destination, O_PATH);
    if (!fd)
        return std::unexpected(lookUpError(std::string(directory), fd.error(), "in the container"));
    struct stat info {};
    if (::fstat(fd->get(), &info) != 0)
        return failErrno("reading " + backquoted(directory) + " in the container", errno);
    if (!S_ISDIR(info.st_mode))
        return fail(ErrorCode::InvalidArgument, "extraction point is not a directory: " + backquoted(directory) +
                                                    " in the container is not a directory");
    Extractor extractor(rootFd, clean.components.empty() ? std::string() : destination, options);
    if (auto extracted = extractor.run(inFd); !extracted)
        return std::unexpected(std::move(extracted.error()).withContext("copying into " + backquoted(directory) + " in the container"));
    return {};
}

Status extractToHostDirectory(const std::string &directory, int inFd, const CopyExtractOptions &options)
{
    // The destination is the root here: no entry or link of the archive leads out of it.
    UniqueFd root(::open(directory.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!root.valid()) {
        if (errno == ENOTDIR)
            return fail(ErrorCode::InvalidArgument, "extraction point is not a directory: " + backquoted(directory));
        return failErrno("opening the destination directory " + backquoted(directory), errno);
    }
    Extractor extractor(root.get(), std::string(), options);
    if (auto extracted = extractor.run(inFd); !extracted)
        return std::unexpected(std::move(extracted.error()).withContext("copying into " + backquoted(directory)));
    return {};
}

Result<CopyPlan> planCopy(const CopySource &source, const CopyDestination &destination)
{
    const CleanPath sourcePath = cleanPath(source.path);
    const CleanPath destinationPath = cleanPath(destination.path);
    const std::string sourceBase = baseName(sourcePath);
    CopyPlan plan;
    if (destination.exists && destination.isDirectory) {
        plan.extractDirectory = destination.path;
        return plan;
    }
    if (destination.exists && source.isDirectory)
        return fail(ErrorCode::InvalidArgument, "cannot copy a directory to a file: " + backquoted(destination.path) +
                                                    " exists and is not a directory; name a directory or a new path");
    if (!destination.exists && !source.isDirectory && destinationPath.assertsDirectory)
        return fail(ErrorCode::NotFound, "no such directory: " + backquoted(destination.path) +
                                             " does not exist, and copying a file does not create it; create the directory "
                                             "first or leave out the trailing `/`");
    // The destination's parent receives the entry renamed to the destination's name.
    plan.extractDirectory = destinationPath.currentDirectory ? cleanText(destinationPath) : parentText(destinationPath);
    const std::string destinationBase = baseName(destinationPath);
    if (destinationBase != sourceBase) {
        plan.renameFrom = sourceBase;
        plan.renameTo = destinationBase;
    }
    return plan;
}

Status copyArchiveToHost(int tarFd, const CopySource &source, const std::string &hostDestination)
{
    CopyDestination destination{hostDestination, false, false};
    struct stat info {};
    // A link at the end of the destination is followed, as Docker's client does.
    if (::stat(hostDestination.c_str(), &info) == 0) {
        destination.exists = true;
        destination.isDirectory = S_ISDIR(info.st_mode);
    } else if (errno == ENOENT) {
        if (::lstat(hostDestination.c_str(), &info) == 0)
            return fail(ErrorCode::NotFound, backquoted(hostDestination) +
                                                 " is a symbolic link to a missing file; remove it or copy elsewhere");
        const std::string parent = parentText(cleanPath(hostDestination));
        if (::stat(parent.c_str(), &info) != 0)
            return fail(ErrorCode::NotFound, "the destination directory " + backquoted(parent) +
                                                 " does not exist; create it first");
        if (!S_ISDIR(info.st_mode))
            return fail(ErrorCode::InvalidArgument, backquoted(parent) + ": not a directory");
    } else if (errno == ENOTDIR) {
        return fail(ErrorCode::InvalidArgument, backquoted(hostDestination) + ": not a directory");
    } else {
        return failErrno("looking at the destination " + backquoted(hostDestination), errno);
    }
    auto plan = planCopy(source, destination);
    if (!plan)
        return std::unexpected(plan.error());
    CopyExtractOptions options;
    options.owners = CopyOwners::Caller;
    options.renameFrom = plan->renameFrom;
    options.renameTo = plan->renameTo;
    return extractToHostDirectory(plan->extractDirectory, tarFd, options);
}

} // namespace berth::container

#include "engine/container/container_changes.h"

#include "engine/core/unique_fd.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <set>
#include <utility>

namespace berth::container {

namespace {

constexpr int maximumDepth = 4096;

bool isWhiteout(const struct stat &info)
{
    return S_ISCHR(info.st_mode) && info.st_rdev == makedev(0, 0);
}

bool isOpaque(int directoryFd)
{
    std::array<char, 2> value{};
    const ssize_t size = ::fgetxattr(directoryFd, "trusted.overlay.opaque", value.data(), value.size());
    return size == 1 && value[0] == 'y';
}

// The names in a directory, sorted; the descriptor stays usable.
Result<std::vector<std::string>> listNames(int directoryFd, const std::string &shown)
{
    const int listFd = ::openat(directoryFd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (listFd < 0)
        return failErrno("listing " + backquoted(shown), errno);
    DIR *directory = ::fdopendir(listFd);
    if (!directory) {
        ::close(listFd);
        return failErrno("listing " + backquoted(shown), errno);
    }
    std::vector<std::string> names;
    errno = 0;
    while (const dirent *item = ::readdir(directory)) {
        const std::string_view name = item->d_name;
        if (name != "." && name != "..")
            names.emplace_back(name);
    }
    const int error = errno;
    ::closedir(directory);
    if (error != 0)
        return failErrno("listing " + backquoted(shown), error);
    std::sort(names.begin(), names.end());
    return names;
}

// What the image's layers show at a path (relative, no leading slash): nothing, or whether
// it is a directory. The top layer that has the path (or a whiteout of it) decides; a layer
// whose parent directory of it is opaque hides everything below.
class LayerView {
public:
    explicit LayerView(const std::vector<std::filesystem::path> &lowers)
    {
        for (auto it = lowers.rbegin(); it != lowers.rend(); ++it)
            topFirst_.push_back(*it);
    }

    enum class Presence { Absent, File, Directory };

    [[nodiscard]] Presence at(const std::string &relative) const
    {
        const std::string parent = relative.find('/') == std::string::npos ? std::string() : relative.substr(0, relative.rfind('/'));
        for (const auto &layer : topFirst_) {
            struct stat info {};
            if (::lstat((layer / relative).c_str(), &info) == 0) {
                if (isWhiteout(info))
                    return Presence::Absent;
                return S_ISDIR(info.st_mode) ? Presence::Directory : Presence::File;
            }
            if (parent.empty())
                continue;
            // An opaque parent here hides the same path in every lower layer.
            UniqueFd parentFd(::open((layer / parent).c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
            if (parentFd.valid() && isOpaque(parentFd.get()))
                return Presence::Absent;
        }
        return Presence::Absent;
    }

    /// The names the layers show in a directory (relative path; "" for the root).
    [[nodiscard]] std::set<std::string> namesIn(const std::string &relative) const
    {
        std::set<std::string> names;
        std::set<std::string> hidden;
        for (const auto &layer : topFirst_) {
            UniqueFd directory(::open((relative.empty() ? layer : layer / relative).c_str(),
                                      O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
            if (!directory.valid()) {
                struct stat info {};
                // A file or whiteout here hides the directories of lower layers.
                if (::lstat((layer / relative).c_str(), &info) == 0)
                    break;
                continue;
            }
            auto listed = listNames(directory.get(), relative);
            if (listed) {
                for (const auto &name : *listed) {
                    struct stat info {};
                    if (::fstatat(directory.get(), name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0)
                        continue;
                    if (isWhiteout(info))
                        hidden.insert(name);
                    else if (!hidden.contains(name))
                        names.insert(name);
                }
            }
            if (isOpaque(directory.get()))
                break;
        }
        return names;
    }

private:
    std::vector<std::filesystem::path> topFirst_;
};

class ChangeWalker {
public:
    ChangeWalker(const LayerView &layers, std::vector<FilesystemChange> &changes) : layers_(layers), changes_(changes) {}

    Status walk(int directoryFd, const std::string &relative, int depth)
    {
        if (depth > maximumDepth)
            return fail(ErrorCode::InvalidArgument, "the container's changes under " + backquoted("/" + relative) +
                                                        " are nested too deeply to list");
        auto names = listNames(directoryFd, "/" + relative);
        if (!names)
            return std::unexpected(names.error());
        for (const auto &name : *names) {
            const std::string path = relative.empty() ? name : relative + "/" + name;
            struct stat info {};
            if (::fstatat(directoryFd, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
                if (errno == ENOENT)
                    continue;
                return failErrno("reading the container's change " + backquoted("/" + path), errno);
            }
            if (isWhiteout(info)) {
                changes_.push_back({"/" + path, ChangeKind::Deleted});
                continue;
            }
            const bool inImage = layers_.at(path) != LayerView::Presence::Absent;
            changes_.push_back({"/" + path, inImage ? ChangeKind::Modified : ChangeKind::Added});
            if (!S_ISDIR(info.st_mode))
                continue;
            UniqueFd child(::openat(directoryFd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
            if (!child.valid())
                return failErrno("opening the container's changed directory " + backquoted("/" + path), errno);
            if (inImage && isOpaque(child.get()))
                addHiddenByOpaque(child.get(), path);
            if (auto walked = walk(child.get(), path, depth + 1); !walked)
                return walked;
        }
        return {};
    }

private:
    // An opaque directory replaced the image's: what the image had there and the upper
    // directory lacks is gone.
    void addHiddenByOpaque(int directoryFd, const std::string &relative)
    {
        for (const auto &name : layers_.namesIn(relative)) {
            struct stat info {};
            if (::fstatat(directoryFd, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0)
                changes_.push_back({"/" + relative + "/" + name, ChangeKind::Deleted});
        }
    }

    const LayerView &layers_;
    std::vector<FilesystemChange> &changes_;
};

Status addSizes(int directoryFd, const std::string &shown, std::set<std::pair<dev_t, ino_t>> &seen, std::uint64_t &total,
                int depth)
{
    if (depth > maximumDepth)
        return fail(ErrorCode::InvalidArgument, backquoted(shown) + " is nested too deeply to measure");
    auto names = listNames(directoryFd, shown);
    if (!names)
        return std::unexpected(names.error());
    for (const auto &name : *names) {
        struct stat info {};
        if (::fstatat(directoryFd, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
            if (errno == ENOENT)
                continue;
            return failErrno("measuring " + backquoted(shown + "/" + name), errno);
        }
        if (S_ISDIR(info.st_mode)) {
            UniqueFd child(::openat(directoryFd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
            if (!child.valid())
                return failErrno("measuring " + backquoted(shown + "/" + name), errno);
            if (auto added = addSizes(child.get(), shown + "/" + name, seen, total, depth + 1); !added)
                return added;
            continue;
        }
        if (isWhiteout(info))
            continue;
        if (info.st_nlink > 1 && !seen.insert({info.st_dev, info.st_ino}).second)
            continue;
        total += static_cast<std::uint64_t>(info.st_size);
    }
    return {};
}

} // namespace

Result<std::vector<FilesystemChange>> overlayChanges(const std::filesystem::path &upper,
                                                     const std::vector<std::filesystem::path> &lowers)
{
    UniqueFd root(::open(upper.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!root.valid())
        return failErrno("opening the container's upper directory " + backquoted(upper.string()), errno);
    const LayerView layers(lowers);
    std::vector<FilesystemChange> changes;
    ChangeWalker walker(layers, changes);
    if (auto walked = walker.walk(root.get(), std::string(), 0); !walked)
        return std::unexpected(walked.error());
    std::sort(changes.begin(), changes.end(),
              [](const FilesystemChange &left, const FilesystemChange &right) { return left.path < right.path; });
    return changes;
}

Result<std::uint64_t> directoryContentSize(const std::filesystem::path &directory)
{
    UniqueFd root(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!root.valid()) {
        if (errno == ENOENT)
            return std::uint64_t{0};
        return failErrno("opening " + backquoted(directory.string()), errno);
    }
    std::set<std::pair<dev_t, ino_t>> seen;
    std::uint64_t total = 0;
    if (auto added = addSizes(root.get(), directory.string(), seen, total, 0); !added)
        return std::unexpected(added.error());
    return total;
}

std::string describeChange(const FilesystemChange &change)
{
    const char kind = change.kind == ChangeKind::Added ? 'A' : change.kind == ChangeKind::Deleted ? 'D' : 'C';
    return std::string(1, kind) + " " + change.path;
}

} // namespace berth::container

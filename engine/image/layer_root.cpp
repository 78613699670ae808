#include "engine/image/layer_root.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <memory>

namespace berth::image::layer_detail {

std::string LayerPath::text() const
{
    return joinComponents(components);
}

std::string joinComponents(std::span<const std::string> components)
{
    if (components.empty())
        return ".";
    std::string joined;
    for (const auto &component : components) {
        if (!joined.empty())
            joined += '/';
        joined += component;
    }
    return joined;
}

Result<LayerPath> normalizeLayerPath(std::string_view entryName)
{
    LayerPath path;
    std::size_t position = 0;
    while (position <= entryName.size()) {
        const auto slash = entryName.find('/', position);
        const auto end = slash == std::string_view::npos ? entryName.size() : slash;
        const auto component = entryName.substr(position, end - position);
        position = end + 1;
        if (component.empty() || component == ".")
            continue;
        if (component == "..") {
            // Lexical, like Go's filepath.Clean that Docker applies first: `a/../b` is `b`.
            // A `..` with nothing left to climb would leave the layer; Docker refuses that
            // too ("... is outside of ..."), instead of clamping it at the root.
            if (path.components.empty())
                return fail(ErrorCode::InvalidArgument,
                            "path " + backquoted(entryName) + " climbs out of the layer with `..`");
            path.components.pop_back();
            continue;
        }
        path.components.emplace_back(component);
    }
    return path;
}

std::expected<UniqueFd, int> LayerRoot::openBeneath(const std::string &relativePath, int flags) const
{
    open_how how{};
    how.flags = static_cast<std::uint64_t>(flags | O_CLOEXEC);
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_XDEV;
    // glibc 2.36 has no openat2 wrapper. EAGAIN means a concurrent rename or mount made a
    // `..` step ambiguous; the kernel asks us to retry rather than risk an escape.
    for (int attempt = 0;; ++attempt) {
        const long fd = ::syscall(SYS_openat2, rootFd_, relativePath.c_str(), &how, sizeof how);
        if (fd >= 0)
            return UniqueFd(static_cast<int>(fd));
        if (errno == EINTR || (errno == EAGAIN && attempt < 64))
            continue;
        return std::unexpected(errno);
    }
}

Error LayerRoot::resolutionError(const std::string &path, int systemErrno)
{
    // What the layer did wrong is the message; the errno's own text ("Invalid cross-device
    // link") would only mislead, so it is not attached.
    switch (systemErrno) {
    case EXDEV:
        return Error(ErrorCode::InvalidArgument,
                     "path " + backquoted(path) +
                         " leads out of the layer through a symbolic link (absolute, or climbing above the root)");
    case ELOOP:
        return Error(ErrorCode::InvalidArgument, "path " + backquoted(path) + " goes through too many symbolic links");
    case ENOTDIR:
        return Error(ErrorCode::InvalidArgument,
                     "path " + backquoted(path) + " goes through something that is not a directory");
    case ENOENT:
        return Error(ErrorCode::InvalidArgument, "path " + backquoted(path) + " does not exist in the layer");
    case ENOSYS:
        return Error(ErrorCode::Unsupported,
                     "this kernel has no openat2, which unpacking layers safely needs (Linux 5.6 or later)",
                     systemErrno);
    default:
        return Error::fromErrno("resolving " + backquoted(path) + " inside the layer", systemErrno);
    }
}

Result<UniqueFd> LayerRoot::openDirectory(std::span<const std::string> components, bool createMissing) const
{
    const std::string full = joinComponents(components);
    auto opened = openBeneath(full, O_PATH | O_DIRECTORY);
    if (opened)
        return std::move(*opened);
    if (opened.error() != ENOENT || !createMissing)
        return std::unexpected(resolutionError(full, opened.error()));

    // Some directory on the way is missing: walk down from the root and make each one.
    auto current = openBeneath(".", O_PATH | O_DIRECTORY);
    if (!current)
        return std::unexpected(resolutionError(".", current.error()));
    for (std::size_t index = 0; index < components.size(); ++index) {
        const std::string prefix = joinComponents(components.first(index + 1));
        auto next = openBeneath(prefix, O_PATH | O_DIRECTORY);
        if (!next && next.error() == ENOENT) {
            // current was resolved beneath the root, and mkdirat never follows a symbolic
            // link in its last component: it fails with EEXIST instead.
            const char *name = components[index].c_str();
            if (::mkdirat(current->get(), name, 0755) != 0) {
                if (errno == EEXIST)
                    return fail(ErrorCode::InvalidArgument,
                                "cannot create directory " + backquoted(prefix) +
                                    ": a dangling symbolic link is in the way");
                return failErrno("creating directory " + backquoted(prefix), errno);
            }
            // Implied directories are 0755 whatever the process umask is.
            UniqueFd created(::openat(current->get(), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
            if (!created.valid() || ::fchmod(created.get(), 0755) != 0)
                return failErrno("setting the mode of directory " + backquoted(prefix), errno);
            next = openBeneath(prefix, O_PATH | O_DIRECTORY);
        }
        if (!next)
            return std::unexpected(resolutionError(prefix, next.error()));
        current = std::move(next);
    }
    return std::move(*current);
}

namespace {

struct DirCloser {
    void operator()(DIR *directory) const { ::closedir(directory); }
};

Status removeTreeAt(int parentFd, const std::string &name, dev_t device)
{
    struct stat status {};
    if (::fstatat(parentFd, name.c_str(), &status, AT_SYMLINK_NOFOLLOW) != 0)
        return errno == ENOENT ? Status{} : failErrno("inspecting " + backquoted(name), errno);
    if (!S_ISDIR(status.st_mode)) {
        // unlinkat removes the name itself, a symbolic link included, never its target.
        if (::unlinkat(parentFd, name.c_str(), 0) != 0)
            return failErrno("removing " + backquoted(name), errno);
        return {};
    }
    if (status.st_dev != device)
        return fail(ErrorCode::Conflict, backquoted(name) + " is another file system mounted in the layer; not removing it");

    // O_NOFOLLOW | O_DIRECTORY: we descend only into the real directory we just inspected.
    UniqueFd directoryFd(::openat(parentFd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!directoryFd.valid())
        return failErrno("opening directory " + backquoted(name), errno);
    std::vector<std::string> children;
    {
        const int listingFd = ::dup(directoryFd.get());
        if (listingFd < 0)
            return failErrno("listing directory " + backquoted(name), errno);
        std::unique_ptr<DIR, DirCloser> listing(::fdopendir(listingFd));
        if (!listing) {
            const int savedErrno = errno;
            ::close(listingFd);
            return failErrno("listing directory " + backquoted(name), savedErrno);
        }
        while (const dirent *entry = ::readdir(listing.get())) {
            const std::string_view child = entry->d_name;
            if (child != "." && child != "..")
                children.emplace_back(child);
        }
    }
    for (const auto &child : children) {
        if (auto removed = removeTreeAt(directoryFd.get(), child, device); !removed)
            return std::unexpected(std::move(removed.error()).withContext("removing " + backquoted(name)));
    }
    if (::unlinkat(parentFd, name.c_str(), AT_REMOVEDIR) != 0)
        return failErrno("removing directory " + backquoted(name), errno);
    return {};
}

} // namespace

Status LayerRoot::removeTree(int parentFd, const std::string &name) const
{
    struct stat rootStatus {};
    if (::fstat(rootFd_, &rootStatus) != 0)
        return failErrno("inspecting the layer directory", errno);
    return removeTreeAt(parentFd, name, rootStatus.st_dev);
}

} // namespace berth::image::layer_detail

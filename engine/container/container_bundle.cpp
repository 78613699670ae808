#include "engine/container/container_bundle.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>

namespace berth::container {
namespace {

constexpr long overlayMagic = 0x794c7630; // OVERLAYFS_SUPER_MAGIC
constexpr std::string_view creatingSuffix = ".creating";
constexpr std::string_view removingSuffix = ".removing";
// mount(2) takes its options in one page.
constexpr std::size_t maximumMountOptions = 4095;

Status makeDirectory(const std::filesystem::path &path, mode_t mode)
{
    if (::mkdir(path.c_str(), mode) != 0 && errno != EEXIST)
        return failErrno("creating " + backquoted(path.string()), errno);
    return {};
}

Status removeTree(const std::filesystem::path &path)
{
    std::error_code error;
    std::filesystem::remove_all(path, error);
    if (error)
        return fail(ErrorCode::Io, "removing " + backquoted(path.string()) + ": " + error.message());
    return {};
}

} // namespace

ContainerPaths ContainerPaths::of(const std::filesystem::path &storageRoot, const std::string &id)
{
    ContainerPaths paths;
    paths.directory = storageRoot / "containers" / id;
    paths.rootfs = paths.directory / "rootfs";
    paths.upper = paths.directory / "upper";
    paths.work = paths.directory / "work";
    paths.spec = paths.directory / "config.json";
    paths.log = paths.directory / "container.log";
    paths.exitFile = paths.directory / "exit.json";
    paths.monitorLog = paths.directory / "monitor.log";
    return paths;
}

Status createContainerDirectory(const ContainerPaths &paths)
{
    const auto parent = paths.directory.parent_path();
    // Only root walks into containers: their files are the containers' own.
    if (auto made = makeDirectory(parent, 0710); !made)
        return made;
    const std::filesystem::path building = paths.directory.string() + std::string(creatingSuffix);
    if (auto cleared = removeTree(building); !cleared)
        return cleared;
    if (auto made = makeDirectory(building, 0710); !made)
        return made;
    for (const char *name : {"upper", "work", "rootfs"}) {
        if (auto made = makeDirectory(building / name, 0755); !made) {
            (void)removeTree(building);
            return made;
        }
    }
    if (::rename(building.c_str(), paths.directory.c_str()) != 0) {
        const int error = errno;
        (void)removeTree(building);
        return failErrno("creating " + backquoted(paths.directory.string()), error);
    }
    return {};
}

bool isContainerRootfsMounted(const ContainerPaths &paths)
{
    struct statfs info {};
    if (::statfs(paths.rootfs.c_str(), &info) != 0 || info.f_type != overlayMagic)
        return false;
    struct stat mountPoint {};
    struct stat parent {};
    return ::stat(paths.rootfs.c_str(), &mountPoint) == 0 && ::stat(paths.directory.c_str(), &parent) == 0 &&
           mountPoint.st_dev != parent.st_dev;
}

Status mountContainerRootfs(const ContainerPaths &paths, const std::vector<std::filesystem::path> &lowerDirectories)
{
    if (isContainerRootfsMounted(paths))
        return {};
    std::vector<std::filesystem::path> lowers = lowerDirectories;
    if (lowers.empty()) {
        // overlay needs a lower layer; an image with no layers gets an empty one.
        const auto empty = paths.directory / "empty";
        if (auto made = makeDirectory(empty, 0755); !made)
            return made;
        lowers.push_back(empty);
    }
    // overlay lists the top layer first.
    std::string lowerdir;
    for (auto it = lowers.rbegin(); it != lowers.rend(); ++it) {
        const std::string text = it->string();
        if (text.find_first_of(":,\\") != std::string::npos)
            return fail(ErrorCode::InvalidArgument, "the layer directory " + backquoted(text) +
                                                        " has a character overlay cannot take (: , or \\); "
                                                        "use a storage root whose path has none");
        if (!lowerdir.empty())
            lowerdir += ':';
        lowerdir += text;
    }
    const std::string options = "lowerdir=" + lowerdir + ",upperdir=" + paths.upper.string() +
                                ",workdir=" + paths.work.string() + ",index=off";
    if (options.size() > maximumMountOptions)
        return fail(ErrorCode::Unsupported,
                    "the image has too many layers (" + std::to_string(lowers.size()) +
                        ") for one overlay mount under " + backquoted(paths.directory.parent_path().parent_path().string()) +
                        "; squash it (berth export | berth import) or use a shorter storage root path");
    if (::mount("overlay", paths.rootfs.c_str(), "overlay", MS_NODEV, options.c_str()) != 0) {
        const int error = errno;
        return failErrno("mounting the container's root file system (overlay) at " + backquoted(paths.rootfs.string()) +
                             "; `berth info` says whether overlay works in this storage root",
                         error);
    }
    return {};
}

Status unmountContainerRootfs(const ContainerPaths &paths)
{
    // A stale mount stacked twice (a crash between mount and record) comes off in turns.
    for (int attempt = 0; attempt < 8 && isContainerRootfsMounted(paths); ++attempt) {
        if (::umount2(paths.rootfs.c_str(), MNT_DETACH) != 0 && errno != EINVAL && errno != ENOENT)
            return failErrno("unmounting " + backquoted(paths.rootfs.string()), errno);
    }
    return {};
}

Status createDirectoryInRootfs(const ContainerPaths &paths, const std::string &path)
{
    const int root = ::open(paths.rootfs.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (root < 0)
        return failErrno("opening " + backquoted(paths.rootfs.string()), errno);
    auto openInRoot = [&](const std::string &relative) {
        open_how how{};
        how.flags = O_PATH | O_DIRECTORY | O_CLOEXEC;
        how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
        return static_cast<int>(::syscall(SYS_openat2, root, relative.empty() ? "." : relative.c_str(), &how, sizeof how));
    };
    std::string done;
    Status status;
    for (const auto &component : std::filesystem::path(path).relative_path()) {
        const std::string name = component.string();
        if (name.empty() || name == ".")
            continue;
        const std::string next = done.empty() ? name : done + "/" + name;
        int fd = openInRoot(next);
        if (fd < 0 && errno == ENOENT) {
            const int parent = openInRoot(done);
            if (parent < 0) {
                status = failErrno("creating the working directory " + backquoted(path) + " in the container", errno);
                break;
            }
            // mkdirat never follows a symbolic link in its last component.
            const int made = ::mkdirat(parent, name.c_str(), 0755);
            const int error = errno;
            ::close(parent);
            if (made != 0 && error != EEXIST) {
                status = failErrno("creating the working directory " + backquoted(path) + " in the container", error);
                break;
            }
            fd = openInRoot(next);
        }
        if (fd < 0) {
            status = failErrno("creating the working directory " + backquoted(path) + " in the container (" +
                                   backquoted("/" + next) + " is not a directory)",
                               errno);
            break;
        }
        ::close(fd);
        done = next;
    }
    ::close(root);
    return status;
}

Status writeContainerSpec(const ContainerPaths &paths, const nlohmann::json &spec)
{
    const auto temporary = paths.spec.string() + ".tmp";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return failErrno("writing " + backquoted(temporary), errno);
    const std::string text = spec.dump(2) + "\n";
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t got = ::write(fd, text.data() + written, text.size() - written);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            const int error = errno;
            ::close(fd);
            ::unlink(temporary.c_str());
            return failErrno("writing " + backquoted(temporary), error);
        }
        written += static_cast<std::size_t>(got);
    }
    // No fsync: the rename alone keeps a killed helper from leaving half a spec, and the
    // spec is written afresh from the container's record at every start, so one lost to a
    // power cut costs nothing.
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        return failErrno("writing " + backquoted(temporary), error);
    }
    if (::rename(temporary.c_str(), paths.spec.c_str()) != 0)
        return failErrno("writing " + backquoted(paths.spec.string()), errno);
    return {};
}

Status removeContainerDirectory(const ContainerPaths &paths)
{
    if (auto unmounted = unmountContainerRootfs(paths); !unmounted)
        return unmounted;
    const std::filesystem::path removing = paths.directory.string() + std::string(removingSuffix);
    if (::rename(paths.directory.c_str(), removing.c_str()) != 0 && errno != ENOENT)
        return failErrno("removing " + backquoted(paths.directory.string()), errno);
    return removeTree(removing);
}

void removeLeftoverContainerDirectories(const std::filesystem::path &storageRoot, const std::vector<std::string> &knownIds)
{
    std::error_code error;
    for (const auto &entry : std::filesystem::directory_iterator(storageRoot / "containers", error)) {
        const std::string name = entry.path().filename().string();
        std::string id = name;
        for (auto suffix : {creatingSuffix, removingSuffix}) {
            if (id.ends_with(suffix))
                id.resize(id.size() - suffix.size());
        }
        if (id == name && std::ranges::find(knownIds, id) != knownIds.end())
            continue;
        ContainerPaths paths = ContainerPaths::of(storageRoot, id);
        paths.directory = entry.path();
        paths.rootfs = entry.path() / "rootfs";
        (void)unmountContainerRootfs(paths);
        if (!isContainerRootfsMounted(paths))
            (void)removeTree(entry.path());
    }
}

} // namespace berth::container

#include "engine/runtime/rootfs.h"

#include "engine/runtime/linux_calls.h"

#include <fcntl.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <filesystem>
#include <fstream>

namespace berth::runtime {

namespace {

struct FlagOption {
    std::string_view name;
    unsigned long set;
    unsigned long clear;
};

constexpr std::array flagOptions{
    FlagOption{"ro", MS_RDONLY, 0},
    FlagOption{"rw", 0, MS_RDONLY},
    FlagOption{"nosuid", MS_NOSUID, 0},
    FlagOption{"suid", 0, MS_NOSUID},
    FlagOption{"nodev", MS_NODEV, 0},
    FlagOption{"dev", 0, MS_NODEV},
    FlagOption{"noexec", MS_NOEXEC, 0},
    FlagOption{"exec", 0, MS_NOEXEC},
    FlagOption{"sync", MS_SYNCHRONOUS, 0},
    FlagOption{"async", 0, MS_SYNCHRONOUS},
    FlagOption{"dirsync", MS_DIRSYNC, 0},
    FlagOption{"mand", MS_MANDLOCK, 0},
    FlagOption{"nomand", 0, MS_MANDLOCK},
    FlagOption{"noatime", MS_NOATIME, 0},
    FlagOption{"atime", 0, MS_NOATIME},
    FlagOption{"nodiratime", MS_NODIRATIME, 0},
    FlagOption{"diratime", 0, MS_NODIRATIME},
    FlagOption{"relatime", MS_RELATIME, 0},
    FlagOption{"norelatime", 0, MS_RELATIME},
    FlagOption{"strictatime", MS_STRICTATIME, 0},
    FlagOption{"nostrictatime", 0, MS_STRICTATIME},
    FlagOption{"bind", MS_BIND, 0},
    FlagOption{"rbind", MS_BIND | MS_REC, 0},
    FlagOption{"remount", MS_REMOUNT, 0},
    FlagOption{"silent", MS_SILENT, 0},
    FlagOption{"loud", 0, MS_SILENT},
};

using PropagationOption = std::pair<std::string_view, unsigned long>;
constexpr std::array propagationOptions{
    PropagationOption{"private", MS_PRIVATE},
    PropagationOption{"rprivate", MS_PRIVATE | MS_REC},
    PropagationOption{"shared", MS_SHARED},
    PropagationOption{"rshared", MS_SHARED | MS_REC},
    PropagationOption{"slave", MS_SLAVE},
    PropagationOption{"rslave", MS_SLAVE | MS_REC},
    PropagationOption{"unbindable", MS_UNBINDABLE},
    PropagationOption{"runbindable", MS_UNBINDABLE | MS_REC},
};

// Flags the kernel locks on a mount made by another user namespace: a bind remount must
// repeat them or it fails with EPERM.
unsigned long lockedFlagsOf(const std::string &path)
{
    struct statvfs info {};
    if (::statvfs(path.c_str(), &info) != 0)
        return 0;
    unsigned long flags = 0;
    if (info.f_flag & ST_NOSUID)
        flags |= MS_NOSUID;
    if (info.f_flag & ST_NODEV)
        flags |= MS_NODEV;
    if (info.f_flag & ST_NOEXEC)
        flags |= MS_NOEXEC;
    if (info.f_flag & ST_NOATIME)
        flags |= MS_NOATIME;
    if (info.f_flag & ST_NODIRATIME)
        flags |= MS_NODIRATIME;
    if (info.f_flag & ST_RELATIME)
        flags |= MS_RELATIME;
    return flags;
}

Status mountCall(const char *source, const std::string &target, const char *type, unsigned long flags,
                 const std::string &data, const std::string &what)
{
    if (::mount(source, target.c_str(), type, flags, data.empty() ? nullptr : data.c_str()) != 0)
        return failErrno(what, errno);
    return {};
}

// Creates every missing directory of `path` inside the root, then the last component as a
// directory or an empty file, and returns it opened O_PATH. Each step is resolved by the
// kernel inside the root, so a symbolic link planted in the image cannot redirect it.
Result<UniqueFd> createInRoot(int rootFd, const std::string &path, bool asDirectory)
{
    std::filesystem::path target(path);
    std::filesystem::path walked = "/";
    auto last = std::prev(target.end());
    for (auto part = target.begin(); part != target.end(); ++part) {
        if (part->empty() || *part == "/" || *part == ".")
            continue;
        std::filesystem::path next = walked / *part;
        const bool isLast = part == last;
        auto existing = openInRoot(rootFd, next.string(), O_PATH);
        if (!existing) {
            if (existing.error().systemErrno() != ENOENT)
                return std::unexpected(existing.error());
            auto parent = openInRoot(rootFd, walked.string(), O_PATH | O_DIRECTORY);
            if (!parent)
                return std::unexpected(parent.error());
            const std::string name = part->string();
            if (!isLast || asDirectory) {
                if (::mkdirat(parent->get(), name.c_str(), 0755) != 0 && errno != EEXIST)
                    return failErrno("creating " + backquoted(next.string()) + " in the container", errno);
            } else {
                const int fd = ::openat(parent->get(), name.c_str(), O_CREAT | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0644);
                if (fd < 0 && errno != EEXIST)
                    return failErrno("creating " + backquoted(next.string()) + " in the container", errno);
                if (fd >= 0)
                    ::close(fd);
            }
        }
        walked = next;
    }
    return openInRoot(rootFd, walked.string(), O_PATH);
}

bool isBindMount(const MountSpec &mount, const MountOptions &options)
{
    return mount.type == "bind" || (options.flags & MS_BIND);
}

// v1 hosts: a read-only tmpfs at /sys/fs/cgroup with this container's directory of each
// hierarchy bound under it, as runc and Docker show it.
Status mountLegacyCgroupTree(int rootFd, const MountSpec &mount, const MountOptions &options, const Cgroup *cgroup)
{
    auto destination = createInRoot(rootFd, mount.destination, true);
    if (!destination)
        return std::unexpected(destination.error());
    const unsigned long baseFlags = MS_NOSUID | MS_NODEV | MS_NOEXEC;
    if (auto mounted = mountCall("tmpfs", procFdPath(destination->get()), "tmpfs", baseFlags, "mode=755",
                                 "mounting a tmpfs at " + backquoted(mount.destination));
        !mounted)
        return mounted;
    if (cgroup) {
        for (const auto &source : cgroup->mountSources()) {
            std::string inside = mount.destination + "/" + source.name;
            auto directory = createInRoot(rootFd, inside, true);
            if (!directory)
                return std::unexpected(directory.error());
            std::error_code ignored;
            if (!std::filesystem::is_directory(source.hostDirectory, ignored))
                continue;
            if (auto bound = mountCall(source.hostDirectory.c_str(), procFdPath(directory->get()), nullptr,
                                       MS_BIND | MS_REC, {}, "binding the cgroup " + backquoted(source.name));
                !bound)
                return bound;
            auto reopened = openInRoot(rootFd, inside, O_PATH);
            if (!reopened)
                return std::unexpected(reopened.error());
            const std::string reopenedPath = procFdPath(reopened->get());
            if (auto remounted = mountCall(nullptr, reopenedPath, nullptr,
                                           MS_BIND | MS_REMOUNT | baseFlags | (options.flags & MS_RDONLY) |
                                               lockedFlagsOf(reopenedPath),
                                           {}, "making the cgroup " + backquoted(source.name) + " read-only");
                !remounted)
                return remounted;
            // cpu,cpuacct is also reachable as cpu and cpuacct, as on the host.
            if (source.name.find(',') != std::string::npos) {
                auto parent = openInRoot(rootFd, mount.destination, O_PATH | O_DIRECTORY);
                if (!parent)
                    return std::unexpected(parent.error());
                std::string_view names(source.name);
                while (!names.empty()) {
                    auto comma = names.find(',');
                    std::string single(names.substr(0, comma));
                    if (::symlinkat(source.name.c_str(), parent->get(), single.c_str()) != 0 && errno != EEXIST)
                        return failErrno("linking cgroup " + backquoted(single), errno);
                    names = comma == std::string_view::npos ? std::string_view() : names.substr(comma + 1);
                }
            }
        }
    }
    if (options.flags & MS_RDONLY) {
        auto reopened = openInRoot(rootFd, mount.destination, O_PATH);
        if (!reopened)
            return std::unexpected(reopened.error());
        return mountCall(nullptr, procFdPath(reopened->get()), nullptr, MS_REMOUNT | MS_RDONLY | baseFlags, "mode=755",
                         "making " + backquoted(mount.destination) + " read-only");
    }
    return {};
}

Status mountOne(int rootFd, const RuntimeSpec &spec, const MountSpec &mount, const CgroupLayout &layout,
                const Cgroup *cgroup)
{
    MountOptions options = parseMountOptions(mount.options);
    const bool bind = isBindMount(mount, options);
    std::string type = mount.type;
    if (type == "cgroup" || type == "cgroup2") {
        if (layout.mode != CgroupMode::V2)
            return mountLegacyCgroupTree(rootFd, mount, options, cgroup);
        type = "cgroup2";
    }
    bool sourceIsDirectory = true;
    if (bind) {
        struct stat info {};
        if (::stat(mount.source.c_str(), &info) != 0)
            return failErrno("the bind mount source " + backquoted(mount.source) + " for " +
                                 backquoted(mount.destination) + " does not exist or cannot be reached",
                             errno);
        sourceIsDirectory = S_ISDIR(info.st_mode);
    }
    auto destination = createInRoot(rootFd, mount.destination, sourceIsDirectory);
    if (!destination)
        return std::unexpected(destination.error());
    const std::string target = procFdPath(destination->get());
    unsigned long flags = options.flags & ~MS_REMOUNT;
    const char *source = mount.source.empty() ? type.c_str() : mount.source.c_str();
    if (bind) {
        if (auto bound = mountCall(source, target, nullptr, MS_BIND | (flags & MS_REC), {},
                                   "binding " + backquoted(mount.source) + " at " + backquoted(mount.destination));
            !bound)
            return bound;
    } else {
        auto mounted = mountCall(source, target, type.c_str(), flags, options.data,
                                 "mounting " + type + " at " + backquoted(mount.destination));
        // Without its own network namespace a container may not mount sysfs: show the
        // host's, read-only, as runc does.
        if (!mounted && type == "sysfs" && mounted.error().systemErrno() == EPERM &&
            !spec.hasNamespace(CLONE_NEWNET)) {
            mounted = mountCall("/sys", target, nullptr, MS_BIND | MS_REC, {}, "binding the host's /sys");
            if (mounted)
                flags |= MS_BIND | MS_RDONLY;
        }
        if (!mounted)
            return mounted;
    }
    // A bind mount takes its flags only from a second, remounting call; so does a read-only
    // sysfs bound from the host.
    const unsigned long remountable = MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_NOATIME | MS_NODIRATIME |
                                      MS_RELATIME | MS_STRICTATIME;
    if ((bind || (flags & MS_BIND)) && (flags & remountable)) {
        auto reopened = openInRoot(rootFd, mount.destination, O_PATH);
        if (!reopened)
            return std::unexpected(reopened.error());
        const std::string path = procFdPath(reopened->get());
        if (auto remounted = mountCall(nullptr, path, nullptr,
                                       MS_BIND | MS_REMOUNT | (flags & remountable) | lockedFlagsOf(path), {},
                                       "applying options to " + backquoted(mount.destination));
            !remounted)
            return remounted;
    }
    if (options.propagation) {
        auto reopened = openInRoot(rootFd, mount.destination, O_PATH);
        if (!reopened)
            return std::unexpected(reopened.error());
        if (auto propagated = mountCall(nullptr, procFdPath(reopened->get()), nullptr, options.propagation, {},
                                        "setting propagation of " + backquoted(mount.destination));
            !propagated)
            return propagated;
    }
    return {};
}

struct DefaultDevice {
    const char *path;
    unsigned major;
    unsigned minor;
};

// The devices every OCI container has (runtime-spec "Default Devices").
constexpr std::array defaultDevices{
    DefaultDevice{"/dev/null", 1, 3},   DefaultDevice{"/dev/zero", 1, 5},    DefaultDevice{"/dev/full", 1, 7},
    DefaultDevice{"/dev/random", 1, 8}, DefaultDevice{"/dev/urandom", 1, 9}, DefaultDevice{"/dev/tty", 5, 0},
};

Status createDevice(int rootFd, const DeviceSpec &device, bool inUserNamespace)
{
    std::filesystem::path path(device.path);
    auto parent = createInRoot(rootFd, path.parent_path().string(), true);
    if (!parent)
        return std::unexpected(parent.error());
    auto parentDirectory = openInRoot(rootFd, path.parent_path().string(), O_PATH | O_DIRECTORY);
    if (!parentDirectory)
        return std::unexpected(parentDirectory.error());
    const std::string name = path.filename().string();
    ::unlinkat(parentDirectory->get(), name.c_str(), 0);
    if (inUserNamespace) {
        // mknod is not allowed in a user namespace: bind the host's node instead.
        auto file = createInRoot(rootFd, device.path, false);
        if (!file)
            return std::unexpected(file.error());
        return mountCall(device.path.c_str(), procFdPath(file->get()), nullptr, MS_BIND, {},
                         "binding the device " + backquoted(device.path));
    }
    mode_t type = S_IFCHR;
    if (device.type == 'b')
        type = S_IFBLK;
    else if (device.type == 'p')
        type = S_IFIFO;
    const dev_t number = makedev(static_cast<unsigned>(device.major), static_cast<unsigned>(device.minor));
    if (::mknodat(parentDirectory->get(), name.c_str(), type | (device.fileMode & 07777), number) != 0)
        return failErrno("creating the device " + backquoted(device.path), errno);
    // mknod applies the umask; the spec's mode is exact.
    if (::fchmodat(parentDirectory->get(), name.c_str(), device.fileMode & 07777, 0) != 0 ||
        ::fchownat(parentDirectory->get(), name.c_str(), device.uid, device.gid, AT_SYMLINK_NOFOLLOW) != 0)
        return failErrno("setting owner and mode of " + backquoted(device.path), errno);
    return {};
}

Status populateDev(int rootFd, const RuntimeSpec &spec)
{
    const bool inUserNamespace = spec.hasNamespace(CLONE_NEWUSER);
    for (const auto &device : defaultDevices) {
        bool overridden = false;
        for (const auto &given : spec.linuxConfig.devices)
            overridden = overridden || given.path == device.path;
        if (overridden)
            continue;
        DeviceSpec spec_;
        spec_.path = device.path;
        spec_.major = device.major;
        spec_.minor = device.minor;
        spec_.fileMode = 0666;
        if (auto created = createDevice(rootFd, spec_, inUserNamespace); !created)
            return created;
    }
    for (const auto &device : spec.linuxConfig.devices) {
        if (auto created = createDevice(rootFd, device, inUserNamespace); !created)
            return created;
    }
    auto dev = openInRoot(rootFd, "/dev", O_PATH | O_DIRECTORY);
    if (!dev)
        return std::unexpected(dev.error());
    constexpr std::array links{
        std::pair{"/proc/self/fd", "fd"},          std::pair{"/proc/self/fd/0", "stdin"},
        std::pair{"/proc/self/fd/1", "stdout"},    std::pair{"/proc/self/fd/2", "stderr"},
        std::pair{"pts/ptmx", "ptmx"},
    };
    for (const auto &[target, name] : links) {
        ::unlinkat(dev->get(), name, 0);
        if (::symlinkat(target, dev->get(), name) != 0)
            return failErrno(std::string("linking /dev/") + name, errno);
    }
    return {};
}

bool specMountsDevTmpfs(const RuntimeSpec &spec)
{
    for (const auto &mount : spec.mounts) {
        if (mount.destination == "/dev" && mount.type != "bind")
            return true;
    }
    return false;
}

Status writeSysctl(const std::string &key, const std::string &value)
{
    // net.ipv4.ip_forward → /proc/sys/net/ipv4/ip_forward
    std::string relative = key;
    std::ranges::replace(relative, '.', '/');
    const std::string path = "/proc/sys/" + relative;
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return failErrno("setting sysctl " + backquoted(key) + " (does this kernel have it, and is it namespaced?)",
                         errno);
    UniqueFd owned(fd);
    if (::write(fd, value.data(), value.size()) != static_cast<ssize_t>(value.size()))
        return failErrno("setting sysctl " + backquoted(key) + " to " + backquoted(value), errno);
    return {};
}

} // namespace

MountOptions parseMountOptions(const std::vector<std::string> &options)
{
    MountOptions parsed;
    for (const auto &option : options) {
        bool known = false;
        for (const auto &flag : flagOptions) {
            if (option == flag.name) {
                parsed.flags = (parsed.flags | flag.set) & ~flag.clear;
                parsed.clearedFlags |= flag.clear;
                known = true;
            }
        }
        for (const auto &[name, propagation] : propagationOptions) {
            if (option == name) {
                parsed.propagation = propagation;
                known = true;
            }
        }
        if (!known) {
            if (!parsed.data.empty())
                parsed.data += ',';
            parsed.data += option;
        }
    }
    return parsed;
}

Status mountContainerFilesystems(const RuntimeSpec &spec, const CgroupLayout &layout, const Cgroup *cgroup)
{
    // Nothing done in here may reach the host's mount table.
    unsigned long rootPropagation = MS_SLAVE | MS_REC;
    if (spec.linuxConfig.rootfsPropagation == "private" || spec.linuxConfig.rootfsPropagation == "rprivate")
        rootPropagation = MS_PRIVATE | MS_REC;
    // Under a chroot "/" is no mount point (EINVAL); then the root's own bind mount below is
    // what keeps the container's mounts from reaching the host.
    const bool rootIsolated = ::mount(nullptr, "/", nullptr, rootPropagation, nullptr) == 0;
    if (!rootIsolated && errno != EINVAL)
        return failErrno("isolating the mount table", errno);
    const std::string root = spec.rootPath.string();
    if (auto bound = mountCall(root.c_str(), root, nullptr, MS_BIND | MS_REC, {},
                               "binding the root filesystem " + backquoted(root));
        !bound)
        return bound;
    if (!rootIsolated) {
        if (auto made = mountCall(nullptr, root, nullptr, rootPropagation, {}, "isolating the root filesystem's mounts");
            !made)
            return made;
    }
    const int rootFd = ::open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (rootFd < 0)
        return failErrno("opening the root filesystem " + backquoted(root), errno);
    UniqueFd ownedRoot(rootFd);
    for (const auto &mount : spec.mounts) {
        if (auto mounted = mountOne(rootFd, spec, mount, layout, cgroup); !mounted)
            return mounted;
    }
    if (specMountsDevTmpfs(spec)) {
        if (auto populated = populateDev(rootFd, spec); !populated)
            return populated;
    }
    return {};
}

Status enterContainerRoot(const RuntimeSpec &spec)
{
    const std::string root = spec.rootPath.string();
    if (::chdir(root.c_str()) != 0)
        return failErrno("entering the root filesystem " + backquoted(root), errno);
    // pivot_root(".", ".") stacks the old root under the new one; it is then detached.
    if (auto pivoted = pivotRoot(".", "."); !pivoted) {
        // Under a chroot the current root is no mount point and pivot_root refuses (EINVAL).
        // Then move the root's mount over "/" and chroot into it, as runc --no-pivot does:
        // the container sees the same tree, but only chroot separates it from the old root.
        if (pivoted.error().systemErrno() != EINVAL)
            return pivoted;
        if (auto moved = mountCall(root.c_str(), "/", nullptr, MS_MOVE, {}, "moving the root filesystem over /"); !moved)
            return moved;
        if (::chroot(".") != 0)
            return failErrno("changing root to the container's root filesystem", errno);
        if (::chdir("/") != 0)
            return failErrno("entering the container's root", errno);
        return {};
    }
    if (auto isolated = mountCall(nullptr, ".", nullptr, MS_SLAVE | MS_REC, {}, "isolating the old root"); !isolated)
        return isolated;
    if (::umount2(".", MNT_DETACH) != 0)
        return failErrno("detaching the host's root", errno);
    if (::chdir("/") != 0)
        return failErrno("entering the container's root", errno);
    return {};
}

Status finishContainerFilesystems(const RuntimeSpec &spec)
{
    for (const auto &[key, value] : spec.linuxConfig.sysctl) {
        if (auto written = writeSysctl(key, value); !written)
            return written;
    }
    for (const auto &path : spec.linuxConfig.maskedPaths) {
        struct stat info {};
        if (::lstat(path.c_str(), &info) != 0)
            continue; // masking what does not exist is nothing to do
        Status masked = S_ISDIR(info.st_mode)
                            ? mountCall("tmpfs", path, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC,
                                        "size=0,mode=0555", "masking " + backquoted(path))
                            : mountCall("/dev/null", path, nullptr, MS_BIND, {}, "masking " + backquoted(path));
        if (!masked)
            return masked;
    }
    for (const auto &path : spec.linuxConfig.readonlyPaths) {
        struct stat info {};
        if (::lstat(path.c_str(), &info) != 0)
            continue;
        if (auto bound = mountCall(path.c_str(), path, nullptr, MS_BIND | MS_REC, {}, "binding " + backquoted(path));
            !bound)
            return bound;
        if (auto remounted = mountCall(nullptr, path, nullptr,
                                       MS_BIND | MS_REMOUNT | MS_RDONLY | MS_REC | lockedFlagsOf(path), {},
                                       "making " + backquoted(path) + " read-only");
            !remounted)
            return remounted;
    }
    if (spec.rootReadonly) {
        if (auto remounted = mountCall(nullptr, "/", nullptr, MS_BIND | MS_REMOUNT | MS_RDONLY | lockedFlagsOf("/"),
                                       {}, "making the root filesystem read-only");
            !remounted)
            return remounted;
    }
    const auto &propagation = spec.linuxConfig.rootfsPropagation;
    if (!propagation.empty()) {
        MountOptions options = parseMountOptions({propagation});
        if (!options.propagation)
            return fail(ErrorCode::InvalidArgument, "linux.rootfsPropagation " + backquoted(propagation) +
                                                        " is not one of shared, slave, private, unbindable");
        if (auto set = mountCall(nullptr, "/", nullptr, options.propagation, {}, "setting the root's propagation"); !set)
            return set;
    }
    return {};
}

Result<UniqueFd> createContainerConsole(std::string &secondaryPath, bool bindConsole)
{
    const int primary = ::open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (primary < 0)
        return failErrno("opening /dev/ptmx in the container (does the spec mount devpts at /dev/pts?)", errno);
    UniqueFd owned(primary);
    if (::unlockpt(primary) != 0)
        return failErrno("unlocking the container's terminal", errno);
    char name[64];
    if (::ptsname_r(primary, name, sizeof name) != 0)
        return failErrno("naming the container's terminal", errno);
    secondaryPath = name;
    if (!bindConsole)
        return owned;
    // /dev/console is the terminal for programs that open it by name.
    const int console = ::open("/dev/console", O_CREAT | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (console >= 0)
        ::close(console);
    if (::mount(name, "/dev/console", nullptr, MS_BIND, nullptr) != 0)
        return failErrno("binding the terminal at /dev/console", errno);
    return owned;
}

} // namespace berth::runtime

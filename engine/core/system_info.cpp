#include "engine/core/system_info.h"

#include <linux/magic.h>
#include <seccomp.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <linux/seccomp.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace berth {

namespace {

std::string readFile(const std::filesystem::path &path)
{
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

std::string filesystemName(long type)
{
    switch (static_cast<unsigned long>(type)) {
    case EXT4_SUPER_MAGIC: return "ext4";
    case XFS_SUPER_MAGIC: return "xfs";
    case BTRFS_SUPER_MAGIC: return "btrfs";
    case TMPFS_MAGIC: return "tmpfs";
    case OVERLAYFS_SUPER_MAGIC: return "overlay";
    case 0x2fc12fc1: return "zfs";
    case 0x65735546: return "fuse";
    default: {
        std::ostringstream hex;
        hex << "0x" << std::hex << type;
        return hex.str();
    }
    }
}

Support userNamespaceSupport()
{
    const std::string max = readFile("/proc/sys/user/max_user_namespaces");
    if (max.empty())
        return {false, "the kernel has no user namespaces (CONFIG_USER_NS)"};
    const long count = std::strtol(max.c_str(), nullptr, 10);
    if (count <= 0)
        return {false, "disabled: /proc/sys/user/max_user_namespaces is 0"};
    std::string detail = "max " + std::to_string(count);
    // Debian's own switch for unprivileged user namespaces.
    const std::string unprivileged = readFile("/proc/sys/kernel/unprivileged_userns_clone");
    if (!unprivileged.empty() && unprivileged.front() == '0')
        detail += ", unprivileged use disabled";
    return {true, detail};
}

Support seccompSupport()
{
    if (prctl(PR_GET_SECCOMP, 0, 0, 0, 0) < 0 && errno == EINVAL)
        return {false, "the kernel has no seccomp (CONFIG_SECCOMP)"};
    // With a NULL filter the kernel answers EFAULT if filter mode exists, EINVAL if not.
    if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, nullptr, 0, 0) < 0 && errno == EFAULT)
        return {true, "filter mode"};
    return {false, "the kernel lacks seccomp filter mode (CONFIG_SECCOMP_FILTER)"};
}

} // namespace

std::string prettyNameFromOsRelease(std::string_view osRelease)
{
    std::istringstream lines{std::string(osRelease)};
    std::string line;
    while (std::getline(lines, line)) {
        if (!line.starts_with("PRETTY_NAME="))
            continue;
        std::string value = line.substr(12);
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
            value = value.substr(1, value.size() - 2);
        return value;
    }
    return "Linux";
}

SystemInfo collectSystemInfo(const std::filesystem::path &storageRoot)
{
    SystemInfo info;
    utsname names{};
    if (uname(&names) == 0) {
        info.kernelRelease = names.release;
        info.architecture = names.machine;
    }
    std::string osRelease = readFile("/etc/os-release");
    if (osRelease.empty())
        osRelease = readFile("/usr/lib/os-release");
    info.operatingSystem = prettyNameFromOsRelease(osRelease);
    info.cpus = static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN));
    struct sysinfo memory {};
    if (sysinfo(&memory) == 0)
        info.memoryBytes = static_cast<std::uint64_t>(memory.totalram) * memory.mem_unit;
    struct statvfs space {};
    if (statvfs(storageRoot.c_str(), &space) == 0) {
        info.storageFreeBytes = static_cast<std::uint64_t>(space.f_bavail) * space.f_frsize;
        info.storageTotalBytes = static_cast<std::uint64_t>(space.f_blocks) * space.f_frsize;
    }
    struct statfs filesystem {};
    if (statfs(storageRoot.c_str(), &filesystem) == 0)
        info.storageFilesystem = filesystemName(filesystem.f_type);
    info.cgroups = detectCgroupLayout();
    info.userNamespaces = userNamespaceSupport();
    info.seccomp = seccompSupport();
    const scmp_version *version = seccomp_version();
    if (version)
        info.libseccompVersion = std::to_string(version->major) + "." + std::to_string(version->minor) + "." +
                                 std::to_string(version->micro);
    return info;
}

Support probeOverlay(const std::filesystem::path &storageRoot)
{
    std::string pattern = (storageRoot / "overlay-probe-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
        return {false, std::string("cannot create a probe directory in the storage root: ") + std::strerror(errno)};
    const std::filesystem::path base = pattern;
    std::error_code ignored;
    for (const char *name : {"lower", "upper", "work", "merged"})
        std::filesystem::create_directory(base / name, ignored);
    const std::string options = "lowerdir=" + (base / "lower").string() + ",upperdir=" + (base / "upper").string() +
                                ",workdir=" + (base / "work").string();
    Support support;
    if (mount("overlay", (base / "merged").c_str(), "overlay", 0, options.c_str()) == 0) {
        umount2((base / "merged").c_str(), MNT_DETACH);
        support = {true, "overlay mounts work in the storage root"};
    } else if (errno == EPERM) {
        support = {false, "unknown: probing needs root"};
    } else if (errno == ENODEV) {
        support = {false, "the kernel has no overlay filesystem"};
    } else {
        support = {false, std::string("an overlay mount in the storage root failed: ") + std::strerror(errno)};
    }
    std::filesystem::remove_all(base, ignored);
    return support;
}

} // namespace berth

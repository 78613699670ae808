#include "engine/runtime/process_setup.h"

#include <grp.h>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>

namespace berth::runtime {

namespace {

constexpr std::string_view defaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

std::string describeLimit(std::uint64_t value)
{
    return value == RLIM_INFINITY ? std::string("unlimited") : std::to_string(value);
}

bool isExecutableFile(const std::string &path)
{
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) && (info.st_mode & 0111);
}

} // namespace

int lastCapability()
{
    std::ifstream file("/proc/sys/kernel/cap_last_cap");
    int last = CAP_LAST_CAP;
    if (file >> last)
        return last;
    return CAP_LAST_CAP;
}

Status applyRlimits(const std::vector<Rlimit> &rlimits, std::vector<std::string> &warnings)
{
    for (const auto &limit : rlimits) {
        rlimit wanted{limit.soft, limit.hard};
        if (::setrlimit(limit.resource, &wanted) == 0)
            continue;
        const int error = errno;
        rlimit current{};
        if (error != EPERM || ::getrlimit(limit.resource, &current) != 0 || limit.hard <= current.rlim_max)
            return failErrno("setting " + limit.name + " to " + describeLimit(limit.soft) + ":" +
                                 describeLimit(limit.hard),
                             error);
        rlimit clamped{std::min<rlim_t>(limit.soft, current.rlim_max), current.rlim_max};
        if (::setrlimit(limit.resource, &clamped) != 0)
            return failErrno("setting " + limit.name + " within this host's hard limit", errno);
        warnings.push_back(limit.name + " hard limit " + describeLimit(limit.hard) + " is above this host's " +
                           describeLimit(current.rlim_max) +
                           " and raising it needs CAP_SYS_RESOURCE, which this host does not give; using " +
                           describeLimit(clamped.rlim_cur) + ":" + describeLimit(clamped.rlim_max));
    }
    return {};
}

Status dropBoundingCapabilities(const CapabilitySets &capabilities)
{
    const int last = lastCapability();
    for (int capability = 0; capability <= last; ++capability) {
        if (std::ranges::find(capabilities.bounding, capability) != capabilities.bounding.end())
            continue;
        if (::prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0 && errno != EINVAL)
            return failErrno("dropping " + capabilityName(capability) + " from the bounding set", errno);
    }
    return {};
}

Status switchUser(const ProcessUser &user)
{
    if (::prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) != 0)
        return failErrno("keeping capabilities across the user switch", errno);
    if (::setgroups(user.additionalGids.size(), user.additionalGids.data()) != 0)
        return failErrno("setting the supplementary groups", errno);
    if (::setresgid(user.gid, user.gid, user.gid) != 0)
        return failErrno("switching to group " + std::to_string(user.gid), errno);
    if (::setresuid(user.uid, user.uid, user.uid) != 0)
        return failErrno("switching to user " + std::to_string(user.uid), errno);
    if (::prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0) != 0)
        return failErrno("resetting keep-capabilities", errno);
    if (user.umask)
        ::umask(*user.umask);
    return {};
}

Status applyCapabilities(const CapabilitySets &capabilities)
{
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[2] = {};
    auto fill = [&](const std::vector<int> &set, __u32 __user_cap_data_struct::*field) {
        for (int capability : set) {
            if (capability < 0 || capability >= 64)
                continue;
            data[capability / 32].*field |= 1u << (capability % 32);
        }
    };
    fill(capabilities.effective, &__user_cap_data_struct::effective);
    fill(capabilities.permitted, &__user_cap_data_struct::permitted);
    fill(capabilities.inheritable, &__user_cap_data_struct::inheritable);
    if (::syscall(SYS_capset, &header, data) != 0)
        return failErrno("setting the capabilities (is every effective one also permitted?)", errno);
    if (::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 && errno != EINVAL)
        return failErrno("clearing ambient capabilities", errno);
    for (int capability : capabilities.ambient) {
        // The kernel refuses an ambient capability that is not both permitted and inheritable.
        // Specs written by `runc spec` and `crun spec` list ambient ones without inheritable;
        // runc and crun skip those rather than fail, and so do we.
        const bool raisable = std::ranges::find(capabilities.permitted, capability) != capabilities.permitted.end() &&
                              std::ranges::find(capabilities.inheritable, capability) != capabilities.inheritable.end();
        if (!raisable)
            continue;
        if (::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, capability, 0, 0) != 0)
            return failErrno("raising ambient " + capabilityName(capability), errno);
    }
    return {};
}

Result<std::string> findExecutable(const std::string &program, const std::vector<std::string> &env)
{
    if (program.find('/') != std::string::npos) {
        struct stat info {};
        if (::stat(program.c_str(), &info) != 0)
            return failErrno("the program " + backquoted(program) + " does not exist in the container", errno);
        if (!S_ISREG(info.st_mode) || !(info.st_mode & 0111))
            return fail(ErrorCode::InvalidArgument, "the program " + backquoted(program) + " is not an executable file");
        return program;
    }
    std::string_view path = defaultPath;
    for (const auto &entry : env) {
        if (entry.starts_with("PATH="))
            path = std::string_view(entry).substr(5);
    }
    while (true) {
        auto colon = path.find(':');
        std::string directory(path.substr(0, colon));
        if (directory.empty())
            directory = ".";
        std::string candidate = directory + "/" + program;
        if (isExecutableFile(candidate))
            return candidate;
        if (colon == std::string_view::npos)
            break;
        path = path.substr(colon + 1);
    }
    return fail(ErrorCode::NotFound, "the program " + backquoted(program) +
                                         " was not found in the container's PATH; give its full path or add it to the image");
}

} // namespace berth::runtime

#include "engine/core/cgroup_layout.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace berth {

namespace {

std::vector<std::string_view> splitFields(std::string_view line, char separator)
{
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    while (start <= line.size()) {
        const auto end = line.find(separator, start);
        const auto field = line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (!field.empty())
            fields.push_back(field);
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    return fields;
}

// mountinfo escapes spaces and such in paths as octal (\040).
std::string unescapeMountPath(std::string_view text)
{
    std::string out;
    for (std::size_t index = 0; index < text.size(); ++index) {
        if (text[index] == '\\' && index + 3 < text.size()) {
            const auto digits = text.substr(index + 1, 3);
            if (digits.size() == 3 && digits.find_first_not_of("01234567") == std::string_view::npos) {
                out += static_cast<char>((digits[0] - '0') * 64 + (digits[1] - '0') * 8 + (digits[2] - '0'));
                index += 3;
                continue;
            }
        }
        out += text[index];
    }
    return out;
}

// Legacy mount options name their controllers among generic options such as rw.
bool isGenericMountOption(std::string_view option)
{
    static constexpr std::string_view generic[] = {"rw", "ro", "nosuid", "nodev", "noexec", "relatime",
                                                   "noatime", "nodiratime", "strictatime", "clone_children",
                                                   "xattr", "noprefix", "cpuset_v2_mode", "nsdelegate",
                                                   "memory_recursiveprot", "favordynmods", "memory_localevents"};
    for (auto each : generic) {
        if (option == each)
            return true;
    }
    // name=systemd and the like are named hierarchies without a controller.
    return option.starts_with("release_agent=") || option.starts_with("name=");
}

} // namespace

std::string_view cgroupModeName(CgroupMode mode)
{
    switch (mode) {
    case CgroupMode::None: return "none";
    case CgroupMode::V1: return "v1";
    case CgroupMode::Hybrid: return "hybrid";
    case CgroupMode::V2: return "v2";
    }
    return "none";
}

CgroupLayout parseCgroupLayout(std::string_view mountinfo, const std::filesystem::path &cgroupRoot)
{
    CgroupLayout layout;
    bool unifiedAtRoot = false;
    for (auto line : splitFields(mountinfo, '\n')) {
        // "36 25 0:31 / /sys/fs/cgroup/memory rw,nosuid - cgroup cgroup rw,memory"
        const auto separator = line.find(" - ");
        if (separator == std::string_view::npos)
            continue;
        const auto before = splitFields(line.substr(0, separator), ' ');
        const auto after = splitFields(line.substr(separator + 3), ' ');
        if (before.size() < 5 || after.size() < 3)
            continue;
        const std::filesystem::path mountPoint = unescapeMountPath(before[4]);
        // A chroot or container may show other cgroup mounts too (e.g. a bind of /sys
        // elsewhere); only the hierarchy at the cgroup root is this system's.
        const auto relative = mountPoint.lexically_relative(cgroupRoot);
        if (relative.empty() || *relative.begin() == "..")
            continue;
        const auto fsType = after[0];
        if (fsType == "cgroup2") {
            if (mountPoint == cgroupRoot)
                unifiedAtRoot = true;
            if (layout.unifiedMountPoint.empty() || mountPoint == cgroupRoot)
                layout.unifiedMountPoint = mountPoint;
        } else if (fsType == "cgroup") {
            for (auto option : splitFields(after[2], ',')) {
                if (isGenericMountOption(option))
                    continue;
                const bool known = std::ranges::any_of(layout.v1Controllers,
                                                       [&](const auto &each) { return each.first == option; });
                if (!known)
                    layout.v1Controllers.emplace_back(std::string(option), mountPoint);
            }
        }
    }
    if (unifiedAtRoot)
        layout.mode = CgroupMode::V2;
    else if (!layout.v1Controllers.empty())
        layout.mode = layout.unifiedMountPoint.empty() ? CgroupMode::V1 : CgroupMode::Hybrid;
    else if (!layout.unifiedMountPoint.empty())
        layout.mode = CgroupMode::V2;
    if (layout.mode == CgroupMode::V2)
        layout.v1Controllers.clear();
    return layout;
}

void readUnifiedControllers(CgroupLayout &layout)
{
    layout.v2Controllers.clear();
    if (layout.unifiedMountPoint.empty())
        return;
    std::ifstream file(layout.unifiedMountPoint / "cgroup.controllers");
    std::string controller;
    while (file >> controller)
        layout.v2Controllers.push_back(controller);
}

CgroupLayout detectCgroupLayout()
{
    std::ifstream file("/proc/self/mountinfo");
    std::stringstream text;
    text << file.rdbuf();
    auto layout = parseCgroupLayout(text.str());
    readUnifiedControllers(layout);
    return layout;
}

} // namespace berth

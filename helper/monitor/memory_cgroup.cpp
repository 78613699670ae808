#include "helper/monitor/memory_cgroup.h"

#include "helper/monitor/plain_files.h"

#include <charconv>
#include <vector>

namespace berth::monitor {

namespace {

std::vector<std::string_view> split(std::string_view text, char separator)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = text.find(separator, start);
        parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    return parts;
}

bool hasToken(std::string_view list, std::string_view token)
{
    for (auto each : split(list, ','))
        if (each == token)
            return true;
    return false;
}

// mountinfo writes space, tab, newline and backslash in paths as \ooo.
std::string unescapeMountPath(std::string_view text)
{
    std::string path;
    for (std::size_t index = 0; index < text.size(); ++index) {
        if (text[index] == '\\' && index + 3 < text.size()) {
            const auto octal = text.substr(index + 1, 3);
            int value = 0;
            auto [end, error] = std::from_chars(octal.data(), octal.data() + octal.size(), value, 8);
            if (error == std::errc() && end == octal.data() + octal.size()) {
                path += static_cast<char>(value);
                index += 3;
                continue;
            }
        }
        path += text[index];
    }
    return path;
}

struct CgroupMount {
    std::string root;       ///< the hierarchy's directory shown at the mount point
    std::string mountPoint;
};

// The mount of the v1 hierarchy with the memory controller (memoryV1) or of cgroup2.
std::optional<CgroupMount> findMount(std::string_view mountinfo, bool memoryV1)
{
    for (auto line : split(mountinfo, '\n')) {
        const auto fields = split(line, ' ');
        std::size_t dash = 6;
        while (dash < fields.size() && fields[dash] != "-")
            ++dash;
        if (dash + 1 >= fields.size() || fields.size() < 5)
            continue;
        const auto fsType = fields[dash + 1];
        const bool wanted = memoryV1 ? fsType == "cgroup" && dash + 3 < fields.size() && hasToken(fields[dash + 3], "memory")
                                     : fsType == "cgroup2";
        if (wanted)
            return CgroupMount{unescapeMountPath(fields[3]), unescapeMountPath(fields[4])};
    }
    return std::nullopt;
}

std::string directoryOf(const CgroupMount &mount, std::string_view path)
{
    // A mount that shows only a subtree of the hierarchy: paths are below its root.
    if (mount.root != "/") {
        if (!path.starts_with(mount.root))
            return {};
        path.remove_prefix(mount.root.size());
    }
    return mount.mountPoint + std::string(path);
}

} // namespace

std::string oomCounterFile(std::string_view mountinfo, std::string_view procCgroup)
{
    std::optional<std::string_view> unifiedPath;
    for (auto line : split(procCgroup, '\n')) {
        const auto first = line.find(':');
        const auto second = first == std::string_view::npos ? first : line.find(':', first + 1);
        if (second == std::string_view::npos)
            continue;
        const auto controllers = line.substr(first + 1, second - first - 1);
        const auto path = line.substr(second + 1);
        if (controllers.empty()) {
            unifiedPath = path;
        } else if (hasToken(controllers, "memory")) {
            const auto mount = findMount(mountinfo, true);
            if (!mount)
                return {};
            const auto directory = directoryOf(*mount, path);
            return directory.empty() ? std::string() : directory + "/memory.oom_control";
        }
    }
    if (!unifiedPath)
        return {};
    const auto mount = findMount(mountinfo, false);
    if (!mount)
        return {};
    const auto directory = directoryOf(*mount, *unifiedPath);
    return directory.empty() ? std::string() : directory + "/memory.events";
}

std::string oomCounterFile(pid_t pid)
{
    const auto mountinfo = readSmallFile("/proc/self/mountinfo", 4 << 20);
    const auto cgroups = readSmallFile("/proc/" + std::to_string(pid) + "/cgroup");
    if (!mountinfo || !cgroups)
        return {};
    return oomCounterFile(*mountinfo, *cgroups);
}

std::optional<std::uint64_t> readOomKillCount(const std::string &counterFile)
{
    if (counterFile.empty())
        return std::nullopt;
    const auto content = readSmallFile(counterFile);
    if (!content)
        return std::nullopt;
    for (auto line : split(*content, '\n')) {
        constexpr std::string_view key = "oom_kill ";
        if (!line.starts_with(key))
            continue;
        line.remove_prefix(key.size());
        std::uint64_t count = 0;
        auto [end, error] = std::from_chars(line.data(), line.data() + line.size(), count);
        if (error == std::errc() && end == line.data() + line.size())
            return count;
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace berth::monitor

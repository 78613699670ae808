// Reads a container's isolation from /proc/<pid> and its cgroup files. Everything under
// /proc/<pid> is read through one directory descriptor opened first: should the process
// end and its pid be reused, reads through that descriptor fail (ESRCH) instead of
// describing the newcomer.
#include "container_isolation.h"

#include "engine/core/unique_fd.h"
#include "engine/runtime/oci_spec.h"

#include <QJsonArray>

#include <fcntl.h>
#include <sched.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <map>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

namespace berth::helper {

namespace {

constexpr std::array namespaceTypes{"mnt", "pid", "uts", "ipc", "net", "cgroup", "user"};
// A v1 memory limit at or above this is the kernel's "no limit" (PAGE_COUNTER_MAX pages).
constexpr std::uint64_t unlimitedMemory = std::uint64_t(1) << 62;

QString fromStd(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

Result<std::string> readAll(int fd, const std::string &what)
{
    std::string text;
    std::array<char, 8192> buffer{};
    for (;;) {
        const ssize_t count = ::read(fd, buffer.data(), buffer.size());
        if (count < 0 && errno == EINTR)
            continue;
        if (count < 0)
            return failErrno("reading " + what, errno);
        if (count == 0)
            return text;
        text.append(buffer.data(), std::size_t(count));
    }
}

Result<std::string> readAt(int directoryFd, const std::string &relative, const std::string &what)
{
    UniqueFd fd(::openat(directoryFd, relative.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd.valid())
        return failErrno("opening " + what, errno);
    return readAll(fd.get(), what);
}

Result<std::string> readPath(const std::string &path)
{
    return readAt(AT_FDCWD, path, path);
}

std::vector<std::string_view> splitLines(std::string_view text)
{
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const auto end = text.find('\n');
        lines.push_back(text.substr(0, end));
        if (end == std::string_view::npos)
            break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

std::vector<std::string_view> splitOn(std::string_view text, char separator)
{
    std::vector<std::string_view> parts;
    for (;;) {
        const auto end = text.find(separator);
        parts.push_back(text.substr(0, end));
        if (end == std::string_view::npos)
            return parts;
        text.remove_prefix(end + 1);
    }
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n'))
        text.remove_suffix(1);
    return text;
}

/// The "Key:\tvalue" lines of /proc/<pid>/status.
std::map<std::string, std::string, std::less<>> statusFields(std::string_view status)
{
    std::map<std::string, std::string, std::less<>> fields;
    for (auto line : splitLines(status)) {
        const auto colon = line.find(':');
        if (colon != std::string_view::npos)
            fields.emplace(std::string(line.substr(0, colon)), std::string(trimmed(line.substr(colon + 1))));
    }
    return fields;
}

std::optional<std::uint64_t> parseNumber(std::string_view text, int base = 10)
{
    text = trimmed(text);
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
    if (error != std::errc() || end != text.data() + text.size() || text.empty())
        return std::nullopt;
    return value;
}

QJsonObject capabilitySet(std::string_view hexMask)
{
    const std::uint64_t mask = parseNumber(hexMask, 16).value_or(0);
    QJsonArray names;
    for (int bit = 0; bit < 64; ++bit) {
        if ((mask & (std::uint64_t(1) << bit)) == 0)
            continue;
        const std::string name = runtime::capabilityName(bit);
        names.append(name.empty() ? QStringLiteral("CAP_%1").arg(bit) : fromStd(name));
    }
    return {{QStringLiteral("Mask"), fromStd(hexMask)}, {QStringLiteral("Names"), names}};
}

/// "4026531840" out of "mnt:[4026531840]".
std::string namespaceInode(std::string_view link)
{
    const auto open = link.find('[');
    const auto close = link.rfind(']');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open)
        return std::string(link);
    return std::string(link.substr(open + 1, close - open - 1));
}

Result<std::string> readLinkAt(int directoryFd, const std::string &relative, const std::string &what)
{
    std::array<char, 256> buffer{};
    const ssize_t length = ::readlinkat(directoryFd, relative.c_str(), buffer.data(), buffer.size() - 1);
    if (length < 0)
        return failErrno("reading " + what, errno);
    return std::string(buffer.data(), std::size_t(length));
}

/// The hostname in the uts namespace of the process: a short-lived thread joins that
/// namespace (a uts namespace is per thread, so the helper's other threads stay in the
/// host's) and asks uname.
Result<std::string> hostnameIn(int processFd, pid_t pid)
{
    UniqueFd uts(::openat(processFd, "ns/uts", O_RDONLY | O_CLOEXEC));
    if (!uts.valid())
        return failErrno("opening /proc/" + std::to_string(pid) + "/ns/uts", errno);
    std::string hostname;
    int error = 0;
    std::thread reader([&] {
        if (::setns(uts.get(), CLONE_NEWUTS) != 0) {
            error = errno;
            return;
        }
        struct utsname names {};
        if (::uname(&names) != 0) {
            error = errno;
            return;
        }
        hostname = names.nodename;
    });
    reader.join();
    if (error != 0)
        return failErrno("joining the uts namespace of process " + std::to_string(pid) + " to read its hostname", error);
    return hostname;
}

/// mountinfo escapes blanks, tabs, newlines and backslashes as \ooo.
QString unescapeMountField(std::string_view field)
{
    std::string text;
    for (std::size_t index = 0; index < field.size(); ++index) {
        if (field[index] == '\\' && index + 3 < field.size()) {
            if (auto value = parseNumber(field.substr(index + 1, 3), 8); value && *value < 256) {
                text.push_back(char(*value));
                index += 3;
                continue;
            }
        }
        text.push_back(field[index]);
    }
    return QString::fromStdString(text);
}

/// The process's mounts from its mountinfo (mount points as seen from its own root), the
/// root first and the rest in the kernel's order.
QJsonArray mounts(std::string_view mountinfo)
{
    QJsonArray root;
    QJsonArray others;
    for (auto line : splitLines(mountinfo)) {
        const auto separator = line.find(" - ");
        if (separator == std::string_view::npos)
            continue;
        const auto before = splitOn(line.substr(0, separator), ' ');
        const auto after = splitOn(line.substr(separator + 3), ' ');
        if (before.size() < 6 || after.size() < 2)
            continue;
        QJsonObject mount{{QStringLiteral("MountPoint"), unescapeMountField(before[4])},
                          {QStringLiteral("Root"), unescapeMountField(before[3])},
                          {QStringLiteral("Options"), fromStd(before[5])},
                          {QStringLiteral("FsType"), fromStd(after[0])},
                          {QStringLiteral("Source"), unescapeMountField(after[1])},
                          {QStringLiteral("ReadOnly"), before[5] == "ro" || before[5].starts_with("ro,")}};
        if (before[4] == "/" && root.isEmpty())
            root.append(mount);
        else
            others.append(mount);
    }
    for (const auto &mount : others)
        root.append(mount);
    return root;
}

// ---- cgroup ---------------------------------------------------------------------------

/// One line of /proc/<pid>/cgroup: "id:controller,controller:path" (v2: "0::path").
struct CgroupMembership {
    std::vector<std::string> controllers;
    std::string path;
};

std::vector<CgroupMembership> cgroupMemberships(std::string_view text)
{
    std::vector<CgroupMembership> memberships;
    for (auto line : splitLines(text)) {
        const auto first = line.find(':');
        const auto second = first == std::string_view::npos ? first : line.find(':', first + 1);
        if (second == std::string_view::npos)
            continue;
        CgroupMembership membership;
        for (auto controller : splitOn(line.substr(first + 1, second - first - 1), ','))
            if (!controller.empty())
                membership.controllers.emplace_back(controller);
        membership.path = std::string(line.substr(second + 1));
        memberships.push_back(std::move(membership));
    }
    return memberships;
}

/// The directory of the process's cgroup that holds `controller`'s files: its v1 hierarchy,
/// or the unified one when the controller lives there (v2, or a hybrid host's cgroup2 part).
std::optional<std::string> controllerDirectory(const std::vector<CgroupMembership> &memberships,
                                               const CgroupLayout &layout, std::string_view controller)
{
    for (const auto &[name, mountPoint] : layout.v1Controllers) {
        if (name != controller)
            continue;
        for (const auto &membership : memberships)
            if (std::ranges::find(membership.controllers, name) != membership.controllers.end())
                return mountPoint.string() + membership.path;
    }
    if (layout.unifiedMountPoint.empty())
        return std::nullopt;
    for (const auto &membership : memberships)
        if (membership.controllers.empty())
            return layout.unifiedMountPoint.string() + membership.path;
    return std::nullopt;
}

/// Reads the memory, CPU and pids limits in force, and lists each file read with its value.
QJsonObject cgroupLimits(std::string_view cgroupText, const CgroupLayout &layout)
{
    const auto memberships = cgroupMemberships(cgroupText);
    QJsonObject cgroup{{QStringLiteral("Mode"), fromStd(cgroupModeName(layout.mode))}};
    QJsonArray files;
    // A present file's trimmed content, recorded for the person to see.
    auto read = [&](std::string_view controller, const std::string &file) -> std::optional<std::string> {
        auto directory = controllerDirectory(memberships, layout, controller);
        if (!directory)
            return std::nullopt;
        auto text = readPath(*directory + "/" + file);
        if (!text)
            return std::nullopt;
        std::string value(trimmed(*text));
        files.append(QJsonObject{{QStringLiteral("File"), fromStd(*directory + "/" + file)},
                                 {QStringLiteral("Value"), fromStd(value)}});
        return value;
    };
    // -1 stands for "no limit" in every field below.
    auto limitValue = [](const std::optional<std::string> &text) -> qint64 {
        if (!text || *text == "max")
            return -1;
        auto number = parseNumber(*text);
        return number && *number < unlimitedMemory ? qint64(*number) : -1;
    };
    for (const auto &membership : memberships)
        if (std::ranges::find(membership.controllers, "memory") != membership.controllers.end() ||
            (layout.mode == CgroupMode::V2 && membership.controllers.empty()))
            cgroup[QStringLiteral("Path")] = fromStd(membership.path);

    const bool memoryOnV1 = std::ranges::any_of(layout.v1Controllers, [](const auto &each) { return each.first == "memory"; });
    if (memoryOnV1) {
        cgroup[QStringLiteral("MemoryLimit")] = limitValue(read("memory", "memory.limit_in_bytes"));
        // v1 counts memory and swap together.
        cgroup[QStringLiteral("MemorySwapLimit")] = limitValue(read("memory", "memory.memsw.limit_in_bytes"));
    } else {
        cgroup[QStringLiteral("MemoryLimit")] = limitValue(read("memory", "memory.max"));
        const qint64 swap = limitValue(read("memory", "memory.swap.max"));
        const qint64 memory = cgroup[QStringLiteral("MemoryLimit")].toInteger();
        cgroup[QStringLiteral("MemorySwapLimit")] = swap < 0 || memory < 0 ? qint64(-1) : memory + swap;
    }

    const bool cpuOnV1 = std::ranges::any_of(layout.v1Controllers, [](const auto &each) { return each.first == "cpu"; });
    if (cpuOnV1) {
        cgroup[QStringLiteral("CpuQuota")] = [&] {
            auto text = read("cpu", "cpu.cfs_quota_us");
            return text && !text->starts_with('-') ? limitValue(text) : qint64(-1);
        }();
        cgroup[QStringLiteral("CpuPeriod")] = limitValue(read("cpu", "cpu.cfs_period_us"));
        cgroup[QStringLiteral("CpuShares")] = limitValue(read("cpu", "cpu.shares"));
    } else {
        // cpu.max: "quota period", quota "max" when unlimited.
        if (auto text = read("cpu", "cpu.max")) {
            const auto parts = splitOn(*text, ' ');
            cgroup[QStringLiteral("CpuQuota")] = limitValue(std::string(parts[0]));
            cgroup[QStringLiteral("CpuPeriod")] = parts.size() > 1 ? limitValue(std::string(parts[1])) : qint64(-1);
        }
        cgroup[QStringLiteral("CpuWeight")] = limitValue(read("cpu", "cpu.weight"));
    }
    cgroup[QStringLiteral("PidsLimit")] = limitValue(read("pids", "pids.max"));
    cgroup[QStringLiteral("Files")] = files;
    return cgroup;
}

} // namespace

Result<QJsonObject> readIsolation(pid_t pid, const std::string &cgroupPath, const CgroupLayout &layout)
{
    const std::string procDirectory = "/proc/" + std::to_string(pid);
    UniqueFd process(::open(procDirectory.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!process.valid())
        return failErrno("opening " + procDirectory + " (the container's first process)", errno);
    auto cgroupText = readAt(process.get(), "cgroup", procDirectory + "/cgroup");
    if (!cgroupText)
        return std::unexpected(cgroupText.error());
    const auto memberships = cgroupMemberships(*cgroupText);
    if (std::ranges::none_of(memberships, [&](const auto &membership) { return membership.path == cgroupPath; }))
        return fail(ErrorCode::Conflict, "process " + std::to_string(pid) + " is not in the cgroup " + cgroupPath +
                                             "; the container has just stopped, look again once it runs");

    auto statusText = readAt(process.get(), "status", procDirectory + "/status");
    auto hostStatusText = readPath("/proc/1/status");
    if (!statusText)
        return std::unexpected(statusText.error());
    if (!hostStatusText)
        return std::unexpected(hostStatusText.error());
    const auto status = statusFields(*statusText);
    const auto hostStatus = statusFields(*hostStatusText);
    auto field = [](const auto &fields, std::string_view key) {
        auto found = fields.find(key);
        return found == fields.end() ? std::string() : found->second;
    };

    QJsonObject isolation{{QStringLiteral("Pid"), qint64(pid)}};
    // NSpid: the pid in each pid namespace it belongs to, the host's first, its own last.
    QJsonArray nspids;
    for (auto word : splitOn(field(status, "NSpid"), '\t'))
        if (auto number = parseNumber(word))
            nspids.append(qint64(*number));
    isolation[QStringLiteral("NSpid")] = nspids;
    isolation[QStringLiteral("PidInside")] = nspids.isEmpty() ? QJsonValue(qint64(pid)) : nspids.last();

    if (auto commandLine = readAt(process.get(), "cmdline", procDirectory + "/cmdline")) {
        // The arguments as a shell would take them back: quoted where they hold blanks.
        std::string_view arguments(*commandLine);
        if (arguments.ends_with('\0'))
            arguments.remove_suffix(1);
        std::string text;
        for (auto argument : splitOn(arguments, '\0')) {
            if (!text.empty())
                text += ' ';
            if (!argument.empty() && argument.find_first_of(" \t\n'\"$;&|<>*?()`\\") == std::string_view::npos) {
                text += argument;
                continue;
            }
            text += '\'';
            for (char character : argument)
                text += character == '\'' ? std::string("'\\''") : std::string(1, character);
            text += '\'';
        }
        isolation[QStringLiteral("Command")] = fromStd(text.substr(0, 400));
    }

    // The host's namespaces are PID 1's; where even root may not read those (a sandbox that
    // denies ptrace access to its init), the helper's own stand in: it runs in the host's.
    std::string hostProcess = "/proc/1/";
    if (::access("/proc/1/ns/mnt", F_OK) != 0 || !readLinkAt(AT_FDCWD, "/proc/1/ns/mnt", "/proc/1/ns/mnt"))
        hostProcess = "/proc/self/";
    isolation[QStringLiteral("HostNamespacesOf")] = fromStd(hostProcess.substr(0, hostProcess.size() - 1));
    QJsonArray namespaces;
    for (const char *type : namespaceTypes) {
        const std::string relative = std::string("ns/") + type;
        auto container = readLinkAt(process.get(), relative, procDirectory + "/" + relative);
        auto host = readLinkAt(AT_FDCWD, hostProcess + relative, hostProcess + relative);
        if (!container || !host)
            continue; // a kernel built without this kind of namespace
        namespaces.append(QJsonObject{{QStringLiteral("Type"), QString::fromLatin1(type)},
                                      {QStringLiteral("Container"), fromStd(namespaceInode(*container))},
                                      {QStringLiteral("Host"), fromStd(namespaceInode(*host))},
                                      {QStringLiteral("Shared"), *container == *host}});
    }
    isolation[QStringLiteral("Namespaces")] = namespaces;

    auto hostname = hostnameIn(process.get(), pid);
    if (!hostname)
        return std::unexpected(hostname.error());
    isolation[QStringLiteral("Hostname")] = fromStd(*hostname);
    std::array<char, 256> hostHostname{};
    if (::gethostname(hostHostname.data(), hostHostname.size() - 1) == 0)
        isolation[QStringLiteral("HostHostname")] = QString::fromUtf8(hostHostname.data());

    auto mountinfo = readAt(process.get(), "mountinfo", procDirectory + "/mountinfo");
    if (!mountinfo)
        return std::unexpected(mountinfo.error());
    isolation[QStringLiteral("Mounts")] = mounts(*mountinfo);
    if (auto hostMounts = readPath("/proc/1/mountinfo"))
        isolation[QStringLiteral("HostMountCount")] = qint64(std::ranges::count(*hostMounts, '\n'));

    isolation[QStringLiteral("Cgroup")] = cgroupLimits(*cgroupText, layout);

    isolation[QStringLiteral("Capabilities")] =
        QJsonObject{{QStringLiteral("Effective"), capabilitySet(field(status, "CapEff"))},
                    {QStringLiteral("Bounding"), capabilitySet(field(status, "CapBnd"))},
                    {QStringLiteral("Host"), capabilitySet(field(hostStatus, "CapBnd"))}};
    isolation[QStringLiteral("Seccomp")] = qint64(parseNumber(field(status, "Seccomp")).value_or(0));
    isolation[QStringLiteral("NoNewPrivs")] = field(status, "NoNewPrivs") == "1";

    // Last: a process that ended while we read would have failed one of the reads above,
    // but a zombie still answers; its status says so.
    if (field(status, "State").starts_with('Z'))
        return fail(ErrorCode::Conflict, "the container's first process has just ended; look again once it runs");
    return isolation;
}

} // namespace berth::helper

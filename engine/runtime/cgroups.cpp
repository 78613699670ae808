#include "engine/runtime/cgroups.h"

#include "engine/core/unique_fd.h"
#include "engine/runtime/cgroup_backends.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <thread>

namespace berth::runtime {

namespace {

constexpr std::uint64_t minimumCpuShares = 2;
constexpr std::uint64_t maximumCpuShares = 262144;
constexpr std::size_t maximumCgroupPathLength = 4096;

} // namespace

Status validateCgroupPath(std::string_view path)
{
    if (path.empty() || path.front() != '/')
        return fail(ErrorCode::InvalidArgument, "cgroup path " + backquoted(path) +
                                                    " is not absolute: give it from the hierarchy's root, such as `/berth/<id>`");
    if (path.size() > maximumCgroupPathLength)
        return fail(ErrorCode::InvalidArgument, "cgroup path " + backquoted(path.substr(0, 64)) + "… is " +
                                                    std::to_string(path.size()) + " bytes long, more than the " +
                                                    std::to_string(maximumCgroupPathLength) + " allowed");
    if (path == "/")
        return fail(ErrorCode::InvalidArgument,
                    "cgroup path `/` is the hierarchy's root, which a container must not take over: give a path below it");
    for (char each : path) {
        if (static_cast<unsigned char>(each) < 0x20 || each == 0x7f)
            return fail(ErrorCode::InvalidArgument,
                        "cgroup path " + backquoted(path) + " contains a control character: use printable names only");
    }
    std::size_t start = 1;
    while (start <= path.size()) {
        const auto end = path.find('/', start);
        const auto component = path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (component.empty())
            return fail(ErrorCode::InvalidArgument,
                        "cgroup path " + backquoted(path) + " has an empty component (`//` or a trailing `/`): remove it");
        if (component == "." || component == "..")
            return fail(ErrorCode::InvalidArgument, "invalid path component " + backquoted(component) + " in " +
                                                        backquoted(path) + ": a cgroup path must not leave its hierarchy");
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    return {};
}

std::uint64_t cpuWeightFromShares(std::uint64_t shares)
{
    if (shares <= minimumCpuShares)
        return 1;
    if (shares >= maximumCpuShares)
        return 10000;
    return 1 + ((shares - minimumCpuShares) * 9999) / (maximumCpuShares - minimumCpuShares);
}

Status CgroupResources::validate() const
{
    const auto checkMemory = [](const std::optional<std::int64_t> &value, std::string_view what) -> Status {
        if (value && *value < -1)
            return fail(ErrorCode::InvalidArgument, std::string(what) + " " + backquoted(std::to_string(*value)) +
                                                        " is negative: give bytes, or -1 for no limit");
        if (value && *value == 0)
            return fail(ErrorCode::InvalidArgument,
                        std::string(what) + " `0` would leave no memory at all: give bytes, or -1 for no limit");
        return {};
    };
    if (auto status = checkMemory(memoryLimitBytes, "memory limit"); !status)
        return status;
    if (auto status = checkMemory(memoryReservationBytes, "memory reservation"); !status)
        return status;
    if (auto status = checkMemory(memorySwapBytes, "memory+swap limit"); !status)
        return status;
    if (memorySwapBytes && *memorySwapBytes != -1 && memoryLimitBytes) {
        if (*memoryLimitBytes == -1)
            return fail(ErrorCode::InvalidArgument, "memory+swap limit " + backquoted(std::to_string(*memorySwapBytes)) +
                                                        " needs a memory limit too: give --memory, or -1 for the swap");
        if (*memorySwapBytes < *memoryLimitBytes)
            return fail(ErrorCode::InvalidArgument,
                        "memory+swap limit " + backquoted(std::to_string(*memorySwapBytes)) +
                            " is below the memory limit " + backquoted(std::to_string(*memoryLimitBytes)) +
                            ": it counts memory and swap together, so give at least the memory limit");
    }
    if (cpuShares && (*cpuShares < minimumCpuShares || *cpuShares > maximumCpuShares))
        return fail(ErrorCode::InvalidArgument, "cpu shares " + backquoted(std::to_string(*cpuShares)) +
                                                    " out of range: give a value from 2 to 262144 (1024 is the default)");
    if (cpuQuotaMicros && (*cpuQuotaMicros == 0 || *cpuQuotaMicros < -1))
        return fail(ErrorCode::InvalidArgument, "cpu quota " + backquoted(std::to_string(*cpuQuotaMicros)) +
                                                    " µs is not a quota: give a positive number, or -1 for none");
    if (cpuPeriodMicros && (*cpuPeriodMicros < 1000 || *cpuPeriodMicros > 1000000))
        return fail(ErrorCode::InvalidArgument, "cpu period " + backquoted(std::to_string(*cpuPeriodMicros)) +
                                                    " µs out of range: give 1000 to 1000000 (100000 is the default)");
    return {};
}

Result<std::unique_ptr<Cgroup>> openCgroup(const CgroupLayout &layout, std::string path)
{
    if (auto status = validateCgroupPath(path); !status)
        return std::unexpected(status.error());
    switch (layout.mode) {
    case CgroupMode::V2:
        if (layout.unifiedMountPoint.empty())
            return fail(ErrorCode::InvalidArgument, "the cgroup layout says v2 but names no cgroup2 mount point");
        return cgroupfs::makeUnifiedCgroup(layout, std::move(path));
    case CgroupMode::V1:
    case CgroupMode::Hybrid:
        if (layout.v1Controllers.empty())
            return fail(ErrorCode::InvalidArgument, "the cgroup layout says " + std::string(cgroupModeName(layout.mode)) +
                                                        " but lists no legacy controller hierarchy");
        return cgroupfs::makeLegacyCgroup(layout, std::move(path));
    case CgroupMode::None:
        break;
    }
    return fail(ErrorCode::Unsupported, "no cgroup filesystem is mounted under /sys/fs/cgroup, so Berth cannot limit or "
                                        "track containers: mount cgroup2 there (or boot a system that does)");
}

namespace cgroupfs {

Result<std::string> readFile(const std::filesystem::path &file)
{
    UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.valid())
        return failErrno("opening " + backquoted(file.native()), errno);
    std::string content;
    char buffer[4096];
    for (;;) {
        const auto count = ::read(fd.get(), buffer, sizeof buffer);
        if (count < 0) {
            if (errno == EINTR)
                continue;
            return failErrno("reading " + backquoted(file.native()), errno);
        }
        if (count == 0)
            break;
        content.append(buffer, static_cast<std::size_t>(count));
    }
    return content;
}

Result<std::optional<std::string>> readFileIfPresent(const std::filesystem::path &file)
{
    auto content = readFile(file);
    if (!content) {
        if (content.error().systemErrno() == ENOENT)
            return std::optional<std::string>();
        return std::unexpected(std::move(content.error()));
    }
    return std::optional<std::string>(std::move(*content));
}

Status writeFile(const std::filesystem::path &file, std::string_view value)
{
    UniqueFd fd(::open(file.c_str(), O_WRONLY | O_CLOEXEC));
    if (!fd.valid())
        return failErrno("opening " + backquoted(file.native()) + " to write " + backquoted(value), errno);
    ssize_t written;
    do {
        written = ::write(fd.get(), value.data(), value.size());
    } while (written < 0 && errno == EINTR);
    if (written < 0)
        return failErrno("writing " + backquoted(value) + " to " + backquoted(file.native()), errno);
    if (static_cast<std::size_t>(written) != value.size())
        return fail(ErrorCode::Io, "writing " + backquoted(value) + " to " + backquoted(file.native()) + ": only " +
                                       std::to_string(written) + " bytes were taken");
    return {};
}

std::string_view trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\n");
    return text.substr(first, last - first + 1);
}

Result<std::uint64_t> parseUnsigned(std::string_view text, const std::filesystem::path &source)
{
    const auto number = trimmed(text);
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (number.empty() || error != std::errc() || end != number.data() + number.size())
        return fail(ErrorCode::Io, backquoted(source.native()) + " holds " + backquoted(number) +
                                       ", not a number: is this really a cgroup file?");
    return value;
}

std::optional<std::uint64_t> keyedValue(std::string_view text, std::string_view key)
{
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const auto line = text.substr(start, end - start);
        start = end + 1;
        if (line.size() <= key.size() || !line.starts_with(key) || line[key.size()] != ' ')
            continue;
        const auto number = trimmed(line.substr(key.size() + 1));
        std::uint64_t value = 0;
        const auto [parsedEnd, error] = std::from_chars(number.data(), number.data() + number.size(), value);
        if (error == std::errc() && parsedEnd == number.data() + number.size())
            return value;
        return std::nullopt;
    }
    return std::nullopt;
}

Result<std::vector<pid_t>> readProcessList(const std::filesystem::path &file)
{
    auto content = readFileIfPresent(file);
    if (!content)
        return std::unexpected(std::move(content.error()));
    std::vector<pid_t> pids;
    if (!*content)
        return pids;
    std::string_view text = **content;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const auto line = trimmed(text.substr(start, end - start));
        start = end + 1;
        if (line.empty())
            continue;
        pid_t pid = 0;
        const auto [parsedEnd, error] = std::from_chars(line.data(), line.data() + line.size(), pid);
        if (error != std::errc() || parsedEnd != line.data() + line.size() || pid <= 0)
            return fail(ErrorCode::Io, backquoted(file.native()) + " lists " + backquoted(line) + ", not a process id");
        pids.push_back(pid);
    }
    return pids;
}

Status readOptionalNumber(const std::filesystem::path &file, std::optional<std::uint64_t> &into)
{
    auto text = readFileIfPresent(file);
    if (!text)
        return std::unexpected(std::move(text.error()));
    if (!*text)
        return {};
    auto value = parseUnsigned(**text, file);
    if (!value)
        return std::unexpected(std::move(value.error()));
    into = *value;
    return {};
}

Status readOptionalKeyed(const std::filesystem::path &file, std::string_view key, std::optional<std::uint64_t> &into)
{
    auto text = readFileIfPresent(file);
    if (!text)
        return std::unexpected(std::move(text.error()));
    if (*text)
        into = keyedValue(**text, key);
    return {};
}

Status readOptionalMaxValue(const std::filesystem::path &file, std::optional<std::uint64_t> &into)
{
    auto text = readFileIfPresent(file);
    if (!text)
        return std::unexpected(std::move(text.error()));
    if (!*text || trimmed(**text) == "max")
        return {};
    auto value = parseUnsigned(**text, file);
    if (!value)
        return std::unexpected(std::move(value.error()));
    into = *value;
    return {};
}

Error processesRemain(std::string_view cgroupPath, const std::vector<pid_t> &remaining)
{
    constexpr std::size_t shown = 5;
    std::string listed;
    for (std::size_t index = 0; index < remaining.size() && index < shown; ++index)
        listed += (index ? ", " : "") + std::to_string(remaining[index]);
    if (remaining.size() > shown)
        listed += ", …";
    return Error(ErrorCode::Conflict, "removing the cgroup " + backquoted(cgroupPath) + ": " +
                                          std::to_string(remaining.size()) + " process(es) still run in it (" + listed +
                                          "): stop the container first");
}

Status makeOneDirectory(const std::filesystem::path &directory, bool &made)
{
    made = false;
    if (::mkdir(directory.c_str(), 0755) == 0) {
        made = true;
        return {};
    }
    if (errno == EEXIST) {
        struct stat status {};
        if (::stat(directory.c_str(), &status) == 0 && S_ISDIR(status.st_mode))
            return {};
        return fail(ErrorCode::Conflict, "creating the cgroup " + backquoted(directory.native()) +
                                             ": a file of that name is in the way (is the path a control file's name?)");
    }
    return failErrno("creating the cgroup " + backquoted(directory.native()), errno);
}

std::vector<std::string_view> pathComponents(std::string_view relative)
{
    std::vector<std::string_view> components;
    std::size_t start = 0;
    while (start < relative.size()) {
        auto end = relative.find('/', start);
        if (end == std::string_view::npos)
            end = relative.size();
        if (end > start)
            components.push_back(relative.substr(start, end - start));
        start = end + 1;
    }
    return components;
}

void pauseBriefly(std::chrono::milliseconds elapsed)
{
    // Freezing and task exit usually settle within a millisecond or two; back off after.
    std::this_thread::sleep_for(elapsed < std::chrono::milliseconds(20) ? std::chrono::milliseconds(1)
                                                                        : std::chrono::milliseconds(10));
}

Status removeDirectory(const std::filesystem::path &directory)
{
    constexpr std::chrono::milliseconds busyTimeout{2000};
    const auto start = std::chrono::steady_clock::now();
    for (;;) {
        if (::rmdir(directory.c_str()) == 0 || errno == ENOENT)
            return {};
        const int error = errno;
        const auto elapsed =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
        if (error != EBUSY)
            return failErrno("removing the cgroup " + backquoted(directory.native()), error);
        if (elapsed >= busyTimeout)
            return std::unexpected(Error(ErrorCode::Conflict,
                                         "removing the cgroup " + backquoted(directory.native()) +
                                             ": it is still in use after " + std::to_string(busyTimeout.count()) +
                                             " ms (processes or child cgroups remain): stop them first",
                                         EBUSY));
        pauseBriefly(elapsed);
    }
}

void removeMadeDirectories(const std::vector<std::filesystem::path> &made)
{
    for (auto each = made.rbegin(); each != made.rend(); ++each)
        (void)::rmdir(each->c_str());
}

Status setUnifiedFrozen(const std::filesystem::path &directory, bool frozen)
{
    const auto control = directory / "cgroup.freeze";
    if (auto status = writeFile(control, frozen ? "1" : "0"); !status) {
        if (status.error().systemErrno() == ENOENT && ::access(directory.c_str(), F_OK) == 0)
            return fail(ErrorCode::Unsupported, backquoted(control.native()) +
                                                    " is missing: this kernel has no cgroup2 freezer (it came in Linux "
                                                    "5.2); pausing containers needs a newer kernel");
        return status;
    }
    auto settled = waitFor(
        [&]() -> Result<bool> {
            auto state = isUnifiedFrozen(directory);
            if (!state)
                return state;
            return *state == frozen;
        },
        freezeTimeout);
    if (!settled)
        return std::unexpected(std::move(settled.error()));
    if (!*settled) {
        if (frozen)
            (void)writeFile(control, "0");
        return fail(ErrorCode::Unavailable, backquoted((directory / "cgroup.events").native()) + " did not show " +
                                                (frozen ? "`frozen 1`" : "`frozen 0`") + " within " +
                                                std::to_string(freezeTimeout.count()) +
                                                " ms: a task may be stuck in the kernel; try again");
    }
    return {};
}

Result<bool> isUnifiedFrozen(const std::filesystem::path &directory)
{
    const auto events = directory / "cgroup.events";
    auto content = readFile(events);
    if (!content)
        return std::unexpected(std::move(content.error()));
    const auto frozen = keyedValue(*content, "frozen");
    if (!frozen)
        return fail(ErrorCode::Unsupported, backquoted(events.native()) +
                                                " has no `frozen` line: this kernel has no cgroup2 freezer (Linux 5.2+)");
    return *frozen == 1;
}

} // namespace cgroupfs

} // namespace berth::runtime

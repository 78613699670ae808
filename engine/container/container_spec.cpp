#include "engine/container/container_spec.h"

#include "engine/container/default_seccomp_profile.h"

#include <sys/prctl.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <set>

namespace berth::container {
namespace {

using nlohmann::json;

constexpr std::uint64_t unlimitedRlimit = std::numeric_limits<std::uint64_t>::max();
constexpr std::int64_t minimumMemoryBytes = 6 * 1024 * 1024; // Docker's floor
constexpr std::int64_t cpuPeriodMicros = 100000;
constexpr std::int64_t minimumCpuShares = 2;
constexpr std::int64_t maximumCpuShares = 262144;

std::unexpected<Error> invalid(std::string message)
{
    return fail(ErrorCode::InvalidArgument, std::move(message));
}

// ---- image config ---------------------------------------------------------------------

Result<std::vector<std::string>> stringArray(const json &config, const char *key)
{
    auto found = config.find(key);
    if (found == config.end() || found->is_null())
        return std::vector<std::string>{};
    if (!found->is_array())
        return invalid(std::string("image config: `") + key + "` must be an array of strings, not " + found->dump());
    std::vector<std::string> values;
    for (const auto &item : *found) {
        if (!item.is_string())
            return invalid(std::string("image config: `") + key + "` holds " + backquoted(item.dump()) +
                           ", which is not a string");
        values.push_back(item.get<std::string>());
    }
    return values;
}

Result<std::string> stringField(const json &config, const char *key)
{
    auto found = config.find(key);
    if (found == config.end() || found->is_null())
        return std::string{};
    if (!found->is_string())
        return invalid(std::string("image config: `") + key + "` must be a string, not " + found->dump());
    return found->get<std::string>();
}

// Volumes and ExposedPorts are objects whose keys matter ({"80/tcp": {}}).
Result<std::vector<std::string>> objectKeys(const json &config, const char *key)
{
    auto found = config.find(key);
    if (found == config.end() || found->is_null())
        return std::vector<std::string>{};
    if (!found->is_object())
        return invalid(std::string("image config: `") + key + "` must be an object, not " + found->dump());
    std::vector<std::string> keys;
    for (const auto &item : found->items())
        keys.push_back(item.key());
    return keys;
}

// ---- small parsing helpers ------------------------------------------------------------

template <typename Integer>
std::optional<Integer> parseNumber(std::string_view text)
{
    Integer value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::string upper(std::string_view text)
{
    std::string result(text);
    std::ranges::transform(result, result.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return result;
}

std::vector<std::string> splitOn(std::string_view text, char separator)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const auto end = text.find(separator, start);
        parts.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos)
            return parts;
        start = end + 1;
    }
}

std::string_view envName(std::string_view entry)
{
    return entry.substr(0, entry.find('='));
}

// A container path: absolute, normalised, never the root itself.
Result<std::string> containerPath(std::string_view path, std::string_view what)
{
    if (path.empty() || path.front() != '/')
        return invalid(std::string(what) + " " + backquoted(path) + " is not an absolute path inside the container: write it from /");
    std::string normal = std::filesystem::path(path).lexically_normal().string();
    while (normal.size() > 1 && normal.back() == '/')
        normal.pop_back();
    if (normal == "/")
        return invalid(std::string(what) + " " + backquoted(path) + " is the container's root: mount on a directory below it");
    return normal;
}

// ---- capabilities -----------------------------------------------------------------------

// Capability names by number (linux/capability.h).
constexpr std::array<std::string_view, 41> capabilityNames{
    "CAP_CHOWN",           "CAP_DAC_OVERRIDE",   "CAP_DAC_READ_SEARCH", "CAP_FOWNER",      "CAP_FSETID",
    "CAP_KILL",            "CAP_SETGID",         "CAP_SETUID",          "CAP_SETPCAP",     "CAP_LINUX_IMMUTABLE",
    "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN",       "CAP_NET_RAW",     "CAP_IPC_LOCK",
    "CAP_IPC_OWNER",       "CAP_SYS_MODULE",     "CAP_SYS_RAWIO",       "CAP_SYS_CHROOT",  "CAP_SYS_PTRACE",
    "CAP_SYS_PACCT",       "CAP_SYS_ADMIN",      "CAP_SYS_BOOT",        "CAP_SYS_NICE",    "CAP_SYS_RESOURCE",
    "CAP_SYS_TIME",        "CAP_SYS_TTY_CONFIG", "CAP_MKNOD",           "CAP_LEASE",       "CAP_AUDIT_WRITE",
    "CAP_AUDIT_CONTROL",   "CAP_SETFCAP",        "CAP_MAC_OVERRIDE",    "CAP_MAC_ADMIN",   "CAP_SYSLOG",
    "CAP_WAKE_ALARM",      "CAP_BLOCK_SUSPEND",  "CAP_AUDIT_READ",      "CAP_PERFMON",     "CAP_BPF",
    "CAP_CHECKPOINT_RESTORE"};

// The capabilities a container can have here: those this kernel knows (up to
// /proc/sys/kernel/cap_last_cap) that are also in this process's bounding set. A helper
// started without some (a sandbox without CAP_SYS_RESOURCE) cannot hand them on, and asking
// the kernel for them would fail the start; Docker's --privileged means "all the daemon has".
std::vector<std::string> allHostCapabilities()
{
    std::size_t last = capabilityNames.size() - 1;
    std::ifstream file("/proc/sys/kernel/cap_last_cap");
    std::size_t reported = 0;
    if (file >> reported && reported < last)
        last = reported;
    std::vector<std::string> all;
    for (std::size_t index = 0; index <= last; ++index)
        if (::prctl(PR_CAPBSET_READ, static_cast<unsigned long>(index), 0, 0, 0) != 0)
            all.emplace_back(capabilityNames[index]);
    return all;
}

Result<std::vector<std::string>> normaliseCapabilities(const std::vector<std::string> &names, std::string_view option)
{
    std::vector<std::string> result;
    for (const auto &name : names) {
        std::string normal = upper(name);
        if (normal != "ALL" && !normal.starts_with("CAP_"))
            normal = "CAP_" + normal;
        if (normal != "ALL" && std::ranges::find(capabilityNames, normal) == capabilityNames.end())
            return invalid(std::string(option) + ": unknown capability " + backquoted(name) +
                           ": use a name from capabilities(7) such as NET_ADMIN, or ALL");
        if (std::ranges::find(result, normal) == result.end())
            result.push_back(std::move(normal));
    }
    return result;
}

bool contains(const std::vector<std::string> &list, std::string_view value)
{
    return std::ranges::find(list, value) != list.end();
}

// ---- security options and seccomp -----------------------------------------------------

struct SecurityChoices {
    bool seccompUnconfined = false;
    std::optional<json> seccompProfile; ///< given profile (Docker or OCI format)
    bool noNewPrivileges = false;
};

Result<SecurityChoices> parseSecurityOptions(const std::vector<std::string> &options)
{
    SecurityChoices choices;
    for (const auto &option : options) {
        if (option == "no-new-privileges") {
            choices.noNewPrivileges = true;
            continue;
        }
        auto separator = option.find('=');
        if (separator == std::string::npos)
            separator = option.find(':');
        if (separator == std::string::npos)
            return invalid("--security-opt " + backquoted(option) +
                           " is not KEY=VALUE: use seccomp=unconfined, seccomp=<profile JSON> or no-new-privileges");
        const std::string key = option.substr(0, separator);
        const std::string value = option.substr(separator + 1);
        if (key == "no-new-privileges") {
            if (value == "true" || value == "1")
                choices.noNewPrivileges = true;
            else if (value == "false" || value == "0")
                choices.noNewPrivileges = false;
            else
                return invalid("--security-opt " + backquoted(option) + ": no-new-privileges takes true or false");
        } else if (key == "seccomp") {
            if (value == "unconfined") {
                choices.seccompUnconfined = true;
                choices.seccompProfile.reset();
                continue;
            }
            auto profile = json::parse(value, nullptr, false);
            if (profile.is_discarded() || !profile.is_object())
                return invalid("--security-opt seccomp=… is neither `unconfined` nor a JSON object: pass the "
                               "profile's JSON (berth run reads the file you name and sends its contents)");
            choices.seccompUnconfined = false;
            choices.seccompProfile = std::move(profile);
        } else {
            return invalid("--security-opt " + backquoted(option) + ": Berth supports seccomp=… and no-new-privileges, not " +
                           backquoted(key));
        }
    }
    return choices;
}

std::string hostSeccompArchitecture()
{
#if defined(__x86_64__)
    return "SCMP_ARCH_X86_64";
#elif defined(__aarch64__)
    return "SCMP_ARCH_AARCH64";
#elif defined(__i386__)
    return "SCMP_ARCH_X86";
#elif defined(__arm__)
    return "SCMP_ARCH_ARM";
#elif defined(__s390x__)
    return "SCMP_ARCH_S390X";
#elif defined(__powerpc64__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return "SCMP_ARCH_PPC64LE";
#elif defined(__riscv) && __riscv_xlen == 64
    return "SCMP_ARCH_RISCV64";
#else
    return "";
#endif
}

// "5.8" ≤ the running kernel?
bool kernelAtLeast(std::string_view wanted)
{
    utsname name{};
    if (::uname(&name) != 0)
        return false;
    auto version = [](std::string_view text) {
        std::array<int, 2> parts{0, 0};
        auto pieces = splitOn(text, '.');
        for (std::size_t index = 0; index < parts.size() && index < pieces.size(); ++index) {
            std::string_view digits = pieces[index];
            digits = digits.substr(0, digits.find_first_not_of("0123456789"));
            parts[index] = parseNumber<int>(digits).value_or(0);
        }
        return parts;
    };
    return version(name.release) >= version(wanted);
}

// Whether a Docker profile's includes/excludes object matches this container.
bool conditionMatches(const json &condition, const std::vector<std::string> &capabilities, bool isInclude)
{
    if (!condition.is_object())
        return isInclude;
    const std::string arch = hostSeccompArchitecture();
    bool any = false;
    bool all = true;
    if (auto caps = condition.find("caps"); caps != condition.end() && caps->is_array() && !caps->empty()) {
        // includes: every listed capability present; excludes: any listed one present.
        bool allPresent = true;
        bool anyPresent = false;
        for (const auto &cap : *caps) {
            const bool present = cap.is_string() && contains(capabilities, cap.get<std::string>());
            allPresent = allPresent && present;
            anyPresent = anyPresent || present;
        }
        all = all && allPresent;
        any = any || anyPresent;
    }
    if (auto arches = condition.find("arches"); arches != condition.end() && arches->is_array() && !arches->empty()) {
        bool listed = false;
        for (const auto &item : *arches)
            listed = listed || (item.is_string() && (item.get<std::string>() == arch ||
                                                     "SCMP_ARCH_" + upper(item.get<std::string>()) == arch));
        all = all && listed;
        any = any || listed;
    }
    if (auto minKernel = condition.find("minKernel"); minKernel != condition.end() && minKernel->is_string()) {
        const bool newEnough = kernelAtLeast(minKernel->get<std::string>());
        all = all && newEnough;
        any = any || newEnough;
    }
    return isInclude ? all : any;
}

// A profile the user gave, in Docker's format (includes/excludes, archMap, "name") or
// already in OCI's: the OCI linux.seccomp object for this container's capabilities.
Result<json> userSeccompProfile(const json &profile, const std::vector<std::string> &capabilities)
{
    auto defaultAction = profile.find("defaultAction");
    if (defaultAction == profile.end() || !defaultAction->is_string())
        return invalid("the seccomp profile has no string `defaultAction`: give one such as SCMP_ACT_ERRNO");
    json result = {{"defaultAction", *defaultAction}};
    for (const char *key : {"defaultErrnoRet", "flags", "listenerPath", "listenerMetadata"})
        if (auto found = profile.find(key); found != profile.end())
            result[key] = *found;
    json architectures = json::array();
    if (auto listed = profile.find("architectures"); listed != profile.end() && listed->is_array())
        architectures = *listed;
    if (auto archMap = profile.find("archMap"); archMap != profile.end() && archMap->is_array()) {
        const std::string host = hostSeccompArchitecture();
        for (const auto &entry : *archMap) {
            if (!entry.is_object() || entry.value("architecture", "") != host)
                continue;
            architectures.push_back(host);
            if (auto sub = entry.find("subArchitectures"); sub != entry.end() && sub->is_array())
                for (const auto &item : *sub)
                    architectures.push_back(item);
        }
    }
    result["architectures"] = std::move(architectures);
    json syscalls = json::array();
    if (auto listed = profile.find("syscalls"); listed != profile.end()) {
        if (!listed->is_array())
            return invalid("the seccomp profile's `syscalls` must be an array of rules");
        for (const auto &rule : *listed) {
            if (!rule.is_object() || !rule.contains("action") || !rule["action"].is_string())
                return invalid("the seccomp profile has a rule without a string `action`: " + backquoted(rule.dump()));
            json names = json::array();
            if (auto many = rule.find("names"); many != rule.end() && many->is_array())
                names = *many;
            if (auto one = rule.find("name"); one != rule.end() && one->is_string())
                names.push_back(*one);
            if (names.empty() || !std::ranges::all_of(names, [](const json &name) { return name.is_string(); }))
                return invalid("the seccomp profile has a rule without syscall names: " + backquoted(rule.dump()));
            if (auto includes = rule.find("includes"); includes != rule.end() && !conditionMatches(*includes, capabilities, true))
                continue;
            if (auto excludes = rule.find("excludes"); excludes != rule.end() && conditionMatches(*excludes, capabilities, false))
                continue;
            json converted = {{"names", std::move(names)}, {"action", rule["action"]}};
            for (const char *key : {"errnoRet", "args"})
                if (auto found = rule.find(key); found != rule.end() && !found->is_null())
                    converted[key] = *found;
            syscalls.push_back(std::move(converted));
        }
    }
    result["syscalls"] = std::move(syscalls);
    return result;
}

// ---- process: command, env ------------------------------------------------------------

Result<std::vector<std::string>> processArgs(const ImageRunConfig &image, const RunOptions &options)
{
    std::vector<std::string> entrypoint = image.entrypoint;
    std::vector<std::string> cmd = options.command.empty() ? image.cmd : options.command;
    if (options.entrypoint) {
        // Docker: a new entrypoint invalidates the image's Cmd, which was written for the old one.
        entrypoint = *options.entrypoint;
        if (entrypoint.size() == 1 && entrypoint.front().empty())
            entrypoint.clear();
        cmd = options.command;
    }
    std::vector<std::string> args = std::move(entrypoint);
    args.insert(args.end(), cmd.begin(), cmd.end());
    if (args.empty())
        return invalid("no command specified: the image has no Entrypoint or Cmd (or --entrypoint cleared them); "
                       "name the program to run after the image, e.g. `berth run IMAGE /bin/sh`");
    if (args.front().empty())
        return invalid("the command to run is an empty string: name a program");
    return args;
}

// Docker's order: PATH, HOSTNAME and TERM defaults first, each replaced in place by the
// container's own value; then the -e values; then the image's not overridden by -e. A bare
// "-e NAME" whose NAME the caller does not have removes NAME altogether.
Result<std::vector<std::string>> processEnv(const ImageRunConfig &image, const RunOptions &options,
                                            const std::string &hostname, const std::string &home)
{
    std::vector<std::string> user;
    for (const auto &entry : options.env) {
        if (envName(entry).empty())
            return invalid("-e " + backquoted(entry) + " has no variable name: write NAME=value or NAME");
        if (entry.find('\0') != std::string::npos)
            return invalid("-e " + backquoted(envName(entry)) + " contains a NUL byte, which no environment can hold");
        if (entry.find('=') == std::string::npos) {
            auto found = options.callerEnvironment.find(entry);
            user.push_back(found == options.callerEnvironment.end() ? entry : entry + "=" + found->second);
        } else {
            user.push_back(entry);
        }
    }
    std::vector<std::string> merged = user;
    for (const auto &entry : image.env) {
        if (envName(entry).empty())
            return invalid("the image's Env holds " + backquoted(entry) + ", which has no variable name: fix the image");
        const bool overridden = std::ranges::any_of(user, [&](const std::string &own) { return envName(own) == envName(entry); });
        if (!overridden)
            merged.push_back(entry);
    }

    std::vector<std::string> result{"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                                    "HOSTNAME=" + hostname};
    if (options.tty)
        result.emplace_back("TERM=xterm");
    std::set<std::string, std::less<>> removed;
    for (const auto &entry : merged) {
        const std::string_view name = envName(entry);
        auto existing = std::ranges::find_if(result, [&](const std::string &have) { return envName(have) == name; });
        if (entry.find('=') == std::string::npos) {
            if (existing != result.end())
                result.erase(existing);
            removed.emplace(name);
            continue;
        }
        if (existing != result.end())
            *existing = entry;
        else
            result.push_back(entry);
    }
    const bool hasHome = std::ranges::any_of(result, [](const std::string &entry) { return envName(entry) == "HOME"; });
    if (!hasHome && !removed.contains(std::string_view("HOME")))
        result.push_back("HOME=" + home);
    return result;
}

// ---- resources and rlimits ------------------------------------------------------------

std::string shortNumber(double value)
{
    char text[64];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

Result<json> resources(const RunOptions &options)
{
    json result = json::object();
    if (options.memoryBytes && *options.memoryBytes < 0)
        return invalid("--memory " + std::to_string(*options.memoryBytes) + " is negative: give a size in bytes");
    const std::int64_t memory = options.memoryBytes.value_or(0);
    if (memory > 0 && memory < minimumMemoryBytes)
        return invalid("--memory " + std::to_string(memory) + " is below the minimum of 6 MiB (6291456 bytes)");
    std::int64_t swap = options.memorySwapBytes.value_or(0);
    if (swap < -1)
        return invalid("--memory-swap " + std::to_string(swap) + " is not a size: give bytes, or -1 for unlimited swap");
    if (swap != 0 && memory == 0)
        return invalid("--memory-swap needs --memory too: it limits memory plus swap together");
    if (swap > 0 && swap < memory)
        return invalid("--memory-swap " + std::to_string(swap) + " is smaller than --memory " + std::to_string(memory) +
                       ": it counts memory plus swap, so give at least the memory limit (or -1)");
    if (memory > 0) {
        if (swap == 0)
            swap = memory * 2; // Docker's default: as much swap as memory
        result["memory"] = {{"limit", memory}, {"swap", swap}};
    }

    json cpu = json::object();
    if (options.cpus) {
        const double cpus = *options.cpus;
        const long online = std::max(1L, ::sysconf(_SC_NPROCESSORS_ONLN));
        if (!std::isfinite(cpus) || cpus < 0.01 || cpus > static_cast<double>(online))
            return invalid("--cpus " + shortNumber(cpus) + " is out of range: give 0.01 to " + std::to_string(online) +
                           ", as this host has " + std::to_string(online) + " CPUs");
        cpu["quota"] = std::llround(cpus * static_cast<double>(cpuPeriodMicros));
        cpu["period"] = cpuPeriodMicros;
    }
    if (options.cpuShares && *options.cpuShares != 0) {
        if (*options.cpuShares < 0)
            return invalid("--cpu-shares " + std::to_string(*options.cpuShares) + " is negative: give a relative weight such as 512 or 1024");
        // As Docker on Linux: outside the kernel's range the value is clamped.
        cpu["shares"] = std::clamp(*options.cpuShares, minimumCpuShares, maximumCpuShares);
    }
    if (!cpu.empty())
        result["cpu"] = std::move(cpu);
    if (options.pidsLimit && *options.pidsLimit > 0)
        result["pids"] = {{"limit", *options.pidsLimit}};
    return result;
}

constexpr std::array<std::pair<std::string_view, std::string_view>, 15> ulimitNames{{
    {"core", "RLIMIT_CORE"},     {"cpu", "RLIMIT_CPU"},       {"data", "RLIMIT_DATA"},
    {"fsize", "RLIMIT_FSIZE"},   {"locks", "RLIMIT_LOCKS"},   {"memlock", "RLIMIT_MEMLOCK"},
    {"msgqueue", "RLIMIT_MSGQUEUE"}, {"nice", "RLIMIT_NICE"}, {"nofile", "RLIMIT_NOFILE"},
    {"nproc", "RLIMIT_NPROC"},   {"rss", "RLIMIT_RSS"},       {"rtprio", "RLIMIT_RTPRIO"},
    {"rttime", "RLIMIT_RTTIME"}, {"sigpending", "RLIMIT_SIGPENDING"}, {"stack", "RLIMIT_STACK"},
}};

Result<std::uint64_t> ulimitValue(std::string_view text, const std::string &option)
{
    if (text == "-1" || text == "unlimited")
        return unlimitedRlimit;
    auto value = parseNumber<std::uint64_t>(text);
    if (!value)
        return invalid("--ulimit " + backquoted(option) + ": " + backquoted(text) +
                       " is not a number: write name=soft[:hard] with whole numbers (or -1 for unlimited)");
    return *value;
}

Result<json> rlimits(const std::vector<std::string> &ulimits)
{
    std::vector<std::pair<std::string, json>> byType;
    for (const auto &option : ulimits) {
        const auto equals = option.find('=');
        if (equals == std::string::npos)
            return invalid("--ulimit " + backquoted(option) + " is not name=soft[:hard], e.g. nofile=1024:2048");
        const std::string name = option.substr(0, equals);
        auto known = std::ranges::find_if(ulimitNames, [&](const auto &pair) { return pair.first == name; });
        if (known == ulimitNames.end()) {
            std::string names;
            for (const auto &[shortName, _] : ulimitNames)
                names += (names.empty() ? "" : ", ") + std::string(shortName);
            return invalid("--ulimit " + backquoted(option) + ": unknown limit " + backquoted(name) + "; known: " + names);
        }
        const std::string values = option.substr(equals + 1);
        const auto colon = values.find(':');
        auto soft = ulimitValue(values.substr(0, colon), option);
        if (!soft)
            return std::unexpected(soft.error());
        auto hard = colon == std::string::npos ? soft : ulimitValue(values.substr(colon + 1), option);
        if (!hard)
            return std::unexpected(hard.error());
        if (*soft > *hard)
            return invalid("--ulimit " + backquoted(option) + ": the soft limit is above the hard limit; give soft ≤ hard");
        json entry = {{"type", known->second}, {"hard", *hard}, {"soft", *soft}};
        auto existing = std::ranges::find_if(byType, [&](const auto &pair) { return pair.first == known->second; });
        if (existing != byType.end())
            existing->second = std::move(entry); // the last one given wins
        else
            byType.emplace_back(std::string(known->second), std::move(entry));
    }
    json result = json::array();
    for (auto &[_, entry] : byType)
        result.push_back(std::move(entry));
    return result;
}

// ---- mounts ----------------------------------------------------------------------------

json defaultMounts(bool privileged)
{
    // Privileged containers get /sys and the cgroup view writable, as in Docker.
    json sysOptions = privileged ? json{"nosuid", "noexec", "nodev", "rw"} : json{"nosuid", "noexec", "nodev", "ro"};
    json cgroupOptions = privileged ? json{"rw", "nosuid", "noexec", "nodev"} : json{"ro", "nosuid", "noexec", "nodev"};
    return json::array({
        {{"destination", "/proc"}, {"type", "proc"}, {"source", "proc"}, {"options", {"nosuid", "noexec", "nodev"}}},
        {{"destination", "/dev"}, {"type", "tmpfs"}, {"source", "tmpfs"}, {"options", {"nosuid", "strictatime", "mode=755", "size=65536k"}}},
        {{"destination", "/dev/pts"}, {"type", "devpts"}, {"source", "devpts"},
         {"options", {"nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"}}},
        {{"destination", "/sys"}, {"type", "sysfs"}, {"source", "sysfs"}, {"options", sysOptions}},
        {{"destination", "/sys/fs/cgroup"}, {"type", "cgroup"}, {"source", "cgroup"}, {"options", cgroupOptions}},
        {{"destination", "/dev/mqueue"}, {"type", "mqueue"}, {"source", "mqueue"}, {"options", {"nosuid", "noexec", "nodev"}}},
        {{"destination", "/dev/shm"}, {"type", "tmpfs"}, {"source", "shm"},
         {"options", {"nosuid", "noexec", "nodev", "mode=1777", "size=65536k"}}},
    });
}

// Flags of a tmpfs that cancel each other: the later one given wins.
constexpr std::array<std::pair<std::string_view, std::string_view>, 9> opposedFlags{{
    {"ro", "rw"}, {"exec", "noexec"}, {"suid", "nosuid"}, {"dev", "nodev"}, {"atime", "noatime"},
    {"diratime", "nodiratime"}, {"relatime", "norelatime"}, {"strictatime", "nostrictatime"}, {"sync", "async"},
}};
constexpr std::array<std::string_view, 7> propagationFlags{"private", "rprivate", "shared", "rshared", "slave", "rslave", "dirsync"};
constexpr std::array<std::string_view, 7> tmpfsKeys{"size", "mode", "uid", "gid", "nr_inodes", "nr_blocks", "mpol"};

Result<json> tmpfsMount(const std::string &option)
{
    const auto colon = option.find(':');
    auto destination = containerPath(option.substr(0, colon), "--tmpfs");
    if (!destination)
        return std::unexpected(destination.error());
    std::vector<std::string> merged{"noexec", "nosuid", "nodev", "rprivate"}; // Docker's defaults
    if (colon != std::string::npos) {
        for (const auto &item : splitOn(std::string_view(option).substr(colon + 1), ',')) {
            if (item.empty())
                continue;
            const auto equals = item.find('=');
            if (equals != std::string::npos) {
                const std::string key = item.substr(0, equals);
                if (std::ranges::find(tmpfsKeys, key) == tmpfsKeys.end() || equals + 1 == item.size())
                    return invalid("--tmpfs " + backquoted(option) + ": " + backquoted(item) +
                                   " is not a tmpfs option; use size=, mode=, uid=, gid=, nr_inodes=, nr_blocks= or mpol=");
                std::erase_if(merged, [&](const std::string &have) { return have.starts_with(key + "="); });
                merged.push_back(item);
                continue;
            }
            auto pair = std::ranges::find_if(opposedFlags, [&](const auto &p) { return p.first == item || p.second == item; });
            if (pair != opposedFlags.end()) {
                std::erase_if(merged, [&](const std::string &have) { return have == pair->first || have == pair->second; });
                merged.push_back(item);
            } else if (std::ranges::find(propagationFlags, item) != propagationFlags.end()) {
                if (item != "dirsync")
                    std::erase_if(merged, [&](const std::string &have) {
                        return std::ranges::find(propagationFlags, have) != propagationFlags.end() && have != "dirsync";
                    });
                merged.push_back(item);
            } else {
                return invalid("--tmpfs " + backquoted(option) + ": unknown option " + backquoted(item) +
                               "; use flags such as ro, exec, nosuid or size=64m");
            }
        }
    }
    return json{{"destination", *destination}, {"type", "tmpfs"}, {"source", "tmpfs"}, {"options", merged}};
}

Result<json> hostMount(const HostMount &mount, std::string_view what)
{
    auto destination = containerPath(mount.destination, what);
    if (!destination)
        return std::unexpected(destination.error());
    if (!mount.source.is_absolute())
        return invalid(std::string(what) + " source " + backquoted(mount.source.string()) +
                       " is not an absolute host path (named volumes must be resolved to their directory first)");
    json options = {"rbind", "rprivate"};
    if (mount.readOnly)
        options.push_back("ro");
    return json{{"destination", *destination}, {"type", "bind"}, {"source", mount.source.lexically_normal().string()},
                {"options", std::move(options)}};
}

Result<HostMount> parseBind(const std::string &option)
{
    auto parts = splitOn(option, ':');
    if (parts.size() < 2 || parts.size() > 3 || parts[0].empty() || parts[1].empty())
        return invalid("-v " + backquoted(option) + " is not /host/path:/container/path[:ro|rw]");
    HostMount mount{parts[0], parts[1], false};
    if (parts.size() == 3) {
        if (parts[2] == "ro")
            mount.readOnly = true;
        else if (parts[2] != "rw")
            return invalid("-v " + backquoted(option) + ": the mode " + backquoted(parts[2]) + " is neither ro nor rw");
    }
    if (!mount.source.is_absolute())
        return invalid("-v " + backquoted(option) + ": " + backquoted(parts[0]) +
                       " is not an absolute host path; a named volume must be resolved to its directory and passed as a volume mount");
    return mount;
}

std::size_t pathDepth(const std::string &path)
{
    return static_cast<std::size_t>(std::ranges::count(path, '/'));
}

Result<json> mounts(const RunOptions &options)
{
    std::vector<json> user;
    for (const auto &option : options.tmpfs) {
        auto mount = tmpfsMount(option);
        if (!mount)
            return std::unexpected(mount.error());
        user.push_back(std::move(*mount));
    }
    for (const auto &option : options.binds) {
        auto parsed = parseBind(option);
        if (!parsed)
            return std::unexpected(parsed.error());
        auto mount = hostMount(*parsed, "-v");
        if (!mount)
            return std::unexpected(mount.error());
        user.push_back(std::move(*mount));
    }
    for (const auto &volume : options.volumeMounts) {
        auto mount = hostMount(volume, "volume mount");
        if (!mount)
            return std::unexpected(mount.error());
        user.push_back(std::move(*mount));
    }
    std::set<std::string> destinations;
    for (const auto &mount : user) {
        const std::string destination = mount["destination"];
        if (!destinations.insert(destination).second)
            return invalid("two mounts go to " + backquoted(destination) + ": give each container path once");
    }
    // Parents before children, so that /data/cache lands on top of /data.
    std::ranges::stable_sort(user, {}, [](const json &mount) { return pathDepth(mount["destination"].get<std::string>()); });

    // A user mount replaces the default one at the same place; one at /dev replaces all of /dev's.
    json result = json::array();
    const bool ownDev = destinations.contains("/dev");
    for (const auto &mount : defaultMounts(options.privileged)) {
        const std::string destination = mount["destination"];
        if (destinations.contains(destination) || (ownDev && destination.starts_with("/dev/")))
            continue;
        result.push_back(mount);
    }
    for (auto &mount : user)
        result.push_back(std::move(mount));
    return result;
}

bool validContainerId(std::string_view id)
{
    if (id.empty() || id.size() > 128 || !std::isalnum(static_cast<unsigned char>(id.front())))
        return false;
    return std::ranges::all_of(id, [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '.' || c == '-'; });
}

bool validHostname(std::string_view name)
{
    if (name.empty() || name.size() > 64 || name.front() == '-' || name.front() == '.')
        return false;
    return std::ranges::all_of(name, [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '.' || c == '_'; });
}

} // namespace

Result<ImageRunConfig> parseImageRunConfig(const json &config)
{
    ImageRunConfig result;
    if (config.is_null())
        return result;
    if (!config.is_object())
        return invalid("image config: `config` must be an object, not " + config.dump());
    auto env = stringArray(config, "Env");
    auto entrypoint = stringArray(config, "Entrypoint");
    auto cmd = stringArray(config, "Cmd");
    auto user = stringField(config, "User");
    auto workingDir = stringField(config, "WorkingDir");
    auto stopSignal = stringField(config, "StopSignal");
    auto volumes = objectKeys(config, "Volumes");
    auto ports = objectKeys(config, "ExposedPorts");
    for (const auto *failed : {&env, &entrypoint, &cmd})
        if (!*failed)
            return std::unexpected(failed->error());
    for (const auto *failed : {&user, &workingDir, &stopSignal})
        if (!*failed)
            return std::unexpected(failed->error());
    for (const auto *failed : {&volumes, &ports})
        if (!*failed)
            return std::unexpected(failed->error());
    result.env = std::move(*env);
    result.entrypoint = std::move(*entrypoint);
    result.cmd = std::move(*cmd);
    result.user = std::move(*user);
    result.workingDir = std::move(*workingDir);
    result.stopSignal = std::move(*stopSignal);
    result.volumes = std::move(*volumes);
    result.exposedPorts = std::move(*ports);
    if (auto labels = config.find("Labels"); labels != config.end() && !labels->is_null()) {
        if (!labels->is_object())
            return invalid("image config: `Labels` must be an object of strings, not " + labels->dump());
        for (const auto &item : labels->items()) {
            if (!item.value().is_string())
                return invalid("image config: label " + backquoted(item.key()) + " has a value that is not a string");
            result.labels[item.key()] = item.value().get<std::string>();
        }
    }
    return result;
}

const std::vector<std::string> &dockerDefaultCapabilities()
{
    static const std::vector<std::string> capabilities{
        "CAP_CHOWN",   "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER",  "CAP_MKNOD",
        "CAP_NET_RAW", "CAP_SETGID",       "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP",
        "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE"};
    return capabilities;
}

Result<std::vector<std::string>> containerCapabilities(const RunOptions &options)
{
    auto adds = normaliseCapabilities(options.capAdd, "--cap-add");
    if (!adds)
        return std::unexpected(adds.error());
    auto drops = normaliseCapabilities(options.capDrop, "--cap-drop");
    if (!drops)
        return std::unexpected(drops.error());
    if (options.privileged)
        return allHostCapabilities();
    const auto host = allHostCapabilities();
    std::vector<std::string> result;
    auto add = [&result](const std::string &capability) {
        if (capability != "ALL" && !contains(result, capability))
            result.push_back(capability);
    };
    if (contains(*adds, "ALL")) {
        for (const auto &capability : host)
            if (!contains(*drops, capability))
                add(capability);
    } else if (contains(*drops, "ALL")) {
        for (const auto &capability : *adds)
            add(capability);
    } else {
        // A default the helper does not hold itself is left out rather than failing every start.
        for (const auto &capability : dockerDefaultCapabilities())
            if (!contains(*drops, capability) && contains(host, capability))
                add(capability);
        for (const auto &capability : *adds)
            add(capability);
    }
    for (const auto &capability : result)
        if (!contains(host, capability))
            return fail(ErrorCode::Unsupported,
                        "--cap-add " + backquoted(capability) +
                            ": this kernel does not have that capability, or Berth's helper does not hold it itself "
                            "(it is not in the helper's bounding set); leave it out");
    return result;
}

Result<json> buildContainerSpec(const ImageRunConfig &image, const RunOptions &options,
                                const std::filesystem::path &rootfs, std::string containerId)
{
    auto failure = [&containerId](Error error) {
        return std::unexpected(std::move(error).withContext("writing the OCI spec for container " + backquoted(containerId)));
    };
    if (!validContainerId(containerId))
        return failure(Error(ErrorCode::InvalidArgument, "the container id " + backquoted(containerId) +
                                                             " is not letters, digits, `_`, `.` and `-` (starting with a letter or digit)"));
    if (!rootfs.is_absolute())
        return failure(Error(ErrorCode::InvalidArgument, "the root filesystem " + backquoted(rootfs.string()) + " is not an absolute path"));

    auto args = processArgs(image, options);
    if (!args)
        return failure(args.error());

    std::string hostname = options.hostname;
    if (hostname.empty()) {
        if (options.network == NetworkMode::Host) {
            // As Docker: with the host's network the container takes the host's name.
            char name[256] = {};
            if (::gethostname(name, sizeof name - 1) == 0)
                hostname = name;
        }
        if (hostname.empty())
            hostname = containerId.substr(0, 12);
    }
    if (!validHostname(hostname))
        return failure(Error(ErrorCode::InvalidArgument, "the hostname " + backquoted(hostname) +
                                                             " is not valid: use up to 64 letters, digits, `-` and `.`"));

    auto user = resolveContainerUser(rootfs, options.user.value_or(image.user));
    if (!user)
        return failure(std::move(user.error()).withContext("resolving the user " + backquoted(options.user.value_or(image.user))));

    auto env = processEnv(image, options, hostname, user->home);
    if (!env)
        return failure(env.error());

    std::string cwd = options.workdir.value_or(image.workingDir);
    if (cwd.empty()) {
        cwd = "/";
    } else if (cwd.front() != '/') {
        return failure(Error(ErrorCode::InvalidArgument,
                             "the working directory " + backquoted(cwd) + " is not absolute: write it from /, e.g. -w /app"));
    } else {
        cwd = std::filesystem::path(cwd).lexically_normal().string();
        if (cwd.size() > 1 && cwd.back() == '/')
            cwd.pop_back();
    }

    auto capabilities = containerCapabilities(options);
    if (!capabilities)
        return failure(capabilities.error());
    auto security = parseSecurityOptions(options.securityOptions);
    if (!security)
        return failure(security.error());
    auto limits = rlimits(options.ulimits);
    if (!limits)
        return failure(limits.error());
    auto resourceLimits = resources(options);
    if (!resourceLimits)
        return failure(resourceLimits.error());
    auto mountList = mounts(options);
    if (!mountList)
        return failure(mountList.error());

    // Docker's rule: a non-root user gets no effective or permitted capabilities, as
    // execve would leave it; the bounding set still limits what setuid programs gain.
    json capabilitySets = {{"bounding", *capabilities}};
    if (user->uid == 0) {
        capabilitySets["effective"] = *capabilities;
        capabilitySets["permitted"] = *capabilities;
    } else {
        capabilitySets["effective"] = json::array();
        capabilitySets["permitted"] = json::array();
    }

    json process = {
        {"terminal", options.tty},
        {"user", {{"uid", user->uid}, {"gid", user->gid}}},
        {"args", *args},
        {"env", *env},
        {"cwd", cwd},
        {"capabilities", std::move(capabilitySets)},
        {"rlimits", std::move(*limits)},
        {"noNewPrivileges", security->noNewPrivileges},
    };
    if (!user->additionalGids.empty())
        process["user"]["additionalGids"] = user->additionalGids;

    json namespaces = json::array({{{"type", "pid"}}, {{"type", "mount"}}, {{"type", "uts"}}, {{"type", "ipc"}}});
    if (options.network == NetworkMode::None)
        namespaces.push_back({{"type", "network"}});
    namespaces.push_back({{"type", "cgroup"}});

    json linuxObject = {
        {"namespaces", std::move(namespaces)},
        {"resources", std::move(*resourceLimits)},
        {"cgroupsPath", "/berth/" + containerId},
    };
    // Privileged: every capability, no seccomp filter, nothing masked or read-only, /sys
    // writable. Docker also gives privileged containers all the host's devices; Berth does
    // not do that yet, so /dev holds only the default nodes.
    if (!options.privileged) {
        if (security->seccompProfile) {
            auto profile = userSeccompProfile(*security->seccompProfile, *capabilities);
            if (!profile)
                return failure(std::move(profile.error()).withContext("reading --security-opt seccomp"));
            linuxObject["seccomp"] = std::move(*profile);
        } else if (!security->seccompUnconfined) {
            linuxObject["seccomp"] = defaultSeccompProfile(*capabilities);
        }
        linuxObject["maskedPaths"] = {"/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
                                      "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi",
                                      "/sys/firmware", "/sys/devices/virtual/powercap"};
        linuxObject["readonlyPaths"] = {"/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"};
    }

    json annotations = json::object();
    if (!options.imageName.empty())
        annotations[std::string(imageNameAnnotation)] = options.imageName;
    if (!image.stopSignal.empty())
        annotations["org.opencontainers.image.stopSignal"] = image.stopSignal;

    json spec = {
        {"ociVersion", "1.0.2"},
        {"root", {{"path", rootfs.lexically_normal().string()}, {"readonly", options.readOnly}}},
        {"hostname", hostname},
        {"process", std::move(process)},
        {"mounts", std::move(*mountList)},
        {"linux", std::move(linuxObject)},
    };
    if (!annotations.empty())
        spec["annotations"] = std::move(annotations);
    return spec;
}

} // namespace berth::container

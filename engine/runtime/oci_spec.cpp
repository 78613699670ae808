#include "engine/runtime/oci_spec.h"

#include <sched.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <array>
#include <fstream>
#include <sstream>

namespace berth::runtime {

namespace {

using nlohmann::json;

constexpr std::array capabilityNames{
    "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID",
    "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE",
    "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK",
    "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE",
    "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE",
    "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE",
    "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG",
    "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
    "CAP_CHECKPOINT_RESTORE",
};

constexpr std::array rlimitNames{
    std::pair{"RLIMIT_CPU", RLIMIT_CPU},         std::pair{"RLIMIT_FSIZE", RLIMIT_FSIZE},
    std::pair{"RLIMIT_DATA", RLIMIT_DATA},       std::pair{"RLIMIT_STACK", RLIMIT_STACK},
    std::pair{"RLIMIT_CORE", RLIMIT_CORE},       std::pair{"RLIMIT_RSS", RLIMIT_RSS},
    std::pair{"RLIMIT_NPROC", RLIMIT_NPROC},     std::pair{"RLIMIT_NOFILE", RLIMIT_NOFILE},
    std::pair{"RLIMIT_MEMLOCK", RLIMIT_MEMLOCK}, std::pair{"RLIMIT_AS", RLIMIT_AS},
    std::pair{"RLIMIT_LOCKS", RLIMIT_LOCKS},     std::pair{"RLIMIT_SIGPENDING", RLIMIT_SIGPENDING},
    std::pair{"RLIMIT_MSGQUEUE", RLIMIT_MSGQUEUE}, std::pair{"RLIMIT_NICE", RLIMIT_NICE},
    std::pair{"RLIMIT_RTPRIO", RLIMIT_RTPRIO},   std::pair{"RLIMIT_RTTIME", RLIMIT_RTTIME},
};

constexpr std::array namespaceTypes{
    std::pair{"pid", CLONE_NEWPID},     std::pair{"network", CLONE_NEWNET},
    std::pair{"mount", CLONE_NEWNS},    std::pair{"ipc", CLONE_NEWIPC},
    std::pair{"uts", CLONE_NEWUTS},     std::pair{"user", CLONE_NEWUSER},
    std::pair{"cgroup", CLONE_NEWCGROUP}, std::pair{"time", 0x00000080 /* CLONE_NEWTIME */},
};

std::unexpected<Error> invalid(std::string_view field, std::string why)
{
    return fail(ErrorCode::InvalidArgument, "`" + std::string(field) + "` " + why);
}

// Small typed readers: each says which field was wrong and what it should have been.
Result<std::string> readString(const json &object, std::string_view key, std::string_view where,
                               std::string fallback = {})
{
    auto found = object.find(key);
    if (found == object.end() || found->is_null())
        return fallback;
    if (!found->is_string())
        return invalid(std::string(where) + "." + std::string(key), "must be a string");
    return found->get<std::string>();
}

Result<std::vector<std::string>> readStrings(const json &object, std::string_view key, std::string_view where)
{
    std::vector<std::string> values;
    auto found = object.find(key);
    if (found == object.end() || found->is_null())
        return values;
    if (!found->is_array())
        return invalid(std::string(where) + "." + std::string(key), "must be an array of strings");
    for (const auto &item : *found) {
        if (!item.is_string())
            return invalid(std::string(where) + "." + std::string(key), "must contain only strings");
        values.push_back(item.get<std::string>());
    }
    return values;
}

template <typename Integer>
Result<std::optional<Integer>> readInteger(const json &object, std::string_view key, std::string_view where)
{
    auto found = object.find(key);
    if (found == object.end() || found->is_null())
        return std::optional<Integer>();
    if (!found->is_number_integer())
        return invalid(std::string(where) + "." + std::string(key), "must be an integer");
    if constexpr (std::is_unsigned_v<Integer>) {
        if (found->is_number_unsigned())
            return std::optional<Integer>(found->get<std::uint64_t>());
        auto value = found->get<std::int64_t>();
        if (value < 0)
            return invalid(std::string(where) + "." + std::string(key), "must not be negative");
        return std::optional<Integer>(static_cast<Integer>(value));
    } else {
        return std::optional<Integer>(static_cast<Integer>(found->get<std::int64_t>()));
    }
}

Result<std::vector<int>> readCapabilities(const json &object, std::string_view key)
{
    auto names = readStrings(object, key, "process.capabilities");
    if (!names)
        return std::unexpected(names.error());
    std::vector<int> numbers;
    for (const auto &name : *names) {
        int number = capabilityFromName(name);
        if (number < 0)
            return invalid("process.capabilities." + std::string(key),
                           "names an unknown capability " + backquoted(name) +
                               " (use names like CAP_NET_BIND_SERVICE)");
        numbers.push_back(number);
    }
    return numbers;
}

Result<std::vector<IdMapping>> readMappings(const json &object, std::string_view key)
{
    std::vector<IdMapping> mappings;
    auto found = object.find(key);
    if (found == object.end() || found->is_null())
        return mappings;
    if (!found->is_array())
        return invalid("linux." + std::string(key), "must be an array");
    for (const auto &item : *found) {
        IdMapping mapping;
        auto container = readInteger<std::uint32_t>(item, "containerID", key);
        auto host = readInteger<std::uint32_t>(item, "hostID", key);
        auto size = readInteger<std::uint32_t>(item, "size", key);
        if (!container || !host || !size || !*container || !*host || !*size || **size == 0)
            return invalid("linux." + std::string(key), "needs containerID, hostID and a size above 0 in each entry");
        mapping.containerId = **container;
        mapping.hostId = **host;
        mapping.size = **size;
        mappings.push_back(mapping);
    }
    return mappings;
}

Result<CgroupResources> readResources(const json &linuxObject)
{
    CgroupResources resources;
    auto found = linuxObject.find("resources");
    if (found == linuxObject.end() || found->is_null())
        return resources;
    const json &object = *found;
    if (auto memory = object.find("memory"); memory != object.end() && memory->is_object()) {
        auto limit = readInteger<std::int64_t>(*memory, "limit", "linux.resources.memory");
        auto reservation = readInteger<std::int64_t>(*memory, "reservation", "linux.resources.memory");
        auto swap = readInteger<std::int64_t>(*memory, "swap", "linux.resources.memory");
        if (!limit)
            return std::unexpected(limit.error());
        if (!reservation)
            return std::unexpected(reservation.error());
        if (!swap)
            return std::unexpected(swap.error());
        resources.memoryLimitBytes = *limit;
        resources.memoryReservationBytes = *reservation;
        resources.memorySwapBytes = *swap;
    }
    if (auto cpu = object.find("cpu"); cpu != object.end() && cpu->is_object()) {
        auto shares = readInteger<std::uint64_t>(*cpu, "shares", "linux.resources.cpu");
        auto quota = readInteger<std::int64_t>(*cpu, "quota", "linux.resources.cpu");
        auto period = readInteger<std::uint64_t>(*cpu, "period", "linux.resources.cpu");
        auto cpus = readString(*cpu, "cpus", "linux.resources.cpu");
        auto mems = readString(*cpu, "mems", "linux.resources.cpu");
        if (!shares || !quota || !period || !cpus || !mems)
            return invalid("linux.resources.cpu", "has a field of the wrong type (shares, quota and period are integers; cpus and mems strings)");
        resources.cpuShares = *shares;
        resources.cpuQuotaMicros = *quota;
        resources.cpuPeriodMicros = *period;
        if (!cpus->empty())
            resources.cpusetCpus = *cpus;
        if (!mems->empty())
            resources.cpusetMems = *mems;
    }
    if (auto pids = object.find("pids"); pids != object.end() && pids->is_object()) {
        auto limit = readInteger<std::int64_t>(*pids, "limit", "linux.resources.pids");
        if (!limit)
            return std::unexpected(limit.error());
        resources.pidsLimit = *limit;
    }
    return resources;
}

Result<std::pair<std::string, std::string>> readStringMapEntry(const json::const_iterator &item, std::string_view where)
{
    if (!item.value().is_string())
        return invalid(std::string(where) + "." + item.key(), "must be a string");
    return std::pair{item.key(), item.value().get<std::string>()};
}

Status checkAbsoluteClean(std::string_view field, std::string_view path)
{
    if (path.empty() || path.front() != '/')
        return invalid(field, "must be an absolute path, not " + backquoted(path));
    std::filesystem::path asPath(path);
    for (const auto &part : asPath) {
        if (part == "..")
            return invalid(field, "must not contain `..`: " + backquoted(path));
    }
    return {};
}

} // namespace

int capabilityFromName(std::string_view name)
{
    for (std::size_t index = 0; index < capabilityNames.size(); ++index) {
        if (name == capabilityNames[index])
            return static_cast<int>(index);
    }
    return -1;
}

std::string capabilityName(int capability)
{
    if (capability >= 0 && static_cast<std::size_t>(capability) < capabilityNames.size())
        return capabilityNames[static_cast<std::size_t>(capability)];
    return "CAP_" + std::to_string(capability);
}

int rlimitFromName(std::string_view name)
{
    for (const auto &[known, number] : rlimitNames) {
        if (name == known)
            return number;
    }
    return -1;
}

bool RuntimeSpec::hasNamespace(int cloneFlag) const
{
    return findNamespace(cloneFlag) != nullptr;
}

const NamespaceSpec *RuntimeSpec::findNamespace(int cloneFlag) const
{
    for (const auto &space : linuxConfig.namespaces) {
        if (space.cloneFlag == cloneFlag)
            return &space;
    }
    return nullptr;
}

Result<ProcessSpec> parseProcessSpec(const json &object)
{
    ProcessSpec process;
    if (!object.is_object())
        return invalid("process", "must be an object");
    if (auto terminal = object.find("terminal"); terminal != object.end() && !terminal->is_null()) {
        if (!terminal->is_boolean())
            return invalid("process.terminal", "must be true or false");
        process.terminal = terminal->get<bool>();
    }
    if (auto size = object.find("consoleSize"); size != object.end() && size->is_object()) {
        auto height = readInteger<std::uint32_t>(*size, "height", "process.consoleSize");
        auto width = readInteger<std::uint32_t>(*size, "width", "process.consoleSize");
        if (!height || !width)
            return invalid("process.consoleSize", "needs integer height and width");
        process.consoleHeight = static_cast<unsigned short>(height->value_or(0));
        process.consoleWidth = static_cast<unsigned short>(width->value_or(0));
    }
    if (auto user = object.find("user"); user != object.end() && user->is_object()) {
        auto uid = readInteger<std::uint32_t>(*user, "uid", "process.user");
        auto gid = readInteger<std::uint32_t>(*user, "gid", "process.user");
        auto umask = readInteger<std::uint32_t>(*user, "umask", "process.user");
        if (!uid)
            return std::unexpected(uid.error());
        if (!gid)
            return std::unexpected(gid.error());
        if (!umask)
            return std::unexpected(umask.error());
        process.user.uid = uid->value_or(0);
        process.user.gid = gid->value_or(0);
        if (*umask)
            process.user.umask = static_cast<mode_t>(**umask & 0777);
        if (auto groups = user->find("additionalGids"); groups != user->end() && groups->is_array()) {
            for (const auto &group : *groups) {
                if (!group.is_number_unsigned())
                    return invalid("process.user.additionalGids", "must contain only group numbers");
                process.user.additionalGids.push_back(group.get<gid_t>());
            }
        }
    }
    auto args = readStrings(object, "args", "process");
    if (!args)
        return std::unexpected(args.error());
    if (args->empty() || (*args)[0].empty())
        return invalid("process.args", "must name the program to run (it is empty)");
    process.args = std::move(*args);
    auto env = readStrings(object, "env", "process");
    if (!env)
        return std::unexpected(env.error());
    for (const auto &entry : *env) {
        if (entry.find('=') == std::string::npos || entry.front() == '=')
            return invalid("process.env", "entry " + backquoted(entry) + " must be NAME=value");
    }
    process.env = std::move(*env);
    auto cwd = readString(object, "cwd", "process", "/");
    if (!cwd)
        return std::unexpected(cwd.error());
    if (auto checked = checkAbsoluteClean("process.cwd", *cwd); !checked)
        return std::unexpected(checked.error());
    process.cwd = *cwd;
    if (auto caps = object.find("capabilities"); caps != object.end() && caps->is_object()) {
        CapabilitySets sets;
        for (auto [key, target] : {std::pair{"bounding", &sets.bounding}, std::pair{"effective", &sets.effective},
                                   std::pair{"inheritable", &sets.inheritable}, std::pair{"permitted", &sets.permitted},
                                   std::pair{"ambient", &sets.ambient}}) {
            auto numbers = readCapabilities(*caps, key);
            if (!numbers)
                return std::unexpected(numbers.error());
            *target = std::move(*numbers);
        }
        process.capabilities = std::move(sets);
    }
    if (auto limits = object.find("rlimits"); limits != object.end() && limits->is_array()) {
        for (const auto &item : *limits) {
            Rlimit limit;
            auto type = readString(item, "type", "process.rlimits");
            auto soft = readInteger<std::uint64_t>(item, "soft", "process.rlimits");
            auto hard = readInteger<std::uint64_t>(item, "hard", "process.rlimits");
            if (!type || !soft || !hard || !*soft || !*hard)
                return invalid("process.rlimits", "needs type, soft and hard in each entry");
            limit.resource = rlimitFromName(*type);
            if (limit.resource < 0)
                return invalid("process.rlimits", "names an unknown limit " + backquoted(*type) + " (use RLIMIT_NOFILE and the like)");
            limit.name = *type;
            limit.soft = **soft;
            limit.hard = **hard;
            if (limit.soft > limit.hard)
                return invalid("process.rlimits", "gives " + *type + " a soft limit above its hard limit");
            process.rlimits.push_back(limit);
        }
    }
    if (auto noNewPrivileges = object.find("noNewPrivileges"); noNewPrivileges != object.end() && noNewPrivileges->is_boolean())
        process.noNewPrivileges = noNewPrivileges->get<bool>();
    auto oomScore = readInteger<int>(object, "oomScoreAdj", "process");
    if (!oomScore)
        return std::unexpected(oomScore.error());
    process.oomScoreAdj = *oomScore;
    return process;
}

Result<RuntimeSpec> parseRuntimeSpec(std::string_view text, const std::filesystem::path &bundle)
{
    json document = json::parse(text, nullptr, false);
    if (document.is_discarded() || !document.is_object())
        return fail(ErrorCode::InvalidArgument, "config.json is not a JSON object");
    RuntimeSpec spec;
    auto version = readString(document, "ociVersion", "");
    if (!version || version->empty())
        return invalid("ociVersion", "is missing: config.json must say which runtime-spec version it follows");
    spec.ociVersion = *version;

    auto root = document.find("root");
    if (root == document.end() || !root->is_object())
        return invalid("root", "is missing: say where the container's root filesystem is (root.path)");
    auto rootPath = readString(*root, "path", "root");
    if (!rootPath || rootPath->empty())
        return invalid("root.path", "is missing or empty");
    spec.rootPath = std::filesystem::path(*rootPath).is_absolute() ? std::filesystem::path(*rootPath)
                                                                    : bundle / *rootPath;
    if (auto readonly = root->find("readonly"); readonly != root->end() && readonly->is_boolean())
        spec.rootReadonly = readonly->get<bool>();

    auto process = document.find("process");
    if (process == document.end())
        return invalid("process", "is missing: say which program the container runs");
    auto parsedProcess = parseProcessSpec(*process);
    if (!parsedProcess)
        return std::unexpected(parsedProcess.error());
    spec.process = std::move(*parsedProcess);

    auto hostname = readString(document, "hostname", "");
    auto domainname = readString(document, "domainname", "");
    if (!hostname || !domainname)
        return invalid("hostname", "and domainname must be strings");
    spec.hostname = *hostname;
    spec.domainname = *domainname;

    if (auto mounts = document.find("mounts"); mounts != document.end() && mounts->is_array()) {
        for (const auto &item : *mounts) {
            MountSpec mount;
            auto destination = readString(item, "destination", "mounts");
            auto type = readString(item, "type", "mounts");
            auto source = readString(item, "source", "mounts");
            auto options = readStrings(item, "options", "mounts");
            if (!destination || !type || !source || !options)
                return invalid("mounts", "entries need string destination, type, source and an options array");
            if (auto checked = checkAbsoluteClean("mounts.destination", *destination); !checked)
                return std::unexpected(checked.error());
            mount.destination = *destination;
            mount.type = *type;
            mount.source = *source;
            mount.options = std::move(*options);
            bool isBind = mount.type == "bind" ||
                          std::ranges::find(mount.options, "bind") != mount.options.end() ||
                          std::ranges::find(mount.options, "rbind") != mount.options.end();
            if (isBind && !mount.source.empty() && mount.source.front() != '/')
                mount.source = (bundle / mount.source).string();
            if (mount.type.empty() && !isBind)
                return invalid("mounts", "entry for " + backquoted(mount.destination) + " has no type (and is not a bind mount)");
            spec.mounts.push_back(std::move(mount));
        }
    }

    auto linuxObject = document.find("linux");
    if (linuxObject != document.end() && linuxObject->is_object()) {
        LinuxSpec &out = spec.linuxConfig;
        if (auto spaces = linuxObject->find("namespaces"); spaces != linuxObject->end() && spaces->is_array()) {
            for (const auto &item : *spaces) {
                auto type = readString(item, "type", "linux.namespaces");
                auto path = readString(item, "path", "linux.namespaces");
                if (!type || !path)
                    return invalid("linux.namespaces", "entries need a string type");
                NamespaceSpec space;
                space.type = *type;
                for (const auto &[name, flag] : namespaceTypes) {
                    if (*type == name)
                        space.cloneFlag = flag;
                }
                if (space.cloneFlag == 0)
                    return invalid("linux.namespaces", "names an unknown type " + backquoted(*type) +
                                                           " (pid, network, mount, ipc, uts, user, cgroup, time)");
                for (const auto &other : out.namespaces) {
                    if (other.cloneFlag == space.cloneFlag)
                        return invalid("linux.namespaces", "lists " + backquoted(*type) + " twice");
                }
                space.path = *path;
                out.namespaces.push_back(std::move(space));
            }
        }
        auto uidMappings = readMappings(*linuxObject, "uidMappings");
        auto gidMappings = readMappings(*linuxObject, "gidMappings");
        if (!uidMappings)
            return std::unexpected(uidMappings.error());
        if (!gidMappings)
            return std::unexpected(gidMappings.error());
        out.uidMappings = std::move(*uidMappings);
        out.gidMappings = std::move(*gidMappings);
        if (spec.hasNamespace(CLONE_NEWUSER) && spec.findNamespace(CLONE_NEWUSER)->path.empty() &&
            (out.uidMappings.empty() || out.gidMappings.empty()))
            return invalid("linux.uidMappings", "and gidMappings are needed when a new user namespace is made");

        if (auto devices = linuxObject->find("devices"); devices != linuxObject->end() && devices->is_array()) {
            for (const auto &item : *devices) {
                DeviceSpec device;
                auto path = readString(item, "path", "linux.devices");
                auto type = readString(item, "type", "linux.devices");
                auto major = readInteger<std::int64_t>(item, "major", "linux.devices");
                auto minor = readInteger<std::int64_t>(item, "minor", "linux.devices");
                auto mode = readInteger<std::uint32_t>(item, "fileMode", "linux.devices");
                auto uid = readInteger<std::uint32_t>(item, "uid", "linux.devices");
                auto gid = readInteger<std::uint32_t>(item, "gid", "linux.devices");
                if (!path || !type || !major || !minor || !mode || !uid || !gid || type->size() != 1 ||
                    std::string_view("cbup").find((*type)[0]) == std::string_view::npos)
                    return invalid("linux.devices", "entries need a path, a type of c, b, u or p, and integer numbers");
                if (auto checked = checkAbsoluteClean("linux.devices.path", *path); !checked)
                    return std::unexpected(checked.error());
                device.path = *path;
                device.type = (*type)[0];
                device.major = major->value_or(0);
                device.minor = minor->value_or(0);
                device.fileMode = mode->value_or(0666) & 07777;
                device.uid = uid->value_or(0);
                device.gid = gid->value_or(0);
                out.devices.push_back(std::move(device));
            }
        }
        auto cgroupsPath = readString(*linuxObject, "cgroupsPath", "linux");
        if (!cgroupsPath)
            return std::unexpected(cgroupsPath.error());
        out.cgroupsPath = *cgroupsPath;
        auto resources = readResources(*linuxObject);
        if (!resources)
            return std::unexpected(resources.error());
        out.resources = std::move(*resources);
        if (auto sysctl = linuxObject->find("sysctl"); sysctl != linuxObject->end() && sysctl->is_object()) {
            for (auto item = sysctl->cbegin(); item != sysctl->cend(); ++item) {
                auto entry = readStringMapEntry(item, "linux.sysctl");
                if (!entry)
                    return std::unexpected(entry.error());
                if (entry->first.find("..") != std::string::npos || entry->first.find('/') != std::string::npos)
                    return invalid("linux.sysctl", "key " + backquoted(entry->first) + " is not a sysctl name");
                out.sysctl.push_back(std::move(*entry));
            }
        }
        auto masked = readStrings(*linuxObject, "maskedPaths", "linux");
        auto readonly = readStrings(*linuxObject, "readonlyPaths", "linux");
        auto propagation = readString(*linuxObject, "rootfsPropagation", "linux");
        auto label = readString(*linuxObject, "mountLabel", "linux");
        if (!masked || !readonly || !propagation || !label)
            return invalid("linux", "maskedPaths and readonlyPaths must be string arrays, rootfsPropagation a string");
        out.maskedPaths = std::move(*masked);
        out.readonlyPaths = std::move(*readonly);
        out.rootfsPropagation = *propagation;
        out.mountLabel = *label;
        if (auto seccomp = linuxObject->find("seccomp"); seccomp != linuxObject->end() && seccomp->is_object())
            out.seccomp = *seccomp;
    }
    if (!spec.hostname.empty() && !spec.hasNamespace(CLONE_NEWUTS))
        return invalid("hostname", "can only be set with a uts namespace (add {\"type\": \"uts\"} to linux.namespaces)");

    if (auto annotations = document.find("annotations"); annotations != document.end() && annotations->is_object()) {
        for (auto item = annotations->cbegin(); item != annotations->cend(); ++item) {
            auto entry = readStringMapEntry(item, "annotations");
            if (!entry)
                return std::unexpected(entry.error());
            spec.annotations.push_back(std::move(*entry));
        }
    }
    return spec;
}

Result<RuntimeSpec> loadRuntimeSpec(const std::filesystem::path &bundle)
{
    std::filesystem::path configPath = bundle / "config.json";
    std::ifstream file(configPath);
    if (!file)
        return fail(ErrorCode::NotFound, "no config.json in the bundle " + backquoted(bundle.string()) +
                                             " (give the bundle directory with --bundle)");
    std::stringstream text;
    text << file.rdbuf();
    auto spec = parseRuntimeSpec(text.str(), bundle);
    if (!spec)
        return std::unexpected(std::move(spec.error()).withContext("reading " + backquoted(configPath.string())));
    return spec;
}

} // namespace berth::runtime

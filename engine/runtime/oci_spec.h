// The parts of an OCI runtime-spec config.json that berth-runtime acts on, parsed and
// checked up front so that a bad bundle fails before anything is created.
#pragma once

#include "engine/core/error.h"
#include "engine/runtime/cgroups.h"

#include <nlohmann/json.hpp>

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace berth::runtime {

struct ProcessUser {
    uid_t uid = 0;
    gid_t gid = 0;
    std::optional<mode_t> umask;
    std::vector<gid_t> additionalGids;
};

struct Rlimit {
    int resource = 0;     ///< RLIMIT_* number
    std::string name;     ///< "RLIMIT_NOFILE", for messages
    std::uint64_t soft = 0;
    std::uint64_t hard = 0;
};

/// Capability numbers (CAP_*) for each of the five sets.
struct CapabilitySets {
    std::vector<int> bounding;
    std::vector<int> effective;
    std::vector<int> inheritable;
    std::vector<int> permitted;
    std::vector<int> ambient;
};

struct ProcessSpec {
    bool terminal = false;
    unsigned short consoleWidth = 0;
    unsigned short consoleHeight = 0;
    ProcessUser user;
    std::vector<std::string> args;
    std::vector<std::string> env; ///< "NAME=value"
    std::string cwd = "/";
    std::optional<CapabilitySets> capabilities; ///< unset: keep none (OCI says so only when given; we drop all)
    std::vector<Rlimit> rlimits;
    bool noNewPrivileges = false;
    std::optional<int> oomScoreAdj;
};

struct MountSpec {
    std::string destination;
    std::string type;
    std::string source;
    std::vector<std::string> options;
};

struct NamespaceSpec {
    int cloneFlag = 0;       ///< CLONE_NEW*
    std::string type;        ///< "pid", "network", …
    std::filesystem::path path; ///< join this namespace instead of creating one
};

struct IdMapping {
    std::uint32_t containerId = 0;
    std::uint32_t hostId = 0;
    std::uint32_t size = 0;
};

struct DeviceSpec {
    std::string path;
    char type = 'c'; ///< c, b, u or p
    std::int64_t major = 0;
    std::int64_t minor = 0;
    mode_t fileMode = 0666;
    uid_t uid = 0;
    gid_t gid = 0;
};

struct LinuxSpec {
    std::vector<NamespaceSpec> namespaces;
    std::vector<IdMapping> uidMappings;
    std::vector<IdMapping> gidMappings;
    std::vector<DeviceSpec> devices;
    std::string cgroupsPath;
    CgroupResources resources;
    std::vector<std::pair<std::string, std::string>> sysctl;
    std::vector<std::string> maskedPaths;
    std::vector<std::string> readonlyPaths;
    std::string rootfsPropagation;
    std::optional<nlohmann::json> seccomp; ///< the raw linux.seccomp object
    std::string mountLabel;
};

struct RuntimeSpec {
    std::string ociVersion;
    std::filesystem::path rootPath; ///< absolute (resolved against the bundle)
    bool rootReadonly = false;
    std::string hostname;
    std::string domainname;
    ProcessSpec process;
    std::vector<MountSpec> mounts;
    LinuxSpec linuxConfig; ///< the "linux" object (not named linux: a GNU macro)
    std::vector<std::pair<std::string, std::string>> annotations;

    [[nodiscard]] bool hasNamespace(int cloneFlag) const;
    [[nodiscard]] const NamespaceSpec *findNamespace(int cloneFlag) const;
};

/// Parses config.json text; `bundle` resolves a relative root.path.
[[nodiscard]] Result<RuntimeSpec> parseRuntimeSpec(std::string_view text, const std::filesystem::path &bundle);
/// Reads and parses <bundle>/config.json.
[[nodiscard]] Result<RuntimeSpec> loadRuntimeSpec(const std::filesystem::path &bundle);
/// Parses a process object on its own (for `exec --process FILE`).
[[nodiscard]] Result<ProcessSpec> parseProcessSpec(const nlohmann::json &process);

/// "CAP_SYS_ADMIN" → 21; -1 for an unknown name.
[[nodiscard]] int capabilityFromName(std::string_view name);
[[nodiscard]] std::string capabilityName(int capability);
/// "RLIMIT_NOFILE" → RLIMIT_NOFILE; -1 for an unknown name.
[[nodiscard]] int rlimitFromName(std::string_view name);

} // namespace berth::runtime

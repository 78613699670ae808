// The OCI runtime spec (config.json) Berth writes for `berth run`: an image's run config
// combined with the user's docker-run options, following Docker's rules and defaults.
#pragma once

#include "engine/container/container_user.h"
#include "engine/core/error.h"

#include <nlohmann/json.hpp>

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::container {

/// What an image's config says about running it (the "config" object of an OCI image
/// config, with Docker's field names: Env, Entrypoint, Cmd, User, …).
struct ImageRunConfig {
    std::vector<std::string> env;        ///< "NAME=value"
    std::vector<std::string> entrypoint; ///< empty: none
    std::vector<std::string> cmd;
    std::string user;
    std::string workingDir;
    std::string stopSignal;
    std::vector<std::string> volumes;      ///< container paths (anonymous volumes are the caller's job)
    std::vector<std::string> exposedPorts; ///< "80/tcp"
    std::map<std::string, std::string> labels;
};

/// Parses the image config's "config" object; null or absent fields stay empty.
[[nodiscard]] Result<ImageRunConfig> parseImageRunConfig(const nlohmann::json &config);

enum class NetworkMode {
    None, ///< own network namespace with only loopback (docker --network none)
    Host, ///< the host's network namespace (docker --network host)
};

/// A host directory bound into the container: a bind mount, or a named volume the caller
/// has already resolved to its directory.
struct HostMount {
    std::filesystem::path source; ///< absolute host path
    std::string destination;      ///< absolute path inside the container
    bool readOnly = false;
};

/// The docker-run options Berth supports, in Docker's own terms.
struct RunOptions {
    std::string imageName;            ///< recorded as an annotation when not empty
    std::vector<std::string> command; ///< the arguments after the image; replace its Cmd
    /// --entrypoint: replaces the image's Entrypoint and drops its Cmd. An empty vector or
    /// {""} (what `--entrypoint ""` sends) clears the entrypoint.
    std::optional<std::vector<std::string>> entrypoint;
    /// -e values: "NAME=value", or "NAME" to take NAME from callerEnvironment (unset there:
    /// NAME is removed from the container's environment, as Docker does).
    std::vector<std::string> env;
    std::map<std::string, std::string> callerEnvironment;
    std::optional<std::string> user;    ///< -u: uid, name, uid:gid, name:group
    std::optional<std::string> workdir; ///< -w: absolute
    std::string hostname;               ///< -h; empty: first 12 characters of the id
    bool tty = false;                   ///< -t
    bool privileged = false;
    std::vector<std::string> capAdd;  ///< "NET_ADMIN", "CAP_NET_ADMIN" or "ALL"
    std::vector<std::string> capDrop;
    /// --security-opt as Docker sends them: "seccomp=unconfined", "seccomp=<profile JSON>"
    /// (Docker's profile format or OCI's), "no-new-privileges[=true|false]".
    std::vector<std::string> securityOptions;
    bool readOnly = false;                     ///< --read-only root filesystem
    std::optional<std::int64_t> memoryBytes;   ///< -m
    std::optional<std::int64_t> memorySwapBytes; ///< --memory-swap: memory+swap, -1 unlimited
    std::optional<double> cpus;                ///< --cpus, fractional
    std::optional<std::int64_t> cpuShares;     ///< --cpu-shares
    std::optional<std::int64_t> pidsLimit;     ///< --pids-limit; ≤ 0 unlimited
    std::vector<std::string> ulimits;          ///< --ulimit name=soft[:hard]
    std::vector<std::string> tmpfs;            ///< --tmpfs path[:options]
    std::vector<std::string> binds;            ///< -v /host:/container[:ro|rw]
    std::vector<HostMount> volumeMounts;       ///< named volumes, already resolved
    NetworkMode network = NetworkMode::None;
};

/// Docker's default capabilities, in Docker's order.
[[nodiscard]] const std::vector<std::string> &dockerDefaultCapabilities();

/// Docker's capability rules: privileged → every capability this kernel has; otherwise the
/// default set with drops removed and adds appended ("ALL" in adds: all but the drops;
/// "ALL" in drops: only the adds). Names may omit CAP_; unknown names are InvalidArgument.
[[nodiscard]] Result<std::vector<std::string>> containerCapabilities(const RunOptions &options);

/// The annotation key under which the image name is recorded.
inline constexpr std::string_view imageNameAnnotation = "org.berth.image.name";

/// config.json for running `image` with `options` in `rootfs` (an absolute path, written as
/// root.path) as container `containerId`; Docker's defaults for everything not given.
[[nodiscard]] Result<nlohmann::json> buildContainerSpec(const ImageRunConfig &image, const RunOptions &options,
                                                        const std::filesystem::path &rootfs, std::string containerId);

} // namespace berth::container

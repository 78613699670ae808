// What `berth create`/`run` asks for, in the Docker Engine API's names (Image, Cmd, Env,
// HostConfig fields flattened: Binds, Memory, RestartPolicy, AutoRemove, …). The helper
// stores the request as JSON in the container's record and turns it into RunOptions at
// every start; this file checks it once, at create, so a bad request fails early.
#pragma once

#include "engine/container/container_spec.h"
#include "engine/core/error.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace berth::container {

struct RestartPolicy {
    enum class Kind { No, Always, UnlessStopped, OnFailure };
    Kind kind = Kind::No;
    int maximumRetryCount = 0; ///< on-failure only; 0 = no limit
};

/// Docker's names: "no", "always", "unless-stopped", "on-failure".
[[nodiscard]] std::string restartPolicyName(RestartPolicy::Kind kind);
/// The CLI's form "on-failure[:N]", "always", "unless-stopped", "no" (or empty).
[[nodiscard]] Result<RestartPolicy> parseRestartPolicy(std::string_view text);

/// `-v name:/path[:ro]`: a named volume (an empty name: an anonymous one).
struct VolumeRequest {
    std::string name;
    std::string destination;
    bool readOnly = false;
};

/// The request after checking: everything the helper needs apart from volume directories.
struct CreateRequest {
    std::string image; ///< as the user named it
    std::string name;  ///< empty: the helper picks one
    RunOptions run;    ///< binds hold only host paths; named volumes are in volumes
    std::vector<VolumeRequest> volumes;
    RestartPolicy restart;
    bool autoRemove = false;
    bool openStdin = false;
    std::string stopSignal; ///< empty: the image's, else SIGTERM
    int stopTimeoutSeconds = 10;
    std::map<std::string, std::string> labels;
    /// LogConfig.Config's max-size and max-file (--log-opt); absent: the settings'.
    std::optional<std::uint64_t> logMaxBytes;
    std::optional<unsigned> logMaxFiles;
};

/// The log limits' bounds, the same as the log-max-size and log-max-file settings'.
inline constexpr std::uint64_t smallestLogMaxBytes = 4 * 1024;
inline constexpr std::uint64_t largestLogMaxBytes = 16ULL * 1024 * 1024 * 1024;
inline constexpr unsigned largestLogMaxFiles = 100;

/// Checks a create request and splits -v values into host binds and named volumes.
/// InvalidArgument naming the field and the bad value; unknown fields are refused, so a
/// typo never silently runs a container without what was asked.
[[nodiscard]] Result<CreateRequest> parseCreateRequest(const nlohmann::json &request);

} // namespace berth::container

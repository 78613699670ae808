// `docker inspect` for a container: the record, its create request and its OCI spec laid
// out with Docker's field names.
#include "container_manager.h"

#include "engine/container/container_bundle.h"

#include <ctime>
#include <fstream>
#include <map>

using berth::container::ContainerPaths;
using berth::container::ContainerStatus;
using nlohmann::json;

namespace {

std::string rfc3339(std::int64_t seconds)
{
    const std::time_t time = static_cast<std::time_t>(seconds);
    std::tm utc{};
    ::gmtime_r(&time, &utc);
    char text[40];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

// Docker writes the zero time for a container that never started or ended.
std::string orZeroTime(const std::string &timestamp)
{
    return timestamp.empty() ? "0001-01-01T00:00:00Z" : timestamp;
}

json fieldOr(const json &object, const char *key, json fallback)
{
    auto found = object.find(key);
    return found == object.end() || found->is_null() ? fallback : *found;
}

} // namespace

berth::Result<json> ContainerManager::inspect(const std::string &idOrName)
{
    auto record = records_.find(idOrName);
    if (!record)
        return std::unexpected(record.error());
    const auto paths = ContainerPaths::of(store_.root(), record->id);
    const json &request = record->config;
    auto parsed = berth::container::parseCreateRequest(request);
    json spec;
    if (std::ifstream file(paths.spec); file)
        spec = json::parse(file, nullptr, false);
    if (spec.is_discarded() || !spec.is_object())
        spec = json::object();
    const json process = spec.value("process", json::object());
    const json args = process.value("args", json::array());

    auto image = imageRunConfig(record->imageId);
    json cmd = fieldOr(request, "Cmd", json::array());
    json entrypoint = fieldOr(request, "Entrypoint", json());
    json env = process.value("env", json::array());
    if (image) {
        if (cmd.empty() && entrypoint.is_null())
            cmd = image->cmd;
        if (entrypoint.is_null())
            entrypoint = image->entrypoint.empty() ? json() : json(image->entrypoint);
    }

    const auto &state = record->state;
    const auto status = state.status;
    json stateJson{
        {"Status", std::string(berth::container::statusName(status))},
        {"Running", status == ContainerStatus::Running || status == ContainerStatus::Paused},
        {"Paused", status == ContainerStatus::Paused},
        {"Restarting", status == ContainerStatus::Restarting},
        {"OOMKilled", state.oomKilled},
        {"Dead", status == ContainerStatus::Dead},
        {"Pid", state.pid},
        {"ExitCode", state.exitCode},
        {"Error", state.error},
        {"StartedAt", orZeroTime(state.startedAt)},
        {"FinishedAt", orZeroTime(state.finishedAt)},
    };

    json restartPolicy{{"Name", "no"}, {"MaximumRetryCount", 0}};
    if (parsed)
        restartPolicy = {{"Name", berth::container::restartPolicyName(parsed->restart.kind)},
                         {"MaximumRetryCount", parsed->restart.maximumRetryCount}};
    json hostConfig{
        {"Binds", fieldOr(request, "Binds", json())},
        {"NetworkMode", fieldOr(request, "NetworkMode", "none")},
        {"RestartPolicy", restartPolicy},
        {"AutoRemove", fieldOr(request, "AutoRemove", false)},
        {"Privileged", fieldOr(request, "Privileged", false)},
        {"ReadonlyRootfs", fieldOr(request, "ReadonlyRootfs", false)},
        {"CapAdd", fieldOr(request, "CapAdd", json())},
        {"CapDrop", fieldOr(request, "CapDrop", json())},
        {"SecurityOpt", fieldOr(request, "SecurityOpt", json())},
        {"Memory", fieldOr(request, "Memory", 0)},
        {"MemorySwap", fieldOr(request, "MemorySwap", 0)},
        {"NanoCpus", fieldOr(request, "NanoCpus", 0)},
        {"CpuShares", fieldOr(request, "CpuShares", 0)},
        {"PidsLimit", fieldOr(request, "PidsLimit", json())},
        {"Ulimits", fieldOr(request, "Ulimits", json())},
        {"Tmpfs", fieldOr(request, "Tmpfs", json())},
        // Containers made before their record kept it had the defaults.
        {"LogConfig", fieldOr(request, "LogConfig", json{{"Type", "json-file"}, {"Config", {{"max-size", "10m"}, {"max-file", "3"}}}})},
    };

    // Volumes are binds of their _data directories in the spec; Docker shows them by name.
    std::map<std::string, berth::volume::VolumeMount> volumesByDestination;
    if (auto volumeMounts = volumes_.mountsOf(record->id))
        for (const auto &mount : *volumeMounts)
            volumesByDestination[mount.destination] = mount;
    json mounts = json::array();
    for (const auto &mount : spec.value("mounts", json::array())) {
        const auto options = mount.value("options", json::array());
        const bool readOnly = std::find(options.begin(), options.end(), "ro") != options.end();
        const std::string destination = mount.value("destination", "");
        if (mount.value("type", "") != "bind")
            continue;
        if (auto volume = volumesByDestination.find(destination); volume != volumesByDestination.end()) {
            mounts.push_back({{"Type", "volume"},
                              {"Name", volume->second.volumeName},
                              {"Source", mount.value("source", "")},
                              {"Destination", destination},
                              {"Driver", "local"},
                              {"Mode", readOnly ? "ro" : "z"},
                              {"RW", !readOnly},
                              {"Propagation", ""}});
            continue;
        }
        mounts.push_back({{"Type", "bind"},
                          {"Source", mount.value("source", "")},
                          {"Destination", destination},
                          {"Mode", readOnly ? "ro" : ""},
                          {"RW", !readOnly},
                          {"Propagation", "rprivate"}});
    }

    json config{
        {"Hostname", spec.value("hostname", "")},
        {"User", fieldOr(request, "User", "")},
        {"Tty", fieldOr(request, "Tty", false)},
        {"OpenStdin", fieldOr(request, "OpenStdin", false)},
        {"Env", env},
        {"Cmd", cmd},
        {"Entrypoint", entrypoint},
        {"Image", record->imageName},
        {"WorkingDir", process.value("cwd", "/") == "/" ? "" : process.value("cwd", "")},
        {"Labels", fieldOr(request, "Labels", json::object())},
        {"StopSignal", parsed && !parsed->stopSignal.empty() ? parsed->stopSignal
                                                             : (image && !image->stopSignal.empty() ? image->stopSignal : "SIGTERM")},
        {"StopTimeout", parsed ? parsed->stopTimeoutSeconds : 10},
    };

    return json{
        {"Id", record->id},
        {"Created", rfc3339(record->createdAt)},
        {"Path", args.empty() ? "" : args.front().get<std::string>()},
        {"Args", args.size() > 1 ? json(std::vector<json>(args.begin() + 1, args.end())) : json::array()},
        {"State", stateJson},
        {"Image", record->imageId},
        {"LogPath", paths.log.string()},
        {"Name", "/" + record->name},
        {"RestartCount", state.restartCount},
        {"Driver", "overlay"},
        {"Platform", "linux"},
        {"HostConfig", hostConfig},
        {"GraphDriver",
         {{"Name", "overlay"},
          {"Data", {{"UpperDir", paths.upper.string()}, {"WorkDir", paths.work.string()}, {"MergedDir", paths.rootfs.string()}}}}},
        {"Mounts", mounts},
        {"Config", config},
        {"NetworkSettings", {{"Networks", json::object()}, {"Ports", json::object()}}},
    };
}

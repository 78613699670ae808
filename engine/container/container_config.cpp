#include "engine/container/container_config.h"

#include "engine/core/settings.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace berth::container {
namespace {

using nlohmann::json;

std::unexpected<Error> invalid(std::string message)
{
    return fail(ErrorCode::InvalidArgument, std::move(message));
}

constexpr std::array<std::string_view, 32> knownFields{
    "Image",     "Name",        "Cmd",          "Entrypoint",     "Env",       "User",       "WorkingDir",
    "Hostname",  "Tty",         "OpenStdin",    "Privileged",     "CapAdd",    "CapDrop",    "SecurityOpt",
    "ReadonlyRootfs", "Memory", "MemorySwap",   "NanoCpus",       "CpuShares", "PidsLimit",  "Ulimits",
    "Tmpfs",     "Binds",       "Volumes",      "NetworkMode",    "RestartPolicy", "AutoRemove", "Labels",
    "StopSignal", "StopTimeout", "Init",      "LogConfig",
};

/// LogConfig: {"Type": "json-file", "Config": {"max-size": "10m", "max-file": "3"}} (--log-opt).
Status parseLogConfig(const json &request, CreateRequest &result)
{
    const auto found = request.find("LogConfig");
    if (found == request.end() || found->is_null())
        return {};
    if (!found->is_object())
        return invalid("LogConfig must be {\"Type\": \"json-file\", \"Config\": {…}}, not " + found->dump());
    if (const auto type = found->find("Type"); type != found->end() && !type->is_null()) {
        if (!type->is_string() || (type->get<std::string>() != "json-file" && !type->get<std::string>().empty()))
            return invalid("--log-driver " + type->dump() + " is not supported: Berth keeps each container's log itself, "
                           "as Docker's json-file driver does; leave --log-driver out or give json-file");
    }
    const auto config = found->find("Config");
    if (config == found->end() || config->is_null())
        return {};
    if (!config->is_object())
        return invalid("LogConfig.Config must be an object of --log-opt values, not " + config->dump());
    for (const auto &[key, value] : config->items()) {
        if (!value.is_string())
            return invalid("--log-opt " + key + " takes text, not " + value.dump());
        const std::string text = value.get<std::string>();
        if (key == "max-size") {
            auto bytes = parseSize(text);
            if (!bytes || *bytes < 0 || static_cast<std::uint64_t>(*bytes) < smallestLogMaxBytes ||
                static_cast<std::uint64_t>(*bytes) > largestLogMaxBytes)
                return invalid("--log-opt max-size=" + text + ": give a size from 4k to 16g, such as 10m");
            result.logMaxBytes = static_cast<std::uint64_t>(*bytes);
        } else if (key == "max-file") {
            unsigned files = 0;
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), files);
            if (error != std::errc() || end != text.data() + text.size() || files < 1 || files > largestLogMaxFiles)
                return invalid("--log-opt max-file=" + text + ": give a whole number of files from 1 to 100");
            result.logMaxFiles = files;
        } else {
            return invalid("--log-opt " + key + " is not known: Berth takes max-size and max-file");
        }
    }
    return {};
}

Result<std::vector<std::string>> strings(const json &request, const char *key)
{
    auto found = request.find(key);
    if (found == request.end() || found->is_null())
        return std::vector<std::string>{};
    if (!found->is_array())
        return invalid(std::string(key) + " must be a list of strings, not " + found->dump());
    std::vector<std::string> values;
    for (const auto &item : *found) {
        if (!item.is_string())
            return invalid(std::string(key) + " holds " + item.dump() + ", which is not a string");
        values.push_back(item.get<std::string>());
    }
    return values;
}

Result<std::string> text(const json &request, const char *key)
{
    auto found = request.find(key);
    if (found == request.end() || found->is_null())
        return std::string{};
    if (!found->is_string())
        return invalid(std::string(key) + " must be a string, not " + found->dump());
    return found->get<std::string>();
}

Result<bool> flag(const json &request, const char *key)
{
    auto found = request.find(key);
    if (found == request.end() || found->is_null())
        return false;
    if (!found->is_boolean())
        return invalid(std::string(key) + " must be true or false, not " + found->dump());
    return found->get<bool>();
}

Result<std::optional<std::int64_t>> number(const json &request, const char *key)
{
    auto found = request.find(key);
    if (found == request.end() || found->is_null())
        return std::optional<std::int64_t>{};
    if (!found->is_number_integer())
        return invalid(std::string(key) + " must be a whole number, not " + found->dump());
    return std::optional(found->get<std::int64_t>());
}

bool isVolumeName(std::string_view name)
{
    if (name.size() < 2 || !std::isalnum(static_cast<unsigned char>(name.front())))
        return false;
    return std::ranges::all_of(name, [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '.' || c == '-'; });
}

// -v takes three forms: /host:/ctr[:mode] (bind), name:/ctr[:mode] (named volume) and
// /ctr alone (anonymous volume).
Status splitVolumeOption(const std::string &option, CreateRequest &request)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const auto colon = option.find(':', start);
        parts.push_back(option.substr(start, colon - start));
        if (colon == std::string::npos)
            break;
        start = colon + 1;
    }
    if (parts.size() == 1) {
        if (!parts[0].starts_with('/'))
            return invalid("-v " + backquoted(option) + ": a volume needs a container path, e.g. -v data:/data or -v /data");
        request.volumes.push_back({"", parts[0], false});
        return {};
    }
    if (parts.size() > 3 || parts[0].empty() || parts[1].empty())
        return invalid("-v " + backquoted(option) + " is not SOURCE:/container/path[:ro|rw]");
    bool readOnly = false;
    if (parts.size() == 3) {
        if (parts[2] == "ro")
            readOnly = true;
        else if (parts[2] != "rw")
            return invalid("-v " + backquoted(option) + ": the mode " + backquoted(parts[2]) + " is neither ro nor rw");
    }
    if (!parts[1].starts_with('/'))
        return invalid("-v " + backquoted(option) + ": the container path " + backquoted(parts[1]) +
                       " must be absolute");
    if (parts[0].starts_with('/')) {
        request.run.binds.push_back(option);
        return {};
    }
    if (!isVolumeName(parts[0]))
        return invalid("-v " + backquoted(option) + ": \"" + parts[0] +
                       "\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are "
                       "allowed. If you intended to pass a host directory, use absolute path");
    request.volumes.push_back({parts[0], parts[1], readOnly});
    return {};
}

} // namespace

std::string restartPolicyName(RestartPolicy::Kind kind)
{
    switch (kind) {
    case RestartPolicy::Kind::No: return "no";
    case RestartPolicy::Kind::Always: return "always";
    case RestartPolicy::Kind::UnlessStopped: return "unless-stopped";
    case RestartPolicy::Kind::OnFailure: return "on-failure";
    }
    return "no";
}

Result<RestartPolicy> parseRestartPolicy(std::string_view value)
{
    RestartPolicy policy;
    const auto colon = value.find(':');
    const std::string_view name = value.substr(0, colon);
    if (name.empty() || name == "no")
        policy.kind = RestartPolicy::Kind::No;
    else if (name == "always")
        policy.kind = RestartPolicy::Kind::Always;
    else if (name == "unless-stopped")
        policy.kind = RestartPolicy::Kind::UnlessStopped;
    else if (name == "on-failure")
        policy.kind = RestartPolicy::Kind::OnFailure;
    else
        return invalid("invalid restart policy " + backquoted(value) + ": use no, always, unless-stopped or on-failure[:N]");
    if (colon != std::string_view::npos) {
        const auto count = value.substr(colon + 1);
        int parsed = -1;
        auto [end, error] = std::from_chars(count.data(), count.data() + count.size(), parsed);
        if (policy.kind != RestartPolicy::Kind::OnFailure)
            return invalid("invalid restart policy " + backquoted(value) + ": only on-failure takes a retry count");
        if (error != std::errc() || end != count.data() + count.size() || parsed < 0)
            return invalid("invalid restart policy " + backquoted(value) + ": the retry count must be a whole number ≥ 0");
        policy.maximumRetryCount = parsed;
    }
    return policy;
}

Result<CreateRequest> parseCreateRequest(const json &request)
{
    if (!request.is_object())
        return invalid("a create request must be an object, not " + request.dump());
    for (const auto &item : request.items()) {
        if (std::ranges::find(knownFields, item.key()) == knownFields.end())
            return invalid("unknown create option " + backquoted(item.key()) + "; this Berth does not support it");
    }
    CreateRequest result;
    auto image = text(request, "Image");
    if (!image)
        return std::unexpected(image.error());
    if (image->empty())
        return invalid("no image given: name the image to run, e.g. `berth run busybox echo hi`");
    result.image = *image;
    result.run.imageName = *image;

    struct StringField {
        const char *key;
        std::string *target;
    };
    std::string network;
    for (auto [key, target] : std::array<StringField, 4>{{{"Name", &result.name},
                                                          {"Hostname", &result.run.hostname},
                                                          {"StopSignal", &result.stopSignal},
                                                          {"NetworkMode", &network}}}) {
        auto value = text(request, key);
        if (!value)
            return std::unexpected(value.error());
        *target = std::move(*value);
    }
    for (const char *key : {"User", "WorkingDir"}) {
        auto value = text(request, key);
        if (!value)
            return std::unexpected(value.error());
        if (value->empty())
            continue;
        if (std::string_view(key) == "User")
            result.run.user = *value;
        else
            result.run.workdir = *value;
    }
    if (result.run.workdir && !result.run.workdir->starts_with('/'))
        return invalid("the working directory " + backquoted(*result.run.workdir) + " is invalid; it needs to be an absolute path");
    if (network.empty() || network == "none" || network == "default")
        result.run.network = NetworkMode::None;
    else if (network == "host")
        result.run.network = NetworkMode::Host;
    else
        return invalid("network " + backquoted(network) +
                       " is not available yet: this Berth runs containers with --network none (the default) or host");

    struct ListField {
        const char *key;
        std::vector<std::string> *target;
    };
    std::vector<std::string> volumeOptions;
    std::vector<std::string> anonymousPaths;
    for (auto [key, target] : std::array<ListField, 10>{{{"Cmd", &result.run.command},
                                                         {"Env", &result.run.env},
                                                         {"CapAdd", &result.run.capAdd},
                                                         {"CapDrop", &result.run.capDrop},
                                                         {"SecurityOpt", &result.run.securityOptions},
                                                         {"Ulimits", &result.run.ulimits},
                                                         {"Tmpfs", &result.run.tmpfs},
                                                         {"Binds", &volumeOptions},
                                                         {"Volumes", &anonymousPaths},
                                                         {"Init", nullptr}}}) {
        if (target == nullptr) {
            if (request.contains(key) && !request[key].is_null() && request[key] != false)
                return invalid("--init is not supported yet: run your own init as the command");
            continue;
        }
        auto values = strings(request, key);
        if (!values)
            return std::unexpected(values.error());
        *target = std::move(*values);
    }
    if (auto found = request.find("Entrypoint"); found != request.end() && !found->is_null()) {
        auto values = strings(request, "Entrypoint");
        if (!values)
            return std::unexpected(values.error());
        result.run.entrypoint = std::move(*values);
    }
    for (const auto &option : volumeOptions) {
        if (auto split = splitVolumeOption(option, result); !split)
            return std::unexpected(split.error());
    }
    for (const auto &path : anonymousPaths) {
        if (!path.starts_with('/'))
            return invalid("the volume path " + backquoted(path) + " must be absolute");
        result.volumes.push_back({"", path, false});
    }
    for (const auto &[key, target] : std::array<std::pair<const char *, bool *>, 5>{{{"Tty", &result.run.tty},
                                                                                      {"OpenStdin", &result.openStdin},
                                                                                      {"Privileged", &result.run.privileged},
                                                                                      {"ReadonlyRootfs", &result.run.readOnly},
                                                                                      {"AutoRemove", &result.autoRemove}}}) {
        auto value = flag(request, key);
        if (!value)
            return std::unexpected(value.error());
        *target = *value;
    }
    for (const auto &[key, target] :
         std::array<std::pair<const char *, std::optional<std::int64_t> *>, 4>{{{"Memory", &result.run.memoryBytes},
                                                                                {"MemorySwap", &result.run.memorySwapBytes},
                                                                                {"CpuShares", &result.run.cpuShares},
                                                                                {"PidsLimit", &result.run.pidsLimit}}}) {
        auto value = number(request, key);
        if (!value)
            return std::unexpected(value.error());
        *target = *value;
    }
    auto nanoCpus = number(request, "NanoCpus");
    if (!nanoCpus)
        return std::unexpected(nanoCpus.error());
    if (*nanoCpus) {
        if (**nanoCpus <= 0)
            return invalid("--cpus must be more than 0, got " + std::to_string(static_cast<double>(**nanoCpus) / 1e9));
        result.run.cpus = static_cast<double>(**nanoCpus) / 1e9;
    }
    if (auto logConfig = parseLogConfig(request, result); !logConfig)
        return std::unexpected(logConfig.error());
    auto stopTimeout = number(request, "StopTimeout");
    if (!stopTimeout)
        return std::unexpected(stopTimeout.error());
    if (*stopTimeout) {
        if (**stopTimeout < -1 || **stopTimeout > 86400)
            return invalid("the stop timeout must be -1 (wait for ever) or 0 to 86400 seconds, got " +
                           std::to_string(**stopTimeout));
        result.stopTimeoutSeconds = static_cast<int>(**stopTimeout);
    }
    if (auto policy = request.find("RestartPolicy"); policy != request.end() && !policy->is_null()) {
        if (!policy->is_object())
            return invalid("RestartPolicy must be {\"Name\": …, \"MaximumRetryCount\": …}, not " + policy->dump());
        auto name = text(*policy, "Name");
        auto count = number(*policy, "MaximumRetryCount");
        if (!name || !count)
            return std::unexpected(name ? count.error() : name.error());
        auto parsed = parseRestartPolicy(*name);
        if (!parsed)
            return std::unexpected(parsed.error());
        if (count->value_or(0) != 0) {
            if (parsed->kind != RestartPolicy::Kind::OnFailure || **count < 0)
                return invalid("MaximumRetryCount " + std::to_string(**count) + " goes only with the on-failure policy and must be ≥ 0");
            parsed->maximumRetryCount = static_cast<int>(**count);
        }
        result.restart = *parsed;
    }
    if (result.autoRemove && result.restart.kind != RestartPolicy::Kind::No)
        return invalid("conflicting options: --restart and --rm; a container removed when it stops cannot be restarted");
    if (auto labels = request.find("Labels"); labels != request.end() && !labels->is_null()) {
        if (!labels->is_object())
            return invalid("Labels must be an object of strings, not " + labels->dump());
        for (const auto &item : labels->items()) {
            if (!item.value().is_string())
                return invalid("the label " + backquoted(item.key()) + " has a value that is not a string");
            result.labels[item.key()] = item.value().get<std::string>();
        }
    }
    return result;
}

} // namespace berth::container

#include "engine/runtime/runtime_state.h"

#include "engine/core/cgroup_layout.h"
#include "engine/runtime/cgroups.h"
#include "engine/runtime/linux_calls.h"

#include <fcntl.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <sstream>

namespace berth::runtime {

namespace {
using nlohmann::json;
}

std::string_view containerStatusName(ContainerStatus status)
{
    switch (status) {
    case ContainerStatus::Creating:
        return "creating";
    case ContainerStatus::Created:
        return "created";
    case ContainerStatus::Running:
        return "running";
    case ContainerStatus::Paused:
        return "paused";
    case ContainerStatus::Stopped:
        return "stopped";
    }
    return "unknown";
}

Status validateContainerId(std::string_view id)
{
    auto allowed = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
               c == '-';
    };
    if (id.empty() || id.size() > 1024 || id.front() == '.' || id.front() == '-' ||
        !std::ranges::all_of(id, allowed))
        return fail(ErrorCode::InvalidArgument,
                    "container id " + backquoted(id) +
                        " is not valid: use letters, digits, `_`, `.` and `-`, starting with a letter or digit");
    return {};
}

std::filesystem::path containerStateDirectory(const std::filesystem::path &stateRoot, std::string_view id)
{
    return stateRoot / std::string(id);
}

std::filesystem::path execFifoPath(const std::filesystem::path &stateRoot, std::string_view id)
{
    return containerStateDirectory(stateRoot, id) / "exec.fifo";
}

std::filesystem::path seccompCacheDirectory(const std::filesystem::path &stateRoot)
{
    return stateRoot / ".seccomp-cache";
}

Status writeContainerState(const std::filesystem::path &stateRoot, const ContainerState &state)
{
    json document = {
        {"ociVersion", state.ociVersion}, {"id", state.id},       {"pid", state.pid},
        {"pidStartTime", state.pidStartTime}, {"bundle", state.bundle.string()},
        {"rootfs", state.rootfs.string()}, {"cgroupPath", state.cgroupPath}, {"created", state.created},
    };
    json annotations = json::object();
    for (const auto &[key, value] : state.annotations)
        annotations[key] = value;
    document["annotations"] = annotations;
    const auto directory = containerStateDirectory(stateRoot, state.id);
    const auto finalPath = directory / "state.json";
    const auto temporaryPath = directory / "state.json.tmp";
    const std::string text = document.dump();
    const int fd = ::open(temporaryPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return failErrno("writing " + backquoted(temporaryPath.string()), errno);
    UniqueFd owned(fd);
    // No fsync: the state root lives on tmpfs (/run) and does not outlive a reboot anyway.
    if (::write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size()))
        return failErrno("writing " + backquoted(temporaryPath.string()), errno);
    if (::rename(temporaryPath.c_str(), finalPath.c_str()) != 0)
        return failErrno("renaming " + backquoted(temporaryPath.string()), errno);
    return {};
}

Result<ContainerState> readContainerState(const std::filesystem::path &stateRoot, std::string_view id)
{
    if (auto valid = validateContainerId(id); !valid)
        return std::unexpected(valid.error());
    const auto path = containerStateDirectory(stateRoot, id) / "state.json";
    std::ifstream file(path);
    if (!file)
        return fail(ErrorCode::NotFound, "there is no container " + backquoted(id) + " (`berth-runtime list` shows them)");
    std::stringstream text;
    text << file.rdbuf();
    json document = json::parse(text.str(), nullptr, false);
    if (document.is_discarded() || !document.is_object())
        return fail(ErrorCode::Io, "the state of container " + backquoted(id) + " in " + backquoted(path.string()) +
                                       " is damaged; `berth-runtime delete --force " + std::string(id) +
                                       "` removes it");
    ContainerState state;
    state.ociVersion = document.value("ociVersion", "");
    state.id = document.value("id", std::string(id));
    state.pid = document.value("pid", 0);
    state.pidStartTime = document.value("pidStartTime", std::uint64_t(0));
    state.bundle = document.value("bundle", "");
    state.rootfs = document.value("rootfs", "");
    state.cgroupPath = document.value("cgroupPath", "");
    state.created = document.value("created", "");
    if (auto annotations = document.find("annotations"); annotations != document.end() && annotations->is_object()) {
        for (auto item = annotations->begin(); item != annotations->end(); ++item) {
            if (item->is_string())
                state.annotations.emplace_back(item.key(), item->get<std::string>());
        }
    }
    return state;
}

Result<std::vector<ContainerState>> listContainerStates(const std::filesystem::path &stateRoot)
{
    std::vector<ContainerState> states;
    std::error_code error;
    std::filesystem::directory_iterator entries(stateRoot, error);
    if (error == std::errc::no_such_file_or_directory)
        return states;
    if (error)
        return fail(ErrorCode::Io, "listing " + backquoted(stateRoot.string()) + ": " + error.message());
    for (const auto &entry : entries) {
        auto state = readContainerState(stateRoot, entry.path().filename().string());
        if (state)
            states.push_back(std::move(*state));
    }
    return states;
}

ContainerStatus currentStatus(const std::filesystem::path &stateRoot, const ContainerState &state)
{
    if (state.pid <= 0)
        return ContainerStatus::Creating;
    if (!processIsAlive(state.pid, state.pidStartTime))
        return ContainerStatus::Stopped;
    std::error_code ignored;
    if (std::filesystem::exists(execFifoPath(stateRoot, state.id), ignored))
        return ContainerStatus::Created;
    if (!state.cgroupPath.empty()) {
        auto cgroup = openCgroup(detectCgroupLayout(), state.cgroupPath);
        if (cgroup) {
            auto frozen = (*cgroup)->isFrozen();
            if (frozen && *frozen)
                return ContainerStatus::Paused;
        }
    }
    return ContainerStatus::Running;
}

std::string stateDocument(const ContainerState &state, ContainerStatus status)
{
    json document = {
        {"ociVersion", state.ociVersion.empty() ? "1.0.2" : state.ociVersion},
        {"id", state.id},
        {"status", containerStatusName(status)},
        {"bundle", state.bundle.string()},
        {"rootfs", state.rootfs.string()},
        {"created", state.created},
    };
    if (status != ContainerStatus::Stopped)
        document["pid"] = state.pid;
    else
        document["pid"] = 0;
    json annotations = json::object();
    for (const auto &[key, value] : state.annotations)
        annotations[key] = value;
    document["annotations"] = annotations;
    return document.dump(2);
}

} // namespace berth::runtime

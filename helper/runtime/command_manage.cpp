// The verbs on an existing container id: start, state, list, kill, delete, pause, resume.
#include "helper/runtime/runtime_cli.h"

#include "engine/runtime/container_lifecycle.h"
#include "engine/runtime/runtime_state.h"

#include <array>
#include <cstdio>

namespace berth::runtime_cli {

namespace {

constexpr std::array<OptionSpec, 0> noOptions{};

// Parses `COMMAND [OPTIONS] ID [EXTRA]` and reports usage errors the same way for all.
std::optional<ParsedArguments> idArguments(const char *command, std::span<char *> arguments,
                                           std::span<const OptionSpec> specs, std::size_t maximumPositional,
                                           int &exitCode)
{
    auto parsed = parseArguments(arguments, specs);
    if (!parsed) {
        exitCode = usageError(command, parsed.error().message());
        return std::nullopt;
    }
    if (parsed->positional.empty() || parsed->positional.size() > maximumPositional) {
        exitCode = usageError(command, std::string("give the container id: `berth-runtime ") + command + " ID`");
        return std::nullopt;
    }
    return std::move(*parsed);
}

int finish(const Status &status)
{
    if (!status) {
        reportError(status.error());
        return exitFailure;
    }
    return 0;
}

} // namespace

int commandStart(const GlobalOptions &global, std::span<char *> arguments)
{
    int exitCode = 0;
    auto parsed = idArguments("start", arguments, noOptions, 1, exitCode);
    if (!parsed)
        return exitCode;
    return finish(runtime::startContainer(global.stateRoot, parsed->positional[0]));
}

int commandState(const GlobalOptions &global, std::span<char *> arguments)
{
    int exitCode = 0;
    auto parsed = idArguments("state", arguments, noOptions, 1, exitCode);
    if (!parsed)
        return exitCode;
    auto state = runtime::readContainerState(global.stateRoot, parsed->positional[0]);
    if (!state) {
        reportError(state.error());
        return exitFailure;
    }
    std::printf("%s\n", runtime::stateDocument(*state, runtime::currentStatus(global.stateRoot, *state)).c_str());
    return 0;
}

int commandList(const GlobalOptions &global, std::span<char *> arguments)
{
    constexpr std::array options{OptionSpec{"quiet", 'q', false}, OptionSpec{"format", 'f', true}};
    auto parsed = parseArguments(arguments, options);
    if (!parsed)
        return usageError("list", parsed.error().message());
    auto states = runtime::listContainerStates(global.stateRoot);
    if (!states) {
        reportError(states.error());
        return exitFailure;
    }
    if (parsed->value("format") == "json") {
        std::printf("[");
        bool first = true;
        for (const auto &state : *states) {
            std::printf("%s%s", first ? "" : ",",
                        runtime::stateDocument(state, runtime::currentStatus(global.stateRoot, state)).c_str());
            first = false;
        }
        std::printf("]\n");
        return 0;
    }
    if (!parsed->has("quiet"))
        std::printf("%-24s %-8s %-10s %s\n", "ID", "PID", "STATUS", "BUNDLE");
    for (const auto &state : *states) {
        if (parsed->has("quiet")) {
            std::printf("%s\n", state.id.c_str());
            continue;
        }
        auto status = runtime::currentStatus(global.stateRoot, state);
        std::printf("%-24s %-8d %-10s %s\n", state.id.c_str(), status == runtime::ContainerStatus::Stopped ? 0 : state.pid,
                    std::string(runtime::containerStatusName(status)).c_str(), state.bundle.c_str());
    }
    return 0;
}

int commandKill(const GlobalOptions &global, std::span<char *> arguments)
{
    constexpr std::array options{OptionSpec{"all", 'a', false}};
    int exitCode = 0;
    auto parsed = idArguments("kill", arguments, options, 2, exitCode);
    if (!parsed)
        return exitCode;
    const std::string signal = parsed->positional.size() > 1 ? parsed->positional[1] : "TERM";
    if (auto valid = runtime::parseSignal(signal); !valid)
        return usageError("kill", valid.error().message());
    return finish(runtime::killContainer(global.stateRoot, parsed->positional[0], signal, parsed->has("all")));
}

int commandDelete(const GlobalOptions &global, std::span<char *> arguments)
{
    constexpr std::array options{OptionSpec{"force", 'f', false}};
    int exitCode = 0;
    auto parsed = idArguments("delete", arguments, options, 1, exitCode);
    if (!parsed)
        return exitCode;
    return finish(runtime::deleteContainer(global.stateRoot, parsed->positional[0], parsed->has("force")));
}

int commandPause(const GlobalOptions &global, std::span<char *> arguments)
{
    int exitCode = 0;
    auto parsed = idArguments("pause", arguments, noOptions, 1, exitCode);
    if (!parsed)
        return exitCode;
    return finish(runtime::pauseContainer(global.stateRoot, parsed->positional[0]));
}

int commandResume(const GlobalOptions &global, std::span<char *> arguments)
{
    int exitCode = 0;
    auto parsed = idArguments("resume", arguments, noOptions, 1, exitCode);
    if (!parsed)
        return exitCode;
    return finish(runtime::resumeContainer(global.stateRoot, parsed->positional[0]));
}

} // namespace berth::runtime_cli

// `exec`: another process in a running container, described by --process FILE or by the
// container's own process with the command and the options given here.
#include "helper/runtime/runtime_cli.h"

#include "engine/runtime/container_lifecycle.h"
#include "engine/runtime/runtime_state.h"

#include <nlohmann/json.hpp>

#include <array>
#include <charconv>
#include <fstream>
#include <sstream>

namespace berth::runtime_cli {

namespace {

constexpr std::array execOptions{
    OptionSpec{"console-socket", 0, true}, OptionSpec{"cwd", 0, true},
    OptionSpec{"env", 'e', true, true},     OptionSpec{"tty", 't', false},
    OptionSpec{"user", 'u', true},          OptionSpec{"additional-gids", 'g', true, true},
    OptionSpec{"process", 'p', true},       OptionSpec{"detach", 'd', false},
    OptionSpec{"pid-file", 0, true},        OptionSpec{"cap", 'c', true, true},
    OptionSpec{"no-new-privs", 0, false},
};

std::optional<std::uint32_t> parseId(std::string_view text)
{
    std::uint32_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

Result<runtime::ProcessSpec> processFromFile(const std::string &path)
{
    std::ifstream file(path);
    if (!file)
        return fail(ErrorCode::NotFound, "cannot read the process file " + backquoted(path));
    std::stringstream text;
    text << file.rdbuf();
    auto document = nlohmann::json::parse(text.str(), nullptr, false);
    if (document.is_discarded())
        return fail(ErrorCode::InvalidArgument, "the process file " + backquoted(path) + " is not JSON");
    return runtime::parseProcessSpec(document);
}

Result<runtime::ProcessSpec> processFromOptions(const GlobalOptions &global, const ParsedArguments &parsed)
{
    auto state = runtime::readContainerState(global.stateRoot, parsed.positional[0]);
    if (!state)
        return std::unexpected(state.error());
    auto spec = runtime::loadRuntimeSpec(state->bundle);
    if (!spec)
        return std::unexpected(std::move(spec.error()).withContext("reading the container's bundle"));
    runtime::ProcessSpec process = spec->process;
    process.args.assign(parsed.positional.begin() + 1, parsed.positional.end());
    process.terminal = parsed.has("tty");
    if (parsed.has("cwd"))
        process.cwd = parsed.value("cwd");
    for (const auto &entry : parsed.all("env")) {
        if (entry.find('=') == std::string::npos || entry.front() == '=')
            return fail(ErrorCode::InvalidArgument, "--env " + backquoted(entry) + " must be NAME=value");
        const std::string name = entry.substr(0, entry.find('=') + 1);
        std::erase_if(process.env, [&](const std::string &existing) { return existing.starts_with(name); });
        process.env.push_back(entry);
    }
    if (parsed.has("user")) {
        const std::string user = parsed.value("user");
        const auto colon = user.find(':');
        auto uid = parseId(std::string_view(user).substr(0, colon));
        auto gid = colon == std::string::npos ? std::optional<std::uint32_t>(0)
                                              : parseId(std::string_view(user).substr(colon + 1));
        if (!uid || !gid)
            return fail(ErrorCode::InvalidArgument, "--user " + backquoted(user) + " must be UID[:GID] in numbers");
        process.user.uid = *uid;
        process.user.gid = *gid;
        process.user.additionalGids.clear();
    }
    for (const auto &group : parsed.all("additional-gids")) {
        auto gid = parseId(group);
        if (!gid)
            return fail(ErrorCode::InvalidArgument, "--additional-gids " + backquoted(group) + " is not a group number");
        process.user.additionalGids.push_back(*gid);
    }
    for (const auto &name : parsed.all("cap")) {
        const int capability = runtime::capabilityFromName(name);
        if (capability < 0)
            return fail(ErrorCode::InvalidArgument, "--cap " + backquoted(name) + " is not a capability name");
        if (!process.capabilities)
            process.capabilities.emplace();
        for (auto *set : {&process.capabilities->bounding, &process.capabilities->effective,
                          &process.capabilities->permitted})
            set->push_back(capability);
    }
    if (parsed.has("no-new-privs"))
        process.noNewPrivileges = true;
    return process;
}

} // namespace

int commandExec(const GlobalOptions &global, std::span<char *> arguments)
{
    auto parsed = parseArguments(arguments, execOptions, true);
    if (!parsed)
        return usageError("exec", parsed.error().message());
    const bool fromFile = parsed->has("process");
    if (parsed->positional.empty() || (!fromFile && parsed->positional.size() < 2))
        return usageError("exec", "give the container id and a command: `berth-runtime exec ID COMMAND [ARG...]`");
    auto process = fromFile ? processFromFile(parsed->value("process")) : processFromOptions(global, *parsed);
    if (!process) {
        reportError(process.error());
        return exitFailure;
    }
    runtime::ExecOptions options;
    options.stateRoot = global.stateRoot;
    options.id = parsed->positional[0];
    options.process = std::move(*process);
    options.detach = parsed->has("detach");
    options.pidFile = parsed->value("pid-file");
    options.consoleSocket = parsed->value("console-socket");
    auto exitCode = runtime::execInContainer(options);
    if (!exitCode) {
        reportError(exitCode.error());
        return runtime::exitStatusForCannotRun(exitCode.error()).value_or(exitFailure);
    }
    return *exitCode;
}

} // namespace berth::runtime_cli

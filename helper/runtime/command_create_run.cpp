// `create` and `run`: a container from a bundle.
#include "helper/runtime/runtime_cli.h"

#include "engine/runtime/container_lifecycle.h"

#include <array>

namespace berth::runtime_cli {

namespace {

constexpr std::array createOptions{
    OptionSpec{"bundle", 'b', true},          OptionSpec{"console-socket", 0, true},
    OptionSpec{"pid-file", 0, true},          OptionSpec{"no-pivot", 0, false},
    OptionSpec{"no-new-keyring", 0, false},   OptionSpec{"preserve-fds", 0, true},
    OptionSpec{"detach", 'd', false},         OptionSpec{"keep", 0, false},
};

Result<runtime::CreateOptions> createOptionsFrom(const GlobalOptions &global, const ParsedArguments &parsed)
{
    runtime::CreateOptions options;
    options.stateRoot = global.stateRoot;
    options.id = parsed.positional.front();
    options.bundle = parsed.value("bundle", ".");
    options.pidFile = parsed.value("pid-file");
    options.consoleSocket = parsed.value("console-socket");
    if (parsed.has("no-pivot"))
        return fail(ErrorCode::Unsupported, "--no-pivot is not supported: containers always get pivot_root");
    if (parsed.has("preserve-fds") && parsed.value("preserve-fds") != "0")
        return fail(ErrorCode::Unsupported, "--preserve-fds is not supported yet");
    return options;
}

int createOrRun(const char *command, const GlobalOptions &global, std::span<char *> arguments, bool run)
{
    auto parsed = parseArguments(arguments, createOptions);
    if (!parsed)
        return usageError(command, parsed.error().message());
    if (parsed->positional.size() != 1)
        return usageError(command, "give exactly one container id, e.g. `berth-runtime " + std::string(command) +
                                       " --bundle DIR ID`");
    if (!run && (parsed->has("detach") || parsed->has("keep")))
        return usageError(command, "--detach and --keep are options of run");
    auto options = createOptionsFrom(global, *parsed);
    if (!options) {
        reportError(options.error());
        return exitFailure;
    }
    if (!run) {
        auto created = runtime::createContainer(*options);
        if (!created) {
            reportError(created.error());
            return runtime::exitStatusForCannotRun(created.error()).value_or(exitFailure);
        }
        for (const auto &warning : created->warnings)
            reportWarning(warning);
        return 0;
    }
    std::vector<std::string> warnings;
    auto exitCode = runtime::runContainer(*options, parsed->has("detach"), warnings);
    for (const auto &warning : warnings)
        reportWarning(warning);
    if (!exitCode) {
        reportError(exitCode.error());
        return runtime::exitStatusForCannotRun(exitCode.error()).value_or(exitFailure);
    }
    return *exitCode;
}

} // namespace

int commandCreate(const GlobalOptions &global, std::span<char *> arguments)
{
    return createOrRun("create", global, arguments, false);
}

int commandRun(const GlobalOptions &global, std::span<char *> arguments)
{
    return createOrRun("run", global, arguments, true);
}

} // namespace berth::runtime_cli

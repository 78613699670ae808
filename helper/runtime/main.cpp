// berth-runtime: creates and runs containers from OCI bundles, with a runc-style command
// line so that it can be driven by berth-helper and checked by OCI runtime test suites.
#include "helper/runtime/runtime_cli.h"

#include "engine/core/version.h"
#include "engine/runtime/runtime_state.h"

#include <cstdio>
#include <cstring>
#include <iostream>

namespace {

using namespace berth::runtime_cli;

struct Subcommand {
    const char *name;
    int (*run)(const GlobalOptions &, std::span<char *>);
    const char *summary;
};

constexpr Subcommand subcommands[] = {
    {"create", commandCreate, "set up a container from a bundle; its program waits for start"},
    {"start", commandStart, "let a created container run its program"},
    {"run", commandRun, "create and start a container, wait for it and delete it"},
    {"exec", commandExec, "run another process in a running container"},
    {"state", commandState, "print a container's state as OCI JSON"},
    {"list", commandList, "list containers"},
    {"kill", commandKill, "send a signal to a container's first process (--all: every process)"},
    {"delete", commandDelete, "remove a stopped container (--force: any container)"},
    {"pause", commandPause, "freeze every process of a container"},
    {"resume", commandResume, "thaw a paused container"},
};

void printUsage(std::FILE *stream)
{
    std::fprintf(stream, "usage: berth-runtime [--root DIR] [--log FILE] COMMAND [OPTIONS] ID\n\ncommands:\n");
    for (const auto &subcommand : subcommands)
        std::fprintf(stream, "  %-8s %s\n", subcommand.name, subcommand.summary);
}

} // namespace

int main(int argc, char **argv)
{
    GlobalOptions global;
    global.stateRoot = berth::runtime::defaultStateRoot;
    int index = 1;
    for (; index < argc; ++index) {
        std::string_view argument = argv[index];
        if (argument == "--version" || argument == "-v") {
            std::printf("berth-runtime version %s\nspec: 1.0.2\n", berth::engineVersion);
            return 0;
        }
        if (argument == "--help" || argument == "-h") {
            printUsage(stdout);
            return 0;
        }
        if (!argument.starts_with("-"))
            break;
        // Options runc accepts that change nothing here are taken and ignored, so that tools
        // written for runc can drive berth-runtime.
        auto valueOf = [&](std::string_view name) -> std::optional<std::string> {
            if (argument == name && index + 1 < argc)
                return std::string(argv[++index]);
            if (argument.starts_with(std::string(name) + "="))
                return std::string(argument.substr(name.size() + 1));
            return std::nullopt;
        };
        if (auto root = valueOf("--root")) {
            global.stateRoot = *root;
        } else if (auto log = valueOf("--log")) {
            setLogFile(*log);
        } else if (valueOf("--log-format") || argument == "--debug" || argument == "--systemd-cgroup") {
            if (argument == "--systemd-cgroup")
                return usageError("", "--systemd-cgroup is not supported: Berth manages cgroups through cgroupfs");
        } else {
            return usageError("", "unknown global option " + std::string(argument));
        }
    }
    if (index >= argc) {
        printUsage(stderr);
        return exitUsage;
    }
    std::string_view command = argv[index];
    for (const auto &subcommand : subcommands) {
        if (command == subcommand.name)
            return subcommand.run(global, std::span<char *>(argv + index + 1, argv + argc));
    }
    return usageError("", "unknown command " + std::string(command) + " (`berth-runtime --help` lists them)");
}

// berth-runtime's command line: runc-style global options, then one subcommand, each in
// its own file. Usage errors exit 2, failures 1, with one line that says what to do.
#pragma once

#include "engine/core/error.h"

#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace berth::runtime_cli {

struct GlobalOptions {
    std::filesystem::path stateRoot;
};

/// Options and positional arguments of one subcommand. Every option a subcommand accepts is
/// declared up front: flags take no value, the others take one (`--x v` or `--x=v`), and
/// `multiple` ones may repeat.
struct OptionSpec {
    std::string_view longName;
    char shortName = 0;
    bool takesValue = false;
    bool multiple = false;
};

struct ParsedArguments {
    std::map<std::string, std::vector<std::string>> values;
    std::vector<std::string> positional;

    [[nodiscard]] bool has(const std::string &name) const { return values.contains(name); }
    [[nodiscard]] std::string value(const std::string &name, std::string fallback = {}) const;
    [[nodiscard]] std::vector<std::string> all(const std::string &name) const;
};

/// Parses a subcommand's arguments; positional arguments after the first stop option parsing
/// when `stopAtFirstPositional` (exec's command keeps its own options).
[[nodiscard]] Result<ParsedArguments> parseArguments(std::span<char *> arguments, std::span<const OptionSpec> specs,
                                                     bool stopAtFirstPositional = false);

/// Exit codes shared by every subcommand.
inline constexpr int exitFailure = 1;
inline constexpr int exitUsage = 2;

/// Prints "berth-runtime: <message>" on stderr, or only to the --log file when one is given.
void reportError(const Error &error);
void reportWarning(const std::string &warning);
void setLogFile(const std::filesystem::path &path);
[[nodiscard]] int usageError(const std::string &command, const std::string &message);

int commandCreate(const GlobalOptions &global, std::span<char *> arguments);
int commandStart(const GlobalOptions &global, std::span<char *> arguments);
int commandRun(const GlobalOptions &global, std::span<char *> arguments);
int commandExec(const GlobalOptions &global, std::span<char *> arguments);
int commandState(const GlobalOptions &global, std::span<char *> arguments);
int commandList(const GlobalOptions &global, std::span<char *> arguments);
int commandKill(const GlobalOptions &global, std::span<char *> arguments);
int commandDelete(const GlobalOptions &global, std::span<char *> arguments);
int commandPause(const GlobalOptions &global, std::span<char *> arguments);
int commandResume(const GlobalOptions &global, std::span<char *> arguments);

} // namespace berth::runtime_cli

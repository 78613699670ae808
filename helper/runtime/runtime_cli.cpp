#include "helper/runtime/runtime_cli.h"

#include <cstdio>
#include <fstream>

namespace berth::runtime_cli {

namespace {
std::filesystem::path logFile;

void writeLog(const std::string &line)
{
    if (logFile.empty())
        return;
    std::ofstream file(logFile, std::ios::app);
    file << line << '\n';
}
} // namespace

std::string ParsedArguments::value(const std::string &name, std::string fallback) const
{
    auto found = values.find(name);
    if (found == values.end() || found->second.empty())
        return fallback;
    return found->second.back();
}

std::vector<std::string> ParsedArguments::all(const std::string &name) const
{
    auto found = values.find(name);
    return found == values.end() ? std::vector<std::string>() : found->second;
}

Result<ParsedArguments> parseArguments(std::span<char *> arguments, std::span<const OptionSpec> specs,
                                       bool stopAtFirstPositional)
{
    ParsedArguments parsed;
    for (std::size_t index = 0; index < arguments.size(); ++index) {
        std::string_view argument = arguments[index];
        if (argument == "--") {
            for (++index; index < arguments.size(); ++index)
                parsed.positional.emplace_back(arguments[index]);
            break;
        }
        if (argument.size() < 2 || argument.front() != '-') {
            parsed.positional.emplace_back(argument);
            if (stopAtFirstPositional) {
                for (++index; index < arguments.size(); ++index)
                    parsed.positional.emplace_back(arguments[index]);
                break;
            }
            continue;
        }
        std::string_view name;
        std::optional<std::string> inlineValue;
        const OptionSpec *spec = nullptr;
        if (argument.starts_with("--")) {
            name = argument.substr(2);
            if (auto equals = name.find('='); equals != std::string_view::npos) {
                inlineValue = std::string(name.substr(equals + 1));
                name = name.substr(0, equals);
            }
            for (const auto &candidate : specs) {
                if (candidate.longName == name)
                    spec = &candidate;
            }
        } else if (argument.size() == 2) {
            for (const auto &candidate : specs) {
                if (candidate.shortName == argument[1])
                    spec = &candidate;
            }
        }
        if (!spec)
            return fail(ErrorCode::InvalidArgument, "unknown option " + std::string(argument));
        std::string value;
        if (spec->takesValue) {
            if (inlineValue) {
                value = *inlineValue;
            } else if (index + 1 < arguments.size()) {
                value = arguments[++index];
            } else {
                return fail(ErrorCode::InvalidArgument, "option --" + std::string(spec->longName) + " needs a value");
            }
        } else if (inlineValue) {
            if (*inlineValue != "true" && *inlineValue != "false")
                return fail(ErrorCode::InvalidArgument, "option --" + std::string(spec->longName) + " takes no value");
            if (*inlineValue == "false")
                continue;
        }
        auto &slot = parsed.values[std::string(spec->longName)];
        if (!spec->multiple)
            slot.clear();
        slot.push_back(value);
    }
    return parsed;
}

void setLogFile(const std::filesystem::path &path)
{
    logFile = path;
}

// With --log, messages go only there: a monitor gives the runtime the container's own
// stdout and stderr, and the container's log must hold only what the container wrote.
void report(const std::string &line)
{
    if (logFile.empty())
        std::fprintf(stderr, "%s\n", line.c_str());
    else
        writeLog(line);
}

void reportError(const Error &error)
{
    report("berth-runtime: " + error.describe());
}

void reportWarning(const std::string &warning)
{
    report("berth-runtime: warning: " + warning);
}

int usageError(const std::string &command, const std::string &message)
{
    std::string line = "berth-runtime";
    if (!command.empty())
        line += " " + command;
    line += ": " + message;
    std::fprintf(stderr, "%s\n", line.c_str());
    writeLog(line);
    return exitUsage;
}

} // namespace berth::runtime_cli

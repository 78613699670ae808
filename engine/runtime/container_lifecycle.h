// The runtime's verbs on a bundle or a container id — create, start, run, exec, kill,
// pause, resume, delete — as berth-runtime's command line offers them. Each leaves the
// state root and the host as they were when it fails.
#pragma once

#include "engine/core/error.h"
#include "engine/runtime/oci_spec.h"

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace berth::runtime {

struct CreateOptions {
    std::filesystem::path stateRoot;
    std::string id;
    std::filesystem::path bundle;
    std::filesystem::path pidFile;  ///< written with the first process's pid when given
    std::filesystem::path consoleSocket; ///< unix socket receiving the terminal's primary fd
};

struct CreatedContainer {
    pid_t pid = 0;
    /// Things the user should know, e.g. an rlimit clamped to the host's hard limit.
    std::vector<std::string> warnings;
};

/// Sets the container up and leaves its first process waiting for start.
[[nodiscard]] Result<CreatedContainer> createContainer(const CreateOptions &options);
/// Lets a created container's first process execute the user's program.
[[nodiscard]] Status startContainer(const std::filesystem::path &stateRoot, const std::string &id);

/// create + start, then (unless detach) wait for it, forwarding signals, delete it and
/// return its exit code (128+N when killed by signal N).
[[nodiscard]] Result<int> runContainer(const CreateOptions &options, bool detach,
                                       std::vector<std::string> &warnings);

/// The context an error carries when the container's program itself could not be run (not
/// found, or not executable), and the exit status that tells so, as shells and podman do:
/// 127 when it was not found, 126 when it could not be executed; nullopt for other errors.
inline constexpr std::string_view cannotRunProgram = "running the container's program";
[[nodiscard]] std::optional<int> exitStatusForCannotRun(const Error &error);

struct ExecOptions {
    std::filesystem::path stateRoot;
    std::string id;
    ProcessSpec process;
    bool detach = false;
    std::filesystem::path pidFile;
    std::filesystem::path consoleSocket;
};
/// Runs another process in a running container, with the container's capabilities,
/// no_new_privs and seccomp filter. Returns its exit code (0 when detached).
[[nodiscard]] Result<int> execInContainer(const ExecOptions &options);

/// `signal` by number or name ("TERM", "SIGKILL", "9"); `all` signals every process of the
/// container's cgroup.
[[nodiscard]] Status killContainer(const std::filesystem::path &stateRoot, const std::string &id,
                                   const std::string &signal, bool all);
[[nodiscard]] Status pauseContainer(const std::filesystem::path &stateRoot, const std::string &id);
[[nodiscard]] Status resumeContainer(const std::filesystem::path &stateRoot, const std::string &id);
/// Removes a stopped (or, with force, any) container: its processes, cgroup and state.
[[nodiscard]] Status deleteContainer(const std::filesystem::path &stateRoot, const std::string &id, bool force);

/// "TERM", "SIGTERM", "15" → 15; InvalidArgument for anything else.
[[nodiscard]] Result<int> parseSignal(std::string_view text);

} // namespace berth::runtime

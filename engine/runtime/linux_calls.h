// The raw Linux system calls berth-runtime needs that glibc 2.36 does not wrap (pivot_root,
// openat2, clone as fork with namespace flags, pidfd), kept in one place; each returns a
// Result so callers never look at errno themselves.
#pragma once

#include "engine/core/error.h"
#include "engine/core/unique_fd.h"

#include <sys/types.h>

#include <cstdint>
#include <string>

namespace berth::runtime {

/// Like fork(), but the child starts in new namespaces for `cloneFlags` (CLONE_NEW*).
/// Returns 0 in the child and the child's pid in the parent. Only for single-threaded callers.
[[nodiscard]] Result<pid_t> forkIntoNewNamespaces(int cloneFlags);

[[nodiscard]] Status pivotRoot(const std::string &newRoot, const std::string &putOld);

/// openat2 with RESOLVE_IN_ROOT: `path` is resolved as if `rootFd` were "/", so no `..` or
/// symbolic link can leave it. `flags` are open flags (O_PATH, O_DIRECTORY, …).
[[nodiscard]] Result<UniqueFd> openInRoot(int rootFd, const std::string &path, int flags, mode_t mode = 0);

/// "/proc/self/fd/N": how a mount call names a file that was opened safely.
[[nodiscard]] std::string procFdPath(int fd);

[[nodiscard]] Result<UniqueFd> openPidFd(pid_t pid);
[[nodiscard]] Status sendSignalByPidFd(int pidFd, int signal);

/// Field 22 of /proc/<pid>/stat: distinguishes a process from a later one with the same pid.
[[nodiscard]] Result<std::uint64_t> processStartTime(pid_t pid);
/// True when `pid` exists, is not a zombie, and (when startTime is given) started then.
[[nodiscard]] bool processIsAlive(pid_t pid, std::uint64_t startTime = 0);

/// Sends a file descriptor over a connected unix socket (SCM_RIGHTS).
[[nodiscard]] Status sendFileDescriptor(int socketFd, int fd, const std::string &note);
/// Receives one file descriptor sent by sendFileDescriptor.
[[nodiscard]] Result<UniqueFd> receiveFileDescriptor(int socketFd);

} // namespace berth::runtime

// OCI linux.seccomp profiles compiled with libseccomp: compiled in the runtime before it
// clones the container (so a bad profile is reported early and cleanly), loaded in the
// container's init right before it executes the user's program.
#pragma once

#include "engine/core/error.h"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

namespace berth::runtime {

class SeccompFilter {
public:
    SeccompFilter();
    ~SeccompFilter();
    SeccompFilter(SeccompFilter &&) noexcept;
    SeccompFilter &operator=(SeccompFilter &&) noexcept;

    /// Installs the filter on the calling thread. Needs no_new_privs or CAP_SYS_ADMIN.
    /// Allocates nothing on success, so it is safe in a child that must not call malloc;
    /// only a failure builds its error message.
    [[nodiscard]] Status load() const;

    /// What load() does, without building an error: 0 on success, else the errno of
    /// seccomp(2) (EINVAL for a filter that was never compiled). Never allocates.
    [[nodiscard]] int install() const noexcept;

    /// True when this holds a compiled program (not default-constructed or moved from).
    [[nodiscard]] bool isCompiled() const;
    /// Number of classic BPF instructions in the program (the kernel accepts up to 4096).
    [[nodiscard]] std::size_t instructionCount() const;
    /// What compiling skipped, for the runtime to log: syscall names or architectures this
    /// libseccomp does not know, rules overridden by an earlier rule for the same syscall.
    [[nodiscard]] const std::vector<std::string> &warnings() const;

    /// The program, its flags and warnings as bytes (this machine's byte order), for the
    /// runtime's cache of compiled profiles; deserialize() refuses anything malformed.
    [[nodiscard]] std::string serialize() const;
    [[nodiscard]] static std::optional<SeccompFilter> deserialize(std::string_view bytes);

    struct Compiled;
    explicit SeccompFilter(std::unique_ptr<Compiled> compiled);

private:
    std::unique_ptr<Compiled> compiled_;
};

/// Compiles an OCI `linux.seccomp` object (defaultAction, defaultErrnoRet, architectures,
/// flags, syscalls[] with names, action, errnoRet, args[] with index/value/valueTwo/op).
/// Syscall names this libseccomp does not know are skipped, as runc and crun do; unknown
/// actions, operators or architectures are InvalidArgument with the offending value;
/// SCMP_ACT_NOTIFY is Unsupported (Berth has no seccomp agent to hand the listener to).
/// Unless the default action allows, syscalls numbered above the newest one the profile
/// names answer ENOSYS (as runc does), so programs fall back as on an older kernel.
[[nodiscard]] Result<SeccompFilter> compileSeccompProfile(const nlohmann::json &linuxSeccomp);

/// What else, besides the profile, decides the program compileSeccompProfile makes: this
/// compiler's revision, libseccomp's version and API level, the native architecture and the
/// kernel release. A cached program is only reused under the same identity.
[[nodiscard]] std::string seccompCompilerIdentity();

} // namespace berth::runtime

// Compiled seccomp programs kept between runs. Compiling Docker's default profile with
// libseccomp is most of the time `berth-runtime create` takes (about 15 ms of 30 here),
// and every container of a machine usually has the same profile.
#pragma once

#include "engine/core/error.h"
#include "engine/runtime/seccomp.h"

#include <nlohmann/json_fwd.hpp>

#include <filesystem>

namespace berth::runtime {

/// compileSeccompProfile, remembered in `cacheDirectory` (made root-only when missing; the
/// runtime keeps it in its state root, a tmpfs under /run by default). A program is reused
/// only for exactly the same profile text and compiler identity, from a file this user owns
/// that nobody else can write; otherwise the profile is compiled and the result stored. The
/// cache never changes the outcome: when it cannot be read or written, the profile is
/// simply compiled, and a bad profile is reported as compileSeccompProfile reports it.
[[nodiscard]] Result<SeccompFilter> compileSeccompProfileCached(const nlohmann::json &linuxSeccomp,
                                                                const std::filesystem::path &cacheDirectory);

} // namespace berth::runtime

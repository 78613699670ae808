// The seccomp profile a container gets unless the user says otherwise: equivalent to
// Docker's default (an allow-list, EPERM for everything else, namespace flags of clone
// refused without CAP_SYS_ADMIN, clone3 answered ENOSYS so libcs fall back to clone).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace berth::container {

/// The OCI `linux.seccomp` object for a container whose bounding capabilities are
/// `capabilities` ("CAP_SYS_ADMIN", …): rules Docker grants only with a capability are
/// included only when it is present. Architectures are those of this host (x86_64 → also
/// x86 and x32; aarch64 → also arm).
[[nodiscard]] nlohmann::json defaultSeccompProfile(const std::vector<std::string> &capabilities);

} // namespace berth::container

// A container's directory in the store, containers/<id>/: the OCI bundle (config.json and
// rootfs, an overlay of the image's layers with the container's own upper and work
// directories), the log, and the files the monitor leaves (exit.json, runtime.log).
#pragma once

#include "engine/core/error.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace berth::container {

struct ContainerPaths {
    std::filesystem::path directory; ///< <root>/containers/<id>: the bundle
    std::filesystem::path rootfs;    ///< overlay mount point
    std::filesystem::path upper;     ///< the container's own changes
    std::filesystem::path work;      ///< overlay's work directory
    std::filesystem::path spec;      ///< config.json
    std::filesystem::path log;       ///< container.log (json-file)
    std::filesystem::path exitFile;  ///< exit.json, written by the monitor
    std::filesystem::path monitorLog;

    [[nodiscard]] static ContainerPaths of(const std::filesystem::path &storageRoot, const std::string &id);
};

/// Makes containers/<id> with its upper, work and rootfs directories. Built under a
/// temporary name and renamed in, so a crash leaves either all of it or a leftover that
/// removeLeftoverContainerDirectories takes away.
[[nodiscard]] Status createContainerDirectory(const ContainerPaths &paths);

/// Mounts the overlay at paths.rootfs unless it is mounted already. lowerDirectories are
/// the image's layers, lowest first (none: an empty lower layer).
[[nodiscard]] Status mountContainerRootfs(const ContainerPaths &paths,
                                          const std::vector<std::filesystem::path> &lowerDirectories);
[[nodiscard]] bool isContainerRootfsMounted(const ContainerPaths &paths);
/// Detaches the overlay; fine when it is not mounted.
[[nodiscard]] Status unmountContainerRootfs(const ContainerPaths &paths);

/// Makes directory `path` (absolute, inside the container) and its missing parents in the
/// mounted rootfs, mode 0755, every step resolved inside the root (openat2 RESOLVE_IN_ROOT):
/// a symbolic link in the image can never send it to the host.
[[nodiscard]] Status createDirectoryInRootfs(const ContainerPaths &paths, const std::string &path);

/// Writes config.json (temporary file, fsync, rename).
[[nodiscard]] Status writeContainerSpec(const ContainerPaths &paths, const nlohmann::json &spec);

/// Unmounts and deletes the whole directory: renamed away first, so a crash midway leaves
/// no half directory under the container's id.
[[nodiscard]] Status removeContainerDirectory(const ContainerPaths &paths);

/// Deletes directories under <root>/containers that are half-made, half-removed, or whose id
/// is not in knownIds (after unmounting their rootfs).
void removeLeftoverContainerDirectories(const std::filesystem::path &storageRoot,
                                        const std::vector<std::string> &knownIds);

} // namespace berth::container

// `docker commit`: a new image made of a container's image and one more layer holding what
// the container changed (its overlay upper directory turned into a layer tar, whiteouts and
// opaque directories written as the OCI layer format says), with the container's settings
// and any --change instructions in its config.
//
// The layer tar is an unnamed temporary file and the layer is unpacked into a temporary
// directory; blobs, the layer and the record reach the store only at the end, and a failure
// there takes back what was added, so a failed or killed commit leaves no image, layer or
// blob half made.
#pragma once

#include "engine/core/digest.h"
#include "engine/core/error.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace berth::image {

struct CommitRequest {
    /// The container's overlay upper directory.
    std::filesystem::path upperDirectory;
    /// The image the container was created from (required).
    std::optional<Digest> parentImage;
    /// The container's own settings in Docker's names (Cmd, Entrypoint, Env, WorkingDir,
    /// User, Labels, StopSignal, ExposedPorts); present ones replace the image's.
    nlohmann::json containerConfig = nlohmann::json::object();
    /// Dockerfile instructions applied on top (--change): CMD, ENTRYPOINT, ENV, LABEL,
    /// WORKDIR, USER, EXPOSE, STOPSIGNAL, VOLUME.
    std::vector<std::string> changes;
    std::string author;
    std::string comment;
    /// The container's id, recorded in the config as Docker does.
    std::string containerId;
    /// What history's created_by says: the container's command.
    std::string createdBy;
    /// Normalised tag to point at the new image, if any.
    std::optional<std::string> tag;
};

/// Checks --change instructions without committing: InvalidArgument naming the bad one.
[[nodiscard]] Status validateCommitChanges(const std::vector<std::string> &changes);

/// Makes the image in the store at root (blobs, layers, berth.db). Returns its id.
[[nodiscard]] Result<Digest> commitImage(const std::filesystem::path &root, const CommitRequest &request);

/// Writes directory (an overlay upper directory) to fd as an uncompressed layer tar.
/// Returns the tar's digest (its diff id).
[[nodiscard]] Result<Digest> writeUpperAsLayer(const std::filesystem::path &directory, int fd);

} // namespace berth::image

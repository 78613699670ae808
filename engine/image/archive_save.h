// `save`: writes images as the tar `docker save` writes (Docker 25 and later): manifest.json
// ([{Config, RepoTags, Layers}]) and the legacy `repositories` file for `docker load` and
// `podman load`, and beside them an OCI image layout (oci-layout, index.json, blobs/sha256)
// for OCI tools. Layers go out uncompressed, as their diff id names them: Berth keeps the
// registry's compressed blobs, so each is decompressed on the way out and checked against
// its diff id. The tar is streamed to a descriptor (a file or a pipe) with no temporary
// copy; sizes come from the layer records.
#pragma once

#include "engine/core/digest.h"
#include "engine/core/error.h"
#include "engine/image/archive_progress.h"
#include "engine/image/image_store.h"

#include <cstdint>
#include <filesystem>
#include <stop_token>
#include <string>
#include <vector>

namespace berth::image {

/// One image to write, the tags it is written under, and its layers' uncompressed sizes.
struct SaveImage {
    ImageRecord image;
    /// Normalised names ("docker.io/library/busybox:latest"); empty for an image given by id.
    std::vector<std::string> tags;
    /// Bytes of each layer's uncompressed tar, in the image's layer order.
    std::vector<std::uint64_t> layerSizes;
};

/// Finds what `docker save NAME...` would write for names: a full or short image id, a
/// name with a tag (that tag), a name with a digest (untagged), or a bare repository name
/// (every tag of that repository). Images named twice are written once with all their tags.
/// NotFound names the first name that matches nothing.
[[nodiscard]] Result<std::vector<SaveImage>> resolveSaveNames(ImageStore &images, const std::vector<std::string> &names);

struct SaveResult {
    std::uint64_t bytesWritten = 0;
    std::size_t images = 0;
    std::size_t layers = 0;
};

/// Writes the archive of images to outputFd (not taken over; nothing is written before or
/// after). root is the storage root the blobs are read from. On failure or cancellation the
/// tar is left without its end blocks, so no reader mistakes it for a whole archive; the
/// caller throws away what was written.
[[nodiscard]] Result<SaveResult> saveImages(const std::filesystem::path &root, const std::vector<SaveImage> &images,
                                            int outputFd, const ArchiveProgressSink &progress, std::stop_token stop);

} // namespace berth::image

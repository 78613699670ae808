// The two archive dialects `load` reads, turned into one plan of images to store: Docker's
// (manifest.json with Config/RepoTags/Layers, as docker save and podman save write it, in
// the current blobs/sha256 form and the older <id>/layer.tar form) and the OCI image layout
// (oci-layout, index.json, blobs/sha256), as skopeo, podman and buildah write it. Every
// blob is checked against its digest and every uncompressed layer against its diff id here,
// before anything is stored. Also the OCI manifest `save` writes and `load` synthesises for
// a Docker archive, so that the two agree byte for byte.
// Internal to the image library's archive code.
#pragma once

#include "engine/core/digest.h"
#include "engine/core/error.h"
#include "engine/image/archive_spool.h"
#include "engine/image/manifest.h"

#include <cstddef>
#include <string>
#include <vector>

namespace berth::image::archive_detail {

struct PlannedLayer {
    Digest diffId;
    /// The blob as stored: its digest, size and OCI media type.
    Descriptor blob;
    LayerCompression compression = LayerCompression::None;
    const ArchiveSpool::File *file = nullptr;
    /// The archive path, for messages.
    std::string archivePath;
};

struct PlannedImage {
    // Both digests are set by the planner; the placeholder only makes the struct default-constructible.
    Digest id = Sha256::of(""); // the config's digest
    std::string configText;
    ImageConfig config;
    std::string manifestText;
    Digest manifestDigest = Sha256::of("");
    std::string manifestMediaType;
    std::vector<PlannedLayer> layers;
    /// Normalised names ("docker.io/library/busybox:latest"); none for an untagged image.
    std::vector<std::string> tags;
};

/// Plans a Docker archive (the spool has manifest.json).
[[nodiscard]] Result<std::vector<PlannedImage>> planDockerArchive(const ArchiveSpool &spool, std::size_t maximumImages);
/// Plans an OCI layout (the spool has index.json); nested indexes are narrowed to platform.
[[nodiscard]] Result<std::vector<PlannedImage>> planOciLayout(const ArchiveSpool &spool, std::size_t maximumImages,
                                                              const Platform &platform);

/// The OCI manifest of an image whose layers are stored as described, serialised the way
/// Docker's save does (Go's field order, no spaces).
[[nodiscard]] std::string ociManifestJson(const Descriptor &config, const std::vector<Descriptor> &layers);

/// The OCI media type of a layer blob with this compression.
[[nodiscard]] std::string_view ociLayerMediaType(LayerCompression compression);

/// "blobs/sha256/<hex>", where an OCI layout keeps a blob.
[[nodiscard]] std::string layoutBlobPath(const Digest &digest);

} // namespace berth::image::archive_detail

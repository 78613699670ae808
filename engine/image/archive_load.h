// `load`: reads an image archive from a file descriptor — what `docker save` and
// `podman save` write (Docker archives, current and older layouts), an OCI layout as a tar
// (`skopeo copy ... oci-archive:`), plain or compressed — and stores its images.
//
// Nothing reaches the store until the whole archive is read and checked: the archive is
// spooled into a private directory under <root>/ingest, every blob is verified against
// its digest and every layer against its diff id, layers are unpacked into temporary
// directories; only then are blobs renamed into the content store, layers into place and
// the images recorded. A bad archive, a cancellation or a kill -9 leaves the store as it
// was (at most a spool or tmp- directory that removeLeftovers deletes). An archive of
// several images loads all or nothing: when recording one fails, the records, names, blobs
// and layers of the others are taken back too. (Each image is its own transaction of the
// image store, so a kill -9 in the last step, between two images, leaves the first ones
// recorded — complete and usable, not half there.)
#pragma once

#include "engine/core/digest.h"
#include "engine/core/error.h"
#include "engine/image/archive_progress.h"
#include "engine/image/archive_spool.h"
#include "engine/image/layer_apply.h"
#include "engine/image/manifest.h"

#include <filesystem>
#include <stop_token>
#include <string>
#include <vector>

namespace berth::image {

struct LoadOptions {
    SpoolLimits spool;
    LayerLimits layer;
    std::size_t maximumImages = 1000;
    /// Which image of a multi-platform index to take.
    Platform platform = hostPlatform();
};

struct LoadedImage {
    Digest id;
    /// Normalised names the image was tagged with; empty for an untagged image.
    std::vector<std::string> tags;
};

struct LoadResult {
    std::vector<LoadedImage> images;
    /// What `docker load` prints: "Loaded image: busybox:latest", "Loaded image ID: sha256:…",
    /// and "The image … already exists, renaming the old one with ID … to empty string".
    std::vector<std::string> lines;
};

class ArchiveLoader {
public:
    /// root is the storage root (blobs, layers, ingest, berth.db).
    explicit ArchiveLoader(std::filesystem::path root);

    /// Reads the archive from inputFd until its end (the descriptor is not taken over).
    /// progress is called from this thread.
    [[nodiscard]] Result<LoadResult> load(int inputFd, const LoadOptions &options, const ArchiveProgressSink &progress,
                                          std::stop_token stop);

    /// Removes spool directories of loads that no longer run. Call at start.
    static void removeLeftovers(const std::filesystem::path &root);

private:
    std::filesystem::path root_;
};

} // namespace berth::image

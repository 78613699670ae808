// `pull`: resolves a reference to one platform's manifest, downloads the config and the
// layers (several at once), verifies every blob, unpacks each layer once per diff id, and
// records the image in one transaction at the end.
#pragma once

#include "engine/core/digest.h"
#include "engine/core/error.h"
#include "engine/image/layer_apply.h"
#include "engine/image/manifest.h"
#include "engine/core/reference.h"
#include "engine/image/registry_client.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <stop_token>
#include <string>

namespace berth::image {

enum class LayerState { Waiting, Downloading, Verifying, Extracting, Done, AlreadyExists, Failed };

[[nodiscard]] std::string_view layerStateName(LayerState state);

struct PullProgress {
    /// The first 12 hex digits of the layer's blob digest, as docker shows it.
    std::string id;
    LayerState state = LayerState::Waiting;
    std::uint64_t current = 0;
    std::uint64_t total = 0;
};

struct PullOptions {
    Platform platform = hostPlatform();
    RegistryOptions registry;
    int maximumConcurrentDownloads = 3;
    LayerLimits limits;
};

struct PullResult {
    Digest imageId;
    Digest manifestDigest;
    /// Normalised name the image was stored under ("docker.io/library/busybox:latest" or
    /// "...@sha256:..." for a pull by digest).
    std::string name;
    /// True if anything was downloaded or the tag now points at a different image.
    bool changed = false;
};

class Puller {
public:
    /// root is the storage root: blobs, ingest and layers live under it, and berth.db.
    explicit Puller(std::filesystem::path root);

    /// Pulls reference. progress is called from worker threads.
    [[nodiscard]] Result<PullResult> pull(const Reference &reference, const PullOptions &options,
                                          const std::function<void(const PullProgress &)> &progress,
                                          std::stop_token stop);

    /// Removes half-unpacked layer directories left by a crash. Call when no pull runs.
    static void removeLeftovers(const std::filesystem::path &root);

private:
    std::filesystem::path root_;
};

} // namespace berth::image

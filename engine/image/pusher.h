// `push`: uploads a stored image to a registry as `docker push` does. The config and the
// layer blobs go up exactly as stored (still compressed), so the manifest bytes and their
// digest stay the same; blobs the repository has are skipped, blobs another repository of
// the same registry has (known from the image's names) are mounted, then the manifest is
// put under the tag.
#pragma once

#include "engine/core/digest.h"
#include "engine/core/error.h"
#include "engine/core/reference.h"
#include "engine/image/image_store.h"
#include "engine/image/registry_client.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <stop_token>
#include <string>

namespace berth::image {

enum class PushState { Preparing, Waiting, Pushing, Pushed, AlreadyExists, Mounted, Failed };

/// "preparing", "waiting", "pushing", "pushed", "already-exists", "mounted", "failed".
[[nodiscard]] std::string_view pushStateName(PushState state);

struct PushProgress {
    /// The first 12 hex digits of the layer's diff id, as docker push shows it.
    std::string id;
    PushState state = PushState::Preparing;
    std::uint64_t current = 0;
    std::uint64_t total = 0;
    /// For Mounted: the repository path the blob was mounted from ("berth-test/busybox").
    std::string mountedFrom;
};

/// Blobs larger than this are sent in chunks when PushOptions::chunkSize is 0, so that a
/// broken connection costs one chunk rather than the whole blob.
inline constexpr std::uint64_t automaticChunkThreshold = 128ull * 1024 * 1024;
inline constexpr std::uint64_t automaticChunkSize = 32ull * 1024 * 1024;

struct PushOptions {
    RegistryOptions registry;
    /// 0: automatic (monolithic up to automaticChunkThreshold). Otherwise every blob goes
    /// up in chunks of this many bytes.
    std::uint64_t chunkSize = 0;
    int maximumConcurrentUploads = 5;
};

struct PushResult {
    Digest manifestDigest;
    std::uint64_t manifestSize = 0;
    /// The normalised reference pushed to, "127.0.0.1:5000/team/app:1.0".
    std::string name;
};

class Pusher {
public:
    /// root is the storage root: blobs are read from it and the new repository digest is
    /// recorded in its berth.db.
    explicit Pusher(std::filesystem::path root);

    /// Pushes image to target (which needs a tag, not a digest). progress is called from
    /// worker threads.
    [[nodiscard]] Result<PushResult> push(const ImageRecord &image, const Reference &target, const PushOptions &options,
                                          const std::function<void(const PushProgress &)> &progress, std::stop_token stop);

private:
    std::filesystem::path root_;
};

} // namespace berth::image

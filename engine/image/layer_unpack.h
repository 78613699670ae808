// Unpacking a layer into the store in two steps: first into a temporary directory
// <root>/layers/tmp-<diff hex>-<random> (checked against its diff id), then, when the caller
// is sure it wants it, renamed into <root>/layers/<diff hex>. A crash or a failure never
// leaves a half-written layer under its real name; tmp-* leftovers are removed at start
// (Puller::removeLeftovers). Pull and load both unpack this way.
#pragma once

#include "engine/core/digest.h"
#include "engine/core/error.h"
#include "engine/image/image_store.h"
#include "engine/image/layer_apply.h"

#include <filesystem>
#include <stop_token>

namespace berth::image {

class UnpackedLayer {
public:
    /// Unpacks the layer read from inputFd (compressed or not; not taken over) into a new
    /// temporary directory and checks that its content is expectedDiffId. With a stop token
    /// that can be stopped, the input is fed through a pipe so that a stop interrupts even
    /// a large layer midway (Cancelled).
    [[nodiscard]] static Result<UnpackedLayer> unpack(const std::filesystem::path &root, int inputFd,
                                                      const Digest &expectedDiffId, const LayerLimits &limits,
                                                      std::stop_token stop = {});

    UnpackedLayer(UnpackedLayer &&other) noexcept;
    UnpackedLayer &operator=(UnpackedLayer &&other) noexcept;
    UnpackedLayer(const UnpackedLayer &) = delete;
    UnpackedLayer &operator=(const UnpackedLayer &) = delete;
    /// Removes the temporary directory unless commit() moved it into place.
    ~UnpackedLayer();

    [[nodiscard]] const Digest &diffId() const { return diffId_; }
    /// Bytes of the uncompressed tar stream.
    [[nodiscard]] std::uint64_t size() const { return size_; }

    /// Renames the directory into place, replacing a leftover directory of that name that
    /// no record refers to (the caller checked), and syncs <root>/layers.
    [[nodiscard]] Result<LayerRecord> commit();

private:
    UnpackedLayer(std::filesystem::path temporary, std::filesystem::path final, Digest diffId, std::uint64_t size);
    void discard();

    std::filesystem::path temporary_;
    std::filesystem::path final_;
    Digest diffId_;
    std::uint64_t size_ = 0;
};

} // namespace berth::image

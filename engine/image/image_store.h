// Image metadata in the store's SQLite database: images, their layers in order, tags and
// repository digests. Writes of one image happen in one transaction, so a crash leaves
// either the whole image or none of it.
#pragma once

#include "engine/core/digest.h"
#include "engine/core/error.h"
#include "engine/core/sqlite_database.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace berth::image {

struct LayerRecord {
    Digest diffId;
    std::uint64_t size = 0;
    /// Directory name under <root>/layers.
    std::string directory;
};

struct ImageLayer {
    Digest diffId;
    Digest blobDigest;
    std::string blobMediaType;
    std::int64_t blobSize = 0;
};

struct ImageRecord {
    Digest id;
    Digest manifestDigest;
    std::string manifestMediaType;
    std::string architecture;
    std::string os;
    std::string created;
    std::uint64_t size = 0;
    std::int64_t storedAt = 0;
    std::vector<ImageLayer> layers;
    /// Normalised names: "docker.io/library/busybox:latest".
    std::vector<std::string> tags;
    /// "docker.io/library/busybox@sha256:...".
    std::vector<std::string> repoDigests;
};

class ImageStore {
public:
    explicit ImageStore(SqliteDatabase &database) : database_(database) {}

    [[nodiscard]] Result<std::optional<LayerRecord>> findLayer(const Digest &diffId);
    /// Stores image with its layers (layers already known are kept), points tag (if any)
    /// at it and adds repoDigest (if any), all in one transaction.
    [[nodiscard]] Status recordImage(const ImageRecord &image, const std::vector<LayerRecord> &layers,
                                     const std::optional<std::string> &tag, const std::optional<std::string> &repoDigest);
    [[nodiscard]] Result<std::vector<ImageRecord>> listImages();
    [[nodiscard]] Result<ImageRecord> image(const Digest &id);
    /// Finds an image by normalised tag, repository digest, full id, or an id prefix of
    /// at least 4 hex digits that is unique (as Docker does). NotFound if none.
    [[nodiscard]] Result<ImageRecord> resolve(const std::string &normalisedNameOrId);
    /// The image a normalised tag points at, if any.
    [[nodiscard]] Result<std::optional<Digest>> imageForTag(const std::string &normalisedTag);

    /// Points a normalised tag at an image (moving it if it pointed elsewhere).
    [[nodiscard]] Status tag(const Digest &id, const std::string &normalisedTag);
    /// Removes a tag; returns how many tags the image still has.
    [[nodiscard]] Result<std::size_t> untag(const std::string &normalisedTag);
    /// Deletes an image's record with its tags and digests, and the records of layers no
    /// other image uses, in one transaction. Returns the diff ids of those layers.
    [[nodiscard]] Result<std::vector<Digest>> deleteImage(const Digest &id);
    /// Containers created from the image (their names), which keep it from being removed.
    [[nodiscard]] Result<std::vector<std::string>> containersUsing(const Digest &id);
    /// Every blob digest and layer directory some image still needs.
    [[nodiscard]] Result<std::vector<std::string>> referencedBlobs();
    [[nodiscard]] Result<std::vector<std::string>> referencedLayerDirectories();

private:
    [[nodiscard]] Result<ImageRecord> load(const SqlRow &row);
    SqliteDatabase &database_;
};

} // namespace berth::image

// Manifests, indexes and image configs in both dialects a registry serves (Docker schema 2
// and OCI), parsed into one model; schema 1 is refused with a message saying why.
#pragma once

#include "engine/core/digest.h"
#include "engine/core/error.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace berth::image {

namespace media_type {
inline constexpr std::string_view dockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
inline constexpr std::string_view dockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
inline constexpr std::string_view dockerSchema1 = "application/vnd.docker.distribution.manifest.v1+json";
inline constexpr std::string_view dockerSchema1Signed = "application/vnd.docker.distribution.manifest.v1+prettyjws";
inline constexpr std::string_view dockerConfig = "application/vnd.docker.container.image.v1+json";
inline constexpr std::string_view dockerLayerGzip = "application/vnd.docker.image.rootfs.diff.tar.gzip";
inline constexpr std::string_view dockerForeignLayerGzip = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";
inline constexpr std::string_view ociManifest = "application/vnd.oci.image.manifest.v1+json";
inline constexpr std::string_view ociIndex = "application/vnd.oci.image.index.v1+json";
inline constexpr std::string_view ociConfig = "application/vnd.oci.image.config.v1+json";
inline constexpr std::string_view ociLayer = "application/vnd.oci.image.layer.v1.tar";
inline constexpr std::string_view ociLayerGzip = "application/vnd.oci.image.layer.v1.tar+gzip";
inline constexpr std::string_view ociLayerZstd = "application/vnd.oci.image.layer.v1.tar+zstd";
inline constexpr std::string_view ociLayerNondistributable = "application/vnd.oci.image.layer.nondistributable.v1.tar";
inline constexpr std::string_view ociLayerNondistributableGzip = "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip";
inline constexpr std::string_view ociLayerNondistributableZstd = "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd";
/// What a registry is asked for, every kind Berth can read.
inline constexpr std::string_view acceptedManifests =
    "application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, "
    "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json";
} // namespace media_type

/// Manifests larger than this are refused before parsing (registries cap them at 4 MiB too).
inline constexpr std::size_t maximumManifestBytes = 4 * 1024 * 1024;
/// Image configs larger than this are refused.
inline constexpr std::size_t maximumConfigBytes = 8 * 1024 * 1024;

struct Platform {
    std::string os = "linux";
    std::string architecture = "amd64";
    std::string variant;
    /// "linux/amd64", "linux/arm64/v8".
    [[nodiscard]] std::string string() const;
};

/// Parses "os/arch[/variant]" as --platform takes it.
[[nodiscard]] Result<Platform> parsePlatform(std::string_view text);
/// linux/<this machine's architecture>.
[[nodiscard]] Platform hostPlatform();

struct Descriptor {
    std::string mediaType;
    Digest digest;
    std::int64_t size = 0;
    std::optional<Platform> platform;
    std::map<std::string, std::string> annotations;
    std::vector<std::string> urls;
};

struct Manifest {
    std::string mediaType;
    Descriptor config;
    std::vector<Descriptor> layers;
};

struct Index {
    std::string mediaType;
    std::vector<Descriptor> manifests;
};

using ManifestOrIndex = std::variant<Manifest, Index>;

/// Parses a manifest or index. contentType is the registry's Content-Type header (may be
/// empty); the document's own mediaType wins when present and consistent.
[[nodiscard]] Result<ManifestOrIndex> parseManifest(std::string_view body, std::string_view contentType);

/// The manifest in index for platform: exact os/architecture, then variant (an empty
/// wanted variant takes the first; arm64 treats "" and "v8" alike).
[[nodiscard]] Result<Descriptor> selectPlatform(const Index &index, const Platform &wanted);

enum class LayerCompression { None, Gzip, Zstd };
/// How a layer blob is compressed, from its media type; Unsupported for unknown types.
[[nodiscard]] Result<LayerCompression> layerCompression(std::string_view mediaType);

struct HistoryEntry {
    std::string created;
    std::string createdBy;
    std::string comment;
    bool emptyLayer = false;
};

/// The parts of an image config Berth uses; the raw JSON is kept for inspect.
struct ImageConfig {
    std::string architecture;
    std::string os;
    std::string variant;
    std::string created;
    std::vector<Digest> diffIds;
    std::vector<HistoryEntry> history;
    std::vector<std::string> env;
    std::vector<std::string> entrypoint;
    std::vector<std::string> cmd;
    std::string workingDir;
    std::string user;
    std::string raw;
};

[[nodiscard]] Result<ImageConfig> parseImageConfig(std::string_view body);

/// The chain id of each layer (OCI image spec: ChainID(L0) = DiffID(L0);
/// ChainID(Ln) = sha256(ChainID(Ln-1) + " " + DiffID(Ln))).
[[nodiscard]] std::vector<Digest> chainIds(const std::vector<Digest> &diffIds);

} // namespace berth::image

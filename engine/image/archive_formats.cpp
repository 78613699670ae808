#include "engine/image/archive_formats.h"

#include "engine/core/reference.h"
#include "engine/image/layer_decompress.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <map>

namespace berth::image::archive_detail {

namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

const std::string damaged = "the archive is damaged; save or copy it again";
const std::string incomplete = "the archive is incomplete; save or copy it again";

bool isHex64(std::string_view text)
{
    return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// The digest a path's name promises: blobs/sha256/<hex>, or <hex>.json as Docker and podman
// name configs. Layers named <hex>.tar are checked against the diff id instead.
std::optional<std::string> promisedHex(std::string_view path)
{
    while (path.starts_with("./"))
        path.remove_prefix(2);
    if (path.starts_with("blobs/sha256/") && isHex64(path.substr(13)))
        return std::string(path.substr(13));
    const auto slash = path.rfind('/');
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    if (name.ends_with(".json") && isHex64(name.substr(0, name.size() - 5)))
        return std::string(name.substr(0, 64));
    return std::nullopt;
}

Status checkPromise(std::string_view path, const ArchiveSpool::File &file)
{
    if (auto hex = promisedHex(path); hex && *hex != file.digest.hex())
        return fail(ErrorCode::InvalidArgument, backquoted(path) + " does not hold what its name says: its content is " +
                                                    file.digest.string() + ", not sha256:" + *hex + "; " + damaged);
    return {};
}

Result<LayerCompression> sniffFile(const ArchiveSpool::File &file)
{
    const int fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return failErrno("opening the spooled " + backquoted(file.archivePath), errno);
    std::array<std::byte, 8> first{};
    const ssize_t got = ::read(fd, first.data(), first.size());
    ::close(fd);
    if (got < 0)
        return failErrno("reading the spooled " + backquoted(file.archivePath), errno);
    return sniffCompression(std::span(first.data(), static_cast<std::size_t>(got)));
}

std::string ordinal(std::size_t zeroBased)
{
    return std::to_string(zeroBased + 1);
}

Result<std::string> normaliseName(std::string_view name, std::string_view where)
{
    auto reference = parseReference(name);
    if (!reference)
        return std::unexpected(std::move(reference.error())
                                   .withContext(std::string(where) + " names the image " + backquoted(name) +
                                                ", which is not a valid image name"));
    if (!reference->digest.empty())
        return fail(ErrorCode::InvalidArgument, std::string(where) + " names the image " + backquoted(name) +
                                                    " by digest; an archive can only tag images");
    return reference->string();
}

Status checkOs(const ImageConfig &config, std::string_view where)
{
    if (!config.os.empty() && config.os != "linux")
        return fail(ErrorCode::Unsupported, std::string(where) + " is an image for " + backquoted(config.os) +
                                                ", and Berth runs only linux images");
    return {};
}

// An uncompressed layer's blob digest is its diff id; check it without reading it again.
Status checkUncompressedLayer(const PlannedLayer &layer, std::size_t position)
{
    if (layer.compression == LayerCompression::None && layer.blob.digest != layer.diffId)
        return fail(ErrorCode::InvalidArgument, "layer " + ordinal(position) + " (" + backquoted(layer.archivePath) +
                                                    ") holds " + layer.blob.digest.string() +
                                                    ", but the image config says that layer is " +
                                                    layer.diffId.string() + "; " + damaged);
    return {};
}

} // namespace

std::string_view ociLayerMediaType(LayerCompression compression)
{
    switch (compression) {
    case LayerCompression::Gzip: return media_type::ociLayerGzip;
    case LayerCompression::Zstd: return media_type::ociLayerZstd;
    case LayerCompression::None: break;
    }
    return media_type::ociLayer;
}

std::string layoutBlobPath(const Digest &digest)
{
    return "blobs/sha256/" + std::string(digest.hex());
}

std::string ociManifestJson(const Descriptor &config, const std::vector<Descriptor> &layers)
{
    const auto descriptor = [](const Descriptor &each) {
        OrderedJson json;
        json["mediaType"] = each.mediaType;
        json["digest"] = each.digest.string();
        json["size"] = each.size;
        return json;
    };
    OrderedJson manifest;
    manifest["schemaVersion"] = 2;
    manifest["mediaType"] = media_type::ociManifest;
    manifest["config"] = descriptor(config);
    manifest["layers"] = OrderedJson::array();
    for (const auto &layer : layers)
        manifest["layers"].push_back(descriptor(layer));
    return manifest.dump();
}

Result<std::vector<PlannedImage>> planDockerArchive(const ArchiveSpool &spool, std::size_t maximumImages)
{
    auto text = spool.readText("manifest.json", maximumManifestBytes);
    if (!text)
        return std::unexpected(std::move(text.error()).withContext("reading the archive's manifest.json"));
    const Json items = Json::parse(*text, nullptr, false);
    if (items.is_discarded() || !items.is_array())
        return fail(ErrorCode::InvalidArgument, "the archive's manifest.json is not a JSON list of images; " + damaged);
    if (items.empty())
        return fail(ErrorCode::InvalidArgument, "the archive's manifest.json lists no images; there is nothing to load");
    if (items.size() > maximumImages)
        return fail(ErrorCode::InvalidArgument, "the archive lists " + std::to_string(items.size()) +
                                                    " images, more than the limit of " + std::to_string(maximumImages) +
                                                    "; save fewer images per archive");
    std::vector<PlannedImage> plan;
    for (std::size_t index = 0; index < items.size(); ++index) {
        const std::string where = "image " + ordinal(index) + " of the archive's manifest.json";
        const Json &item = items[index];
        if (!item.is_object())
            return fail(ErrorCode::InvalidArgument, where + " is not a JSON object; " + damaged);
        const auto config = item.find("Config");
        const auto layers = item.find("Layers");
        if (config == item.end() || !config->is_string() || layers == item.end() || !layers->is_array())
            return fail(ErrorCode::InvalidArgument, where + " lacks its Config or Layers; " + damaged);
        PlannedImage image;

        const std::string configPath = config->get<std::string>();
        auto configFile = spool.find(configPath);
        if (!configFile)
            return std::unexpected(std::move(configFile.error())
                                       .withContext(where + " names the config " + backquoted(configPath) + "; " + incomplete));
        if (auto promised = checkPromise(configPath, **configFile); !promised)
            return std::unexpected(std::move(promised.error()).withContext(where));
        auto configText = ArchiveSpool::readText(**configFile, maximumConfigBytes);
        if (!configText)
            return std::unexpected(std::move(configText.error()).withContext(where));
        auto parsedConfig = parseImageConfig(*configText);
        if (!parsedConfig)
            return std::unexpected(std::move(parsedConfig.error()).withContext(where + ", config " + backquoted(configPath)));
        if (auto os = checkOs(*parsedConfig, where); !os)
            return std::unexpected(os.error());
        image.id = (*configFile)->digest;
        image.configText = std::move(*configText);
        image.config = std::move(*parsedConfig);
        if (layers->size() != image.config.diffIds.size())
            return fail(ErrorCode::InvalidArgument, where + " lists " + std::to_string(layers->size()) +
                                                        " layers but its config has " +
                                                        std::to_string(image.config.diffIds.size()) + " diff ids; " + damaged);

        std::vector<Descriptor> blobs;
        for (std::size_t position = 0; position < layers->size(); ++position) {
            const Json &entry = (*layers)[position];
            if (!entry.is_string())
                return fail(ErrorCode::InvalidArgument, where + " has a layer that is not a path; " + damaged);
            const std::string path = entry.get<std::string>();
            auto file = spool.find(path);
            if (!file)
                return std::unexpected(std::move(file.error())
                                           .withContext(where + " names layer " + ordinal(position) + " as " +
                                                        backquoted(path) + "; " + incomplete));
            if (auto promised = checkPromise(path, **file); !promised)
                return std::unexpected(std::move(promised.error()).withContext(where));
            auto compression = sniffFile(**file);
            if (!compression)
                return std::unexpected(compression.error());
            PlannedLayer layer{image.config.diffIds[position],
                               Descriptor{std::string(ociLayerMediaType(*compression)), (*file)->digest,
                                          static_cast<std::int64_t>((*file)->size), std::nullopt, {}, {}},
                               *compression, *file, path};
            if (auto checked = checkUncompressedLayer(layer, position); !checked)
                return std::unexpected(std::move(checked.error()).withContext(where));
            blobs.push_back(layer.blob);
            image.layers.push_back(std::move(layer));
        }
        image.manifestText = ociManifestJson(Descriptor{std::string(media_type::ociConfig), image.id,
                                                        static_cast<std::int64_t>(image.configText.size()), std::nullopt, {}, {}},
                                             blobs);
        image.manifestDigest = Sha256::of(image.manifestText);
        image.manifestMediaType = std::string(media_type::ociManifest);

        if (const auto tags = item.find("RepoTags"); tags != item.end() && !tags->is_null()) {
            if (!tags->is_array())
                return fail(ErrorCode::InvalidArgument, where + " has RepoTags that are not a list; " + damaged);
            for (const auto &tag : *tags) {
                if (!tag.is_string())
                    return fail(ErrorCode::InvalidArgument, where + " has a tag that is not text; " + damaged);
                auto name = normaliseName(tag.get<std::string>(), where);
                if (!name)
                    return std::unexpected(name.error());
                if (std::ranges::find(image.tags, *name) == image.tags.end())
                    image.tags.push_back(std::move(*name));
            }
        }
        // The same image listed twice (Docker lists each image once; a hand-made archive
        // might not): merge the tags.
        const auto same = std::ranges::find(plan, image.id, &PlannedImage::id);
        if (same != plan.end()) {
            for (auto &tag : image.tags) {
                if (std::ranges::find(same->tags, tag) == same->tags.end())
                    same->tags.push_back(std::move(tag));
            }
            continue;
        }
        plan.push_back(std::move(image));
    }
    return plan;
}

namespace {

class OciPlanner {
public:
    OciPlanner(const ArchiveSpool &spool, std::size_t maximumImages, const Platform &platform)
        : spool_(spool), maximumImages_(maximumImages), platform_(platform)
    {
    }

    Result<std::vector<PlannedImage>> plan()
    {
        auto layout = spool_.readText("oci-layout", 64 * 1024);
        if (!layout)
            return std::unexpected(
                Error(ErrorCode::InvalidArgument, "the archive has index.json but no oci-layout file, so it is neither a "
                                                  "Docker archive nor an OCI layout; " + damaged));
        const Json layoutJson = Json::parse(*layout, nullptr, false);
        if (layoutJson.is_discarded() || !layoutJson.is_object() || !layoutJson.contains("imageLayoutVersion"))
            return fail(ErrorCode::InvalidArgument, "the archive's oci-layout file is not the JSON the OCI image layout "
                                                    "specifies; " + damaged);
        auto indexText = spool_.readText("index.json", maximumManifestBytes);
        if (!indexText)
            return std::unexpected(std::move(indexText.error()).withContext("reading the archive's index.json"));
        auto index = parseManifest(*indexText, media_type::ociIndex);
        if (!index)
            return std::unexpected(std::move(index.error()).withContext("the archive's index.json"));
        if (!std::holds_alternative<Index>(*index))
            return fail(ErrorCode::InvalidArgument, "the archive's index.json is not an image index; " + damaged);
        const auto &manifests = std::get<Index>(*index).manifests;
        if (manifests.size() > maximumImages_)
            return fail(ErrorCode::InvalidArgument, "the archive's index.json lists " + std::to_string(manifests.size()) +
                                                        " entries, more than the limit of " + std::to_string(maximumImages_));
        for (std::size_t position = 0; position < manifests.size(); ++position) {
            const Descriptor &descriptor = manifests[position];
            auto name = nameOf(descriptor, "entry " + ordinal(position) + " of the archive's index.json");
            if (!name)
                return std::unexpected(name.error());
            if (auto added = add(descriptor, *name, "entry " + ordinal(position) + " of the archive's index.json", 0); !added)
                return std::unexpected(added.error());
        }
        if (images_.empty()) {
            std::string offered;
            for (const auto &each : skippedPlatforms_)
                offered += (offered.empty() ? "" : ", ") + each;
            return fail(ErrorCode::NotFound, "the archive holds no image for " + platform_.string() +
                                                 (offered.empty() ? std::string() : " (it has " + offered + ")"));
        }
        return std::move(images_);
    }

private:
    // The name an index entry gives its image: containerd's full name, or the OCI ref name
    // when it is a whole reference rather than a bare tag.
    Result<std::optional<std::string>> nameOf(const Descriptor &descriptor, const std::string &where)
    {
        if (const auto full = descriptor.annotations.find("io.containerd.image.name"); full != descriptor.annotations.end()) {
            auto name = normaliseName(full->second, where);
            if (!name)
                return std::unexpected(name.error());
            return std::optional(*name);
        }
        const auto ref = descriptor.annotations.find("org.opencontainers.image.ref.name");
        if (ref == descriptor.annotations.end() || ref->second.find_first_of("/:") == std::string::npos)
            return std::optional<std::string>();
        auto name = normaliseName(ref->second, where);
        if (!name)
            return std::unexpected(name.error());
        return std::optional(*name);
    }

    Result<const ArchiveSpool::File *> blob(const Descriptor &descriptor, const std::string &what)
    {
        if (descriptor.digest.algorithm() != "sha256")
            return fail(ErrorCode::Unsupported, what + " uses a digest other than sha256");
        const std::string path = layoutBlobPath(descriptor.digest);
        auto file = spool_.find(path);
        if (!file) {
            if (!descriptor.urls.empty())
                return fail(ErrorCode::Unsupported, what + " is a foreign layer that is not in the archive; Berth "
                                                           "does not download foreign layers");
            return std::unexpected(std::move(file.error()).withContext(what + " (" + descriptor.digest.string() + "): " + incomplete));
        }
        if ((*file)->digest != descriptor.digest)
            return fail(ErrorCode::InvalidArgument, what + ": " + backquoted(path) + " holds " + (*file)->digest.string() +
                                                        ", not what its name says; " + damaged);
        if (descriptor.size >= 0 && (*file)->size != static_cast<std::uint64_t>(descriptor.size))
            return fail(ErrorCode::InvalidArgument, what + ": " + backquoted(path) + " is " + std::to_string((*file)->size) +
                                                        " bytes, but its descriptor says " + std::to_string(descriptor.size) +
                                                        "; " + damaged);
        return *file;
    }

    bool platformMatches(const Platform &offered) const
    {
        return offered.os == platform_.os && offered.architecture == platform_.architecture;
    }

    Status add(const Descriptor &descriptor, const std::optional<std::string> &name, const std::string &where, int depth)
    {
        const std::string &type = descriptor.mediaType;
        if (type == media_type::ociIndex || type == media_type::dockerManifestList) {
            if (depth > 2)
                return fail(ErrorCode::InvalidArgument, where + " nests indexes too deeply; " + damaged);
            auto file = blob(descriptor, where);
            if (!file)
                return std::unexpected(file.error());
            auto text = ArchiveSpool::readText(**file, maximumManifestBytes);
            if (!text)
                return std::unexpected(text.error());
            auto parsed = parseManifest(*text, type);
            if (!parsed)
                return std::unexpected(std::move(parsed.error()).withContext(where));
            if (!std::holds_alternative<Index>(*parsed))
                return fail(ErrorCode::InvalidArgument, where + " says it is an index but is not; " + damaged);
            auto chosen = selectPlatform(std::get<Index>(*parsed), platform_);
            if (!chosen)
                return std::unexpected(std::move(chosen.error()).withContext(where));
            return add(*chosen, name, where + ", " + platform_.string(), depth + 1);
        }
        if (type != media_type::ociManifest && type != media_type::dockerManifest)
            return {}; // attestations, signatures and other artifacts: not images
        if (descriptor.platform && !platformMatches(*descriptor.platform)) {
            skippedPlatforms_.push_back(descriptor.platform->string());
            return {};
        }
        const auto existing = std::ranges::find(images_, descriptor.digest, &PlannedImage::manifestDigest);
        if (existing != images_.end()) {
            if (name && std::ranges::find(existing->tags, *name) == existing->tags.end())
                existing->tags.push_back(*name);
            return {};
        }
        if (images_.size() >= maximumImages_)
            return fail(ErrorCode::InvalidArgument, "the archive holds more than " + std::to_string(maximumImages_) + " images");

        PlannedImage image;
        auto manifestFile = blob(descriptor, where + ", its manifest");
        if (!manifestFile)
            return std::unexpected(manifestFile.error());
        auto manifestText = ArchiveSpool::readText(**manifestFile, maximumManifestBytes);
        if (!manifestText)
            return std::unexpected(manifestText.error());
        auto parsed = parseManifest(*manifestText, type);
        if (!parsed)
            return std::unexpected(std::move(parsed.error()).withContext(where));
        if (!std::holds_alternative<Manifest>(*parsed))
            return fail(ErrorCode::InvalidArgument, where + " says it is a manifest but is an index; " + damaged);
        const Manifest &manifest = std::get<Manifest>(*parsed);
        image.manifestText = std::move(*manifestText);
        image.manifestDigest = descriptor.digest;
        image.manifestMediaType = manifest.mediaType;

        auto configFile = blob(manifest.config, where + ", its config");
        if (!configFile)
            return std::unexpected(configFile.error());
        auto configText = ArchiveSpool::readText(**configFile, maximumConfigBytes);
        if (!configText)
            return std::unexpected(configText.error());
        auto config = parseImageConfig(*configText);
        if (!config)
            return std::unexpected(std::move(config.error()).withContext(where));
        if (auto os = checkOs(*config, where); !os)
            return std::unexpected(os.error());
        image.id = manifest.config.digest;
        image.configText = std::move(*configText);
        image.config = std::move(*config);
        if (manifest.layers.size() != image.config.diffIds.size())
            return fail(ErrorCode::InvalidArgument, where + ": the manifest lists " + std::to_string(manifest.layers.size()) +
                                                        " layers but the config has " +
                                                        std::to_string(image.config.diffIds.size()) + " diff ids; " + damaged);
        for (std::size_t position = 0; position < manifest.layers.size(); ++position) {
            const Descriptor &layerDescriptor = manifest.layers[position];
            auto compression = layerCompression(layerDescriptor.mediaType);
            if (!compression)
                return std::unexpected(std::move(compression.error()).withContext(where + ", layer " + ordinal(position)));
            auto file = blob(layerDescriptor, where + ", layer " + ordinal(position));
            if (!file)
                return std::unexpected(file.error());
            PlannedLayer layer{image.config.diffIds[position], layerDescriptor, *compression, *file,
                               layoutBlobPath(layerDescriptor.digest)};
            layer.blob.platform.reset();
            if (auto checked = checkUncompressedLayer(layer, position); !checked)
                return std::unexpected(std::move(checked.error()).withContext(where));
            image.layers.push_back(std::move(layer));
        }
        if (name)
            image.tags.push_back(*name);
        images_.push_back(std::move(image));
        return {};
    }

    const ArchiveSpool &spool_;
    std::size_t maximumImages_;
    Platform platform_;
    std::vector<PlannedImage> images_;
    std::vector<std::string> skippedPlatforms_;
};

} // namespace

Result<std::vector<PlannedImage>> planOciLayout(const ArchiveSpool &spool, std::size_t maximumImages, const Platform &platform)
{
    return OciPlanner(spool, maximumImages, platform).plan();
}

} // namespace berth::image::archive_detail

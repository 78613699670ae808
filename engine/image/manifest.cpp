#include "engine/image/manifest.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include <sys/utsname.h>

namespace berth::image {

namespace {

using Json = nlohmann::json;

bool isSchema1(std::string_view mediaType)
{
    return mediaType == media_type::dockerSchema1 || mediaType == media_type::dockerSchema1Signed;
}

std::string stringField(const Json &object, const char *name)
{
    const auto it = object.find(name);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> stringList(const Json &object, const char *name)
{
    std::vector<std::string> values;
    const auto it = object.find(name);
    if (it == object.end() || !it->is_array())
        return values;
    for (const auto &item : *it) {
        if (item.is_string())
            values.push_back(item.get<std::string>());
    }
    return values;
}

Result<Descriptor> parseDescriptor(const Json &json, const std::string &where)
{
    if (!json.is_object())
        return fail(ErrorCode::InvalidArgument, where + " is not a JSON object");
    Descriptor descriptor{stringField(json, "mediaType"), Sha256::of(""), 0, std::nullopt, {}, {}};
    auto digest = Digest::parse(stringField(json, "digest"));
    if (!digest)
        return std::unexpected(std::move(digest.error()).withContext(where));
    descriptor.digest = *digest;
    const auto size = json.find("size");
    if (size == json.end() || !size->is_number_integer() || size->get<std::int64_t>() < 0)
        return fail(ErrorCode::InvalidArgument, where + " has no valid size");
    descriptor.size = size->get<std::int64_t>();
    if (const auto platform = json.find("platform"); platform != json.end() && platform->is_object()) {
        descriptor.platform = Platform{stringField(*platform, "os"), stringField(*platform, "architecture"),
                                       stringField(*platform, "variant")};
    }
    if (const auto annotations = json.find("annotations"); annotations != json.end() && annotations->is_object()) {
        for (const auto &[key, value] : annotations->items()) {
            if (value.is_string())
                descriptor.annotations[key] = value.get<std::string>();
        }
    }
    descriptor.urls = stringList(json, "urls");
    return descriptor;
}

std::string normalisedArchitecture(std::string_view machine)
{
    if (machine == "x86_64")
        return "amd64";
    if (machine == "aarch64")
        return "arm64";
    if (machine.starts_with("armv7"))
        return "arm";
    if (machine == "i686" || machine == "i386")
        return "386";
    return std::string(machine);
}

} // namespace

std::string Platform::string() const
{
    std::string text = os + "/" + architecture;
    if (!variant.empty())
        text += "/" + variant;
    return text;
}

Result<Platform> parsePlatform(std::string_view text)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const auto slash = text.find('/', start);
        parts.emplace_back(text.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
        if (slash == std::string_view::npos)
            break;
        start = slash + 1;
    }
    const bool valid = (parts.size() == 2 || parts.size() == 3) &&
                       std::ranges::all_of(parts, [](const std::string &part) {
                           return !part.empty() && std::ranges::all_of(part, [](char c) {
                               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
                           });
                       });
    if (!valid)
        return fail(ErrorCode::InvalidArgument,
                    backquoted(text) + " is not a platform; write it as OS/ARCH[/VARIANT], e.g. linux/amd64 or linux/arm64/v8");
    Platform platform{parts[0], normalisedArchitecture(parts[1]), parts.size() == 3 ? parts[2] : std::string()};
    return platform;
}

Platform hostPlatform()
{
    utsname names{};
    uname(&names);
    Platform platform{"linux", normalisedArchitecture(names.machine), {}};
    if (platform.architecture == "arm64")
        platform.variant = "v8";
    return platform;
}

Result<ManifestOrIndex> parseManifest(std::string_view body, std::string_view contentType)
{
    if (body.size() > maximumManifestBytes)
        return fail(ErrorCode::InvalidArgument, "the manifest is " + std::to_string(body.size()) +
                                                    " bytes, more than the limit of " +
                                                    std::to_string(maximumManifestBytes));
    // Content-Type may carry parameters ("; charset=utf-8").
    contentType = contentType.substr(0, contentType.find(';'));
    while (!contentType.empty() && contentType.back() == ' ')
        contentType.remove_suffix(1);
    if (isSchema1(contentType))
        return fail(ErrorCode::Unsupported,
                    "this image uses Docker's manifest schema 1, deprecated since 2017 and not supported; "
                    "push it again with a current tool to convert it to schema 2 or OCI");
    Json json = Json::parse(body, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return fail(ErrorCode::InvalidArgument, "the manifest is not valid JSON");
    if (const auto version = json.find("schemaVersion"); version != json.end() && *version == 1)
        return fail(ErrorCode::Unsupported,
                    "this image uses Docker's manifest schema 1, deprecated since 2017 and not supported; "
                    "push it again with a current tool to convert it to schema 2 or OCI");

    std::string mediaType = stringField(json, "mediaType");
    if (mediaType.empty()) {
        // OCI makes mediaType optional; the header or the document's shape tell.
        if (!contentType.empty() && contentType != "application/json" && contentType != "text/plain")
            mediaType = std::string(contentType);
        else if (json.contains("manifests"))
            mediaType = std::string(media_type::ociIndex);
        else if (json.contains("layers") || json.contains("config"))
            mediaType = std::string(media_type::ociManifest);
    }
    if (mediaType == media_type::dockerManifestList || mediaType == media_type::ociIndex) {
        const auto manifests = json.find("manifests");
        if (manifests == json.end() || !manifests->is_array())
            return fail(ErrorCode::InvalidArgument, "the index has no manifests list");
        Index index{mediaType, {}};
        for (std::size_t position = 0; position < manifests->size(); ++position) {
            auto descriptor = parseDescriptor((*manifests)[position], "manifest " + std::to_string(position + 1) + " of the index");
            if (!descriptor)
                return std::unexpected(descriptor.error());
            index.manifests.push_back(std::move(*descriptor));
        }
        return index;
    }
    if (mediaType == media_type::dockerManifest || mediaType == media_type::ociManifest) {
        const auto config = json.find("config");
        const auto layers = json.find("layers");
        if (config == json.end() || layers == json.end() || !layers->is_array())
            return fail(ErrorCode::InvalidArgument, "the manifest lacks its config or layers");
        auto configDescriptor = parseDescriptor(*config, "the manifest's config");
        if (!configDescriptor)
            return std::unexpected(configDescriptor.error());
        Manifest manifest{mediaType, std::move(*configDescriptor), {}};
        for (std::size_t position = 0; position < layers->size(); ++position) {
            auto descriptor = parseDescriptor((*layers)[position], "layer " + std::to_string(position + 1) + " of the manifest");
            if (!descriptor)
                return std::unexpected(descriptor.error());
            if (auto compression = layerCompression(descriptor->mediaType); !compression)
                return std::unexpected(std::move(compression.error())
                                           .withContext("layer " + std::to_string(position + 1) + " of the manifest"));
            manifest.layers.push_back(std::move(*descriptor));
        }
        return manifest;
    }
    if (mediaType.empty())
        return fail(ErrorCode::InvalidArgument, "the manifest names no media type and has no known shape");
    return fail(ErrorCode::Unsupported, "unknown manifest media type " + backquoted(mediaType) +
                                            "; Berth reads Docker schema 2 and OCI manifests and indexes");
}

Result<Descriptor> selectPlatform(const Index &index, const Platform &wanted)
{
    const auto sameVariant = [&](const Platform &offered) {
        if (wanted.variant.empty() || offered.variant == wanted.variant)
            return true;
        // arm64 images often leave out the only variant there is.
        return wanted.architecture == "arm64" && wanted.variant == "v8" && offered.variant.empty();
    };
    for (const auto &descriptor : index.manifests) {
        if (!descriptor.platform)
            continue;
        const auto &offered = *descriptor.platform;
        if (offered.os == wanted.os && offered.architecture == wanted.architecture && sameVariant(offered))
            return descriptor;
    }
    std::string available;
    for (const auto &descriptor : index.manifests) {
        if (!descriptor.platform || descriptor.platform->architecture == "unknown")
            continue;
        available += available.empty() ? "" : ", ";
        available += descriptor.platform->string();
    }
    return fail(ErrorCode::NotFound, "no image for platform " + wanted.string() + " in the index" +
                                         (available.empty() ? std::string() : "; it has: " + available) +
                                         ". Choose one with --platform");
}

Result<LayerCompression> layerCompression(std::string_view mediaType)
{
    if (mediaType == media_type::dockerLayerGzip || mediaType == media_type::dockerForeignLayerGzip ||
        mediaType == media_type::ociLayerGzip || mediaType == media_type::ociLayerNondistributableGzip)
        return LayerCompression::Gzip;
    if (mediaType == media_type::ociLayerZstd || mediaType == media_type::ociLayerNondistributableZstd)
        return LayerCompression::Zstd;
    if (mediaType == media_type::ociLayer || mediaType == media_type::ociLayerNondistributable)
        return LayerCompression::None;
    return fail(ErrorCode::Unsupported, "unknown layer media type " + backquoted(mediaType));
}

Result<ImageConfig> parseImageConfig(std::string_view body)
{
    if (body.size() > maximumConfigBytes)
        return fail(ErrorCode::InvalidArgument, "the image config is larger than " + std::to_string(maximumConfigBytes) + " bytes");
    Json json = Json::parse(body, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return fail(ErrorCode::InvalidArgument, "the image config is not valid JSON");
    ImageConfig config;
    config.raw = std::string(body);
    config.architecture = stringField(json, "architecture");
    config.os = stringField(json, "os");
    config.variant = stringField(json, "variant");
    config.created = stringField(json, "created");
    const auto rootfs = json.find("rootfs");
    if (rootfs == json.end() || !rootfs->is_object())
        return fail(ErrorCode::InvalidArgument, "the image config has no rootfs");
    for (const auto &diffId : stringList(*rootfs, "diff_ids")) {
        auto digest = Digest::parse(diffId);
        if (!digest)
            return std::unexpected(std::move(digest.error()).withContext("the image config's rootfs.diff_ids"));
        config.diffIds.push_back(*digest);
    }
    if (const auto history = json.find("history"); history != json.end() && history->is_array()) {
        for (const auto &entry : *history) {
            if (!entry.is_object())
                continue;
            config.history.push_back(HistoryEntry{stringField(entry, "created"), stringField(entry, "created_by"),
                                                  stringField(entry, "comment"),
                                                  entry.value("empty_layer", false)});
        }
    }
    if (const auto inner = json.find("config"); inner != json.end() && inner->is_object()) {
        config.env = stringList(*inner, "Env");
        config.entrypoint = stringList(*inner, "Entrypoint");
        config.cmd = stringList(*inner, "Cmd");
        config.workingDir = stringField(*inner, "WorkingDir");
        config.user = stringField(*inner, "User");
    }
    return config;
}

std::vector<Digest> chainIds(const std::vector<Digest> &diffIds)
{
    std::vector<Digest> chain;
    for (const auto &diffId : diffIds) {
        if (chain.empty())
            chain.push_back(diffId);
        else
            chain.push_back(Sha256::of(chain.back().string() + " " + diffId.string()));
    }
    return chain;
}

} // namespace berth::image

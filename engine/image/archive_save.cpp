#include "engine/image/archive_save.h"

#include "engine/core/reference.h"
#include "engine/core/unique_fd.h"
#include "engine/image/archive_formats.h"
#include "engine/image/archive_io.h"
#include "engine/image/content_store.h"
#include "engine/image/layer_decompress.h"
#include "engine/image/manifest.h"

#include <archive.h>
#include <archive_entry.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <map>
#include <variant>

namespace berth::image {

namespace {

using OrderedJson = nlohmann::ordered_json;

constexpr auto progressInterval = std::chrono::milliseconds(100);

bool isFullHexId(std::string_view text)
{
    if (text.starts_with("sha256:"))
        text.remove_prefix(7);
    return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// The tar going to the caller's descriptor, through libarchive's pax writer.
class TarOutput {
public:
    TarOutput(int fd, std::stop_token stop) : fd_(fd), stop_(std::move(stop)) {}
    ~TarOutput()
    {
        if (!writer_)
            return;
        if (!closed_) {
            // Without its end blocks a broken archive cannot pass for a whole one, so write()
            // refuses them. Closing still matters: libarchive 3.6 frees its output buffer
            // only in close, which archive_write_free skips once a write has failed (or after
            // archive_write_fail), and LeakSanitizer sees that buffer lost.
            abandoned_ = true;
            (void)archive_write_close(writer_);
        }
        archive_write_free(writer_);
    }
    TarOutput(const TarOutput &) = delete;
    TarOutput &operator=(const TarOutput &) = delete;

    Status open()
    {
        writer_ = archive_write_new();
        if (!writer_)
            return fail(ErrorCode::Internal, "libarchive could not allocate a writer");
        // pax only where ustar cannot say it (long names, sizes over 8 GiB), as Go's tar does.
        if (archive_write_set_format_pax_restricted(writer_) != ARCHIVE_OK ||
            archive_write_set_bytes_per_block(writer_, 0) != ARCHIVE_OK)
            return failure("setting up the tar writer");
        if (archive_write_open(writer_, this, nullptr, &TarOutput::write, nullptr) != ARCHIVE_OK)
            return failure("starting the archive");
        return {};
    }

    Status directory(const std::string &name)
    {
        return header(name, AE_IFDIR, 0755, 0);
    }

    Status file(const std::string &name, std::uint64_t size)
    {
        return header(name, AE_IFREG, 0644, size);
    }

    Status data(std::span<const std::byte> bytes)
    {
        while (!bytes.empty()) {
            const la_ssize_t written = archive_write_data(writer_, bytes.data(), bytes.size());
            if (written < 0)
                return failure("writing the archive");
            if (written == 0)
                return fail(ErrorCode::Internal, "the tar writer took more data than the entry's size");
            bytes = bytes.subspan(static_cast<std::size_t>(written));
        }
        return {};
    }

    Status text(const std::string &name, std::string_view content)
    {
        if (auto started = file(name, content.size()); !started)
            return started;
        return data(std::as_bytes(std::span(content.data(), content.size())));
    }

    Status close()
    {
        if (archive_write_close(writer_) != ARCHIVE_OK)
            return failure("finishing the archive");
        closed_ = true;
        return {};
    }

    [[nodiscard]] std::uint64_t bytesWritten() const { return bytesWritten_; }

private:
    Status header(const std::string &name, unsigned type, unsigned mode, std::uint64_t size)
    {
        archive_entry *entry = archive_entry_new();
        if (!entry)
            return fail(ErrorCode::Internal, "libarchive could not allocate an entry");
        archive_entry_set_pathname(entry, name.c_str());
        archive_entry_set_filetype(entry, type);
        archive_entry_set_perm(entry, mode);
        archive_entry_set_size(entry, static_cast<la_int64_t>(size));
        // Fixed owner and time: the same images always give the same bytes.
        archive_entry_set_uid(entry, 0);
        archive_entry_set_gid(entry, 0);
        archive_entry_set_mtime(entry, 0, 0);
        const int status = archive_write_header(writer_, entry);
        archive_entry_free(entry);
        if (status != ARCHIVE_OK)
            return failure("writing the entry " + backquoted(name));
        return {};
    }

    static la_ssize_t write(archive *writer, void *opaque, const void *buffer, size_t length)
    {
        auto *self = static_cast<TarOutput *>(opaque);
        if (self->abandoned_) {
            archive_set_error(writer, -1, "the archive was abandoned");
            return -1;
        }
        auto written = archive_detail::writeFully(self->fd_, std::span(static_cast<const std::byte *>(buffer), length),
                                                  self->stop_, "the archive");
        if (!written) {
            self->error_ = written.error();
            archive_set_error(writer, -1, "%s", written.error().message().c_str());
            return -1;
        }
        self->bytesWritten_ += length;
        return static_cast<la_ssize_t>(length);
    }

    Status failure(const std::string &what)
    {
        if (error_)
            return std::unexpected(*error_);
        const char *message = archive_error_string(writer_);
        return fail(ErrorCode::Io, what + ": " + (message ? message : "libarchive failed"));
    }

    int fd_;
    std::stop_token stop_;
    archive *writer_ = nullptr;
    bool closed_ = false;
    bool abandoned_ = false;
    std::optional<Error> error_;
    std::uint64_t bytesWritten_ = 0;
};

struct LayerSource {
    Digest diffId;
    Digest blobDigest;
    std::uint64_t size = 0;
};

// What goes under blobs/sha256: a small JSON blob, or a layer streamed from the store.
using BlobContent = std::variant<std::string, LayerSource>;

// Copies a stored layer blob, decompressed, into the archive, checking it on the way.
Status streamLayer(TarOutput &tar, const ContentStore &content, const LayerSource &layer, const ArchiveProgressSink &progress,
                   std::stop_token stop)
{
    const std::string id(layer.diffId.shortHex());
    const std::string what = "writing layer " + layer.diffId.string();
    const std::string damaged = "the stored layer is damaged; remove the image and pull it again";
    UniqueFd fd(::open(content.blobPath(layer.blobDigest).c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.valid())
        return fail(ErrorCode::NotFound, what + ": its blob " + layer.blobDigest.string() +
                                             " is not in the store; remove the image and pull it again");
    auto decompressor = LayerDecompressor::open(fd.get(), std::numeric_limits<std::uint64_t>::max(), stop);
    if (!decompressor)
        return std::unexpected(std::move(decompressor.error()).withContext(what));
    if (auto started = tar.file(archive_detail::layoutBlobPath(layer.diffId), layer.size); !started)
        return std::unexpected(std::move(started.error()).withContext(what));
    if (progress)
        progress(ArchiveProgress{id, "writing", 0, layer.size});
    auto last = std::chrono::steady_clock::now();
    for (;;) {
        auto block = (*decompressor)->next();
        if (!block)
            return std::unexpected(std::move(block.error()).withContext(what));
        if (block->empty())
            break;
        if ((*decompressor)->uncompressedBytes() > layer.size)
            return fail(ErrorCode::Io, what + ": it is longer than the " + std::to_string(layer.size) +
                                           " bytes recorded for it; " + damaged);
        if (auto written = tar.data(*block); !written)
            return std::unexpected(std::move(written.error()).withContext(what));
        const auto now = std::chrono::steady_clock::now();
        if (progress && now - last >= progressInterval) {
            last = now;
            progress(ArchiveProgress{id, "writing", (*decompressor)->uncompressedBytes(), layer.size});
        }
    }
    if ((*decompressor)->uncompressedBytes() != layer.size)
        return fail(ErrorCode::Io, what + ": it is " + std::to_string((*decompressor)->uncompressedBytes()) +
                                       " bytes, not the " + std::to_string(layer.size) + " recorded for it; " + damaged);
    if (const Digest actual = (*decompressor)->digest(); actual != layer.diffId)
        return fail(ErrorCode::Io, what + ": its content is " + actual.string() + "; " + damaged);
    if (progress)
        progress(ArchiveProgress{id, "done", layer.size, layer.size});
    return {};
}

} // namespace

Result<std::vector<SaveImage>> resolveSaveNames(ImageStore &images, const std::vector<std::string> &names)
{
    std::vector<SaveImage> found;
    const auto add = [&](const ImageRecord &image, const std::optional<std::string> &tag) {
        auto existing = std::ranges::find(found, image.id, [](const SaveImage &each) { return each.image.id; });
        if (existing == found.end()) {
            found.push_back(SaveImage{image, {}, {}});
            existing = found.end() - 1;
        }
        if (tag && std::ranges::find(existing->tags, *tag) == existing->tags.end())
            existing->tags.push_back(*tag);
    };
    for (const auto &name : names) {
        if (isFullHexId(name)) {
            auto image = images.resolve(name.starts_with("sha256:") ? name : "sha256:" + name);
            if (!image)
                return std::unexpected(image.error());
            add(*image, std::nullopt);
            continue;
        }
        auto reference = parseReferenceNoDefaultTag(name);
        if (!reference) {
            // Not a name: perhaps a short id ("sha256:1234abcd").
            auto image = images.resolve(name);
            if (!image)
                return std::unexpected(image.error().code() == ErrorCode::NotFound ? reference.error() : image.error());
            add(*image, std::nullopt);
            continue;
        }
        if (!reference->digest.empty()) {
            auto image = images.resolve(reference->repository() + "@" + reference->digest);
            if (!image)
                return fail(ErrorCode::NotFound, "no such image: " + name);
            add(*image, std::nullopt);
            continue;
        }
        if (!reference->tag.empty()) {
            auto image = images.resolve(reference->string());
            if (!image)
                return std::unexpected(image.error().code() == ErrorCode::NotFound
                                           ? Error(ErrorCode::NotFound, "no such image: " + reference->familiarString())
                                           : image.error());
            add(*image, reference->string());
            continue;
        }
        // A bare repository: every tag in it, as docker save does; else a short id.
        auto all = images.listImages();
        if (!all)
            return std::unexpected(all.error());
        const std::string prefix = reference->repository() + ":";
        bool any = false;
        for (const auto &image : *all) {
            for (const auto &tag : image.tags) {
                if (tag.starts_with(prefix) && tag.find_first_of("/@", prefix.size()) == std::string::npos) {
                    add(image, tag);
                    any = true;
                }
            }
        }
        if (!any) {
            auto image = images.resolve(name);
            if (!image)
                return std::unexpected(image.error().code() == ErrorCode::NotFound
                                           ? Error(ErrorCode::NotFound, "no such image: " + name)
                                           : image.error());
            add(*image, std::nullopt);
        }
    }
    for (auto &each : found) {
        for (const auto &layer : each.image.layers) {
            auto record = images.findLayer(layer.diffId);
            if (!record)
                return std::unexpected(record.error());
            if (!*record)
                return fail(ErrorCode::NotFound, "layer " + layer.diffId.string() + " of image " + each.image.id.string() +
                                                     " is missing from the store; remove the image and pull it again");
            each.layerSizes.push_back((*record)->size);
        }
    }
    return found;
}

Result<SaveResult> saveImages(const std::filesystem::path &root, const std::vector<SaveImage> &images, int outputFd,
                              const ArchiveProgressSink &progress, std::stop_token stop)
{
    const std::string what = "saving";
    archive_detail::SigpipeBlocker noSigpipe;
    ContentStore content(root);
    std::map<std::string, BlobContent> blobs; // hex -> content, written in name order like docker
    OrderedJson manifestList = OrderedJson::array();
    OrderedJson indexManifests = OrderedJson::array();
    std::map<std::string, std::map<std::string, std::string>> repositories;
    SaveResult result;

    for (const auto &each : images) {
        const ImageRecord &image = each.image;
        auto config = content.readBlob(image.id, maximumConfigBytes);
        if (!config)
            return std::unexpected(std::move(config.error()).withContext(what + " image " + image.id.string()));
        if (each.layerSizes.size() != image.layers.size())
            return fail(ErrorCode::Internal, "the layer sizes of image " + image.id.string() + " are missing");
        std::vector<Descriptor> layerDescriptors;
        OrderedJson layerPaths = OrderedJson::array();
        for (std::size_t position = 0; position < image.layers.size(); ++position) {
            const ImageLayer &layer = image.layers[position];
            const auto size = each.layerSizes[position];
            layerDescriptors.push_back(Descriptor{std::string(media_type::ociLayer), layer.diffId,
                                                  static_cast<std::int64_t>(size), std::nullopt, {}, {}});
            layerPaths.push_back(archive_detail::layoutBlobPath(layer.diffId));
            blobs.try_emplace(std::string(layer.diffId.hex()), LayerSource{layer.diffId, layer.blobDigest, size});
        }
        const std::string manifest = archive_detail::ociManifestJson(
            Descriptor{std::string(media_type::ociConfig), image.id, static_cast<std::int64_t>(config->size()), std::nullopt, {}, {}},
            layerDescriptors);
        const Digest manifestDigest = Sha256::of(manifest);
        blobs.try_emplace(std::string(image.id.hex()), *config);
        blobs.try_emplace(std::string(manifestDigest.hex()), manifest);

        OrderedJson item;
        item["Config"] = archive_detail::layoutBlobPath(image.id);
        item["RepoTags"] = nullptr;
        OrderedJson untagged;
        untagged["mediaType"] = media_type::ociManifest;
        untagged["digest"] = manifestDigest.string();
        untagged["size"] = manifest.size();
        for (const auto &tag : each.tags) {
            auto reference = parseReference(tag);
            if (!reference)
                return std::unexpected(std::move(reference.error()).withContext(what + " " + tag));
            if (item["RepoTags"].is_null())
                item["RepoTags"] = OrderedJson::array();
            item["RepoTags"].push_back(reference->familiarString());
            if (!image.layers.empty())
                repositories[reference->familiarRepository()][reference->tag] = std::string(image.layers.back().diffId.hex());
            OrderedJson tagged = untagged;
            tagged["annotations"] = OrderedJson{{"io.containerd.image.name", reference->string()},
                                                {"org.opencontainers.image.ref.name", reference->tag}};
            indexManifests.push_back(std::move(tagged));
        }
        if (each.tags.empty())
            indexManifests.push_back(std::move(untagged));
        item["Layers"] = std::move(layerPaths);
        manifestList.push_back(std::move(item));
        ++result.images;
    }

    TarOutput tar(outputFd, stop);
    if (auto opened = tar.open(); !opened)
        return std::unexpected(std::move(opened.error()).withContext(what));
    const auto written = [&](Status status) -> Status {
        if (!status)
            return std::unexpected(std::move(status.error()).withContext(what));
        return {};
    };
    if (auto done = written(tar.directory("blobs/")); !done)
        return std::unexpected(done.error());
    if (auto done = written(tar.directory("blobs/sha256/")); !done)
        return std::unexpected(done.error());
    for (const auto &[hex, blob] : blobs) {
        if (stop.stop_requested())
            return std::unexpected(archive_detail::cancelledError(what));
        Status status;
        if (const auto *text = std::get_if<std::string>(&blob)) {
            status = tar.text("blobs/sha256/" + hex, *text);
        } else {
            status = streamLayer(tar, content, std::get<LayerSource>(blob), progress, stop);
            ++result.layers;
        }
        if (auto done = written(std::move(status)); !done)
            return std::unexpected(done.error());
    }
    OrderedJson index;
    index["schemaVersion"] = 2;
    index["mediaType"] = media_type::ociIndex;
    index["manifests"] = std::move(indexManifests);
    // The same bytes as Docker: Go's encoder ends manifest.json and repositories with a newline.
    if (auto done = written(tar.text("index.json", index.dump())); !done)
        return std::unexpected(done.error());
    if (auto done = written(tar.text("manifest.json", manifestList.dump() + "\n")); !done)
        return std::unexpected(done.error());
    if (auto done = written(tar.text("oci-layout", R"({"imageLayoutVersion": "1.0.0"})")); !done)
        return std::unexpected(done.error());
    if (!repositories.empty()) {
        if (auto done = written(tar.text("repositories", OrderedJson(repositories).dump() + "\n")); !done)
            return std::unexpected(done.error());
    }
    if (auto done = written(tar.close()); !done)
        return std::unexpected(done.error());
    result.bytesWritten = tar.bytesWritten();
    return result;
}

} // namespace berth::image

#include "engine/image/archive_load.h"

#include "engine/core/reference.h"
#include "engine/core/sqlite_database.h"
#include "engine/core/unique_fd.h"
#include "engine/image/archive_formats.h"
#include "engine/image/archive_io.h"
#include "engine/image/content_store.h"
#include "engine/image/image_store.h"
#include "engine/image/layer_decompress.h"
#include "engine/image/layer_unpack.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

namespace berth::image {

namespace {

using archive_detail::PlannedImage;
using archive_detail::PlannedLayer;

constexpr auto progressInterval = std::chrono::milliseconds(100);

class Progress {
public:
    explicit Progress(const ArchiveProgressSink &sink) : sink_(sink) {}

    void state(const std::string &id, const std::string &state, std::uint64_t current, std::uint64_t total)
    {
        last_[id] = std::chrono::steady_clock::now();
        if (sink_)
            sink_(ArchiveProgress{id, state, current, total});
    }

    void bytes(const std::string &id, const std::string &state, std::uint64_t current, std::uint64_t total)
    {
        const auto now = std::chrono::steady_clock::now();
        auto &last = last_[id];
        if (now - last < progressInterval)
            return;
        last = now;
        if (sink_)
            sink_(ArchiveProgress{id, state, current, total});
    }

private:
    const ArchiveProgressSink &sink_;
    std::map<std::string, std::chrono::steady_clock::time_point> last_;
};

std::string familiar(const std::string &normalised)
{
    auto reference = parseReference(normalised);
    return reference ? reference->familiarString() : normalised;
}

// Moves a verified spooled blob into the content store; false if it was there already.
Result<bool> adoptBlob(const ContentStore &content, const ArchiveSpool::File &file)
{
    if (content.contains(file.digest))
        return false;
    UniqueFd fd(::open(file.path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.valid() || ::fsync(fd.get()) != 0)
        return failErrno("syncing the spooled blob " + file.digest.string(), errno);
    if (::rename(file.path.c_str(), content.blobPath(file.digest).c_str()) != 0)
        return failErrno("moving blob " + file.digest.string() + " into the store", errno);
    return true;
}

Result<bool> storeText(const ContentStore &content, const std::string &text, const Digest &digest)
{
    if (content.contains(digest))
        return false;
    auto written = content.writeBlob(text, digest);
    if (!written)
        return std::unexpected(written.error());
    return true;
}

// The image store writes each image in a transaction of its own. An archive of several
// images loads all or nothing, so this notes, before each write, what the write changes —
// an image record that was not there, a name that pointed elsewhere or nowhere — and can
// put it all back when a later image fails.
class RecordJournal {
public:
    explicit RecordJournal(ImageStore &images) : images_(images) {}

    /// Records image (and points tag at it), noting first what that changes.
    Status record(const ImageRecord &image, const std::vector<LayerRecord> &layers, const std::optional<std::string> &tag)
    {
        if (std::ranges::find(addedImages_, image.id) == addedImages_.end()) {
            auto existing = images_.image(image.id);
            if (!existing && existing.error().code() != ErrorCode::NotFound)
                return std::unexpected(existing.error());
            if (!existing)
                addedImages_.push_back(image.id);
        }
        if (tag && std::ranges::find(movedNames_, *tag, &MovedName::name) == movedNames_.end()) {
            auto previous = images_.imageForTag(*tag);
            if (!previous)
                return std::unexpected(previous.error());
            if (*previous != image.id)
                movedNames_.push_back(MovedName{*tag, *previous});
        }
        return images_.recordImage(image, layers, tag, std::nullopt);
    }

    /// Puts names back where they pointed, then deletes the images this load added.
    Status rollBack()
    {
        for (auto moved = movedNames_.rbegin(); moved != movedNames_.rend(); ++moved) {
            if (moved->previous) {
                if (auto restored = images_.tag(*moved->previous, moved->name); !restored)
                    return restored;
            } else if (auto removed = images_.untag(moved->name); !removed && removed.error().code() != ErrorCode::NotFound) {
                return std::unexpected(removed.error());
            }
        }
        for (const auto &id : addedImages_) {
            if (auto deleted = images_.deleteImage(id); !deleted)
                return std::unexpected(deleted.error());
        }
        return {};
    }

private:
    struct MovedName {
        std::string name;
        std::optional<Digest> previous;
    };
    ImageStore &images_;
    std::vector<Digest> addedImages_;
    std::vector<MovedName> movedNames_;
};

} // namespace

ArchiveLoader::ArchiveLoader(std::filesystem::path root) : root_(std::move(root)) {}

void ArchiveLoader::removeLeftovers(const std::filesystem::path &root)
{
    ArchiveSpool::removeLeftovers(root);
}

Result<LoadResult> ArchiveLoader::load(int inputFd, const LoadOptions &options, const ArchiveProgressSink &sink,
                                       std::stop_token stop)
{
    const std::string what = "loading the archive";
    Progress progress(sink);
    ArchiveSpool::removeLeftovers(root_);
    ContentStore content(root_);
    if (auto prepared = content.prepare(); !prepared)
        return std::unexpected(std::move(prepared.error()).withContext(what));

    // 1. The whole archive into the spool, hashed on the way.
    struct stat input {};
    const std::uint64_t inputSize =
        ::fstat(inputFd, &input) == 0 && S_ISREG(input.st_mode) ? static_cast<std::uint64_t>(input.st_size) : 0;
    progress.state("archive", "reading", 0, inputSize);
    const std::function<void(std::uint64_t)> readBytes = [&](std::uint64_t bytes) {
        progress.bytes("archive", "reading", bytes, inputSize);
    };
    auto spool = ArchiveSpool::read(root_, inputFd, options.spool, readBytes, stop);
    if (!spool)
        return std::unexpected(std::move(spool.error()).withContext(what));
    progress.state("archive", "done", inputSize, inputSize);

    // 2. What it holds, every blob checked against its digest.
    Result<std::vector<PlannedImage>> plan = fail(ErrorCode::Internal, "no plan");
    if ((*spool)->contains("manifest.json")) {
        plan = archive_detail::planDockerArchive(**spool, options.maximumImages);
    } else if ((*spool)->contains("index.json")) {
        plan = archive_detail::planOciLayout(**spool, options.maximumImages, options.platform);
    } else {
        plan = fail(ErrorCode::InvalidArgument,
                    "the archive has neither manifest.json (as `docker save` and `podman save` write) nor index.json "
                    "(an OCI layout), so it holds no image Berth can read; if Docker older than 1.10 wrote it, load it "
                    "into a newer Docker and save it again");
    }
    if (!plan)
        return std::unexpected(std::move(plan.error()).withContext(what));

    auto database = SqliteDatabase::open(root_ / "berth.db");
    if (!database)
        return std::unexpected(std::move(database.error()).withContext(what));
    ImageStore images(*database);

    // 3. Each layer once: known layers are only checked, new ones unpacked into temporary
    // directories that stay out of the store until the end.
    std::map<Digest, LayerRecord> known;
    std::map<Digest, UnpackedLayer> fresh;
    std::set<std::pair<Digest, Digest>> checked; // (blob, diff id) pairs seen to match
    for (const auto &image : *plan) {
        for (const auto &layer : image.layers) {
            if (stop.stop_requested())
                return std::unexpected(archive_detail::cancelledError(what));
            const std::string id(layer.diffId.shortHex());
            const std::string layerWhat = "layer " + id + " (" + backquoted(layer.archivePath) + ")";
            const bool haveLayer = known.contains(layer.diffId) || fresh.contains(layer.diffId);
            if (haveLayer && (layer.compression == LayerCompression::None || checked.contains({layer.blob.digest, layer.diffId})))
                continue;
            std::optional<LayerRecord> stored;
            if (!haveLayer) {
                auto found = images.findLayer(layer.diffId);
                if (!found)
                    return std::unexpected(std::move(found.error()).withContext(what));
                if (*found && std::filesystem::is_directory(root_ / "layers" / (*found)->directory))
                    stored = **found;
            }
            UniqueFd fd(::open(layer.file->path.c_str(), O_RDONLY | O_CLOEXEC));
            if (!fd.valid())
                return failErrno("opening the spooled " + layerWhat, errno);
            const auto total = layer.file->size;
            if (haveLayer || stored) {
                // The layer is here already; a compressed blob must still prove it is that layer.
                if (layer.compression != LayerCompression::None) {
                    progress.state(id, "verifying", 0, total);
                    auto digest = uncompressedDigest(fd.get(), options.layer.maxUncompressedBytes, stop);
                    if (!digest)
                        return std::unexpected(std::move(digest.error()).withContext(layerWhat).withContext(what));
                    if (digest->digest != layer.diffId)
                        return fail(ErrorCode::InvalidArgument, what + ": " + layerWhat + " unpacks to " +
                                                                    digest->digest.string() +
                                                                    ", not the diff id the image config gives (" +
                                                                    layer.diffId.string() + "); the archive is damaged");
                    checked.insert({layer.blob.digest, layer.diffId});
                }
                if (stored) {
                    known.emplace(layer.diffId, *stored);
                    progress.state(id, "already-exists", total, total);
                }
                continue;
            }
            progress.state(id, "loading", 0, total);
            auto unpacked = UnpackedLayer::unpack(root_, fd.get(), layer.diffId, options.layer, stop);
            if (!unpacked) {
                progress.state(id, "failed", 0, total);
                return std::unexpected(std::move(unpacked.error()).withContext(layerWhat).withContext(what));
            }
            checked.insert({layer.blob.digest, layer.diffId});
            fresh.emplace(layer.diffId, std::move(*unpacked));
            progress.state(id, "done", total, total);
        }
    }
    if (stop.stop_requested())
        return std::unexpected(archive_detail::cancelledError(what));

    // 4. Into the store: blobs, then layers, then the records. Past this point the work is
    // quick and is not cancelled halfway.
    std::vector<Digest> addedBlobs;
    std::vector<std::filesystem::path> addedLayers;
    RecordJournal journal(images);
    const auto undo = [&](Error error) -> Error {
        // The records first, so that no image this load recorded is left to need what
        // goes next; then every blob and layer this load added.
        if (auto rolledBack = journal.rollBack(); !rolledBack)
            return std::move(error).withContext(what + " (and taking back the images it had recorded failed too: " +
                                                rolledBack.error().describe() +
                                                "; `berth images` shows what stayed, `berth rmi` removes it)");
        for (const auto &blob : addedBlobs)
            (void)content.remove(blob);
        for (const auto &directory : addedLayers) {
            std::error_code ignored;
            std::filesystem::remove_all(directory, ignored);
        }
        return std::move(error).withContext(what);
    };
    for (const auto &image : *plan) {
        for (const auto &[text, digest] : {std::pair{&image.configText, &image.id},
                                           std::pair{&image.manifestText, &image.manifestDigest}}) {
            auto added = storeText(content, *text, *digest);
            if (!added)
                return std::unexpected(undo(added.error()));
            if (*added)
                addedBlobs.push_back(*digest);
        }
        for (const auto &layer : image.layers) {
            auto added = adoptBlob(content, *layer.file);
            if (!added)
                return std::unexpected(undo(added.error()));
            if (*added)
                addedBlobs.push_back(layer.blob.digest);
        }
    }
    if (auto synced = archive_detail::syncDirectory((root_ / "blobs" / "sha256").string()); !synced)
        return std::unexpected(undo(synced.error()));
    for (auto &[diffId, unpacked] : fresh) {
        // A pull or another load may have put the same layer in place meanwhile.
        auto found = images.findLayer(diffId);
        if (found && *found && std::filesystem::is_directory(root_ / "layers" / (*found)->directory)) {
            known.emplace(diffId, **found);
            continue;
        }
        auto record = unpacked.commit();
        if (!record)
            return std::unexpected(undo(record.error()));
        addedLayers.push_back(root_ / "layers" / record->directory);
        known.emplace(diffId, *record);
    }

    LoadResult result;
    for (const auto &image : *plan) {
        ImageRecord record{image.id, image.manifestDigest, image.manifestMediaType, image.config.architecture,
                           image.config.os, image.config.created, 0, 0, {}, {}, {}};
        std::vector<LayerRecord> layerRecords;
        for (const auto &layer : image.layers) {
            const LayerRecord &layerRecord = known.at(layer.diffId);
            record.size += layerRecord.size;
            record.layers.push_back(ImageLayer{layer.diffId, layer.blob.digest, layer.blob.mediaType, layer.blob.size});
            layerRecords.push_back(layerRecord);
        }
        if (image.tags.empty()) {
            if (auto done = journal.record(record, layerRecords, std::nullopt); !done)
                return std::unexpected(undo(std::move(done.error()).withContext("recording image " + image.id.string())));
            result.lines.push_back("Loaded image ID: " + image.id.string());
        }
        for (const auto &tag : image.tags) {
            auto previous = images.imageForTag(tag);
            if (previous && *previous && **previous != image.id)
                result.lines.push_back("The image " + familiar(tag) + " already exists, renaming the old one with ID " +
                                       (*previous)->string() + " to empty string");
            if (auto done = journal.record(record, layerRecords, tag); !done)
                return std::unexpected(undo(std::move(done.error()).withContext("recording image " + familiar(tag))));
            result.lines.push_back("Loaded image: " + familiar(tag));
        }
        result.images.push_back(LoadedImage{image.id, image.tags});
    }
    return result;
}

} // namespace berth::image

#include "engine/core/unique_fd.h"
#include "engine/image/puller.h"

#include "engine/core/sqlite_database.h"
#include "engine/image/content_store.h"
#include "engine/image/image_store.h"
#include "engine/image/layer_unpack.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <optional>
#include <random>
#include <semaphore>
#include <thread>

namespace berth::image {

namespace {

// Progress callbacks for bytes are throttled; state changes always go through.
constexpr auto progressInterval = std::chrono::milliseconds(100);


class ProgressReporter {
public:
    ProgressReporter(std::string id, std::uint64_t total, const std::function<void(const PullProgress &)> &sink)
        : progress_{std::move(id), LayerState::Waiting, 0, total}, sink_(sink)
    {
    }
    void state(LayerState state, std::uint64_t current)
    {
        progress_.state = state;
        progress_.current = current;
        last_ = std::chrono::steady_clock::now();
        if (sink_)
            sink_(progress_);
    }
    void bytes(std::uint64_t current)
    {
        progress_.current = current;
        const auto now = std::chrono::steady_clock::now();
        if (now - last_ >= progressInterval || current == progress_.total) {
            last_ = now;
            if (sink_)
                sink_(progress_);
        }
    }

private:
    PullProgress progress_;
    const std::function<void(const PullProgress &)> &sink_;
    std::chrono::steady_clock::time_point last_{};
};

// What a pull added to the store. If the pull fails or is cancelled, whatever no image
// uses is removed again, so the store is as it was; if the helper is killed instead, the
// verified blobs stay for the next pull to reuse.
class NewContent {
public:
    NewContent(std::filesystem::path root, SqliteDatabase &database) : root_(std::move(root)), database_(database) {}
    NewContent(const NewContent &) = delete;
    ~NewContent()
    {
        if (kept_)
            return;
        ImageStore images(database_);
        auto blobs = images.referencedBlobs();
        auto layers = images.referencedLayerDirectories();
        if (!blobs || !layers)
            return;
        const ContentStore content(root_);
        for (const auto &digest : blobs_) {
            if (std::ranges::find(*blobs, digest.string()) == blobs->end())
                (void)content.remove(digest);
        }
        std::error_code error;
        for (const auto &directory : layers_) {
            if (std::ranges::find(*layers, directory) == layers->end())
                std::filesystem::remove_all(root_ / "layers" / directory, error);
        }
    }
    void addBlob(const Digest &digest)
    {
        std::lock_guard lock(mutex_);
        blobs_.push_back(digest);
    }
    void addLayer(const std::string &directory)
    {
        std::lock_guard lock(mutex_);
        layers_.push_back(directory);
    }
    void keep() { kept_ = true; }

private:
    std::filesystem::path root_;
    SqliteDatabase &database_;
    std::mutex mutex_;
    std::vector<Digest> blobs_;
    std::vector<std::string> layers_;
    bool kept_ = false;
};

// Downloads a blob into the content store unless it is there already.
Status downloadBlob(RegistryClient &client, const ContentStore &content, const std::string &repository,
                    const Descriptor &descriptor, ProgressReporter *reporter, std::stop_token stop, NewContent &added)
{
    if (content.contains(descriptor.digest))
        return {};
    auto ingest = content.beginIngest(descriptor.digest, descriptor.size);
    if (!ingest)
        return std::unexpected(ingest.error());
    if (content.contains(descriptor.digest))
        return {}; // another pull finished it while we waited for the lock
    if (reporter)
        reporter->state(LayerState::Downloading, ingest->offset());
    auto fetched = client.fetchBlob(
        repository, descriptor.digest, ingest->offset(),
        [&](std::span<const std::byte> data) -> Status {
            if (auto written = ingest->write(data); !written)
                return written;
            if (reporter)
                reporter->bytes(ingest->offset());
            return {};
        },
        [&]() -> Status { return ingest->restart(); }, stop);
    if (!fetched) {
        // A crash keeps the partial blob for a resumed pull; a person who cancelled wants
        // nothing left behind.
        if (fetched.error().code() == ErrorCode::Cancelled)
            ingest->discard();
        return fetched;
    }
    if (reporter)
        reporter->state(LayerState::Verifying, ingest->offset());
    if (auto committed = ingest->commit(); !committed)
        return committed;
    added.addBlob(descriptor.digest);
    return {};
}

// Unpacks a stored layer blob into <root>/layers/<diff hex>, through a temporary directory
// renamed into place only when the content matched its diff id (see layer_unpack.h).
Result<LayerRecord> unpackLayer(const std::filesystem::path &root, const ContentStore &content, const Descriptor &blob,
                                const Digest &expectedDiffId, const LayerLimits &limits)
{
    UniqueFd input(::open(content.blobPath(blob.digest).c_str(), O_RDONLY | O_CLOEXEC));
    if (input.get() < 0)
        return failErrno("opening layer " + blob.digest.string() + " for unpacking", errno);
    auto unpacked = UnpackedLayer::unpack(root, input.get(), expectedDiffId, limits);
    if (!unpacked)
        return std::unexpected(unpacked.error());
    return unpacked->commit();
}

// Downloads a layer and unpacks it as its bytes arrive: they go both into the content
// store's ingest file and, through a pipe, to an unpacking thread. The unpacked directory is
// moved into place only after the blob's digest is verified. If the server restarts the
// blob (ignores Range), the stream is abandoned and the layer unpacked from the stored blob.
Result<LayerRecord> downloadAndUnpack(RegistryClient &client, const ContentStore &content, const std::filesystem::path &root,
                                      const std::string &repository, const Descriptor &blob, const Digest &diffId,
                                      const LayerLimits &limits, ProgressReporter &reporter, std::stop_token stop,
                                      NewContent &added)
{
    const auto fromStoredBlob = [&]() -> Result<LayerRecord> {
        reporter.state(LayerState::Extracting, static_cast<std::uint64_t>(blob.size));
        auto unpacked = unpackLayer(root, content, blob, diffId, limits);
        if (unpacked)
            added.addLayer(unpacked->directory);
        return unpacked;
    };
    if (content.contains(blob.digest))
        return fromStoredBlob();
    auto ingest = content.beginIngest(blob.digest, blob.size);
    if (!ingest)
        return std::unexpected(ingest.error());
    if (content.contains(blob.digest))
        return fromStoredBlob(); // another pull finished it while we waited for the lock

    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0)
        return failErrno("creating a pipe for unpacking", errno);
    UniqueFd readEnd(pipeFds[0]);
    int writeEnd = pipeFds[1];
    const auto closeWriter = [&] {
        if (writeEnd >= 0)
            ::close(writeEnd);
        writeEnd = -1;
    };
    std::optional<Result<UnpackedLayer>> streamed;
    std::jthread unpacker([&] { streamed = UnpackedLayer::unpack(root, readEnd.get(), diffId, limits); });
    bool streamAbandoned = false;
    bool unpackerStopped = false;
    const auto feed = [&](std::span<const std::byte> data) -> Status {
        while (!streamAbandoned && !data.empty()) {
            const ssize_t written = ::write(writeEnd, data.data(), data.size());
            if (written < 0 && errno == EINTR)
                continue;
            if (written < 0) {
                // The unpacker stopped reading: it failed, and says why once joined.
                unpackerStopped = true;
                return fail(ErrorCode::Cancelled, "unpacking stopped");
            }
            data = data.subspan(static_cast<std::size_t>(written));
        }
        return {};
    };
    const auto finishStream = [&] {
        closeWriter();
        if (unpacker.joinable())
            unpacker.join();
    };
    const auto unpackerError = [&]() -> std::optional<Error> {
        if (unpackerStopped && streamed && !*streamed)
            return streamed->error();
        return std::nullopt;
    };

    // Bytes an interrupted earlier attempt stored are replayed to the unpacker first.
    if (ingest->offset() > 0) {
        UniqueFd partial(::open(ingest->partialPath().c_str(), O_RDONLY | O_CLOEXEC));
        std::byte buffer[1 << 16];
        std::uint64_t remaining = ingest->offset();
        while (partial.get() >= 0 && remaining > 0 && !unpackerStopped) {
            const ssize_t got = ::read(partial.get(), buffer, std::min<std::uint64_t>(sizeof buffer, remaining));
            if (got <= 0)
                break;
            (void)feed(std::span(buffer, static_cast<std::size_t>(got)));
            remaining -= static_cast<std::uint64_t>(got);
        }
    }
    reporter.state(LayerState::Downloading, ingest->offset());
    auto fetched = client.fetchBlob(
        repository, blob.digest, ingest->offset(),
        [&](std::span<const std::byte> data) -> Status {
            if (auto written = ingest->write(data); !written)
                return written;
            reporter.bytes(ingest->offset());
            return feed(data);
        },
        [&]() -> Status {
            streamAbandoned = true;
            closeWriter();
            return ingest->restart();
        },
        stop);
    if (!fetched) {
        finishStream();
        if (auto why = unpackerError())
            return std::unexpected(*why);
        // A crash keeps the partial blob for a resumed pull; a person who cancelled wants
        // nothing left behind.
        if (fetched.error().code() == ErrorCode::Cancelled)
            ingest->discard();
        return std::unexpected(fetched.error());
    }
    reporter.state(LayerState::Verifying, ingest->offset());
    if (auto committed = ingest->commit(); !committed) {
        finishStream();
        return std::unexpected(committed.error());
    }
    added.addBlob(blob.digest);
    finishStream();
    if (streamAbandoned || !streamed)
        return fromStoredBlob();
    if (!*streamed)
        return std::unexpected(streamed->error());
    reporter.state(LayerState::Extracting, static_cast<std::uint64_t>(blob.size));
    auto record = (*streamed)->commit();
    if (record)
        added.addLayer(record->directory);
    return record;
}

} // namespace

std::string_view layerStateName(LayerState state)
{
    switch (state) {
    case LayerState::Waiting: return "waiting";
    case LayerState::Downloading: return "downloading";
    case LayerState::Verifying: return "verifying";
    case LayerState::Extracting: return "extracting";
    case LayerState::Done: return "done";
    case LayerState::AlreadyExists: return "already-exists";
    case LayerState::Failed: return "failed";
    }
    return "waiting";
}

Puller::Puller(std::filesystem::path root) : root_(std::move(root)) {}

void Puller::removeLeftovers(const std::filesystem::path &root)
{
    std::error_code error;
    for (const auto &entry : std::filesystem::directory_iterator(root / "layers", error)) {
        if (entry.path().filename().string().starts_with("tmp-"))
            std::filesystem::remove_all(entry.path(), error);
    }
}

Result<PullResult> Puller::pull(const Reference &reference, const PullOptions &options,
                                const std::function<void(const PullProgress &)> &progress, std::stop_token stop)
{
    ContentStore content(root_);
    if (auto prepared = content.prepare(); !prepared)
        return std::unexpected(prepared.error());
    // A connection of this pull's own: it runs on a worker thread.
    auto database = SqliteDatabase::open(root_ / "berth.db");
    if (!database)
        return std::unexpected(database.error());
    ImageStore images(*database);
    NewContent added(root_, *database);
    RegistryClient client(reference.domain, options.registry);
    const std::string what = "pulling " + reference.familiarString();

    // 1. The manifest, through an index if the registry serves one.
    auto fetched = client.fetchManifest(reference.path, reference.manifestReference(), stop);
    if (!fetched)
        return std::unexpected(std::move(fetched.error()).withContext(what));
    auto parsed = parseManifest(fetched->body, fetched->contentType);
    if (!parsed)
        return std::unexpected(std::move(parsed.error()).withContext(what));
    const Digest topDigest = fetched->digest;
    std::string topBody = fetched->body;
    if (auto *index = std::get_if<Index>(&*parsed)) {
        auto chosen = selectPlatform(*index, options.platform);
        if (!chosen)
            return std::unexpected(std::move(chosen.error()).withContext(what));
        fetched = client.fetchManifest(reference.path, chosen->digest.string(), stop);
        if (!fetched)
            return std::unexpected(std::move(fetched.error()).withContext(what));
        parsed = parseManifest(fetched->body, fetched->contentType);
        if (!parsed)
            return std::unexpected(std::move(parsed.error()).withContext(what));
        if (!std::holds_alternative<Manifest>(*parsed))
            return std::unexpected(Error(ErrorCode::InvalidArgument,
                                         "the index entry for " + options.platform.string() + " is itself an index")
                                       .withContext(what));
    }
    const Manifest manifest = std::get<Manifest>(*parsed);
    const Digest manifestDigest = fetched->digest;

    // 2. The config, which names the diff id each layer must unpack to.
    if (auto config = downloadBlob(client, content, reference.path, manifest.config, nullptr, stop, added); !config)
        return std::unexpected(std::move(config.error()).withContext(what + ": fetching the image config"));
    auto configBody = content.readBlob(manifest.config.digest, maximumConfigBytes);
    if (!configBody)
        return std::unexpected(std::move(configBody.error()).withContext(what));
    auto config = parseImageConfig(*configBody);
    if (!config)
        return std::unexpected(std::move(config.error()).withContext(what));
    if (config->diffIds.size() != manifest.layers.size())
        return std::unexpected(Error(ErrorCode::InvalidArgument,
                                     "the manifest lists " + std::to_string(manifest.layers.size()) +
                                         " layers but the image config has " + std::to_string(config->diffIds.size()) +
                                         " diff ids")
                                   .withContext(what));

    // 3. The layers, several at once.
    const std::size_t count = manifest.layers.size();
    std::vector<std::optional<LayerRecord>> records(count);
    std::vector<std::optional<Error>> errors(count);
    std::vector<bool> downloaded(count, false);
    std::mutex databaseMutex;
    std::counting_semaphore<64> slots(std::clamp(options.maximumConcurrentDownloads, 1, 64));
    std::stop_source failFast;
    std::stop_callback forwardStop(stop, [&] { failFast.request_stop(); });
    {
        std::vector<std::jthread> workers;
        for (std::size_t index = 0; index < count; ++index) {
            workers.emplace_back([&, index] {
                const Descriptor &blob = manifest.layers[index];
                const Digest &diffId = config->diffIds[index];
                ProgressReporter reporter(std::string(blob.digest.shortHex()), static_cast<std::uint64_t>(blob.size), progress);
                reporter.state(LayerState::Waiting, 0);
                {
                    std::lock_guard lock(databaseMutex);
                    auto known = images.findLayer(diffId);
                    if (known && *known && std::filesystem::is_directory(root_ / "layers" / (*known)->directory)) {
                        records[index] = **known;
                        reporter.state(LayerState::AlreadyExists, static_cast<std::uint64_t>(blob.size));
                        return;
                    }
                }
                slots.acquire();
                const std::string layerWhat = "layer " + std::string(blob.digest.shortHex());
                const bool wasStored = content.contains(blob.digest);
                auto unpacked = downloadAndUnpack(client, content, root_, reference.path, blob, diffId, options.limits,
                                                  reporter, failFast.get_token(), added);
                slots.release();
                if (!unpacked) {
                    errors[index] = std::move(unpacked.error()).withContext(layerWhat);
                    reporter.state(LayerState::Failed, 0);
                    failFast.request_stop();
                    return;
                }
                downloaded[index] = !wasStored;
                records[index] = *unpacked;
                reporter.state(LayerState::Done, static_cast<std::uint64_t>(blob.size));
            });
        }
    }
    for (auto &error : errors) {
        // The first real failure explains best; a cancellation it caused does not.
        if (error && error->code() != ErrorCode::Cancelled)
            return std::unexpected(std::move(*error).withContext(what));
    }
    for (auto &error : errors) {
        if (error)
            return std::unexpected(std::move(*error).withContext(what));
    }
    if (stop.stop_requested())
        return fail(ErrorCode::Cancelled, what + ": cancelled");

    // 4. The manifest itself, then the record, in one transaction.
    for (const auto &[body, digest] : {std::pair{&fetched->body, manifestDigest}, std::pair{&topBody, topDigest}}) {
        if (content.contains(digest))
            continue;
        if (auto stored = content.writeBlob(*body, digest); !stored)
            return std::unexpected(std::move(stored.error()).withContext(what));
        added.addBlob(digest);
    }
    ImageRecord record{manifest.config.digest, manifestDigest, manifest.mediaType, config->architecture, config->os,
                       config->created, 0, 0, {}, {}, {}};
    std::vector<LayerRecord> layerRecords;
    for (std::size_t index = 0; index < count; ++index) {
        record.size += records[index]->size;
        record.layers.push_back(ImageLayer{config->diffIds[index], manifest.layers[index].digest,
                                           manifest.layers[index].mediaType, manifest.layers[index].size});
        layerRecords.push_back(*records[index]);
    }
    const std::optional<std::string> tag = reference.tag.empty() ? std::nullopt : std::optional(reference.repository() + ":" + reference.tag);
    const std::string repoDigest = reference.repository() + "@" + topDigest.string();
    bool changed = std::ranges::any_of(downloaded, [](bool each) { return each; });
    std::lock_guard lock(databaseMutex);
    if (tag) {
        auto previous = images.imageForTag(*tag);
        if (previous && (!*previous || **previous != record.id))
            changed = true;
    }
    if (auto recorded = images.recordImage(record, layerRecords, tag, repoDigest); !recorded)
        return std::unexpected(std::move(recorded.error()).withContext(what + ": recording the image"));
    added.keep();
    return PullResult{record.id, topDigest, tag ? *tag : repoDigest, changed};
}

} // namespace berth::image

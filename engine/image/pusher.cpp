#include "engine/core/unique_fd.h"
#include "engine/image/pusher.h"

#include "engine/core/sqlite_database.h"
#include "engine/image/content_store.h"
#include "engine/image/manifest.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <optional>
#include <semaphore>
#include <thread>

namespace berth::image {

namespace {

constexpr auto progressInterval = std::chrono::milliseconds(100);


class ProgressReporter {
public:
    ProgressReporter(std::string id, std::uint64_t total, const std::function<void(const PushProgress &)> &sink)
        : progress_{std::move(id), PushState::Preparing, 0, total, {}}, sink_(sink)
    {
    }
    void state(PushState state, std::uint64_t current, std::string mountedFrom = {})
    {
        std::lock_guard lock(mutex_);
        progress_.state = state;
        progress_.current = current;
        progress_.mountedFrom = std::move(mountedFrom);
        last_ = std::chrono::steady_clock::now();
        if (sink_)
            sink_(progress_);
    }
    void bytes(std::uint64_t current)
    {
        std::lock_guard lock(mutex_);
        progress_.current = std::min(current, progress_.total);
        const auto now = std::chrono::steady_clock::now();
        if (now - last_ >= progressInterval) {
            last_ = now;
            if (sink_)
                sink_(progress_);
        }
    }

private:
    // The worker's state changes and curl's reads come from one thread today; the lock
    // keeps that an implementation detail of the registry client.
    std::mutex mutex_;
    PushProgress progress_;
    const std::function<void(const PushProgress &)> &sink_;
    std::chrono::steady_clock::time_point last_{};
};

// Repositories of the target's registry that hold this image already, from the names it
// was pulled or pushed under: blobs can be mounted from them instead of uploaded.
std::vector<std::string> mountSources(const ImageRecord &image, const Reference &target)
{
    std::vector<std::string> sources;
    const auto consider = [&](const std::string &name) {
        auto reference = parseReferenceNoDefaultTag(name);
        if (!reference || reference->domain != target.domain || reference->path == target.path)
            return;
        if (std::ranges::find(sources, reference->path) == sources.end())
            sources.push_back(reference->path);
    };
    for (const auto &name : image.repoDigests)
        consider(name);
    for (const auto &name : image.tags)
        consider(name);
    return sources;
}

enum class BlobOutcome { AlreadyExists, Mounted, Uploaded };

struct BlobPushed {
    BlobOutcome outcome = BlobOutcome::Uploaded;
    std::string mountedFrom;
};

// One blob: skipped if the repository has it, mounted if a sibling repository does, else
// uploaded from the content store.
Result<BlobPushed> pushBlob(RegistryClient &client, const ContentStore &content, const Reference &target,
                            const Descriptor &blob, const std::vector<std::string> &sources, const PushOptions &options,
                            ProgressReporter *reporter, std::stop_token stop)
{
    auto exists = client.blobExists(target.path, blob.digest, stop);
    if (!exists)
        return std::unexpected(exists.error());
    if (*exists)
        return BlobPushed{BlobOutcome::AlreadyExists, {}};
    std::string uploadLocation;
    // As docker does, a refused or failed mount is no error: the blob is uploaded instead.
    for (const auto &source : sources) {
        auto mounted = client.mountBlob(target.path, blob.digest, source, stop);
        if (!mounted) {
            if (mounted.error().code() == ErrorCode::Cancelled)
                return std::unexpected(mounted.error());
            continue;
        }
        if (mounted->mounted)
            return BlobPushed{BlobOutcome::Mounted, source};
        uploadLocation = mounted->uploadLocation;
        break; // the registry opened an upload session for us: use it
    }

    const auto path = content.blobPath(blob.digest);
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.valid())
        return failErrno("opening blob " + blob.digest.string() + " in the store", errno);
    const auto size = content.blobSize(blob.digest);
    if (!size)
        return std::unexpected(size.error());
    if (blob.size >= 0 && *size != static_cast<std::uint64_t>(blob.size))
        return fail(ErrorCode::InvalidArgument, "blob " + blob.digest.string() + " in the store has " + std::to_string(*size) +
                                                    " bytes but the manifest says " + std::to_string(blob.size) +
                                                    "; remove the image and pull it again");
    BlobSource source{blob.digest, *size,
                      [&](std::uint64_t offset, std::span<std::byte> buffer) -> std::size_t {
                          for (;;) {
                              const ssize_t got = ::pread(fd.get(), buffer.data(), buffer.size(), static_cast<off_t>(offset));
                              if (got < 0 && errno == EINTR)
                                  continue;
                              if (got < 0)
                                  return uploadReadFailed;
                              if (reporter)
                                  reporter->bytes(offset + static_cast<std::uint64_t>(got));
                              return static_cast<std::size_t>(got);
                          }
                      }};
    UploadOptions upload;
    upload.chunkSize = options.chunkSize > 0 ? options.chunkSize
                                             : (*size > automaticChunkThreshold ? automaticChunkSize : 0);
    if (reporter) {
        reporter->state(PushState::Pushing, 0);
        upload.progress = [reporter](std::uint64_t uploaded) { reporter->bytes(uploaded); };
    }
    if (auto uploaded = client.uploadBlob(target.path, source, upload, stop, uploadLocation); !uploaded)
        return std::unexpected(uploaded.error());
    return BlobPushed{BlobOutcome::Uploaded, {}};
}

} // namespace

std::string_view pushStateName(PushState state)
{
    switch (state) {
    case PushState::Preparing: return "preparing";
    case PushState::Waiting: return "waiting";
    case PushState::Pushing: return "pushing";
    case PushState::Pushed: return "pushed";
    case PushState::AlreadyExists: return "already-exists";
    case PushState::Mounted: return "mounted";
    case PushState::Failed: return "failed";
    }
    return "preparing";
}

Pusher::Pusher(std::filesystem::path root) : root_(std::move(root)) {}

Result<PushResult> Pusher::push(const ImageRecord &image, const Reference &target, const PushOptions &options,
                                const std::function<void(const PushProgress &)> &progress, std::stop_token stop)
{
    const std::string what = "pushing " + target.familiarString();
    if (!target.digest.empty() || target.tag.empty())
        return fail(ErrorCode::InvalidArgument, what + ": push to a tag (NAME[:TAG]), not to a digest");
    ContentStore content(root_);

    // 1. The stored manifest, byte for byte: its digest is what the registry will report.
    auto manifestBody = content.readBlob(image.manifestDigest, maximumManifestBytes);
    if (!manifestBody)
        return std::unexpected(std::move(manifestBody.error()).withContext(what + ": reading the image's manifest"));
    auto parsed = parseManifest(*manifestBody, image.manifestMediaType);
    if (!parsed)
        return std::unexpected(std::move(parsed.error()).withContext(what));
    if (!std::holds_alternative<Manifest>(*parsed))
        return fail(ErrorCode::Unsupported, what + ": the stored manifest is an index; Berth pushes single-platform images");
    const Manifest manifest = std::get<Manifest>(*parsed);
    const std::string mediaType = manifest.mediaType.empty() ? image.manifestMediaType : manifest.mediaType;
    if (!content.contains(manifest.config.digest))
        return fail(ErrorCode::NotFound, what + ": the image config " + manifest.config.digest.string() +
                                             " is not in the store; pull the image again");
    for (const auto &layer : manifest.layers) {
        if (!content.contains(layer.digest))
            return fail(ErrorCode::NotFound, what + ": layer " + layer.digest.string() +
                                                 " is not in the store (only its unpacked files are); pull the image again");
    }

    RegistryClient client(target.domain, options.registry);
    const auto sources = mountSources(image, target);

    // 2. The config first, alone: it also finds the endpoint and fetches a push token once
    //    rather than once per layer.
    if (auto config = pushBlob(client, content, target, manifest.config, sources, options, nullptr, stop); !config)
        return std::unexpected(std::move(config.error()).withContext(what + ": pushing the image config"));

    // 3. The layers, several at once.
    const std::size_t count = manifest.layers.size();
    std::vector<std::unique_ptr<ProgressReporter>> reporters;
    for (std::size_t index = 0; index < count; ++index) {
        const auto &layer = manifest.layers[index];
        // docker push names layers by diff id; the record has them when the counts agree.
        const std::string id(index < image.layers.size() && image.layers.size() == count ? image.layers[index].diffId.shortHex()
                                                                                        : layer.digest.shortHex());
        reporters.push_back(std::make_unique<ProgressReporter>(id, static_cast<std::uint64_t>(layer.size), progress));
        reporters.back()->state(PushState::Preparing, 0);
    }
    std::vector<std::optional<Error>> errors(count);
    std::counting_semaphore<64> slots(std::clamp(options.maximumConcurrentUploads, 1, 64));
    std::stop_source failFast;
    std::stop_callback forwardStop(stop, [&] { failFast.request_stop(); });
    {
        std::vector<std::jthread> workers;
        for (std::size_t index = 0; index < count; ++index) {
            workers.emplace_back([&, index] {
                const Descriptor &layer = manifest.layers[index];
                ProgressReporter &reporter = *reporters[index];
                reporter.state(PushState::Waiting, 0);
                slots.acquire();
                auto pushed = failFast.stop_requested()
                                  ? Result<BlobPushed>(std::unexpected(Error(ErrorCode::Cancelled, "cancelled")))
                                  : pushBlob(client, content, target, layer, sources, options, &reporter, failFast.get_token());
                slots.release();
                const auto total = static_cast<std::uint64_t>(layer.size);
                if (!pushed) {
                    errors[index] = std::move(pushed.error()).withContext("layer " + std::string(layer.digest.shortHex()));
                    reporter.state(PushState::Failed, 0);
                    failFast.request_stop();
                    return;
                }
                switch (pushed->outcome) {
                case BlobOutcome::AlreadyExists: reporter.state(PushState::AlreadyExists, total); break;
                case BlobOutcome::Mounted: reporter.state(PushState::Mounted, total, pushed->mountedFrom); break;
                case BlobOutcome::Uploaded: reporter.state(PushState::Pushed, total); break;
                }
            });
        }
    }
    for (auto &error : errors) {
        if (error && error->code() != ErrorCode::Cancelled)
            return std::unexpected(std::move(*error).withContext(what));
    }
    for (auto &error : errors) {
        if (error)
            return std::unexpected(std::move(*error).withContext(what));
    }
    if (stop.stop_requested())
        return fail(ErrorCode::Cancelled, what + ": cancelled");

    // 4. The manifest under the tag; the registry's digest must be the stored one.
    auto digest = client.putManifest(target.path, target.tag, *manifestBody, mediaType, stop);
    if (!digest)
        return std::unexpected(std::move(digest.error()).withContext(what));
    if (*digest != image.manifestDigest)
        return fail(ErrorCode::Internal, what + ": the manifest sent has digest " + digest->string() + ", not the stored " +
                                             image.manifestDigest.string());

    // 5. As docker does, remember the digest under the repository pushed to: `images
    //    --digests` shows it, and a later push to a sibling repository can mount from it.
    auto database = SqliteDatabase::open(root_ / "berth.db");
    if (!database)
        return std::unexpected(std::move(database.error()).withContext(what + ": recording the pushed digest"));
    ImageStore images(*database);
    if (auto recorded = images.recordImage(image, {}, std::nullopt, target.repository() + "@" + digest->string()); !recorded)
        return std::unexpected(std::move(recorded.error()).withContext(what + ": recording the pushed digest"));
    return PushResult{*digest, manifestBody->size(), target.string()};
}

} // namespace berth::image

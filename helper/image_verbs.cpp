// The image verbs of io.berth.Helper1: pull (as a Job), list and inspect.
#include "helper_service.h"

#include "dbus_errors.h"
#include "idle_tracker.h"
#include "job.h"

#include "engine/core/settings.h"
#include "engine/image/content_store.h"
#include "engine/image/garbage_collector.h"
#include "engine/image/http_client.h"
#include "engine/image/puller.h"

#include <nlohmann/json.hpp>
#include "engine/core/reference.h"

#include <QDBusMessage>
#include <QThreadPool>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>

#include <set>

using namespace berth;
using namespace berth::image;

namespace {

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

std::vector<std::string> listSetting(Settings &settings, const char *key)
{
    std::vector<std::string> items;
    auto value = settings.get(key);
    if (!value)
        return items;
    std::string_view text = value->value;
    while (!text.empty()) {
        const auto comma = text.find(',');
        items.emplace_back(text.substr(0, comma));
        text.remove_prefix(comma == std::string_view::npos ? text.size() : comma + 1);
    }
    return items;
}

int integerSetting(Settings &settings, const char *key, int fallback)
{
    auto value = settings.get(key);
    return value ? std::atoi(value->value.c_str()) : fallback;
}

// Stored names are normalised; people read them as docker shows them.
QStringList familiarNames(const std::vector<std::string> &names)
{
    QStringList familiar;
    for (const auto &name : names) {
        auto reference = parseReference(name);
        familiar << fromStd(reference ? reference->familiarString() : name);
    }
    return familiar;
}

QStringList familiarDigests(const std::vector<std::string> &names)
{
    QStringList familiar;
    for (const auto &name : names) {
        const auto at = name.find('@');
        auto reference = parseReferenceNoDefaultTag(name.substr(0, at));
        familiar << fromStd(reference ? reference->familiarRepository() + name.substr(at) : name);
    }
    return familiar;
}

} // namespace

Result<RegistryOptions> HelperService::registryOptions(std::optional<uint> callerUid)
{
    Settings settings(store_.database());
    RegistryOptions options;
    options.mirrors = listSetting(settings, "registry-mirrors");
    options.insecureRegistries = listSetting(settings, "insecure-registries");
    options.maximumAttempts = integerSetting(settings, "max-download-attempts", 5);
    options.certificatesDirectory = certificatesDirectory_;
    if (callerUid)
        options.credentials = storedCredentials(*callerUid);
    return options;
}

QDBusObjectPath HelperService::Pull(const QString &referenceText, const QVariantMap &options)
{
    authorizeThen("io.berth.image-pull", [this, referenceText, options](const QDBusMessage &request) {
        const bool allTags = options.value(QStringLiteral("allTags")).toBool();
        auto reference = allTags ? parseReferenceNoDefaultTag(referenceText.toStdString())
                                 : parseReference(referenceText.toStdString());
        if (!reference)
            return errorReply(request, reference.error());
        if (allTags && (!reference->tag.empty() || !reference->digest.empty()))
            return errorReply(request, ErrorCode::InvalidArgument,
                              tr("A tag or digest can't be used with --all-tags: give only the repository."));
        PullOptions pullOptions;
        if (const QString platform = options.value(QStringLiteral("platform")).toString(); !platform.isEmpty()) {
            auto parsed = parsePlatform(platform.toStdString());
            if (!parsed)
                return errorReply(request, parsed.error());
            pullOptions.platform = *parsed;
        }
        // The caller's own logins (berth login), never another user's.
        auto caller = callerUid(request);
        if (!caller)
            return errorReply(request, caller.error());
        auto registry = registryOptions(*caller);
        if (!registry)
            return errorReply(request, registry.error());
        pullOptions.registry = std::move(*registry);
        Settings settings(store_.database());
        pullOptions.maximumConcurrentDownloads = integerSetting(settings, "max-concurrent-downloads", 3);
        if (auto cap = settings.get("max-layer-size")) {
            if (auto bytes = parseSize(cap->value))
                pullOptions.limits.maxUncompressedBytes = static_cast<std::uint64_t>(*bytes);
        }

        auto *job = new Job(bus_, nextJobNumber_++, QStringLiteral("pull"), QStringLiteral("io.berth.image-pull"),
                            authority_, idleTracker_, this);
        connect(job, &Job::Finished, this, [this](const QString &errorName) {
            if (errorName.isEmpty())
                Q_EMIT ImagesChanged();
        });
        const std::filesystem::path root = store_.root();
        const bool started = job->start([root, reference = *reference, pullOptions, allTags](Job::Reporter &reporter,
                                                                                    std::stop_token stop) -> Result<QVariantMap> {
            const auto pullOne = [&](const Reference &one) -> Result<PullResult> {
                reporter.message(QStringLiteral("%1: Pulling from %2")
                                     .arg(fromStd(one.tag.empty() ? one.digest : one.tag), fromStd(one.path)));
                Puller puller(root);
                return puller.pull(
                    one, pullOptions,
                    [&reporter](const PullProgress &progress) {
                        const auto state = layerStateName(progress.state);
                        reporter.progress(fromStd(progress.id), QString::fromLatin1(state.data(), qsizetype(state.size())),
                                          progress.current, progress.total);
                    },
                    stop);
            };
            if (!allTags) {
                auto pulled = pullOne(reference);
                if (!pulled)
                    return std::unexpected(pulled.error());
                auto name = parseReference(pulled->name);
                return QVariantMap{{QStringLiteral("Id"), fromStd(pulled->imageId.string())},
                                   {QStringLiteral("Name"), fromStd(name ? name->familiarString() : pulled->name)},
                                   {QStringLiteral("Digest"), fromStd(pulled->manifestDigest.string())},
                                   {QStringLiteral("Changed"), pulled->changed}};
            }
            // pull --all-tags: every tag the registry lists, one after the other.
            RegistryClient client(reference.domain, pullOptions.registry);
            auto tags = client.tags(reference.path, stop);
            if (!tags)
                return std::unexpected(std::move(tags.error()).withContext("listing the tags of " + reference.familiarRepository()));
            bool changed = false;
            for (const auto &tag : *tags) {
                auto pulled = pullOne(reference.withTag(tag));
                if (!pulled)
                    return std::unexpected(pulled.error());
                changed |= pulled->changed;
                reporter.message(QStringLiteral("Digest: %1").arg(fromStd(pulled->manifestDigest.string())));
            }
            return QVariantMap{{QStringLiteral("Name"), fromStd(reference.familiarRepository())},
                               {QStringLiteral("Digest"), QString()},
                               {QStringLiteral("Changed"), changed},
                               {QStringLiteral("Tags"), uint(tags->size())}};
        });
        if (!started) {
            job->deleteLater();
            return errorReply(request, ErrorCode::Internal, tr("could not put the job on the bus"));
        }
        holdGarbageCollection(job);
        qInfo("berth-helper: %s pulls %s as %s", qPrintable(request.service()), qPrintable(referenceText),
              qPrintable(job->path()));
        return request.createReply(QVariant::fromValue(QDBusObjectPath(job->path())));
    });
    return {};
}

QList<QVariantMap> HelperService::ListImages()
{
    authorizeThen("io.berth.image-list", [this](const QDBusMessage &request) {
        ImageStore images(store_.database());
        auto list = images.listImages();
        if (!list)
            return errorReply(request, list.error());
        QList<QVariantMap> maps;
        for (const auto &image : *list) {
            maps << QVariantMap{{QStringLiteral("Id"), fromStd(image.id.string())},
                                {QStringLiteral("RepoTags"), familiarNames(image.tags)},
                                {QStringLiteral("RepoDigests"), familiarDigests(image.repoDigests)},
                                {QStringLiteral("Created"), fromStd(image.created)},
                                {QStringLiteral("Size"), qulonglong(image.size)},
                                {QStringLiteral("Architecture"), fromStd(image.architecture)},
                                {QStringLiteral("Os"), fromStd(image.os)},
                                {QStringLiteral("Layers"), uint(image.layers.size())}};
        }
        return request.createReply(QVariant::fromValue(maps));
    });
    return {};
}

Result<ImageRecord> HelperService::findImage(const QString &name)
{
    ImageStore images(store_.database());
    const std::string text = name.toStdString();
    if (text.empty() || text.size() > 512)
        return fail(ErrorCode::InvalidArgument, "give an image name, tag, digest or id");
    auto byId = images.resolve(text);
    if (byId || byId.error().code() != ErrorCode::NotFound)
        return byId;
    auto reference = parseReference(text);
    if (!reference)
        return fail(ErrorCode::NotFound, "no such image: " + text);
    const std::string normalised = reference->digest.empty() ? reference->string()
                                                             : reference->repository() + "@" + reference->digest;
    auto found = images.resolve(normalised);
    if (!found && found.error().code() == ErrorCode::NotFound)
        return fail(ErrorCode::NotFound, "no such image: " + reference->familiarString() + "; pull it with `berth pull " +
                                             reference->familiarString() + "`");
    return found;
}

QVariantMap HelperService::InspectImage(const QString &name)
{
    authorizeThen("io.berth.image-list", [this, name](const QDBusMessage &request) {
        auto image = findImage(name);
        if (!image)
            return errorReply(request, image.error());
        ContentStore content(store_.root());
        auto config = content.readBlob(image->id, maximumConfigBytes);
        auto manifest = content.readBlob(image->manifestDigest, maximumManifestBytes);
        if (!config || !manifest)
            return errorReply(request, (config ? manifest.error() : config.error()).withContext("reading the image's blobs"));
        QStringList diffIds;
        QVariantList layers;
        for (const auto &layer : image->layers) {
            diffIds << fromStd(layer.diffId.string());
            layers << QVariantMap{{QStringLiteral("DiffId"), fromStd(layer.diffId.string())},
                                  {QStringLiteral("Digest"), fromStd(layer.blobDigest.string())},
                                  {QStringLiteral("MediaType"), fromStd(layer.blobMediaType)},
                                  {QStringLiteral("Size"), qlonglong(layer.blobSize)}};
        }
        QVariantMap map{{QStringLiteral("Id"), fromStd(image->id.string())},
                        {QStringLiteral("RepoTags"), familiarNames(image->tags)},
                        {QStringLiteral("RepoDigests"), familiarDigests(image->repoDigests)},
                        {QStringLiteral("Created"), fromStd(image->created)},
                        {QStringLiteral("Size"), qulonglong(image->size)},
                        {QStringLiteral("Architecture"), fromStd(image->architecture)},
                        {QStringLiteral("Os"), fromStd(image->os)},
                        {QStringLiteral("ManifestDigest"), fromStd(image->manifestDigest.string())},
                        {QStringLiteral("ManifestMediaType"), fromStd(image->manifestMediaType)},
                        {QStringLiteral("DiffIds"), diffIds},
                        {QStringLiteral("ConfigJson"), fromStd(*config)},
                        {QStringLiteral("ManifestJson"), fromStd(*manifest)}};
        return request.createReply(QVariant(map));
    });
    return {};
}

void HelperService::holdGarbageCollection(Job *job)
{
    ++garbageCollectionHolds_;
    connect(job, &Job::Finished, this, [this] {
        --garbageCollectionHolds_;
        if (garbageCollectionHolds_ == 0 && garbageCollectionPending_)
            collectGarbageWhenIdle(garbageCollectionOfBlobsPending_);
    });
}

void HelperService::collectGarbageWhenIdle(bool includingBlobs)
{
    garbageCollectionOfBlobsPending_ |= includingBlobs;
    if (garbageCollectionHolds_ > 0) {
        garbageCollectionPending_ = true;
        return;
    }
    const Blobs blobs = garbageCollectionOfBlobsPending_ ? Blobs::Remove : Blobs::Keep;
    garbageCollectionPending_ = false;
    garbageCollectionOfBlobsPending_ = false;
    auto collected = collectGarbage(store_.root(), store_.database(), blobs);
    if (!collected)
        qWarning("berth-helper: removing unused blobs and layers: %s", collected.error().describe().c_str());
    else if (collected->blobs + collected->layers > 0)
        qInfo("berth-helper: removed %llu unused blobs and %llu layers (%llu bytes)", (unsigned long long)collected->blobs,
              (unsigned long long)collected->layers, (unsigned long long)collected->bytes);
}

QList<QVariantMap> HelperService::RemoveImages(const QStringList &names, bool force)
{
    authorizeThen("io.berth.image-remove", [this, names, force](const QDBusMessage &request) {
        if (names.isEmpty() || names.size() > 1000)
            return errorReply(request, ErrorCode::InvalidArgument, tr("Name between 1 and 1000 images to remove."));
        ImageStore images(store_.database());
        QList<QVariantMap> steps;
        std::optional<Error> firstError;
        bool removedSomething = false;
        for (const auto &name : names) {
            auto found = findImage(name);
            if (!found) {
                if (!firstError)
                    firstError = found.error();
                continue;
            }
            // Named by tag: untag, and delete only when that was the last tag.
            auto reference = parseReference(name.toStdString());
            const bool byTag = reference && reference->digest.empty() &&
                               std::ranges::find(found->tags, reference->string()) != found->tags.end();
            auto users = images.containersUsing(found->id);
            if (!users) {
                firstError = users.error();
                continue;
            }
            if (byTag && !force && found->tags.size() == 1 && !users->empty()) {
                firstError = Error(ErrorCode::Conflict, "unable to remove " + reference->familiarString() +
                                                            " (must be forced) - container " + users->front() +
                                                            " is using its image; remove the container first, or use --force");
                continue;
            }
            if (byTag && !force) {
                auto remaining = images.untag(reference->string());
                if (!remaining) {
                    firstError = remaining.error();
                    continue;
                }
                steps << QVariantMap{{QStringLiteral("Untagged"), fromStd(reference->familiarString())}};
                removedSomething = true;
                if (*remaining > 0)
                    continue;
            } else {
                std::set<std::string> repositories;
                for (const auto &tag : found->tags)
                    repositories.insert(tag.substr(0, tag.rfind(':')));
                if (!force && repositories.size() > 1) {
                    firstError = Error(ErrorCode::Conflict,
                                       "unable to delete " + std::string(found->id.shortHex()) +
                                           " (must be forced) - image is referenced in multiple repositories; remove "
                                           "its tags one by one, or use --force");
                    continue;
                }
            }
            if (!users->empty() && !force) {
                firstError = Error(ErrorCode::Conflict, "unable to delete " + std::string(found->id.shortHex()) +
                                                            " (must be forced) - image is being used by container " +
                                                            users->front() + "; remove the container first, or use --force");
                continue;
            }
            if (!byTag || force) {
                for (const auto &names : {familiarNames(found->tags), familiarDigests(found->repoDigests)}) {
                    for (const auto &each : names)
                        steps << QVariantMap{{QStringLiteral("Untagged"), each}};
                }
            } else {
                for (const auto &each : familiarDigests(found->repoDigests))
                    steps << QVariantMap{{QStringLiteral("Untagged"), each}};
            }
            auto orphaned = images.deleteImage(found->id);
            if (!orphaned) {
                firstError = orphaned.error();
                continue;
            }
            removedSomething = true;
            steps << QVariantMap{{QStringLiteral("Deleted"), fromStd(found->id.string())}};
            for (const auto &layer : *orphaned)
                steps << QVariantMap{{QStringLiteral("Deleted"), fromStd(layer.string())}};
        }
        if (removedSomething) {
            collectGarbageWhenIdle();
            Q_EMIT ImagesChanged();
        }
        if (firstError && steps.isEmpty())
            return errorReply(request, *firstError);
        if (firstError) {
            // Some names went, some did not: report what happened and what failed.
            QVariantMap failure{{QStringLiteral("Error"), fromStd(firstError->describe())}};
            steps << failure;
        }
        return request.createReply(QVariant::fromValue(steps));
    });
    return {};
}

void HelperService::TagImage(const QString &source, const QString &target)
{
    authorizeThen("io.berth.image-tag", [this, source, target](const QDBusMessage &request) {
        auto found = findImage(source);
        if (!found)
            return errorReply(request, found.error());
        auto reference = parseReference(target.toStdString());
        if (!reference)
            return errorReply(request, reference.error());
        if (!reference->digest.empty())
            return errorReply(request, ErrorCode::InvalidArgument,
                              tr("A tag cannot contain a digest; write the target as NAME[:TAG]."));
        ImageStore images(store_.database());
        if (auto tagged = images.tag(found->id, reference->string()); !tagged)
            return errorReply(request, tagged.error());
        Q_EMIT ImagesChanged();
        return request.createReply();
    });
}

QList<QVariantMap> HelperService::ImageHistory(const QString &name)
{
    authorizeThen("io.berth.image-list", [this, name](const QDBusMessage &request) {
        auto found = findImage(name);
        if (!found)
            return errorReply(request, found.error());
        ContentStore content(store_.root());
        auto body = content.readBlob(found->id, maximumConfigBytes);
        if (!body)
            return errorReply(request, body.error());
        auto config = parseImageConfig(*body);
        if (!config)
            return errorReply(request, config.error());
        ImageStore images(store_.database());
        // Each non-empty history entry made the next layer, in order.
        QList<QVariantMap> entries;
        int layer = 0;
        std::vector<std::uint64_t> layerSizes;
        for (const auto &each : found->layers) {
            auto record = images.findLayer(each.diffId);
            layerSizes.push_back(record && *record ? (*record)->size : 0);
        }
        for (const auto &entry : config->history) {
            QVariantMap map{{QStringLiteral("Created"), fromStd(entry.created)},
                            {QStringLiteral("CreatedBy"), fromStd(entry.createdBy)},
                            {QStringLiteral("Comment"), fromStd(entry.comment)},
                            {QStringLiteral("EmptyLayer"), entry.emptyLayer},
                            {QStringLiteral("Id"), QStringLiteral("<missing>")},
                            {QStringLiteral("Size"), qulonglong(0)},
                            {QStringLiteral("Layer"), -1}};
            if (!entry.emptyLayer && layer < int(layerSizes.size())) {
                map[QStringLiteral("Size")] = qulonglong(layerSizes[layer]);
                map[QStringLiteral("Layer")] = layer;
                ++layer;
            }
            entries.prepend(map);
        }
        if (!entries.isEmpty())
            entries.first()[QStringLiteral("Id")] = fromStd(found->id.string());
        return request.createReply(QVariant::fromValue(entries));
    });
    return {};
}

namespace {

bool isWhiteout(const struct stat &info)
{
    return S_ISCHR(info.st_mode) && major(info.st_rdev) == 0 && minor(info.st_rdev) == 0;
}

bool isOpaque(const std::filesystem::path &directory)
{
    char value[2] = {};
    return lgetxattr(directory.c_str(), "trusted.overlay.opaque", value, sizeof value) == 1 && value[0] == 'y';
}

QString typeName(const struct stat &info)
{
    if (S_ISDIR(info.st_mode))
        return QStringLiteral("dir");
    if (S_ISLNK(info.st_mode))
        return QStringLiteral("symlink");
    if (S_ISCHR(info.st_mode))
        return QStringLiteral("char");
    if (S_ISBLK(info.st_mode))
        return QStringLiteral("block");
    if (S_ISFIFO(info.st_mode))
        return QStringLiteral("fifo");
    if (S_ISSOCK(info.st_mode))
        return QStringLiteral("socket");
    return info.st_nlink > 1 ? QStringLiteral("hardlink") : QStringLiteral("file");
}

// Whether relative exists in the view made of lowers (bottom first), as overlayfs would
// show it: the topmost layer that mentions the path, or hides it, decides.
bool existsBelow(const std::vector<std::filesystem::path> &lowers, const std::filesystem::path &relative)
{
    for (auto layer = lowers.rbegin(); layer != lowers.rend(); ++layer) {
        struct stat info {};
        const auto full = *layer / relative;
        if (lstat(full.c_str(), &info) == 0)
            return !isWhiteout(info);
        // An opaque ancestor in this layer hides everything below it.
        for (auto parent = relative.parent_path(); !parent.empty(); parent = parent.parent_path()) {
            if (isOpaque(*layer / parent))
                return false;
        }
    }
    return false;
}

} // namespace

QList<QVariantMap> HelperService::ImageLayerChanges(const QString &name, uint layer, uint limit, bool &)
{
    authorizeThen("io.berth.image-list", [this, name, layer, limit](const QDBusMessage &request) {
        auto found = findImage(name);
        if (!found)
            return errorReply(request, found.error());
        if (layer >= found->layers.size())
            return errorReply(request, ErrorCode::InvalidArgument,
                              tr("The image has %1 layers, numbered from 0; there is no layer %2.")
                                  .arg(found->layers.size())
                                  .arg(layer));
        ImageStore images(store_.database());
        std::vector<std::filesystem::path> directories;
        for (const auto &each : found->layers) {
            auto record = images.findLayer(each.diffId);
            if (!record || !*record)
                return errorReply(request, ErrorCode::NotFound, tr("A layer of this image is missing from the store; pull it again."));
            directories.push_back(store_.root() / "layers" / (*record)->directory);
        }
        const auto top = directories[layer];
        const std::vector<std::filesystem::path> lowers(directories.begin(), directories.begin() + layer);
        const uint cap = limit == 0 ? 10000 : std::min(limit, 100000u);
        QList<QVariantMap> changes;
        bool truncated = false;
        std::error_code error;
        for (auto it = std::filesystem::recursive_directory_iterator(top, error); it != std::filesystem::recursive_directory_iterator();
             it.increment(error)) {
            if (error)
                break;
            if (changes.size() >= int(cap)) {
                truncated = true;
                break;
            }
            struct stat info {};
            if (lstat(it->path().c_str(), &info) != 0)
                continue;
            // Lexical, never resolving: a link is listed under its own path, and resolving an
            // absolute link would walk the helper's (the host's) files.
            const auto relative = it->path().lexically_relative(top);
            QString change;
            if (isWhiteout(info))
                change = QStringLiteral("deleted");
            else if (S_ISDIR(info.st_mode) && isOpaque(it->path()))
                change = QStringLiteral("opaque");
            else
                change = existsBelow(lowers, relative) ? QStringLiteral("modified") : QStringLiteral("added");
            QVariantMap entry{{QStringLiteral("Path"), QStringLiteral("/") + fromStd(relative.string())},
                              {QStringLiteral("Change"), change},
                              {QStringLiteral("Type"), typeName(info)},
                              {QStringLiteral("Size"), qulonglong(S_ISREG(info.st_mode) ? info.st_size : 0)},
                              {QStringLiteral("Mode"), uint(info.st_mode & 07777)}};
            if (S_ISLNK(info.st_mode)) {
                std::error_code linkError;
                entry.insert(QStringLiteral("Target"), fromStd(std::filesystem::read_symlink(it->path(), linkError).string()));
            }
            changes << entry;
        }
        std::ranges::sort(changes, [](const QVariantMap &left, const QVariantMap &right) {
            return left.value(QStringLiteral("Path")).toString() < right.value(QStringLiteral("Path")).toString();
        });
        return request.createReply(QVariantList{QVariant::fromValue(changes), truncated});
    });
    return {};
}

QList<QVariantMap> HelperService::SearchImages(const QString &term, const QVariantMap &options)
{
    authorizeThen("io.berth.image-list", [this, term, options](const QDBusMessage &request) {
        if (term.isEmpty() || term.size() > 256)
            return errorReply(request, ErrorCode::InvalidArgument, tr("Give a search term of 1 to 256 characters."));
        const uint limit = std::clamp(options.value(QStringLiteral("limit"), 25u).toUInt(), 1u, 100u);
        const uint stars = options.value(QStringLiteral("stars"), 0u).toUInt();
        // The caller's own logins, for a private catalog that needs one.
        auto caller = callerUid(request);
        if (!caller)
            return errorReply(request, caller.error());
        auto registry = registryOptions(*caller);
        if (!registry)
            return errorReply(request, registry.error());
        // A registry's first path component has a dot or a port, or is localhost, as in a reference.
        const QString first = term.section(QLatin1Char('/'), 0, 0);
        const bool isPrivate = term.contains(QLatin1Char('/')) &&
                               (first.contains(QLatin1Char('.')) || first.contains(QLatin1Char(':')) || first == QLatin1String("localhost"));
        // The network must not hold up the helper's event loop: search on a pool thread.
        idleTracker_->beginActivity();
        QThreadPool::globalInstance()->start([this, request, term, first, isPrivate, limit, stars, registry = *registry]() {
            QDBusMessage reply;
            if (isPrivate) {
                RegistryClient client(first.toStdString(), registry);
                auto names = client.catalog(10000);
                if (!names) {
                    reply = errorReply(request, std::move(names.error()).withContext("searching " + first.toStdString()));
                } else {
                    const QString wanted = term.section(QLatin1Char('/'), 1);
                    QList<QVariantMap> results;
                    for (const auto &each : *names) {
                        const QString name = fromStd(each);
                        if (results.size() < int(limit) && name.contains(wanted, Qt::CaseInsensitive) && stars == 0)
                            results << QVariantMap{{QStringLiteral("Name"), first + QLatin1Char('/') + name},
                                                   {QStringLiteral("Description"), QString()},
                                                   {QStringLiteral("Stars"), 0u},
                                                   {QStringLiteral("Official"), false}};
                    }
                    reply = request.createReply(QVariant::fromValue(results));
                }
            } else {
                HttpRequest search;
                search.url = "https://index.docker.io/v1/search?q=" + urlEncode(term.toStdString()) + "&n=" + std::to_string(limit);
                search.connectTimeoutSeconds = 10;
                auto response = performHttp(search);
                if (!response || response->status != 200) {
                    reply = errorReply(request, ErrorCode::Unavailable,
                                       tr("Docker Hub's search is not reachable from here (%1). A private registry can be "
                                          "searched through its catalog: berth search HOST:PORT/TERM")
                                           .arg(response ? QStringLiteral("HTTP %1").arg(response->status)
                                                         : fromStd(response.error().describe())));
                } else {
                    const auto json = nlohmann::json::parse(response->body, nullptr, false);
                    QList<QVariantMap> results;
                    if (json.is_object() && json.contains("results") && json["results"].is_array()) {
                        for (const auto &item : json["results"]) {
                            const uint count = item.value("star_count", 0u);
                            if (count < stars)
                                continue;
                            results << QVariantMap{{QStringLiteral("Name"), fromStd(item.value("name", std::string()))},
                                                   {QStringLiteral("Description"), fromStd(item.value("description", std::string()))},
                                                   {QStringLiteral("Stars"), count},
                                                   {QStringLiteral("Official"), item.value("is_official", false)}};
                        }
                    }
                    reply = request.createReply(QVariant::fromValue(results));
                }
            }
            QMetaObject::invokeMethod(this, [this, reply] {
                bus_.send(reply);
                idleTracker_->endActivity();
            }, Qt::QueuedConnection);
        });
        // The reply goes out from the pool thread's continuation.
        return QDBusMessage();
    });
    return {};
}

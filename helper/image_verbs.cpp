// The image verbs of io.berth.Helper1: pull (as a Job), list and inspect.
#include "helper_service.h"

#include "dbus_errors.h"
#include "job.h"

#include "engine/core/settings.h"
#include "engine/image/content_store.h"
#include "engine/image/puller.h"
#include "engine/core/reference.h"

#include <QDBusMessage>

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

Result<RegistryOptions> HelperService::registryOptions()
{
    Settings settings(store_.database());
    RegistryOptions options;
    options.mirrors = listSetting(settings, "registry-mirrors");
    options.insecureRegistries = listSetting(settings, "insecure-registries");
    options.maximumAttempts = integerSetting(settings, "max-download-attempts", 5);
    return options;
}

QDBusObjectPath HelperService::Pull(const QString &referenceText, const QVariantMap &options)
{
    authorizeThen("io.berth.image-pull", [this, referenceText, options](const QDBusMessage &request) {
        const bool allTags = options.value(QStringLiteral("allTags")).toBool();
        if (allTags)
            return errorReply(request, ErrorCode::Unsupported, tr("pull --all-tags is not supported yet."));
        auto reference = parseReference(referenceText.toStdString());
        if (!reference)
            return errorReply(request, reference.error());
        PullOptions pullOptions;
        if (const QString platform = options.value(QStringLiteral("platform")).toString(); !platform.isEmpty()) {
            auto parsed = parsePlatform(platform.toStdString());
            if (!parsed)
                return errorReply(request, parsed.error());
            pullOptions.platform = *parsed;
        }
        auto registry = registryOptions();
        if (!registry)
            return errorReply(request, registry.error());
        pullOptions.registry = std::move(*registry);
        Settings settings(store_.database());
        pullOptions.maximumConcurrentDownloads = integerSetting(settings, "max-concurrent-downloads", 3);

        auto *job = new Job(bus_, nextJobNumber_++, QStringLiteral("pull"), QStringLiteral("io.berth.image-pull"),
                            authority_, idleTracker_, this);
        connect(job, &Job::Finished, this, [this](const QString &errorName) {
            if (errorName.isEmpty())
                Q_EMIT ImagesChanged();
        });
        const std::filesystem::path root = store_.root();
        const bool started = job->start([root, reference = *reference, pullOptions](Job::Reporter &reporter,
                                                                                    std::stop_token stop) -> Result<QVariantMap> {
            reporter.message(QStringLiteral("%1: Pulling from %2")
                                 .arg(fromStd(reference.tag.empty() ? reference.digest : reference.tag),
                                      fromStd(reference.path)));
            Puller puller(root);
            auto pulled = puller.pull(
                reference, pullOptions,
                [&reporter](const PullProgress &progress) {
                    const auto state = layerStateName(progress.state);
                    reporter.progress(fromStd(progress.id), QString::fromLatin1(state.data(), qsizetype(state.size())),
                                      progress.current, progress.total);
                },
                stop);
            if (!pulled)
                return std::unexpected(pulled.error());
            auto name = parseReference(pulled->name);
            return QVariantMap{{QStringLiteral("Id"), fromStd(pulled->imageId.string())},
                               {QStringLiteral("Name"), fromStd(name ? name->familiarString() : pulled->name)},
                               {QStringLiteral("Digest"), fromStd(pulled->manifestDigest.string())},
                               {QStringLiteral("Changed"), pulled->changed}};
        });
        if (!started) {
            job->deleteLater();
            return errorReply(request, ErrorCode::Internal, tr("could not put the job on the bus"));
        }
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

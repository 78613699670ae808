// The registry verbs of io.berth.Helper1: push (as a Job), login, logout and the list of
// the caller's logins. Logins are
// stored per calling user (the bus tells us the caller's uid) and are never written to a
// log, an error message or a bus signal.
#include "helper_service.h"

#include "dbus_errors.h"
#include "idle_tracker.h"
#include "job.h"

#include "engine/core/reference.h"
#include "engine/core/settings.h"
#include "engine/image/credentials.h"
#include "engine/image/pusher.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QThreadPool>

using namespace berth;
using namespace berth::image;

namespace {

constexpr qsizetype maximumReferenceLength = 512;
constexpr qsizetype maximumServerLength = 512;
// Chunks smaller than this would turn a layer into thousands of requests.
constexpr qulonglong minimumChunkSize = 4 * 1024;
constexpr qulonglong maximumChunkSize = 1024ull * 1024 * 1024;

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

QString stateText(PushState state)
{
    const auto name = pushStateName(state);
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

} // namespace

void HelperService::setCertificatesDirectory(const QString &directory)
{
    certificatesDirectory_ = directory.toStdString();
}

Result<uint> HelperService::callerUid(const QDBusMessage &request)
{
    // The bus daemon knows who is at the other end of the caller's connection.
    const QDBusReply<uint> uid = bus_.interface()->serviceUid(request.service());
    if (!uid.isValid())
        return fail(ErrorCode::Unavailable, "could not ask the bus which user called (" + uid.error().message().toStdString() + ")");
    return uid.value();
}

std::function<std::optional<RegistryCredentials>(const std::string &)> HelperService::storedCredentials(uint uid) const
{
    // Read when a registry asks, on the job's thread: a login made meanwhile is seen.
    return [store = CredentialStore(store_.root()), uid](const std::string &server) -> std::optional<RegistryCredentials> {
        auto normalised = normaliseRegistryServer(server);
        if (!normalised)
            return std::nullopt;
        auto found = store.find(uid, *normalised);
        if (!found) {
            qWarning("berth-helper: the stored logins of uid %u cannot be read: %s", uid, found.error().describe().c_str());
            return std::nullopt;
        }
        return *found;
    };
}

QDBusObjectPath HelperService::Push(const QString &referenceText, const QVariantMap &options)
{
    authorizeThen("io.berth.image-push", [this, referenceText, options](const QDBusMessage &request) {
        for (auto it = options.begin(); it != options.end(); ++it) {
            if (it.key() != QLatin1String("source") && it.key() != QLatin1String("chunkSize"))
                return errorReply(request, ErrorCode::InvalidArgument,
                                  tr("Unknown push option \"%1\"; known options: source, chunkSize.").arg(it.key()));
        }
        if (referenceText.size() > maximumReferenceLength)
            return errorReply(request, ErrorCode::InvalidArgument, tr("The image name is too long."));
        auto target = parseReference(referenceText.toStdString());
        if (!target)
            return errorReply(request, target.error());
        if (!target->digest.empty())
            return errorReply(request, ErrorCode::InvalidArgument,
                              tr("Cannot push to a digest; write the target as NAME[:TAG]."));
        const QString sourceName = options.value(QStringLiteral("source")).toString();
        if (sourceName.size() > maximumReferenceLength)
            return errorReply(request, ErrorCode::InvalidArgument, tr("The source image name is too long."));
        auto image = findImage(sourceName.isEmpty() ? referenceText : sourceName);
        if (!image) {
            if (image.error().code() == ErrorCode::NotFound && sourceName.isEmpty())
                return errorReply(request, ErrorCode::NotFound,
                                  tr("An image does not exist locally with the tag: %1. Tag one first "
                                     "(berth tag IMAGE %1), or name the image to send: berth push IMAGE %1")
                                      .arg(fromStd(target->familiarString())));
            return errorReply(request, image.error());
        }
        PushOptions pushOptions;
        if (options.contains(QStringLiteral("chunkSize"))) {
            bool numeric = false;
            const qulonglong chunkSize = options.value(QStringLiteral("chunkSize")).toULongLong(&numeric);
            if (!numeric || (chunkSize != 0 && (chunkSize < minimumChunkSize || chunkSize > maximumChunkSize)))
                return errorReply(request, ErrorCode::InvalidArgument,
                                  tr("chunkSize must be 0 (automatic) or between %1 and %2 bytes.")
                                      .arg(minimumChunkSize)
                                      .arg(maximumChunkSize));
            pushOptions.chunkSize = chunkSize;
        }
        auto caller = callerUid(request);
        if (!caller)
            return errorReply(request, caller.error());
        auto registry = registryOptions(*caller);
        if (!registry)
            return errorReply(request, registry.error());
        pushOptions.registry = std::move(*registry);
        Settings settings(store_.database());
        if (auto uploads = settings.get("max-concurrent-uploads"))
            pushOptions.maximumConcurrentUploads = std::atoi(uploads->value.c_str());

        auto *job = new Job(bus_, nextJobNumber_++, QStringLiteral("push"), QStringLiteral("io.berth.image-push"),
                            authority_, idleTracker_, this);
        connect(job, &Job::Finished, this, [this](const QString &errorName) {
            if (errorName.isEmpty())
                Q_EMIT ImagesChanged(); // a new repository digest
        });
        const std::filesystem::path root = store_.root();
        const bool started = job->start([root, target = *target, image = *image, pushOptions](
                                            Job::Reporter &reporter, std::stop_token stop) -> Result<QVariantMap> {
            reporter.message(QStringLiteral("The push refers to repository [%1]").arg(fromStd(target.familiarRepository())));
            Pusher pusher(root);
            auto pushed = pusher.push(
                image, target, pushOptions,
                [&reporter](const PushProgress &progress) {
                    // "mounted:<repository>" says where a mounted layer came from.
                    QString state = stateText(progress.state);
                    if (progress.state == PushState::Mounted)
                        state += QLatin1Char(':') + fromStd(progress.mountedFrom);
                    reporter.progress(fromStd(progress.id), state, progress.current, progress.total);
                },
                stop);
            if (!pushed)
                return std::unexpected(pushed.error());
            return QVariantMap{{QStringLiteral("Name"), fromStd(target.familiarString())},
                               {QStringLiteral("Tag"), fromStd(target.tag)},
                               {QStringLiteral("Digest"), fromStd(pushed->manifestDigest.string())},
                               {QStringLiteral("Size"), qulonglong(pushed->manifestSize)}};
        });
        if (!started) {
            job->deleteLater();
            return errorReply(request, ErrorCode::Internal, tr("could not put the job on the bus"));
        }
        // The blobs being read must not be collected under the upload.
        holdGarbageCollection(job);
        qInfo("berth-helper: %s (uid %u) pushes %s as %s", qPrintable(request.service()), *caller,
              qPrintable(fromStd(target->familiarString())), qPrintable(job->path()));
        return request.createReply(QVariant::fromValue(QDBusObjectPath(job->path())));
    });
    return {};
}

QString HelperService::Login(const QString &server, const QString &username, const QString &password)
{
    authorizeThen("io.berth.registry-login", [this, server, username, password](const QDBusMessage &request) {
        if (server.size() > maximumServerLength)
            return errorReply(request, ErrorCode::InvalidArgument, tr("The registry address is too long."));
        auto domain = normaliseRegistryServer(server.toStdString());
        if (!domain)
            return errorReply(request, domain.error());
        RegistryCredentials credentials{username.toStdString(), password.toStdString()};
        if (auto valid = validateCredentials(credentials); !valid)
            return errorReply(request, valid.error());
        auto caller = callerUid(request);
        if (!caller)
            return errorReply(request, caller.error());
        auto registry = registryOptions();
        if (!registry)
            return errorReply(request, registry.error());
        // Only the login being checked, never one stored earlier.
        registry->credentials = [credentials](const std::string &) { return std::optional(credentials); };
        // Names only: the username and password stay out of the log.
        qInfo("berth-helper: %s (uid %u) logs in to %s", qPrintable(request.service()), *caller, domain->c_str());
        idleTracker_->beginActivity();
        const std::filesystem::path root = store_.root();
        QThreadPool::globalInstance()->start([this, request, root, uid = *caller, domain = *domain, credentials,
                                              registry = std::move(*registry)]() {
            std::optional<Error> failure;
            RegistryClient client(domain, registry);
            if (auto verified = client.verifyLogin(); !verified)
                failure = std::move(verified.error()).withContext("logging in to " + domain);
            else if (auto stored = CredentialStore(root).store(uid, domain, credentials); !stored)
                failure = std::move(stored.error()).withContext("storing the login for " + domain);
            // Errors name the registry and what went wrong, never the username or password.
            if (failure)
                qInfo("berth-helper: login of uid %u failed: %s", uid, failure->describe().c_str());
            else
                qInfo("berth-helper: uid %u is logged in to %s", uid, domain.c_str());
            const QDBusMessage reply = failure ? errorReply(request, *failure) : request.createReply(QVariant(fromStd(domain)));
            QMetaObject::invokeMethod(
                this,
                [this, reply] {
                    bus_.send(reply);
                    idleTracker_->endActivity();
                },
                Qt::QueuedConnection);
        });
        // The reply is sent from the pool thread's result.
        return QDBusMessage();
    });
    return {};
}

bool HelperService::Logout(const QString &server)
{
    authorizeThen("io.berth.registry-login", [this, server](const QDBusMessage &request) {
        if (server.size() > maximumServerLength)
            return errorReply(request, ErrorCode::InvalidArgument, tr("The registry address is too long."));
        auto domain = normaliseRegistryServer(server.toStdString());
        if (!domain)
            return errorReply(request, domain.error());
        auto caller = callerUid(request);
        if (!caller)
            return errorReply(request, caller.error());
        auto removed = CredentialStore(store_.root()).remove(*caller, *domain);
        if (!removed)
            return errorReply(request, std::move(removed.error()).withContext("removing the login for " + *domain));
        qInfo("berth-helper: %s (uid %u) logs out of %s", qPrintable(request.service()), *caller, domain->c_str());
        return request.createReply(QVariant(*removed));
    });
    return {};
}

QList<QVariantMap> HelperService::ListLogins()
{
    authorizeThen("io.berth.registry-login-list", [this](const QDBusMessage &request) {
        auto caller = callerUid(request);
        if (!caller)
            return errorReply(request, caller.error());
        // Only the caller's own file is read: another user's logins are never listed.
        auto logins = CredentialStore(store_.root()).list(*caller);
        if (!logins)
            return errorReply(request, std::move(logins.error()).withContext("listing the registry logins"));
        QList<QVariantMap> rows;
        for (const auto &login : *logins)
            rows << QVariantMap{{QStringLiteral("Server"), fromStd(login.server)},
                                {QStringLiteral("Username"), fromStd(login.username)}};
        return request.createReply(QVariant::fromValue(rows));
    });
    return {};
}

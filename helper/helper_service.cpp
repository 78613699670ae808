#include "helper_service.h"

#include "container_manager.h"
#include "exec_sessions.h"
#include "dbus_errors.h"
#include "idle_tracker.h"
#include "polkit_authority.h"

#include "engine/core/settings.h"
#include "engine/core/version.h"

#include <QDBusMessage>
#include <QSysInfo>

#include <sys/utsname.h>

namespace {

constexpr qsizetype maximumKeyLength = 128;

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

QStringList listSetting(const std::string &commaSeparated)
{
    return fromStd(commaSeparated).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

QString architectureName()
{
    // Docker and OCI name architectures the Go way.
    const QString cpu = QSysInfo::currentCpuArchitecture();
    if (cpu == QLatin1String("x86_64"))
        return QStringLiteral("amd64");
    if (cpu == QLatin1String("arm64"))
        return QStringLiteral("arm64");
    if (cpu == QLatin1String("i386"))
        return QStringLiteral("386");
    return cpu;
}

} // namespace

HelperService::HelperService(QDBusConnection bus, berth::Store store, PolkitAuthority *authority,
                             IdleTracker *idleTracker, QObject *parent)
    : QObject(parent), bus_(std::move(bus)), store_(std::move(store)), authority_(authority),
      idleTracker_(idleTracker)
{
    // Unpacked layers no image records, left by a crash; blobs stay for a resumed pull.
    collectGarbageWhenIdle(false);
    containers_ = new ContainerManager(store_, this);
    exec_ = new ExecSessions(*containers_, store_.root().string(), containers_->runtimePath(), containers_->runtimeRoot(),
                             this);
    connect(containers_, &ContainerManager::containersChanged, this, &HelperService::ContainersChanged);
    // Someone has to watch running containers (their exit, restart policies): the helper
    // does not exit for idleness while any runs.
    connect(containers_, &ContainerManager::runningCountChanged, this, [this](int running) {
        if (running > 0 && !holdingForContainers_) {
            holdingForContainers_ = true;
            idleTracker_->beginActivity();
        } else if (running == 0 && holdingForContainers_) {
            holdingForContainers_ = false;
            idleTracker_->endActivity();
        }
    });
}

void HelperService::adoptContainers()
{
    containers_->adoptAtStartup();
}

HelperService::~HelperService() = default;

void HelperService::authorizeThen(const char *actionId, Work work)
{
    setDelayedReply(true);
    const QDBusMessage request = message();
    idleTracker_->beginActivity();
    authority_->checkAuthorization(
        request.service(), QString::fromLatin1(actionId),
        [this, request, actionId, work = std::move(work)](const AuthorizationResult &result) {
            idleTracker_->endActivity();
            switch (result.outcome) {
            case AuthorizationResult::Outcome::PolkitUnavailable:
                bus_.send(errorReply(request, berth::ErrorCode::Unavailable,
                                     tr("Berth's helper could not ask polkit whether you may do this (%1). "
                                        "Make sure polkitd is installed and running.")
                                         .arg(result.detail)));
                return;
            case AuthorizationResult::Outcome::Denied:
                bus_.send(errorReply(
                    request, berth::ErrorCode::NotAuthorized,
                    result.challenge
                        ? tr("Not authorized: this needs an administrator's password (polkit action %1), and no "
                             "authentication agent answered. Run it from a desktop session, or ask an "
                             "administrator to add you to the group \"berth\".")
                              .arg(QLatin1String(actionId))
                        : tr("Not authorized: polkit refuses action %1 for you. Ask an administrator to add you "
                             "to the group \"berth\".")
                              .arg(QLatin1String(actionId))));
                return;
            case AuthorizationResult::Outcome::Authorized:
                // Work that answers later (from another thread) returns an invalid message.
                if (QDBusMessage reply = work(request); reply.type() != QDBusMessage::InvalidMessage)
                    bus_.send(reply);
                return;
            }
        });
}

QVariantMap HelperService::versionMap() const
{
    utsname names{};
    uname(&names);
    return {
        {QStringLiteral("Version"), QString::fromLatin1(berth::engineVersion)},
        {QStringLiteral("ApiVersion"), QStringLiteral("1")},
        {QStringLiteral("Os"), QStringLiteral("linux")},
        {QStringLiteral("Arch"), architectureName()},
        {QStringLiteral("Kernel"), QString::fromLocal8Bit(names.release)},
    };
}

QVariantMap HelperService::Version()
{
    authorizeThen("io.berth.version", [this](const QDBusMessage &request) {
        return request.createReply(QVariant(versionMap()));
    });
    return {};
}

QVariantMap HelperService::Info()
{
    authorizeThen("io.berth.info", [this](const QDBusMessage &request) { return infoReply(request); });
    return {};
}

QDBusMessage HelperService::infoReply(const QDBusMessage &request)
{
    const auto root = store_.root();
    if (!overlaySupport_)
        overlaySupport_ = berth::probeOverlay(root);
    const berth::SystemInfo system = berth::collectSystemInfo(root);
    auto counts = store_.counts();
    if (!counts)
        return errorReply(request, std::move(counts.error()).withContext("reading the store"));
    berth::Settings settings(store_.database());
    auto mirrors = settings.get("registry-mirrors");
    auto insecure = settings.get("insecure-registries");
    if (!mirrors || !insecure)
        return errorReply(request, (mirrors ? insecure.error() : mirrors.error()).withContext("reading settings"));

    QStringList v1Controllers;
    for (const auto &[controller, mountPoint] : system.cgroups.v1Controllers)
        v1Controllers << fromStd(controller);
    QStringList v2Controllers;
    for (const auto &controller : system.cgroups.v2Controllers)
        v2Controllers << fromStd(controller);
    const auto mode = berth::cgroupModeName(system.cgroups.mode);

    QVariantMap info{
        {QStringLiteral("ServerVersion"), QString::fromLatin1(berth::engineVersion)},
        {QStringLiteral("StorageRoot"), fromStd(root.string())},
        {QStringLiteral("StorageDriver"), QStringLiteral("overlay")},
        {QStringLiteral("StorageFilesystem"), fromStd(system.storageFilesystem)},
        {QStringLiteral("StorageFreeBytes"), qulonglong(system.storageFreeBytes)},
        {QStringLiteral("StorageTotalBytes"), qulonglong(system.storageTotalBytes)},
        {QStringLiteral("OverlaySupported"), overlaySupport_->available},
        {QStringLiteral("OverlayDetail"), fromStd(overlaySupport_->detail)},
        {QStringLiteral("KernelVersion"), fromStd(system.kernelRelease)},
        {QStringLiteral("OperatingSystem"), fromStd(system.operatingSystem)},
        {QStringLiteral("Architecture"), fromStd(system.architecture)},
        {QStringLiteral("NCPU"), system.cpus},
        {QStringLiteral("MemTotal"), qulonglong(system.memoryBytes)},
        {QStringLiteral("CgroupMode"), QString::fromLatin1(mode.data(), qsizetype(mode.size()))},
        {QStringLiteral("CgroupVersion"), system.cgroups.mode == berth::CgroupMode::V2 ? QStringLiteral("2")
                                                                                      : QStringLiteral("1")},
        {QStringLiteral("CgroupV1Controllers"), v1Controllers},
        {QStringLiteral("CgroupV2Controllers"), v2Controllers},
        {QStringLiteral("CgroupUnifiedMount"), fromStd(system.cgroups.unifiedMountPoint.string())},
        {QStringLiteral("UserNamespaces"), system.userNamespaces.available},
        {QStringLiteral("UserNamespacesDetail"), fromStd(system.userNamespaces.detail)},
        {QStringLiteral("Seccomp"), system.seccomp.available},
        {QStringLiteral("SeccompDetail"), fromStd(system.seccomp.detail)},
        {QStringLiteral("LibseccompVersion"), fromStd(system.libseccompVersion)},
        {QStringLiteral("Images"), qlonglong(counts->images)},
        {QStringLiteral("Containers"), qlonglong(counts->containers)},
        {QStringLiteral("Volumes"), qlonglong(counts->volumes)},
        {QStringLiteral("RegistryMirrors"), listSetting(mirrors->value)},
        {QStringLiteral("InsecureRegistries"), listSetting(insecure->value)},
    };
    return request.createReply(QVariant(info));
}

QVariantMap HelperService::GetConfig(const QString &key, QStringList &)
{
    authorizeThen("io.berth.config-get", [this, key](const QDBusMessage &request) {
        if (key.size() > maximumKeyLength)
            return errorReply(request, berth::ErrorCode::InvalidArgument, tr("The setting name is too long."));
        berth::Settings settings(store_.database());
        std::vector<berth::SettingValue> values;
        if (key.isEmpty()) {
            auto all = settings.all();
            if (!all)
                return errorReply(request, all.error());
            values = std::move(*all);
        } else {
            auto one = settings.get(key.toStdString());
            if (!one)
                return errorReply(request, one.error());
            values.push_back(std::move(*one));
        }
        QVariantMap map;
        QStringList explicitKeys;
        for (const auto &value : values) {
            map.insert(fromStd(value.key), fromStd(value.value));
            if (!value.isDefault)
                explicitKeys << fromStd(value.key);
        }
        return request.createReply(QVariantList{QVariant(map), QVariant(explicitKeys)});
    });
    return {};
}

QString HelperService::SetConfig(const QString &key, const QString &value)
{
    authorizeThen("io.berth.config-set", [this, key, value](const QDBusMessage &request) {
        if (key.size() > maximumKeyLength)
            return errorReply(request, berth::ErrorCode::InvalidArgument, tr("The setting name is too long."));
        berth::Settings settings(store_.database());
        auto canonical = settings.set(key.toStdString(), value.toStdString());
        if (!canonical)
            return errorReply(request, canonical.error());
        const QString stored = fromStd(*canonical);
        qInfo("setting %s changed by %s", qPrintable(key), qPrintable(request.service()));
        Q_EMIT ConfigChanged(key, stored);
        return request.createReply(QVariant(stored));
    });
    return {};
}

void HelperService::ResetConfig(const QString &key)
{
    authorizeThen("io.berth.config-set", [this, key](const QDBusMessage &request) {
        if (key.size() > maximumKeyLength)
            return errorReply(request, berth::ErrorCode::InvalidArgument, tr("The setting name is too long."));
        berth::Settings settings(store_.database());
        if (auto reset = settings.reset(key.toStdString()); !reset)
            return errorReply(request, reset.error());
        auto value = settings.get(key.toStdString());
        if (!value)
            return errorReply(request, value.error());
        qInfo("setting %s reset by %s", qPrintable(key), qPrintable(request.service()));
        Q_EMIT ConfigChanged(key, fromStd(value->value));
        return request.createReply();
    });
}

void HelperService::Subscribe()
{
    authorizeThen("io.berth.subscribe", [this](const QDBusMessage &request) {
        idleTracker_->addClient(request.service());
        return request.createReply();
    });
}

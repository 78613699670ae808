// The object behind io.berth.Helper1 on the system bus. Every method first asks polkit
// (asynchronously, through a delayed reply), then validates its arguments, then acts.
#pragma once

#include "engine/core/store.h"
#include "engine/core/system_info.h"
#include "engine/image/image_store.h"
#include "engine/image/registry_client.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusObjectPath>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

#include <functional>
#include <optional>

class IdleTracker;
class PolkitAuthority;

class HelperService : public QObject, protected QDBusContext {
    Q_OBJECT
public:
    HelperService(QDBusConnection bus, berth::Store store, PolkitAuthority *authority, IdleTracker *idleTracker,
                  QObject *parent = nullptr);
    ~HelperService() override;

public Q_SLOTS:
    // Called by the adaptor generated from io.berth.Helper1.xml. The return values are
    // placeholders: each reply is sent later, once polkit has answered.
    QVariantMap Version();
    QVariantMap Info();
    QVariantMap GetConfig(const QString &key, QStringList &explicitKeys);
    QString SetConfig(const QString &key, const QString &value);
    void ResetConfig(const QString &key);
    void Subscribe();
    // Images (image_verbs.cpp).
    QDBusObjectPath Pull(const QString &reference, const QVariantMap &options);
    QList<QVariantMap> ListImages();
    QVariantMap InspectImage(const QString &name);

Q_SIGNALS:
    void ConfigChanged(const QString &key, const QString &value);
    void ImagesChanged();

private:
    using Work = std::function<QDBusMessage(const QDBusMessage &request)>;
    /// Defers the reply to the current call, asks polkit about actionId, then runs work
    /// and sends what it returns (a reply or an error reply).
    void authorizeThen(const char *actionId, Work work);

    [[nodiscard]] QVariantMap versionMap() const;
    [[nodiscard]] QDBusMessage infoReply(const QDBusMessage &request);

    /// What a registry client needs from the settings (mirrors, insecure registries).
    [[nodiscard]] berth::Result<berth::image::RegistryOptions> registryOptions();
    /// An image by id, id prefix, tag or digest reference, as `docker inspect` finds it.
    [[nodiscard]] berth::Result<berth::image::ImageRecord> findImage(const QString &name);

    QDBusConnection bus_;
    quint64 nextJobNumber_ = 1;
    berth::Store store_;
    PolkitAuthority *authority_;
    IdleTracker *idleTracker_;
    std::optional<berth::Support> overlaySupport_;
};

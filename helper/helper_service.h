// The object behind io.berth.Helper1 on the system bus. Every method first asks polkit
// (asynchronously, through a delayed reply), then validates its arguments, then acts.
#pragma once

#include "engine/core/store.h"
#include "engine/core/system_info.h"

#include <QDBusConnection>
#include <QDBusContext>
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

Q_SIGNALS:
    void ConfigChanged(const QString &key, const QString &value);

private:
    using Work = std::function<QDBusMessage(const QDBusMessage &request)>;
    /// Defers the reply to the current call, asks polkit about actionId, then runs work
    /// and sends what it returns (a reply or an error reply).
    void authorizeThen(const char *actionId, Work work);

    [[nodiscard]] QVariantMap versionMap() const;
    [[nodiscard]] QDBusMessage infoReply(const QDBusMessage &request);

    QDBusConnection bus_;
    berth::Store store_;
    PolkitAuthority *authority_;
    IdleTracker *idleTracker_;
    std::optional<berth::Support> overlaySupport_;
};

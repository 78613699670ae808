#include "helper_client.h"

#include "formatting.h"
#include "helper_connection.h"

#include "engine/core/version.h"

#include <QDBusPendingCallWatcher>

HelperClient *HelperClient::instance()
{
    static HelperClient *client = new HelperClient();
    return client;
}

HelperClient *HelperClient::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(instance(), QJSEngine::CppOwnership);
    return instance();
}

HelperClient::HelperClient()
{
    statusText_ = tr("Connecting to Berth's helper…");
    ownerWatcher_.addWatchedService(QLatin1String(berth::dbusServiceName));
    // When the helper exits (idle, crash, upgrade) or comes back, follow it.
    connect(&ownerWatcher_, &QDBusServiceWatcher::serviceUnregistered, this, [this]() {
        setReachable(false, tr("Berth's helper stopped. It starts again by itself on the next action; "
                               "click Retry to start it now."));
    });
    connect(&ownerWatcher_, &QDBusServiceWatcher::serviceRegistered, this, [this]() {
        if (!reachable_)
            connectToHelper();
    });
    attachToBus();
    connectToHelper();
}

void HelperClient::attachToBus()
{
    proxy_ = berth::client::makeHelperProxy();
    changeProxy_ = berth::client::makeHelperProxy(berth::client::changeTimeoutMs);
    ownerWatcher_.setConnection(berth::client::systemBus());
    connect(proxy_.get(), &HelperProxy::ConfigChanged, this, &HelperClient::configChanged);
    connect(proxy_.get(), &HelperProxy::ImagesChanged, this, &HelperClient::imagesChanged);
}

HelperClient::~HelperClient() = default;

void HelperClient::setReachable(bool reachable, const QString &statusText)
{
    if (reachable_ != reachable) {
        reachable_ = reachable;
        Q_EMIT reachableChanged();
    }
    if (statusText_ != statusText) {
        statusText_ = statusText;
        Q_EMIT statusTextChanged();
    }
}

QString HelperClient::busFailure() const
{
    return berth::client::systemBus().isConnected() ? QString() : berth::client::busUnreachable().message;
}

void HelperClient::connectToHelper()
{
    if (!berth::client::systemBus().isConnected()) {
        // Qt does not reconnect a connection that failed or was closed: make a new one, and
        // new proxies on it. Models ask proxy() at each call, so they follow.
        (void)berth::client::reconnectSystemBus();
        attachToBus();
    }
    if (const QString failure = busFailure(); !failure.isEmpty()) {
        setReachable(false, failure);
        return;
    }
    auto *watcher = new QDBusPendingCallWatcher(proxy_->Version(), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher]() {
        watcher->deleteLater();
        QDBusPendingReply<QVariantMap> reply = *watcher;
        if (reply.isError()) {
            setReachable(false, berth::client::describeFailure(reply.error()).message);
            return;
        }
        version_ = reply.value();
        Q_EMIT versionChanged();
        setReachable(true, tr("Connected to Berth's helper %1 on the system bus")
                               .arg(version_.value(QStringLiteral("Version")).toString()));
        // Keep the helper from exiting for idleness while this window is open. A refusal
        // only means it may exit when idle; the next call starts it again.
        (void)proxy_->Subscribe();
    });
}

void HelperClient::refreshInfo()
{
    showCommand(QStringLiteral("berth info"));
    if (const QString failure = busFailure(); !failure.isEmpty()) {
        setReachable(false, failure);
        if (infoError_ != failure) {
            infoError_ = failure;
            Q_EMIT infoErrorChanged();
        }
        return;
    }
    infoLoading_ = true;
    Q_EMIT infoLoadingChanged();
    auto *watcher = new QDBusPendingCallWatcher(proxy_->Info(), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher]() {
        watcher->deleteLater();
        QDBusPendingReply<QVariantMap> reply = *watcher;
        infoLoading_ = false;
        if (reply.isError()) {
            const auto failure = berth::client::describeFailure(reply.error());
            infoError_ = failure.message;
            if (failure.kind == berth::client::FailureKind::Unreachable)
                setReachable(false, failure.message);
        } else {
            infoError_.clear();
            info_ = reply.value();
            Q_EMIT infoChanged();
            if (!reachable_)
                connectToHelper();
        }
        Q_EMIT infoErrorChanged();
        Q_EMIT infoLoadingChanged();
    });
}

void HelperClient::showCommand(const QString &command)
{
    if (lastCommand_ == command)
        return;
    lastCommand_ = command;
    Q_EMIT lastCommandChanged();
}

QString HelperClient::formatBytes(qulonglong bytes) const
{
    return berth::client::formatBytes(bytes);
}

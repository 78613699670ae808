// The GUI's view of berth-helper: whether it is reachable, its version and info, and the
// command strip that shows the CLI equivalent of the last thing the person did.
#pragma once

#include <QDBusServiceWatcher>
#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>

#include <memory>

class HelperProxy;

class HelperClient : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Helper)
    QML_SINGLETON

    Q_PROPERTY(bool reachable READ reachable NOTIFY reachableChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusTextChanged)
    Q_PROPERTY(QVariantMap version READ version NOTIFY versionChanged)
    Q_PROPERTY(QVariantMap info READ info NOTIFY infoChanged)
    Q_PROPERTY(bool infoLoading READ infoLoading NOTIFY infoLoadingChanged)
    Q_PROPERTY(QString infoError READ infoError NOTIFY infoErrorChanged)
    Q_PROPERTY(QString lastCommand READ lastCommand NOTIFY lastCommandChanged)

public:
    /// The one instance, shared by QML and by models that report commands.
    static HelperClient *instance();
    static HelperClient *create(QQmlEngine *, QJSEngine *);

    [[nodiscard]] bool reachable() const { return reachable_; }
    [[nodiscard]] QString statusText() const { return statusText_; }
    [[nodiscard]] QVariantMap version() const { return version_; }
    [[nodiscard]] QVariantMap info() const { return info_; }
    [[nodiscard]] bool infoLoading() const { return infoLoading_; }
    [[nodiscard]] QString infoError() const { return infoError_; }
    [[nodiscard]] QString lastCommand() const { return lastCommand_; }
    [[nodiscard]] HelperProxy *proxy() const { return proxy_.get(); }
    [[nodiscard]] HelperProxy *changeProxy() const { return changeProxy_.get(); }

    /// Asks for Version again, and subscribes so the helper stays while the GUI is open.
    /// When the bus itself is gone, first connects to it anew (Retry after a bus restart).
    Q_INVOKABLE void connectToHelper();
    /// Asks for Info; shows `berth info` in the command strip.
    Q_INVOKABLE void refreshInfo();
    /// Puts a command in the strip (the CLI equivalent of what was just done).
    Q_INVOKABLE void showCommand(const QString &command);
    /// Why no call can be made now (the bus itself is gone), or empty. Calls on a
    /// disconnected bus never finish, so every caller asks this first.
    [[nodiscard]] QString busFailure() const;
    /// Formats a byte count as the CLI does.
    Q_INVOKABLE QString formatBytes(qulonglong bytes) const;

Q_SIGNALS:
    void reachableChanged();
    void statusTextChanged();
    void versionChanged();
    void infoChanged();
    void infoLoadingChanged();
    void infoErrorChanged();
    void lastCommandChanged();
    /// The helper said a setting changed (from any client).
    void configChanged(const QString &key, const QString &value);
    /// The helper said images were added, removed or retagged (from any client).
    void imagesChanged();

private:
    HelperClient();
    ~HelperClient() override;
    void setReachable(bool reachable, const QString &statusText);
    /// Proxies and the watcher on the current bus connection, and the helper's signals
    /// forwarded from it.
    void attachToBus();

    std::unique_ptr<HelperProxy> proxy_;
    std::unique_ptr<HelperProxy> changeProxy_;
    QDBusServiceWatcher ownerWatcher_;
    bool reachable_ = false;
    QString statusText_;
    QVariantMap version_;
    QVariantMap info_;
    bool infoLoading_ = false;
    QString infoError_;
    QString lastCommand_;
};

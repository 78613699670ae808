// Asks polkit, over D-Bus and without blocking, whether the sender of a call may perform
// an action. The helper never decides this itself: polkit's policy and rules do.
#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QString>

#include <functional>

struct AuthorizationResult {
    enum class Outcome { Authorized, Denied, PolkitUnavailable };
    Outcome outcome = Outcome::Denied;
    /// For Denied: whether polkit would have allowed it after authentication.
    bool challenge = false;
    /// For PolkitUnavailable: the D-Bus error text.
    QString detail;
};

class PolkitAuthority : public QObject {
    Q_OBJECT
public:
    explicit PolkitAuthority(QDBusConnection bus, QObject *parent = nullptr);

    /// Checks action for the bus name sender; calls done exactly once, from the event loop.
    /// User interaction is allowed so a desktop agent may ask for a password.
    void checkAuthorization(const QString &sender, const QString &actionId,
                            std::function<void(const AuthorizationResult &)> done);

private:
    QDBusConnection bus_;
};

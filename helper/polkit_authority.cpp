#include "polkit_authority.h"

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

namespace {

// polkit's Subject, (sa{sv}): a kind and its details.
struct PolkitSubject {
    QString kind;
    QVariantMap details;
};

// polkit's AuthorizationResult, (bba{ss}).
struct PolkitResult {
    bool isAuthorized = false;
    bool isChallenge = false;
    QMap<QString, QString> details;
};

using StringMap = QMap<QString, QString>;

QDBusArgument &operator<<(QDBusArgument &argument, const PolkitSubject &subject)
{
    argument.beginStructure();
    argument << subject.kind << subject.details;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, PolkitSubject &subject)
{
    argument.beginStructure();
    argument >> subject.kind >> subject.details;
    argument.endStructure();
    return argument;
}

QDBusArgument &operator<<(QDBusArgument &argument, const PolkitResult &result)
{
    argument.beginStructure();
    argument << result.isAuthorized << result.isChallenge << result.details;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, PolkitResult &result)
{
    argument.beginStructure();
    argument >> result.isAuthorized >> result.isChallenge >> result.details;
    argument.endStructure();
    return argument;
}

constexpr uint allowUserInteraction = 0x1;
// An agent may wait for a person to type a password.
constexpr int authorizationTimeoutMs = 5 * 60 * 1000;

} // namespace

Q_DECLARE_METATYPE(PolkitSubject)
Q_DECLARE_METATYPE(PolkitResult)

PolkitAuthority::PolkitAuthority(QDBusConnection bus, QObject *parent) : QObject(parent), bus_(std::move(bus))
{
    qDBusRegisterMetaType<PolkitSubject>();
    qDBusRegisterMetaType<PolkitResult>();
    qDBusRegisterMetaType<StringMap>();
}

void PolkitAuthority::checkAuthorization(const QString &sender, const QString &actionId,
                                         std::function<void(const AuthorizationResult &)> done)
{
    auto call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.PolicyKit1"),
                                               QStringLiteral("/org/freedesktop/PolicyKit1/Authority"),
                                               QStringLiteral("org.freedesktop.PolicyKit1.Authority"),
                                               QStringLiteral("CheckAuthorization"));
    const PolkitSubject subject{QStringLiteral("system-bus-name"), {{QStringLiteral("name"), sender}}};
    call << QVariant::fromValue(subject) << actionId << QVariant::fromValue(StringMap{})
         << allowUserInteraction << QString();
    auto *watcher = new QDBusPendingCallWatcher(bus_.asyncCall(call, authorizationTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [watcher, done = std::move(done)]() {
                watcher->deleteLater();
                QDBusPendingReply<PolkitResult> reply = *watcher;
                AuthorizationResult result;
                if (reply.isError()) {
                    result.outcome = AuthorizationResult::Outcome::PolkitUnavailable;
                    result.detail = reply.error().message();
                } else {
                    const PolkitResult answer = reply.value();
                    result.outcome = answer.isAuthorized ? AuthorizationResult::Outcome::Authorized
                                                         : AuthorizationResult::Outcome::Denied;
                    result.challenge = answer.isChallenge;
                }
                done(result);
            });
}

#include "helper_connection.h"

#include "engine/core/version.h"

#include <QCoreApplication>

namespace berth::client {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("berth::client", text);
}

QString busAddressForHumans()
{
    const QByteArray address = qgetenv("DBUS_SYSTEM_BUS_ADDRESS");
    return address.isEmpty() ? QStringLiteral("unix:path=/run/dbus/system_bus_socket") : QString::fromLocal8Bit(address);
}

Failure unreachable(const QString &why, const QString &fix)
{
    return {FailureKind::Unreachable,
            tr("Berth's helper is not reachable on the system bus: %1\n%2").arg(why, fix)};
}

QString installFix()
{
    return tr("To fix it, install Berth's D-Bus and polkit files so the bus can start the helper "
              "(from the source tree: `sudo ./dev.sh run`, or `sudo cmake --install build`), or start it "
              "by hand: `sudo berth-helper`.");
}

// Each reconnection gets a new name: a name that was disconnected may still be held by
// proxies that have not been rebuilt yet, and must not come back as the new connection.
struct BusName {
    QString name;
    int generation = 0;
};

BusName &busName()
{
    static BusName current;
    return current;
}

QDBusConnection connectAnew()
{
    BusName &current = busName();
    current.name = QStringLiteral("berth-system-bus-%1").arg(++current.generation);
    return QDBusConnection::connectToBus(QDBusConnection::SystemBus, current.name);
}

} // namespace

QDBusConnection systemBus()
{
    if (busName().name.isEmpty())
        return connectAnew();
    return QDBusConnection(busName().name);
}

QDBusConnection reconnectSystemBus()
{
    if (!busName().name.isEmpty())
        QDBusConnection::disconnectFromBus(busName().name);
    return connectAnew();
}

std::unique_ptr<HelperProxy> makeHelperProxy(int timeoutMs)
{
    auto proxy = std::make_unique<HelperProxy>(QLatin1String(dbusServiceName), QLatin1String(dbusObjectPath),
                                               systemBus());
    proxy->setTimeout(timeoutMs);
    return proxy;
}

Failure busUnreachable()
{
    return unreachable(tr("cannot connect to the system bus at %1 (%2).")
                           .arg(busAddressForHumans(), systemBus().lastError().message()),
                       tr("To fix it, start the system bus: `sudo service dbus start`."));
}

Failure describeFailure(const QDBusError &error)
{
    const QString name = error.name();
    const QString berthPrefix = QLatin1String(dbusErrorPrefix);
    if (name.startsWith(berthPrefix)) {
        const QString code = name.mid(berthPrefix.size());
        FailureKind kind = FailureKind::Other;
        if (code == QLatin1String("NotAuthorized"))
            kind = FailureKind::NotAuthorized;
        else if (code == QLatin1String("InvalidArgument"))
            kind = FailureKind::InvalidArgument;
        else if (code == QLatin1String("NotFound"))
            kind = FailureKind::NotFound;
        return {kind, error.message()};
    }
    switch (error.type()) {
    case QDBusError::ServiceUnknown:
        return unreachable(tr("no service named %1 is installed on the bus.").arg(QLatin1String(dbusServiceName)),
                           installFix());
    case QDBusError::Disconnected:
    case QDBusError::NoServer:
        return busUnreachable();
    case QDBusError::NoReply:
    case QDBusError::Timeout:
    case QDBusError::TimedOut:
        return unreachable(tr("the helper did not answer in time (%1).").arg(error.message()),
                           tr("It may be busy or stuck: check its log (`journalctl -t berth-helper`) or restart it."));
    case QDBusError::AccessDenied:
        return {FailureKind::NotAuthorized,
                tr("The system bus refused the call: %1\nBerth's bus policy (io.berth.Helper.conf) may be missing "
                   "or outdated; reinstall Berth.")
                    .arg(error.message())};
    case QDBusError::UnknownMethod:
    case QDBusError::UnknownInterface:
    case QDBusError::UnknownObject:
        return {FailureKind::Other, tr("The running helper does not know this request (%1). It is probably an older "
                                       "version: restart it so the installed one starts.")
                                        .arg(error.message())};
    default:
        break;
    }
    if (name.startsWith(QLatin1String("org.freedesktop.DBus.Error.Spawn")))
        return unreachable(tr("D-Bus could not start it (%1).").arg(error.message()),
                           tr("Run `sudo berth-helper` in a terminal to see why it fails to start."));
    return {FailureKind::Other, tr("The helper failed: %1 (%2)").arg(error.message(), name)};
}

} // namespace berth::client

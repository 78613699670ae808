// How the CLI and the GUI reach berth-helper: the bus, the generated proxy, and turning a
// D-Bus error into a message a person can act on.
#pragma once

#include "helper1_proxy.h"

#include <QDBusConnection>
#include <QDBusError>
#include <QString>

#include <memory>

namespace berth::client {

/// Reads are quick; a change may wait for a person to type a password into a polkit agent.
inline constexpr int readTimeoutMs = 25 * 1000;
inline constexpr int changeTimeoutMs = 5 * 60 * 1000;

/// The system bus (or the one DBUS_SYSTEM_BUS_ADDRESS names), as a named connection of
/// our own: Qt never retries QDBusConnection::systemBus() once it failed, so a client that
/// outlives a bus restart must be able to drop this one and connect again.
[[nodiscard]] QDBusConnection systemBus();
/// Drops the current connection to the system bus and connects anew (Retry after the bus
/// died or was not running yet). Proxies made before hold the old connection: make new ones.
[[nodiscard]] QDBusConnection reconnectSystemBus();
/// A proxy for io.berth.Helper1 on systemBus().
[[nodiscard]] std::unique_ptr<HelperProxy> makeHelperProxy(int timeoutMs = readTimeoutMs);

enum class FailureKind { Unreachable, NotAuthorized, InvalidArgument, NotFound, Other };

struct Failure {
    FailureKind kind = FailureKind::Other;
    /// A full sentence saying what happened and what to do; never a bare D-Bus error name.
    QString message;
};

/// Classifies a failed call. Named Berth errors carry the helper's own message; bus-level
/// errors (no helper, no bus, refused by policy) get an explanation and a fix.
[[nodiscard]] Failure describeFailure(const QDBusError &error);
/// The failure to report when the bus itself cannot be reached.
[[nodiscard]] Failure busUnreachable();

} // namespace berth::client

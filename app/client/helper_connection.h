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

/// The system bus (or the one DBUS_SYSTEM_BUS_ADDRESS names).
[[nodiscard]] QDBusConnection systemBus();
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

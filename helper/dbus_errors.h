// The one place where engine errors become named D-Bus errors (io.berth.Error.<Code>).
#pragma once

#include "engine/core/error.h"

#include <QDBusMessage>
#include <QString>

[[nodiscard]] QString dbusErrorName(berth::ErrorCode code);
[[nodiscard]] QDBusMessage errorReply(const QDBusMessage &request, const berth::Error &error);
[[nodiscard]] QDBusMessage errorReply(const QDBusMessage &request, berth::ErrorCode code, const QString &message);

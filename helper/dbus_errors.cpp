#include "dbus_errors.h"

#include "engine/core/version.h"

QString dbusErrorName(berth::ErrorCode code)
{
    const auto name = berth::errorCodeName(code);
    return QString::fromLatin1(berth::dbusErrorPrefix) + QString::fromLatin1(name.data(), qsizetype(name.size()));
}

QDBusMessage errorReply(const QDBusMessage &request, const berth::Error &error)
{
    return errorReply(request, error.code(), QString::fromStdString(error.describe()));
}

QDBusMessage errorReply(const QDBusMessage &request, berth::ErrorCode code, const QString &message)
{
    return request.createErrorReply(dbusErrorName(code), message);
}

#include "container_status.h"

#include "formatting.h"

#include <QLocale>

#include <algorithm>

namespace {

qint64 secondsSince(const QString &timestamp, const QDateTime &now)
{
    const QDateTime time = QDateTime::fromString(timestamp, Qt::ISODateWithMs);
    return time.isValid() ? std::max<qint64>(0, time.secsTo(now)) : 0;
}

} // namespace

QString ContainerStatus::tone(const QString &state, int exitCode)
{
    if (state == QLatin1String("running"))
        return QStringLiteral("positive");
    if (state == QLatin1String("paused") || state == QLatin1String("restarting"))
        return QStringLiteral("neutral");
    if (state == QLatin1String("dead") || (state == QLatin1String("exited") && exitCode != 0))
        return QStringLiteral("negative");
    return QStringLiteral("plain");
}

QString ContainerStatus::text(const QString &state, int exitCode, const QString &startedAt, const QString &finishedAt,
                              const QDateTime &now)
{
    using berth::client::humanDuration;
    if (state == QLatin1String("running"))
        return tr("Up %1").arg(humanDuration(secondsSince(startedAt, now)));
    if (state == QLatin1String("paused"))
        return tr("Up %1 (Paused)").arg(humanDuration(secondsSince(startedAt, now)));
    if (state == QLatin1String("restarting"))
        return tr("Restarting (%1) %2 ago").arg(exitCode).arg(humanDuration(secondsSince(finishedAt, now)));
    if (state == QLatin1String("exited"))
        return tr("Exited (%1) %2 ago").arg(exitCode).arg(humanDuration(secondsSince(finishedAt, now)));
    if (state == QLatin1String("created"))
        return tr("Created");
    if (state == QLatin1String("dead"))
        return tr("Dead");
    return state.left(1).toUpper() + state.mid(1);
}

QString ContainerStatus::localTime(const QString &rfc3339)
{
    const QDateTime time = QDateTime::fromString(rfc3339, Qt::ISODateWithMs);
    if (!time.isValid() || time.date().year() <= 1)
        return {};
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

// Small text helpers shared by the CLI and the GUI, so both show numbers the same way.
#pragma once

#include <QString>

namespace berth::client {

/// 1536 -> "1.5 KiB"; binary units as `docker info` prints memory.
[[nodiscard]] QString formatBytes(quint64 bytes);

} // namespace berth::client

namespace berth::client {

/// Sizes as docker prints them in tables: decimal units, three significant digits ("4.26MB").
[[nodiscard]] QString formatDecimalSize(quint64 bytes);
/// "3 hours", "About a minute", as docker's CREATED column (without " ago").
[[nodiscard]] QString humanDuration(qint64 seconds);
/// "2 days ago" for an RFC 3339 time, or the text itself if it does not parse.
[[nodiscard]] QString timeAgo(const QString &rfc3339);

} // namespace berth::client

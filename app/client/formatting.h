// Small text helpers shared by the CLI and the GUI, so both show numbers the same way.
#pragma once

#include <QString>

namespace berth::client {

/// 1536 -> "1.5 KiB"; binary units as `docker info` prints memory.
[[nodiscard]] QString formatBytes(quint64 bytes);

} // namespace berth::client

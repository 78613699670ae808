// A terminal joined to a container through an attach stream (AttachContainer): what is typed
// goes in (raw, with the detach keys watched for), what the container writes comes out,
// the window's size follows. Used by attach, run -i/-t and start -a.
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace berth::cli {

struct AttachSettings {
    QString container;          ///< id or name, for the signal proxy and messages
    bool tty = false;           ///< the container's process is on a terminal
    bool withInput = false;     ///< send what this process reads from stdin
    bool closeInputAtEnd = false; ///< end of our stdin ends the container's (run -i)
    bool proxySignals = true;   ///< without a terminal, SIGINT and friends go to the container
    QByteArray detachKeys;      ///< from parseDetachKeys; empty: none
    bool startFirst = false;    ///< start -a, run: start it with the stream attached
};

/// Docker's default --detach-keys.
inline constexpr const char *defaultDetachKeys = "ctrl-p,ctrl-q";

/// Docker's --detach-keys: comma-separated keys, each a letter or ctrl-<a-z @ [ \ ] ^ _>.
/// Nothing (and why in error) when the text is not that.
[[nodiscard]] std::optional<QByteArray> parseDetachKeys(const QString &text, QString &error);

/// Attaches and copies until the container ends (its exit code) or the detach keys are
/// typed (nullopt, having said so). Failures are reported; their code is returned.
[[nodiscard]] std::optional<int> attachAndCopy(const AttachSettings &settings, int failedCode);

} // namespace berth::cli

// Docker's detach keys (ctrl-p ctrl-q by default) watched for in what a person types into an
// attached container, shared by `berth attach` and the GUI's Attach tab so both detach alike.
#pragma once

#include <QByteArray>

#include <cstddef>
#include <string>

namespace berth::client {

/// ctrl-p, ctrl-q as the bytes a terminal sends for them.
inline constexpr char defaultDetachKeyBytes[] = "\x10\x11";

/// Holds back what may be the start of the detach keys and passes the rest on.
class DetachKeyWatcher {
public:
    explicit DetachKeyWatcher(QByteArray keys) : keys_(std::move(keys)) {}

    /// The bytes to send on; detached() tells whether the keys have been typed. Bytes after
    /// the keys are dropped: the session ends there.
    std::string feed(const char *data, std::size_t size)
    {
        std::string forward;
        for (std::size_t index = 0; index < size && !detached_; ++index) {
            const char byte = data[index];
            if (keys_.isEmpty()) {
                forward.push_back(byte);
                continue;
            }
            if (byte == keys_[matched_]) {
                if (++matched_ == keys_.size())
                    detached_ = true;
                continue;
            }
            // Not the keys after all: what was held goes on, and this byte may start them anew.
            forward.append(keys_.constData(), static_cast<std::size_t>(matched_));
            matched_ = 0;
            if (byte == keys_[0])
                matched_ = 1;
            else
                forward.push_back(byte);
        }
        return forward;
    }
    [[nodiscard]] bool detached() const { return detached_; }

private:
    QByteArray keys_;
    qsizetype matched_ = 0;
    bool detached_ = false;
};

} // namespace berth::client

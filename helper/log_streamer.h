// Streams one container's log into a caller's descriptors for `berth logs`, a foreground
// `berth run` and the GUI's Logs tab. Each stream reads and writes on its own thread so a
// slow reader holds back only itself: writes wait for the pipe (poll), never the helper's
// event loop, and the helper's memory does not grow with the log.
#pragma once

#include "engine/container/container_log.h"
#include "engine/core/error.h"
#include "engine/core/unique_fd.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <optional>
#include <thread>

class LogStreamer : public QObject {
    Q_OBJECT
public:
    /// How entries are written.
    enum class Format {
        /// As `docker logs` prints them: the text (after the time with timestamps), stdout
        /// entries to the first descriptor and stderr ones to the second.
        Plain,
        /// One JSON object per line on the first descriptor: {"stream","time","log"}; the
        /// GUI uses it to mark stderr and keep the two streams in order.
        JsonLines,
    };

    struct Options {
        berth::container::LogReadOptions read;
        bool follow = false;
        bool timestamps = false;
        Format format = Format::Plain;
    };

    /// Starts streaming the log in directory (the container's). errorOutput may be invalid
    /// with JsonLines. With follow, the stream goes on until containerStopped() is called
    /// and everything is written, or the caller closes its end.
    [[nodiscard]] static berth::Result<LogStreamer *> start(std::filesystem::path directory, Options options,
                                                           berth::UniqueFd output, berth::UniqueFd errorOutput,
                                                           QObject *parent);
    ~LogStreamer() override;

    /// The container's monitor has ended: read what it wrote last, then finish. Call on
    /// the owner's thread.
    void containerStopped();

Q_SIGNALS:
    /// The thread has ended (queued to the owner's thread); the caller sees the end of
    /// its stream when this object is deleted.
    void finished();

private:
    LogStreamer(std::unique_ptr<berth::container::ContainerLogReader> reader, Options options,
                berth::UniqueFd output, berth::UniqueFd errorOutput, berth::UniqueFd wakeup, QObject *parent);
    void run();
    /// Writes all of text to fd, waiting on poll; false when the reader went away or the
    /// stream is being cancelled.
    bool writeAll(int fd, std::string_view text);
    void signalWakeup();
    void drainWakeup();
    [[nodiscard]] berth::Status writeEntry(const berth::container::LogEntry &entry);

    std::unique_ptr<berth::container::ContainerLogReader> reader_;
    Options options_;
    berth::UniqueFd output_;
    berth::UniqueFd errorOutput_;
    /// An eventfd that wakes the thread's poll when a flag below changes.
    berth::UniqueFd wakeup_;
    std::atomic<bool> cancelled_{false};
    std::atomic<bool> stopped_{false};
    std::thread thread_;
};

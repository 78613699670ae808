#include "log_streamer.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

using namespace berth;
using berth::container::ContainerLogReader;
using berth::container::LogEntry;
using berth::container::LogStream;

namespace {

constexpr std::uint64_t wake = 1;

} // namespace

Result<LogStreamer *> LogStreamer::start(std::filesystem::path directory, Options options, UniqueFd output,
                                         UniqueFd errorOutput, QObject *parent)
{
    auto reader = ContainerLogReader::open(std::move(directory), options.read, options.follow);
    if (!reader)
        return std::unexpected(reader.error());
    UniqueFd wakeup(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
    if (!wakeup.valid())
        return failErrno("creating the log stream's wake-up descriptor", errno);
    for (int fd : {output.get(), errorOutput.get()}) {
        if (fd < 0)
            continue;
        // Writes wait in poll() so that cancelling never hangs on a reader that stopped reading.
        const int flags = ::fcntl(fd, F_GETFL);
        if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0)
            return failErrno("preparing the caller's descriptor for the log", errno);
    }
    return new LogStreamer(std::move(*reader), std::move(options), std::move(output), std::move(errorOutput),
                           std::move(wakeup), parent);
}

LogStreamer::LogStreamer(std::unique_ptr<ContainerLogReader> reader, Options options, UniqueFd output,
                         UniqueFd errorOutput, UniqueFd wakeup, QObject *parent)
    : QObject(parent), reader_(std::move(reader)), options_(std::move(options)), output_(std::move(output)),
      errorOutput_(std::move(errorOutput)), wakeup_(std::move(wakeup))
{
    thread_ = std::thread([this]() {
        run();
        // The descriptors close with the object, so that whoever handles finished() acts
        // before the caller sees the end of its stream.
        QMetaObject::invokeMethod(this, [this]() { emit finished(); }, Qt::QueuedConnection);
    });
}

LogStreamer::~LogStreamer()
{
    cancelled_ = true;
    signalWakeup();
    if (thread_.joinable())
        thread_.join();
}

void LogStreamer::containerStopped()
{
    stopped_ = true;
    signalWakeup();
}

void LogStreamer::signalWakeup()
{
    // A full counter already wakes the thread; nothing is lost when this write fails.
    (void)!::write(wakeup_.get(), &wake, sizeof wake);
}

void LogStreamer::drainWakeup()
{
    std::uint64_t value = 0;
    (void)!::read(wakeup_.get(), &value, sizeof value);
}

bool LogStreamer::writeAll(int fd, std::string_view text)
{
    while (!text.empty()) {
        if (cancelled_)
            return false;
        const ssize_t written = ::write(fd, text.data(), text.size());
        if (written > 0) {
            text.remove_prefix(static_cast<std::size_t>(written));
            continue;
        }
        if (written < 0 && errno == EINTR)
            continue;
        if (written < 0 && errno != EAGAIN)
            return false; // EPIPE: the reader has gone
        pollfd waits[2] = {{fd, POLLOUT, 0}, {wakeup_.get(), POLLIN, 0}};
        if (::poll(waits, 2, -1) < 0 && errno != EINTR)
            return false;
        if ((waits[0].revents & (POLLERR | POLLHUP)) != 0)
            return false;
        if ((waits[1].revents & POLLIN) != 0)
            drainWakeup();
    }
    return true;
}

Status LogStreamer::writeEntry(const LogEntry &entry)
{
    bool written = false;
    if (options_.format == Format::JsonLines) {
        const nlohmann::json line = {{"stream", entry.stream == LogStream::Stderr ? "stderr" : "stdout"},
                                     {"time", entry.time},
                                     {"log", entry.text}};
        // Invalid UTF-8 from a program is replaced rather than ending the stream.
        written = writeAll(output_.get(), line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n');
    } else {
        const int fd = entry.stream == LogStream::Stderr && errorOutput_.valid() ? errorOutput_.get() : output_.get();
        written = writeAll(fd, container::formatLogEntry(entry, options_.timestamps));
    }
    if (!written)
        return fail(ErrorCode::Io, "the log's reader has gone");
    return {};
}

void LogStreamer::run()
{
    const auto sink = [this](const LogEntry &entry) { return writeEntry(entry); };
    if (!reader_->readExisting(sink) || !options_.follow)
        return;
    // The flags are the truth; the eventfd only wakes the poll, and writeAll may empty it.
    bool markedStopped = false;
    if (stopped_) {
        reader_->markContainerStopped();
        markedStopped = true;
    }
    while (!reader_->finished() && !cancelled_) {
        // events 0 on the outputs still reports POLLERR once the caller closes its end.
        pollfd waits[4] = {{reader_->pollFd(), POLLIN, 0},
                           {wakeup_.get(), POLLIN, 0},
                           {output_.get(), 0, 0},
                           {errorOutput_.get(), 0, 0}};
        if (::poll(waits, 4, -1) < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        if ((waits[1].revents & POLLIN) != 0)
            drainWakeup();
        if (cancelled_)
            return;
        if (stopped_ && !markedStopped) {
            reader_->markContainerStopped();
            markedStopped = true;
        }
        if (((waits[2].revents | waits[3].revents) & (POLLERR | POLLHUP)) != 0)
            return;
        if (!reader_->readNew(sink))
            return;
    }
}

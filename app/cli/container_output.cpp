#include "container_output.h"

#include "cli.h"

#include <QEventLoop>
#include <QSocketNotifier>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace berth::cli {

namespace {

/// Writes all of data to fd; false once the reader of our output has gone.
bool writeAll(int fd, const char *data, ssize_t size)
{
    while (size > 0) {
        const ssize_t written = ::write(fd, data, static_cast<size_t>(size));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        data += written;
        size -= written;
    }
    return true;
}

} // namespace

std::optional<ContainerOutput> ContainerOutput::open()
{
    int outputPipe[2];
    int errorPipe[2];
    if (::pipe2(outputPipe, O_CLOEXEC) != 0) {
        err() << tr("Error:") << ' ' << tr("cannot make a pipe for the container's output: %1").arg(QString::fromLocal8Bit(std::strerror(errno))) << '\n';
        return std::nullopt;
    }
    ContainerOutput output;
    output.outputRead_.reset(outputPipe[0]);
    output.outputWrite_.reset(outputPipe[1]);
    if (::pipe2(errorPipe, O_CLOEXEC) != 0) {
        err() << tr("Error:") << ' ' << tr("cannot make a pipe for the container's output: %1").arg(QString::fromLocal8Bit(std::strerror(errno))) << '\n';
        return std::nullopt;
    }
    output.errorRead_.reset(errorPipe[0]);
    output.errorWrite_.reset(errorPipe[1]);
    return output;
}

QDBusUnixFileDescriptor ContainerOutput::outputForHelper() const
{
    return QDBusUnixFileDescriptor(outputWrite_.get());
}

QDBusUnixFileDescriptor ContainerOutput::errorOutputForHelper() const
{
    return QDBusUnixFileDescriptor(errorWrite_.get());
}

void ContainerOutput::closeHelperEnds()
{
    outputWrite_.reset();
    errorWrite_.reset();
}

void ContainerOutput::copyUntilEnd()
{
    out().flush();
    err().flush();
    QEventLoop loop;
    struct Stream {
        UniqueFd *source;
        int target;
        std::optional<QSocketNotifier> notifier;
    };
    Stream streams[] = {{&outputRead_, STDOUT_FILENO, {}}, {&errorRead_, STDERR_FILENO, {}}};
    char buffer[65536];
    const auto openStreams = [&streams]() {
        return std::ranges::count_if(streams, [](const Stream &stream) { return stream.source->valid(); });
    };
    // One read; false once the stream has ended (or our own reader has gone, as with `| head`,
    // so the helper sees its end too).
    const auto copyOnce = [&buffer](Stream &stream) {
        const ssize_t got = ::read(stream.source->get(), buffer, sizeof buffer);
        if (got < 0 && (errno == EINTR || errno == EAGAIN))
            return errno == EINTR;
        if (got > 0 && writeAll(stream.target, buffer, got))
            return true;
        stream.notifier.reset();
        stream.source->reset();
        return false;
    };
    for (auto &stream : streams) {
        const int flags = ::fcntl(stream.source->get(), F_GETFL);
        ::fcntl(stream.source->get(), F_SETFL, flags | O_NONBLOCK);
        stream.notifier.emplace(stream.source->get(), QSocketNotifier::Read);
        QObject::connect(&*stream.notifier, &QSocketNotifier::activated, &loop, [&, target = &stream]() {
            if (!copyOnce(*target) && openStreams() == 0)
                loop.quit();
        });
    }
    loop.exec();
    for (auto &stream : streams) {
        stream.notifier.reset();
        stream.source->reset();
    }
}

} // namespace berth::cli

#include "container_attach.h"

#include "cli.h"

#include "detach_keys.h"
#include "helper/dbus/attach_protocol.h"
#include "engine/core/unique_fd.h"

#include <QCoreApplication>
#include <QDBusPendingCallWatcher>
#include <QEventLoop>
#include <QSocketNotifier>
#include <QDBusUnixFileDescriptor>

#include <array>
#include <deque>
#include <functional>
#include <optional>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

namespace berth::cli {

namespace attach = berth::attach;

namespace {

/// Where the signal handler writes while a session runs (a handler can reach only globals).
volatile sig_atomic_t signalWriteFd = -1;

bool writeAll(int fd, const char *data, std::size_t size)
{
    while (size > 0) {
        const ssize_t written = ::write(fd, data, size);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        data += written;
        size -= static_cast<std::size_t>(written);
    }
    return true;
}

/// The resize packet for this terminal's size, or nothing when it has none.
std::optional<std::string> windowSizePacket()
{
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 && ::ioctl(STDIN_FILENO, TIOCGWINSZ, &size) != 0)
        return std::nullopt;
    if (size.ws_row == 0 || size.ws_col == 0)
        return std::nullopt;
    return attach::resizePacket(size.ws_row, size.ws_col);
}

} // namespace

std::optional<QByteArray> parseDetachKeys(const QString &text, QString &error)
{
    QByteArray keys;
    if (text.isEmpty())
        return keys;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QString key = part.trimmed();
        if (key.size() == 1 && key.at(0).unicode() < 128) {
            keys.append(key.at(0).toLatin1());
            continue;
        }
        if (key.size() == 6 && key.startsWith(QLatin1String("ctrl-"), Qt::CaseInsensitive)) {
            const char letter = key.at(5).toLower().toLatin1();
            if ((letter >= 'a' && letter <= 'z') || QByteArray("@[\\]^_").contains(letter)) {
                keys.append(static_cast<char>(letter >= 'a' && letter <= 'z' ? letter - 'a' + 1 : letter & 0x1f));
                continue;
            }
        }
        error = tr("invalid detach key `%1`: give keys as a letter or ctrl-<a-z, @, [, \\, ], ^ or _>, separated by "
                   "commas, as in ctrl-p,ctrl-q")
                    .arg(key);
        return std::nullopt;
    }
    return keys;
}

std::optional<int> attachAndCopy(const AttachSettings &settings, int failedCode)
{
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) != 0) {
        err() << tr("Error:") << ' ' << tr("cannot make the socket pair for attaching: %1").arg(QString::fromLocal8Bit(std::strerror(errno))) << '\n';
        return failedCode;
    }
    UniqueFd stream(pair[0]);
    UniqueFd helperEnd(pair[1]);
    out().flush();
    err().flush();

    // Signals first, before the terminal turns raw and the container starts, so that one
    // arriving in between leaves neither behind. Without a terminal, docker's --sig-proxy
    // sends them to the container; with one (raw: ^C arrives as a byte), SIGTERM and SIGHUP
    // end the session cleanly.
    constexpr std::array handledSignals{SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH};
    std::array<struct sigaction, handledSignals.size()> previousActions{};
    int signalPipe[2] = {-1, -1};
    if (::pipe2(signalPipe, O_CLOEXEC | O_NONBLOCK) == 0) {
        signalWriteFd = signalPipe[1];
        struct sigaction action {};
        action.sa_handler = [](int signal) {
            const auto number = static_cast<unsigned char>(signal);
            (void)!::write(signalWriteFd, &number, 1);
        };
        action.sa_flags = SA_RESTART;
        sigemptyset(&action.sa_mask);
        for (std::size_t index = 0; index < handledSignals.size(); ++index)
            ::sigaction(handledSignals[index], &action, &previousActions[index]);
    }

    const bool rawTerminal = settings.tty && settings.withInput && ::isatty(STDIN_FILENO);
    termios saved{};
    if (rawTerminal && ::tcgetattr(STDIN_FILENO, &saved) == 0) {
        termios raw = saved;
        ::cfmakeraw(&raw);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &raw);
    }
    // Never blocking on the stream: the monitor may be waiting for us to read its output
    // while we wait for it to take input (a container that does not read its stdin).
    ::fcntl(stream.get(), F_SETFL, ::fcntl(stream.get(), F_GETFL) | O_NONBLOCK);
    // Packets for the monitor not yet taken; each goes whole.
    std::deque<std::string> outgoing;
    // Queued before the call, so the container's terminal has the right size from the start.
    if (settings.tty) {
        if (auto packet = windowSizePacket())
            (void)::send(stream.get(), packet->data(), packet->size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    }

    auto proxy = berth::client::makeHelperProxy(24 * 3600 * 1000);
    QDBusPendingReply<int> reply = proxy->AttachContainer(
        settings.container, {{QStringLiteral("Start"), settings.startFirst}}, QDBusUnixFileDescriptor(helperEnd.get()));
    helperEnd.reset();

    // As docker: the detach keys only on a terminal; a binary stream through -i may hold them.
    berth::client::DetachKeyWatcher watcher(settings.tty ? settings.detachKeys : QByteArray());
    bool inputOpen = settings.withInput;
    bool streamOpen = true;
    bool endedBySignal = false;
    std::array<char, attach::maxPayload + 16> buffer{};
    // Qt's event loop, not a poll() of our own: the helper's answer arrives on the bus's
    // thread and is posted to this one, which only the event loop wakes for at once. (Our
    // own end of the stream stays open in the pending call's message, so its end of file
    // cannot tell us the container ended.)
    QEventLoop loop;
    std::function<void(std::string)> queuePacket;
    const auto finishIfOver = [&]() {
        if (!streamOpen || watcher.detached() || endedBySignal)
            loop.quit();
    };
    // The answer came (the container ended, or it could not be attached): what the monitor
    // sent before it ended is all in the socket already.
    const auto drainAndEnd = [&]() {
        while (true) {
            const ssize_t got = ::recv(stream.get(), buffer.data(), buffer.size(), MSG_DONTWAIT);
            if (got <= 0)
                break;
            if (got > 1)
                writeAll(buffer[0] == attach::errorOutput ? STDERR_FILENO : STDOUT_FILENO, buffer.data() + 1,
                         static_cast<std::size_t>(got - 1));
        }
        streamOpen = false;
        loop.quit();
    };
    std::optional<QSocketNotifier> inputNotifier;
    QSocketNotifier writeNotifier(stream.get(), QSocketNotifier::Write);
    writeNotifier.setEnabled(false);
    // Sends what the monitor takes now; while some waits, stdin is not read (the container
    // sets the pace of its input, as a pipe would).
    const auto flushOutgoing = [&]() {
        while (!outgoing.empty()) {
            const std::string &packet = outgoing.front();
            const ssize_t sent = ::send(stream.get(), packet.data(), packet.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
            if (sent < 0 && errno == EINTR)
                continue;
            if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                break;
            if (sent < 0) {
                outgoing.clear(); // the monitor has gone; its answer says how it ended
                break;
            }
            outgoing.pop_front();
        }
        writeNotifier.setEnabled(!outgoing.empty());
        if (inputNotifier)
            inputNotifier->setEnabled(inputOpen && outgoing.empty());
    };
    queuePacket = [&](std::string packet) {
        outgoing.push_back(std::move(packet));
        flushOutgoing();
    };
    QObject::connect(&writeNotifier, &QSocketNotifier::activated, &loop, flushOutgoing);
    QSocketNotifier streamNotifier(stream.get(), QSocketNotifier::Read);
    QObject::connect(&streamNotifier, &QSocketNotifier::activated, &loop, [&]() {
        const ssize_t got = ::recv(stream.get(), buffer.data(), buffer.size(), MSG_DONTWAIT);
        if (got == 0 || (got < 0 && errno != EINTR && errno != EAGAIN)) {
            streamOpen = false;
        } else if (got > 1) {
            const int target = buffer[0] == attach::errorOutput ? STDERR_FILENO : STDOUT_FILENO;
            if (!writeAll(target, buffer.data() + 1, static_cast<std::size_t>(got - 1)))
                endedBySignal = true; // our reader has gone (| head): so do we
        }
        finishIfOver();
    });
    if (inputOpen) {
        inputNotifier.emplace(STDIN_FILENO, QSocketNotifier::Read);
        QObject::connect(&*inputNotifier, &QSocketNotifier::activated, &loop, [&]() {
            const ssize_t got = ::read(STDIN_FILENO, buffer.data(), attach::maxPayload);
            if (got < 0 && (errno == EINTR || errno == EAGAIN))
                return;
            if (got <= 0) {
                inputOpen = false;
                inputNotifier->setEnabled(false);
                if (settings.closeInputAtEnd)
                    queuePacket(attach::packet(attach::closeInput));
            } else {
                const std::string forward = watcher.feed(buffer.data(), static_cast<std::size_t>(got));
                for (std::size_t offset = 0; offset < forward.size(); offset += attach::maxPayload)
                    queuePacket(attach::packet(attach::input, std::string_view(forward).substr(offset, attach::maxPayload)));
            }
            finishIfOver();
        });
    }
    std::optional<QSocketNotifier> signalNotifier;
    if (signalPipe[0] >= 0) {
        signalNotifier.emplace(signalPipe[0], QSocketNotifier::Read);
        QObject::connect(&*signalNotifier, &QSocketNotifier::activated, &loop, [&]() {
            unsigned char number = 0;
            while (::read(signalPipe[0], &number, 1) == 1) {
                if (number == SIGWINCH) {
                    if (auto packet = settings.tty ? windowSizePacket() : std::nullopt)
                        queuePacket(std::move(*packet));
                } else if (settings.tty || !settings.proxySignals) {
                    endedBySignal = true;
                } else {
                    proxy->KillContainer(settings.container, QString::number(number)).waitForFinished();
                }
            }
            finishIfOver();
        });
    }
    QDBusPendingCallWatcher answer(reply);
    QObject::connect(&answer, &QDBusPendingCallWatcher::finished, &loop, drainAndEnd);
    if (reply.isFinished())
        drainAndEnd();
    else
        loop.exec();
    if (signalPipe[0] >= 0) {
        for (std::size_t index = 0; index < handledSignals.size(); ++index)
            ::sigaction(handledSignals[index], &previousActions[index], nullptr);
        signalWriteFd = -1;
        ::close(signalPipe[0]);
        ::close(signalPipe[1]);
    }
    if (rawTerminal)
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    if (watcher.detached() || endedBySignal) {
        // Closing our end is the detach: the container goes on.
        stream.reset();
        err() << (settings.tty ? QStringLiteral("\r\n") : QString())
              << tr("Detached from %1; it keeps running (berth attach %1 to come back, berth stop %1 to stop it).")
                     .arg(settings.container)
              << '\n';
        err().flush();
        return std::nullopt;
    }
    reply.waitForFinished();
    if (reply.isError()) {
        reportFailure(berth::client::describeFailure(reply.error()));
        return failedCode;
    }
    return reply.value();
}

} // namespace berth::cli

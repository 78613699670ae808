#include "container_attachment.h"

#include "command_text.h"
#include "detach_keys.h"
#include "helper/dbus/attach_protocol.h"
#include "helper_client.h"
#include "helper_connection.h"

#include <QDBusPendingCallWatcher>
#include <QDBusUnixFileDescriptor>
#include <QSocketNotifier>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/socket.h>

namespace attach = berth::attach;

namespace {

// Read at most this many packets per wake-up, so a container printing without pause still
// lets the window repaint and take keys in between.
constexpr int packetsPerWakeUp = 64;

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

ContainerAttachment::ContainerAttachment(QObject *parent) : QObject(parent) {}

ContainerAttachment::~ContainerAttachment()
{
    closeStream();
}

void ContainerAttachment::setName(const QString &name)
{
    if (name_ == name)
        return;
    name_ = name;
    Q_EMIT nameChanged();
}

void ContainerAttachment::setView(TerminalView *view)
{
    if (view_ == view)
        return;
    if (view_)
        disconnect(view_, nullptr, this, nullptr);
    view_ = view;
    if (view_) {
        connect(view_, &TerminalView::programInput, this, &ContainerAttachment::typed);
        connect(view_, &TerminalView::terminalSizeChanged, this, &ContainerAttachment::sendWindowSize);
    }
    Q_EMIT viewChanged();
}

void ContainerAttachment::setSendInput(bool sendInput)
{
    if (sendInput_ == sendInput)
        return;
    sendInput_ = sendInput;
    Q_EMIT sendInputChanged();
}

QString ContainerAttachment::commandLine() const
{
    return berth::gui::commandLine(
        {QStringLiteral("attach"), name_.isEmpty() ? QStringLiteral("CONTAINER") : name_});
}

void ContainerAttachment::attach()
{
    HelperClient::instance()->showCommand(commandLine());
    if (!view_)
        return fail(tr("The terminal has no view to show the container in; reopen the container's page."));
    if (name_.isEmpty())
        return fail(tr("No container is chosen to attach to."));
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty())
        return fail(failure);
    closeStream();
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) != 0)
        return fail(tr("Cannot make the socket pair to attach through: %1. Close other programs' windows and try again.")
                        .arg(systemError(errno)));
    stream_ = berth::UniqueFd(pair[0]);
    berth::UniqueFd helperEnd(pair[1]);
    const int flags = ::fcntl(stream_.get(), F_GETFL);
    ::fcntl(stream_.get(), F_SETFL, flags | O_NONBLOCK);

    detachKeys_ = std::make_unique<berth::client::DetachKeyWatcher>(QByteArray(berth::client::defaultDetachKeyBytes));
    streamOver_ = answered_ = false;
    exitCode_ = 0;
    setError({});
    // A fresh screen: what an earlier session drew is not this container's terminal now.
    view_->feed(QByteArrayLiteral("\x1b" "c"));
    // Queued before the call, so the container's terminal has this view's size from the start.
    sendWindowSize();

    readNotifier_ = new QSocketNotifier(stream_.get(), QSocketNotifier::Read, this);
    connect(readNotifier_, &QSocketNotifier::activated, this, &ContainerAttachment::readAvailable);
    writeNotifier_ = new QSocketNotifier(stream_.get(), QSocketNotifier::Write, this);
    writeNotifier_->setEnabled(!pending_.empty());
    connect(writeNotifier_, &QSocketNotifier::activated, this, &ContainerAttachment::writePending);

    const quint64 session = ++session_;
    const QString asked = name_;
    // The helper answers when the container ends, which may be days from now.
    auto proxy = berth::client::makeHelperProxy(24 * 3600 * 1000);
    auto *watcher = new QDBusPendingCallWatcher(
        proxy->AttachContainer(name_, {{QStringLiteral("Start"), false}}, QDBusUnixFileDescriptor(helperEnd.get())),
        this);
    helperEnd.reset();
    setPhase(QStringLiteral("attached"));
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, session, asked]() {
        watcher->deleteLater();
        if (session != session_)
            return;
        QDBusPendingReply<int> reply = *watcher;
        if (reply.isError()) {
            closeStream();
            return fail(tr("Cannot attach to %1: %2").arg(asked, berth::client::describeFailure(reply.error()).message));
        }
        exitCode_ = reply.value();
        answered_ = true;
        // What the monitor sent before the container ended is in the socket already.
        if (stream_.valid())
            readAvailable();
        if (!stream_.valid() || streamOver_) {
            closeStream();
            setPhase(QStringLiteral("exited"));
        }
    });
}

void ContainerAttachment::detach()
{
    if (phase_ != QLatin1String("attached"))
        return;
    // Closing our end is the detach; the answer that comes when the container ends is not ours.
    ++session_;
    closeStream();
    setPhase(QStringLiteral("detached"));
}

void ContainerAttachment::typed(const QByteArray &bytes)
{
    if (!stream_.valid() || !detachKeys_)
        return;
    const std::string forward = detachKeys_->feed(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    if (sendInput_) {
        for (std::size_t offset = 0; offset < forward.size(); offset += attach::maxPayload)
            queuePacket(attach::packet(attach::input, std::string_view(forward).substr(offset, attach::maxPayload)));
    }
    if (detachKeys_->detached())
        detach();
}

void ContainerAttachment::sendWindowSize()
{
    if (!view_ || !stream_.valid())
        return;
    queuePacket(attach::resizePacket(static_cast<std::uint16_t>(std::clamp(view_->rows(), 1, 0xffff)),
                                     static_cast<std::uint16_t>(std::clamp(view_->columns(), 1, 0xffff))));
}

void ContainerAttachment::queuePacket(std::string packet)
{
    pending_.push_back(std::move(packet));
    if (!writeNotifier_ || !writeNotifier_->isEnabled())
        writePending();
}

void ContainerAttachment::writePending()
{
    while (stream_.valid() && !pending_.empty()) {
        const std::string &packet = pending_.front();
        const ssize_t sent = ::send(stream_.get(), packet.data(), packet.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent >= 0) {
            pending_.pop_front();
            continue;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            break;
        // The monitor has closed its end: the container is ending; its answer tells how.
        pending_.clear();
        streamEnded();
        return;
    }
    if (writeNotifier_)
        writeNotifier_->setEnabled(!pending_.empty());
}

void ContainerAttachment::readAvailable()
{
    std::array<char, attach::maxPayload + 16> buffer{};
    QByteArray shown;
    for (int round = 0; round < packetsPerWakeUp && stream_.valid(); ++round) {
        const ssize_t got = ::recv(stream_.get(), buffer.data(), buffer.size(), MSG_DONTWAIT);
        if (got > 1 && (buffer[0] == attach::output || buffer[0] == attach::errorOutput)) {
            shown.append(buffer.data() + 1, got - 1);
            continue;
        }
        if (got > 0)
            continue;
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (view_ && !shown.isEmpty())
            view_->feed(shown);
        if (got < 0)
            setError(tr("Reading from %1's terminal failed: %2.").arg(name_, systemError(errno)));
        streamEnded();
        return;
    }
    if (view_ && !shown.isEmpty())
        view_->feed(shown);
}

void ContainerAttachment::streamEnded()
{
    streamOver_ = true;
    closeStream();
    if (answered_)
        setPhase(QStringLiteral("exited"));
}

void ContainerAttachment::closeStream()
{
    // Notifiers may be the ones calling us: delete them later.
    for (QSocketNotifier *notifier : {readNotifier_, writeNotifier_}) {
        if (notifier) {
            notifier->setEnabled(false);
            notifier->deleteLater();
        }
    }
    readNotifier_ = writeNotifier_ = nullptr;
    pending_.clear();
    stream_.reset();
}

void ContainerAttachment::fail(const QString &error)
{
    setError(error);
    setPhase(QStringLiteral("failed"));
}

void ContainerAttachment::setPhase(const QString &phase)
{
    if (phase_ == phase)
        return;
    phase_ = phase;
    Q_EMIT phaseChanged();
}

void ContainerAttachment::setError(const QString &error)
{
    if (error_ == error)
        return;
    error_ = error;
    Q_EMIT errorChanged();
}

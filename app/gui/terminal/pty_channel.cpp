#include "pty_channel.h"


#include <QDBusUnixFileDescriptor>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

namespace {

// Read at most this much in one go, so that a program printing without pause still lets
// the window repaint and take keys in between.
constexpr int readRoundsPerWakeUp = 16;
constexpr size_t readChunk = 64 * 1024;

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

PtyChannel::PtyChannel(QObject *parent) : QObject(parent) {}

PtyChannel::~PtyChannel()
{
    close();
}

void PtyChannel::setView(TerminalView *view)
{
    if (view == view_)
        return;
    if (view_)
        disconnect(view_, nullptr, this, nullptr);
    view_ = view;
    if (view_) {
        connect(view_, &TerminalView::programInput, this, &PtyChannel::write);
        connect(view_, &TerminalView::terminalSizeChanged, this, &PtyChannel::applyWindowSize);
        applyWindowSize();
    }
    Q_EMIT viewChanged();
}

bool PtyChannel::attach(int fd)
{
    close();
    if (fd < 0) {
        setError(tr("Cannot connect the terminal to file descriptor `%1`: it is not an open descriptor. "
                    "Close the terminal and open it again.")
                     .arg(fd));
        return false;
    }
    berth::UniqueFd copy(::fcntl(fd, F_DUPFD_CLOEXEC, 3));
    if (!copy.valid()) {
        setError(tr("Cannot connect the terminal to file descriptor `%1`: duplicating it failed: %2. "
                    "Close the terminal and open it again.")
                     .arg(fd)
                     .arg(systemError(errno)));
        return false;
    }
    // The flag belongs to the open file, which the sender shares; it only ever reads or
    // writes it through us once it has handed it over.
    const int flags = ::fcntl(copy.get(), F_GETFL);
    if (flags < 0 || ::fcntl(copy.get(), F_SETFL, flags | O_NONBLOCK) < 0) {
        setError(tr("Cannot connect the terminal to file descriptor `%1`: making it non-blocking failed: %2. "
                    "Close the terminal and open it again.")
                     .arg(fd)
                     .arg(systemError(errno)));
        return false;
    }
    fd_ = std::move(copy);
    isTerminal_ = ::isatty(fd_.get()) == 1;
    struct stat status {};
    isSocket_ = ::fstat(fd_.get(), &status) == 0 && S_ISSOCK(status.st_mode);

    readNotifier_ = new QSocketNotifier(fd_.get(), QSocketNotifier::Read, this);
    connect(readNotifier_, &QSocketNotifier::activated, this, &PtyChannel::readAvailable);
    writeNotifier_ = new QSocketNotifier(fd_.get(), QSocketNotifier::Write, this);
    writeNotifier_->setEnabled(false);
    connect(writeNotifier_, &QSocketNotifier::activated, this, &PtyChannel::writePending);

    setError({});
    Q_EMIT openChanged();
    applyWindowSize();
    return true;
}

bool PtyChannel::attach(const QDBusUnixFileDescriptor &fd)
{
    if (!fd.isValid()) {
        close();
        setError(tr("Cannot connect the terminal: the helper sent no valid file descriptor. "
                    "Close the terminal and open it again."));
        return false;
    }
    return attach(fd.fileDescriptor());
}

void PtyChannel::close()
{
    const bool wasOpen = fd_.valid();
    // Notifiers may be the ones calling us (end of file seen in readAvailable): delete later.
    for (QSocketNotifier *notifier : {readNotifier_, writeNotifier_}) {
        if (notifier) {
            notifier->setEnabled(false);
            notifier->deleteLater();
        }
    }
    readNotifier_ = writeNotifier_ = nullptr;
    fd_.reset();
    writeBuffer_.clear();
    isTerminal_ = isSocket_ = false;
    if (wasOpen)
        Q_EMIT openChanged();
}

void PtyChannel::write(const QByteArray &bytes)
{
    if (!fd_.valid() || bytes.isEmpty())
        return;
    writeBuffer_.append(bytes);
    if (!writeNotifier_->isEnabled())
        writePending();
}

void PtyChannel::readAvailable()
{
    QByteArray received;
    char buffer[readChunk];
    for (int round = 0; round < readRoundsPerWakeUp; ++round) {
        const ssize_t count = ::read(fd_.get(), buffer, sizeof buffer);
        if (count > 0) {
            received.append(buffer, qsizetype(count));
            if (size_t(count) < sizeof buffer)
                break;
            continue;
        }
        const int error = count < 0 ? errno : 0;
        if (error == EINTR)
            continue;
        if (error == EAGAIN || error == EWOULDBLOCK)
            break;
        // The last output before the end still belongs on the screen.
        if (view_ && !received.isEmpty())
            view_->feed(received);
        // End of file, or EIO: a pty master reads EIO once no process has the other side open.
        if (error == 0 || error == EIO)
            finish({});
        else
            finish(tr("Reading from the terminal failed: %1. Close the terminal and open it again.")
                       .arg(systemError(error)));
        return;
    }
    if (view_ && !received.isEmpty())
        view_->feed(received);
}

void PtyChannel::writePending()
{
    while (fd_.valid() && !writeBuffer_.isEmpty()) {
        // On a socket, send() without SIGPIPE: a shell gone must not end the whole GUI.
        const ssize_t count =
            isSocket_ ? ::send(fd_.get(), writeBuffer_.constData(), size_t(writeBuffer_.size()), MSG_NOSIGNAL)
                      : ::write(fd_.get(), writeBuffer_.constData(), size_t(writeBuffer_.size()));
        if (count > 0) {
            writeBuffer_.remove(0, qsizetype(count));
            continue;
        }
        const int error = count < 0 ? errno : EIO;
        if (error == EINTR)
            continue;
        if (error == EAGAIN || error == EWOULDBLOCK)
            break;
        if (error == EIO || error == EPIPE || error == ECONNRESET)
            finish({});
        else
            finish(tr("Writing to the terminal failed: %1. Close the terminal and open it again.")
                       .arg(systemError(error)));
        return;
    }
    if (writeNotifier_)
        writeNotifier_->setEnabled(!writeBuffer_.isEmpty());
}

void PtyChannel::applyWindowSize()
{
    if (!view_ || !fd_.valid())
        return;
    const int rows = view_->rows();
    const int columns = view_->columns();
    if (isTerminal_) {
        winsize size{};
        size.ws_row = static_cast<unsigned short>(rows);
        size.ws_col = static_cast<unsigned short>(columns);
        size.ws_xpixel = static_cast<unsigned short>(columns * view_->cellWidth());
        size.ws_ypixel = static_cast<unsigned short>(rows * view_->cellHeight());
        // The kernel sends SIGWINCH to the shell's foreground job.
        if (::ioctl(fd_.get(), TIOCSWINSZ, &size) < 0)
            setError(tr("Setting the terminal's size to %1×%2 failed: %3. Programs may draw for the old size.")
                         .arg(columns)
                         .arg(rows)
                         .arg(systemError(errno)));
    }
    Q_EMIT windowSizeChanged(rows, columns);
}

void PtyChannel::finish(const QString &error)
{
    close();
    if (!error.isEmpty())
        setError(error);
    Q_EMIT closed();
}

void PtyChannel::setError(const QString &error)
{
    if (error == errorString_)
        return;
    errorString_ = error;
    Q_EMIT errorStringChanged();
}

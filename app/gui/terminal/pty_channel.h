// Connects a TerminalView to a file descriptor (a pty master handed over by the helper):
// what the program writes goes to the view, keys and replies from the view go to the
// program, and the view's size reaches the pty as its window size.
#pragma once

#include "engine/core/unique_fd.h"
#include "terminal_view.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>

class QDBusUnixFileDescriptor;
class QSocketNotifier;

class PtyChannel : public QObject {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(TerminalView *view READ view WRITE setView NOTIFY viewChanged)
    Q_PROPERTY(bool open READ isOpen NOTIFY openChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    explicit PtyChannel(QObject *parent = nullptr);
    ~PtyChannel() override;

    [[nodiscard]] TerminalView *view() const { return view_; }
    /// The view to feed; its input goes to the descriptor and its size to the pty.
    void setView(TerminalView *view);
    [[nodiscard]] bool isOpen() const { return fd_.valid(); }
    /// Why the last attach, read or write failed, or empty.
    [[nodiscard]] QString errorString() const { return errorString_; }

    /// Uses a duplicate of fd (the caller keeps and closes its own), made non-blocking,
    /// closing any descriptor used before. False, with errorString set, when fd is unusable.
    Q_INVOKABLE bool attach(int fd);
    /// The same for a descriptor received over D-Bus.
    bool attach(const QDBusUnixFileDescriptor &fd);
    /// Stops using the descriptor; closed() is not emitted for this.
    Q_INVOKABLE void close();
    /// Queues bytes for the program; what the descriptor does not take now is written when
    /// it can take more.
    Q_INVOKABLE void write(const QByteArray &bytes);
    /// Bytes queued and not yet written.
    [[nodiscard]] qsizetype pendingBytes() const { return writeBuffer_.size(); }

Q_SIGNALS:
    void viewChanged();
    void openChanged();
    void errorStringChanged();
    /// The other end is gone (end of file, or EIO once the shell exited and closed the pty),
    /// or reading or writing failed (see errorString). The descriptor is closed by then.
    void closed();
    /// The view has a new size in cells. A pty gets it as its window size already; a
    /// descriptor that is no terminal (a socket, a pipe) needs its peer told, from here.
    void windowSizeChanged(int rows, int columns);

private:
    void readAvailable();
    void writePending();
    void applyWindowSize();
    void finish(const QString &error);
    void setError(const QString &error);

    berth::UniqueFd fd_;
    bool isTerminal_ = false;
    bool isSocket_ = false;
    QPointer<TerminalView> view_;
    QSocketNotifier *readNotifier_ = nullptr;
    QSocketNotifier *writeNotifier_ = nullptr;
    QByteArray writeBuffer_;
    QString errorString_;
};

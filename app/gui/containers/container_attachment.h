// The Terminal tab's Attach mode, as `berth attach NAME`: the view shows the terminal of the
// container's main process (a container run with -t) through an attach stream handed to its
// berth-monitor (AttachContainer); keys go to it when it was started with -i, the view's size
// follows. Detaching (the button, or ctrl-p ctrl-q typed in the view) closes only our end:
// the container keeps running. When the container ends, its exit code is shown.
#pragma once

#include "engine/core/unique_fd.h"
#include "terminal_view.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>

#include <deque>
#include <memory>
#include <string>

namespace berth::client {
class DetachKeyWatcher;
}
class QSocketNotifier;

class ContainerAttachment : public QObject {
    Q_OBJECT
    QML_ELEMENT
    /// The container: a name, id or id prefix.
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY nameChanged)
    /// Where the container's terminal is shown; typed keys come from it.
    Q_PROPERTY(TerminalView *view READ view WRITE setView NOTIFY viewChanged)
    /// Whether typed keys reach the container (it was started with -i: OpenStdin).
    Q_PROPERTY(bool sendInput READ sendInput WRITE setSendInput NOTIFY sendInputChanged)
    /// idle, attaching, attached, detached, exited, failed.
    Q_PROPERTY(QString phase READ phase NOTIFY phaseChanged)
    Q_PROPERTY(int exitCode READ exitCode NOTIFY phaseChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    /// `berth attach NAME`.
    Q_PROPERTY(QString commandLine READ commandLine NOTIFY nameChanged)

public:
    explicit ContainerAttachment(QObject *parent = nullptr);
    ~ContainerAttachment() override;

    [[nodiscard]] QString name() const { return name_; }
    void setName(const QString &name);
    [[nodiscard]] TerminalView *view() const { return view_; }
    void setView(TerminalView *view);
    [[nodiscard]] bool sendInput() const { return sendInput_; }
    void setSendInput(bool sendInput);
    [[nodiscard]] QString phase() const { return phase_; }
    [[nodiscard]] int exitCode() const { return exitCode_; }
    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] QString commandLine() const;

    /// Attaches the view to the running container.
    Q_INVOKABLE void attach();
    /// Leaves the container running and stops showing it.
    Q_INVOKABLE void detach();

Q_SIGNALS:
    void nameChanged();
    void viewChanged();
    void sendInputChanged();
    void phaseChanged();
    void errorChanged();

private:
    void typed(const QByteArray &bytes);
    void sendWindowSize();
    void queuePacket(std::string packet);
    void writePending();
    void readAvailable();
    void streamEnded();
    void closeStream();
    void fail(const QString &error);
    void setPhase(const QString &phase);
    void setError(const QString &error);

    QString name_;
    QPointer<TerminalView> view_;
    bool sendInput_ = true;
    QString phase_ = QStringLiteral("idle");
    int exitCode_ = 0;
    QString error_;
    berth::UniqueFd stream_;
    QSocketNotifier *readNotifier_ = nullptr;
    QSocketNotifier *writeNotifier_ = nullptr;
    /// Packets the socket did not take yet; each goes whole or not at all.
    std::deque<std::string> pending_;
    std::unique_ptr<berth::client::DetachKeyWatcher> detachKeys_;
    /// The helper answers AttachContainer when the container ends; which attach it was for.
    quint64 session_ = 0;
    bool streamOver_ = false;
    bool answered_ = false;
};

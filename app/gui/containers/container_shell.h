// The Terminal tab's session: a command (a shell by default) started in a running container
// on a new terminal (ExecContainerWithTerminal), its master end joined to a PtyChannel and so
// to a TerminalView, and the exit code (WaitExec) once the program has ended.
#pragma once

#include "pty_channel.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>

class ContainerShell : public QObject {
    Q_OBJECT
    QML_ELEMENT
    /// The container: a name, id or id prefix.
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY nameChanged)
    /// The program and its arguments as a shell line ("sh" unless changed).
    Q_PROPERTY(QString command READ command WRITE setCommand NOTIFY commandChanged)
    /// Joins the terminal's master end; its view gives the first size.
    Q_PROPERTY(PtyChannel *channel READ channel WRITE setChannel NOTIFY channelChanged)
    /// idle (nothing started yet), starting, running, exited, failed.
    Q_PROPERTY(QString phase READ phase NOTIFY phaseChanged)
    Q_PROPERTY(int exitCode READ exitCode NOTIFY phaseChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    /// Why command cannot be started as typed, or empty.
    Q_PROPERTY(QString commandProblem READ commandProblem NOTIFY commandChanged)
    /// `berth exec -it NAME sh`.
    Q_PROPERTY(QString commandLine READ commandLine NOTIFY commandChanged)

public:
    explicit ContainerShell(QObject *parent = nullptr);

    [[nodiscard]] QString name() const { return name_; }
    void setName(const QString &name);
    [[nodiscard]] QString command() const { return command_; }
    void setCommand(const QString &command);
    [[nodiscard]] PtyChannel *channel() const { return channel_; }
    void setChannel(PtyChannel *channel);
    [[nodiscard]] QString phase() const { return phase_; }
    [[nodiscard]] int exitCode() const { return exitCode_; }
    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] QString commandProblem() const;
    [[nodiscard]] QString commandLine() const;

    /// Starts command in the container on a terminal of the channel's view's size.
    Q_INVOKABLE void start();
    /// Ends the session from our side: the terminal closes, and the program gets SIGHUP.
    Q_INVOKABLE void close();

Q_SIGNALS:
    void nameChanged();
    void commandChanged();
    void channelChanged();
    void phaseChanged();
    void errorChanged();

private:
    void setPhase(const QString &phase);
    void setError(const QString &error);
    void waitForExit();

    QString name_;
    QString command_ = QStringLiteral("sh");
    QPointer<PtyChannel> channel_;
    QString phase_ = QStringLiteral("idle");
    int exitCode_ = 0;
    QString error_;
    QString execId_;
    /// Tells apart the answers for an earlier session from the current one.
    quint64 session_ = 0;
};

#include "container_shell.h"

#include "command_text.h"
#include "helper_client.h"
#include "helper_connection.h"
#include "pty_channel.h"
#include "run_form.h"

#include <QDBusPendingCallWatcher>
#include <QDBusUnixFileDescriptor>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <unistd.h>

ContainerShell::ContainerShell(QObject *parent) : QObject(parent) {}

void ContainerShell::setName(const QString &name)
{
    if (name_ == name)
        return;
    name_ = name;
    Q_EMIT nameChanged();
    Q_EMIT commandChanged();
}

void ContainerShell::setCommand(const QString &command)
{
    if (command_ == command)
        return;
    command_ = command;
    Q_EMIT commandChanged();
}

void ContainerShell::setChannel(PtyChannel *channel)
{
    if (channel_ == channel)
        return;
    if (channel_)
        disconnect(channel_, nullptr, this, nullptr);
    channel_ = channel;
    if (channel_)
        connect(channel_, &PtyChannel::closed, this, &ContainerShell::waitForExit);
    Q_EMIT channelChanged();
}

QString ContainerShell::commandProblem() const
{
    const auto words = RunForm::splitCommand(command_);
    if (!words)
        return tr("A quote in %1 is not closed; close it or remove it.").arg(berth::gui::quoteForShell(command_));
    if (words->isEmpty())
        return tr("Give the program to run, for example sh.");
    return {};
}

QString ContainerShell::commandLine() const
{
    QStringList words{QStringLiteral("exec"), QStringLiteral("-it"), name_.isEmpty() ? QStringLiteral("CONTAINER") : name_};
    const auto command = RunForm::splitCommand(command_);
    if (command && !command->isEmpty())
        words << *command;
    return berth::gui::commandLine(words);
}

void ContainerShell::start()
{
    HelperClient::instance()->showCommand(commandLine());
    if (!channel_ || !channel_->view()) {
        setError(tr("The terminal has no view to show the program in; reopen the container's page."));
        setPhase(QStringLiteral("failed"));
        return;
    }
    if (const QString problem = commandProblem(); !problem.isEmpty()) {
        setError(problem);
        setPhase(QStringLiteral("failed"));
        return;
    }
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        setError(failure);
        setPhase(QStringLiteral("failed"));
        return;
    }
    channel_->close();
    const int nullFd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (nullFd < 0) {
        setError(tr("Cannot open /dev/null for the runtime's messages: %1. Check that /dev/null exists.")
                     .arg(QString::fromLocal8Bit(std::strerror(errno))));
        setPhase(QStringLiteral("failed"));
        return;
    }
    const QVariantMap options{
        {QStringLiteral("Cmd"), *RunForm::splitCommand(command_)},
        {QStringLiteral("Rows"), uint(std::max(channel_->view()->rows(), 1))},
        {QStringLiteral("Columns"), uint(std::max(channel_->view()->columns(), 1))},
        {QStringLiteral("Env"), QStringList{QStringLiteral("TERM=xterm-256color")}},
    };
    const quint64 session = ++session_;
    const QString asked = name_;
    QDBusPendingCallWatcher *watcher = nullptr;
    {
        const QDBusUnixFileDescriptor errorOutput(nullFd);
        watcher = new QDBusPendingCallWatcher(
            HelperClient::instance()->proxy()->ExecContainerWithTerminal(name_, options, errorOutput), this);
    }
    ::close(nullFd);
    setError({});
    exitCode_ = 0;
    execId_.clear();
    setPhase(QStringLiteral("starting"));
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, session, asked]() {
        watcher->deleteLater();
        if (session != session_)
            return;
        QDBusPendingReply<QString, QDBusUnixFileDescriptor> reply = *watcher;
        if (reply.isError()) {
            setError(tr("Cannot start %1 in %2: %3")
                         .arg(berth::gui::quoteForShell(command_), asked,
                              berth::client::describeFailure(reply.error()).message));
            setPhase(QStringLiteral("failed"));
            return;
        }
        execId_ = reply.argumentAt<0>();
        if (!channel_ || !channel_->attach(reply.argumentAt<1>())) {
            setError(channel_ ? channel_->errorString() : tr("The terminal went away; reopen the container's page."));
            setPhase(QStringLiteral("failed"));
            return;
        }
        setPhase(QStringLiteral("running"));
    });
}

void ContainerShell::close()
{
    if (channel_)
        channel_->close();
    if (phase_ == QLatin1String("running"))
        waitForExit();
}

void ContainerShell::waitForExit()
{
    if (execId_.isEmpty() || phase_ != QLatin1String("running"))
        return;
    const quint64 session = session_;
    const QString execId = std::exchange(execId_, {});
    // The terminal is closed, so the program has ended or is ending: the answer is near, but
    // a program that ignores SIGHUP may take a while; wait as long as the CLI does.
    auto proxy = berth::client::makeHelperProxy(24 * 3600 * 1000);
    auto *watcher = new QDBusPendingCallWatcher(proxy->WaitExec(execId), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, session, execId]() {
        watcher->deleteLater();
        if (session != session_)
            return;
        QDBusPendingReply<int> reply = *watcher;
        if (reply.isError()) {
            setError(tr("Cannot learn how %1 ended (exec %2): %3")
                         .arg(berth::gui::quoteForShell(command_), execId,
                              berth::client::describeFailure(reply.error()).message));
            setPhase(QStringLiteral("failed"));
            return;
        }
        exitCode_ = reply.value();
        setPhase(QStringLiteral("exited"));
    });
}

void ContainerShell::setPhase(const QString &phase)
{
    if (phase_ == phase && phase != QLatin1String("exited"))
        return;
    phase_ = phase;
    Q_EMIT phaseChanged();
}

void ContainerShell::setError(const QString &error)
{
    if (error_ == error)
        return;
    error_ = error;
    Q_EMIT errorChanged();
}

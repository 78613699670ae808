// The exec verbs of io.berth.Helper1: checks polkit, copies the caller's descriptors and
// hands the work to ExecSessions.
#include "helper_service.h"

#include "container_manager.h"
#include "dbus_errors.h"
#include "exec_sessions.h"

#include <QDBusMessage>

#include <cerrno>
#include <fcntl.h>

using namespace berth;

namespace {

constexpr const char *manageAction = "io.berth.container-manage";

UniqueFd copyOf(const QDBusUnixFileDescriptor &descriptor)
{
    return UniqueFd(descriptor.isValid() ? ::fcntl(descriptor.fileDescriptor(), F_DUPFD_CLOEXEC, 3) : -1);
}

Result<ExecRequest> execRequest(const QVariantMap &options)
{
    ExecRequest request;
    for (auto it = options.begin(); it != options.end(); ++it) {
        const QString &key = it.key();
        if (key == QLatin1String("Cmd")) {
            for (const auto &argument : it.value().toStringList())
                request.command.push_back(argument.toStdString());
        } else if (key == QLatin1String("Env")) {
            for (const auto &setting : it.value().toStringList())
                request.env.push_back(setting.toStdString());
        } else if (key == QLatin1String("User")) {
            request.user = it.value().toString().toStdString();
        } else if (key == QLatin1String("WorkingDir")) {
            request.workingDir = it.value().toString().toStdString();
        } else if (key == QLatin1String("Rows")) {
            request.rows = static_cast<unsigned short>(it.value().toUInt());
        } else if (key == QLatin1String("Columns")) {
            request.columns = static_cast<unsigned short>(it.value().toUInt());
        } else {
            return fail(ErrorCode::InvalidArgument, "unknown exec option " + backquoted(key.toStdString()));
        }
    }
    return request;
}

} // namespace

QString HelperService::ExecContainer(const QString &name, const QVariantMap &options, const QDBusUnixFileDescriptor &input,
                                     const QDBusUnixFileDescriptor &output, const QDBusUnixFileDescriptor &errorOutput)
{
    // Copies taken now: the message's descriptors close when this call returns.
    auto descriptors = std::make_shared<std::array<UniqueFd, 3>>(
        std::array<UniqueFd, 3>{copyOf(input), copyOf(output), copyOf(errorOutput)});
    authorizeThen(manageAction, [this, name, options, descriptors](const QDBusMessage &message) {
        auto request = execRequest(options);
        if (!request)
            return errorReply(message, request.error());
        auto &[in, out, err] = *descriptors;
        exec_->start(name.toStdString(), *request, std::move(in), std::move(out), std::move(err),
                     [this, message](Result<ExecStarted> started) {
                         bus_.send(started ? message.createReply(QString::fromStdString(started->id))
                                           : errorReply(message, started.error()));
                     });
        return QDBusMessage();
    });
    return {};
}

QString HelperService::ExecContainerWithTerminal(const QString &name, const QVariantMap &options,
                                                 const QDBusUnixFileDescriptor &errorOutput, QDBusUnixFileDescriptor &)
{
    auto errorCopy = std::make_shared<UniqueFd>(copyOf(errorOutput));
    authorizeThen(manageAction, [this, name, options, errorCopy](const QDBusMessage &message) {
        auto request = execRequest(options);
        if (!request)
            return errorReply(message, request.error());
        request->tty = true;
        exec_->start(name.toStdString(), *request, {}, {}, std::move(*errorCopy),
                     [this, message](Result<ExecStarted> started) {
                         if (!started) {
                             bus_.send(errorReply(message, started.error()));
                             return;
                         }
                         // QDBusUnixFileDescriptor takes its own copy; ours closes with started.
                         bus_.send(message.createReply(
                             {QVariant(QString::fromStdString(started->id)),
                              QVariant::fromValue(QDBusUnixFileDescriptor(started->terminal.get()))}));
                     });
        return QDBusMessage();
    });
    return {};
}

int HelperService::WaitExec(const QString &execId)
{
    authorizeThen(manageAction, [this, execId](const QDBusMessage &message) {
        exec_->wait(execId.toStdString(), [this, message](Result<int> exitCode) {
            bus_.send(exitCode ? message.createReply(*exitCode) : errorReply(message, exitCode.error()));
        });
        return QDBusMessage();
    });
    return 0;
}
